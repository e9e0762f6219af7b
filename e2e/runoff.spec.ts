// Runoff votes in the jury room, on a server and database of their own: a tie in Best Director
// whose rules say [runoff, runoff, casting vote]; the chair opens a runoff; twelve jurors vote from
// phone-sized pages (the chair among them; one phone runs no JavaScript); the count on the chair's
// desk rises; a 6–6 runoff leads to a second, a 6–6 second to the chair's casting vote; the result
// and the runoffs with their counts and receipts are on /results and in the protocol.
//
// One test in steps (test.step), not several tests: each step needs every vote before it (the second
// runoff exists only once the first has tied 6–6, the casting vote only once the second has), so an
// independent test per step would repeat the scene, the twelve sign-ins and all earlier votes, which is
// most of the spec's time. The steps name where a failure happened, and the published pages' checks are
// soft, so that one wrong line there does not hide the others.
import { test, expect as baseExpect, type Browser, type Page } from '@playwright/test';
import { callAction } from './actions';
import { expectAccessible, signIn } from './fixtures';
import { ownServer } from './own-server';
import { ChairDesk, JurorPhone } from './runoff-pages';
import { SCREENSHOTS, shoot } from './screenshots';

// Expectations wait up to 30 s, as in runoff-pages.ts: a safety net for a loaded machine.
const expect = baseExpect.configure({ timeout: 30_000 });

// Beside the decisions spec's +86 and the festival spec's +87.
const { base: BASE, db, apiLogin } = ownServer(test, 84);
const CODE = 'best_director';

test.use({ baseURL: BASE });

type Juror = { login: string; password: string };

/**
 * The scene: Best Director alone (the other awards removed before voting opens), its rules
 * [runoff, runoff, casting_vote], every juror's ballot submitted through the real actions with its
 * first two candidates tied exactly.
 */
async function arrangeTie(): Promise<Juror[]> {
  const d = db();
  d.pragma('foreign_keys = ON');
  d.prepare('delete from nomination where code != ?').run(CODE);
  d.prepare(`update nomination set tie_break = '["runoff","runoff","casting_vote"]' where code = ?`).run(CODE);
  d.prepare("update jury set phase = 'voting', recusal_by_nationality = 0 where id = 1").run();
  const nom = (d.prepare('select id from nomination where code = ?').get(CODE) as { id: number }).id;
  const cands = (d.prepare('select id from candidate where nomination_id = ? order by id').all(nom) as { id: number }[]).map((r) => r.id);
  // The demo jury's members, the chair among them (issue 23: who chairs is the jury's membership).
  const jurors = (d.prepare('select u.login, m.role from user u join jury_member m on m.user_id = u.id and m.jury_id = 1 where u.active = 1 order by u.id').all() as { login: string; role: string }[])
    .map((u) => ({ login: u.login, password: u.role === 'chair' ? 'chair-demo' : 'juror-demo' }));
  d.close();
  for (const j of jurors) {
    const ctx = await apiLogin(j.login, j.password);
    for (const [i, c] of cands.entries()) {
      const r = await callAction(ctx, `/jury/${CODE}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c, value: i < 2 ? 9 : Math.max(1, 8 - i) }], BASE);
      expect(r.result).toMatchObject({ ok: true });
    }
    expect((await callAction(ctx, `/jury/${CODE}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], BASE)).result).toMatchObject({ ok: true });
    await ctx.dispose();
  }
  return jurors;
}

async function phoneOf(browser: Browser, j: Juror, script = true): Promise<JurorPhone> {
  const ctx = await browser.newContext({ baseURL: BASE, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: script });
  const page = await ctx.newPage();
  await signIn(page, j);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return new JurorPhone(page, script);
}

