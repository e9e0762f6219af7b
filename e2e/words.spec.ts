// People's words, not codes: a walk through every page meant for people, as each role, in each of
// the four languages, through every phase a festival passes (setup, voting, main round closed with
// two ties, special round, finalised, published), with error pages and refusals of forms submitted
// wrong. Every page state must show no internal code (award and reason codes, audit actions,
// message keys), no id list, no stored timestamp, no `undefined`/`null`/`NaN`, and pass axe at a
// desktop width and on a 390×844 phone. On its own server and database (E2E_PORT + 80).
//
// Titles in the reader's language: two demo films get imported titles in Chinese, Russian and Kazakh
// (one Kazakh title the same as the original), and a page fails on a title meant for readers of another
// language, on the English title where the reader's own exists (outside the organisers' film pages,
// where every language's title is edited), and on a title repeated beside itself.
//
// The walk also checks the chair's desk: each "decisions to take" link reaches its tie, the tally
// fits a phone without sideways scrolling, and /admin follows the phase.
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { callAction } from './actions';
import { answerDialog, test } from './fixtures';
import { ownServer } from './own-server';
import { SCREENSHOTS, shoot } from './screenshots';

const { base: BASE, db, apiLogin } = ownServer(test, 80);
const LOCALES = ['en', 'zh', 'ru', 'kk'] as const;
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
// A jury of four (the other demo jurors made inactive before voting): the chair's own score does not
// count towards the 3 scores a figure needs, so four keep every figure on the chair's desk.
const JURORS = [['hansanping', 'chair-demo'], ['azimov', 'juror-demo'], ['juror03', 'juror-demo'], ['juror04', 'juror-demo']] as const;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// A step that cannot happen fails within 15 s instead of waiting for the walk's whole time.
test.use({ baseURL: BASE, trace: 'off', actionTimeout: 15_000, navigationTimeout: 30_000 });

/**
 * What counts as an internal code in text meant for people. Each pattern is named, so that a
 * finding says what it is.
 */
const CODE_PATTERNS: [string, RegExp][] = [
  ['snake_case code', /\b[a-z]+(?:_[a-z0-9]+)+\b/],
  ['dotted code or message key', /\b[a-z]+(?:\.[a-z][a-zA-Z0-9_]*)+\b/],
  ['coded refusal', /\b[a-z]+:[a-z_]+\b/],
  ['ISO timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
  ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['id list', /\[\s*\d+(?:\s*,\s*\d+)*\s*\]/],
  ['undefined, null or NaN', /\b(?:undefined|null|NaN)\b/],
];

/**
 * The text people read on the page: the rendered text, the title, and what assistive technology
 * reads out (aria-label, alt, title, placeholder). Allowances, each narrow and for content that is
 * genuinely so:
 * - the audit log's recorded data is the stored record itself (what `npm run audit:verify`
 *   replays), behind a disclosure of each row whose visible parts are in words;
 * - the hint of a CSV file input names the file's columns as they are written in the file;
 * - a command the reader types to check the published record (`npm run audit:verify`), marked as one;
 * - the export file names `awards.csv` and `festival.json` are the names the files are saved under.
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('[data-testid="audit-payload"], script, style, template, noscript').forEach((el) => el.remove());
    body.querySelectorAll('code[data-command]').forEach((el) => el.remove());
    // A CSV file input's hint names the file's columns as they are written in the file (original_title).
    body.querySelectorAll('input[type="file"][aria-describedby]').forEach((input) => {
      for (const id of (input.getAttribute('aria-describedby') ?? '').split(/\s+/)) if (id) body.querySelector(`#${CSS.escape(id)}`)?.remove();
    });
    const attrs = [...body.querySelectorAll('[aria-label], [alt], [title], [placeholder]')]
      .flatMap((el) => ['aria-label', 'alt', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    // innerText of a detached node has no layout: hidden elements (closed dialogs) are read too, which is stricter.
    return [document.title, body.innerText || body.textContent || '', ...attrs].join('\n');
  });
}

const ALLOWED = [/\bawards\.csv\b/g, /\bfestival\.json\b/g];

/** The axe rules whose outcome depends on the words of the page (run again in each language). */
const WORD_RULES = ['html-has-lang', 'html-lang-valid', 'valid-lang', 'document-title', 'landmark-unique', 'label', 'button-name', 'link-name', 'select-name', 'aria-input-field-name', 'scrollable-region-focusable'];

/** Imported titles the walk gives two demo films (by English title): one Kazakh title equals the original. */
const TRANSLATED: Record<string, { zh: string; ru: string; kk: string }> = {
  'The Diamond Sword': { zh: '钻石剑', ru: 'Алмазный меч', kk: 'Алмас қылыш' },
  'The Prince of Our Town': { zh: '我们城市的王子', ru: 'Принц нашего города', kk: 'Біздің қаланың ханзадасы' },
};
type FilmTitles = { original: string; en: string; zh: string | null; ru: string | null; kk: string | null };
let filmTitles: FilmTitles[] = [];
/** Pages where organisers edit the titles in every language: every title may show there. */
const EVERY_TITLE = [/\/admin\/films/, /\/admin\/performances/, /\/admin\/audit/];

/** A title meant for another language, the English one where the reader's own exists, or a title beside itself. */
async function titleFindings(page: Page, text: string): Promise<string[]> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  const out: string[] = [];
  const every = EVERY_TITLE.some((re) => re.test(page.url()));
  for (const f of filmTitles) {
    const mine = lang === 'en' ? f.en : (f as Record<string, string | null>)[lang] ?? null;
    const allowed = new Set([f.original, mine ?? f.en].filter(Boolean) as string[]);
    const others = (['en', 'zh', 'ru', 'kk'] as const).map((l) => (l === 'en' ? f.en : f[l])).filter((t): t is string => !!t && !allowed.has(t));
    if (!every) for (const t of others) if (text.includes(t)) out.push(`title in the wrong language for ${lang}: "${t}" (the reader's is "${mine ?? f.en}")`);
    for (const t of new Set([f.original, f.en, f.zh, f.ru, f.kk].filter(Boolean) as string[])) {
      const esc = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`${esc}\\s*(?:/|\\(|—)\\s*${esc}`).test(text)) out.push(`title repeated beside itself: "${t}"`);
    }
  }
  // Titles rendered as sibling spans (a title and its original): never the same text twice.
  const titles = filmTitles.flatMap((f) => [f.original, f.en, f.zh, f.ru, f.kk]).filter(Boolean) as string[];
  const twins = await page.evaluate((known) => {
    const set = new Set(known);
    const found: string[] = [];
    for (const el of document.querySelectorAll('span')) {
      const next = el.nextElementSibling;
      const a = el.textContent?.trim() ?? '';
      if (next?.tagName === 'SPAN' && set.has(a) && next.textContent?.replace(/^[\s(/—]+|[\s)]+$/g, '') === a) found.push(a);
    }
    return found;
  }, titles);
  for (const t of twins) out.push(`title repeated beside itself: "${t}"`);
  return out;
}

