// The finalised results as the public sees them once published: awards with films and people,
// the method and rules, the jury, the receipts of every counted ballot, the chair's decisions,
// and the full export that `npm run tally` recomputes. Each reads the served jury unless it is given
// another (the Festival row of a jury chosen by its address, /results/<edition>/<jury>).
import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { award, ballot, candidate, decision, film, juryMember, nomination, user, type Festival, type PublicationLevel } from '@/db/schema';
import { memberOf, roleIn, seatedActive } from '@/lib/festival/members';
import { distributionsOf, parseTallyInput, tally } from '@/lib/tally';
import { checkedTally } from '@/lib/count/checked-tally';
import { anonymiseTallyInput, buildTallyInput } from '@/lib/count/tally-input';
import { toCsv } from '@/lib/csv';
import { getFestival } from '@/lib/festival/phase';
import { onJury, standingOf } from '@/lib/juror/standing';
import { chairDecidedAwards, runoffDecidedAwards, type AwardDecidedBy } from './decided-by';
import { decisionRows, decisionsInForce } from '@/lib/count/decisions';
import { runoffReceiptList, runoffVoterIds } from '@/lib/count/runoffs';

export function awardsList(db: DB, fest: Festival = getFestival(db)) {
  return db
    .select({
      nomination: nomination.code,
      position: nomination.position,
      round: nomination.round,
      candidateId: candidate.id,
      person: candidate.person,
      filmId: film.id,
      originalTitle: film.originalTitle,
      englishTitle: film.englishTitle,
      titleZh: film.titleZh,
      titleRu: film.titleRu,
      titleKk: film.titleKk,
      director: film.director,
      country: film.country,
      aggregate: award.aggregate,
      margin: award.margin,
      shared: award.shared,
    })
    .from(award)
    .innerJoin(nomination, eq(nomination.id, award.nominationId))
    .innerJoin(candidate, eq(candidate.id, award.candidateId))
    .innerJoin(film, eq(film.id, candidate.filmId))
    .where(eq(nomination.juryId, fest.id))
    .orderBy(asc(nomination.position), asc(candidate.id))
    .all();
}

/**
 * The jury as published and in the protocol, by the deactivation rule (lib/juror/standing.ts): the
 * active jurors, and those deactivated whose submitted ballots count (marked as having left).
 */
export function juryList(db: DB, fest: Festival = getFestival(db)) {
  const counted = new Set([...buildTallyInput(db, fest).scores.map((s) => Number(s.juror)), ...runoffVoterIds(db, fest.id)]);
  return db
    .select({ id: user.id, displayName: user.displayName, latinName: user.latinName, country: user.country, role: juryMember.role, active: seatedActive })
    .from(user)
    .innerJoin(juryMember, memberOf(fest.id))
    .orderBy(asc(user.id))
    .all()
    .map(({ active, ...u }) => ({ ...u, standing: standingOf({ active }, counted.has(u.id)) }))
    .filter((u) => onJury(u.standing))
    .sort((a, b) => (a.role === 'chair' ? -1 : b.role === 'chair' ? 1 : a.id - b.id));
}

/** Receipts of every counted ballot (submitted, or reopened and counting as last submitted), sorted so the list says nothing of who is who. */
export function receiptList(db: DB, fest: Festival = getFestival(db)) {
  return db
    .select({ nomination: nomination.code, receipt: ballot.receipt })
    .from(ballot)
    .innerJoin(nomination, eq(nomination.id, ballot.nominationId))
    .where(and(eq(nomination.juryId, fest.id), isNotNull(ballot.receipt)))
    .all()
    .filter((r): r is { nomination: string; receipt: string } => !!r.receipt)
    .sort((a, b) => a.nomination.localeCompare(b.nomination) || a.receipt.localeCompare(b.receipt));
}

export function decisionList(db: DB, fest: Festival = getFestival(db)) {
  return db
    .select({ kind: decision.kind, nomination: nomination.code, tied: decision.tied, chosen: decision.chosen, reason: decision.reason, at: decision.createdAt, byRole: roleIn(decision.juryId) })
    .from(decision)
    .leftJoin(nomination, eq(nomination.id, decision.nominationId))
    .leftJoin(user, eq(user.id, decision.actorId))
    .where(eq(decision.juryId, fest.id))
    .orderBy(asc(decision.id))
    .all();
}

/**
 * How each published award was decided where the scores alone did not: the chair's casting vote or
 * shared award, or a runoff (with its count where the level shows figures), for /results and the protocol.
 */
export function awardsDecidedBy(db: DB, awards: ReturnType<typeof awardsList>, fest: Festival = getFestival(db)): Map<string, AwardDecidedBy> {
  const checked = checkedTally(db, fest);
  const runoffs = runoffDecidedAwards(checked.ok ? checked.result : null, awards, shownLevel(fest) !== 'awards');
  return new Map<string, AwardDecidedBy>([...chairDecidedAwards(decisionsInForce(decisionRows(db, fest.id)), awards), ...runoffs]);
}

/**
 * The level the exports and the protocol apply now: the festival's once published; before that
 * (finalised, seen by the chair and the organisers) the awards alone, since no figure, and no
 * aggregate over fewer than 3 scores in particular, is shown to anyone before publication.
 */
export function shownLevel(fest: Pick<Festival, 'phase' | 'publicationLevel'>): PublicationLevel {
  return fest.phase === 'published' ? fest.publicationLevel : 'awards';
}

