// The forms work before JavaScript (issue 22): with scripts off in the browser, on a server and
// database of their own, the organisers sign in, import the films' CSV (preview, then apply with the
// file chosen again) and file a two-person request during voting; the chair closes the round and
// decides a tie, each act confirmed on a second press; the organiser changes their own password.
// Every step checks what the page rendered after the post and that the database changed; a refused
// form (a film edit, a request's reason) comes back with what was typed in it.
import { test, expect, type Page } from '@playwright/test';
import { callAction } from './actions';
import { ownServer } from './own-server';

// Beside the film page spec's +77 and the words walk's +80.
const { base: BASE, db, apiLogin } = ownServer(test, 88);
test.use({ baseURL: BASE, javaScriptEnabled: false });

const BEST_FILM = 'best_film';
const JURORS = [['hansanping', 'chair-demo'], ['azimov', 'juror-demo'], ['juror03', 'juror-demo'], ['juror04', 'juror-demo']] as const;

function one<T>(sql: string, ...args: unknown[]): T {
  const d = db();
  try { return d.prepare(sql).get(...args) as T; } finally { d.close(); }
}

async function signIn(page: Page, login: string, password: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Login name').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Voting open for four jurors, every main ballot submitted through the real actions, best film tied. */
async function arrangeTiedVote() {
  const d = db();
  d.prepare(`update user set active = 0 where role = 'juror' and login not in (${JURORS.map(() => '?').join(',')})`).run(...JURORS.map((j) => j[0]));
  d.prepare("update jury set phase = 'voting' where id = 1").run();
  const noms = (d.prepare("select id, code from nomination where round = 'main'").all() as { id: number; code: string }[]).map((n) => ({
    ...n, cands: (d.prepare('select id from candidate where nomination_id = ? order by id').all(n.id) as { id: number }[]).map((r) => r.id),
  }));
  d.close();
  const ctxs = await Promise.all(JURORS.map(([l, p]) => apiLogin(l, p)));
  await Promise.all(ctxs.map(async (ctx) => {
    for (const { id, code, cands } of noms) {
      for (const [i, c] of cands.entries()) {
        const value = code === BEST_FILM ? (i < 2 ? 9 : 5) : Math.max(1, 10 - i);
        const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c, value }], BASE);
        expect(r.result).toMatchObject({ ok: true });
      }
      const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: id }], BASE);
      expect(r.result).toMatchObject({ ok: true });
    }
  }));
  await Promise.all(ctxs.map((c) => c.dispose()));
}

