// The jury room's film page, receipts anyone can check, and the printed protocol, on a server and
// database of their own: the organisers import a film's synopsis, still, screener and screenings with
// the films' CSV; a juror reads them in their language; a receipt downloaded from the ballot page is
// checked on /results in the browser (no request leaves the page), and a tampered copy is caught; the
// protocol prints on A4 with "page / pages" on every sheet and the signatures on one.
import fs from 'node:fs';
import { test, expect, request as playwrightRequest, type Page } from '@playwright/test';
import { callAction } from './actions';
import { expectAccessible } from './fixtures';
import { ownServer } from './own-server';
import { pdfPages } from './pdf-text';

// Beside the decisions spec's +86 and the festival spec's +87.
const { base: BASE, db } = ownServer(test, 77);
test.use({ baseURL: BASE });

const setPhase = (phase: string) => { const d = db(); d.prepare('update jury set phase = ? where id = 1').run(phase); d.close(); };

async function signIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel(/Login name|Логин/).fill(login);
  await page.getByLabel(/Password|Пароль/).fill(password);
  await page.getByRole('button', { name: /Sign in|Войти/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// A 1×1 PNG: the still, served for its https address by the test (the machine has no internet).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('the organisers import a film’s details; a juror reads them in their language; others may not', async ({ page, browser }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.route('https://stills.example.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));

  await signIn(page, 'organiser', 'organiser-demo');
  const exported = await (await page.request.get('/admin/films/export')).text();
  const lines = exported.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('id,original_title,english_title,director,country,year,runtime,competition,title_zh,title_ru,title_kk,synopsis,synopsis_zh,synopsis_ru,synopsis_kk,still_url,screener_url,screenings');
  const row = lines.findIndex((l) => l.includes('The Diamond Sword'));
  expect(lines[row].endsWith(',,,,,,,')).toBe(true);
  lines[row] = lines[row].slice(0, -7) + ',"A boy, a sword and the steppe.",,"Мальчик, меч и степь.",,https://stills.example.org/diamond-sword.png,https://screeners.example.org/ds?key=jury,"2026-06-11 19:30 @ Grand Theatre, Hall 1; 2026-06-12 10:00 @ Cinema 2"';
  await page.goto('/admin/films');
  await page.getByLabel('Film list (CSV, UTF-8)').setInputFiles({ name: 'films.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByTestId('import-updated')).toContainText('The Diamond Sword');
  await page.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 updated');
  const filmId = (() => { const d = db(); const r = d.prepare("select id from film where english_title = 'The Diamond Sword'").get() as { id: number }; d.close(); return r.id; })();
  // The organisers' own page of a film is the admin desk, not the jury's page.
  expect((await page.request.get(`/jury/films/${filmId}`)).status()).toBe(403);

  const juror = await browser.newContext({ baseURL: BASE });
  const jp = await juror.newPage();
  jp.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await jp.route('https://stills.example.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));
  // Not signed in: sent to sign in.
  await jp.goto(`/jury/films/${filmId}`);
  await expect(jp).toHaveURL(/\/login/);
  await signIn(jp, 'azimov', 'juror-demo');
  await jp.goto('/jury');
  await expectAccessible(jp);
  await jp.getByTestId('films').getByRole('link', { name: 'The Diamond Sword', exact: true }).click();
  await expect(jp).toHaveURL(new RegExp(`/jury/films/${filmId}$`));
  await expect(jp.getByTestId('film-synopsis')).toHaveText('A boy, a sword and the steppe.');
  await expect(jp.getByTestId('film-screener')).toHaveAttribute('href', 'https://screeners.example.org/ds?key=jury');
  await expect(jp.getByTestId('film-screener')).toHaveAttribute('rel', 'noopener noreferrer');
  // Festival time (Asia/Shanghai), in the reader's words and the festival's date style (day month year):
  // never the stored UTC moment, and the zone said as the festival's city.
  await expect(jp.getByTestId('film-screenings')).toContainText('11 Jun 2026, 19:30 · Grand Theatre, Hall 1');
  await expect(jp.getByRole('main')).toContainText('Times are Qingdao time.');
  await expect(jp.getByRole('main')).not.toContainText('Asia/Shanghai');
  await expect(jp.getByTestId('film-screenings')).not.toContainText(/11:30|3:30 AM|T11/);
  await expect.poll(() => jp.getByTestId('film-still').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expectAccessible(jp);
  await jp.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(jp);
  expect(await jp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // In Russian: the Russian synopsis and Russian date words.
  await juror.addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: BASE }]);
  await jp.reload();
  await expect(jp.getByTestId('film-synopsis')).toHaveText('Мальчик, меч и степь.');
  await expect(jp.getByTestId('film-screenings')).toContainText(/июн\.? 2026 г\., 19:30/);
  await expectAccessible(jp);
  // A film with nothing imported says so.
  const other = (() => { const d = db(); const r = d.prepare("select id from film where english_title <> 'The Diamond Sword' and competition = 1 order by position").get() as { id: number }; d.close(); return r.id; })();
  await jp.goto(`/jury/films/${other}`);
  await expect(jp.getByTestId('film-nothing')).toBeVisible();
  expect((await jp.request.get('/jury/films/999999')).status()).toBe(404);
  expect(problems).toEqual([]);
  await juror.close();
});

test('a receipt downloaded from the ballot is checked on /results in the browser; a tampered copy is caught; nothing is sent', async ({ browser }) => {
  setPhase('voting');
  const d = db();
  const nom = (d.prepare("select id from nomination where code = 'best_film'").get() as { id: number }).id;
  const cands = (d.prepare('select id from candidate where nomination_id = ? order by id').all(nom) as { id: number }[]).map((r) => r.id);
  d.close();
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  expect((await api.post('/api/auth/callback/credentials', { form: { csrfToken, login: 'azimov', password: 'juror-demo', json: 'true' } })).ok()).toBe(true);
  for (const [i, c] of cands.entries()) expect((await callAction(api, '/jury/best_film', 'app/jury/actions.ts#saveScore', [{ candidateId: c, value: 1 + (i % 10) }], BASE)).result).toMatchObject({ ok: true });
  expect((await callAction(api, '/jury/best_film', 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], BASE)).result).toMatchObject({ ok: true });
  await api.dispose();

  const juror = await browser.newContext({ baseURL: BASE });
  const jp = await juror.newPage();
  await signIn(jp, 'azimov', 'juror-demo');
  // The ballot card's title opens the film's page.
  await jp.goto('/jury/best_film');
  await jp.getByTestId('candidate-film-link').filter({ hasText: 'The Diamond Sword' }).click();
  await expect(jp.getByTestId('film-synopsis')).toBeVisible();
  await jp.goto('/jury/best_film');
  const receipt = jp.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-proves')).toContainText('your ballot for Best Film was counted with exactly the scores below');
  await receipt.getByText(/Your \d+ scores in this ballot/).click();
  await expect(receipt.getByTestId('receipt-lines')).toContainText('The Diamond Sword');
  // Titles and scores in words: no candidate id pair, no salt.
  await expect(receipt).not.toContainText(/\[\d+,\s*\d+\]/);
  await expect(receipt).not.toContainText(/salt/i);
  await expectAccessible(jp);
  const [download] = await Promise.all([jp.waitForEvent('download'), receipt.getByTestId('receipt-download').click()]);
  const file = fs.readFileSync((await download.path())!, 'utf8');
  const code = await receipt.getByTestId('receipt-hash').innerText();
  expect(JSON.parse(file).receipt).toBe(code);
  await juror.close();

  setPhase('published');
  const pub = await browser.newContext({ baseURL: BASE });
  const pp = await pub.newPage();
  await pp.goto('/results');
  await expect(pp.locator(`[data-testid="receipts"] li[data-receipt-of="best_film"]`)).toHaveText(`Best Film: ${code}`);
  await pp.waitForLoadState('networkidle');
  // Next's router may prefetch a link's page (a GET with no body, marked as a prefetch) at any time:
  // that carries nothing of the file. Anything else leaving the page fails the test.
  const sent: string[] = [];
  pp.on('request', (r) => {
    const prefetch = r.method() === 'GET' && !r.postData() && r.headers()['next-router-prefetch'] === '1';
    if (!prefetch) sent.push(`${r.method()} ${r.url()}`);
  });
  const input = pp.getByTestId('check-receipt-file');
  const result = pp.getByTestId('check-receipt-result');
  await input.setInputFiles({ name: 'receipt.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(result).toHaveAttribute('data-outcome', 'matches');
  await expect(result).toHaveText('Your receipt is published for Best Film: your ballot for Best Film was counted with exactly the scores in your file.');
  await expectAccessible(pp);
  // One score raised in the file: the check says it was altered.
  const tampered = JSON.parse(file);
  tampered.ballot.scores[0][1] = tampered.ballot.scores[0][1] === 10 ? 9 : 10;
  await input.setInputFiles({ name: 'receipt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(result).toHaveAttribute('data-outcome', 'altered');
  await expect(result).toContainText('This file has been altered');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my notes') });
  await expect(result).toHaveAttribute('data-outcome', 'unreadable');
  // Every check ran in the page: not one request left it.
  expect(sent).toEqual([]);
  await pub.close();
});

test('the protocol prints on A4 with page numbers, the signatures on one sheet, times in words', async ({ page }) => {
  await page.goto('/results/protocol');
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByTestId('signature-block').evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  // A4 is 595 × 842 points.
  const printed = await pdfPages(pdf);
  expect(printed.length).toBeGreaterThan(1);
  for (const p of printed) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
  const pages = printed.map((p) => p.text);
  const compact = pages.map((p) => p.replace(/\s+/g, ''));
  compact.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`${i + 1}/${pages.length}`));
  // The signature heading and every juror's line on the same sheet.
  const names = await page.getByTestId('signature-block').locator('td:first-child').allInnerTexts();
  expect(names.length).toBeGreaterThanOrEqual(12);
  const sheet = compact.findIndex((p) => p.includes('Signatures'));
  expect(sheet).toBeGreaterThanOrEqual(0);
  const after = compact[sheet].slice(compact[sheet].indexOf('Signatures'));
  for (const n of names) expect(after, n).toContain(n.replace(/\s+/g, ''));
  for (const p of pages) expect(p).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
});
