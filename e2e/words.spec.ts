// People's words, not codes: a walk through every page meant for people, as each role, in each of
// the four languages, through every phase a festival passes (setup, voting, main round closed with
// two ties, special round, finalised, published), with error pages and refusals of forms submitted
// wrong. Every page state must show no internal code (award and reason codes, audit actions,
// message keys), no id list, no stored timestamp, no `undefined`/`null`/`NaN`, and pass axe.
//
// The walk is four tests, by phase, that the two workers run at once. Each starts a server of its own
// on a fresh demo database (E2E_PORT + 78, 79, 80, 83) and brings the festival to the phase it walks
// through the real actions (`advance`), so no test depends on another having run.
//
// One axe pass per page state: every rule, once, on a 390×844 phone, in English, the first language
// each state is walked in (the phone is where long words overflow, regions scroll and the layout is
// tightest; English is the language the axe rules' own word lists read best). In zh, ru and kk the
// same markup and colours carry other words: the word checks run there as in English, and so do the
// checks of what the words change for assistive technology (`wordRuleFindings`: every control and
// link named, landmarks told apart, the document's languages valid, scrolling regions reachable),
// read from the browser's own accessibility tree instead of a second axe pass.
//
// Titles in the reader's language: two demo films get imported titles in Chinese, Russian and Kazakh
// (one Kazakh title the same as the original), and a page fails on a title meant for readers of another
// language, on the English title where the reader's own exists (outside the organisers' film pages,
// where every language's title is edited), and on a title repeated beside itself.
//
// The walk also checks the chair's desk: each "decisions to take" link reaches its tie, the tally
// fits a phone without sideways scrolling, and /admin follows the phase.
import { expect as baseExpect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { callAction } from './actions';
import { answerDialog, axe, test } from './fixtures';
import { ownPort } from './own-server';
import { startE2eServer } from './server';
import { SCREENSHOTS, shoot } from './screenshots';

const LOCALES = ['en', 'zh', 'ru', 'kk'] as const;
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
// A jury of four (the other demo jurors made inactive before voting): the chair's own score does not
// count towards the 3 scores a figure needs, so four keep every figure on the chair's desk.
const JURORS = [['hansanping', 'chair-demo'], ['azimov', 'juror-demo'], ['juror03', 'juror-demo'], ['juror04', 'juror-demo']] as const;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// Expectations wait up to 30 s: a safety net for a machine loaded by both workers' walks (a chair's decision
// on a tie was measured pending for over 10 s under load 17); a passing walk never waits for it.
const expect = baseExpect.configure({ timeout: 30_000 });

// The four parts run at once, on both workers.
test.describe.configure({ mode: 'parallel' });
// A step that cannot happen fails within 15 s instead of waiting for the walk's whole time.
test.use({ trace: 'off', actionTimeout: 15_000, navigationTimeout: 30_000 });

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

/** Imported titles the walk gives two demo films (by English title): one Kazakh title equals the original. */
const TRANSLATED: Record<string, { zh: string; ru: string; kk: string }> = {
  'The Diamond Sword': { zh: '钻石剑', ru: 'Алмазный меч', kk: 'Алмас қылыш' },
  'The Prince of Our Town': { zh: '我们城市的王子', ru: 'Принц нашего города', kk: 'Біздің қаланың ханзадасы' },
};
type FilmTitles = { original: string; en: string; zh: string | null; ru: string | null; kk: string | null };
/** Pages where organisers edit the titles in every language: every title may show there. */
const EVERY_TITLE = [/\/admin\/films/, /\/admin\/performances/, /\/admin\/audit/];

/** A title meant for another language, the English one where the reader's own exists, or a title beside itself. */
async function titleFindings(page: Page, text: string, filmTitles: FilmTitles[]): Promise<string[]> {
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

/** Roles that must have a name (axe: button-name, link-name, label, select-name, aria-input-field-name). */
const NAMED_ROLES = new Set(['button', 'link', 'textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'switch', 'menuitem', 'tab']);
/** Landmarks that must be told apart when a page has two of a role (axe: landmark-unique). */
const LANDMARKS = new Set(['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search']);
type AXNode = { ignored?: boolean; role?: { value?: string }; name?: { value?: string } };

/**
 * What the words of a page change for assistive technology, without a second axe pass: axe's rules
 * that depend on the words (html-has-lang, html-lang-valid, valid-lang, document-title, landmark-unique,
 * label, button-name, link-name, select-name, aria-input-field-name, scrollable-region-focusable), read
 * from Chromium's own accessibility tree (the names a screen reader gets) and the page's layout on the phone.
 */
async function wordRuleFindings(page: Page): Promise<string[]> {
  const out: string[] = [];
  const dom = await page.evaluate(() => {
    const invalid = [...document.querySelectorAll('[lang]')].map((el) => el.getAttribute('lang') ?? '').filter((l) => {
      try { return !l.trim() || Intl.getCanonicalLocales(l).length !== 1; } catch { return true; }
    });
    const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const scrolling = [...document.querySelectorAll('body *')].filter((el) => {
      const s = getComputedStyle(el);
      const x = /auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth;
      const y = /auto|scroll/.test(s.overflowY) && el.scrollHeight > el.clientHeight;
      return (x || y) && !((el as HTMLElement).tabIndex >= 0 || el.querySelector(focusable));
    }).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`);
    return { lang: document.documentElement.lang, invalid, title: document.title.trim(), scrolling };
  });
  if (!dom.lang) out.push('html-has-lang: the document has no lang');
  for (const l of dom.invalid) out.push(`valid-lang: lang="${l}"`);
  if (!dom.title) out.push('document-title: no title');
  for (const s of dom.scrolling) out.push(`scrollable-region-focusable: ${s}`);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  await cdp.detach();
  const landmarks = new Map<string, number>();
  for (const n of nodes) {
    if (n.ignored) continue;
    const role = n.role?.value ?? '';
    const name = (n.name?.value ?? '').trim();
    if (NAMED_ROLES.has(role) && !name) out.push(`${role} without a name`);
    // An unnamed form or region is no landmark (as axe reads them).
    if (LANDMARKS.has(role) && (name || !['form', 'region'].includes(role))) {
      const key = `${role} "${name.toLowerCase()}"`;
      landmarks.set(key, (landmarks.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of landmarks) if (count > 1) out.push(`landmark-unique: ${count} × ${key}`);
  return out;
}

type Festival = { port: number; base: string; db: () => Database.Database; apiLogin: (login: string, password: string) => Promise<APIRequestContext> };

/**
 * One part of the walk: a festival on a server of its own, the four people walking it (organiser, chair,
 * juror, the public) and what they found. Findings fail the test that found them, at its end, and each is
 * also written to test-results/words-findings.txt as it is found (so that a walk that stops half-way still tells).
 */
class Walk {
  readonly findings: string[] = [];
  readonly axeFindings: string[] = [];
  /** English page states (URL and markup) scanned by axe. */
  private readonly scanned = new Set<string>();
  filmTitles: FilmTitles[] = [];
  organiser!: Person;
  chair!: Person;
  juror!: Person;
  pub!: Person;
  jurors: APIRequestContext[] = [];
  /** Time spent, to say where the walk's time goes (logged at the end). */
  readonly spent = { navigation: 0, words: 0, axe: 0, wordRules: 0, scans: 0, axePasses: 0 };

  constructor(readonly part: string, readonly f: Festival) {}

  log(line: string) { fs.mkdirSync('test-results', { recursive: true }); fs.appendFileSync('test-results/words-findings.txt', `${line}\n`); }

  async start(browser: Browser) {
    this.organiser = await person(browser, this.f.base, 'organiser', 'organiser-demo');
    this.chair = await person(browser, this.f.base, 'hansanping', 'chair-demo');
    this.juror = await person(browser, this.f.base, 'azimov', 'juror-demo');
    this.pub = await person(browser, this.f.base);
    const d = this.f.db();
    for (const [en, t] of Object.entries(TRANSLATED)) d.prepare('update film set title_zh = ?, title_ru = ?, title_kk = ? where english_title = ?').run(t.zh, t.ru, t.kk, en);
    this.filmTitles = (d.prepare('select original_title as original, english_title as en, title_zh as zh, title_ru as ru, title_kk as kk from film').all() as FilmTitles[]);
    d.close();
    expect(this.filmTitles.filter((f) => f.zh)).toHaveLength(2);
  }

  async finish() {
    await Promise.all(this.jurors.map((c) => c.dispose()));
    for (const who of [this.organiser, this.chair, this.juror, this.pub]) await who?.context.close();
    const s = this.spent;
    this.log(`${this.part}: ${s.scans} scans, ${s.axePasses} axe passes; navigation ${s.navigation} ms, word checks ${s.words} ms, axe ${s.axe} ms, word rules (zh/ru/kk) ${s.wordRules} ms`);
    expect(this.findings, 'internal codes shown to people').toEqual([]);
    expect(this.axeFindings, 'axe violations').toEqual([]);
  }

  /** Scans the page as it is now: its words, and axe once per page state (on the phone, in English). */
  async scan(page: Page, what: string) {
    const started = Date.now();
    this.spent.scans++;
    await page.waitForLoadState('load');
    // A server action that sets a cookie (the sign-in marks the browser) re-renders the page, and Next
    // streams its metadata after the content: the title comes back a moment after the refusal shows.
    // Wait for it (a page that never gets one still fails here), then scan.
    await expect(page).toHaveTitle(/\S/);
    let text = await visibleText(page);
    for (const a of ALLOWED) text = text.replace(a, '');
    const found = (f: string) => { this.findings.push(`${what} ${page.url()}: ${f}`); this.log(this.findings.at(-1)!); };
    for (const [name, re] of CODE_PATTERNS) {
      const m = text.match(re);
      if (m) {
        const i = m.index ?? 0;
        found(`${name} "${m[0]}" in …${text.slice(Math.max(0, i - 60), i + 60).replace(/\s+/g, ' ')}…`);
      }
    }
    for (const f of await titleFindings(page, text, this.filmTitles)) found(f);
    const wordsDone = Date.now();
    this.spent.words += wordsDone - started;
    const size = page.viewportSize() ?? DESKTOP;
    const phone = size.width === PHONE.width && size.height === PHONE.height;
    if (!phone) await page.setViewportSize(PHONE);
    const english = (await page.evaluate(() => document.documentElement.lang)) === 'en';
    if (!english) {
      for (const f of await wordRuleFindings(page)) {
        this.axeFindings.push(`${what} ${page.url()} at ${PHONE.width}px: ${f}`);
        this.log(this.axeFindings.at(-1)!);
      }
      this.spent.wordRules += Date.now() - wordsDone;
    } else {
      const state = `${page.url()}\n${await page.evaluate(() => document.body.innerHTML)}`;
      if (!this.scanned.has(state)) {
        this.scanned.add(state);
        this.spent.axePasses++;
        const result = await axe(page).analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'landmark-unique') {
            this.axeFindings.push(`${what} ${page.url()} at ${PHONE.width}px: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
            this.log(this.axeFindings.at(-1)!);
          }
        }
        this.spent.axe += Date.now() - wordsDone;
      }
    }
    if (!phone) await page.setViewportSize(size);
    this.log(`scanned ${what} ${page.url()} in ${Date.now() - started} ms`);
  }

  /** Every path, in every language, as `who`; on the phone, where the scans run. */
  async walk(who: Person, label: string, paths: string[], locales: readonly string[] = LOCALES) {
    const size = who.page.viewportSize() ?? DESKTOP;
    await who.page.setViewportSize(PHONE);
    for (const locale of locales) {
      await setLocale(who, locale);
      for (const p of paths) {
        const t = Date.now();
        await who.page.goto(p);
        this.spent.navigation += Date.now() - t;
        await this.scan(who.page, `${label} [${locale}]`);
      }
    }
    await who.page.setViewportSize(size);
  }

  nominations(codes: string[]) {
    const d = this.f.db();
    const out = new Map(codes.map((code) => {
      const nom = (d.prepare('select id from nomination where code = ?').get(code) as { id: number }).id;
      return [code, { nom, cands: (d.prepare('select id from candidate where nomination_id = ? order by id').all(nom) as { id: number }[]).map((r) => r.id) }];
    }));
    d.close();
    return out;
  }

  /** Every juror scores and submits `codes` through the real actions with `score(code, index)`. */
  async vote(codes: string[], score: (code: string, i: number) => number) {
    if (!this.jurors.length) this.jurors = await Promise.all(JURORS.map(([l, p]) => this.f.apiLogin(l, p)));
    const noms = this.nominations(codes);
    await Promise.all(this.jurors.map(async (ctx) => {
      for (const [code, { nom, cands }] of noms) {
        for (const [i, c] of cands.entries()) {
          const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c, value: score(code, i) }], this.f.base);
          expect(r.result).toMatchObject({ ok: true });
        }
        const r = await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], this.f.base);
        expect(r.result).toMatchObject({ ok: true });
      }
    }));
  }

  /** Only the four jurors of JURORS stay active (before voting opens). */
  keepFourJurors() {
    const d = this.f.db();
    d.prepare(`update user set active = 0 where role = 'juror' and login not in (${JURORS.map(() => '?').join(',')})`).run(...JURORS.map((j) => j[0]));
    d.close();
  }

  /** Every ballot submitted: exact ties on Best Film (its first two films) and Best Director (the third
   * and fourth films, so that Best Film's winner, passed over under one award per film, leaves it tied). */
  async voteMainRound() {
    const tied = (code: string, i: number) => (code === 'best_film' ? i < 2 : i === 2 || i === 3);
    await this.vote(MAIN, (code, i) => (code === 'best_film' || code === 'best_director' ? (tied(code, i) ? 9 : 5) : Math.max(1, 10 - i)));
  }

  async voteSpecialRound() {
    await this.vote(['special_jury_prize'], (_c, i) => (i === 0 ? 10 : 4));
  }

  /** The chair decides both ties on the desk: a casting vote on Best Film, then one on Best Director. */
  async decideTies() {
    const page = this.chair.page;
    await setLocale(this.chair, 'en');
    for (const code of ['best_film', 'best_director']) {
      await page.goto('/chair');
      const form = page.getByTestId(`tie-${code}`);
      await form.getByRole('radio').first().check();
      await form.getByRole('button', { name: 'Record decision' }).click();
      await page.getByTestId(`tie-${code}-confirm`).getByRole('button', { name: 'Record the decision' }).click();
      await expect(page.getByTestId(`winner-${code}`)).toBeVisible();
      await expect(page.getByTestId(`decided-by-${code}`)).toHaveText('decided by the casting vote of the chair');
    }
    await expect(page.getByTestId('decisions-to-take')).toContainText('No decision is waiting');
  }

  /** A phase action through the real action, as `who` (the part under test does it through the page instead). */
  async act(who: 'organiser' | 'chair', path: string, action: string) {
    const [login, password] = who === 'organiser' ? ['organiser', 'organiser-demo'] : ['hansanping', 'chair-demo'];
    const ctx = await this.f.apiLogin(login, password);
    expect((await callAction(ctx, path, action, [{}], this.f.base)).result).toMatchObject({ ok: true });
    await ctx.dispose();
  }
}

