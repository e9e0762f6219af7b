// Live counts, end to end: the chair's page shows a juror's submitted ballot without a reload; a
// juror's /jury shows a runoff opening, its count rising and its closing without a reload; the
// room display shows the count and then the result. Every wait is on what the page shows.
// It submits a ballot and holds runoffs, which other specs must not see: it runs on a server of its own.
import Database from 'better-sqlite3';
import { expect, type Browser, type Page } from '@playwright/test';
import { callAction } from './actions';
import { arrangePhase, e2eDatabase, expectAccessible, test } from './fixtures';
import { ownServer } from './own-server';

// Beside decisions.spec's +86 and festival.spec's +87.
const { port: PORT, base: BASE, apiLogin } = ownServer(test, 85, (port) => arrangePhase('voting', port));
test.use({ baseURL: BASE, trace: 'off' });

async function signedInPage(browser: Browser, login: string, password: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: BASE, ...(viewport && { viewport }) })).newPage();
  await page.goto('/login');
  await page.getByLabel('Login name').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabase(PORT));
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const idOf = (login: string) => withDb((db) => (db.prepare('select id from user where login = ?').get(login) as { id: number }).id);

/** A main nomination in which juror03 has no counted ballot yet, and its candidates. */
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
  const chair = await signedInPage(browser, 'hansanping', 'chair-demo');
  await chair.goto('/chair');
  await expect(chair.getByTestId('live-status')).toHaveAttribute('data-live', 'live');
  const cell = chair.getByTestId(`counted-${nom.code}`);
  const before = Number(await cell.innerText());
  await mark(chair);

  // The juror scores and submits through the real actions (as their ballot page does).
  const juror = await apiLogin('juror03', 'juror-demo');
  for (const candidateId of nom.candidates) {
    const r = await callAction(juror, `/jury/${nom.code}`, 'app/jury/actions.ts#saveScore', [{ candidateId, value: 6 }], BASE);
    expect(r.result).toMatchObject({ ok: true });
  }
  const submitted = await callAction(juror, `/jury/${nom.code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom.id }], BASE);
  expect(submitted.result).toMatchObject({ ok: true });

  await expect(cell).toHaveText(String(before + 1));
  expect(await stillMarked(chair)).toBe(true);
  await juror.dispose();
  await chair.context().close();
});

test('a runoff appears on /jury and on the room display, its count rises, and its result shows, without reload', async ({ browser }) => {
  test.setTimeout(120_000); // a safety net: two more page loads than before, for the wall's own check
  const juror2 = idOf('juror03');
  const chairId = idOf('hansanping');
  const jurorPage = await signedInPage(browser, 'azimov', 'juror-demo', { width: 375, height: 800 });
  const room = await signedInPage(browser, 'hansanping', 'chair-demo');
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
    // The room display is for a projector: the chair's own "your vote is waiting" banner shows on the
    // chair's pages, never on the wall, and neither does the app's header with its "Log out".
    const wall = await room.context().newPage();
    await wall.goto('/chair');
    await expect(wall.getByTestId('runoff-banner')).toBeVisible();
    await wall.goto('/chair/room');
    await expect(wall.getByTestId('room-count')).toHaveText(/^0 \/ \d+$/);
    await expect(wall.getByTestId('runoff-banner')).toHaveCount(0);
    await expect(wall.locator('header')).toHaveCount(0);
    await expect(wall.getByRole('button', { name: 'Log out' })).toHaveCount(0);
    await wall.close();

    withDb((db) => db.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, 'r', 's')").run(runoffId, juror2, tied[0]));
    await expect(line).toContainText('1 of');
    await expect(line).toContainText('You have not voted yet');
    await expect(room.getByTestId('room-count')).toHaveText(/^1 \/ \d+$/);
    await expectAccessible(room);
    await expectAccessible(jurorPage);

    withDb((db) => db.prepare("update runoff set closed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), closed_by = ? where id = ?").run(chairId, runoffId));
    await expect(line).toBeHidden();
    await expect(room.getByTestId('room-outcome')).toContainText('Winner');
    // One vote stands behind the result: who won shows, the count does not (fewer than 3 votes besides
    // any one voter's own, lib/runoff/thin.ts).
    await expect(room.getByTestId('room-counts-withheld')).toBeVisible();
    expect(await stillMarked(jurorPage)).toBe(true);
    expect(await stillMarked(room)).toBe(true);
  } finally {
    withDb((db) => db.prepare('delete from runoff where id = ?').run(runoffId));
    await jurorPage.context().close();
    await room.context().close();
  }
});
