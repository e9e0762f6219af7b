// What the bare baseline servers (bench/bare-*.ts) print once they listen: the harness waits for it.
export const BARE_LISTENING = 'bare: listening on';