type Person = { context: BrowserContext; page: Page; base: string };

async function setLocale(who: Person, locale: string) {
  await who.context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: who.base }]);
}

/** A browser context signed in as `login` (or signed out for the public). */
async function person(browser: Browser, base: string, login?: string, password?: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: base, viewport: DESKTOP });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  if (login) {
    const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
    const res = await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, login, password: password!, json: 'true' } });
    expect(res.ok()).toBe(true);
  }
  return { context, page: await context.newPage(), base };
}

/** Clicks an action's button and confirms in its dialog. */
async function confirmAction(page: Page, testId: string) {
  await page.getByTestId(testId).getByRole('button').first().click();
  const dialog = page.getByTestId(`${testId}-confirm`);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button').last().click();
}

const ADMIN_PAGES = ['/admin', '/admin/films', '/admin/performances', '/admin/jurors', '/admin/progress', '/admin/audit', '/account/password'];

/**
 * A part of the walk on a festival of its own (server on E2E_PORT + `offset`, fresh demo database):
 * `body` walks it; the findings fail this part.
 */
function part(title: string, offset: number, body: (w: Walk) => Promise<void>) {
  test(title, async ({ browser }) => {
    // The whole walk's old safety net, for each part: under load 20-30 one part took over 15 min.
    test.setTimeout(1_500_000);
    const port = ownPort(offset);
    const server = await startE2eServer(port);
    const base = `http://localhost:${port}`;
    const db = () => {
      const d = new Database(server.dbFile);
      d.pragma('busy_timeout = 5000');
      return d;
    };
    const apiLogin = async (login: string, password: string) => {
      const ctx = await playwrightRequest.newContext({ baseURL: base });
      const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
      const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, login, password, json: 'true' } });
      expect(res.ok()).toBe(true);
      return ctx;
    };
    const w = new Walk(title, { port, base, db, apiLogin });
    try {
      await w.start(browser);
      await body(w);
      await w.finish();
    } finally {
      await server.stop();
    }
  });
}

