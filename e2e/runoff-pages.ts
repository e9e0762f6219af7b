// Page objects of the runoff spec: the chair's desk and a juror's phone.
import { expect as baseExpect, type Page } from '@playwright/test';

// Expectations wait up to 30 s: a safety net for a loaded machine (closing a runoff was seen taking over 10 s
// under load 19, with the words walk's parts beside it); a passing run never waits for it.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Clicks the chair action's button, checks what its dialog says, and confirms. */
async function confirmAction(page: Page, testId: string, says: string | RegExp, confirm: string) {
  await page.getByTestId(testId).getByRole('button').first().click();
  const dialog = page.getByTestId(`${testId}-confirm`);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(says);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

export class ChairDesk {
  constructor(readonly page: Page, readonly code: string) {}

  get panel() { return this.page.getByTestId(`runoffs-${this.code}`); }

  async openRunoff(says: string | RegExp) {
    await expect(this.panel).toContainText(says);
    await confirmAction(this.page, `open-runoff-${this.code}`, 'Each vote is secret and cannot be changed', 'Open the runoff');
    await expect(this.page.getByTestId(`runoff-open-${this.code}`)).toBeVisible();
  }

  /**
   * The count of votes cast on the desk reaches `n` (and never says who chose what). For now by
   * reloading the page; the live counts (Server-Sent Events) will make the reload unnecessary.
   */
  /** The desk's count follows the votes live (the event stream re-renders the desk): no reload. */
  async expectVotesCast(n: number, entitled?: number) {
    const cast = this.page.getByTestId('runoff-votes-cast');
    await expect(cast).toHaveAttribute('data-cast', String(n));
    if (entitled !== undefined) await expect(cast).toHaveText(`${n} of ${entitled} jurors have voted`);
  }

  async closeRunoff() {
    await confirmAction(this.page, `close-runoff-${this.code}`, 'The votes are counted', 'Close and count');
    await expect(this.page.getByTestId(`runoff-open-${this.code}`)).toHaveCount(0);
  }

  /** A closed runoff's counts as the desk shows them, in the tie's order. */
  async expectResult(ordinal: number, counts: number[]) {
    const result = this.panel.getByTestId(`runoff-result-${ordinal}`);
    await expect(result.getByRole('listitem')).toHaveCount(counts.length);
    for (const [i, c] of counts.entries()) await expect(result.getByRole('listitem').nth(i)).toContainText(`${c} votes`);
  }
}

export class JurorPhone {
  /** `script`: false for a phone whose browser runs no JavaScript (the form posts, the page comes back). */
  constructor(readonly page: Page, readonly script = true) {}

  /** Votes for the `index`-th tied candidate, through the confirmation; returns the receipt shown. */
  async vote(index: number): Promise<string> {
    await this.page.goto('/jury');
    await expect(this.page.getByTestId('runoff-banner')).toBeVisible();
    const ballot = this.page.locator('[data-testid^="runoff-ballot-"]');
    await expect(ballot).toBeVisible();
    await ballot.getByRole('radio').nth(index).check();
    // With a script the app's dialog asks; without one, the button is a disclosure holding the question and the real submit.
    if (this.script) await ballot.getByRole('button', { name: 'Vote' }).click();
    else await ballot.locator('summary', { hasText: 'Vote' }).click();
    const dialog = this.page.getByTestId('runoff-confirm');
    await expect(dialog).toContainText('Your vote cannot be changed afterwards');
    await dialog.getByRole('button', { name: 'Cast my vote' }).click();
    const receipt = this.page.getByTestId('runoff-receipt-hash');
    await expect(receipt).toHaveText(/^[0-9a-f]{64}$/);
    return (await receipt.textContent())!;
  }

  /** Nothing waits for this juror: no banner, no runoff ballot. */
  async expectNothingWaiting() {
    await this.page.goto('/jury');
    await expect(this.page.getByTestId('runoff-banner')).toHaveCount(0);
    await expect(this.page.locator('[data-testid^="runoff-ballot-"]')).toHaveCount(0);
  }
}
