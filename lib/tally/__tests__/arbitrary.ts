// Random juries for property tests. fast-check draws the shape and a seed; the cells come from a
// small seeded generator, which keeps runs fast while every case stays reproducible from its seed.

import fc from 'fast-check';
import { METHODS, type Method, type Nomination, type Scale, type TallyInput } from '../types';
import { prng } from '../../../tests/prng';

export { prng };


export function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const SCALES: Scale[] = [
  { min: 1, max: 10, step: 1 },
  { min: 0, max: 5, step: 0.5 },
  { min: 1, max: 4, step: 0.25 },
  { min: 1, max: 3, step: 1 }, // few values: many ties
];
const CODES = ['best_film', 'best_director', 'best_actress', 'best_screenplay', 'best_actor', 'special_jury_prize'];
const COUNTRIES = ['CN', 'KZ', 'RU'];

export interface JuryShape {
  maxJurors: number;
  maxCandidates: number;
  maxNominations: number;
  methods?: readonly Method[];
}

export const arbJury = (shape: JuryShape) =>
  fc
    .record({
      seed: fc.integer(),
      jurors: fc.integer({ min: 1, max: shape.maxJurors }),
      films: fc.integer({ min: 1, max: Math.max(1, shape.maxCandidates) }),
      nominations: fc.array(fc.record({ size: fc.integer({ min: 1, max: shape.maxCandidates }), film: fc.boolean() }), {
        minLength: 1,
        maxLength: shape.maxNominations,
      }),
      method: fc.constantFrom(...(shape.methods ?? METHODS)),
      scale: fc.constantFrom(...SCALES),
      density: fc.constantFrom(0.4, 0.8, 1),
      narrow: fc.boolean(),
      recusalRate: fc.constantFrom(0, 0.05, 0.2),
      nationality: fc.boolean(),
      oneAward: fc.boolean(),
    })
    .map((p): TallyInput => {
      const rand = prng(p.seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const films = Array.from({ length: p.films }, (_, i) => ({
        id: `f${i + 1}`,
        country: pick(COUNTRIES),
        competition: rand() < 0.9,
      }));
      const jurors = Array.from({ length: p.jurors }, (_, i) => ({
        id: `j${i + 1}`,
        country: rand() < 0.8 ? pick(COUNTRIES) : null,
      }));
      const nominations: Nomination[] = p.nominations.map((n, k) => {
        const code = CODES[k] ?? `award_${k}`;
        const chosen = n.film
          ? shuffle(films, rand).slice(0, n.size)
          : Array.from({ length: n.size }, () => pick(films));
        return {
          code,
          kind: n.film ? 'film' : 'performance',
          round: code === 'special_jury_prize' ? 'special' : 'main',
          candidates: chosen.map((f, i) => ({ id: `${code}:${i}`, filmId: f.id, person: n.film ? null : `p${i}` })),
        };
      });
      const steps = Math.round((p.scale.max - p.scale.min) / p.scale.step);
      const lo = p.narrow ? Math.floor(steps / 2) : 0;
      const hi = p.narrow ? Math.min(steps, lo + 2) : steps;
      const scores = jurors.flatMap((j) =>
        nominations.flatMap((n) =>
          n.candidates.flatMap((c) => {
            if (rand() >= p.density) return [];
            const k = lo + Math.floor(rand() * (hi - lo + 1));
            // Built from the decimal text so that e.g. 1 + 3 * 0.1 is exactly the value a person types.
            return [{ juror: j.id, candidate: c.id, value: Number((p.scale.min + k * p.scale.step).toFixed(2)) }];
          }),
        ),
      );
      const recusals = jurors.flatMap((j) => films.filter(() => rand() < p.recusalRate).map((f) => ({ juror: j.id, film: f.id })));
      return {
        version: 1,
        scale: p.scale,
        method: p.method,
        rules: {
          oneAwardPerFilm: p.oneAward,
          exemptNominations: ['best_actor', 'best_actress'],
          exAequo: { special_jury_prize: { allowed: true, maxWinners: 3 } },
          recusalByNationality: p.nationality,
        },
        films,
        jurors,
        nominations,
        scores,
        recusals,
        decisions: [],
      };
    });
