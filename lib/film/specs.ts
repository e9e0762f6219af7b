// The organisers' film actions: add, edit, remove, and the CSV import (preview, then apply).
// All are setup-only; each keeps the film-level candidates in step with the competition list.
import { createHash } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { candidate, film, recusal, screening } from '@/db/schema';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { getFestival, requireSetup } from '@/lib/festival/phase';
import { checkbox, id, optionalInt, text } from '@/lib/server/form';
import { syncFilmCandidates } from './candidates';
import { normaliseCountry } from './countries';
import { zoneOrUtc, type Screening } from './details';
import { invalidImport, MAX_TEXT, parseFilmCsv, planFilmImport, type ExistingFilm, type FilmPlan, type LineError } from './import';

const country = z.string().refine((v) => normaliseCountry(v) !== null, 'country').transform((v) => normaliseCountry(v)!);

const FilmInput = z.object({
  originalTitle: z.string().trim().max(MAX_TEXT).default(''),
  englishTitle: text(MAX_TEXT),
  director: text(MAX_TEXT),
  country,
  year: optionalInt(1880, 2100),
  runtimeMinutes: optionalInt(1, 1000),
  competition: checkbox,
});

/** The served jury's films (issue 23: another jury's are neither listed, matched by an import, nor changed). */
export function currentFilms(tx: Tx): ExistingFilm[] {
  const juryId = getFestival(tx).id;
  const screenings = new Map<number, Screening[]>();
  const rows = tx.select({ filmId: screening.filmId, startsAt: screening.startsAt, venue: screening.venue }).from(screening)
    .innerJoin(film, eq(film.id, screening.filmId)).where(eq(film.juryId, juryId)).orderBy(asc(screening.startsAt), asc(screening.venue)).all();
  for (const s of rows) {
    screenings.set(s.filmId, [...(screenings.get(s.filmId) ?? []), { startsAt: s.startsAt, venue: s.venue }]);
  }
  return tx
    .select({
      id: film.id, originalTitle: film.originalTitle, englishTitle: film.englishTitle, director: film.director, country: film.country, year: film.year, runtimeMinutes: film.runtimeMinutes, competition: film.competition, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk,
      synopsis: film.synopsis, synopsisZh: film.synopsisZh, synopsisRu: film.synopsisRu, synopsisKk: film.synopsisKk, stillUrl: film.stillUrl, screenerUrl: film.screenerUrl,
    })
    .from(film)
    .where(eq(film.juryId, juryId))
    .orderBy(asc(film.position), asc(film.id))
    .all()
    .map((f) => ({ ...f, screenings: screenings.get(f.id) ?? [] }));
}

/** A film of the served jury by its id; another jury's reads as a missing one. */
function servedFilm(tx: Tx, filmId: number) {
  return tx.select({ id: film.id, englishTitle: film.englishTitle }).from(film).where(and(eq(film.id, filmId), eq(film.juryId, getFestival(tx).id))).get();
}

/** A film's screenings become exactly the imported ones. */
function writeScreenings(tx: Tx, filmId: number, list: Screening[]) {
  tx.delete(screening).where(eq(screening.filmId, filmId)).run();
  for (const s of list) tx.insert(screening).values({ filmId, startsAt: s.startsAt, venue: s.venue }).run();
}

function refuseDuplicate(tx: Tx, englishTitle: string, director: string, exceptId?: number) {
  const dup = tx
    .select({ id: film.id })
    .from(film)
    .where(and(eq(film.juryId, getFestival(tx).id), sql`lower(${film.englishTitle}) = lower(${englishTitle})`, sql`lower(${film.director}) = lower(${director})`, exceptId ? ne(film.id, exceptId) : undefined))
    .get();
  if (dup) throw new Refusal('film:duplicate');
}

export const addFilmSpec = {
  name: 'admin.addFilm',
  roles: ['organiser'],
  schema: FilmInput,
  revalidate: ['/admin/films'],
  handler: ({ user, input, tx }) => {
    requireSetup(tx);
    refuseDuplicate(tx, input.englishTitle, input.director);
    const juryId = getFestival(tx).id;
    const position = (tx.select({ p: sql<number>`coalesce(max(${film.position}), 0)` }).from(film).where(eq(film.juryId, juryId)).get()?.p ?? 0) + 1;
    const values = { ...input, originalTitle: input.originalTitle || input.englishTitle, position, placeholder: false };
    const { id: filmId } = tx.insert(film).values({ ...values, juryId }).returning({ id: film.id }).get();
    const candidates = syncFilmCandidates(tx);
    appendAudit(tx, { actorId: user.id, action: 'film.add', payload: { jury: juryId, id: filmId, ...values, candidates } });
    return { id: filmId };
  },
} satisfies ActionSpec<typeof FilmInput, { id: number }>;

const UpdateInput = FilmInput.extend({ id });

export const updateFilmSpec = {
  name: 'admin.updateFilm',
  roles: ['organiser'],
  schema: UpdateInput,
  revalidate: ['/admin/films'],
  handler: ({ user, input, tx }) => {
    const { id: juryId } = requireSetup(tx);
    const { id: filmId, ...fields } = input;
    if (!servedFilm(tx, filmId)) throw new Refusal('film:not_found');
    refuseDuplicate(tx, fields.englishTitle, fields.director, filmId);
    const values = { ...fields, originalTitle: fields.originalTitle || fields.englishTitle, placeholder: false };
    tx.update(film).set(values).where(eq(film.id, filmId)).run();
    const candidates = syncFilmCandidates(tx);
    appendAudit(tx, { actorId: user.id, action: 'film.update', payload: { jury: juryId, id: filmId, ...values, candidates } });
    return null;
  },
} satisfies ActionSpec<typeof UpdateInput, null>;

