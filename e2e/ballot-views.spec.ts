// The compact ballot and the ballot by film, end to end, against the cards. Two servers with fresh
// demo databases and a jury of four: on one, juror A scores Best Film in the compact view on a
// 390×844 phone by touch, and juror B scores every film in the by-film view by keyboard alone; on
// the other, A and B enter the same values in the cards. The chair and the fourth juror vote the
// same through the actions on both. After closing the round, the chair's tally of every main
// nomination is the same text on both servers. axe on every view.
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Server } from '../tests/server';
import { callAction } from './actions';
import { BallotPage, FilmBallotPage, tallyRows } from './ballot-pages';
import { ACCOUNTS, e2eDatabase, expectAccessible, test } from './fixtures';
import { startE2eServer } from './server';

// Beside decisions.spec's +86 and festival.spec's +87.
const PORTS = { views: Number(process.env.E2E_PORT ?? 3211) + 81, cards: Number(process.env.E2E_PORT ?? 3211) + 82 } as const;
type Side = keyof typeof PORTS;
const base = (side: Side) => `http://localhost:${PORTS[side]}`;
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
const JURY = { A: ACCOUNTS.juror, B: ACCOUNTS.juror2, chair: ACCOUNTS.chair, D: { login: 'juror04', password: 'juror-demo' } } as const;
type Who = keyof typeof JURY;

/** Each juror's score for the i-th candidate (by id) of a nomination: different per juror, so the tally has an order. */
const SHIFT: Record<Who, [number, number]> = { A: [7, 0], B: [3, 5], chair: [9, 2], D: [1, 4] };
const valueOf = (who: Who, code: string, i: number) => ((i * SHIFT[who][0] + SHIFT[who][1] + MAIN.indexOf(code)) % 10) + 1;

const servers: Server[] = [];
test.describe.configure({ mode: 'serial' });

function db(side: Side) {
  const d = new Database(e2eDatabase(PORTS[side]));
  d.pragma('busy_timeout = 5000');
  return d;
}

/** Every main nomination's candidate ids in id order, and each candidate's nomination and index there. */
function candidates(side: Side) {
  const d = db(side);
  const byNom = new Map(MAIN.map((code) => [code, (d.prepare('select c.id from candidate c join nomination n on n.id = c.nomination_id where n.code = ? order by c.id').all(code) as { id: number }[]).map((r) => r.id)]));
  d.close();
  const where = new Map<number, { code: string; i: number }>();
  for (const [code, ids] of byNom) ids.forEach((id, i) => where.set(id, { code, i }));
  return { byNom, where, nominationIds: nominationIds(side) };
}
function nominationIds(side: Side) {
  const d = db(side);
  const rows = d.prepare('select id, code from nomination').all() as { id: number; code: string }[];
  d.close();
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function start(side: Side) {
  servers.push(await startE2eServer(PORTS[side]));
  // A jury of four (the other demo jurors inactive before voting opens), voting open.
  const d = db(side);
  d.prepare(`update user set active = 0 where role = 'juror' and login not in (${Object.values(JURY).map(() => '?').join(',')})`).run(...Object.values(JURY).map((j) => j.login));
  d.prepare("update jury set phase = 'voting' where id = 1").run();
  d.close();
}

async function apiLogin(side: Side, who: Who): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: base(side) });
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, login: JURY[who].login, password: JURY[who].password, json: 'true' } });
  expect(res.ok()).toBe(true);
  return ctx;
}

/** Scores and submits through the actions (the chair, juror D, and the nominations A does not score on screen). */
async function voteByActions(side: Side, who: Who, codes: string[]) {
  const { byNom, nominationIds: noms } = candidates(side);
  const ctx = await apiLogin(side, who);
  for (const code of codes) {
    for (const [i, id] of byNom.get(code)!.entries()) {
      expect((await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: id, value: valueOf(who, code, i) }], base(side))).result).toMatchObject({ ok: true });
    }
    expect((await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: noms.get(code) }], base(side))).result).toMatchObject({ ok: true });
  }
  await ctx.dispose();
}

async function signedIn(browser: Browser, side: Side, who: Who, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base(side), viewport, ...(viewport.width < 500 ? { hasTouch: true, isMobile: true } : {}) });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Login name').fill(JURY[who].login);
  await page.getByLabel('Password').fill(JURY[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.close();
  return context;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await Promise.all([start('views'), start('cards')]);
  // Both databases are the same demo festival: the same candidates under the same ids.
  expect([...candidates('views').where]).toEqual([...candidates('cards').where]);
  for (const side of ['views', 'cards'] as const) {
    await voteByActions(side, 'chair', MAIN);
    await voteByActions(side, 'D', MAIN);
    await voteByActions(side, 'A', MAIN.filter((c) => c !== 'best_film'));
  }
});
test.afterAll(async () => { await Promise.all(servers.map((s) => s.stop())); });

