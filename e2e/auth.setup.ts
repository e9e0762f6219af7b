// Signs each role in once and saves the session for the specs (test.use({ storageState })).
import { test as setup, expect } from '@playwright/test';
import { ACCOUNTS, signIn, storageState, type AccountName } from './fixtures';

for (const who of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signIn(page, who);
    await expect(page).toHaveURL(who === 'organiser' ? /\/admin$/ : who === 'chair' ? /\/chair$/ : /\/jury$/);
    await page.context().storageState({ path: storageState(who) });
  });
}
