// The foundation: sign-in per role, refusals, languages, accessibility, and no content without a session.
import { expect } from '@playwright/test';
import { expectAccessible, signIn, storageState, test } from './fixtures';

test.describe('signing in', () => {
  test('each role lands on its home with real data', async ({ page }) => {
    await signIn(page, 'chair');
    await expect(page).toHaveURL(/\/chair$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Han Sanping');
    await expect(page.getByTestId('who')).toContainText('Han Sanping');
    await expect(page.locator('details[data-testid^="nomination-"]')).toHaveCount(6);
    await expect(page.getByTestId('nomination-best_film')).toContainText('23 candidates');

    await page.context().clearCookies();
    await signIn(page, 'organiser');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId('films').locator('tbody tr[data-competition="yes"]')).toHaveCount(23);
    await expect(page.getByTestId('films')).toContainText('Алмас қылыш');
    await expect(page.getByTestId('jurors').locator('tbody tr')).toHaveCount(12);

    await page.context().clearCookies();
    await signIn(page, 'juror');
    await expect(page).toHaveURL(/\/jury$/);
    await expect(page.getByTestId('who')).toContainText('Sergey Azimov');
  });

  test('a wrong password and an unknown login name get the same message', async ({ page }) => {
    await signIn(page, { login: 'azimov', password: 'not-the-password' });
    const alert = page.locator('form [role=alert]');
    await expect(alert).toHaveText('Login name or password is wrong.');
    await signIn(page, { login: 'nobody-here', password: 'not-the-password' });
    await expect(page.locator('form [role=alert]')).toHaveText('Login name or password is wrong.');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('logout ends the session', async ({ page }) => {
    await signIn(page, { login: 'juror12', password: 'juror-demo' });
    await expect(page).toHaveURL(/\/jury$/);
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    // The old session cookie, replayed, no longer opens anything.
    await page.context().addCookies(cookies);
    await page.goto('/jury');
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe('a juror', () => {
  test.use({ storageState: storageState('juror') });

  test('is refused /admin and /chair with a translated page and HTTP 403', async ({ page }) => {
    for (const path of ['/admin', '/chair']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
      await expect(page.locator('body')).not.toContainText('Organisers’ desk');
    }
  });

  test('switches to Chinese, and the choice survives a reload', async ({ page }) => {
    await page.goto('/jury');
    await page.getByLabel('Language').selectOption('zh');
    await expect(page.getByRole('heading', { level: 2, name: '奖项' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '奖项' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { level: 2, name: 'Nominations' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  test('the login page', async ({ page }) => {
    await page.goto('/login');
    await expectAccessible(page);
  });
  for (const [who, path] of [['juror', '/jury'], ['chair', '/chair'], ['organiser', '/admin']] as const) {
    test.describe(who, () => {
      test.use({ storageState: storageState(who) });
      test(`home ${path}`, async ({ page }) => {
        await page.goto(path);
        await expectAccessible(page);
        await page.setViewportSize({ width: 375, height: 800 });
        await expectAccessible(page);
      });
    });
  }
});

test.describe('without a session', () => {
  for (const path of ['/jury', '/chair', '/admin', '/']) {
    test(`${path} never returns its content`, async ({ request }) => {
      const res = await request.get(path, { maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(res.status());
      expect(res.headers()['location']).toMatch(/\/login$/);
      expect(await res.text()).not.toContain('Competition film');
    });
  }
});
