// The whole festival, end to end, on a server and database of its own: 12 jurors submit their
// ballots through the real server actions, the chair closes the round, decides a planted tie,
// opens and closes the Special Jury Prize round and finalises in the browser; the organiser
// publishes; the public results show exactly the winners an independent computation expects;
// the JSON export recomputes to the same awards with `npm run tally`; a later write is refused.
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { callAction } from './actions';
import { answerDialog, e2eDatabase, expectAccessible, test } from './fixtures';
import { ownServer } from './own-server';

// Beside the shared e2e server's port, so that two runs with different E2E_PORTs do not collide.
const { port: PORT, base: BASE, apiLogin } = ownServer(test, 87);
const JURORS = ['hansanping', 'azimov', ...Array.from({ length: 10 }, (_, i) => `juror${String(i + 3).padStart(2, '0')}`)];
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];

// Tracing is off here: API contexts created inside the test lose their trace files on dispose.
test.use({ baseURL: BASE, trace: 'off' });

function candidates(code: string): { id: number; filmId: number }[] {
  const db = new Database(e2eDatabase(PORT), { readonly: true });
  const rows = db.prepare('select c.id, c.film_id as filmId from candidate c join nomination n on n.id = c.nomination_id where n.code = ? order by c.id').all(code) as { id: number; filmId: number }[];
  db.close();
  return rows;
}

async function signInPage(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Login name').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// Scores: the test's own record of every acknowledged value, for the independent computation.
const given = new Map<string, Map<number, number[]>>(); // nomination -> candidate -> values

async function voteAll(ctxs: APIRequestContext[], code: string, score: (j: number, c: number) => number) {
  const cs = candidates(code);
  const byCand = new Map<number, number[]>();
  await Promise.all(
    ctxs.map(async (ctx, j) => {
      for (const [i, c] of cs.entries()) {
        const v = score(j, i);
        const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c.id, value: v }], BASE);
        expect(r.result, `${code} ${JURORS[j]} ${c.id}`).toMatchObject({ ok: true });
        byCand.set(c.id, [...(byCand.get(c.id) ?? []), v]);
      }
      const nominationId = (new Database(e2eDatabase(PORT), { readonly: true }).prepare('select id from nomination where code = ?').get(code) as { id: number }).id;
      const s = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId }], BASE);
      expect(s.result, `${code} submit ${JURORS[j]}`).toMatchObject({ ok: true });
    }),
  );
  given.set(code, byCand);
}

/** Highest mean (exactly, by cross-multiplication), skipping films already awarded. */
function expectedWinner(code: string, skipFilms: Set<number>): number {
  const cs = candidates(code);
  let best: { id: number; sum: number; n: number } | null = null;
  for (const c of cs) {
    if (skipFilms.has(c.filmId)) continue;
    const vs = given.get(code)!.get(c.id)!;
    const sum = vs.reduce((a, b) => a + b, 0);
    if (!best || sum * best.n > best.sum * vs.length) best = { id: c.id, sum, n: vs.length };
  }
  return best!.id;
}