// Longest part first, so that the two workers end at about the same time.
part('finalised and published: every page speaks in words in en, zh, ru and kk, and passes axe', 83, async (w) => {
  // The festival up to the special round closed, through the real actions.
  w.keepFourJurors();
  await w.act('organiser', '/admin', 'app/admin/actions/phase.ts#openVoting');
  await w.voteMainRound();
  await w.act('chair', '/chair', 'app/chair/actions.ts#closeRound');
  await w.decideTies();
  await w.act('chair', '/chair', 'app/chair/actions.ts#openSpecialRound');
  await w.voteSpecialRound();
  await w.act('chair', '/chair', 'app/chair/actions.ts#closeRound');

  // ── Finalised ─────────────────────────────────────────────────────────────────────────────────
  const { organiser, chair, juror, pub } = w;
  await setLocale(chair, 'en');
  await chair.page.goto('/chair');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Special round closed');
  await confirmAction(chair.page, 'finalise');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Finalised');
  await w.walk(chair, 'chair, finalised', ['/chair', '/results', '/results/protocol']);
  await w.walk(organiser, 'organiser, finalised', ['/admin', '/admin/audit', '/results']);
  await w.walk(organiser, 'organiser, finalised', ADMIN_PAGES, ['en']);
  await w.walk(juror, 'juror, finalised', ['/jury', '/jury/best_director']);
  await w.walk(pub, 'public, finalised', ['/results']);
  // /admin follows the phase: no "Voting has opened" once the awards are final.
  await setLocale(organiser, 'en');
  await organiser.page.goto('/admin');
  await expect(organiser.page.getByRole('main')).not.toContainText('Voting has opened');

  // ── Published ─────────────────────────────────────────────────────────────────────────────────
  await organiser.page.goto('/results');
  await organiser.page.getByTestId('publish').getByRole('button').first().click();
  await answerDialog(organiser.page);
  await expect(organiser.page.getByTestId('phase')).toHaveText('Published');
  await w.walk(pub, 'public, published', ['/results', '/results/protocol', '/no-such-page']);
  await w.walk(organiser, 'organiser, published', ['/admin', '/results']);
  await w.walk(juror, 'juror, published', ['/jury/best_film']);
  await w.walk(chair, 'chair, published', ['/chair']);
  // On a phone the public results and the chair's desk do not scroll sideways.
  await setLocale(chair, 'en');
  await chair.page.goto('/chair');
  await expectNoSidewaysScroll(chair.page);
  await pub.page.goto('/results');
  await expectNoSidewaysScroll(pub.page);
});

