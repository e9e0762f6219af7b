// Properties that must hold for any jury: checked over random juries of 1-30 jurors and 1-40
// candidates per nomination, with random recusals, under every method.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairwiseMatrices } from '../pairwise';
import { tally } from '../tally';
import { METHODS, type NominationResult, type TallyInput } from '../types';
import { arbJury, prng, shuffle } from './arbitrary';

// TALLY_RUNS=5000 for a long soak; the default keeps the suite quick.
const RUNS = Number(process.env.TALLY_RUNS ?? 100);
const single = arbJury({ maxJurors: 30, maxCandidates: 40, maxNominations: 1 });
const several = arbJury({ maxJurors: 12, maxCandidates: 12, maxNominations: 6 });

/** What a candidate's row says, keyed by candidate id (the row's position may differ among ties). */
function byCandidate(n: NominationResult) {
  return Object.fromEntries(n.ranking.map((r) => [r.candidate, r]));
}

/** Juror-film pairs whose scores must not count. */
function recusedPairs(input: TallyInput): Set<string> {
  const pairs = new Set(input.recusals.map((r) => `${r.juror}|${r.film}`));
  if (input.rules.recusalByNationality) {
    for (const j of input.jurors) {
      for (const f of input.films) if (j.country !== null && j.country === f.country) pairs.add(`${j.id}|${f.id}`);
    }
  }
  return pairs;
}