test('juror A scores Best Film in the compact view on a phone, by touch; the layout is remembered', async ({ browser }) => {
  test.setTimeout(120_000);
  const { byNom } = candidates('views');
  const context = await signedIn(browser, 'views', 'A', { width: 390, height: 844 });
  const page = await context.newPage();
  const ballot = new BallotPage(page);
  await ballot.goto('best_film');
  await ballot.useLayout('compact');
  await page.reload();
  await expect(page.getByTestId('compact-ballot')).toBeVisible();
  await expect(page.getByTestId('view-compact')).toHaveAttribute('aria-pressed', 'true');
  await expect(ballot.rows).toHaveCount(23);
  // The compact rows fit the phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  const ids = byNom.get('best_film')!;
  // Half by touch, then "next unscored" finds the first gap in the juror's order.
  const order = await ballot.candidateIds();
  for (const id of order.slice(0, 11)) await ballot.clickScore(id, valueOf('A', 'best_film', ids.indexOf(id)));
  await page.getByRole('button', { name: 'Next unscored' }).click();
  await expect(ballot.row(order[11]).locator('[role=radio]:focus')).toHaveCount(1);
  for (const id of order.slice(11)) await ballot.clickScore(id, valueOf('A', 'best_film', ids.indexOf(id)));
  await ballot.waitSaved();

  // A note and the details behind a row; axe with both open.
  const first = ballot.row(order[0]);
  await first.getByRole('button', { name: /^Note/ }).click();
  await first.getByLabel('Private note (only you see it)').fill('strong final act');
  await first.getByRole('button', { name: /^Details/ }).click();
  await expect(first.getByRole('link', { name: /in all its nominations/ })).toBeVisible();
  await ballot.waitSaved();
  await expectAccessible(page);

  // Sorted by my score: the highest first.
  await page.getByLabel('Order').selectOption('score');
  await expect(ballot.rows.first().getByRole('radio', { checked: true })).toHaveText('10');
  await ballot.submit();
  await expect(ballot.rows.first().getByRole('radio').first()).toHaveAttribute('aria-disabled', 'true');
  for (const id of ids) expect(await ballot.checkedValue(id)).toBe(String(valueOf('A', 'best_film', ids.indexOf(id))));
  await expectAccessible(page);
  await context.close();
});

test('juror B scores every film in the by-film view by keyboard alone', async ({ browser }) => {
  test.setTimeout(240_000);
  const { where } = candidates('views');
  const context = await signedIn(browser, 'views', 'B');
  const page = await context.newPage();
  await page.goto('/jury');
  const films = page.getByTestId('films').locator('a[data-by-film]');
  await expect(films).toHaveCount(23);
  await expectAccessible(page);
  const first = await films.first().getAttribute('href');

  const film = new FilmBallotPage(page);
  await page.goto(first!);
  // The recusal says what it covers.
  await expect(page.getByTestId('film-recusal')).toContainText('covers this film in every nomination, its performances included, and in the Special Jury Prize round');
  await expectAccessible(page);
  // The first film: from the top of the page, Tab to the first score control.
  expect(await film.tabToFirstScore()).toBeLessThan(20);
  for (let n = 0; n < 23; n++) {
    await expect(page.getByTestId('film-ballot')).toBeVisible();
    // Arriving by "next film", the focus is already on the first score to give.
    await expect(film.rows.first().locator('[role=radio]:focus')).toHaveCount(1);
    const ids = await film.rows.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.candidate)));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    // A digit per row and J to the next.
    await film.scoreRowsByKeyboard(ids.map((id) => valueOf('B', where.get(id)!.code, where.get(id)!.i)));
    await film.waitSaved();
    if (n === 22) break;
    // J after the last row goes to "next film"; Enter follows it.
    const url = page.url();
    await page.keyboard.press('j');
    await expect(page.getByTestId('next-film')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.toString() !== url);
  }
  await expect(page.getByTestId('next-film')).toHaveCount(0);

  // Every ballot is complete: submitted by keyboard on each nomination's page.
  const ballot = new BallotPage(page);
  for (const code of MAIN) {
    await ballot.goto(code);
    await expect(page.getByText(/^(\d+) of \1 scored$/)).toBeVisible();
    await ballot.submitByKeyboard();
  }
  // Submitted: the by-film view is read-only.
  await page.goto(first!);
  await expect(film.rows.first().getByRole('radio').first()).toHaveAttribute('aria-disabled', 'true');
  await expect(film.rows.first()).toContainText('Submitted');
  await expectAccessible(page);
  await context.close();
});

test('the same values entered in the cards give the same tally in every nomination', async ({ browser }) => {
  test.setTimeout(240_000);
  const { byNom } = candidates('cards');
  for (const [who, codes] of [['A', ['best_film']], ['B', MAIN]] as const) {
    const context = await signedIn(browser, 'cards', who);
    const page = await context.newPage();
    const ballot = new BallotPage(page);
    for (const code of codes) {
      await ballot.goto(code);
      await expect(page.getByTestId('compact-ballot')).toHaveCount(0);
      for (const [i, id] of byNom.get(code)!.entries()) await ballot.clickScore(id, valueOf(who, code, i));
      await ballot.waitSaved();
      if (code === 'best_film') await expectAccessible(page);
      await ballot.submit();
    }
    await context.close();
  }

  const tallies: Record<Side, Record<string, string[]>> = { views: {}, cards: {} };
  for (const side of ['views', 'cards'] as const) {
    const chair = await apiLogin(side, 'chair');
    expect((await callAction(chair, '/chair', 'app/chair/actions.ts#closeRound', [{}], base(side))).result).toMatchObject({ ok: true });
    await chair.dispose();
    const context = await signedIn(browser, side, 'chair');
    const page = await context.newPage();
    for (const code of MAIN) tallies[side][code] = await tallyRows(page, code);
    await context.close();
  }
  for (const code of MAIN) expect(tallies.views[code].length, code).toBeGreaterThan(0);
  expect(tallies.views).toEqual(tallies.cards);
});