part('setup: every page and refusal speaks in words in en, zh, ru and kk, and passes axe', 80, async (w) => {
  const { organiser, chair, juror, pub } = w;
  await w.walk(pub, 'public', ['/login', '/results', '/no-such-page']);
  await w.walk(organiser, 'organiser', [...ADMIN_PAGES, '/results']);
  await w.walk(juror, 'juror', ['/jury', '/admin']);
  await w.walk(chair, 'chair', ['/chair']);

  // Refusals of forms submitted wrong, in every language.
  for (const locale of LOCALES) {
    await setLocale(pub, locale);
    await pub.page.goto('/login');
    await pub.page.locator('input[name="login"], #login').first().fill('nobody');
    await pub.page.locator('input[type="password"]').first().fill('wrong-password');
    await pub.page.locator('form button[type="submit"]').first().click();
    await expect(pub.page.getByRole('alert')).toBeVisible();
    await w.scan(pub.page, `public refused sign-in [${locale}]`);

    await setLocale(organiser, locale);
    await organiser.page.goto('/admin/films');
    const filmForm = organiser.page.locator('section[aria-labelledby$="-add-heading"] form');
    await filmForm.locator('input[name="year"]').fill('3000');
    await filmForm.locator('button[type="submit"]').click();
    await expect(filmForm.getByRole('alert')).toBeVisible();
    await w.scan(organiser.page, `organiser refused film [${locale}]`);
  }
});

