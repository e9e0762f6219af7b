// The finalised results as the public sees them once published: awards with films and people,
// the method and rules, the jury, the receipts of every counted ballot, the chair's decisions,
// and the full export that `npm run tally` recomputes.
import 'server-only';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { award, ballot, candidate, decision, film, nomination, user } from '@/db/schema';
import { tally } from '@/lib/tally';
import { anonymiseTallyInput, buildTallyInput } from './tally-input';
import { toCsv } from '@/lib/csv';
import { getFestival } from '@/lib/festival/phase';

export function awardsList(db: DB) {
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
    .orderBy(asc(nomination.position), asc(candidate.id))
    .all();
}

export function juryList(db: DB) {
  return db
    .select({ id: user.id, displayName: user.displayName, country: user.country, role: user.role })
    .from(user)
    .where(eq(user.active, true))
    .orderBy(asc(user.id))
    .all()
    .filter((u) => u.role !== 'organiser')
    .sort((a, b) => (a.role === 'chair' ? -1 : b.role === 'chair' ? 1 : a.id - b.id));
}

/** Receipts of every counted (submitted) ballot, sorted so the list says nothing of who is who. */
export function receiptList(db: DB) {
  return db
    .select({ nomination: nomination.code, receipt: ballot.receipt })
    .from(ballot)
    .innerJoin(nomination, eq(nomination.id, ballot.nominationId))
    .where(isNotNull(ballot.submittedAt))
    .all()
    .filter((r): r is { nomination: string; receipt: string } => !!r.receipt)
    .sort((a, b) => a.nomination.localeCompare(b.nomination) || a.receipt.localeCompare(b.receipt));
}

export function decisionList(db: DB) {
  return db
    .select({ kind: decision.kind, nomination: nomination.code, tied: decision.tied, chosen: decision.chosen, reason: decision.reason, at: decision.createdAt })
    .from(decision)
    .leftJoin(nomination, eq(nomination.id, decision.nominationId))
    .orderBy(asc(decision.id))
    .all();
}

/** The full export: the anonymised tally input at its top level (so `npm run tally` reads it as is) and the context around it. */
export function fullExport(db: DB) {
  const fest = getFestival(db);
  const input = anonymiseTallyInput(db, buildTallyInput(db));
  const films = db.select().from(film).orderBy(asc(film.position), asc(film.id)).all();
  return {
    format: 'jury-export/1',
    ...input,
    festival: {
      name: fest.name, city: fest.city, startsOn: fest.startsOn, endsOn: fest.endsOn, phase: fest.phase, finalHash: fest.finalHash,
      // A demo's export says so; the names in every language the organisers gave.
      demo: fest.demo, timeZone: fest.timeZone,
      names: { en: fest.name, zh: fest.nameZh, ru: fest.nameRu, kk: fest.nameKk },
      cities: { en: fest.city, zh: fest.cityZh, ru: fest.cityRu, kk: fest.cityKk },
    },
    filmDetails: films.map((f) => ({ id: String(f.id), originalTitle: f.originalTitle, englishTitle: f.englishTitle, titles: { zh: f.titleZh, ru: f.titleRu, kk: f.titleKk }, director: f.director, country: f.country, year: f.year, runtimeMinutes: f.runtimeMinutes, competition: f.competition })),
    receipts: receiptList(db),
    decisionLog: decisionList(db).map((d) => ({ ...d, tied: JSON.parse(d.tied), chosen: JSON.parse(d.chosen) })),
    awards: awardsList(db).map((a) => ({ nomination: a.nomination, candidate: String(a.candidateId), film: String(a.filmId), person: a.person, aggregate: a.aggregate, margin: a.margin, shared: a.shared })),
    result: tally(input),
  };
}

export function awardsCsv(db: DB): string {
  const head = ['nomination', 'person', 'original_title', 'english_title', 'director', 'country', 'aggregate', 'margin', 'shared'];
  const rows = awardsList(db).map((a) => [a.nomination, a.person, a.originalTitle, a.englishTitle, a.director, a.country, a.aggregate, a.margin, a.shared ? 'yes' : 'no']);
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Kazakh, Chinese, Russian titles).
  return `\uFEFF${toCsv([head, ...rows])}`;
}