const RemoveInput = z.object({ id });

/**
 * Deletes a film. Its candidates and any recusal declared for it go with it (cascade); what went is
 * returned for the audit entry, so that the log names every row a removal took.
 */
function deleteFilm(tx: Tx, id: number) {
  const recusals = tx.select({ jurorId: recusal.jurorId, reason: recusal.reason }).from(recusal).where(eq(recusal.filmId, id)).all();
  const candidates = tx.select({ id: candidate.id }).from(candidate).where(eq(candidate.filmId, id)).orderBy(candidate.id).all().map((c) => c.id);
  tx.delete(film).where(eq(film.id, id)).run();
  return { candidates, recusals };
}

export const removeFilmSpec = {
  name: 'admin.removeFilm',
  roles: ['organiser'],
  schema: RemoveInput,
  revalidate: ['/admin/films'],
  handler: ({ user, input, tx }) => {
    const { id: juryId } = requireSetup(tx);
    const row = servedFilm(tx, input.id);
    if (!row) throw new Refusal('film:not_found');
    const gone = deleteFilm(tx, row.id);
    syncFilmCandidates(tx);
    appendAudit(tx, { actorId: user.id, action: 'film.remove', payload: { jury: juryId, ...row, ...gone } });
    return null;
  },
} satisfies ActionSpec<typeof RemoveInput, null>;

// The file arrives as bytes: decoding them is part of the check (a file that is not UTF-8 is refused).
export const CsvInput = z.object({ csv: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 1_000_000, 'too_large') });

export type ImportPreview = {
  errors: LineError[];
  added: { line: number; englishTitle: string; originalTitle: string; director: string }[];
  updated: { line: number; englishTitle: string; originalTitle: string; director: string; fields: string[] }[];
  removed: { englishTitle: string; originalTitle: string; director: string }[];
  unchanged: number;
};

function planFromCsv(tx: Tx, bytes: Uint8Array): { plan: FilmPlan | null; errors: LineError[] } {
  const existing = currentFilms(tx);
  const parsed = parseFilmCsv(bytes, new Set(existing.map((f) => f.id)), zoneOrUtc(getFestival(tx).timeZone));
  if (!parsed.ok) return { plan: null, errors: parsed.errors };
  const plan = planFilmImport(parsed.rows, existing);
  return { plan, errors: plan.errors };
}

function summarise(plan: FilmPlan | null, errors: LineError[]): ImportPreview {
  const pick = (f: { englishTitle: string; originalTitle: string; director: string }) => ({ englishTitle: f.englishTitle, originalTitle: f.originalTitle, director: f.director });
  return {
    errors,
    added: plan?.added.map((r) => ({ line: r.line, ...pick(r) })) ?? [],
    updated: plan?.updated.map((u) => ({ line: u.row.line, ...pick(u.row), fields: u.fields })) ?? [],
    removed: plan?.removed.map(pick) ?? [],
    unchanged: plan?.unchanged.length ?? 0,
  };
}

/** Reads only: what the file would change, or every bad line. */
export const previewFilmImportSpec = {
  name: 'admin.previewFilmImport',
  roles: ['organiser'],
  schema: CsvInput,
  handler: ({ input, tx }) => {
    requireSetup(tx);
    const { plan, errors } = planFromCsv(tx, input.csv);
    return summarise(plan, errors);
  },
} satisfies ActionSpec<typeof CsvInput, ImportPreview>;

/** All or nothing: any bad line refuses the whole file. */
export const importFilmsSpec = {
  name: 'admin.importFilms',
  roles: ['organiser'],
  schema: CsvInput,
  revalidate: ['/admin/films', '/admin'],
  handler: ({ user, input, tx }) => {
    requireSetup(tx);
    const { plan, errors } = planFromCsv(tx, input.csv);
    if (!plan || errors.length) {
      throw invalidImport(errors);
    }
    const removedFilms = plan.removed.map((f) => ({ id: f.id, englishTitle: f.englishTitle, ...deleteFilm(tx, f.id) }));
    const write = (r: FilmPlan['added'][number]) => ({
      originalTitle: r.originalTitle, englishTitle: r.englishTitle, director: r.director, country: r.country,
      year: r.year, runtimeMinutes: r.runtimeMinutes, competition: r.competition, position: r.position, placeholder: false,
      titleZh: r.titleZh, titleRu: r.titleRu, titleKk: r.titleKk,
      synopsis: r.synopsis, synopsisZh: r.synopsisZh, synopsisRu: r.synopsisRu, synopsisKk: r.synopsisKk, stillUrl: r.stillUrl, screenerUrl: r.screenerUrl,
    });
    for (const u of plan.updated) {
      tx.update(film).set(write(u.row)).where(eq(film.id, u.id)).run();
      writeScreenings(tx, u.id, u.row.screenings);
    }
    for (const r of plan.unchanged) tx.update(film).set({ position: r.position, placeholder: false }).where(eq(film.id, r.id!)).run();
    for (const r of plan.added) {
      const { id: filmId } = tx.insert(film).values({ ...write(r), juryId: getFestival(tx).id }).returning({ id: film.id }).get();
      writeScreenings(tx, filmId, r.screenings);
    }
    const candidates = syncFilmCandidates(tx);
    const summary = { added: plan.added.length, updated: plan.updated.length, removed: plan.removed.length, unchanged: plan.unchanged.length };
    appendAudit(tx, { actorId: user.id, action: 'film.import', payload: { jury: getFestival(tx).id, ...summary, candidates, removedFilms, sha256: createHash('sha256').update(input.csv).digest('hex') } });
    return summary;
  },
} satisfies ActionSpec<typeof CsvInput, { added: number; updated: number; removed: number; unchanged: number }>;
