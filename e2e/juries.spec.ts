// Issue 23, end to end: two juries of one edition at once. The demo's main competition and a second,
// generated competition (its films, one nomination and its members written into this spec's own
// database: the demo invents no other jury), with a person who sits on both and each jury's own chair.
// The jury a person works in is chosen by its address (/e/<edition>/<jury>); what they may do there is
// their membership of it. Every wait is on what a page shows or an action answers.
import type Database from 'better-sqlite3';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { callAction } from './actions';
import { arrangePhase, expectAccessible, signIn, test } from './fixtures';
import { BallotPage } from './ballot-pages';
import { ownServer } from './own-server';

const { base: BASE, db, apiLogin } = ownServer(test, 90, (port) => {
  arrangePhase('voting', port);
  const d = db();
  try { addSecondJury(d); } finally { d.close(); }
});
test.use({ baseURL: BASE, trace: 'off' });

const SHORTS = ['Generated short one', 'Generated short two', 'Generated short three'];

/** The second competition, voting: three films in one nomination; azimov sits on both juries, juror05 chairs this one. */
function addSecondJury(d: Database.Database) {
  d.transaction(() => {
    const jury = Number(d.prepare("insert into jury (edition_id, slug, competition_name, phase) values (1, 'shorts', 'Generated short films', 'voting')").run().lastInsertRowid);
    const films = SHORTS.map((title, i) => Number(d.prepare("insert into film (jury_id, original_title, english_title, director, country, position) values (?, ?, ?, ?, 'KZ', ?)")
      .run(jury, title, title, `Generated director ${i + 1}`, i + 1).lastInsertRowid));
    const nom = Number(d.prepare("insert into nomination (jury_id, code, position, kind, round, exempt_one_award, ex_aequo_allowed, max_winners) values (?, 'best_short', 1, 'film', 'main', 0, 0, 1)").run(jury).lastInsertRowid);
    for (const f of films) d.prepare('insert into candidate (nomination_id, film_id, person) values (?, ?, null)').run(nom, f);
    d.prepare("insert into jury_member (jury_id, user_id, role) select ?, id, case login when 'juror05' then 'chair' else 'juror' end from user where login in ('azimov', 'juror05', 'juror06', 'juror07')").run(jury);
  })();
}

const editionPart = () => { const d = db(); try { return (d.prepare('select slug from edition where id = 1').get() as { slug: string }).slug; } finally { d.close(); } };
const address = (jury: 'main' | 'shorts') => `/e/${editionPart()}/${jury}`;

