// Properties of the runoff links of the chain, over random juries with runoffs held on their ties.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTallyInput } from '../input';
import { tally } from '../tally';
import { DEFAULT_TIE_BREAK, type Decision, type NominationResult, type TallyInput, type TallyResult } from '../types';
import { arbJury, prng, shuffle } from './arbitrary';
import { arbRunoffJury, holdRunoffs, staleRunoffs, withChains } from './runoff-arbitrary';

const RUNS = Number(process.env.TALLY_RUNS ?? 100);
const shape = { maxJurors: 12, maxCandidates: 6, maxNominations: 6 };
const juries = arbRunoffJury(shape);
const seeded = fc.tuple(arbJury(shape), fc.integer());

/** What an award is: who won, or what blocks it. */
const awards = (r: TallyResult) => r.nominations.map((n) => ({ code: n.code, status: n.status, winners: n.winners, tie: n.tie?.candidates ?? null }));

function valid(input: TallyInput): TallyInput {
  const p = parseTallyInput(input);
  if (!p.ok) throw new Error(JSON.stringify(p.errors.slice(0, 3)));
  return p.input;
}

describe('runoffs: properties', () => {
  it('the generated runoffs are valid input, and some of them decide or re-tie awards', () => {
    let applied = 0;
    fc.assert(
      fc.property(juries, (input) => {
        const result = tally(valid(input));
        applied += result.nominations.reduce((a, n) => a + (n.runoffs?.length ?? 0), 0);
      }),
      { numRuns: RUNS },
    );
    // The generator is useful only if runoffs do apply (not a test of the tally, of the test).
    expect(applied).toBeGreaterThan(0);
  });

  it('a runoff never changes a decided award: runoffs on no tie or on another tie change no result', () => {
    fc.assert(
      fc.property(seeded, ([jury, seed]) => {
        const rand = prng(seed);
        const input = withChains(jury, rand);
        const before = tally(input);
        const after = tally(valid({ ...input, runoffs: staleRunoffs(input, rand) }));
        expect(awards(after)).toEqual(awards(before));
        after.nominations.forEach((n, i) => {
          expect(n.ranking).toEqual(before.nominations[i].ranking);
          expect(n.margin).toEqual(before.nominations[i].margin);
          expect(n.runoffs).toBeUndefined();
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('without the one-award rule, runoffs on the ties change no award that was decided', () => {
    fc.assert(
      fc.property(seeded, ([jury, seed]) => {
        const rand = prng(seed);
        const input = withChains({ ...jury, rules: { ...jury.rules, oneAwardPerFilm: false } }, rand);
        const before = tally(input);
        const after = tally(valid(holdRunoffs(input, rand)));
        after.nominations.forEach((n, i) => {
          const b = before.nominations[i];
          if (b.status === 'decided') expect(n.winners).toEqual(b.winners);
          // And a runoff only ever elects among the tie it was held on.
          if (b.tie && n.status === 'decided') expect(n.winners.every((w) => b.tie!.candidates.includes(w))).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("a recused juror's runoff vote never counts, whatever it is", () => {
    let changed = 0;
    fc.assert(
      fc.property(juries, fc.integer(), (input, seed) => {
        const rand = prng(seed);
        const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId] as const)));
        const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
        const country = new Map(input.jurors.map((j) => [j.id, j.country]));
        const declared = new Set(input.recusals.map((r) => `${r.juror}|${r.film}`));
        const recused = (juror: string, film: string) =>
          declared.has(`${juror}|${film}`) || (input.rules.recusalByNationality && !!country.get(juror) && country.get(juror) === filmCountry.get(film));
        const runoffs = input.runoffs?.map((r) => ({
          ...r,
          votes: r.votes.map((v) => {
            if (!r.tied.some((c) => recused(v.juror, filmOf.get(c)!))) return v;
            changed++;
            return { ...v, choice: r.tied[Math.floor(rand() * r.tied.length)] };
          }),
        }));
        const outcome = (x: TallyInput) => tally(x).nominations.map((n) => ({ ...awards({ method: x.method, nominations: [n] })[0], runoffs: n.runoffs }));
        expect(outcome({ ...input, runoffs })).toEqual(outcome(input));
      }),
      { numRuns: RUNS },
    );
    expect(changed).toBeGreaterThan(0);
  });

  it('same input, same output; also after a JSON round trip', () => {
    fc.assert(
      fc.property(juries, (input) => {
        const result = tally(input);
        expect(tally(input)).toEqual(result);
        expect(tally(JSON.parse(JSON.stringify(input)))).toEqual(result);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of votes or jurors', () => {
    fc.assert(
      fc.property(juries, fc.integer(), (input, seed) => {
        const rand = prng(seed);
        const permuted: TallyInput = {
          ...input,
          jurors: shuffle(input.jurors, rand),
          runoffs: input.runoffs?.map((r) => ({ ...r, votes: shuffle(r.votes, rand) })),
        };
        expect(tally(permuted)).toEqual(tally(input));
      }),
      { numRuns: RUNS },
    );
  });

  it("does not depend on the order of unrelated runoffs (other nominations')", () => {
    fc.assert(
      fc.property(juries, fc.integer(), (input, seed) => {
        const runoffs = input.runoffs ?? [];
        const rand = prng(seed);
        // Interleave the nominations' runoff lists at random, keeping each nomination's own order.
        const queues = new Map<string, number[]>();
        runoffs.forEach((r, i) => queues.set(r.nomination, [...(queues.get(r.nomination) ?? []), i]));
        const order: number[] = [];
        while (order.length < runoffs.length) {
          const live = [...queues.values()].filter((q) => q.length);
          order.push(live[Math.floor(rand() * live.length)].shift()!);
        }
        const moved = tally({ ...input, runoffs: order.map((i) => runoffs[i]) });
        const base = tally(input);
        // Equal once each runoff's position is named by the original one.
        const rename = (n: NominationResult) => ({
          ...n,
          reasons: n.reasons.map((r) => ('runoff' in r.params ? { ...r, params: { ...r.params, runoff: order[Number(r.params.runoff)] } } : r)),
          ...(n.runoffs && { runoffs: n.runoffs.map((o) => ({ ...o, index: order[o.index] })) }),
        });
        expect(moved.nominations.map(rename)).toEqual(base.nominations);
      }),
      { numRuns: RUNS },
    );
  });

  it('the default chain, named or not, gives the results of the tally before runoffs', () => {
    fc.assert(
      fc.property(seeded, ([jury, seed]) => {
        const rand = prng(seed);
        // The chair's decisions on the ties the tally shows: casting votes and (where allowed) shared awards.
        const first = tally(jury);
        const decisions: Decision[] = first.nominations.flatMap((n) =>
          n.tie && rand() < 0.7
            ? [rand() < 0.3 && n.tie.candidates.length > 1
                ? { nomination: n.code, kind: 'shared' as const, tied: n.tie.candidates, chosen: n.tie.candidates.slice(0, 2) }
                : { nomination: n.code, kind: 'casting_vote' as const, tied: n.tie.candidates, chosen: [n.tie.candidates[Math.floor(rand() * n.tie.candidates.length)]] }]
            : [],
        );
        const old = { ...jury, decisions };
        const named: TallyInput = {
          ...old,
          rules: { ...old.rules, tieBreak: Object.fromEntries(old.nominations.map((n) => [n.code, { chain: [...DEFAULT_TIE_BREAK], abstention: false }])) },
        };
        const base = tally(old);
        const withRules = tally(named);
        // Identical but for the tie's next steps, which only inputs with rules carry.
        const strip = (r: TallyResult) => ({ ...r, nominations: r.nominations.map((n) => ({ ...n, tie: n.tie && { candidates: n.tie.candidates, places: n.tie.places } })) });
        expect(strip(withRules)).toEqual(base);
        for (const n of withRules.nominations) if (n.tie) expect(n.tie.next?.[0]).toBe('casting_vote');
        // An empty runoff list is no runoff.
        expect(tally({ ...old, runoffs: [] })).toEqual(base);
      }),
      { numRuns: RUNS },
    );
  });

  it('a tie left open names a next step, and runoff only while the chain still has one', () => {
    fc.assert(
      fc.property(juries, (input) => {
        for (const n of tally(input).nominations) {
          if (!n.tie) continue;
          const chain = input.rules.tieBreak![n.code].chain;
          expect(n.tie.next!.length).toBeGreaterThan(0);
          const held = n.runoffs?.length ?? 0;
          // A runoff step on a tie fewer than three jurors (the chair aside) may vote on is skipped, and said so.
          const skipped = n.reasons.some((r) => r.code === 'runoff_skipped' && r.params.candidates === n.tie!.candidates.join(','));
          const due = chain[held] === 'runoff' && !skipped;
          expect(n.tie.next!.includes('runoff')).toBe(due);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
