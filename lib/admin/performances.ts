// Performances: the candidates of the acting nominations (kind 'performance', main round), entered
// one by one or imported from a CSV file that is the whole list. Setup only.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { candidate, film, nomination } from '@/db/schema';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { getFestival, requireSetup } from '@/lib/festival/phase';
import { invalidImport, readTable, MAX_TEXT, type LineError } from '@/lib/film/import';
import { CsvInput } from '@/lib/film/specs';
import { id, text } from '@/lib/server/form';

// The served jury's nominations and films only (issue 23): another jury's ids are refused as unknown
// ones, and an import names and matches nothing of another jury.
function performanceNominations(tx: Tx) {
  return tx.select({ id: nomination.id, code: nomination.code }).from(nomination)
    .where(and(eq(nomination.kind, 'performance'), eq(nomination.round, 'main'), eq(nomination.juryId, getFestival(tx).id))).orderBy(asc(nomination.position)).all();
}

function checkTarget(tx: Tx, nominationId: number, filmId: number) {
  if (!performanceNominations(tx).some((n) => n.id === nominationId)) throw new Refusal('performance:nomination');
  const f = tx.select({ competition: film.competition }).from(film).where(and(eq(film.id, filmId), eq(film.juryId, getFestival(tx).id))).get();
  if (!f) throw new Refusal('film:not_found');
  if (!f.competition) throw new Refusal('performance:not_competition');
}

function refuseDuplicate(tx: Tx, nominationId: number, filmId: number, person: string, exceptId?: number) {
  const rows = tx.select({ id: candidate.id, person: candidate.person }).from(candidate).where(and(eq(candidate.nominationId, nominationId), eq(candidate.filmId, filmId))).all();
  if (rows.some((r) => r.id !== exceptId && r.person?.trim().toLowerCase() === person.toLowerCase())) throw new Refusal('performance:duplicate');
}

function findPerformance(tx: Tx, candidateId: number) {
  const row = tx.select({ id: candidate.id, nominationId: candidate.nominationId, filmId: candidate.filmId, person: candidate.person }).from(candidate).where(eq(candidate.id, candidateId)).get();
  if (!row || !performanceNominations(tx).some((n) => n.id === row.nominationId)) throw new Refusal('performance:not_found');
  return row;
}

const PerformanceInput = z.object({ nominationId: id, filmId: id, person: text(MAX_TEXT) });

export const addPerformanceSpec = {
  name: 'admin.addPerformance',
  roles: ['organiser'],
  schema: PerformanceInput,
  revalidate: ['/admin/performances'],
  handler: ({ user, input, tx }) => {
    requireSetup(tx);
    checkTarget(tx, input.nominationId, input.filmId);
    refuseDuplicate(tx, input.nominationId, input.filmId, input.person);
    const { id: candidateId } = tx.insert(candidate).values({ ...input, placeholder: false }).returning({ id: candidate.id }).get();
    appendAudit(tx, { actorId: user.id, action: 'performance.add', payload: { id: candidateId, ...input } });
    return { id: candidateId };
  },
} satisfies ActionSpec<typeof PerformanceInput, { id: number }>;

const UpdateInput = PerformanceInput.extend({ id });

export const updatePerformanceSpec = {
  name: 'admin.updatePerformance',
  roles: ['organiser'],
  schema: UpdateInput,
  revalidate: ['/admin/performances'],
  handler: ({ user, input, tx }) => {
    requireSetup(tx);
    findPerformance(tx, input.id);
    checkTarget(tx, input.nominationId, input.filmId);
    refuseDuplicate(tx, input.nominationId, input.filmId, input.person, input.id);
    const { id: candidateId, ...values } = input;
    tx.update(candidate).set({ ...values, placeholder: false }).where(eq(candidate.id, candidateId)).run();
    appendAudit(tx, { actorId: user.id, action: 'performance.update', payload: input });
    return null;
  },
} satisfies ActionSpec<typeof UpdateInput, null>;

const RemoveInput = z.object({ id });

export const removePerformanceSpec = {
  name: 'admin.removePerformance',
  roles: ['organiser'],
  schema: RemoveInput,
  revalidate: ['/admin/performances'],
  handler: ({ user, input, tx }) => {
    requireSetup(tx);
    const row = findPerformance(tx, input.id);
    tx.delete(candidate).where(eq(candidate.id, input.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'performance.remove', payload: row });
    return null;
  },
} satisfies ActionSpec<typeof RemoveInput, null>;

// --- CSV import: columns nomination (code), film (English title), person. ---

type PerfRow = { line: number; nominationId: number; code: string; filmId: number; filmTitle: string; person: string };
export type PerformancePreview = {
  errors: LineError[];
  added: { line: number; code: string; film: string; person: string }[];
  updated: never[];
  removed: { code: string; film: string; person: string }[];
  unchanged: number;
};

const key = (nominationId: number, filmId: number, person: string) => `${nominationId}\u0000${filmId}\u0000${person.trim().toLowerCase()}`;

