// Live counts, end to end: the chair's page shows a juror's submitted ballot without a reload; a
// juror's /jury shows a runoff opening, its count rising and its closing without a reload; the
// room display shows the count and then the result. Every wait is on what the page shows.
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { callAction } from './actions';
import { arrangePhase, e2eDatabase, expectAccessible, storageState, test } from './fixtures';

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => arrangePhase('voting'));

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabase());
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const idOf = (login: string) => withDb((db) => (db.prepare('select id from user where login = ?').get(login) as { id: number }).id);

/** A main nomination in which juror03 has no counted ballot yet (other specs may have submitted some), and its candidates. */
function openNominationOf(jurorId: number) {
  return withDb((db) => {
    const n = db.prepare(
      "select n.id, n.code from nomination n where n.round = 'main' and exists (select 1 from candidate c where c.nomination_id = n.id) and not exists (select 1 from ballot b where b.nomination_id = n.id and b.juror_id = ? and b.receipt is not null) order by n.position desc limit 1",
    ).get(jurorId) as { id: number; code: string } | undefined;
    if (!n) throw new Error('juror03 has submitted every main ballot: no submission left to watch');
    const candidates = db.prepare('select c.id from candidate c join film f on f.id = c.film_id where c.nomination_id = ? and f.id not in (select film_id from recusal where juror_id = ?)').pluck().all(n.id, jurorId) as number[];
    return { ...n, candidates };
  });
}

/** Marks the page, so that a reload (which would drop the mark) shows. */
const mark = (page: Page) => page.evaluate(() => { (window as unknown as { liveMark: number }).liveMark = 1; });
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

test("the chair's count of ballots rises when a juror submits, without reload", async ({ browser }) => {
  const jurorId = idOf('juror03');
  const nom = openNominationOf(jurorId);
  const chair = await (await browser.newContext({ storageState: storageState('chair') })).newPage();
  await chair.goto('/chair');
  await expect(chair.getByTestId('live-status')).toHaveAttribute('data-live', 'live');
  const cell = chair.getByTestId(`counted-${nom.code}`);
  const before = Number(await cell.innerText());
  await mark(chair);

  // The juror scores and submits through the real actions (as their ballot page does).
  const juror = await browser.newContext({ storageState: storageState('juror2') });
  for (const candidateId of nom.candidates) {
    const r = await callAction(juror.request, `/jury/${nom.code}`, 'app/jury/actions.ts#saveScore', [{ candidateId, value: 6 }]);
    expect(r.result).toMatchObject({ ok: true });
  }
  const submitted = await callAction(juror.request, `/jury/${nom.code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom.id }]);
  expect(submitted.result).toMatchObject({ ok: true });

  await expect(cell).toHaveText(String(before + 1));
  expect(await stillMarked(chair)).toBe(true);
  await juror.close();
  await chair.context().close();
});

test('a runoff appears on /jury and on the room display, its count rises, and its result shows, without reload', async ({ browser }) => {
  const juror2 = idOf('juror03');
  const chairId = idOf('hansanping');
  const jurorPage = await (await browser.newContext({ storageState: storageState('juror'), viewport: { width: 375, height: 800 } })).newPage();
  const room = await (await browser.newContext({ storageState: storageState('chair') })).newPage();
  await jurorPage.goto('/jury');
  await room.goto('/chair/room');
  await expect(jurorPage.getByTestId('live-status')).toHaveAttribute('data-live', 'live');
  await expect(room.getByTestId('live-status')).toHaveAttribute('data-live', 'live');
  await expect(room.getByTestId('room-none')).toBeVisible();
  await mark(jurorPage);
  await mark(room);

  // The runoff is arranged in the database as the runoff actions write it (they are tested elsewhere).
  const { runoffId, tied } = withDb((db) => {
    const n = db.prepare("select id from nomination where code = 'best_director'").get() as { id: number };
    const tied = db.prepare('select id from candidate where nomination_id = ? order by id limit 2').pluck().all(n.id) as number[];
    db.prepare("update runoff set closed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where nomination_id = ? and closed_at is null").run(n.id);
    const r = db.prepare('insert into runoff (nomination_id, tied, places, opened_by) values (?, ?, 1, ?)').run(n.id, JSON.stringify(tied), chairId);
    return { runoffId: Number(r.lastInsertRowid), tied };
  });
  try {
    const line = jurorPage.getByTestId('live-runoff-best_director');
    await expect(line).toContainText('0 of');
    await expect(room.getByTestId('room-count')).toHaveText(/^0 \/ \d+$/);
    await expect(room.getByRole('heading', { name: 'Best Director' })).toBeVisible();

    withDb((db) => db.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, 'r', 's')").run(runoffId, juror2, tied[0]));
    await expect(line).toContainText('1 of');
    await expect(line).toContainText('You have not voted yet');
    await expect(room.getByTestId('room-count')).toHaveText(/^1 \/ \d+$/);
    await expectAccessible(room);
    await expectAccessible(jurorPage);
    if (process.env.E2E_SCREENSHOTS === '1') await room.screenshot({ path: 'docs/screenshots/room-display.png', fullPage: true });

    withDb((db) => db.prepare("update runoff set closed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), closed_by = ? where id = ?").run(chairId, runoffId));
    await expect(line).toBeHidden();
    await expect(room.getByTestId('room-outcome')).toContainText('Winner');
    await expect(room.getByTestId('room-result')).toContainText('1');
    expect(await stillMarked(jurorPage)).toBe(true);
    expect(await stillMarked(room)).toBe(true);
  } finally {
    // Other specs share this database: leave no runoff behind.
    withDb((db) => db.prepare('delete from runoff where id = ?').run(runoffId));
    await jurorPage.context().close();
    await room.context().close();
  }
});
