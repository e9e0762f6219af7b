// Issue 23: a new edition beside the old. The demo jury (edition 2018) votes, finalises and publishes
// through the real actions; `npm run setup -- --link` prints a one-time set-up link while the server runs;
// the organiser opens it and sets up the 2027 edition in the browser (their account reused as it is).
// The new edition is then the one served by default, the 2018 results stay published at their address
// and listed on /results, and the link works once. (The pages of an older edition's address are walked by
// archive.spec.ts.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { databasePathFile } from './server';
import { ownServer } from './own-server';
import { publishDemo } from './publish-demo';

const own = ownServer(test, 91);
const BASE = own.base;

test.use({ baseURL: BASE });

test('an organiser sets up a second edition by its link; the first stays published at its address', async ({ page, request }) => {
  // The vote through the real actions (4 jurors × 5 ballots) is most of the time, as in the archive spec.
  test.setTimeout(180_000);
  await publishDemo(own);
  const awards2018 = await (await request.get(`${BASE}/results/2018/main/export/awards.csv`)).text();
  expect(awards2018).toContain('best_film');

  // On the server, while it runs: the link for a new edition.
  const dbFile = fs.readFileSync(databasePathFile(own.port), 'utf8').trim();
  const printed = spawnSync('npx', ['tsx', 'scripts/setup.ts', '--link'], { env: { ...process.env, JURY_DB: dbFile, NEXTAUTH_URL: BASE }, encoding: 'utf8' });
  expect(printed.status, printed.stderr).toBe(0);
  const link = /(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(printed.stdout)?.[1];
  expect(link, printed.stdout).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up a new edition');
  const form = page.getByTestId('setup-form');
  for (const [label, value] of [
    ['Festival name (English)', 'SCO Film Festival'], ['Festival name (Chinese)', '上海合作组织电影节'], ['Festival name (Russian)', 'Кинофестиваль ШОС'], ['Festival name (Kazakh)', 'ШЫҰ кинофестивалі'],
    ['City (English)', 'Almaty'], ['City (Chinese)', '阿拉木图'], ['City (Russian)', 'Алматы'], ['City (Kazakh)', 'Алматы'],
    ['First day', '2027-06-10'], ['Last day', '2027-06-17'], ['Time zone', 'Asia/Almaty'], ['Login', 'organiser'],
  ]) await form.getByLabel(label, { exact: true }).fill(value);
  // The address an earlier edition has: refused by its field, nothing made.
  await form.getByLabel('Address of its results (optional)').fill('2018');
  await form.getByRole('button', { name: 'Create the edition' }).click();
  await expect(form).toContainText('An earlier edition already has this address');
  await form.getByLabel('Address of its results (optional)').fill('');
  await form.getByRole('button', { name: 'Create the edition' }).click();
  const done = page.getByTestId('setup-done');
  await expect(done).toContainText('/results/2027/main');
  await expect(done).toContainText('Organiser login: organiser');
  await expect(page.getByTestId('setup-reused')).toBeVisible(); // an existing organiser: no new password
  await expect(page.getByTestId('setup-password')).toHaveCount(0);

  // The link works once.
  await page.goto(link!);
  await expect(page.getByTestId('setup-refused')).toContainText('already has a festival');
  await expect(page.getByTestId('setup-form')).toHaveCount(0);

  // The new edition is served by default: /results is its page (not published yet), in its city.
  await page.goto('/results');
  await expect(page.locator('header')).toContainText('Almaty');
  await expect(page.getByTestId('not-published')).toBeVisible();
  // The 2018 results stay published: listed on /results, at their address, their exports unchanged.
  const listed = page.getByTestId('published-juries').getByRole('link');
  await expect(listed).toHaveCount(1);
  await listed.click();
  await expect(page).toHaveURL(/\/results\/2018\/main$/);
  await expect(page.getByTestId('awards').getByRole('listitem').first()).toBeVisible();
  expect(await (await request.get(`${BASE}/results/2018/main/export/awards.csv`)).text()).toBe(awards2018);
  // The organiser signs in as before, now on the new edition's desk.
  await page.goto('/login');
  await page.getByLabel('Login name').fill('organiser');
  await page.getByLabel('Password').fill('organiser-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin$/);
  await expect(page.locator('header')).toContainText('Almaty');
  // And npm run audit:verify checks the whole file: the chain, and each edition's jury, its awards and final hash.
  const verified = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', dbFile], { encoding: 'utf8' });
  expect(verified.status, verified.stderr).toBe(0);
  expect(verified.stdout).toContain('final hash matches');
});
