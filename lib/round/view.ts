// What the chair's desk and the results pages read: the tally of the stored data with each
// candidate's label and score distribution, the method comparison, ballots' submission state.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, juryMember, nomination, recusal, user } from '@/db/schema';
import { memberOf, memberOfServedJury, seatedActive } from '@/lib/festival/members';
import { compareMethods, recusedFrom, type NominationResult } from '@/lib/tally';
import { scaleValues, stepsOf } from '@/lib/ballot/scale';
import { countedBallots } from '@/lib/ballot/snapshot';
import { checkedTally, type TallyProblem } from '@/lib/count/checked-tally';
import { withholdThin } from '@/lib/count/thin';
import { withholdThinRunoffs } from '@/lib/runoff/thin';
import { fewChangedSinceShown } from './changed';
import { getFestival } from '@/lib/festival/phase';
import { localTitle, personName, shownTitle, titleLine } from '@/lib/festival/names';

/**
 * `title`: the film's title in the reader's language (lib/festival/names.ts), for a sentence; `original`: the
 * original title where it reads differently, to show beside it in a list; `line`: both on one line of text.
 */
export interface CandidateLabel { originalTitle: string; englishTitle: string; title: string; lang?: string; original: string | null; line: string; person: string | null; country: string; filmId: number }

/** Every candidate's names, with its film's title for sentences in `locale` (English when none is given). */
export function candidateLabels(db: DB, locale = 'en', juryId = getFestival(db).id): Map<string, CandidateLabel> {
  return new Map(
    db
      .select({ id: candidate.id, person: candidate.person, filmId: film.id, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk, country: film.country })
      .from(candidate)
      .innerJoin(film, eq(film.id, candidate.filmId))
      .where(eq(film.juryId, juryId))
      .all()
      .map((c) => {
        const shown = shownTitle(c, locale);
        return [String(c.id), { originalTitle: c.originalTitle, englishTitle: c.englishTitle, title: shown.title, lang: shown.lang, original: shown.original, line: titleLine(c, locale), person: c.person, country: c.country, filmId: c.filmId }];
      }),
  );
}

/** Every film's title for sentences in `locale`. */
export function filmTitles(db: DB, locale = 'en'): Map<string, string> {
  return new Map(db.select({ id: film.id, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk }).from(film).where(eq(film.juryId, getFestival(db).id)).all().map((f) => [String(f.id), localTitle(f, locale)]));
}

/** A nomination as the chair's desk shows it: thin candidates withheld; `changedSinceShown`: how many candidates' figures are withheld because only 1 or 2 other jurors changed them. */
export type DeskNomination = ReturnType<typeof withholdThin<NominationResult & { histograms: Record<string, number[]> }>> & { changedSinceShown: number };

export const ROUND_SHOWN_FROM: Record<'main' | 'special', string[]> = {
  main: ['main_closed', 'special_voting', 'special_closed', 'finalised', 'published'],
  special: ['special_closed', 'finalised', 'published'],
};

/**
 * The tally of every nomination whose round is closed, with histograms, aggregates over fewer than 3
 * scores withheld. When the stored data stops the tally, no nomination and the problems instead
 * (lib/count/checked-tally.ts): the page says where.
 */
