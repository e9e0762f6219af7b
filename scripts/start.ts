// npm start: builds the app if it has not been built, then serves it (scripts/server.ts: Next.js's
// request handler behind a node:http server that passes on the socket's address; see there why).
// The server itself migrates the database and seeds the demo festival on first start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkEnvOrExit } from '../lib/env';

const port = process.env.PORT ?? '3000';
const distDir = process.env.JURY_DIST_DIR || '.next';
// The `next` command as Next.js's package.json declares it (its public `bin` field, what
// node_modules/.bin/next links to), run with this Node.js so it works the same on every platform.
const nextPackage = createRequire(__filename).resolve('next/package.json');
const nextBin = path.join(path.dirname(nextPackage), (JSON.parse(fs.readFileSync(nextPackage, 'utf8')) as { bin: { next: string } }).bin.next);

// Refuse to start (or build) with bad settings, e.g. no NEXTAUTH_SECRET outside demo mode.
checkEnvOrExit();

if (!fs.existsSync(path.join(distDir, 'BUILD_ID')) || process.argv.includes('--rebuild')) {
  console.log('Building Jury (first start only)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.PORT = port;
console.log(`Jury: http://localhost:${port}`);
// The server runs in this process (scripts/server.ts): Next.js behind a socket-address-aware front.
void import('./server');
