import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ballot, candidate, jury, film, nomination, recusal, score, user } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, nominationId } from '@/tests/festival';
import { personName } from '@/lib/festival/names';
import { votingProgress } from './progress';
import { auditFilters, auditPage, REDACTED } from './audit-log';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

const nomId = (code: string) => nominationId(t.db, code);
const cands = (code: string) => candidatesOf(t.db, code);

describe('voting progress', () => {
  it('counts scored candidates (with a value), leaves recused films out, and never carries a value or a note', () => {
    const az = userByLogin(t.db, 'azimov');
    const [c1, c2, c3] = cands('best_film');
    t.db.insert(score).values([
      { jurorId: az.id, candidateId: c1.id, steps: 6, note: 'MARKER-NOTE-1' },
      { jurorId: az.id, candidateId: c2.id, steps: null, note: 'only a note' },
      { jurorId: az.id, candidateId: c3.id, steps: 8, note: '' },
    ]).run();
    t.db.insert(recusal).values({ jurorId: az.id, filmId: c3.filmId, reason: 'conflict' }).run();
    t.db.insert(ballot).values({ jurorId: az.id, nominationId: nomId('best_director'), submittedAt: '2018-06-15T10:00:00Z' }).run();
    const p = votingProgress(t.db);
    const row = p.rows.find((r) => r.jurorId === az.id)!;
    const cell = (code: string) => row.cells.find((c) => c.nominationId === nomId(code))!;
    expect(cell('best_film')).toEqual({ nominationId: nomId('best_film'), total: 22, scored: 1, submitted: false });
    expect(cell('best_director')).toMatchObject({ total: 22, scored: 0, submitted: true });
    expect(row.recusals).toBe(1);
    expect(p.rows).toHaveLength(12);
    expect(p.nominations.map((n) => n.code)).not.toContain('special_jury_prize'); // no candidates yet
    const json = JSON.stringify(p);
    for (const marker of ['7.3141', '9.2718', 'MARKER-NOTE-1', 'only a note']) expect(json).not.toContain(marker);
  });

  it('carries the Latin name, so the organisers read each juror in their own language (personName)', () => {
    const az = userByLogin(t.db, 'azimov');
    t.db.update(user).set({ displayName: 'Сергей Азимов', latinName: 'Sergey Azimov' }).where(eq(user.id, az.id)).run();
    const row = votingProgress(t.db).rows.find((r) => r.jurorId === az.id)!;
    expect(personName(row, 'zh')).toBe('Сергей Азимов (Sergey Azimov)');
    expect(personName(row, 'ru')).toBe('Сергей Азимов');
  });

  it('with recusal by nationality, a juror is not asked to score films of their own country', () => {
    t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run();
    const az = userByLogin(t.db, 'azimov'); // KZ; two competition films are Kazakh
    const row = votingProgress(t.db).rows.find((r) => r.jurorId === az.id)!;
    expect(row.cells[0].total).toBe(21);
    const other = votingProgress(t.db).rows.find((r) => r.jurorId === userByLogin(t.db, 'juror03').id)!;
    expect(other.cells[0].total).toBe(23);
    expect(t.db.select().from(film).where(and(eq(film.country, 'KZ'), eq(film.competition, true))).all()).toHaveLength(2);
  });
});

describe('audit log for organisers', () => {
  // A value no timestamp or id can contain: "8.5" once matched the entry's time (…:38.560Z).
  const VALUE = 6.1379;
  function scoreEntry() {
    const az = userByLogin(t.db, 'azimov');
    t.db.transaction((tx) => {
      appendAudit(tx, { actorId: az.id, action: 'score.save', payload: { candidateId: 1, value: VALUE, note: 'SECRET-NOTE', nested: { value: 3 } } });
      appendAudit(tx, { actorId: az.id, action: 'ballot.submit', payload: { nominationId: 1, scores: [{ candidateId: 1, value: VALUE }] } });
    });
  }

  it('redacts score values and private notes, before and after publication alike, and names the nomination', () => {
    scoreEntry();
    const bestFilm = t.db.select({ code: nomination.code }).from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).where(eq(candidate.id, 1)).get()!.code;
    for (const phase of ['voting', 'finalised', 'published'] as const) {
      t.db.update(jury).set({ phase }).where(eq(jury.id, 1)).run();
      const page = auditPage(t.db);
      expect(page.rows[0].action).toBe('ballot.submit');
      const text = JSON.stringify(page.rows);
      expect(text, phase).not.toContain(String(VALUE));
      expect(text, phase).not.toContain('SECRET-NOTE');
      expect(text).toContain(REDACTED);
      expect(JSON.parse(page.rows[1].payload)).toEqual({ candidateId: 1, nomination: bestFilm, value: REDACTED, note: REDACTED, nested: { value: REDACTED } });
    }
  });

  it('pages newest first and filters by actor and action', () => {
    const org = userByLogin(t.db, 'organiser');
    t.db.transaction((tx) => {
      for (let i = 0; i < 60; i++) appendAudit(tx, { actorId: org.id, action: i % 2 ? 'film.add' : 'film.update', payload: { i } });
    });
    scoreEntry();
    const all = auditPage(t.db);
    expect(all.total).toBe(63);
    expect(all.pages).toBe(2);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0].id).toBeGreaterThan(all.rows[1].id);
    expect(auditPage(t.db, { page: 2 }).rows).toHaveLength(13);
    expect(auditPage(t.db, { actorId: org.id }).total).toBe(60);
    expect(auditPage(t.db, { action: 'film.add' }).total).toBe(30);
    expect(auditPage(t.db, { action: 'film.' }).total).toBe(60);
    expect(auditPage(t.db, { page: 99 }).page).toBe(2);
    const f = auditFilters(t.db);
    expect(f.actions).toEqual(expect.arrayContaining(['film.add', 'score.save', 'festival.seed_demo']));
    expect(f.actors.map((a) => a.login).sort()).toEqual(['azimov', 'organiser']);
    expect(JSON.stringify(f)).not.toContain('argon2');
    expect(t.db.select().from(user).all().length).toBe(13);
  });
});
