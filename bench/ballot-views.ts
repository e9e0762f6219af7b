// Benchmark 5: the ballot's views for a juror, measured in headless Chromium against the production server (scripts/server.ts) on
// the demo festival (23 films): page height, clicks and key presses to score Best Film (23
// candidates) and the whole main round (every main nomination), in the cards, the compact list and by film, at
// 1280×800 and 390×844. Every figure comes from doing it: each click and key press is performed
// and counted, and the run fails unless every score reached the database and every ballot was
// submitted. Also takes the screenshots in docs/screenshots/.
//   npm run bench:ballot-views   (JURY_DIST_DIR=.next to measure an existing production build)
import { chromium, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { demoDb, setPhase } from './lib/db';
import { machine, mark, median, ROOT, table, today, writeSection } from './lib/report';
import { DIST_DIR, ensureBuild, login, startApp } from './lib/server';

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
type Viewport = keyof typeof VIEWPORTS;
type View = 'cards' | 'compact' | 'film';
type Mode = 'mouse' | 'keys' | 'tabs';
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
const JUROR = 'azimov';
const SHOTS = path.join(ROOT, 'docs', 'screenshots');

/** A value per candidate that is a single key press (1–9, 0 for 10). */
const valueFor = (i: number) => (i % 10) + 1;
const keyFor = (v: number) => (v === 10 ? '0' : String(v));

class Counter {
  clicks = 0;
  keys = 0;
  constructor(readonly page: Page) {}
  async click(sel: ReturnType<Page['locator']>) { this.clicks++; await sel.click(); }
  async press(key: string) { this.keys++; await this.page.keyboard.press(key); }
  /** Tab until the focused element is `what` (a score control, a link to `arg`, the submit button, "next film"); the presses count. */
  async tabUntil(what: Target, arg?: string): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const hit = await this.page.evaluate(({ what, arg }) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return false;
        if (what === 'radio') return el.getAttribute('role') === 'radio';
        if (what === 'submit') return el.tagName === 'BUTTON' && el.textContent?.trim() === 'Submit ballot';
        if (what === 'next-film') return el.getAttribute('rel') === 'next';
        if (what === 'next-unscored') return el.tagName === 'BUTTON' && el.textContent?.trim() === 'Next unscored';
        if (what === 'jury') return el instanceof HTMLAnchorElement && new URL(el.href).pathname === '/jury' && !!el.closest('main');
        return el instanceof HTMLAnchorElement && new URL(el.href).pathname === arg;
      }, { what, arg });
      if (hit) return;
      await this.press('Tab');
    }
    throw new Error(`Tab never reached ${what} ${arg ?? ''}`);
  }
}

type Target = 'radio' | 'link' | 'submit' | 'next-film' | 'jury' | 'next-unscored';
const IS_RADIO: Target = 'radio';
const IS_LINK_TO: Target = 'link';
const IS_SUBMIT: Target = 'submit';
const IS_NEXT_FILM: Target = 'next-film';

async function savedAll(page: Page) {
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 20_000 });
}

async function submit(c: Counter, mode: Mode) {
  if (mode === 'mouse') {
    await c.click(c.page.getByRole('button', { name: 'Submit ballot' }));
    await c.click(c.page.getByTestId('submit-confirm').getByRole('button', { name: 'Lock and submit' }));
  } else {
    await c.tabUntil(IS_SUBMIT);
    await c.press('Enter');
    await c.page.getByTestId('submit-confirm').getByRole('button', { name: 'Cancel' }).waitFor();
    await c.press('Tab');
    await c.press('Enter');
  }
  await c.page.getByTestId('receipt').waitFor();
}

/** Scores every candidate on a nomination page (cards or compact), in the page's order. */
async function scoreNominationPage(c: Counter, mode: Mode) {
  const rows = c.page.getByTestId('candidate');
  const n = await rows.count();
  if (mode === 'mouse') {
    for (let i = 0; i < n; i++) await c.click(rows.nth(i).getByRole('radio', { name: String(valueFor(i)), exact: true }));
  } else {
    await c.tabUntil(IS_RADIO);
    for (let i = 0; i < n; i++) {
      await c.press(keyFor(valueFor(i)));
      // J to the next candidate (after the last, to Submit); or, the way there was before J, Tab past
      // the card's other controls.
      if (mode === 'keys') await c.press('j');
      else if (i === n - 1) break;
      else {
        await c.press('Tab');
        await c.tabUntil(IS_RADIO);
      }
    }
  }
  await savedAll(c.page);
}