test('a whole festival from voting to published results', async ({ page, browser }) => {
  test.setTimeout(300_000);

  // The organiser opens voting on the admin page.
  await signInPage(page, 'organiser', 'organiser-demo');
  await page.goto('/admin');
  await page.getByTestId('open-voting').getByRole('button').click();
  await answerDialog(page);
  await expect(page.getByTestId('phase')).toHaveText('Voting');

  // 12 jurors submit every main ballot. Best Film has a planted exact tie between its first two candidates.
  const ctxs = await Promise.all(JURORS.map((l) => apiLogin(l, l === 'hansanping' ? 'chair-demo' : 'juror-demo')));
  const patterns: Record<string, (j: number, c: number) => number> = {
    best_film: (j, c) => (c < 2 ? 9 : 1 + ((j + c) % 8)),
    best_director: (j, c) => (c === 0 ? 10 : c === 3 ? 9 : 1 + ((3 * j + c) % 7)),
    best_screenplay: (j, c) => (c === 5 ? 10 : 1 + ((j + 2 * c) % 8)),
    best_actor: (j, c) => (c === 0 ? 10 : 1 + ((j + c) % 9)),
    best_actress: (j, c) => (c === 7 ? 10 : 1 + ((2 * j + c) % 9)),
  };
  for (const code of MAIN) await voteAll(ctxs, code, patterns[code]);

  // The chair closes the round, sees the tie, casts the deciding vote.
  await page.context().clearCookies();
  await signInPage(page, 'hansanping', 'chair-demo');
  await page.goto('/chair');
  await expect(page.getByText('Every ballot of this round is submitted.')).toBeVisible();
  await page.getByTestId('close-round').getByRole('button').click();
  await page.getByTestId('close-round-confirm').getByRole('button', { name: 'Close the round' }).click();
  await expect(page.getByTestId('chair-phase')).toHaveText('Main round closed');
  const tieForm = page.getByTestId('tie-best_film');
  await expect(tieForm).toBeVisible();
  await expectAccessible(page);
  const bf = candidates('best_film');
  // The chair's choice, read from the form before it is submitted: the first of the two tied candidates.
  const choice = tieForm.getByRole('radio').first();
  const chosen = Number(await choice.getAttribute('value'));
  expect([bf[0].id, bf[1].id]).toContain(chosen);
  await choice.check();
  await tieForm.getByLabel('Reason (recorded)').fill('The jury preferred its ambition');
  await tieForm.getByRole('button', { name: 'Record decision' }).click();
  await page.getByTestId('tie-best_film-confirm').getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByTestId('winner-best_film')).toBeVisible();
  await expect(page.getByTestId('method-comparison')).toBeVisible();

  // Independent computation of the main awards (one award per film; acting awards exempt).
  // The decision recorded is the one the chair made in the form.
  const db = new Database(e2eDatabase(PORT), { readonly: true });
  const recorded = JSON.parse((db.prepare("select chosen from decision where kind = 'casting_vote'").get() as { chosen: string }).chosen) as number[];
  db.close();
  expect(recorded).toEqual([chosen]);
  const expected: Record<string, number[]> = { best_film: [chosen] };
  const won = new Set([bf.find((c) => c.id === chosen)!.filmId]);
  for (const code of ['best_director', 'best_screenplay']) {
    const w = expectedWinner(code, won);
    expected[code] = [w];
    won.add(candidates(code).find((c) => c.id === w)!.filmId);
  }
  expected.best_actor = [expectedWinner('best_actor', new Set())];
  expected.best_actress = [expectedWinner('best_actress', new Set())];

  // The Special Jury Prize round: the films without a main award; two of them tie and share it.
  await page.getByTestId('open-special').getByRole('button').click();
  await page.getByTestId('open-special-confirm').getByRole('button', { name: 'Open the round' }).click();
  await expect(page.getByTestId('chair-phase')).toHaveText('Special Jury Prize voting');
  const special = candidates('special_jury_prize');
  expect(special).toHaveLength(23 - won.size);
  expect(special.some((c) => won.has(c.filmId))).toBe(false);
  await voteAll(ctxs, 'special_jury_prize', (j, c) => (c === 2 || c === 4 ? 10 : 1 + ((j + c) % 7)));
  await page.reload();
  await page.getByTestId('close-round').getByRole('button').click();
  await page.getByTestId('close-round-confirm').getByRole('button', { name: 'Close the round' }).click();
  await expect(page.getByTestId('chair-phase')).toHaveText('Special round closed');
  const specialTie = page.getByTestId('tie-special_jury_prize');
  await specialTie.getByLabel(/Share the award among all 2/).check();
  await specialTie.getByRole('button', { name: 'Record decision' }).click();
  await page.getByTestId('tie-special_jury_prize-confirm').getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByTestId('winner-special_jury_prize')).toContainText('Shared award');
  expected.special_jury_prize = [special[2].id, special[4].id];

  await page.getByTestId('finalise').getByRole('button').click();
  await page.getByTestId('finalise-confirm').getByRole('button', { name: 'Finalise' }).click();
  await expect(page.getByTestId('chair-phase')).toHaveText('Finalised');
  await expect(page.getByTestId('final-hash')).toHaveText(/^[0-9a-f]{64}$/);

  // Nothing is visible to the public before publication.
  const anon = await playwrightRequest.newContext({ baseURL: BASE });
  expect(await (await anon.get('/results')).text()).toContain('The results are not yet published.');
  expect((await anon.get('/results/export/festival.json')).status()).toBe(401);

  // The organiser publishes.
  await page.context().clearCookies();
  await signInPage(page, 'organiser', 'organiser-demo');
  await page.goto('/results');
  await page.getByTestId('publish').getByRole('button').click();
  await answerDialog(page);
  await expect(page.getByTestId('phase')).toHaveText('Published');

  // The public results show exactly the expected winners.
  const pub = await browser.newContext({ baseURL: BASE });
  const pp = await pub.newPage();
  await pp.goto('/results');
  const db2 = new Database(e2eDatabase(PORT), { readonly: true });
  const label = (id: number) => db2.prepare('select c.person, f.original_title as t from candidate c join film f on f.id = c.film_id where c.id = ?').get(id) as { person: string | null; t: string };
  for (const [code, ids] of Object.entries(expected)) {
    const block = pp.locator(`[data-nomination="${code}"]`);
    await expect(block.getByTestId('award-winner')).toHaveCount(ids.length);
    for (const id of ids) {
      const l = label(id);
      await expect(block).toContainText(l.person ?? l.t);
      await expect(block).toContainText(l.t);
    }
  }
  db2.close();
  await expect(pp.getByTestId('receipts').locator('li')).toHaveCount(12 * 6);
  await expectAccessible(pp);
  await pp.goto('/results/protocol');
  await expect(pp.getByRole('heading', { level: 1 })).toContainText('Protocol of the jury');
  await expectAccessible(pp);
  await pp.goto('/results');

  // The JSON export, fed to `npm run tally`, gives the same awards.
  const exported = await (await anon.get('/results/export/festival.json')).json();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jury-export-')), 'festival.json');
  fs.writeFileSync(file, JSON.stringify(exported));
  const cli = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/tally.ts', file], { encoding: 'utf8' });
  // The default level publishes distributions: a head-to-head step taken from the export is said in a
  // sentence, not a failure (exit 0).
  expect(cli.status, cli.stderr).toBe(0);
  if (cli.stderr) expect(cli.stderr).toMatch(/ranked apart by head-to-head/);
  const recomputed = JSON.parse(cli.stdout) as { nominations: { code: string; winners: string[] }[] };
  for (const [code, ids] of Object.entries(expected)) {
    expect(recomputed.nominations.find((n) => n.code === code)!.winners.map(Number).sort(), code).toEqual([...ids].sort());
  }
  expect(exported.publicationLevel).toBe('distributions');
  expect(exported).not.toHaveProperty('jurors');
  expect(exported).not.toHaveProperty('recusals');
  expect(exported.distributions.length).toBeGreaterThan(0);

  // A write after finalisation is refused by the server.
  const late = await callAction(ctxs[1], '/jury/best_film', 'app/jury/actions.ts#saveScore', [{ candidateId: bf[2].id, value: 1 }], BASE);
  expect(late.result).toMatchObject({ ok: false, code: 'phase:finalised' });
  await Promise.all(ctxs.map((c) => c.dispose()));
  await anon.dispose();
  await pub.close();
});