test('sign in, import films, file a request, close the round, decide a tie and change a password, all with JavaScript off', async ({ page }) => {
  test.setTimeout(480_000);

  // Sign-in: a refusal rendered by the server, then the real sign-in.
  await page.goto('/login');
  await page.getByLabel('Login name').fill('organiser');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByLabel('Login name')).toHaveValue('organiser');
  await signIn(page, 'organiser', 'organiser-demo');
  await expect(page).toHaveURL(/\/admin$/);

  // A refused film edit comes back with what was typed, the refusal said above and next to its field.
  const sword = one<{ id: number; director: string }>("select id, director from film where english_title = 'The Diamond Sword'");
  await page.goto('/admin/films');
  const edit = page.getByTestId(`film-form-${sword.id}`);
  await edit.locator('xpath=ancestor::details[1]/summary').click();
  await edit.getByLabel('Director').fill('Typed Before Any Script');
  await edit.getByLabel('Year').fill('3000');
  await edit.getByRole('button').click();
  // The page after the post renders the edit's fold open on the refusal (the form draws its fold).
  const refused = page.getByTestId(`film-form-${sword.id}`);
  await expect(refused.locator('xpath=ancestor::details[1]')).toHaveAttribute('open', '');
  await expect(refused.getByRole('alert')).toHaveText('The input is not valid. Nothing was changed.');
  await expect(refused.getByLabel('Year')).toHaveValue('3000');
  await expect(refused.getByLabel('Year')).toHaveAttribute('aria-invalid', 'true');
  await expect(refused.getByLabel('Year')).toHaveAccessibleDescription('This value is not valid.');
  await expect(refused.getByLabel('Director')).toHaveValue('Typed Before Any Script');
  expect(one<{ director: string }>('select director from film where id = ?', sword.id).director).toBe(sword.director);

  // The films' CSV: preview, then apply with the same file chosen again.
  const exported = await (await page.request.get('/admin/films/export')).text();
  const lines = exported.replace(/^\uFEFF/, '').split('\r\n');
  const row = lines.findIndex((l) => l.includes('The Diamond Sword'));
  expect(lines[row].endsWith(',,,,,,,')).toBe(true);
  lines[row] = `${lines[row].slice(0, -7)},"Imported before any script ran.",,,,,,`;
  const file = { name: 'films.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) };
  await page.goto('/admin/films');
  await page.getByLabel('Film list (CSV, UTF-8)').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByTestId('import-updated')).toContainText('The Diamond Sword');
  expect(one<{ synopsis: string | null }>("select synopsis from film where english_title = 'The Diamond Sword'").synopsis).toBeNull();
  await page.getByLabel('Choose the same file again to apply it').setInputFiles(file);
  await page.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 updated');
  expect(one<{ synopsis: string }>("select synopsis from film where english_title = 'The Diamond Sword'").synopsis).toBe('Imported before any script ran.');

  // During voting a reset is a two-person request: filed here, it waits for the chair.
  await arrangeTiedVote();
  await page.goto('/admin/jurors');
  const juror = page.getByTestId('admin-jurors').locator('tr[data-login="juror04"]');
  await juror.getByText('Request a change').click();
  const request = juror.locator('form[data-testid^="request-"]');
  await request.getByLabel('Change').selectOption('reset_password');
  // Too short a reason: refused, and the page after the post gives back the reason and the change chosen.
  await request.getByLabel(/^Reason/).fill('No');
  await request.getByRole('button', { name: 'Send request' }).click();
  // The page after the post renders the request's fold open on the refusal.
  await expect(request.locator('xpath=ancestor::details[1]')).toHaveAttribute('open', '');
  await expect(request.getByRole('alert')).toContainText('The reason must be between 3 and 500 characters long');
  await expect(request.getByLabel(/^Reason/)).toHaveValue('No');
  await expect(request.getByLabel('Change')).toHaveValue('reset_password');
  await request.getByLabel(/^Reason/).fill('Forgot the password at the screening');
  await request.getByRole('button', { name: 'Send request' }).click();
  // The page rendered after the post lists it as waiting (the form's own line stays in its closed fold).
  const filed = page.getByTestId('account-requests').locator(':scope > li').last();
  await expect(filed).toHaveAttribute('data-state', 'pending');
  await expect(filed).toContainText('Password reset for Juror 04');
  expect(one<{ n: number }>("select count(*) as n from account_request where kind = 'reset_password' and state = 'pending' and reason = 'Forgot the password at the screening'").n).toBe(1);

  // The chair closes the round: the first press only asks, the second closes.
  await signIn(page, 'hansanping', 'chair-demo');
  await page.goto('/chair');
  await expect(page.getByTestId('chair-phase')).toHaveText('Voting');
  const close = page.getByTestId('close-round');
  await close.locator('summary').click();
  const asking = page.getByTestId('close-round-confirm');
  await expect(asking).toContainText('Jurors can no longer change their ballots in this round');
  expect(one<{ phase: string }>('select phase from jury where id = 1').phase).toBe('voting');
  await asking.getByRole('button', { name: 'Close the round' }).click();
  await expect(page.getByTestId('chair-phase')).toHaveText('Main round closed');
  expect(one<{ phase: string }>('select phase from jury where id = 1').phase).toBe('main_closed');

  // The tie: a casting vote, asked first, recorded on the second press.
  const tie = page.getByTestId(`tie-${BEST_FILM}`);
  const radio = tie.getByRole('radio').first();
  const chosen = Number(await radio.getAttribute('value'));
  await radio.check();
  await tie.getByLabel(/Reason/).fill('The stronger debut');
  await tie.locator('summary').click();
  await page.getByTestId(`tie-${BEST_FILM}-confirm`).getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByTestId(`current-decision-${BEST_FILM}`)).toContainText('The stronger debut');
  const decided = one<{ kind: string; chosen: string; reason: string }>("select kind, chosen, reason from decision where kind = 'casting_vote' order by id desc");
  expect(decided).toEqual({ kind: 'casting_vote', chosen: JSON.stringify([chosen]), reason: 'The stronger debut' });

  // The organiser's own password: a refusal rendered by the server next to its field, then the change,
  // which ends the session (the page after the post sends the browser to sign in) and takes the new password.
  await signIn(page, 'organiser', 'organiser-demo');
  await page.goto('/account/password');
  const changing = page.getByTestId('password-form');
  await changing.getByLabel('Current (or temporary) password').fill('organiser-demo');
  await changing.getByLabel('New password', { exact: true }).fill('violet harbour lanterns 47');
  await changing.getByLabel('New password again').fill('violet harbour lanterns 48');
  await changing.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByTestId('password-form').locator('[aria-invalid=true]')).toHaveCount(1);
  await expect(page.getByTestId('password-form')).toContainText('The two passwords differ.');
  const changes = () => one<{ n: number }>("select count(*) as n from audit where action = 'account.password'").n;
  expect(changes()).toBe(0);
  await changing.getByLabel('Current (or temporary) password').fill('organiser-demo');
  await changing.getByLabel('New password', { exact: true }).fill('violet harbour lanterns 47');
  await changing.getByLabel('New password again').fill('violet harbour lanterns 47');
  await changing.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(changes()).toBe(1);
  await signIn(page, 'organiser', 'violet harbour lanterns 47');
  await expect(page).toHaveURL(/\/admin$/);
});
