// Issue 20, route 9 ("a secret in an address"): the sign-in form posts, before and after its
// JavaScript loads. Before, it had no method and submitted only through JavaScript, so a submit
// before hydration went out as GET /login?login=…&password=… and signed nobody in.
// Signs in as juror09 (not one of the stored sign-ins, whose sessions other specs share).
import { test, expect, type Page } from '@playwright/test';

const JUROR = { login: 'juror09', password: 'juror-demo' };

async function fillAndSubmit(page: Page, login: string, password: string) {
  await page.getByLabel('Login name').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Every request URL the page sends, to check that none carries a password. */
function watchUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-GB' });

  test('signs in with a real form post and lands on the juror’s page', async ({ page }) => {
    const urls = watchUrls(page);
    await page.goto('/login');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/login');
    await fillAndSubmit(page, JUROR.login, JUROR.password);
    expect((await posted).postData() ?? '').toContain('juror-demo'); // in the body, never the address
    await expect(page).toHaveURL(/\/jury$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(urls.filter((u) => /password=/i.test(u))).toEqual([]);
  });

  test('a wrong password is refused in words, in place, and nothing travels in the address', async ({ page }) => {
    const urls = watchUrls(page);
    await page.goto('/login');
    await fillAndSubmit(page, JUROR.login, 'not-the-password');
    await expect(page.getByTestId('login-error')).toHaveText('Login name or password is wrong.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Login name')).toHaveValue(JUROR.login);
    expect(urls.filter((u) => /password=/i.test(u))).toEqual([]);
  });
});

test.describe('with JavaScript', () => {
  test.use({ locale: 'en-GB' });

  test('no request ever carries password= in its address: a refused try, then a sign-in', async ({ page }) => {
    const urls = watchUrls(page);
    await page.goto('/login');
    await fillAndSubmit(page, JUROR.login, 'not-the-password');
    await expect(page.getByTestId('login-error')).toHaveText('Login name or password is wrong.');
    await page.getByLabel('Password').fill(JUROR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/jury$/);
    expect(urls.length).toBeGreaterThan(2);
    expect(urls.filter((u) => /password=/i.test(u))).toEqual([]);
  });

  test('a password already in the address is neither read nor kept: the page moves to a clean address', async ({ page }) => {
    await page.goto(`/login?login=${JUROR.login}&password=${JUROR.password}`);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });
});
