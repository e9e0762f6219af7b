// Shared pieces of the end-to-end tests: the demo accounts, stored sign-ins, and page helpers.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { databasePathFile } from './server';

export const ACCOUNTS = {
  organiser: { login: 'organiser', password: 'organiser-demo' },
  chair: { login: 'hansanping', password: 'chair-demo' },
  juror: { login: 'azimov', password: 'juror-demo' },
  juror2: { login: 'juror03', password: 'juror-demo' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export const storageState = (who: AccountName) => `test-results/.auth/${who}.json`;

export async function signIn(page: Page, who: AccountName | { login: string; password: string }) {
  const acc = typeof who === 'string' ? ACCOUNTS[who] : who;
  await page.goto('/login');
  await page.getByLabel(/Login name|登录名|Логин/).fill(acc.login);
  await page.getByLabel(/Password|密码|Пароль|Құпиясөз/).fill(acc.password);
  await page.getByRole('button', { name: /Sign in|登录|Войти|Кіру/ }).click();
}

/**
 * Answers the app's own confirmation dialog, the one open now (ConfirmDialog: Cancel first, the act
 * last): confirms it, or dismisses it with Cancel. Fails if the browser's own dialog would be needed.
 */
export async function answerDialog(page: Page, answer: 'confirm' | 'cancel' = 'confirm') {
  const dialog = page.locator('dialog[open]');
  await expect(dialog).toHaveCount(1);
  const buttons = dialog.getByRole('button');
  await (answer === 'cancel' ? buttons.first() : buttons.last()).click();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
}

/**
 * An axe scan of `page` as it is now: axe.run in the page itself (AxeBuilder's "legacy" mode). The default
 * mode runs axe.runPartial in each frame and then axe.finishRun in a second, blank page it opens for
 * every scan, which only matters for cross-origin iframes: the app has no iframe, so both modes run the
 * same rules on the same document and find the same (measured on /admin, /admin/films, /admin/jurors and
 * /results: the same violations and passes), and the page-in-the-page mode took about twice as long
 * (2026-12-07, docs/TESTING.md: e.g. /results 3.6-3.7 s against 6.7-7.4 s, /admin/jurors 13-14 s against
 * 23-28 s at load 20-25).
 */
export function axe(page: Page): AxeBuilder {
  // resultTypes: only the violations carry every node (what the specs read); passes, incomplete and
  // inapplicable keep one node per rule. Axe's own performance option: building a unique selector and an
  // HTML snippet for every node of every passing rule was about half of a scan on the organisers' pages
  // (/admin/films: 8,000 elements), and the same rules run and find the same violations (docs/TESTING.md,
  // 2026-12-08).
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/**
 * Rules whose outcome depends on the layout (viewport width, what is visible or scrolls), so they are
 * worth running again on a page state already scanned at another width.
 */
const LAYOUT_RULES = ['color-contrast', 'scrollable-region-focusable', 'meta-viewport', 'css-orientation-lock'];
/** Page states (URL and markup) this worker has scanned in full, with the widths scanned at. */
const scanned = new Map<string, Set<number>>();

/**
 * Fails on any serious or critical accessibility violation of the page as it is now. One full axe
 * scan per page state (URL + markup): the same state again at another viewport width runs only
 * the layout-dependent rules, and the same state at the same width is not scanned twice.
 */
export async function expectAccessible(page: Page) {
  const state = `${page.url()}\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
  const width = page.viewportSize()?.width ?? 0;
  const widths = scanned.get(state);
  if (widths?.has(width)) return;
  const builder = axe(page);
  const result = await (widths ? builder.withRules(LAYOUT_RULES) : builder).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  scanned.set(state, (widths ?? new Set<number>()).add(width));
}

/**
 * The port of this worker's e2e server (playwright.config.ts): one server and database per worker
 * slot, so specs running at the same time never see each other's writes.
 */
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 3211) + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
}

/** The database file of this worker's e2e server (written by e2e/server.ts), or of the one on `port`. */
export function e2eDatabase(port = e2ePort()): string {
  return fs.readFileSync(databasePathFile(port), 'utf8');
}

/**
 * Arranges the festival's phase directly in the test database. Used only to set the scene for a
 * spec; the phase actions themselves are exercised through the UI in the festival and admin specs.
 */
export function arrangePhase(phase: string, port?: number) {
  const db = new Database(e2eDatabase(port));
  db.pragma('busy_timeout = 5000');
  db.prepare('update jury set phase = ? where id = 1').run(phase);
  db.close();
}

/**
 * `test` with a guard on every page of the test's browser context: any console error or CSP violation
 * fails the test (the CSP must break nothing). Failures the tests provoke on purpose (a 403/404 page,
 * the network switched off) make Chromium log "Failed to load resource": those are not errors of the page.
 */
export const test = base.extend<{ browserErrors: void }>({
  browserErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      context.on('console', (m) => {
        if (m.type() === 'error' && !/^Failed to load resource: (the server responded with a status of 4\d\d|net::ERR_INTERNET_DISCONNECTED)/.test(m.text())) errors.push(`${m.location().url}: ${m.text()}`);
      });
      context.on('weberror', (e) => errors.push(`uncaught: ${e.error().message}`));
      await use();
      expect(errors, 'console errors or CSP violations in the browser').toEqual([]);
    },
    { auto: true },
  ],
});
