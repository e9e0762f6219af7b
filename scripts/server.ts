// The production server: Next.js's own request handler (the documented custom-server API) behind a
// plain node:http server that does one thing `next start` cannot: it writes the socket's address
// into a header the app believes (lib/http/client-address.ts), replacing any the client sent. The login
// throttle and the audit log need the real address, and Next.js hands route handlers none.
// Usage: PORT=3000 [HOST=127.0.0.1] tsx scripts/server.ts   (npm start builds first, then runs this).
import http from 'node:http';
import { SOCKET_HEADER, trustSocketHeader } from '../lib/http/client-address';
import { checkEnvOrExit } from '../lib/env';

async function serve(port: number, host: string | undefined): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV ??= 'production';
  checkEnvOrExit();
  trustSocketHeader();
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), port, hostname: host ?? 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    req.headers[SOCKET_HEADER] = req.socket.remoteAddress ?? '';
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  // Stop taking requests, let the ones in flight finish (a save is one short transaction), then exit;
  // idle keep-alive connections would otherwise hold the server open.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
serve(port, host).then(
  () => console.log(`Jury: listening on ${host ?? '*'}:${port}`),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