part('main round closed on two ties, decided, special round: every page speaks in words in en, zh, ru and kk, and passes axe', 79, async (w) => {
  // The festival up to every main ballot submitted, through the real actions.
  w.keepFourJurors();
  await w.act('organiser', '/admin', 'app/admin/actions/phase.ts#openVoting');
  await w.voteMainRound();

  // ── Main round closed, two ties ───────────────────────────────────────────────────────────────
  const { organiser, chair, juror } = w;
  await setLocale(chair, 'en');
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

  await w.walk(chair, 'chair, two ties', ['/chair', '/results/protocol']);
  await w.walk(organiser, 'organiser, round closed', ['/admin', '/results/protocol']);
  await w.walk(juror, 'juror, round closed', ['/jury']);
  await w.walk(juror, 'juror, round closed', ['/jury/best_film', '/results/protocol', '/chair'], ['en']);

  // Refusal: reopening the round without a reason names the field and what is wrong.
  for (const locale of LOCALES) {
    await setLocale(chair, locale);
    await chair.page.goto('/chair');
    await chair.page.getByTestId('reopen-round').getByRole('textbox').first().fill('');
    await confirmAction(chair.page, 'reopen-round');
    const alert = chair.page.getByTestId('reopen-round').getByRole('alert');
    await expect(alert).toBeVisible();
    if (locale === 'en') await expect.soft(alert).toContainText('reason');
    await w.scan(chair.page, `chair refused reopen [${locale}]`);
  }

  // The chair decides both ties: a casting vote on Best Film, a casting vote on Best Director.
  await w.decideTies();
  await w.walk(chair, 'chair, decided', ['/chair', '/results/protocol']);

  // ── Special round ─────────────────────────────────────────────────────────────────────────────
  await setLocale(chair, 'en');
  await chair.page.goto('/chair');
  await confirmAction(chair.page, 'open-special');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Special Jury Prize voting');
  await w.walk(juror, 'juror, special round', ['/jury/special_jury_prize']);
  await w.walk(chair, 'chair, special round', ['/chair']);
  await w.walk(organiser, 'organiser, special round', ['/admin/progress']);
  await w.voteSpecialRound();
  await setLocale(chair, 'en');
  await chair.page.goto('/chair');
  await confirmAction(chair.page, 'close-round');
  await expect(chair.page.getByTestId('chair-phase')).toHaveText('Special round closed');
  await w.walk(chair, 'chair, special closed', ['/chair']);
});

