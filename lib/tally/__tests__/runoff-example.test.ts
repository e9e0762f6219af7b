// The documented runoff example (docs/tally-runoff-example.json): a 6–6 runoff, then a second one
// that decides; the output printed in docs/tally-format.md is exactly what the engine produces, and
// `npm run tally` (in-process) recomputes it, also from the counts a distributions export publishes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tallyCli } from '@/scripts/tally-cli';
import { distributionsOf, parseDistributionsInput, parseTallyInput, tally, tallyDistributions } from '..';

const docs = join(__dirname, '../../../docs');
const file = join(docs, 'tally-runoff-example.json');
const parsed = parseTallyInput(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const input = parsed.input;
const result = tally(input);
const L = 'best_director:lotus';
const S = 'best_director:steppe';

describe('docs/tally-runoff-example.json', () => {
  it('the first runoff ties 6–6, the second elects Steppe 7–4 with one abstention', () => {
    const n = result.nominations[0];
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([S]);
    expect(n.runoffs?.map((o) => [o.counts.map((c) => c.votes), o.abstentions, o.winners, o.stillTied])).toEqual([
      [[6, 6], 0, null, [L, S]],
      [[4, 7], 1, [S], []],
    ]);
    expect(n.reasons.map((r) => r.code)).toEqual(['runoff_tied', 'runoff_decided']);
  });

  it('matches the output printed in docs/tally-format.md', () => {
    const md = readFileSync(join(docs, 'tally-format.md'), 'utf8');
    const block = /<!-- runoff-example-output -->\s*```json\n([\s\S]*?)\n```/.exec(md);
    expect(block, 'docs/tally-format.md has a runoff-example-output block').not.toBeNull();
    expect(JSON.parse(block![1])).toEqual(result);
  });

  it('npm run tally recomputes it and shows each runoff in the table', () => {
    const json = tallyCli([file]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(result);
    const table = tallyCli([file, '--format', 'table']);
    expect(table.stdout).toMatch(/runoff 1 \(1 place\): best_director:lotus 6, best_director:steppe 6; abstentions 0; still tied/);
    expect(table.stdout).toMatch(/runoff 2 \(1 place\): best_director:lotus 4, best_director:steppe 7; abstentions 1; elected best_director:steppe/);
  });

  it('a distributions export recomputes the runoffs from their counts, and notices a count changed', () => {
    const { jurors: _j, scores: _s, recusals: _r, runoffs: _o, ...frame } = input;
    const exp = JSON.parse(JSON.stringify({ publicationLevel: 'distributions', ...frame, ...distributionsOf(input, result), awards: [{ nomination: 'best_director', candidate: S }] }));
    expect(exp.runoffCounts[1]).toEqual({ nomination: 'best_director', tied: [L, S], places: 1, counts: [{ candidate: L, votes: 4 }, { candidate: S, votes: 7 }], abstentions: 1 });
    const ok = parseDistributionsInput(exp);
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    const again = tallyDistributions(ok.input);
    expect(again.mismatches).toEqual([]);
    expect(again.result!.nominations[0].runoffs).toEqual(result.nominations[0].runoffs);
    // Lotus given the second runoff in the export: the recomputation disagrees with the published award.
    exp.runoffCounts[1].counts = [{ candidate: L, votes: 8 }, { candidate: S, votes: 3 }];
    const forged = parseDistributionsInput(exp);
    if (!forged.ok) throw new Error('still well-formed');
    expect(tallyDistributions(forged.input).mismatches).toEqual([{ nomination: 'best_director', candidate: null, what: 'winners', published: S, recomputed: L }]);
    // A count for a candidate outside the tie is refused with its place.
    exp.runoffCounts[1].counts = [{ candidate: L, votes: 4 }, { candidate: 'best_director:harbour', votes: 7 }];
    const bad = parseDistributionsInput(exp);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => [e.path, e.code])).toContainEqual(['runoffCounts[1]', 'invalid:runoff_choice']);
  });

  it('npm run tally reads a distributions export with runoffs: recomputes them, and exits 1 when a count was changed', () => {
    const { jurors: _j, scores: _s, recusals: _r, runoffs: _o, ...frame } = input;
    const exp = { publicationLevel: 'distributions', ...frame, ...distributionsOf(input, result), awards: [{ nomination: 'best_director', candidate: S }] };
    const dir = mkdtempSync(join(tmpdir(), 'runoff-cli-'));
    const good = join(dir, 'festival.json');
    writeFileSync(good, JSON.stringify(exp));
    const ok = tallyCli([good]);
    // Exit 0: the equal aggregates went through head-to-head, which this level cannot check. That is a
    // statement of what the publication level holds (on stderr), not a failure: nothing differs.
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/ranked apart by head-to-head, which needs each juror's ballot/);
    expect(JSON.parse(ok.stdout).nominations[0]).toMatchObject({ winners: [S], runoffs: result.nominations[0].runoffs });
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...exp, runoffCounts: exp.runoffCounts!.map((r, i) => (i === 1 ? { ...r, counts: [{ candidate: L, votes: 8 }, { candidate: S, votes: 3 }] } : r)) }));
    const bad = tallyCli([forged]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`best_director: the export says winners ${S}, the recomputation gives ${L}.`);
  });
});
