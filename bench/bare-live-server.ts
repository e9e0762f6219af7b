// The machine's floor for live counts: a bare node:http Server-Sent Events server doing the same
// database polling as the app's watcher (lib/live/watcher.ts): its own read-only better-sqlite3
// connection, `PRAGMA data_version` every POLL_MS, and on a change one count of the open runoff's
// votes, pushed to every open stream. No framework, no session, no per-reader view.
//   JURY_DB=<file> PORT=<port> POLL_MS=<ms> tsx bench/bare-live-server.ts      GET /live
import Database from 'better-sqlite3';
import http from 'node:http';
import { BARE_LISTENING } from './lib/bare';

const file = process.env.JURY_DB;
if (!file) throw new Error('JURY_DB is required');
const POLL_MS = Number(process.env.POLL_MS ?? 150);
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 10000');
const cast = sqlite
  .prepare('select count(*) from runoff_vote where runoff_id = (select id from runoff where closed_at is null and set_aside_at is null order by id desc limit 1)')
  .pluck();

const streams = new Set<http.ServerResponse>();
let version = -1;
let last = '';
const read = () => JSON.stringify({ cast: cast.get() as number });
setInterval(() => {
  const v = sqlite.pragma('data_version', { simple: true }) as number;
  if (v === version) return;
  version = v;
  const data = read();
  if (data === last) return;
  last = data;
  for (const res of streams) res.write(`event: counts\ndata: ${data}\n\n`);
}, POLL_MS);

const server = http.createServer((req, res) => {
  if (req.url !== '/live') {
    res.writeHead(req.url === '/login' ? 200 : 404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' });
  res.write(`retry: 2000\n\nevent: counts\ndata: ${read()}\n\n`);
  streams.add(res);
  req.on('close', () => streams.delete(res));
});
const port = Number(process.env.PORT ?? 3298);
// The benchmark's harness waits for this line (bench/lib/bare.ts).
server.listen(port, '127.0.0.1', () => console.log(`${BARE_LISTENING} 127.0.0.1:${port}`));
const stop = () => {
  for (const res of streams) res.end();
  server.close(() => { sqlite.close(); process.exit(0); });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
