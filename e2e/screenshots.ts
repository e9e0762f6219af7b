// The README's screenshots (docs/screenshots/), taken by the specs on the demo festival only when
// JURY_SCREENSHOTS=1, so that an ordinary test run leaves the committed images alone.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const SCREENSHOTS = process.env.JURY_SCREENSHOTS === '1';
const DIR = path.join(process.cwd(), 'docs', 'screenshots');

/** Writes docs/screenshots/<name>.png of the page (or of one element) when JURY_SCREENSHOTS=1; otherwise nothing. */
export async function shoot(target: Page | Locator, name: string, opts: { fullPage?: boolean } = {}) {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  else await target.screenshot({ path: file });
}
