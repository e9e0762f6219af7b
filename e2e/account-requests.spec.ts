// Two people for a password reset during voting, through the pages: the organiser requests it,
// nothing changes until the chair approves it on /chair, the organiser is then shown the temporary
// password once, and the juror, at the next sign-in, sees the reset and every write since.
import Database from 'better-sqlite3';
import { test, expect } from '@playwright/test';
import { answerDialog, e2eDatabase, expectAccessible, signIn, storageState } from './fixtures';

const JUROR = { login: 'juror11', password: 'juror-demo' };
let phaseBefore = 'setup';

function phase(set?: string): string {
  const db = new Database(e2eDatabase());
  db.pragma('busy_timeout = 5000');
  const before = (db.prepare('select phase from jury where id = 1').get() as { phase: string }).phase;
  if (set) db.prepare('update jury set phase = ? where id = 1').run(set);
  db.close();
  return before;
}

test.beforeAll(() => { phaseBefore = phase('voting'); });
test.afterAll(() => { phase(phaseBefore); });

test('a reset during voting waits for the chair; the juror is told at the next sign-in', async ({ browser }) => {
  test.setTimeout(120_000);
  const organiser = await (await browser.newContext({ storageState: storageState('organiser') })).newPage();
  const chair = await (await browser.newContext({ storageState: storageState('chair') })).newPage();
  const juror = await (await browser.newContext()).newPage();

  // The organiser asks; the old password still works.
  await organiser.goto('/admin/jurors');
  const row = organiser.getByTestId('admin-jurors').locator(`tr[data-login="${JUROR.login}"]`);
  await expect(row.getByRole('button', { name: 'Issue temporary password' })).toHaveCount(0);
  await row.getByText('Request a change').click();
  const form = row.locator('form[data-testid^="request-"]');
  await form.getByLabel('Change').selectOption('reset_password');
  await form.getByLabel(/^Reason/).fill('Forgot the password at the screening');
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(form.getByRole('status')).toHaveText('Request sent. Nothing changes until it is approved.');
  const item = organiser.getByTestId('account-requests').locator(':scope > li').last();
  await expect(item).toHaveAttribute('data-state', 'pending');
  await expectAccessible(organiser);
  await signIn(juror, JUROR);
  await expect(juror).toHaveURL(/\/jury$/);
  await juror.context().clearCookies();

  // The chair approves on /chair.
  await chair.goto('/chair');
  const pending = chair.getByTestId('chair-account-requests').locator(':scope > li').last();
  await expect(pending).toContainText('Forgot the password at the screening');
  // Never the display name alone (issue 20, route 2): the login, every name, the account's history.
  await expect(pending).toContainText('Login: juror11.');
  await pending.getByText(/^Name of this account/).click();
  await expect(pending.getByTestId('approval-names')).toContainText('Juror 11');
  await pending.getByText(/^History of this account/).click();
  await expect(pending.getByTestId('approval-history')).toContainText('signed in, by the account’s holder');
  await expectAccessible(chair);
  await pending.getByRole('button', { name: 'Approve' }).click();
  await answerDialog(chair);
  await expect(chair.getByTestId('chair-account-requests')).toHaveCount(0);

  // The old password no longer works; the organiser who asked is shown the temporary one, once.
  await signIn(juror, JUROR);
  await expect(juror.locator('form [role=alert]')).toBeVisible();
  await organiser.reload();
  const approved = organiser.getByTestId('account-requests').locator(':scope > li').last();
  await expect(approved).toHaveAttribute('data-state', 'approved');
  await approved.getByRole('button', { name: 'Show the temporary password' }).click();
  await answerDialog(organiser);
  const temp = (await organiser.getByTestId('temporary-password-value').textContent())!.trim();
  expect(temp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await organiser.reload();
  await expect(organiser.getByTestId('account-requests').locator(':scope > li').last().getByRole('button', { name: 'Show the temporary password' })).toBeDisabled();

  // The juror signs in, sets a password, and sees the reset and the writes since.
  await signIn(juror, { login: JUROR.login, password: temp });
  await expect(juror).toHaveURL(/\/account\/password$/);
  await juror.getByLabel(/Current/).fill(temp);
  await juror.getByLabel('New password', { exact: true }).fill('my own password 2018');
  await juror.getByLabel('New password again').fill('my own password 2018');
  await juror.getByRole('button', { name: /Set password/ }).click();
  await expect(juror).toHaveURL(/\/jury$/);
  const notice = juror.getByTestId('account-notice');
  await expect(notice).toContainText('Password reset on');
  await expect(notice).toContainText('approved by the chair');
  const writes = notice.getByTestId('account-notice-writes');
  await expect(writes).toContainText('Temporary password issued');
  await expect(writes).toContainText('Password set');
  await expect(writes).toContainText('with your account');
  // Its history too (issue 20): who issued the temporary password, and the password chosen from here.
  const history = notice.getByTestId('account-history');
  await expect(history).toContainText('a temporary password was issued for your account by the organiser');
  await expect(history).toContainText('your password was chosen, from Chrome');
  await expectAccessible(juror);
  await juror.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(juror);
  await notice.getByRole('button', { name: 'This was all me' }).click();
  await expect(juror.getByTestId('account-notice')).toHaveCount(0);
});