function plan(tx: Tx, bytes: Uint8Array) {
  const table = readTable(bytes, ['nomination', 'film', 'person'], ['nomination', 'film', 'person'], { english_title: 'film', performer: 'person' });
  if (!table.ok) return { errors: table.errors, rows: [] as PerfRow[], existing: [] as ReturnType<typeof existingPerformances> };
  const noms = new Map(performanceNominations(tx).map((n) => [n.code, n.id]));
  const films = tx.select({ id: film.id, englishTitle: film.englishTitle, competition: film.competition }).from(film).where(eq(film.juryId, getFestival(tx).id)).all();
  const errors: LineError[] = [];
  const rows: PerfRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const line = rec.line;
    const before = errors.length;
    const code = table.get(rec, 'nomination').toLowerCase();
    const title = table.get(rec, 'film');
    const person = table.get(rec, 'person');
    const nominationId = noms.get(code);
    if (!nominationId) errors.push({ line, code: 'import:unknown_nomination', params: { value: code } });
    const matches = films.filter((f) => f.englishTitle.trim().toLowerCase() === title.toLowerCase());
    if (!title) errors.push({ line, code: 'import:missing_title' });
    else if (matches.length === 0) errors.push({ line, code: 'import:unknown_film', params: { value: title } });
    else if (matches.length > 1) errors.push({ line, code: 'import:ambiguous_film', params: { value: title } });
    else if (!matches[0].competition) errors.push({ line, code: 'import:not_competition', params: { value: title } });
    if (!person) errors.push({ line, code: 'import:missing_person' });
    else if (person.length > MAX_TEXT) errors.push({ line, code: 'import:too_long', params: { column: 'person', max: MAX_TEXT } });
    if (errors.length > before) continue;
    const k = key(nominationId!, matches[0].id, person);
    if (seen.has(k)) { errors.push({ line, code: 'import:duplicate', params: { first: seen.get(k)! } }); continue; }
    seen.set(k, line);
    rows.push({ line, nominationId: nominationId!, code, filmId: matches[0].id, filmTitle: matches[0].englishTitle, person });
  }
  return { errors, rows, existing: existingPerformances(tx, [...noms.values()]) };
}

function existingPerformances(tx: Tx, nominationIds: number[]) {
  if (!nominationIds.length) return [];
  return tx
    .select({ id: candidate.id, nominationId: candidate.nominationId, code: nomination.code, filmId: candidate.filmId, film: film.englishTitle, person: candidate.person })
    .from(candidate)
    .innerJoin(nomination, eq(nomination.id, candidate.nominationId))
    .innerJoin(film, eq(film.id, candidate.filmId))
    .where(inArray(candidate.nominationId, nominationIds))
    .all();
}

function diff(tx: Tx, bytes: Uint8Array) {
  const p = plan(tx, bytes);
  const wanted = new Set(p.rows.map((r) => key(r.nominationId, r.filmId, r.person)));
  const have = new Set(p.existing.map((c) => key(c.nominationId, c.filmId, c.person ?? '')));
  return {
    errors: p.errors,
    added: p.rows.filter((r) => !have.has(key(r.nominationId, r.filmId, r.person))),
    removed: p.existing.filter((c) => !wanted.has(key(c.nominationId, c.filmId, c.person ?? ''))),
    unchanged: p.rows.filter((r) => have.has(key(r.nominationId, r.filmId, r.person))).length,
  };
}

export const previewPerformanceImportSpec = {
  name: 'admin.previewPerformanceImport',
  roles: ['organiser'],
  schema: CsvInput,
  handler: ({ input, tx }) => {
    requireSetup(tx);
    const d = diff(tx, input.csv);
    const ok = d.errors.length === 0;
    return {
      errors: d.errors,
      added: ok ? d.added.map((r) => ({ line: r.line, code: r.code, film: r.filmTitle, person: r.person })) : [],
      updated: [],
      removed: ok ? d.removed.map((c) => ({ code: c.code, film: c.film, person: c.person ?? '' })) : [],
      unchanged: ok ? d.unchanged : 0,
    };
  },
} satisfies ActionSpec<typeof CsvInput, PerformancePreview>;

export const importPerformancesSpec = {
  name: 'admin.importPerformances',
  roles: ['organiser'],
  schema: CsvInput,
  revalidate: ['/admin/performances'],
  handler: ({ user, input, tx }) => {
    const fest = requireSetup(tx);
    const d = diff(tx, input.csv);
    if (d.errors.length) throw invalidImport(d.errors);
    if (d.removed.length) tx.delete(candidate).where(inArray(candidate.id, d.removed.map((c) => c.id))).run();
    for (const r of d.added) tx.insert(candidate).values({ nominationId: r.nominationId, filmId: r.filmId, person: r.person, placeholder: false }).run();
    const summary = { added: d.added.length, updated: 0, removed: d.removed.length, unchanged: d.unchanged };
    appendAudit(tx, { actorId: user.id, action: 'performance.import', payload: { jury: fest.id, ...summary, sha256: createHash('sha256').update(input.csv).digest('hex') } });
    return summary;
  },
} satisfies ActionSpec<typeof CsvInput, { added: number; updated: number; removed: number; unchanged: number }>;
