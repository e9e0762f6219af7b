// The documented example (docs/tally-example.json) gives the documented result, and the output
// printed in docs/tally-format.md is exactly what the engine produces.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTallyInput, specialRoundCandidates, tally } from '..';

const docs = join(__dirname, '../../../docs');
const parsed = parseTallyInput(JSON.parse(readFileSync(join(docs, 'tally-example.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const input = parsed.input;
const result = tally(input);
const byCode = Object.fromEntries(result.nominations.map((n) => [n.code, n]));

describe('docs/tally-example.json', () => {
  it('best film: film-03, by 7/5 (8.60 against 7.20)', () => {
    expect(byCode.best_film.winners).toEqual(['best_film:film-03']);
    expect(byCode.best_film.margin).toEqual({ exact: '7/5', display: '1.40' });
    // j2 is recused from prince: the 9 on file is not counted.
    expect(byCode.best_film.ranking.find((r) => r.filmId === 'prince')).toMatchObject({ counted: 4, recusedExcluded: 1 });
  });

  it('best director: film-03 passed over, then the chair\'s casting vote for diamond-sword', () => {
    const n = byCode.best_director;
    expect(n.winners).toEqual(['best_director:diamond-sword']);
    expect(n.ranking[0]).toMatchObject({ candidate: 'best_director:film-03', eligible: false });
    expect(n.reasons.map((r) => r.code)).toEqual(['passed_over_one_award', 'recused_excluded', 'chair_casting_vote']);
  });

  it('best actress: film-03 again (exempt from the one-award rule)', () => {
    expect(byCode.best_actress.winners).toEqual(['best_actress:film-03']);
  });

  it('special jury prize: shared by prince and film-04', () => {
    expect(byCode.special_jury_prize.winners).toEqual(['special_jury_prize:prince', 'special_jury_prize:film-04']);
    expect(byCode.special_jury_prize.reasons.map((r) => r.code)).toEqual(['shared_award']);
  });

  it('opens the special round to exactly those two films', () => {
    expect(specialRoundCandidates(input, result)).toEqual(['prince', 'film-04']);
  });

  it('matches the output printed in docs/tally-format.md', () => {
    const md = readFileSync(join(docs, 'tally-format.md'), 'utf8');
    const block = /<!-- example-output -->\s*```json\n([\s\S]*?)\n```/.exec(md);
    expect(block, 'docs/tally-format.md has an example-output block').not.toBeNull();
    expect(JSON.parse(block![1])).toEqual(result);
  });
});