/** No horizontal scrolling on the phone. */
async function expectFits(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('a 6–6 runoff goes to a second runoff, a 6–6 second to the casting vote', async ({ browser, page }) => {
  test.setTimeout(600_000);
  const jurors = await test.step('the scene: twelve ballots tie Best Director', async () => {
    const all = await arrangeTie();
    expect(all).toHaveLength(12);
    return all;
  });

  const desk = new ChairDesk(page, CODE);
  await test.step('the chair closes the round and opens a runoff, not a casting vote', async () => {
    await signIn(page, { login: 'hansanping', password: 'chair-demo' });
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/chair');
    await page.getByTestId('close-round').getByRole('button').first().click();
    await page.getByTestId('close-round-confirm').getByRole('button', { name: 'Close the round' }).click();
    await expect(page.getByTestId('chair-phase')).toHaveText('Main round closed');

    await expect(page.getByTestId(`to-decide-${CODE}`)).toHaveText('Best Director: a tie to settle by a runoff vote');
    // The rules say a runoff first: no casting vote is offered yet.
    await expect(page.getByTestId(`tie-${CODE}`)).toHaveCount(0);
    await desk.openRunoff('settle this tie by a runoff vote');
    await desk.expectVotesCast(0, 12);
    await expect(page.getByTestId(`to-decide-${CODE}`)).toHaveText('Best Director: runoff open, 0 of 12 have voted');
  });

  const phones: JurorPhone[] = [];
  await test.step('twelve jurors sign in on their phones', async () => {
    // The last juror's phone runs no JavaScript: the vote posts as a plain form and the receipt comes back
    // on the page the server renders (app/jury/runoff/RunoffBallots.tsx); /results must list it as the others.
    for (const [i, j] of jurors.entries()) phones.push(await phoneOf(browser, j, i !== jurors.length - 1));
  });
  // The room display on the chair's projector (README's screenshot), beside the desk.
  const room = SCREENSHOTS ? await page.context().newPage() : undefined;
  await room?.goto('/chair/room');

  // Runoff 1: six and six.
  const receipts: string[] = [];
  await test.step('runoff 1: six and six, counted live on the desk', async () => {
    for (const [i, phone] of phones.entries()) {
      if (i === 0) {
        await phone.page.goto('/jury');
        await expectAccessible(phone.page);
        await expectFits(phone.page);
        if (SCREENSHOTS) {
          // The whole ballot in view, its Vote button included.
          await phone.page.locator('[data-testid^="runoff-ballot-"]').evaluate((el) => el.scrollIntoView({ block: 'end' }));
          await phone.page.evaluate(() => window.scrollBy(0, 16));
          await shoot(phone.page, 'runoff-phone');
        }
      }
      receipts.push(await phone.vote(i % 2));
      if (i === 0) await expectAccessible(phone.page);
      await desk.expectVotesCast(i + 1, 12);
      if (room && i === 6) {
        await expect(room.getByTestId('room-count')).toHaveText('7 / 12');
        // Reloaded for the picture: the header's banner of the chair's own vote is as of the page's loading.
        await room.reload();
        await expect(room.getByTestId('room-count')).toHaveText('7 / 12');
        await shoot(room, 'room-display', { fullPage: true });
        await room.close();
      }
    }
    await phones[0].expectNothingWaiting();
    // While open, the desk shows no count per candidate.
    await expect(desk.panel).not.toContainText(/\d+ votes?\b/);
    await desk.closeRunoff();
    await desk.expectResult(1, [6, 6]);
  });

  // Runoff 2, as the rules say: six and six again.
  await test.step('runoff 2: six and six again', async () => {
    await desk.openRunoff('The runoff tied again');
    for (const [i, phone] of phones.entries()) receipts.push(await phone.vote(i % 2));
    await desk.expectVotesCast(12, 12);
    // The desk's runoff panel: the first runoff's 6–6 and the second's count, never a choice.
    if (SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await desk.panel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shoot(page, 'runoff-desk-desktop');
    }
    await desk.closeRunoff();
    await desk.expectResult(2, [6, 6]);
    await expect(page.getByTestId(`open-runoff-${CODE}`)).toHaveCount(0);
  });

  // Then the casting vote: the chair's own choice.
  await test.step('the chair\'s casting vote, finalised and published', async () => {
    const form = page.getByTestId(`tie-${CODE}`);
    await form.getByRole('radio').first().check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    await page.getByTestId(`tie-${CODE}-confirm`).getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.getByTestId(`current-decision-${CODE}`)).toBeVisible();

    // Finalised and published through the real actions.
    const chair = await apiLogin('hansanping', 'chair-demo');
    expect((await callAction(chair, '/chair', 'app/chair/actions.ts#finalise', [{}], BASE)).result).toMatchObject({ ok: true });
    await chair.dispose();
    const organiser = await apiLogin('organiser', 'organiser-demo');
    expect((await callAction(organiser, '/results', 'app/chair/actions.ts#publish', [{}], BASE)).result).toMatchObject({ ok: true });
    await organiser.dispose();
  });

  await test.step('the runoffs, their counts and receipts on /results and in the protocol', async () => {
    const reader = phones[3].page;
    await reader.goto('/results');
    const results = reader.getByTestId('runoff-results');
    await expect.soft(results.getByTestId(`runoff-${CODE}-1`)).toContainText('Best Director, runoff 1: 12 votes');
    await expect.soft(results.getByTestId(`runoff-${CODE}-2`)).toContainText('Best Director, runoff 2: 12 votes');
    await expect.soft(results.getByTestId(`runoff-${CODE}-2`)).toContainText('Abstentions: 0');
    await expect.soft(reader.getByTestId(`tie-break-${CODE}`)).toContainText('up to 2 runoff votes of the jury, then the chair’s casting vote');
    // Inside the closed <details>: read as text, not by role (hidden from the accessibility tree until opened).
    const listed = await reader.getByTestId('runoff-receipts').locator('li').allTextContents();
    expect.soft(listed).toHaveLength(24);
    for (const r of receipts) expect.soft(listed.some((l) => l.endsWith(r))).toBe(true);
    // The runoffs fit the phone (the page's other long hashes are not this spec's business).
    const box = await results.boundingBox();
    expect.soft(box && box.x + box.width).toBeLessThanOrEqual(390);
    expect.soft(await results.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await reader.goto('/results/protocol');
    await expect.soft(reader.getByTestId('runoff-results')).toContainText('Best Director, runoff 2: 12 votes');
    await expect.soft(reader.getByTestId('runoff-results')).toContainText('6 votes');
    await expect.soft(reader.getByTestId(`award-decided-by-${CODE}`)).toContainText('casting vote');
    // Said in words, with the score, not as "margin 0.00".
    await expect.soft(reader.getByTestId('awards')).toContainText('score 9.00');
    await expect.soft(reader.getByTestId('awards')).not.toContainText('margin');
    if (SCREENSHOTS) await shootProtocol(page);
  });

  for (const phone of phones) await phone.page.context().close();
});

/** The published protocol from its awards on (the award, how it was decided, the runoffs), at desktop and phone width. */
async function shootProtocol(page: Page) {
  await page.goto('/results/protocol');
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport);
    await page.getByRole('heading', { name: 'Awards', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await shoot(page, `protocol-${name}`);
  }
}