type Finding = string;
const findings: Finding[] = [];
const axeFindings: Finding[] = [];
const scanned = new Set<string>();

// Each finding is also written as it is found, so that a long walk that stops half-way still tells.
const LOG = 'test-results/words-findings.txt';
const log = (line: string) => fs.appendFileSync(LOG, `${line}\n`);

/** Scans the page as it is now: words at this width, axe on a phone (and at a desktop width in English). */
async function scan(page: Page, what: string) {
  const started = Date.now();
  await page.waitForLoadState('load');
  // A server action that sets a cookie (the sign-in marks the browser) re-renders the page, and Next
  // streams its metadata after the content: the title comes back a moment after the refusal shows.
  // Wait for it (a page that never gets one still fails here), then scan.
  await expect(page).toHaveTitle(/\S/);
  let text = await visibleText(page);
  for (const a of ALLOWED) text = text.replace(a, '');
  for (const [name, re] of CODE_PATTERNS) {
    const m = text.match(re);
    if (m) {
      const i = m.index ?? 0;
      findings.push(`${what} ${page.url()}: ${name} "${m[0]}" in …${text.slice(Math.max(0, i - 60), i + 60).replace(/\s+/g, ' ')}…`);
      log(findings.at(-1)!);
    }
  }
  for (const f of await titleFindings(page, text)) {
    findings.push(`${what} ${page.url()}: ${f}`);
    log(findings.at(-1)!);
  }
  const state = `${page.url()}\n${await page.evaluate(() => document.body.innerHTML)}`;
  if (scanned.has(state)) return;
  scanned.add(state);
  const size = page.viewportSize() ?? DESKTOP;
  // Every rule in English, at a desktop width and on a phone; in the other languages the same markup
  // and colours carry other words, so the rules that depend on the words (names, language, landmarks,
  // scrolling regions) run again, once, on the phone, where longer words overflow first.
  const english = (await page.evaluate(() => document.documentElement.lang)) === 'en';
  for (const vp of english ? [DESKTOP, PHONE] : [PHONE]) {
    await page.setViewportSize(vp);
    const builder = new AxeBuilder({ page });
    const result = await (english ? builder : builder.withRules(WORD_RULES)).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'landmark-unique') {
        axeFindings.push(`${what} ${page.url()} at ${vp.width}px: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        log(axeFindings.at(-1)!);
      }
    }
  }
  await page.setViewportSize(size);
  log(`scanned ${what} ${page.url()} in ${Date.now() - started} ms`);
}

async function setLocale(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: BASE }]);
}

/** A browser context signed in as `login` (or signed out for the public). */
async function as(browser: Browser, login?: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE, viewport: DESKTOP });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  if (login) {
    const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
    const res = await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, login, password: password!, json: 'true' } });
    expect(res.ok()).toBe(true);
  }
  return { context, page: await context.newPage() };
}

/** Every path, in every language, as whoever `page` is signed in as. */
async function walk(page: Page, who: string, paths: string[], locales: readonly string[] = LOCALES) {
  for (const locale of locales) {
    await setLocale(page.context(), locale);
    for (const p of paths) {
      await page.goto(p);
      await scan(page, `${who} [${locale}]`);
    }
  }
}

function nominations(codes: string[]) {
  const d = db();
  const out = new Map(codes.map((code) => {
    const nom = (d.prepare('select id from nomination where code = ?').get(code) as { id: number }).id;
    return [code, { nom, cands: (d.prepare('select id from candidate where nomination_id = ? order by id').all(nom) as { id: number }[]).map((r) => r.id) }];
  }));
  d.close();
  return out;
}

/** Every juror scores and submits `codes` through the real actions with `score(code, index)`. */
async function vote(ctxs: APIRequestContext[], codes: string[], score: (code: string, i: number) => number) {
  const noms = nominations(codes);
  await Promise.all(ctxs.map(async (ctx) => {
    for (const [code, { nom, cands }] of noms) {
      for (const [i, c] of cands.entries()) {
        const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c, value: score(code, i) }], BASE);
        expect(r.result).toMatchObject({ ok: true });
      }
      const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], BASE);
      expect(r.result).toMatchObject({ ok: true });
    }
  }));
}

/** Clicks an action's button and confirms in its dialog. */
async function confirmAction(page: Page, testId: string) {
  await page.getByTestId(testId).getByRole('button').first().click();
  const dialog = page.getByTestId(`${testId}-confirm`);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button').last().click();
}

const ADMIN_PAGES = ['/admin', '/admin/films', '/admin/performances', '/admin/jurors', '/admin/progress', '/admin/audit', '/account/password'];

test('every page, export and refusal speaks in words in en, zh, ru and kk, and passes axe', async ({ browser }) => {
  test.setTimeout(1_500_000);
  const organiser = await as(browser, 'organiser', 'organiser-demo');
  const chair = await as(browser, 'hansanping', 'chair-demo');
  const juror = await as(browser, 'azimov', 'juror-demo');
  const pub = await as(browser);
  {
    const d = db();
    for (const [en, t] of Object.entries(TRANSLATED)) d.prepare('update film set title_zh = ?, title_ru = ?, title_kk = ? where english_title = ?').run(t.zh, t.ru, t.kk, en);
    filmTitles = (d.prepare('select original_title as original, english_title as en, title_zh as zh, title_ru as ru, title_kk as kk from film').all() as FilmTitles[]);
    d.close();
    expect(filmTitles.filter((f) => f.zh)).toHaveLength(2);
  }

  // ── Setup ─────────────────────────────────────────────────────────────────────────────────────
  await walk(pub.page, 'public', ['/login', '/results', '/no-such-page']);
  await walk(organiser.page, 'organiser', [...ADMIN_PAGES, '/results']);
  await walk(juror.page, 'juror', ['/jury', '/admin']);
  await walk(chair.page, 'chair', ['/chair']);

  // Refusals of forms submitted wrong, in every language.
  for (const locale of LOCALES) {
    await setLocale(pub.context, locale);
    await pub.page.goto('/login');
    await pub.page.locator('input[name="login"], #login').first().fill('nobody');
    await pub.page.locator('input[type="password"]').first().fill('wrong-password');
    await pub.page.locator('form button[type="submit"]').first().click();
    await expect(pub.page.getByRole('alert')).toBeVisible();
    await scan(pub.page, `public refused sign-in [${locale}]`);

    await setLocale(organiser.context, locale);
    await organiser.page.goto('/admin/films');
    const filmForm = organiser.page.locator('section[aria-labelledby$="-add-heading"] form');
    await filmForm.locator('input[name="year"]').fill('3000');
    await filmForm.locator('button[type="submit"]').click();
    await expect(filmForm.getByRole('alert')).toBeVisible();
    await scan(organiser.page, `organiser refused film [${locale}]`);
  }

  // ── Voting ────────────────────────────────────────────────────────────────────────────────────
  const d = db();
  d.prepare(`update user set active = 0 where role = 'juror' and login not in (${JURORS.map(() => '?').join(',')})`).run(...JURORS.map((j) => j[0]));
  d.close();
  await setLocale(organiser.context, 'en');
  await organiser.page.goto('/admin');
  await organiser.page.getByTestId('open-voting').getByRole('button').click();
  await answerDialog(organiser.page);
  await expect(organiser.page.getByTestId('phase')).toHaveText('Voting');

  await walk(juror.page, 'juror', ['/jury', '/jury/best_film']);
  await walk(juror.page, 'juror', ['/jury/best_actor', '/results'], ['en']);
  await walk(chair.page, 'chair', ['/chair', '/results/protocol']);
  await walk(organiser.page, 'organiser', ['/admin', '/admin/progress', '/admin/audit']);
  await walk(pub.page, 'public', ['/results']);

  // Refusals of hand-made requests name the field and what is wrong, in the reader's language.
  const [firstFilm] = nominations(['best_film']).get('best_film')!.cands;
  for (const locale of LOCALES) {
    await setLocale(juror.context, locale);
    for (const [args, field] of [[{ candidateId: firstFilm, note: 'x'.repeat(5000) }, /note|备注|Заметка|Жазба/], [{ candidateId: firstFilm, value: 'ten' }, /score|分数|Оценка|Баға/]] as const) {
      const action = 'note' in args ? 'app/jury/actions.ts#saveNote' : 'app/jury/actions.ts#saveScore';
      const r = (await callAction(juror.context.request, '/jury/best_film', action, [args], BASE)).result as { ok: boolean; message: string };
      expect(r.ok).toBe(false);
      expect.soft(r.message).toMatch(field);
      for (const [name, re] of CODE_PATTERNS) if (re.test(r.message)) findings.push(`refusal of ${action} [${locale}]: ${name} in "${r.message}"`);
    }
  }

  // Every ballot submitted: exact ties on Best Film (its first two films) and Best Director (the third
  // and fourth films, so that Best Film's winner, passed over under one award per film, leaves it tied).
  const ctxs = await Promise.all(JURORS.map(([l, p]) => apiLogin(l, p)));
  const tied = (code: string, i: number) => (code === 'best_film' ? i < 2 : i === 2 || i === 3);
  await vote(ctxs, MAIN, (code, i) => (code === 'best_film' || code === 'best_director' ? (tied(code, i) ? 9 : 5) : Math.max(1, 10 - i)));
  await walk(juror.page, 'juror with a receipt', ['/jury/best_film']);
  await walk(chair.page, 'chair', ['/chair'], ['en']);

  // ── Main round closed, two ties ───────────────────────────────────────────────────────────────
  await setLocale(chair.context, 'en');
  await chair.page.goto('/chair');
  await confirmAction(chair.page, 'close-round');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Main round closed');

  // The desk leads: each link of the summary reaches its tie, in view and focused.
  const summary = chair.page.getByTestId('decisions-to-take');
  await expect(summary).toContainText('2 decisions are still to take');
  for (const code of ['best_film', 'best_director']) {
    await chair.page.evaluate(() => window.scrollTo(0, 0));
    await summary.getByTestId(`to-decide-${code}`).click();
    await expect(chair.page).toHaveURL(new RegExp(`#tally-${code}$`));
    await expect(chair.page.getByTestId(`tally-${code}`)).toBeInViewport();
    await expect.soft(chair.page.getByTestId(`tally-${code}`)).toBeFocused();
    await expect(chair.page.getByTestId(`tie-${code}`)).toBeVisible();
  }
  await expectNoSidewaysScroll(chair.page);
  if (SCREENSHOTS) await screenshotSummary(chair.page);

  await walk(chair.page, 'chair, two ties', ['/chair', '/results/protocol']);
  await walk(organiser.page, 'organiser, round closed', ['/admin', '/results/protocol']);
  await walk(juror.page, 'juror, round closed', ['/jury']);
  await walk(juror.page, 'juror, round closed', ['/jury/best_film', '/results/protocol', '/chair'], ['en']);

  // Refusal: reopening the round without a reason names the field and what is wrong.
  for (const locale of LOCALES) {
    await setLocale(chair.context, locale);
    await chair.page.goto('/chair');
    await chair.page.getByTestId('reopen-round').locator('input, textarea').first().fill('');
    await confirmAction(chair.page, 'reopen-round');
    const alert = chair.page.getByTestId('reopen-round').getByRole('alert');
    await expect(alert).toBeVisible();
    if (locale === 'en') await expect.soft(alert).toContainText('reason');
    await scan(chair.page, `chair refused reopen [${locale}]`);
  }

  // The chair decides both ties: a casting vote on Best Film, a casting vote on Best Director.
  await setLocale(chair.context, 'en');
  for (const code of ['best_film', 'best_director']) {
    await chair.page.goto('/chair');
    const form = chair.page.getByTestId(`tie-${code}`);
    await form.getByRole('radio').first().check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    await chair.page.getByTestId(`tie-${code}-confirm`).getByRole('button', { name: 'Record the decision' }).click();
    await expect(chair.page.getByTestId(`winner-${code}`)).toBeVisible();
    await expect(chair.page.getByTestId(`decided-by-${code}`)).toHaveText('decided by the casting vote of the chair');
  }
  await expect(summary).toContainText('No decision is waiting');
  await walk(chair.page, 'chair, decided', ['/chair', '/results/protocol']);

  // ── Special round ─────────────────────────────────────────────────────────────────────────────
  await setLocale(chair.context, 'en');
  await chair.page.goto('/chair');
  await confirmAction(chair.page, 'open-special');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Special Jury Prize voting');
  await walk(juror.page, 'juror, special round', ['/jury/special_jury_prize']);
  await walk(chair.page, 'chair, special round', ['/chair']);
  await walk(organiser.page, 'organiser, special round', ['/admin/progress']);
  await vote(ctxs, ['special_jury_prize'], (_c, i) => (i === 0 ? 10 : 4));
  await setLocale(chair.context, 'en');
  await chair.page.goto('/chair');
  await confirmAction(chair.page, 'close-round');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Special round closed');
  await walk(chair.page, 'chair, special closed', ['/chair']);

  // ── Finalised ─────────────────────────────────────────────────────────────────────────────────
  await setLocale(chair.context, 'en');
  await chair.page.goto('/chair');
  await confirmAction(chair.page, 'finalise');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Finalised');
  await walk(chair.page, 'chair, finalised', ['/chair', '/results', '/results/protocol']);
  await walk(organiser.page, 'organiser, finalised', ['/admin', '/admin/audit', '/results']);
  await walk(organiser.page, 'organiser, finalised', ADMIN_PAGES, ['en']);
  await walk(juror.page, 'juror, finalised', ['/jury', '/jury/best_director']);
  await walk(pub.page, 'public, finalised', ['/results']);
  // /admin follows the phase: no "Voting has opened" once the awards are final.
  await setLocale(organiser.context, 'en');
  await organiser.page.goto('/admin');
  await expect(organiser.page.getByRole('main')).not.toContainText('Voting has opened');

  // ── Published ─────────────────────────────────────────────────────────────────────────────────
  await organiser.page.goto('/results');
  await organiser.page.getByTestId('publish').getByRole('button').first().click();
  await answerDialog(organiser.page);
  await expect(organiser.page.getByTestId('phase')).toHaveText('Published');
  await walk(pub.page, 'public, published', ['/results', '/results/protocol', '/no-such-page']);
  await walk(organiser.page, 'organiser, published', ['/admin', '/results']);
  await walk(juror.page, 'juror, published', ['/jury/best_film']);
  await walk(chair.page, 'chair, published', ['/chair']);
  // On a phone the public results and the chair's desk do not scroll sideways.
  await setLocale(chair.context, 'en');
  await chair.page.goto('/chair');
  await expectNoSidewaysScroll(chair.page);
  await pub.page.goto('/results');
  await expectNoSidewaysScroll(pub.page);

  await Promise.all(ctxs.map((c) => c.dispose()));
  for (const who of [organiser, chair, juror, pub]) await who.context.close();
  expect(findings, 'internal codes shown to people').toEqual([]);
  expect(axeFindings, 'axe violations').toEqual([]);
});

/** The chair's summary of the decisions to take, at the top of the desk, at desktop and phone width (README). */
async function screenshotSummary(page: Page) {
  for (const [name, vp] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(vp);
    await page.goto('/chair');
    await page.getByTestId('decisions-to-take').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await shoot(page, `chair-summary-${name}`);
  }
  await page.setViewportSize(DESKTOP);
}

/** At 375 and 390 px the document is no wider than the viewport: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const size = page.viewportSize() ?? DESKTOP;
  for (const width of [375, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    // What sticks out, to say where when it fails.
    const wide = docWidth <= width ? [] : await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 1 && !el.closest('[tabindex="0"][role="region"]'))
      .slice(-5).map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`), width);
    expect(docWidth, `${page.url()} at ${width}px: ${wide.join(', ')}`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize(size);
}
