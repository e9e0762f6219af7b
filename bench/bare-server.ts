// The machine's limit for a score save: a bare node:http server doing the same write as the score
// action (upsert on (juror_id, candidate_id)) plus an audit-like append (read the last hash, sha256,
// insert) in one immediate transaction, with better-sqlite3 and the app's pragmas. No framework, no
// session, no validation: what is left when everything but the database work is taken away.
//   JURY_DB=<file> PORT=<port> tsx bench/bare-server.ts      POST /save  {"jurorId","candidateId","value"}
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { BARE_LISTENING } from './lib/bare';

const file = process.env.JURY_DB;
if (!file) throw new Error('JURY_DB is required');
const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 10000');
sqlite.pragma('synchronous = FULL');

const upsert = sqlite.prepare(
  'insert into score (juror_id, candidate_id, steps, updated_at) values (?, ?, ?, ?) on conflict (juror_id, candidate_id) do update set steps = excluded.steps, updated_at = excluded.updated_at',
);
const lastHash = sqlite.prepare('select hash from audit order by id desc limit 1').pluck();
const appendAudit = sqlite.prepare('insert into audit (at, actor_id, action, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?)');
const save = sqlite.transaction((jurorId: number, candidateId: number, value: number | null) => {
  const at = new Date().toISOString();
  upsert.run(jurorId, candidateId, value === null ? null : value - 1, at); // steps above the scale's 1
  const prev = (lastHash.get() as string | undefined) ?? '0'.repeat(64);
  const payload = JSON.stringify({ candidateId, value });
  const hash = createHash('sha256').update(prev).update('\n').update(JSON.stringify({ action: 'ballot.save_score', actorId: jurorId, at, payload })).digest('hex');
  appendAudit.run(at, jurorId, 'ballot.save_score', payload, prev, hash);
  return at;
});

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/save') {
    res.writeHead(req.url === '/login' ? 200 : 404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const { jurorId, candidateId, value } = JSON.parse(Buffer.concat(chunks).toString()) as { jurorId: number; candidateId: number; value: number | null };
      const at = save.immediate(jurorId, candidateId, value);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, data: { candidateId, value, updatedAt: at } }));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, code: String(e) }));
    }
  });
});
server.keepAliveTimeout = 65_000;
const port = Number(process.env.PORT ?? 3299);
// The benchmark's harness waits for this line (bench/lib/bare.ts).
server.listen(port, '127.0.0.1', () => console.log(`${BARE_LISTENING} 127.0.0.1:${port}`));
const stop = () => server.close(() => { sqlite.close(); process.exit(0); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
