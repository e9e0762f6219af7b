// Issue 23: every edition's results at an address a person can keep. The demo jury (edition 2018) votes,
// finalises and publishes through the real actions; a newer edition is then set beside it (its jury in
// set-up, so /results says "not published yet"). /results lists the 2018 jury, its address shows its
// awards in English and Russian, its protocol and its exports answer, and the page passes axe at 375 px.
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures';
import { ownServer } from './own-server';
import { publishDemo as publishDemoOn } from './publish-demo';

const { base: BASE, db, apiLogin } = ownServer(test, 89);
const publishDemo = () => publishDemoOn({ base: BASE, db, apiLogin });

test.use({ baseURL: BASE });

/** A newer edition with a jury in set-up, as tests/juries.ts makes one (generated names, no invented members). */
function addNewerEdition() {
  const d = db();
  const editionId = Number(d.prepare("insert into edition (name, city, name_ru, city_ru, slug) values ('Generated edition', 'Generated city', 'Созданный', 'Город', 'edition-2')").run().lastInsertRowid);
  d.prepare("insert into jury (edition_id, slug, competition_name) values (?, 'main', 'Generated competition')").run(editionId);
  d.close();
}

test('an older edition stays published at its address after a newer one', async ({ page, request }) => {
  // The vote through the real actions (4 jurors × 5 ballots) is most of the time, as in the decisions spec.
  test.setTimeout(180_000);
  await publishDemo();
  addNewerEdition();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/results');
  await expect(page.getByTestId('not-published')).toBeVisible();
  const listed = page.getByTestId('published-juries').getByRole('link');
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveText('SCO Film Festival, Qingdao: Main competition');
  await expectAccessible(page);

  await listed.click();
  await expect(page).toHaveURL(/\/results\/2018\/main$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SCO Film Festival');
  await expect(page.getByTestId('awards').getByRole('listitem').first()).toBeVisible();
  const awardsEn = await page.locator('#awards-heading').textContent();
  await expectAccessible(page);

  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: BASE }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Кинофестиваль ШОС');
  await expect(page.locator('#awards-heading')).not.toHaveText(awardsEn ?? '');
  await expect(page.getByTestId('awards').getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/results/2018/main/protocol');
  await expect(page.getByTestId('signature-block')).toBeVisible();
  const csv = await request.get(`${BASE}/results/2018/main/export/awards.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('best_film');
  const json = await request.get(`${BASE}/results/2018/main/export/festival.json`);
  expect((await json.json()).festival.phase).toBe('published');
  // The newer jury has not published: its address says so and its exports give nothing; unknown addresses are 404.
  expect((await request.get(`${BASE}/results/edition-2/main/export/awards.csv`)).status()).toBe(404);
  expect((await request.get(`${BASE}/results/2019/main`)).status()).toBe(404);
});
