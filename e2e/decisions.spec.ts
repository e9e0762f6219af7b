// The chair's decisions in the browser, on a server and database of their own: every action that
// changes the outcome asks first and says what it will do (cancelling changes nothing), a recorded
// decision can be changed and withdrawn, reopening the round sets the decision aside so that after
// the next close the chair decides again (the page says so), an unwanted special round is waived
// with a reason, and the protocol says in words that the special prize was not awarded.
import { pdfPageTexts } from './pdf-text';
import { test, expect, type Page } from '@playwright/test';
import { callAction } from './actions';
import { answerDialog, axe, expectAccessible } from './fixtures';
import { ownServer } from './own-server';

// Beside the shared e2e server's port and the festival spec's (+87).
const { base: BASE, db, apiLogin } = ownServer(test, 86);
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];

test.use({ baseURL: BASE });

// Four: on the chair's desk the chair's own score does not count towards the 3 scores a figure needs.
const JURORS = [['hansanping', 'chair-demo'], ['azimov', 'juror-demo'], ['juror03', 'juror-demo'], ['juror04', 'juror-demo']] as const;

/**
 * The scene: a jury of four (the other demo jurors made inactive before voting opens), voting open,
 * every main ballot scored and submitted through the real actions, with an exact tie between best
 * film's first two candidates and a clear order everywhere else.
 */
async function arrangeTiedVote() {
  const d = db();
  d.prepare(`update user set active = 0 where role = 'juror' and login not in (${JURORS.map(() => '?').join(',')})`).run(...JURORS.map((j) => j[0]));
  d.prepare("update jury set phase = 'voting' where id = 1").run();
  const noms = new Map(MAIN.map((code) => {
    const nom = (d.prepare('select id from nomination where code = ?').get(code) as { id: number }).id;
    return [code, { nom, cands: (d.prepare('select id from candidate where nomination_id = ? order by id').all(nom) as { id: number }[]).map((r) => r.id) }];
  }));
  d.close();
  const ctxs = await Promise.all(JURORS.map(([l, p]) => apiLogin(l, p)));
  await Promise.all(ctxs.map(async (ctx) => {
    for (const [code, { nom, cands }] of noms) {
      for (const [i, c] of cands.entries()) {
        const value = code === 'best_film' ? (i < 2 ? 9 : 5) : Math.max(1, 10 - i);
        const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c, value }], BASE);
        expect(r.result).toMatchObject({ ok: true });
      }
      const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], BASE);
      expect(r.result).toMatchObject({ ok: true });
    }
  }));
  await Promise.all(ctxs.map((c) => c.dispose()));
}

const castingVotes = () => {
  const d = db();
  const rows = (d.prepare("select chosen from decision where kind = 'casting_vote' order by id").all() as { chosen: string }[]).map((r) => JSON.parse(r.chosen)[0] as number);
  d.close();
  return rows;
};

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Login name').fill('hansanping');
  await page.getByLabel('Password').fill('chair-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto('/chair');
}

/** Clicks the action's button, checks what the dialog says, and confirms (or cancels). */
async function confirmAction(page: Page, testId: string, says: string | RegExp, confirm: string, cancel = false) {
  await page.getByTestId(testId).getByRole('button').first().click();
  const dialog = page.getByTestId(`${testId}-confirm`);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(says);
  // Cancel has the focus: a stray Enter does not confirm.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: cancel ? 'Cancel' : confirm }).click();
  await expect(dialog).toBeHidden();
}

async function decide(page: Page, index: number, label: 'Record decision' | 'Change decision') {
  const form = page.getByTestId('tie-best_film');
  const radio = form.getByRole('radio').nth(index);
  const id = Number(await radio.getAttribute('value'));
  await radio.check();
  await form.getByRole('button', { name: label }).click();
  const dialog = page.getByTestId('tie-best_film-confirm');
  await expect(dialog).toContainText('Your casting vote gives Best Film to');
  await expect(dialog).toContainText('You can change or withdraw this decision until the awards are finalised');
  await dialog.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByTestId('current-decision-best_film')).toBeVisible();
  return id;
}

