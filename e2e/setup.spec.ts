// From an empty database to the first juror's sign-in: the set-up (command line and browser link),
// the organiser's forced password change, the imports (films, performances, a jury in five scripts),
// the readiness blockers shown and cleared, the sign-in slips printed to PDF, a juror's first
// sign-in from a slip, and the fonts that render every script; the set-up link with JavaScript off.
// Runs on servers of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import type { Server } from '../tests/server';
import { answerDialog } from './fixtures';
import { startE2eServer } from './server';

const PORT = Number(process.env.SETUP_E2E_PORT ?? 3490);
const OWN = `http://localhost:${PORT}`;
const FIXTURES = path.join(process.cwd(), 'docs', 'fixtures');
const OUT = path.join(process.cwd(), 'test-results', 'setup');

test.describe.configure({ mode: 'serial' });

test.describe('a real festival from an empty database', () => {
  let server: Server | undefined;
  let link = '';
  let organiserPassword = '';
  const newPassword = 'organiser-own-passphrase-1';
  let slip: { login: string; password: string } = { login: '', password: '' };
  test.use({ baseURL: OWN });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    fs.mkdirSync(OUT, { recursive: true });
    // A port already taken fails the start with the server's own words (EADDRINUSE): set SETUP_E2E_PORT.
    server = await startE2eServer(PORT, { empty: true });
    // The server prints the link before it says it listens (instrumentation.ts runs as Next.js prepares).
    const found = /(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(server.log());
    if (!found) throw new Error(`the server on an empty database printed no set-up link:\n${server.log()}`);
    link = found[1];
  });

  test.afterAll(async () => { await server?.stop(); });

  test('npm run setup: creates the festival and prints a one-time password; refuses a database that holds one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-setup-cli-'));
    const env = { ...process.env, JURY_DB: path.join(dir, 'jury.db') };
    const args = ['tsx', 'scripts/setup.ts', '--name-en', 'SCO Film Festival', '--name-zh', '上海合作组织电影节', '--name-ru', 'Кинофестиваль ШОС',
      '--name-kk', 'ШЫҰ кинофестивалі', '--city-en', 'Qingdao', '--city-zh', '青岛', '--city-ru', 'Циндао', '--city-kk', 'Циндао',
      '--starts', '2026-06-10', '--ends', '2026-06-17', '--tz', 'Asia/Shanghai', '--organiser', 'anna'];
    const first = spawnSync('npx', args, { env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/One-time password .*: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    const again = spawnSync('npx', args, { env, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds a festival');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the set-up link creates the festival once; its second use is refused', async ({ page }) => {
    // An empty database: every page still renders (no festival in the header yet).
    expect((await page.goto('/login'))?.status()).toBe(200);
    // Without the link: what is needed and where it comes from (not "used already").
    await page.goto('/setup');
    await expect(page.getByTestId('setup-refused')).toContainText('needs its set-up link');
    await expect(page.getByTestId('setup-refused')).not.toContainText('used already');
    await page.goto(link);
    const form = page.getByTestId('setup-form');
    for (const [label, value] of [
      ['Festival name (English)', 'SCO Film Festival'], ['Festival name (Chinese)', '上海合作组织电影节'], ['Festival name (Russian)', 'Кинофестиваль ШОС'], ['Festival name (Kazakh)', 'ШЫҰ кинофестивалі'],
      ['City (English)', 'Qingdao'], ['City (Chinese)', '青岛'], ['City (Russian)', 'Циндао'], ['City (Kazakh)', 'Циндао'],
      ['First day', '2026-06-10'], ['Last day', '2026-06-17'], ['Time zone', 'Asia/Shanghai'], ['Login', 'anna'],
    ]) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: 'Create the festival' }).click();
    await expect(page.getByTestId('setup-done')).toContainText('Organiser login: anna');
    // The form gives way to the next step, which takes the focus.
    await expect(page.getByTestId('setup-form')).toHaveCount(0);
    await expect(page.getByTestId('setup-done')).toBeFocused();
    await expect(page.getByTestId('setup-done').getByRole('link', { name: 'Sign in' })).toBeVisible();
    organiserPassword = (await page.getByTestId('setup-password').innerText()).trim();
    expect(organiserPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expect(page.getByTestId('demo-banner')).toHaveCount(0); // a real festival: no demo banner
    // The same link again: refused, and no form.
    await page.goto(link);
    await expect(page.getByTestId('setup-refused')).toContainText('already has a festival');
    await expect(page.getByTestId('setup-form')).toHaveCount(0);
  });

  test('the organiser’s first sign-in forces the password change', async ({ page }) => {
    await signInAs(page, 'anna', organiserPassword);
    await expect(page).toHaveURL(/\/account\/password/);
    await expect(page.getByTestId('must-change')).toBeVisible();
    // Every other page sends them back here until the password is changed.
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/account\/password/);
    await page.getByLabel('Current (or temporary) password').fill(organiserPassword);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.waitForURL(/\/admin$/);
    // The header shows the festival in the reader's language.
    await expect(page.locator('header')).toContainText('SCO Film Festival, Qingdao');
  });

  test('imports, readiness blockers shown and cleared, sign-in slips printed, a juror signs in from a slip', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await signInAs(page, 'anna', newPassword);
    await page.waitForURL(/\/admin$/);
    const unmet = page.getByTestId('unmet');
    await expect(unmet).toContainText('Best Film'); // no candidates yet
    await expect(page.getByTestId('open-voting').getByRole('button')).toBeDisabled();

    await importCsv(page, '/admin/films', 'Film list (CSV, UTF-8)', 'films-23.csv');
    await importCsv(page, '/admin/performances', 'Performances (CSV, UTF-8)', 'performances.csv');
    await importCsv(page, '/admin/jurors', 'Jury list (CSV, UTF-8)', 'jurors-12.csv');
    const jurors = page.getByTestId('admin-jurors');
    for (const name of ['韩三平', 'राजेश कुमार', 'عائشہ خان', 'مریم رضایی', 'Әсел Нұрланқызы', 'Сергей Азимов']) await expect(jurors).toContainText(name);

    // Every juror lacks an account: each blocker links to where it is fixed.
    await page.goto('/admin');
    await expect(unmet.locator('li')).toHaveCount(12);
    // Named by name, not login, and sent to the slips (not to per-juror passwords).
    await expect(unmet.locator('li').first()).toContainText('cannot sign in yet: print the sign-in slips');
    await expect(unmet).toContainText('韩三平 cannot sign in yet');
    await expect(unmet.locator('li').first().getByRole('link', { name: 'Fix' })).toHaveAttribute('href', '/admin/jurors/slips');

    await page.goto('/admin/jurors/slips');
    await page.getByTestId('issue-slips').click();
    await answerDialog(page);
    const slips = page.getByTestId('slip');
    await expect(slips).toHaveCount(12);
    await expect(slips.first().locator('svg')).toBeVisible(); // the QR code
    await expect(slips.first()).toContainText(`${OWN}/login`);
    // Each slip in its juror's own language (the jury list's language column), the role as a word.
    for (const [login, locale, words, role] of [
      ['hansanping', 'zh', '一次性密码', '评审团主席'],
      ['azimov', 'ru', 'Одноразовый пароль', 'Член жюри'],
      ['asel', 'kk', 'Бір реттік құпиясөз', 'Қазылар алқасының мүшесі'],
      ['rkumar', 'en', 'One-time password', 'Member of the jury'],
    ] as const) {
      const one = slips.filter({ has: page.getByTestId('slip-login').getByText(login, { exact: true }) });
      await expect(one).toHaveAttribute('data-locale', locale);
      await expect(one).toContainText(words);
      await expect(one.getByTestId('slip-role')).toHaveText(role);
    }
    await expect(page.getByTestId('slip-role').filter({ hasText: /^(juror|chair)$/ })).toHaveCount(0);
    const pick = slips.filter({ hasText: 'akhan' });
    slip = { login: 'akhan', password: (await pick.getByTestId('slip-password').innerText()).trim() };
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(OUT, 'slips-print.png'), fullPage: true });
    await page.pdf({ path: path.join(OUT, 'slips.pdf'), format: 'A4', printBackground: true });
    expect(fs.statSync(path.join(OUT, 'slips.pdf')).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/admin');
    await expect(page.getByTestId('unmet')).toHaveCount(0);
    await expect(page.getByTestId('open-voting').getByRole('button')).toBeEnabled();

    // A juror's first sign-in from the slip.
    const ctx = await browser.newContext({ baseURL: OWN });
    const juror = await ctx.newPage();
    await signInAs(juror, slip.login, slip.password);
    await expect(juror).toHaveURL(/\/account\/password/);
    await expect(juror.getByTestId('must-change')).toBeVisible();
    await ctx.close();
  });

  test('Chinese, Devanagari, Urdu and Persian names render with the self-hosted Noto fonts', async ({ page }) => {
    await signInAs(page, 'anna', newPassword);
    await page.waitForURL(/\/admin$/);
    await page.goto('/admin/jurors');
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      const families = new Set<string>();
      document.fonts.forEach((f) => { if (f.status === 'loaded') families.add(f.family.replace(/["']/g, '')); });
      return [...families].sort();
    });
    expect(loaded).toEqual(expect.arrayContaining(['Noto Naskh Arabic', 'Noto Sans', 'Noto Sans Devanagari', 'Noto Sans SC']));
    // Each script's characters are covered by a loaded face (document.fonts.check is false while any is missing).
    for (const [family, text] of [['Noto Sans SC', '韩三平李娜'], ['Noto Sans Devanagari', 'राजेश कुमार'], ['Noto Naskh Arabic', 'عائشہ خان مریم رضایی'], ['Noto Sans', 'Әсел Нұрланқызы']]) {
      expect(await page.evaluate(([f, t]) => document.fonts.check(`16px "${f}"`, t), [family, text]), family).toBe(true);
    }
    await page.getByTestId('admin-jurors').screenshot({ path: path.join(OUT, 'jurors-scripts.png') });
  });
});

test('the set-up link is refused on a server whose database holds a festival (the demo)', async ({ page }) => {
  await page.goto('/setup?token=anything-at-all');
  await expect(page.getByTestId('setup-refused')).toContainText('already has a festival');
  await expect(page.getByTestId('setup-form')).toHaveCount(0);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
});

test.describe('the set-up link with JavaScript off', () => {
  // A server of its own beside the one above (its database must be empty too): SETUP_E2E_PORT + 2.
  const port = PORT + 2;
  test.use({ baseURL: `http://localhost:${port}`, javaScriptEnabled: false });

  test('a refusal by its field, then the festival and its one-time password, shown once', async ({ page }) => {
    test.setTimeout(180_000);
    const server = await startE2eServer(port, { empty: true });
    try {
      const link = /(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(server.log())?.[1];
      expect(link, server.log()).toBeTruthy();
      await page.goto(link!);
      const fill = async (timeZone: string) => {
        const form = page.getByTestId('setup-form');
        for (const [label, value] of [
          ['Festival name (English)', 'SCO Film Festival'], ['Festival name (Chinese)', '上海合作组织电影节'], ['Festival name (Russian)', 'Кинофестиваль ШОС'], ['Festival name (Kazakh)', 'ШЫҰ кинофестивалі'],
          ['City (English)', 'Qingdao'], ['City (Chinese)', '青岛'], ['City (Russian)', 'Циндао'], ['City (Kazakh)', 'Циндао'],
          ['First day', '2026-06-10'], ['Last day', '2026-06-17'], ['Time zone', timeZone], ['Login', 'anna'],
        ]) await form.getByLabel(label, { exact: true }).fill(value);
        await form.getByRole('button', { name: 'Create the festival' }).click();
      };
      // The page rendered after the post: the form again, with the refusal next to its field.
      await fill('Mars/Olympus');
      await expect(page.getByTestId('setup-form').getByLabel('Time zone', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('setup-form')).toContainText('Not a known time zone');
      // The post that uses the link up: the page renders its answer in place of the form, not the used link's refusal.
      await fill('Asia/Shanghai');
      await expect(page.getByTestId('setup-done')).toContainText('Organiser login: anna');
      await expect(page.getByTestId('setup-password')).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      await expect(page.getByTestId('setup-form')).toHaveCount(0);
      await expect(page.getByTestId('setup-refused')).toHaveCount(0);
      // Shown once: the link again says it is used.
      await page.goto(link!);
      await expect(page.getByTestId('setup-refused')).toContainText('already has a festival');
    } finally {
      await server.stop();
    }
  });
});

async function signInAs(page: Page, login: string, password: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Login name').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function importCsv(page: Page, where: string, label: string, file: string) {
  await page.goto(where);
  await page.getByLabel(label).setInputFiles(path.join(FIXTURES, file));
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
}