/**
 * The chair's decisions as the export shows them: what was decided, by whom (a role, never an id),
 * and the chair's own words. A closed round says how many ballots were missing, not whose; a
 * reopened ballot says for which nomination, not whose (issue 10: no user id in the export).
 */
export function publicDecisionLog(db: DB, fest: Festival = getFestival(db)) {
  return decisionList(db, fest).map((d) => {
    const base = { kind: d.kind, nomination: d.nomination, by: d.byRole, reason: d.reason, at: d.at };
    if (d.kind === 'casting_vote' || d.kind === 'shared') {
      return { ...base, tied: (JSON.parse(d.tied) as number[]).map(String), chosen: (JSON.parse(d.chosen) as number[]).map(String) };
    }
    if (d.kind === 'close_round') return { ...base, missingBallots: (JSON.parse(d.chosen) as unknown[]).length };
    return base;
  });
}

/**
 * The JSON export at the festival's publication level (README, "What each role can learn"). In
 * every level: the awards, the method and rules, the films and candidates, the chair's decisions,
 * the receipts. `distributions` adds each candidate's counted scores as a multiset and the tally's
 * result; `anonymised_ballots` adds every counted ballot under a random id, at the top level, so
 * `npm run tally` reads it as it reads any tally input. Runoffs: at `awards` only which ties went
 * to a vote (runoffsHeld), at `distributions` each runoff's counts (runoffCounts), at
 * `anonymised_ballots` its counted votes under names that say no more than the counts
 * (publicRunoffs). Never a juror's id, name, country or recusal.
 */
export function fullExport(db: DB, fest: Festival = getFestival(db)) {
  const level = shownLevel(fest);
  const published = anonymiseTallyInput(db, buildTallyInput(db, fest), fest.id);
  // Stored data the tally cannot read gives an export that says so (where, never a value), not a failure.
  const parsed = parseTallyInput(published);
  const checked = parsed.ok ? null : checkedTally(db, fest);
  const { jurors, scores, recusals, runoffs, ...frame } = published;
  const result = level === 'awards' || !parsed.ok ? undefined : tally(parsed.input);
  const films = db.select().from(film).where(eq(film.juryId, fest.id)).orderBy(asc(film.position), asc(film.id)).all();
  const runoffReceipts = runoffReceiptList(db, fest.id);
  return {
    format: 'jury-export/2',
    publicationLevel: level,
    ...frame,
    ...(level === 'anonymised_ballots' ? { jurors, scores, recusals, ...(runoffs && { runoffs }) } : {}),
    // The runoffs held: at the awards level which ties went to a vote, no count; from distributions
    // on their counts (runoffCounts, from distributionsOf) or their votes (runoffs, above).
    ...(level === 'awards' && runoffs ? { runoffsHeld: runoffs.map((r) => ({ nomination: r.nomination, tied: r.tied, places: r.places })) } : {}),
    ...(level === 'distributions' && parsed.ok && result ? distributionsOf(parsed.input, result) : {}),
    festival: {
      name: fest.name, city: fest.city, startsOn: fest.startsOn, endsOn: fest.endsOn, phase: fest.phase, finalHash: fest.finalHash,
      finalisedHead: fest.finalisedHead, publishedHead: fest.publishedHead,
      // A demo's export says so; the names in every language the organisers gave.
      demo: fest.demo, timeZone: fest.timeZone,
      names: { en: fest.name, zh: fest.nameZh, ru: fest.nameRu, kk: fest.nameKk },
      cities: { en: fest.city, zh: fest.cityZh, ru: fest.cityRu, kk: fest.cityKk },
    },
    filmDetails: films.map((f) => ({ id: String(f.id), originalTitle: f.originalTitle, englishTitle: f.englishTitle, titles: { zh: f.titleZh, ru: f.titleRu, kk: f.titleKk }, director: f.director, country: f.country, year: f.year, runtimeMinutes: f.runtimeMinutes, competition: f.competition })),
    receipts: receiptList(db, fest),
    ...(runoffReceipts.length ? { runoffReceipts } : {}),
    decisionLog: publicDecisionLog(db, fest),
    awards: awardsList(db, fest).map((a) => ({
      nomination: a.nomination,
      candidate: String(a.candidateId),
      film: String(a.filmId),
      person: a.person,
      ...(level === 'awards' ? {} : { aggregate: a.aggregate, margin: a.margin }),
      shared: a.shared,
    })),
    ...(result ? { result } : {}),
    ...(checked && !checked.ok ? { problems: checked.problems.map((p) => ({ code: p.code, nomination: p.nomination, candidate: p.candidate })) } : {}),
  };
}

export function awardsCsv(db: DB, fest: Festival = getFestival(db)): string {
  // At the `awards` level (and before publication) no aggregate is shown, the winners' included.
  const figures = shownLevel(fest) !== 'awards';
  const head = ['nomination', 'person', 'original_title', 'english_title', 'director', 'country', ...(figures ? ['aggregate', 'margin'] : []), 'shared'];
  const rows = awardsList(db, fest).map((a) => [a.nomination, a.person, a.originalTitle, a.englishTitle, a.director, a.country, ...(figures ? [a.aggregate, a.margin] : []), a.shared ? 'yes' : 'no']);
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Kazakh, Chinese, Russian titles).
  return `\uFEFF${toCsv([head, ...rows])}`;
}
