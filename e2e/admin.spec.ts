// The organisers' desk. Read-only checks run on the shared server; every flow that changes the
// festival (film import, new juror, opening the vote) runs on a second server of its own, with its
// own temporary database, so the other specs keep the demo festival as seeded.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { answerDialog, expectAccessible, signIn, storageState, test } from './fixtures';
import { callAction } from './actions';
import { decodeUtf8, parseCsv } from '../lib/csv';
import type { Server } from '../tests/server';
import { startE2eServer } from './server';

const ADMIN_PAGES = ['/admin', '/admin/films', '/admin/performances', '/admin/jurors', '/admin/progress', '/admin/audit'];

test.describe('organisers’ desk on the shared server (read only)', () => {
  test.describe('as organiser', () => {
    test.use({ storageState: storageState('organiser') });
    test('every page is accessible, on a desktop and at 375 px', async ({ page }) => {
      test.setTimeout(180_000);
      for (const p of ADMIN_PAGES) {
        await page.setViewportSize({ width: 1280, height: 900 });
        const res = await page.goto(p);
        expect(res?.status(), p).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAccessible(page);
        await page.setViewportSize({ width: 375, height: 800 });
        await expectAccessible(page);
      }
    });
  });

  test.describe('as the chair', () => {
    test.use({ storageState: storageState('chair') });
    test('every page is refused with 403', async ({ page }) => {
      for (const p of ADMIN_PAGES) {
        const res = await page.goto(p);
        expect(res?.status(), p).toBe(403);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
      }
    });
    test('a direct POST of an organiser action is refused', async ({ page, baseURL }) => {
      const r = await callAction(page.request, '/admin', 'app/admin/actions/settings.ts#saveSettings', [{ name: 'Hacked', city: 'X', scaleMin: 1, scaleMax: 10, scaleStep: 1, method: 'mean' }], baseURL);
      expect(r.result).toMatchObject({ ok: false, code: 'forbidden:role' });
    });
  });

  test('without a session, the pages redirect to /login', async ({ request }) => {
    for (const p of ADMIN_PAGES.slice(1).concat('/account/password')) {
      const res = await request.get(p, { maxRedirects: 0 });
      expect([302, 303, 307, 308], p).toContain(res.status());
      expect(res.headers()['location']).toMatch(/\/login$/);
    }
  });
});

// --- Flows that change the festival: a server of our own. ---
const PORT = Number(process.env.ADMIN_E2E_PORT ?? 3299);
const OWN = `http://localhost:${PORT}`;
const FIXTURES = path.join(__dirname, '..', 'docs', 'fixtures');
// Scores are stored as whole steps; a number of steps no real scale has, so that it (or the value
// it stands for, one more on the 1..10 scale) can only appear on the page if a score leaked.
const STEPS_MARKER = 731415;
const VALUE_MARKER = '731416';
const NOTE_MARKER = 'NOTE-MARKER-b7e1q';

/** The original titles of the competition films in the fixture, read with the app's own CSV reader. */
function competitionTitles(): string[] {
  const decoded = decodeUtf8(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'films-23.csv'))));
  const parsed = parseCsv(decoded.ok ? decoded.text : '');
  if (!parsed.ok) throw new Error('fixture does not parse');
  const [head, ...rows] = parsed.records;
  const col = (n: string) => head.fields.indexOf(n);
  return rows.filter((r) => r.fields[col('competition')] === 'yes').map((r) => r.fields[col('original_title')].replace(/\s+/g, ' '));
}