async function signedIn(browser: Browser, login: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await signIn(page, { login, password });
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** Scores the first candidate of a nomination's ballot and waits for the save to be acknowledged. */
async function scoreFirst(page: Page, code: string, value: number): Promise<number> {
  const ballot = new BallotPage(page);
  await ballot.goto(code);
  const [first] = await ballot.candidateIds();
  await ballot.clickScore(first, value);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  return first;
}

test('a juror on both juries scores in each, chosen by its address', async ({ browser }) => {
  const page = await signedIn(browser, 'azimov', 'juror-demo');
  await page.goto(address('shorts'));
  await page.waitForURL(/\/jury$/);
  await expect(page.getByText(SHORTS[0]).first()).toBeVisible();
  const short = await scoreFirst(page, 'best_short', 7);
  await page.goto(address('main'));
  await page.waitForURL(/\/jury$/);
  await expect(page.getByText(SHORTS[0])).toHaveCount(0);
  const film = await scoreFirst(page, 'best_film', 8);
  const d = db();
  try {
    const scored = d.prepare("select s.candidate_id as c from score s join user u on u.id = s.juror_id where u.login = 'azimov' and s.candidate_id in (?, ?)").pluck().all(short, film);
    expect(scored.sort()).toEqual([short, film].sort());
  } finally { d.close(); }
});

test('the chair of one jury has no chair’s right in the other: pages, actions, live counts, exports', async () => {
  // juror05 chairs the short films and is a juror of the main competition.
  const shortsChair: APIRequestContext = await apiLogin('juror05', 'juror-demo');
  expect((await shortsChair.get(address('shorts'))).ok()).toBe(true);
  expect((await shortsChair.get('/chair', { maxRedirects: 0 })).status()).toBe(200);
  expect((await shortsChair.get(address('main'))).ok()).toBe(true);
  expect((await shortsChair.get('/chair', { maxRedirects: 0 })).status()).toBe(403);
  const close = await callAction(shortsChair, '/chair', 'app/chair/actions.ts#closeRound', [{}], BASE);
  expect(close.result).toMatchObject({ ok: false });
  // The main competition's chair sits on no other jury: in the short films, nothing of a juror's or a chair's.
  const mainChair = await apiLogin('hansanping', 'chair-demo');
  expect((await mainChair.get(address('shorts'))).ok()).toBe(true);
  for (const path of ['/jury', '/jury/best_short', '/chair', '/chair/room']) {
    expect((await mainChair.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
  expect((await callAction(mainChair, '/chair', 'app/chair/actions.ts#closeRound', [{}], BASE)).result).toMatchObject({ ok: false });
  expect((await mainChair.get('/api/live')).status()).toBe(403);
  for (const format of ['festival.json', 'awards.csv']) expect((await mainChair.get(`/results/export/${format}`)).status()).toBe(403);
  // Nothing changed: both juries still vote.
  const d = db();
  try {
    expect(d.prepare('select phase from jury order by id').pluck().all()).toEqual(['voting', 'voting']);
  } finally { d.close(); }
});

test('an unknown address is a 404 and chooses nothing', async ({ request }) => {
  for (const path of ['/e/nowhere/main', `/e/${editionPart()}/nothing`, '/e/..%2F/main', `/e/${editionPart()}/MAIN`]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    expect(res.headers()['set-cookie'] ?? '').not.toMatch(/jury=/);
  }
});

test('a form rendered for one jury and sent after a switch to the other in another tab is refused, changing nothing; the header names the competition', async ({ browser }) => {
  const page = await signedIn(browser, 'organiser', 'organiser-demo');
  await page.goto(address('main'));
  await page.goto('/admin/jurors');
  await expect(page.getByTestId('current-jury')).toHaveText('Main competition');
  const azimov = (() => { const d = db(); try { return (d.prepare("select id from user where login = 'azimov'").get() as { id: number }).id; } finally { d.close(); } })();
  const form = page.getByTestId(`juror-edit-${azimov}`);
  await form.evaluate((f) => { f.closest('details')?.setAttribute('open', ''); });
  // Another tab of the same browser chooses the short films (a link from anywhere would do the same).
  const other = await page.context().newPage();
  await other.goto(address('shorts'));
  await expect(other.getByTestId('current-jury')).toHaveText('Generated short films');
  // The switch, opened on a phone: both competitions by their addresses, the current one marked; axe clean.
  await other.setViewportSize({ width: 375, height: 800 });
  await other.getByTestId('jury-switch').locator('summary').click();
  await expect(other.getByTestId('jury-switch').getByRole('link')).toHaveText(['Main competition', 'Generated short films (current)']);
  await expectAccessible(other);
  await form.getByLabel('Language').selectOption('kk');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('This page was for Main competition; you have since switched to Generated short films. Nothing was changed: reload the page to work in Generated short films.');
  const d = db();
  try {
    expect(d.prepare("select locale from user where login = 'azimov'").pluck().get()).not.toBe('kk');
  } finally { d.close(); }
});

/** The first `counts` event of /api/live for a signed-in context, read as an EventSource would (the stream never ends). */
async function firstLiveEvent(ctx: APIRequestContext): Promise<string> {
  const cookie = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const ctl = new AbortController();
  const res = await fetch(new URL('/api/live', BASE), { headers: { cookie, accept: 'text/event-stream' }, signal: ctl.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let body = '';
  try {
    for (;;) {
      const m = /event: counts\ndata: (.*)\n\n/.exec(body);
      if (m) return m[1];
      const { value, done } = await reader.read();
      if (done) throw new Error(`the live stream ended before its first counts: ${body}`);
      body += dec.decode(value, { stream: true });
    }
  } finally { ctl.abort(); }
}

/** The organisers' progress table of the jury a context serves (its rows and cells, as the page renders them). */
async function progressTable(ctx: APIRequestContext): Promise<string> {
  const res = await ctx.get('/admin/progress', { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  const html = await res.text();
  const table = /<table[^>]*data-testid="progress"[\s\S]*?<\/table>/.exec(html);
  expect(table, 'the progress table').not.toBeNull();
  return table![0];
}

test('one jury closes, finalises and publishes while the other still votes: nothing of it shows before, the other is unchanged', async ({ browser }) => {
  test.setTimeout(120_000);
  // A juror of the main competition only, scoring in Chromium throughout.
  const mainJuror = await signedIn(browser, 'juror03', 'juror-demo');
  await scoreFirst(mainJuror, 'best_film', 6);
  const mainChair = await apiLogin('hansanping', 'chair-demo');
  const organiser = await apiLogin('organiser', 'organiser-demo');

  // The short films' jury votes to the end in its own contexts, each choosing the jury by its address.
  const shortsMembers = await Promise.all(['azimov', 'juror05', 'juror06', 'juror07'].map((login) => apiLogin(login, 'juror-demo')));
  const shortsOrganiser = await apiLogin('organiser', 'organiser-demo');
  for (const ctx of [...shortsMembers, shortsOrganiser]) expect((await ctx.get(address('shorts'))).ok()).toBe(true);
  const d = db();
  const { nom, cands } = (() => {
    try {
      const n = d.prepare("select n.id from nomination n join jury j on j.id = n.jury_id where j.slug = 'shorts' and n.code = 'best_short'").pluck().get() as number;
      return { nom: n, cands: d.prepare('select id from candidate where nomination_id = ? order by id').pluck().all(n) as number[] };
    } finally { d.close(); }
  })();
  // Meanwhile the main jury votes on: its juror's saves keep being acknowledged.
  const mainBallot = new BallotPage(mainJuror);
  const [, second] = await mainBallot.candidateIds();
  await Promise.all([
    ...shortsMembers.map(async (ctx) => {
      for (const [i, c] of cands.entries()) {
        expect((await callAction(ctx, '/jury/best_short', 'app/jury/actions.ts#saveScore', [{ candidateId: c, value: 9 - 3 * i }], BASE)).result).toMatchObject({ ok: true });
      }
      expect((await callAction(ctx, '/jury/best_short', 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], BASE)).result).toMatchObject({ ok: true });
    }),
    (async () => {
      await mainBallot.clickScore(second, 7);
      await expect(mainJuror.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    })(),
  ]);
  const shortsChair = shortsMembers[1];
  expect((await callAction(shortsChair, '/chair', 'app/chair/actions.ts#closeRound', [{}], BASE)).result).toMatchObject({ ok: true });
  expect((await callAction(shortsChair, '/chair', 'app/chair/actions.ts#finalise', [{}], BASE)).result).toMatchObject({ ok: true });

  // Finalised, not yet published: the main jury's people see nothing of it anywhere they may look.
  const shortsResults = `/results/${editionPart()}/shorts`;
  const mainJurorApi = await apiLogin('juror03', 'juror-demo');
  for (const ctx of [mainJurorApi, mainChair]) {
    for (const path of ['/results', shortsResults, '/results/protocol', '/results/export/awards.csv', '/results/export/festival.json', '/jury', '/chair']) {
      const res = await ctx.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBeLessThan(500);
      const body = await res.text();
      for (const title of SHORTS) expect(body, `${path} shows ${title}`).not.toContain(title);
      expect(body, path).not.toContain('Generated short films');
    }
    expect(await firstLiveEvent(ctx)).not.toContain('best_short');
  }
  await mainJuror.goto('/results');
  await expect(mainJuror.getByTestId('not-published')).toBeVisible();
  await expect(mainJuror.getByTestId('published-juries')).toHaveCount(0);

  // The main jury's live counts and progress, just before the other's publication and just after it.
  const liveBefore = await firstLiveEvent(mainChair);
  const progressBefore = await progressTable(organiser);
  expect((await callAction(shortsOrganiser, '/results', 'app/chair/actions.ts#publish', [{}], BASE)).result).toMatchObject({ ok: true });
  expect(await firstLiveEvent(mainChair)).toBe(liveBefore);
  expect(await progressTable(organiser)).toBe(progressBefore);
  const d2 = db();
  try {
    expect(d2.prepare('select slug, phase from jury order by id').all()).toEqual([{ slug: 'main', phase: 'voting' }, { slug: 'shorts', phase: 'published' }]);
  } finally { d2.close(); }

  // Public now: /results, still the main competition's (voting), lists the short films' jury and only it.
  await mainJuror.goto('/results');
  await expect(mainJuror.getByTestId('not-published')).toBeVisible();
  const listed = mainJuror.getByTestId('published-juries').getByRole('link');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Generated short films');
  await listed.click();
  await expect(mainJuror).toHaveURL(new RegExp(`${shortsResults}$`));
  await expect(mainJuror.getByTestId('awards').getByText(SHORTS[0]).first()).toBeVisible();
  // And the main jury's juror scores on.
  await scoreFirst(mainJuror, 'best_film', 9);
  for (const ctx of [...shortsMembers, shortsOrganiser, mainChair, organiser, mainJurorApi]) await ctx.dispose();
});