/** From /jury: to a nomination's page, score it all, submit; back to /jury. */
async function nominationRound(c: Counter, mode: Mode, code: string) {
  if (mode === 'mouse') await c.click(c.page.locator(`a[href="/jury/${code}"]`).first());
  else {
    await c.tabUntil(IS_LINK_TO, `/jury/${code}`);
    await c.press('Enter');
  }
  await c.page.waitForURL(`**/jury/${code}`);
  await c.page.getByTestId('save-state').waitFor({ state: 'attached' });
  await scoreNominationPage(c, mode);
  await submit(c, mode);
}

async function backToJury(c: Counter, mode: Mode) {
  const link = c.page.locator('main a[href="/jury"], main a[href="/jury#films-heading"]').first();
  if (mode === 'mouse') await c.click(link);
  else {
    await c.tabUntil('jury');
    await c.press('Enter');
  }
  await c.page.waitForURL((u) => u.pathname === '/jury');
}

function reset(sqlite: Database.Database, view: 'cards' | 'compact') {
  const id = (sqlite.prepare('select id from user where login = ?').get(JUROR) as { id: number }).id;
  sqlite.prepare('delete from ballot_score where ballot_id in (select id from ballot where juror_id = ?)').run(id);
  sqlite.prepare('delete from ballot where juror_id = ?').run(id);
  sqlite.prepare('delete from score where juror_id = ?').run(id);
  sqlite.prepare('update user set ballot_view = ? where id = ?').run(view, id);
  return id;
}

function check(sqlite: Database.Database, jurorId: number, codes: string[]) {
  const scores = (sqlite.prepare(`select count(*) n from score s join candidate c on c.id = s.candidate_id join nomination n on n.id = c.nomination_id where s.juror_id = ? and s.steps is not null and n.code in (${codes.map(() => '?').join(',')})`).get(jurorId, ...codes) as { n: number }).n;
  const ballots = (sqlite.prepare(`select count(*) n from ballot b join nomination n on n.id = b.nomination_id where b.juror_id = ? and b.submitted_at is not null and n.code in (${codes.map(() => '?').join(',')})`).get(jurorId, ...codes) as { n: number }).n;
  const expected = (sqlite.prepare(`select count(*) n from candidate c join nomination n on n.id = c.nomination_id where n.code in (${codes.map(() => '?').join(',')})`).get(...codes) as { n: number }).n;
  if (scores !== expected || ballots !== codes.length) throw new Error(`expected ${expected} scores and ${codes.length} ballots, found ${scores} and ${ballots}`);
  return scores;
}

type Result = { view: View; viewport: Viewport; task: 'best_film' | 'main'; mode: Mode; clicks: number; keys: number; scores: number };
type Height = { view: View; viewport: Viewport; px: number[]; screens: number };

