// The `distributions` level recomputes the awards: for random festivals (recusals declared and by
// nationality, the one-award rule, ties settled by head-to-head or by the chair), the export's
// multisets give the full tally's winners and aggregates under mean, trimmed mean and median, and
// the methods that need ballots are refused rather than guessed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionsOf, parseDistributionsInput, tally, tallyDistributions, type TallyInput } from '@/lib/tally';
import { arbJury, prng, shuffle } from '@/lib/tally/__tests__/arbitrary';
import { holdRunoffs, withChains } from '@/lib/tally/__tests__/runoff-arbitrary';
import { publicBallots } from '@/lib/count/tally-input';

const RUNS = Number(process.env.TALLY_RUNS ?? 100);

/** The chair settles every blocked award with a casting vote, in award order, as the app makes them (where the chain has come to it). */
function settled(input: TallyInput): TallyInput {
  let current = input;
  for (let i = 0; i < input.nominations.length; i++) {
    const blocked = tally(current).nominations.find((n) => n.status === 'blocked' && n.tie && !n.tie.next?.includes('runoff'));
    if (!blocked) break;
    current = { ...current, decisions: [...current.decisions, { nomination: blocked.code, kind: 'casting_vote', tied: blocked.tie!.candidates, chosen: [blocked.tie!.candidates[0]] }] };
  }
  return current;
}

/** The export at the distributions level, as the app builds it, through a JSON round trip. */
function distributionsExport(input: TallyInput, seed: number) {
  const ids = new Map<string, string>();
  const order = shuffle(Array.from({ length: input.jurors.length * input.nominations.length }, (_, i) => i), prng(seed));
  const pub = publicBallots(input, ({ juror, nomination }) => {
    const key = `${juror}\n${nomination}`;
    if (!ids.has(key)) ids.set(key, `B-${order[ids.size]}`);
    return ids.get(key)!;
  });
  const full = tally(input);
  const { jurors: _j, scores: _s, recusals: _r, runoffs: _o, ...frame } = pub;
  const awards = full.nominations.flatMap((n) => n.winners.map((candidate) => ({ nomination: n.code, candidate })));
  return JSON.parse(JSON.stringify({ publicationLevel: 'distributions', ...frame, ...distributionsOf(pub, tally(pub)), awards }));
}

describe('the distributions export', () => {
  it('recomputes the full tally’s winners and aggregates for mean, trimmed mean and median', () => {
    const festivals = arbJury({ maxJurors: 12, maxCandidates: 10, maxNominations: 5, methods: ['mean', 'trimmed_mean', 'median'] });
    fc.assert(
      fc.property(festivals, fc.integer(), (raw, seed) => {
        const input = settled(raw);
        const full = tally(input);
        const parsed = parseDistributionsInput(distributionsExport(input, seed));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const { result, mismatches, unverifiable } = tallyDistributions(parsed.input);
        expect(mismatches).toEqual([]);
        expect(result!.nominations.map((n) => [n.code, n.status, [...n.winners].sort()])).toEqual(full.nominations.map((n) => [n.code, n.status, [...n.winners].sort()]));
        for (const [i, n] of full.nominations.entries()) {
          const aggregates = (r: typeof n) => Object.fromEntries(r.ranking.map((c) => [c.candidate, [c.aggregate?.exact ?? null, c.counted]]));
          expect(aggregates(result!.nominations[i])).toEqual(aggregates(n));
        }
        // Only a tie at the top among eligible candidates needed head-to-head, and it is said so.
        for (const u of unverifiable) {
          expect(u.code).toBe('head_to_head_unverifiable');
          const n = full.nominations.find((x) => x.code === (u as { nomination: string }).nomination)!;
          const best = n.ranking.filter((r) => r.eligible && r.aggregate);
          expect(best.filter((r) => r.aggregate!.exact === best[0].aggregate!.exact).length).toBeGreaterThan(1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('recomputes the awards decided by runoffs from the published counts, whatever the runoffs decided', () => {
    const festivals = arbJury({ maxJurors: 12, maxCandidates: 6, maxNominations: 5, methods: ['mean', 'trimmed_mean', 'median'] });
    let held = 0;
    fc.assert(
      fc.property(festivals, fc.integer(), (raw, seed) => {
        const rand = prng(seed);
        // Runoffs held on the ties (votes of recused jurors and of strangers among them), then the casting votes.
        const input = settled(holdRunoffs(withChains(raw, rand), rand));
        const full = tally(input);
        held += full.nominations.reduce((a, n) => a + (n.runoffs?.length ?? 0), 0);
        const exported = distributionsExport(input, seed);
        // The export names no voter: counts only.
        expect(JSON.stringify(exported.runoffCounts ?? [])).not.toMatch(/"j\d+"|juror/);
        const parsed = parseDistributionsInput(exported);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const { result, mismatches } = tallyDistributions(parsed.input);
        expect(mismatches).toEqual([]);
        expect(result!.nominations.map((n) => [n.code, n.status, [...n.winners].sort(), n.tie?.candidates ?? null])).toEqual(
          full.nominations.map((n) => [n.code, n.status, [...n.winners].sort(), n.tie?.candidates ?? null]),
        );
        // The same runoffs applied, with the same counts.
        expect(result!.nominations.map((n) => n.runoffs ?? [])).toEqual(full.nominations.map((n) => n.runoffs ?? []));
      }),
      { numRuns: RUNS },
    );
    expect(held).toBeGreaterThan(0);
  });

  it('says that normalized_mean and Schulze need the ballots, and recomputes nothing for them', () => {
    const festivals = arbJury({ maxJurors: 6, maxCandidates: 5, maxNominations: 2, methods: ['normalized_mean', 'schulze'] });
    fc.assert(
      fc.property(festivals, (input) => {
        const parsed = parseDistributionsInput(distributionsExport(input, 1));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        expect(tallyDistributions(parsed.input)).toEqual({ result: null, unverifiable: [{ code: 'method_needs_ballots', method: input.method }], mismatches: [] });
      }),
      { numRuns: 20 },
    );
  });

  it('notices an export whose aggregates or awards do not follow from its scores, and refuses a malformed one', () => {
    const input = settled(fc.sample(arbJury({ maxJurors: 8, maxCandidates: 6, maxNominations: 3, methods: ['mean'] }), { seed: 7, numRuns: 1 })[0]);
    const exp = distributionsExport(input, 3);
    const withScores = exp.distributions.find((d: { scores: number[] }) => d.scores.length > 0);
    expect(withScores).toBeDefined();
    withScores.aggregate = { exact: '999', display: '999' };
    const parsed = parseDistributionsInput(exp);
    if (!parsed.ok) throw new Error('valid');
    expect(tallyDistributions(parsed.input).mismatches).toContainEqual(expect.objectContaining({ candidate: withScores.candidate, what: 'aggregate', published: '999' }));
    const bad = parseDistributionsInput({ ...exp, distributions: [...exp.distributions, { ...withScores, scores: [input.scale.max + 1] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['duplicate:candidate', 'invalid:score_range']));
  });
});