test('the chair confirms, changes, withdraws and, after a reopen, decides again', async ({ page }) => {
  test.setTimeout(180_000);
  await arrangeTiedVote();
  await signIn(page);
  const phase = page.getByTestId('chair-phase');
  await expect(phase).toHaveText('Voting');

  // Closing asks first; cancelling leaves the round open.
  await confirmAction(page, 'close-round', 'Jurors can no longer change their ballots in this round', 'Close the round', true);
  await expect(phase).toHaveText('Voting');
  await confirmAction(page, 'close-round', 'you will see its tally', 'Close the round');
  await expect(phase).toHaveText('Main round closed');

  // The desk leads: the tie is listed at the top and the link reaches it.
  await expect(page.getByTestId('decisions-to-take')).toContainText('1 decision is still to take');
  await page.getByTestId('to-decide-best_film').click();
  await expect(page).toHaveURL(/#tally-best_film$/);
  await expect(page.getByTestId('tally-best_film')).toBeInViewport();

  await expectUniqueLandmarks(page);

  // A decision, confirmed in a dialog that says what it does; the dialog is accessible.
  const form = page.getByTestId('tie-best_film');
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByTestId('tie-best_film-confirm')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('tie-best_film-confirm').getByRole('button', { name: 'Cancel' }).click();
  expect(castingVotes()).toEqual([]);
  const first = await decide(page, 0, 'Record decision');
  await expect(page.getByTestId('winner-best_film')).toBeVisible();
  // Said in words, not "margin 0.00"; the winner's row marked with a word, not by colour alone.
  await expect(page.getByTestId('decided-by-best_film')).toHaveText('decided by the casting vote of the chair');
  await expect(page.getByTestId('winner-best_film')).not.toContainText('margin');
  await expect(page.getByTestId('decisions-to-take')).toContainText('No decision is waiting');
  const winnerRow = page.getByTestId('tally-best_film').locator(`tr[data-candidate="${first}"]`);
  await expect(winnerRow).toHaveAttribute('data-winner', 'true');
  await expect(winnerRow).toContainText('Winner');
  // On a phone the rows stack: the distribution is on screen without scrolling sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  const histogram = winnerRow.locator('svg');
  await histogram.scrollIntoViewIfNeeded();
  const box = await histogram.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(375);

  // On a phone (390 × 844): a compact header, the desk led by what to decide with each decided award
  // folded, and tables that fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const headerHeight = await page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().bottom);
  expect(headerHeight, 'the header and the demo banner above it').toBeLessThan(844 * 0.2);
  await expect(page.getByTestId('decisions-to-take')).toBeVisible();
  for (const code of MAIN) await expect(page.getByTestId(`tally-${code}`).getByTestId('award-fold')).not.toHaveAttribute('open');
  await page.getByTestId('tally-best_film').getByText('Ranking, scores and reasons').click();
  await expect(page.getByTestId('tally-best_film').getByTestId('award-fold')).toHaveAttribute('open');
  const comparison = page.getByTestId('method-comparison');
  await comparison.scrollIntoViewIfNeeded();
  expect(await comparison.evaluate((t) => t.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The draft protocol at the table: marked draft; the chair reads the winners, without a figure;
  // the organisers read that the awards come later, and no name of a winner.
  await page.getByTestId('draft-protocol-link').click();
  await expect(page.getByTestId('protocol-draft')).toBeVisible();
  await expect(page.getByTestId('draft-awards').locator('[data-nomination="best_film"]')).not.toContainText('not decided yet');
  await expectPeoplesWords(page);
  const organiser = await apiLogin('organiser', 'organiser-demo');
  const draftHtml = await (await organiser.get('/results/protocol')).text();
  await organiser.dispose();
  expect(draftHtml).toContain('data-testid="draft-awards-later"');
  expect(draftHtml).not.toContain('data-testid="draft-awards"');
  await page.goto('/chair');
  await expect.poll(castingVotes).toEqual([first]);

  // Changed: the later decision supersedes; both are in the log.
  const second = await decide(page, 1, 'Change decision');
  expect(second).not.toBe(first);
  await expect.poll(castingVotes).toEqual([first, second]); // the page showed a decision already: wait for the new row
  await expect(page.getByTestId('current-decision-best_film')).toContainText('casting vote for');

  // Withdrawn: the tie is open again.
  await confirmAction(page, 'withdraw-best_film', 'will no longer count', 'Withdraw');
  await expect(page.getByTestId('current-decision-best_film')).toHaveCount(0);
  await expect(page.getByTestId('tally-best_film')).toContainText('Tie to decide');
  await decide(page, 0, 'Record decision');

  // A reason too short is refused with words that name the field and what is wrong.
  await page.getByTestId('reopen-round').getByLabel('Reason for reopening').fill('ab');
  await confirmAction(page, 'reopen-round', 'are set aside', 'Reopen the round');
  await expect(page.getByTestId('reopen-round').getByRole('alert')).toHaveText('The reason must be between 3 and 500 characters long; write what happened and why. Nothing was changed.');
  await expect(phase).toHaveText('Main round closed');

  // Reopened and closed again on the same ballots: the old decision does not silently apply.
  await page.getByTestId('reopen-round').getByLabel('Reason for reopening').fill('The jury deliberates again');
  await confirmAction(page, 'reopen-round', 'are set aside: after the next close you decide again on the new data', 'Reopen the round');
  await expect(phase).toHaveText('Voting');
  await confirmAction(page, 'close-round', 'you will see its tally', 'Close the round');
  await expect(phase).toHaveText('Main round closed');
  await expect(page.getByTestId('decisions-set-aside')).toContainText('Decide again on the new data');
  await expect(page.getByTestId('set-aside-best_film')).toBeVisible();
  await expect(page.getByTestId('winner-best_film')).toHaveCount(0);
  const again = await decide(page, 1, 'Record decision');
  await expect(page.getByTestId('decisions-set-aside')).toHaveCount(0);
  await expect(page.getByTestId('winner-best_film')).toBeVisible();

  // The special round is not wanted: waived with a reason; finalising says so.
  await page.getByTestId('waive-special').getByLabel('Reason for waiving (recorded)').fill('The jury gives no special prize this year');
  await confirmAction(page, 'waive-special', 'The Special Jury Prize will not be awarded', 'Waive the round');
  await expect(page.getByTestId('special-waived')).toContainText('The jury gives no special prize this year');
  await confirmAction(page, 'finalise', 'The Special Jury Prize round is waived.', 'Finalise');
  await expect(phase).toHaveText('Finalised');
  const d = db();
  const awarded = (d.prepare("select a.candidate_id as c from award a join nomination n on n.id = a.nomination_id where n.code = 'best_film'").all() as { c: number }[]).map((r) => r.c);
  d.close();
  expect(awarded).toEqual([again]);

  await page.goto('/results/protocol');
  await expect(page.getByTestId('award-decided-by-best_film')).toHaveText('Decided by the casting vote of the chair.');
  await expect(page.getByTestId('not-awarded').locator('[data-nomination="special_jury_prize"]')).toContainText('not awarded: the chair waived the round — The jury gives no special prize this year');
  await expect(page.getByRole('main')).toContainText('Decision withdrawn');
  // Which decision stands, what it chose by name, and what ended each earlier one: on the page and on paper.
  const log = page.getByTestId('protocol-decisions');
  const stands = log.locator('[data-standing="standing"]');
  await expect(stands).toHaveCount(1);
  await expect(stands).toContainText(/Casting vote — Best Film: chosen: .+This decision stands\./);
  await expect(log.locator('[data-standing="superseded"]')).toContainText(['Superseded by a later decision (Casting vote) on']);
  await expect(log.locator('[data-standing="set_aside"]')).toContainText(['Withdrawn on', 'Set aside when the round was reopened on']);
  const paper = (await pdfPageTexts(await page.pdf({ format: 'A4' }))).join(' ').replace(/\s+/g, '');
  expect(paper).toContain('Thisdecisionstands.');
  expect(paper).toContain('Supersededbyalaterdecision(Castingvote)on');
  await expectPeoplesWords(page);
});

/** Every landmark has a name of its own (axe's landmark-unique, a moderate rule the shared scan leaves out). */
async function expectUniqueLandmarks(page: Page) {
  const result = await axe(page).withRules(['landmark-unique']).analyze();
  expect(result.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
}

// What people read carries no internal code: no award code (best_film), no audit action
// (ballot.save_score), no stored ISO timestamp.
const CODE_PATTERNS = [/\b[a-z]+(?:_[a-z]+)+\b/, /\b[a-z]+\.[a-z]+_[a-z_]+\b/, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/];
async function expectPeoplesWords(page: Page, scope = page.getByRole('main')) {
  const text = (await scope.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    // The audit log's recorded payload is the record itself, shown as stored.
    copy.querySelectorAll('pre').forEach((p) => p.remove());
    return copy.textContent ?? '';
  })) ?? '';
  for (const re of CODE_PATTERNS) expect(text, `${page.url()} shows ${text.match(re)?.[0]}`).not.toMatch(re);
}

test('after finalisation, the organisers and the public read names and dates, not codes', async ({ page, context }) => {
  for (const locale of ['en', 'kk']) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: BASE }]);
    await page.goto('/login');
    if (locale === 'en') {
      await page.getByLabel('Login name').fill('organiser');
      await page.getByLabel('Password').fill('organiser-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    }
    await page.goto('/admin');
    await expect(page.getByTestId('admin-next')).toBeVisible();
    await expectUniqueLandmarks(page);
    // A favicon, by Next's file convention.
    const icon = await page.locator('head link[rel="icon"]').first().getAttribute('href');
    expect(icon).toBeTruthy();
    expect((await page.request.get(icon!)).ok()).toBe(true);
    if (locale === 'en') await expect(page.getByRole('main')).not.toContainText('Voting has opened');
    await expectPeoplesWords(page);
    await page.goto('/admin/audit');
    await expect(page.getByTestId('audit').locator('[data-action="ballot.save_score"]').first()).toBeVisible();
    await expectPeoplesWords(page);
    await page.goto('/results/protocol');
    await expectPeoplesWords(page);
  }
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: BASE }]);
  await page.goto('/results');
  await page.getByTestId('publish').getByRole('button').first().click();
  await answerDialog(page);
  // The audit log's seal in plain sentences; the command only for those who open the disclosure.
  const seal = page.getByTestId('audit-head');
  await expect(seal).toContainText('Keep this page');
  await expect(seal.locator('code[data-command]')).toBeHidden();
  await seal.getByText('For those who want to verify').click();
  await expect(seal.locator('code[data-command]')).toHaveText('npm run audit:verify -- --head');
  await expect(page.getByTestId('receipts')).toBeAttached();
  await expect(page.getByTestId('receipts').locator('li').first()).toHaveText(/^Best (Film|Director|Screenplay|Actor|Actress): [0-9a-f]+$/);
  await expectPeoplesWords(page);
});