test.describe.serial('organisers’ desk on a server of its own', () => {
  let server: Server | undefined;
  let dbFile = '';
  test.use({ baseURL: OWN });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // A server left on the port (another build, other action ids) must not answer in our place: ours then
    // cannot listen, and the start fails with the server's own words (EADDRINUSE): set ADMIN_E2E_PORT.
    // ADMIN_E2E_LOG=file keeps the server's output for debugging.
    if (process.env.ADMIN_E2E_LOG) fs.writeFileSync(process.env.ADMIN_E2E_LOG, '');
    server = await startE2eServer(PORT, { logFile: process.env.ADMIN_E2E_LOG });
    dbFile = server.dbFile;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  async function asOrganiser(page: Page) {
    await page.context().clearCookies();
    await signIn(page, 'organiser');
    await expect(page).toHaveURL(/\/admin$/);
  }

  test('a CSV of 23 films with Kazakh, Chinese and Russian titles: preview, apply; the jurors’ ballots list exactly those films', async ({ page }) => {
    await asOrganiser(page);
    await page.goto('/admin/films');
    await page.getByLabel('Film list (CSV, UTF-8)').setInputFiles(path.join(FIXTURES, 'films-23.csv'));
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('21 to add, 3 to update, 22 to remove, 0 unchanged');
    await expect(page.getByTestId('import-added')).toContainText('红海行动 / Operation Red Sea — Dante Lam');
    // Nothing is written by the preview.
    await expect(page.getByTestId('admin-films')).toContainText('Competition film 03');
    await page.getByRole('button', { name: 'Apply these changes' }).click();
    await expect(page.getByTestId('import-done')).toContainText('21 added, 3 updated, 22 removed, 0 unchanged');
    const films = page.getByTestId('admin-films');
    await expect(films.locator('tbody tr[data-competition="yes"]')).toHaveCount(23);
    await expect(films).not.toContainText('Competition film 03');
    for (const title of ['Алмас қылыш', '红海行动', 'Движение вверх', 'The Lamplighter, "night" cut', 'Хан Тәңірі']) await expect(films).toContainText(title);
    // The exported list carries the same titles, byte for byte, ready to edit and import again.
    const exported = await (await page.request.get('/admin/films/export')).text();
    for (const cell of ['红海行动', '"Жол\nүстінде"', '"The Lamplighter, ""night"" cut"']) expect(exported).toContain(cell);

    await page.context().clearCookies();
    await signIn(page, 'juror');
    await expect(page).toHaveURL(/\/jury$/);
    // Voting is not open yet: the juror's home counts the candidates; their ballot is checked once voting opens.
    await expect(page.getByTestId('nomination-best_film')).toContainText(/\b23\b/);
  });

  test('a CSV with a bad row or in the wrong encoding changes nothing and names the line', async ({ page }) => {
    await asOrganiser(page);
    await page.goto('/admin/films');
    const input = page.getByLabel('Film list (CSV, UTF-8)');
    await input.setInputFiles(path.join(FIXTURES, 'films-bad.csv'));
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const errors = page.getByTestId('import-errors');
    await expect(errors).toContainText('The title is missing.');
    // The first problem is on line 3 (the row without a title): the line cell holds exactly '3'.
    await expect(errors.locator('tbody tr').first().locator('td')).toHaveText(['3', 'The title is missing.']);
    await expect(errors).toContainText('Unknown country code “QQ”');
    await expect(errors).toContainText('Duplicate of line 2.');
    await expect(errors.locator('thead')).toContainText('Problem');
    await expectAccessible(page);
    await expect(page.getByRole('button', { name: 'Apply these changes' })).toHaveCount(0);
    // Windows-1251 bytes on line 3.
    const cp1251 = Buffer.concat([Buffer.from('english_title,director,country\nA,B,KZ\n'), Buffer.from([0xc0, 0xeb, 0xec, 0xe0, 0xf1, 0x2c, 0x42, 0x2c, 0x4b, 0x5a, 0x0a])]);
    await input.setInputFiles({ name: 'films-cp1251.csv', mimeType: 'text/csv', buffer: cp1251 });
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await expect(page.getByTestId('import-errors')).toContainText('Not valid UTF-8');
    await expect(page.getByTestId('import-errors').locator('tbody td').first()).toHaveText('3');
    await page.reload();
    await expect(page.getByTestId('admin-films').locator('tbody tr[data-competition="yes"]')).toHaveCount(23);
  });

  test('a new juror gets a one-time temporary password and must set a password at the first sign-in', async ({ page, browser }) => {
    await asOrganiser(page);
    await page.goto('/admin/jurors');
    const add = page.getByTestId('juror-add');
    await add.getByLabel('Name', { exact: true }).fill('Айгүл Сейтова');
    await add.getByLabel('Login name').fill('seitova');
    await add.getByLabel('Country').selectOption('KZ');
    await add.getByLabel('Language').selectOption('kk');
    await add.getByRole('button', { name: 'Add juror' }).click();
    const temp = (await page.getByTestId('temporary-password-value').textContent())!.trim();
    expect(temp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expect(page.getByTestId('admin-jurors').locator('tr[data-login="seitova"]')).toContainText('temporary password');
    await expectAccessible(page);
    // A taken login name is refused next to the form.
    await add.getByLabel('Name', { exact: true }).fill('Someone');
    await add.getByLabel('Login name').fill('azimov');
    await add.getByRole('button', { name: 'Add juror' }).click();
    await expect(add.getByRole('alert')).toHaveText('This login name is already in use.');

    await page.context().clearCookies();
    await signIn(page, { login: 'seitova', password: temp });
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByTestId('must-change')).toBeVisible();
    await page.goto('/jury');
    await expect(page).toHaveURL(/\/account\/password$/);
    // The juror's preferred language is Kazakh: the page speaks it.
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await page.getByLabel('Қазіргі (немесе уақытша) құпиясөз').fill(temp);
    await page.getByLabel('Жаңа құпиясөз', { exact: true }).fill('short');
    await page.getByLabel('Жаңа құпиясөзді қайталаңыз').fill('short');
    await page.getByRole('button', { name: 'Құпиясөзді орнату' }).click();
    await expect(page.locator('[aria-invalid=true]')).toHaveCount(1);
    await expect(page.getByText('Кемінде 10 таңба.').first()).toBeVisible();
    await page.getByLabel('Жаңа құпиясөз', { exact: true }).fill('жаңа құпия сөз 2018');
    await page.getByLabel('Жаңа құпиясөзді қайталаңыз').fill('жаңа құпия сөз 2018');
    await page.getByRole('button', { name: 'Құпиясөзді орнату' }).click();
    await expect(page).toHaveURL(/\/jury$/);
    await expect(page.getByTestId('who')).toContainText('Айгүл Сейтова');

    // The temporary password no longer works; the new one does.
    await page.context().clearCookies();
    await signIn(page, { login: 'seitova', password: temp });
    await expect(page.locator('form [role=alert]')).toHaveText('Login name or password is wrong.');
    await signIn(page, { login: 'seitova', password: 'жаңа құпия сөз 2018' });
    await expect(page).toHaveURL(/\/jury$/);

    // Deactivation ends her session at once; reactivation lets her sign in again.
    const organiser = await browser.newContext({ baseURL: OWN });
    const desk = await organiser.newPage();
    await asOrganiser(desk);
    await desk.goto('/admin/jurors');
    const row = desk.getByTestId('admin-jurors').locator('tr[data-login="seitova"]');
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await answerDialog(desk);
    await expect(row).toHaveAttribute('data-active', 'no');
    await page.goto('/jury');
    await expect(page).toHaveURL(/\/login$/);
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await expect(row).toHaveAttribute('data-active', 'yes');
    await organiser.close();
    await signIn(page, { login: 'seitova', password: 'жаңа құпия сөз 2018' });
    await expect(page).toHaveURL(/\/jury$/);
  });

  test('progress shows counts and never a score value or a note, in the HTML or the RSC payload', async ({ page }) => {
    const db = new Database(dbFile);
    db.pragma('busy_timeout = 10000');
    const az = db.prepare("select id from user where login = 'azimov'").get() as { id: number };
    const cands = db.prepare("select c.id from candidate c join nomination n on n.id = c.nomination_id where n.code = 'best_film' order by c.id limit 2").all() as { id: number }[];
    const ins = db.prepare('insert into score (juror_id, candidate_id, steps, note) values (?, ?, ?, ?)');
    ins.run(az.id, cands[0].id, STEPS_MARKER, NOTE_MARKER);
    ins.run(az.id, cands[1].id, null, `${NOTE_MARKER}-2`);
    db.close();

    await asOrganiser(page);
    await page.goto('/admin/progress');
    await expect(page.getByTestId(`progress-${az.id}-best_film`)).toContainText('1/23');
    await expect(page.getByTestId(`progress-${az.id}-best_film`).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const res = await page.request.get('/admin/progress', { headers });
      expect(res.status()).toBe(200);
      const body = await res.text();
      expect(body).toContain('1/23');
      expect(body).not.toContain(VALUE_MARKER);
      expect(body).not.toContain(String(STEPS_MARKER));
      expect(body).not.toContain(NOTE_MARKER);
    }
    await expectAccessible(page);
  });

  test('opening the vote freezes the setup; a direct POST of the settings action is refused', async ({ page, baseURL }) => {
    await asOrganiser(page);
    await page.goto('/admin');
    await expect(page.getByTestId('unmet')).toHaveCount(0);

    // The tie-break select shows its whole text (a select cannot wrap) on a laptop and on a phone.
    const finals = page.locator('select[name$="_final"]');
    await expect(finals.first()).toHaveText(/Casting vote or shared award/);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const cut = await finals.evaluateAll((els) => els.filter((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'pre';
        probe.style.position = 'absolute';
        probe.textContent = select.selectedOptions[0].text;
        document.body.append(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        // The text, the select's padding and its arrow (about 1.5rem) within the select's box.
        return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 24 > select.clientWidth;
      }).length);
      expect(cut, `tie-break selects cut at ${width} px`).toBe(0);
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    // Asked in the app's own dialog, in the reader's language (never the browser's English OK/Cancel);
    // dismissed, it changes nothing and gives the focus back to the button.
    page.on('dialog', (d) => { throw new Error(`a browser dialog was opened: ${d.message()}`); });
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: OWN }]);
    await page.reload();
    const open = page.getByRole('button', { name: 'Открыть голосование' });
    await open.click();
    const asked = page.locator('dialog[open]');
    await expect(asked).toContainText('Открыть голосование сейчас? После этого настройка заморожена.');
    await expect(asked.getByRole('button', { name: 'Отмена' })).toBeFocused();
    await asked.getByRole('button', { name: 'Отмена' }).click();
    await expect(asked).toHaveCount(0);
    await expect(open).toBeFocused();
    await page.reload();
    await expect(page.getByTestId('admin-phase')).toHaveText('Подготовка');
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: OWN }]);
    await page.reload();

    await page.getByRole('button', { name: 'Open voting' }).click();
    await answerDialog(page);
    await expect(page.getByTestId('admin-phase')).toHaveText('Voting');
    await expect(page.getByTestId('settings-frozen')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
    await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();

    const r = await callAction(page.request, '/admin', 'app/admin/actions/settings.ts#saveSettings', [{ name: 'Hacked festival', city: 'Nowhere', scaleMin: 0, scaleMax: 5, scaleStep: 1, method: 'median' }], baseURL);
    expect(r.result).toMatchObject({ ok: false, code: 'phase:frozen', message: 'Voting has opened: the festival’s setup is frozen.' });
    await page.reload();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('SCO Film Festival');
    await expect(page.locator('body')).not.toContainText('Hacked festival');

    await page.goto('/admin/films');
    await expect(page.getByText('This list has been frozen since voting opened')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Preview changes' })).toHaveCount(0);

    // The jurors' ballots list exactly the imported competition films.
    await page.context().clearCookies();
    await signIn(page, 'juror');
    await expect(page).toHaveURL(/\/jury$/);
    await page.goto('/jury/best_film');
    const ballot = page.locator('main');
    for (const title of competitionTitles()) await expect(ballot).toContainText(title);
    await expect(ballot).not.toContainText('Competition film');
    await expect(ballot).not.toContainText('The Road to Mother');
  });

  test('the audit log lists every write newest first, filters, and reports an intact chain', async ({ page }) => {
    await asOrganiser(page);
    await page.goto('/admin/audit');
    await expect(page.getByTestId('chain-status')).toContainText('Hash chain intact');
    const rows = page.getByTestId('audit').locator('tbody tr');
    // Newest first: this sign-in, then opening the vote (by the previous test) further down.
    await expect(rows.first()).toContainText('Signed in');
    await expect(rows.first().locator('[data-action="auth.login"]')).toHaveCount(1);
    await expect(page.getByTestId('audit')).toContainText('Voting opened');
    const ids = (await rows.locator('td:first-child').allTextContents()).map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    await page.getByLabel('Action').selectOption('film.import');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=film.import/);
    await expect(rows).toHaveCount(1);
    await expectAccessible(page);
  });
});
