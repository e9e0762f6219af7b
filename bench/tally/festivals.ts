// Generated festivals for the tally benchmark, deterministic (seeded): each film has a quality,
// each juror a leniency, a score is their sum plus noise, rounded onto the 1–10 scale.
import type { Method, TallyInput } from '@/lib/tally';
import { prng } from '@/tests/prng';

export const CASES = {
  qingdao: { label: 'Qingdao (12 jurors × 23 films × 6 nominations)', jurors: 12, films: 23, nominations: 6, runs: 401 },
  large: { label: 'large jury (100 jurors × 200 candidates × 6 nominations)', jurors: 100, films: 200, nominations: 6, runs: 11 },
  audience: { label: 'audience (10,000 voters × 100 films × 1 nomination)', jurors: 10_000, films: 100, nominations: 1, runs: 5 },
} as const;
export type CaseName = keyof typeof CASES;

const CODES = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress', 'special_jury_prize'];


export function festival(name: CaseName, method: Method = 'mean'): TallyInput {
  const c = CASES[name];
  const rand = prng(2018);
  const films = Array.from({ length: c.films }, (_, i) => ({ id: String(i + 1), country: ['CN', 'KZ', 'RU', 'IN', 'PK'][i % 5], competition: true }));
  const quality = films.map(() => 3 + rand() * 5);
  const jurors = Array.from({ length: c.jurors }, (_, i) => ({ id: String(1000 + i), country: null }));
  const leniency = jurors.map(() => rand() * 2 - 1);
  const nominations = Array.from({ length: c.nominations }, (_, k) => {
    const code = c.nominations === 1 ? 'audience_award' : CODES[k] ?? `award_${k}`;
    const kind: 'film' | 'performance' = code === 'best_actor' || code === 'best_actress' ? 'performance' : 'film';
    return {
      code,
      kind,
      round: 'main' as const,
      candidates: films.map((f, i) => ({ id: String(k * c.films + i + 1), filmId: f.id, person: kind === 'performance' || code === 'best_director' ? `Person ${k}-${i}` : null })),
    };
  });
  const scores: TallyInput['scores'] = [];
  for (let j = 0; j < jurors.length; j++) {
    for (const n of nominations) {
      n.candidates.forEach((cand, i) => {
        const v = Math.round(quality[i] + leniency[j] + (rand() * 4 - 2));
        scores.push({ juror: jurors[j].id, candidate: cand.id, value: Math.min(10, Math.max(1, v)) });
      });
    }
  }
  // One recusal, so that the exclusion path runs as it does at a real festival.
  const recusals = c.jurors > 1 ? [{ juror: jurors[1].id, film: films[0].id }] : [];
  return {
    version: 1,
    scale: { min: 1, max: 10, step: 1 },
    method,
    rules: {
      oneAwardPerFilm: true,
      exemptNominations: ['best_actor', 'best_actress'],
      exAequo: Object.fromEntries(nominations.map((n) => [n.code, { allowed: n.code === 'special_jury_prize', maxWinners: n.code === 'special_jury_prize' ? 5 : 1 }])),
      recusalByNationality: false,
    },
    films,
    jurors,
    nominations,
    scores,
    recusals,
    decisions: [],
  };
}
