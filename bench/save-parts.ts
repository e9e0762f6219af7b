// Where a score save's server time goes, measured in-process (no HTTP, no framework): the action's
// own work (executeAction: role, zod, the immediate transaction with its reads, upsert and audit
// append) with the app's pragmas (synchronous FULL) and with synchronous NORMAL (to show the commit's
// fsync), the same through group commit, and the session token's decoding: next-auth's own decode (what
// lib/auth/token does on a token not seen before) and ours on a token already decoded (the memo).
//   node --conditions react-server --import tsx bench/save-parts.ts   (react-server: 'server-only' allows the import)
import { createHash } from 'node:crypto';
import { encode, decode } from 'next-auth/jwt';
import { executeAction, executeActionGrouped } from '@/lib/server/action';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { findSessionUser } from '@/lib/auth/users';
import { decodeSessionToken } from '@/lib/auth/token';
import { addJurors, demoDb, setPhase } from './lib/db';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import { median } from './lib/report';

export async function saveParts(n = 2000): Promise<Record<string, number>> {
  const { sqlite } = await demoDb('parts');
  const db = drizzle(sqlite, { schema });
  const [j] = await addJurors(sqlite, 1);
  setPhase(sqlite, 'voting');
  const cands = sqlite.prepare("select c.id from candidate c join nomination n on n.id = c.nomination_id where n.round = 'main'").pluck().all() as number[];
  const user = findSessionUser(db, j.id)!;
  const per = (f: () => unknown, k = n) => {
    for (let i = 0; i < Math.min(200, k); i++) f();
    const xs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < k / 5; i++) f();
      xs.push((performance.now() - t0) / (k / 5));
    }
    return median(xs);
  };
  let i = 0;
  const save = () => {
    const out = executeAction(saveScoreSpec, user, { candidateId: cands[i++ % cands.length], value: 1 + (i % 10) }, db);
    if (!out.ok) throw new Error(JSON.stringify(out));
  };
  const out: Record<string, number> = {};
  // The bare server's write (bench/bare-server.ts) on the same connection, for comparison.
  const upsert = sqlite.prepare('insert into score (juror_id, candidate_id, steps, updated_at) values (?, ?, ?, ?) on conflict (juror_id, candidate_id) do update set steps = excluded.steps, updated_at = excluded.updated_at');
  const lastHash = sqlite.prepare('select hash from audit order by id desc limit 1').pluck();
  const appendAudit = sqlite.prepare('insert into audit (at, actor_id, action, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?)');
  const bareTx = sqlite.transaction((c: number, v: number) => {
    const at = new Date().toISOString();
    upsert.run(j.id, c, v - 1, at); // steps above the scale's 1
    const prev = lastHash.get() as string;
    const payload = JSON.stringify({ candidateId: c, value: v });
    appendAudit.run(at, j.id, 'ballot.save_score', payload, prev, createHash('sha256').update(prev).update(payload + at).digest('hex'));
  });
  const bare = () => bareTx.immediate(cands[i++ % cands.length], 1 + (i % 10));
  for (const mode of ['FULL', 'NORMAL']) {
    sqlite.pragma(`synchronous = ${mode}`);
    // Alternating, so that both see the same machine load.
    let a = 0, b = 0;
    for (let r = 0; r < 3; r++) {
      a += per(save, n / 3);
      b += per(bare, n / 3);
    }
    out[`executeAction(saveScore), synchronous ${mode}${mode === 'FULL' ? ' (the app\'s setting)' : ''}`] = a / 3;
    out[`bare write (raw statements), synchronous ${mode}`] = b / 3;
  }
  // Group commit as the server does it when 12 saves arrive together: one transaction, 12 savepoints.
  sqlite.pragma('synchronous = FULL');
  const batch = () => Promise.all(Array.from({ length: 12 }, () => executeActionGrouped(saveScoreSpec, user, { candidateId: cands[i++ % cands.length], value: 1 + (i % 10) }, db)));
  for (let r = 0; r < 20; r++) await batch();
  const g0 = performance.now();
  const batches = Math.round(n / 12);
  for (let r = 0; r < batches; r++) await batch();
  out['executeActionGrouped(saveScore), 12 at once, per save, synchronous FULL (mean)'] = (performance.now() - g0) / (batches * 12);
  out['session user lookup (findSessionUser)'] = per(() => findSessionUser(db, j.id));
  const secret = 'bench-secret-not-for-production-0123456789';
  const token = await encode({ token: { uid: j.id, sv: 1, sub: String(j.id) }, secret });
  const async = async (f: (r: number) => Promise<unknown>, k = 500) => {
    for (let r = 0; r < 50; r++) await f(r);
    const t0 = performance.now();
    for (let r = 50; r < 50 + k; r++) await f(r);
    return (performance.now() - t0) / k;
  };
  out['session JWT decode (next-auth/jwt decode: key derived per call) (mean)'] = await async(() => decode({ token, secret }));
  out['session JWT decode (lib/auth/token, a token already decoded: the memo) (mean)'] = await async(() => decodeSessionToken(token, secret));
  out['session JWT re-encode (next-auth/jwt; the app no longer re-issues the cookie per action) (mean)'] = await async(() => encode({ token: { uid: j.id, sv: 1 }, secret }));
  sqlite.close();
  return out;
}

if (process.argv[1]?.endsWith('save-parts.ts')) {
  saveParts().then((r) => {
    if (process.argv.includes('--json')) console.log(JSON.stringify(r));
    else for (const [k, v] of Object.entries(r)) console.log(`${v.toFixed(3).padStart(8)} ms  ${k}`);
  });
}