export function closedRoundTally(db: DB) {
  const fest = getFestival(db);
  const checked = checkedTally(db);
  if (!checked.ok) {
    return { phase: fest.phase, method: fest.method, scaleValues: [] as number[], nominations: [] as DeskNomination[], comparison: [] as ReturnType<typeof compareMethods>, problems: checked.problems };
  }
  const { input, result } = checked;
  const values = scaleValues(input.scale);
  const recused = recusedFrom(input);
  const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId] as const)));
  // The scores the tally counts: those of a juror not recused from the film (lib/tally/recused.ts).
  const counted = input.scores.filter((s) => !recused(s.juror, filmOf.get(s.candidate)!));
  const histogram = new Map<string, number[]>();
  for (const s of counted) {
    const h = histogram.get(s.candidate) ?? values.map(() => 0);
    // The same step rule the ballot accepted the value by.
    const i = stepsOf(input.scale, s.value);
    if (i !== null) h[i]++;
    histogram.set(s.candidate, h);
  }
  // The chair reads this desk and is a juror: a score of theirs that counts does not count towards the 3 (lib/count/thin.ts).
  const chairIds = new Set(db.select({ id: user.id }).from(user).innerJoin(juryMember, memberOf(fest.id)).where(eq(juryMember.role, 'chair')).all().map((u) => String(u.id)));
  const ownScored = new Set<string>();
  for (const s of counted) if (chairIds.has(s.juror)) ownScored.add(s.candidate);
  const shown = (n: Pick<NominationResult, 'round'>) => ROUND_SHOWN_FROM[n.round].includes(fest.phase);
  const fewChanged = new Map([...fewChangedSinceShown(db, 'main', input.method, chairIds), ...fewChangedSinceShown(db, 'special', input.method, chairIds)]);
  const comparison = compareMethods(input).filter(shown);
  return {
    problems: [] as TallyProblem[],
    phase: fest.phase,
    method: input.method,
    scaleValues: values,
    // The chair's desk never shows an aggregate over fewer than 3 scores (lib/count/thin.ts).
    // Nor the figures of a candidate that differ from a view already shown by only 1 or 2 other jurors (lib/round/changed.ts).
    nominations: result.nominations.filter(shown).map((n): DeskNomination => {
      const changed = fewChanged.get(n.code) ?? new Map<string, number>();
      const w = withholdThin({
        ...n,
        histograms: Object.fromEntries(n.ranking.map((r) => [r.candidate, histogram.get(r.candidate) ?? values.map(() => 0)])),
      }, ownScored, changed);
      // A runoff's counts likewise, with fewer than 3 votes besides the chair's (lib/runoff/thin.ts).
      const r = withholdThinRunoffs(w, input, chairIds);
      return { ...r, changedSinceShown: Object.values(r.withheld).filter((x) => x === 'few_changed').length };
    }),
    comparison,
  };
}

/** Per juror and nomination: submitted or not, and whether the chair reopened it. No values. */
export function submissionTable(db: DB) {
  const jurors = db.select({ id: user.id, displayName: user.displayName, latinName: user.latinName, role: juryMember.role, active: seatedActive }).from(user).innerJoin(juryMember, memberOfServedJury).orderBy(asc(user.id)).all();
  const noms = db.select({ id: nomination.id, code: nomination.code, round: nomination.round }).from(nomination).where(eq(nomination.juryId, getFestival(db).id)).orderBy(asc(nomination.position)).all();
  const ours = new Set(noms.map((n) => n.id));
  const counted = countedBallots(db).filter((b) => ours.has(b.nominationId));
  const key = (b: { jurorId: number; nominationId: number }) => `${b.jurorId}:${b.nominationId}`;
  // `reopened`: unlocked by the chair, still counting as last submitted until the juror submits again.
  return { jurors, nominations: noms, submitted: counted.filter((b) => b.locked).map(key), reopened: counted.filter((b) => !b.locked).map(key) };
}

/** Who recused from which film, with the stated reason: never a score. Names and titles in the reader's language. */
export function recusalList(db: DB, locale = 'en') {
  return db
    .select({ juror: user.displayName, latinName: user.latinName, englishTitle: film.englishTitle, originalTitle: film.originalTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk, reason: recusal.reason, at: recusal.createdAt })
    .from(recusal)
    .innerJoin(user, eq(user.id, recusal.jurorId))
    .innerJoin(film, eq(film.id, recusal.filmId))
    .where(eq(film.juryId, getFestival(db).id))
    .orderBy(asc(user.id), asc(film.position))
    .all()
    .map((r) => ({ juror: personName({ name: r.juror, latinName: r.latinName }, locale), film: localTitle(r, locale), reason: r.reason, at: r.at }));
}

/**
 * What the award rows may not show before publication (lib/count/thin.ts): the winners whose
 * aggregate is withheld, and the nominations whose margin is.
 */
export function withheldAwards(db: DB) {
  const view = closedRoundTally(db);
  return {
    candidates: new Set(view.nominations.flatMap((n) => Object.keys(n.withheld).map(Number))),
    margins: new Set(view.nominations.filter((n) => n.marginWithheld).map((n) => n.code)),
  };
}