part('voting: every page and refusal speaks in words in en, zh, ru and kk, and passes axe', 78, async (w) => {
  const { organiser, chair, juror, pub } = w;
  // ── Voting ────────────────────────────────────────────────────────────────────────────────────
  w.keepFourJurors();
  await setLocale(organiser, 'en');
  await organiser.page.goto('/admin');
  await organiser.page.getByTestId('open-voting').getByRole('button').click();
  await answerDialog(organiser.page);
  await expect(organiser.page.getByTestId('phase')).toHaveText('Voting');

  await w.walk(juror, 'juror', ['/jury', '/jury/best_film']);
  await w.walk(juror, 'juror', ['/jury/best_actor', '/results'], ['en']);
  await w.walk(chair, 'chair', ['/chair', '/results/protocol']);
  await w.walk(organiser, 'organiser', ['/admin', '/admin/progress', '/admin/audit']);
  await w.walk(pub, 'public', ['/results']);

  // Refusals of hand-made requests name the field and what is wrong, in the reader's language.
  const [firstFilm] = w.nominations(['best_film']).get('best_film')!.cands;
  for (const locale of LOCALES) {
    await setLocale(juror, locale);
    for (const [args, field] of [[{ candidateId: firstFilm, note: 'x'.repeat(5000) }, /note|备注|Заметка|Жазба/], [{ candidateId: firstFilm, value: 'ten' }, /score|分数|Оценка|Баға/]] as const) {
      const action = 'note' in args ? 'app/jury/actions.ts#saveNote' : 'app/jury/actions.ts#saveScore';
      const r = (await callAction(juror.context.request, '/jury/best_film', action, [args], w.f.base)).result as { ok: boolean; message: string };
      expect(r.ok).toBe(false);
      expect.soft(r.message).toMatch(field);
      for (const [name, re] of CODE_PATTERNS) if (re.test(r.message)) w.findings.push(`refusal of ${action} [${locale}]: ${name} in "${r.message}"`);
    }
  }

  await w.voteMainRound();
  await w.walk(juror, 'juror with a receipt', ['/jury/best_film']);
  await w.walk(chair, 'chair', ['/chair'], ['en']);
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
