// npm run audit:verify [-- FILE]: walks the whole audit hash chain of the database (JURY_DB, or the
// file given) and exits non-zero at the first broken link, printing where it broke.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, databaseFile } from '../db';
import { verifyChain } from '../lib/audit';
import { verifyAwards } from '../lib/round/verify';

const file = process.argv[2] ? path.resolve(process.argv[2]) : databaseFile();
if (!fs.existsSync(file)) {
  process.stderr.write(`audit:verify: no database at ${file}\n`);
  process.exit(2);
}
const h = openDatabase(file);
const status = verifyChain(h.db);
// After finalisation, also prove that the stored awards and final hash follow from the stored scores.
const awards = verifyAwards(h.db);
h.sqlite.close();
if (status.ok && awards.ok) {
  process.stdout.write(`audit chain ok: ${status.entries} entries verified in ${file}\n`);
  process.stdout.write(awards.skipped ? 'awards: not finalised yet, nothing to check\n' : `awards ok: ${awards.checked} nominations recomputed from the stored scores, final hash matches\n`);
  process.exit(0);
}
if (!awards.ok) for (const p of awards.problems) process.stderr.write(`awards do NOT follow from the stored scores: ${p}\n`);
if (status.ok) process.exit(1);
const why = status.why === 'prev_hash' ? 'its prev_hash does not match the previous entry’s hash (an entry was removed or reordered)' : 'its hash does not match its content (the entry was altered)';
process.stderr.write(`audit chain BROKEN at entry id ${status.brokenAt} (entry ${status.entries} in order): ${why}\n`);
process.exit(1);