describe('determinism', () => {
  it('same input, same output; also after a JSON round trip of input and output', () => {
    fc.assert(
      fc.property(several, (input) => {
        const result = tally(input);
        expect(tally(input)).toEqual(result);
        expect(tally(JSON.parse(JSON.stringify(input)))).toEqual(result);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of jurors, films, scores and recusals', () => {
    fc.assert(
      fc.property(several, fc.integer(), (input, seed) => {
        const rand = prng(seed);
        const shuffled: TallyInput = {
          ...input,
          jurors: shuffle(input.jurors, rand),
          films: shuffle(input.films, rand),
          scores: shuffle(input.scores, rand),
          recusals: shuffle(input.recusals, rand),
        };
        expect(tally(shuffled)).toEqual(tally(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('candidate order within a nomination changes no winner, rank, aggregate or status', () => {
    fc.assert(
      fc.property(fc.oneof(single, several), fc.integer(), (input, seed) => {
        const rand = prng(seed);
        const shuffled = { ...input, nominations: input.nominations.map((n) => ({ ...n, candidates: shuffle(n.candidates, rand) })) };
        const [a, b] = [tally(input), tally(shuffled)];
        a.nominations.forEach((n, i) => {
          const m = b.nominations[i];
          expect(m.status).toBe(n.status);
          expect([...m.winners].sort()).toEqual([...n.winners].sort());
          expect(m.tie && [...m.tie.candidates].sort()).toEqual(n.tie && [...n.tie.candidates].sort());
          expect(m.margin).toEqual(n.margin);
          expect(byCandidate(m)).toEqual(byCandidate(n));
          expect(m.reasons.map((r) => r.code).sort()).toEqual(n.reasons.map((r) => r.code).sort());
        });
      }),
      { numRuns: RUNS },
    );
  });
});

/** An exact aggregate ("15/2", "-3", "8") as a fraction. */
function fraction(text: string): { n: bigint; d: bigint } {
  const [n, d = '1'] = text.split('/');
  return { n: BigInt(n), d: BigInt(d) };
}

/**
 * How the aggregate goes from one ranked row to the next: > 0 when it falls, 0 when equal, < 0 when
 * it rises. Exact for the fraction methods; normalized_mean's decimals count as equal within 1e-6
 * (far above its 1e-9 tolerance, far below a real difference between scores).
 */
function fall(method: TallyInput['method'], a: string, b: string): number {
  if (method === 'normalized_mean') {
    const d = Number(a) - Number(b);
    return Math.abs(d) <= 1e-6 ? 0 : Math.sign(d);
  }
  const [x, y] = [fraction(a), fraction(b)];
  const d = x.n * y.d - y.n * x.d;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

describe('the ranking', () => {
  it('is a competition ranking (Schulze: 1 + beaters) with unscored candidates last and winners eligible', () => {
    // Independent of the engine's grouping: under the score methods, read the aggregates themselves.
    const seen = { falls: 0, equalShared: 0 };
    fc.assert(
      fc.property(several, (input) => {
        for (const n of tally(input).nominations) {
          const m = input.method === 'schulze' ? pairwiseMatrices(input, n.code) : null;
          n.ranking.forEach((r, i) => {
            if (m && r.counted > 0) {
              const k = m.candidates.indexOf(r.candidate);
              expect(r.rank).toBe(1 + m.p.filter((row, x) => row[k] > m.p[k][x]).length);
            } else expect(r.rank).toBe(n.ranking.findIndex((x) => x.rank === r.rank) + 1);
            if (i > 0) expect(r.rank).toBeGreaterThanOrEqual(n.ranking[i - 1].rank);
            const prev = n.ranking[i - 1];
            if (input.method !== 'schulze' && prev && prev.counted > 0 && r.counted > 0) {
              // The aggregate never rises down the ranking; where it falls the rank is the next
              // position (competition ranking); a shared rank means an equal aggregate. (Equal
              // aggregates may still get different ranks: head-to-head separates them.)
              const f = fall(input.method, prev.aggregate!.exact, r.aggregate!.exact);
              expect(f, `${n.code} ${prev.candidate} ${prev.aggregate!.exact} then ${r.candidate} ${r.aggregate!.exact}`).toBeGreaterThanOrEqual(0);
              if (f > 0) {
                expect(r.rank).toBe(i + 1);
                seen.falls++;
              }
              if (r.rank === prev.rank) {
                expect(f).toBe(0);
                seen.equalShared++;
              }
            }
            if (r.counted === 0) {
              expect(r.aggregate).toBeNull();
              expect(r.eligible).toBe(false);
            }
          });
          const firstUnscored = n.ranking.findIndex((r) => r.counted === 0);
          if (firstUnscored >= 0) expect(n.ranking.slice(firstUnscored).every((r) => r.counted === 0)).toBe(true);
          const rows = byCandidate(n);
          for (const w of n.winners) expect(rows[w].eligible).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: the random juries gave both falling and shared aggregates to compare.
    expect(seen.falls).toBeGreaterThan(0);
    expect(seen.equalShared).toBeGreaterThan(0);
  });
});

describe('monotonicity', () => {
  it('raising one score of a candidate never lowers its rank (all methods but normalized_mean)', () => {
    const arb = arbJury({ maxJurors: 30, maxCandidates: 40, maxNominations: 1, methods: METHODS.filter((m) => m !== 'normalized_mean') });
    fc.assert(
      fc.property(arb, fc.nat(), fc.nat(), (input, which, by) => {
        const recused = recusedPairs(input);
        const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId])));
        const raisable = input.scores
          .map((s, i) => ({ s, i }))
          .filter(({ s }) => s.value < input.scale.max && !recused.has(`${s.juror}|${filmOf.get(s.candidate)}`));
        fc.pre(raisable.length > 0);
        const { s, i } = raisable[which % raisable.length];
        const room = Math.round((input.scale.max - s.value) / input.scale.step);
        const value = Number((s.value + (1 + (by % room)) * input.scale.step).toFixed(2));
        const raised = { ...input, scores: input.scores.map((x, k) => (k === i ? { ...x, value } : x)) };
        const before = byCandidate(tally(input).nominations[0])[s.candidate].rank;
        const after = byCandidate(tally(raised).nominations[0])[s.candidate].rank;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('recusal', () => {
  it('a recused score never changes anything, whatever its value', () => {
    fc.assert(
      fc.property(several, (input) => {
        const recused = recusedPairs(input);
        fc.pre(recused.size > 0);
        const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId])));
        const isRecused = (juror: string, candidate: string) => recused.has(`${juror}|${filmOf.get(candidate)}`);
        const kept = input.scores.filter((s) => !isRecused(s.juror, s.candidate));
        const recusedCells = input.jurors.flatMap((j) =>
          input.nominations.flatMap((n) => n.candidates.filter((c) => isRecused(j.id, c.id)).map((c) => ({ juror: j.id, candidate: c.id }))),
        );
        fc.pre(recusedCells.length > 0);
        const withValue = (value: number) => ({ ...input, scores: [...kept, ...recusedCells.map((c) => ({ ...c, value }))] });
        const low = tally(withValue(input.scale.min));
        expect(tally(withValue(input.scale.max))).toEqual(low);
        // And with the recused scores absent, only the count of excluded scores differs.
        const absent = tally({ ...input, scores: kept });
        const strip = (r: typeof low) =>
          r.nominations.map((n) => ({
            ...n,
            reasons: n.reasons.filter((x) => x.code !== 'recused_excluded'),
            ranking: n.ranking.map((x) => ({ ...x, recusedExcluded: 0, reasons: x.reasons.filter((y) => y.code !== 'recused_excluded') })),
          }));
        expect(strip(absent)).toEqual(strip(low));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('award rules', () => {
  /** Settle every blocked award with a recorded decision, the way a chair would, then tally again. */
  function settle(input: TallyInput): TallyInput {
    let current = input;
    for (let round = 0; round < input.nominations.length; round++) {
      const blocked = tally(current).nominations.find((n) => n.status === 'blocked');
      if (!blocked) break;
      const tied = blocked.tie!.candidates;
      const shared = blocked.code === 'special_jury_prize' && tied.length <= 3;
      current = {
        ...current,
        decisions: [
          ...current.decisions,
          { nomination: blocked.code, kind: shared ? 'shared' : 'casting_vote', tied, chosen: shared ? tied : [tied[tied.length - 1]] },
        ],
      };
    }
    return current;
  }

  it('with the one-award rule on, no film holds two non-exempt awards', () => {
    const exempt = new Set(['best_actor', 'best_actress']);
    /** Films holding two non-exempt awards in a result. */
    function doubles(input: TallyInput) {
      const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId])));
      const held = new Map<string, string>();
      const twice: string[] = [];
      let awards = 0;
      for (const n of tally(input).nominations) {
        if (exempt.has(n.code)) continue;
        for (const film of new Set(n.winners.map((w) => filmOf.get(w)!))) {
          awards++;
          if (held.has(film)) twice.push(`${film} won ${held.get(film)} and ${n.code}`);
          held.set(film, n.code);
        }
      }
      return { twice, awards };
    }
    // Not vacuous: count the runs where awards were given, and where without the rule a film would
    // have held two (so that the rule had something to prevent).
    const seen = { awarded: 0, wouldDouble: 0 };
    fc.assert(
      fc.property(several, (raw) => {
        expect(raw.rules.exemptNominations).toEqual([...exempt]);
        const input = settle({ ...raw, rules: { ...raw.rules, oneAwardPerFilm: true } });
        const { twice, awards } = doubles(input);
        expect(twice).toEqual([]);
        if (awards > 0) seen.awarded++;
        if (doubles(settle({ ...raw, rules: { ...raw.rules, oneAwardPerFilm: false } })).twice.length > 0) seen.wouldDouble++;
      }),
      { numRuns: RUNS },
    );
    expect(seen.awarded).toBeGreaterThan(0);
    expect(seen.wouldDouble).toBeGreaterThan(0);
  });

  it('an award is blocked exactly when a tie for it is unresolved', () => {
    // Not vacuous: count the blocked awards met, by kind of check, and the casting votes tried.
    const seen = { blocked: 0, schulze: 0, equalAggregates: 0, decided: 0, casting: 0 };
    fc.assert(
      fc.property(several, (input) => {
        for (const n of tally(input).nominations) {
          expect(n.status === 'blocked').toBe(n.tie !== null);
          if (n.status === 'blocked') {
            seen.blocked++;
            expect(n.winners).toEqual([]);
            expect(n.tie!.candidates.length).toBeGreaterThanOrEqual(2);
            const rows = byCandidate(n);
            const aggs = new Set(n.tie!.candidates.map((c) => rows[c].aggregate?.exact));
            if (input.method === 'schulze') {
              // Tied in the Schulze order: between any two of them the strongest paths are equal.
              const m = pairwiseMatrices(input, n.code);
              const at = (c: string) => m.candidates.indexOf(c);
              for (const a of n.tie!.candidates) {
                for (const b of n.tie!.candidates) expect(m.p[at(a)][at(b)]).toBe(m.p[at(b)][at(a)]);
              }
              seen.schulze++;
            } else if (input.method !== 'normalized_mean') {
              expect(aggs.size).toBe(1);
              seen.equalAggregates++;
            }
            // No other eligible candidate is ahead of the tie.
            const best = Math.min(...n.tie!.candidates.map((c) => rows[c].rank));
            expect(n.ranking.filter((r) => r.eligible && r.rank < best)).toEqual([]);
          }
          if (n.status === 'decided') {
            expect(n.winners.length).toBeGreaterThan(0);
            seen.decided++;
          }
        }
        // Recording the chair's casting vote on the first blocked award decides exactly that award.
        const blocked = tally(input).nominations.find((n) => n.status === 'blocked');
        if (blocked) {
          const chosen = blocked.tie!.candidates[0];
          const decided = tally({
            ...input,
            decisions: [{ nomination: blocked.code, kind: 'casting_vote', tied: [...blocked.tie!.candidates].reverse(), chosen: [chosen] }],
          }).nominations.find((n) => n.code === blocked.code)!;
          expect(decided.status).toBe('decided');
          expect(decided.winners).toEqual([chosen]);
          seen.casting++;
        }
      }),
      { numRuns: RUNS },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it('under the mean, matches an independent account of aggregate, head-to-head and tie', () => {
    const arb = arbJury({ maxJurors: 30, maxCandidates: 40, maxNominations: 3, methods: ['mean'] });
    fc.assert(
      fc.property(arb, (input) => {
        const recused = recusedPairs(input);
        const result = tally(input);
        const exempt = new Set(input.rules.exemptNominations);
        const won = new Set<string>();
        input.nominations.forEach((nom, k) => {
          const n = result.nominations[k];
          const bound = input.rules.oneAwardPerFilm && !exempt.has(nom.code);
          // Scores in quarters are whole numbers on every scale used here.
          const counted = new Map<string, Map<string, bigint>>();
          for (const s of input.scores) {
            const c = nom.candidates.find((x) => x.id === s.candidate);
            if (!c || recused.has(`${s.juror}|${c.filmId}`)) continue;
            if (!counted.has(c.id)) counted.set(c.id, new Map());
            counted.get(c.id)!.set(s.juror, BigInt(Math.round(s.value * 4)));
          }
          const mean = (id: string) => {
            const xs = [...(counted.get(id)?.values() ?? [])];
            return xs.length ? { n: xs.reduce((a, b) => a + b, 0n), d: 4n * BigInt(xs.length) } : null;
          };
          const text = (f: { n: bigint; d: bigint }) => {
            let [a, b] = [f.n < 0n ? -f.n : f.n, f.d];
            while (b) [a, b] = [b, a % b];
            return f.d / a === 1n ? `${f.n / a}` : `${f.n / a}/${f.d / a}`;
          };
          const rows = byCandidate(n);
          for (const c of nom.candidates) expect(rows[c.id].aggregate?.exact ?? null).toBe(mean(c.id) && text(mean(c.id)!));

          const eligible = nom.candidates.filter((c) => mean(c.id) && !(bound && won.has(c.filmId))).map((c) => c.id);
          if (eligible.length === 0) {
            expect(['no_scores', 'no_candidates']).toContain(n.status);
            return;
          }
          const cmp = (a: string, b: string) => {
            const [x, y] = [mean(a)!, mean(b)!];
            return x.n * y.d - y.n * x.d;
          };
          const top = eligible.filter((c) => eligible.every((o) => cmp(c, o) >= 0n));
          const beats = (a: string, b: string) => {
            let w = 0;
            for (const [j, va] of counted.get(a)!) {
              const vb = counted.get(b)?.get(j);
              if (vb !== undefined) w += va > vb ? 1 : va < vb ? -1 : 0;
            }
            return w > 0;
          };
          const condorcet = top.filter((c) => top.every((o) => o === c || beats(c, o)));
          if (top.length === 1 || condorcet.length === 1) {
            expect(n.status).toBe('decided');
            expect(n.winners).toEqual(top.length === 1 ? top : condorcet);
          } else {
            expect(n.status).toBe('blocked');
            expect([...n.tie!.candidates].sort()).toEqual([...top].sort());
          }
          if (bound) for (const w of n.winners) won.add(nom.candidates.find((c) => c.id === w)!.filmId);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