async function main() {
  if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) ensureBuild();
  const { file, sqlite } = await demoDb('ballot-views');
  setPhase(sqlite, 'voting');
  const server = await startApp(file);
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: Result[] = [];
  const heights: Height[] = [];
  fs.mkdirSync(SHOTS, { recursive: true });
  try {
    const cookie = await login(server.base, JUROR, 'juror-demo');
    const newPage = async (viewport: Viewport) => {
      const ctx = await browser.newContext({ viewport: VIEWPORTS[viewport], ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      const [name, value] = cookie.split('=');
      await ctx.addCookies([{ name, value, url: server.base }]);
      return ctx.newPage();
    };
    const filmIds = (sqlite.prepare("select distinct c.film_id id from candidate c join nomination n on n.id = c.nomination_id where n.code = 'best_film'").all() as { id: number }[]).map((r) => r.id);

    for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
      // Heights, before any score: the Best Film page in each layout, and every film's page.
      for (const view of ['cards', 'compact'] as const) {
        reset(sqlite, view);
        const page = await newPage(viewport);
        await page.goto(`${server.base}/jury/best_film`);
        await page.getByTestId('save-state').waitFor({ state: 'attached' });
        const px = await page.evaluate(() => document.documentElement.scrollHeight);
        heights.push({ view, viewport, px: [px], screens: px / VIEWPORTS[viewport].height });
        if (view === 'compact') await page.screenshot({ path: path.join(SHOTS, `ballot-compact-${viewport}.png`), fullPage: viewport === 'desktop' });
        await page.context().close();
      }
      {
        const page = await newPage(viewport);
        const px: number[] = [];
        for (const id of filmIds) {
          await page.goto(`${server.base}/jury/by-film/${id}`);
          await page.getByTestId('film-ballot').waitFor();
          px.push(await page.evaluate(() => document.documentElement.scrollHeight));
          if (id === filmIds[0]) await page.screenshot({ path: path.join(SHOTS, `ballot-by-film-${viewport}.png`), fullPage: true });
        }
        heights.push({ view: 'film', viewport, px, screens: median(px) / VIEWPORTS[viewport].height });
        await page.context().close();
      }

      // Best Film alone, and the whole main round, in cards and compact, by mouse and by keyboard.
      for (const view of ['cards', 'compact'] as const) {
        for (const mode of ['mouse', 'keys', ...(view === 'cards' ? (['tabs'] as const) : [])] as Mode[]) {
          for (const task of ['best_film', 'main'] as const) {
            const jurorId = reset(sqlite, view);
            const page = await newPage(viewport);
            await page.goto(`${server.base}/jury`);
            const c = new Counter(page);
            const codes = task === 'best_film' ? ['best_film'] : MAIN;
            for (const code of codes) {
              await nominationRound(c, mode, code);
              if (code !== codes.at(-1)) await backToJury(c, mode);
            }
            results.push({ view, viewport, task, mode, clicks: c.clicks, keys: c.keys, scores: check(sqlite, jurorId, codes) });
            console.log(JSON.stringify(results.at(-1)));
            await page.context().close();
          }
        }
      }

      // By film: from /jury to the first film, every row of the film, "next film" 22 times; then each
      // nomination's ballot is submitted on its page (submitting stays there, where all is in view).
      for (const mode of ['mouse', 'keys'] as const) {
        const jurorId = reset(sqlite, 'cards');
        const page = await newPage(viewport);
        await page.goto(`${server.base}/jury`);
        const c = new Counter(page);
        const first = page.getByTestId('films').locator('a[data-by-film]').first();
        const href = (await first.getAttribute('href'))!;
        if (mode === 'mouse') await c.click(first);
        else {
          await c.tabUntil(IS_LINK_TO, href);
          await c.press('Enter');
        }
        for (let n = 0; ; n++) {
          await page.getByTestId('film-ballot').waitFor();
          const rows = page.getByTestId('candidate');
          const count = await rows.count();
          if (mode === 'mouse') {
            for (let i = 0; i < count; i++) await c.click(rows.nth(i).getByRole('radio', { name: String(valueFor(i)), exact: true }));
          } else {
            // The first film from the top of the page; after "next film" the focus is already on the first row.
            if (n > 0) await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'radio');
            await c.tabUntil(IS_RADIO);
            for (let i = 0; i < count; i++) {
              await c.press(keyFor(valueFor(i)));
              if (i < count - 1) await c.press('j');
            }
          }
          await savedAll(page);
          const next = page.getByTestId('next-film');
          if (!(await next.count())) break;
          const url = page.url();
          if (mode === 'mouse') await c.click(next);
          else {
            // J after the last row goes to "next film".
            await c.press('j');
            await c.tabUntil(IS_NEXT_FILM);
            await c.press('Enter');
          }
          await page.waitForURL((u) => u.toString() !== url);
        }
        await backToJury(c, mode);
        for (const code of MAIN) {
          if (mode === 'mouse') await c.click(page.locator(`a[href="/jury/${code}"]`).first());
          else {
            await c.tabUntil(IS_LINK_TO, `/jury/${code}`);
            await c.press('Enter');
          }
          await page.waitForURL(`**/jury/${code}`);
          await page.getByTestId('save-state').waitFor({ state: 'attached' });
          // Everything is scored already: "Next unscored", near the top, finds nothing and goes to Submit.
          if (mode === 'keys') {
            await c.tabUntil('next-unscored');
            await c.press('Enter');
          }
          await submit(c, mode);
          if (code !== MAIN.at(-1)) await backToJury(c, mode);
        }
        results.push({ view: 'film', viewport, task: 'main', mode, clicks: c.clicks, keys: c.keys, scores: check(sqlite, jurorId, MAIN) });
        console.log(JSON.stringify(results.at(-1)));
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    sqlite.close();
  }

  const VIEW_NAME: Record<View, string> = { cards: 'cards', compact: 'compact', film: 'by film' };
  const MODE_NAME: Record<Mode, string> = { mouse: 'mouse', keys: 'keyboard (digit, then J)', tabs: 'keyboard, Tab only (no J)' };
  const get = (view: View, viewport: Viewport, task: Result['task'], mode: Mode) => results.find((r) => r.view === view && r.viewport === viewport && r.task === task && r.mode === mode);
  const h = (view: View, viewport: Viewport) => heights.find((x) => x.view === view && x.viewport === viewport)!;
  const compactDesk = h('compact', 'desktop');
  const mainScores = results.find((r) => r.task === 'main')?.scores ?? NaN;
  const lines = ['## 5. Pages: the ballot’s views', '', `Run ${today()} on ${machine()}.`, ''];
  lines.push(
    `\`bench/ballot-views.ts\`: headless Chromium against the production server (\`scripts/server.ts\`, as \`npm start\` runs it) on the demo festival in voting (23 films; the main round has ${mainScores} candidates: ` +
      '23 each for Best Film, Director and Screenplay, and the performances of the acting awards), signed in as a juror (Sergey Azimov), at 1280×800 (desktop) and 390×844 ' +
      '(phone, touch, device scale 2). Every click and key press below was performed by the script and counted; each run starts from an empty ballot, ' +
      'and the run fails unless every score reached the database and every ballot was submitted. Key presses: Tab to the first score control from the ' +
      'top of the page, one digit per candidate (0 = 10), J to the next candidate (after the last, J goes to Submit), Tab/Enter to follow links, and ' +
      'Enter, Tab past "Cancel", Enter to submit; by film, J after a film’s last row goes to "next film", and the next film’s page opens with the focus on its first row; each ballot is submitted from its page with "Next unscored" (which, with nothing left, ' +
      'goes to Submit). "Tab only" is the cards without J, the way there was before J. Height: `scrollHeight` of the page before any score, with ' +
      'nothing expanded; for "by film", the median over the 23 film pages. Screens: height ÷ the viewport’s height.',
    '',
    '### Page height',
    '',
    table(['view', 'page', 'desktop px', 'desktop screens', 'phone px', 'phone screens'], (['cards', 'compact', 'film'] as View[]).map((v) => [
      VIEW_NAME[v], v === 'film' ? 'one film (median of 23; max)' : '/jury/best_film (23 candidates)',
      v === 'film' ? `${median(h(v, 'desktop').px)}; ${Math.max(...h(v, 'desktop').px)}` : h(v, 'desktop').px[0], h(v, 'desktop').screens.toFixed(1),
      v === 'film' ? `${median(h(v, 'phone').px)}; ${Math.max(...h(v, 'phone').px)}` : h(v, 'phone').px[0], h(v, 'phone').screens.toFixed(1),
    ])),
    '',
    '### Clicks and key presses',
    '',
    table(['task', 'view', 'input', 'desktop clicks', 'desktop keys', 'phone clicks', 'phone keys'], (['best_film', 'main'] as const).flatMap((task) =>
      (['cards', 'compact', 'film'] as View[]).flatMap((view) => (['mouse', 'keys', 'tabs'] as Mode[]).map((mode) => {
        const d = get(view, 'desktop', task, mode);
        const p = get(view, 'phone', task, mode);
        if (!d && !p) return null;
        return [task === 'best_film' ? 'Best Film: 23 scores + submit' : `main round: ${mainScores} scores + 5 submits`, VIEW_NAME[view], MODE_NAME[mode],
          mode === 'mouse' ? d?.clicks ?? '—' : '', mode === 'mouse' ? '' : d?.keys ?? '—', mode === 'mouse' ? p?.clicks ?? '—' : '', mode === 'mouse' ? '' : p?.keys ?? '—'];
      }).filter((r): r is (string | number)[] => r !== null)))),
    '',
  );
  const keysCards = get('cards', 'desktop', 'main', 'tabs')?.keys ?? NaN;
  const keysCompact = get('compact', 'desktop', 'main', 'keys')?.keys ?? NaN;
  const keysFilm = get('film', 'desktop', 'main', 'keys')?.keys ?? NaN;
  lines.push(
    '### Targets',
    '',
    table(['figure', 'value', 'target', ''], [
      ['compact Best Film page, desktop', `${compactDesk.screens.toFixed(1)} screens (${compactDesk.px[0]} px)`, '< 3 screens', mark(compactDesk.screens < 3)],
      ['main round key presses, compact (desktop)', keysCompact, `≤ cards by Tab (${keysCards}) and ≤ 482 (issue 13)`, mark(keysCompact <= keysCards && keysCompact <= 482)],
      ['main round key presses, by film (desktop)', keysFilm, `≤ cards by Tab (${keysCards}) and ≤ 482 (issue 13)`, mark(keysFilm <= keysCards && keysFilm <= 482)],
    ]),
    '',
    'Screenshots (taken by this script): `docs/screenshots/ballot-compact-desktop.png`, `ballot-compact-phone.png`, `ballot-by-film-desktop.png`, `ballot-by-film-phone.png`.',
    '',
  );
  writeSection('ballot-views', lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
