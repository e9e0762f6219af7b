// npm run audit:verify [-- FILE] [-- --head <entries>:<hash>]: verifies the database (JURY_DB, or the
// file given) against its audit log, with the audit key kept beside it (FILE.audit-key) or in
// JURY_AUDIT_KEY. Exits non-zero, naming the first bad entry or row, when:
//  - the keyed hash chain is broken (an entry edited, removed, reordered, or re-hashed without the key);
//  - the head given with --head (printed in the protocol at finalisation and publication) is not an
//    entry of the log, or the heads stored at finalisation and publication are not (a log cut short);
//  - replaying the log's score saves, recusals, submissions, reopenings, decisions and finalisation
//    does not rebuild exactly the stored scores, recusals, ballots and receipts, decisions and awards;
//  - after finalisation, the stored awards and final hash do not follow from the stored scores.
// A roll-back recorded by `npm run restore -- --roll-back` (an `audit.restore` entry, lib/audit/roll-back.ts)
// is not a failure (the log is whole and keyed, and says what was set aside): each is printed as a
// `warning:` line, on stdout, whatever the exit status (README, "Backups").
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, databaseFile } from '../lib/database';
import { verifyChain } from '../lib/audit';
import { checkGivenHead, replayAudit } from '../lib/replay/audit';
import { verifyAwards } from '../lib/round/verify';
import { listRestores } from '../lib/audit/roll-back';

function args(argv: string[]): { file: string; head: string | null } {
  let file: string | null = null;
  let head: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--head') head = argv[++i] ?? '';
    else if (argv[i].startsWith('--head=')) head = argv[i].slice('--head='.length);
    else file = argv[i];
  }
  return { file: file ? path.resolve(file) : databaseFile(), head };
}

const { file, head } = args(process.argv.slice(2));
if (!fs.existsSync(file)) {
  process.stderr.write(`audit:verify: no database at ${file}\n`);
  process.exit(2);
}
const h = openDatabase(file);
const chain = verifyChain(h.db);
const problems: string[] = [];
if (!chain.ok) {
  const why = {
    prev_hash: 'its prev_hash does not match the previous entry’s hash (an entry was removed or reordered)',
    hash: 'its keyed hash does not match its content (the entry was altered, or the chain re-hashed without the key)',
    unsealed_legacy: 'unkeyed entries that no keyed seal follows (the log was rewritten without the key)',
    legacy_after_keyed: 'an unkeyed entry after keyed ones (the log was rewritten without the key)',
  }[chain.why];
  problems.push(`audit chain BROKEN at entry id ${chain.brokenAt} (entry ${chain.entries} in order): ${why}`);
}
if (head !== null) {
  const p = checkGivenHead(h.db, head);
  if (p) problems.push(`the head ${head} given with --head: ${p}`);
}
for (const p of replayAudit(h.db)) problems.push(`replay: ${p}`);
// After finalisation, also prove that the stored awards and final hash follow from the stored scores.
const awards = verifyAwards(h.db);
if (!awards.ok) for (const p of awards.problems) problems.push(`awards do NOT follow from the stored scores: ${p}`);
const restores = listRestores(h.db);
h.sqlite.close();

for (const r of restores) {
  const lost = [r.lost.published ? 'the publication of the results' : '', `${r.lost.entries} log entries`].filter(Boolean).join(' and ');
  process.stdout.write(`warning: entry ${r.entry}, ${r.at}: the database was rolled back with npm run restore --roll-back from phase ${r.replaced.phase ?? 'none'} (head ${r.replaced.head}) to a backup in phase ${r.restored.phase ?? 'none'} (head ${r.restored.head}); ${lost} were set aside\n`);
}
if (problems.length === 0) {
  process.stdout.write(`audit chain ok: ${chain.entries} entries verified in ${file}\n`);
  if (head !== null) process.stdout.write(`head ok: ${head} is an entry of the log\n`);
  process.stdout.write('replay ok: the log rebuilds the stored scores, recusals, ballots, receipts, decisions and awards\n');
  process.stdout.write(awards.ok && awards.skipped ? 'awards: not finalised yet, nothing to check\n' : `awards ok: ${awards.ok ? awards.checked : 0} nominations recomputed from the stored scores, final hash matches\n`);
  process.exit(0);
}
for (const p of problems) process.stderr.write(`${p}\n`);
process.exit(1);
