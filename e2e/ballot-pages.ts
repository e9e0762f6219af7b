// Page objects for the juror's ballot in its three views (cards, compact, one film), and the pieces
// of the chair's desk the ballot tests read. Every wait is on a state the page shows.
import { expect, type Locator, type Page } from '@playwright/test';

export type Layout = 'cards' | 'compact';

export class BallotPage {
  constructor(readonly page: Page) {}

  async goto(code: string) {
    await this.page.goto(`/jury/${code}`);
    await expect(this.page.getByTestId('save-state')).toBeAttached();
  }

  /** Picks a layout with the switch; the choice is stored, so the reload shows it again. */
  async useLayout(layout: Layout) {
    const button = this.page.getByTestId(`view-${layout}`);
    // The choice is stored by a server action: wait for its answer, not only for the switch.
    const stored = this.page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);
    await button.click();
    await stored;
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(this.page.getByTestId('compact-ballot')).toHaveCount(layout === 'compact' ? 1 : 0);
  }

  get rows(): Locator { return this.page.getByTestId('candidate'); }
  row(candidateId: number): Locator { return this.page.locator(`[data-testid=candidate][data-candidate="${candidateId}"]`); }
  async candidateIds(): Promise<number[]> {
    return (await this.rows.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.candidate))));
  }

  /** Scores one candidate with the mouse (a tap on a phone). */
  async clickScore(candidateId: number, value: number) {
    const radio = this.row(candidateId).getByRole('radio', { name: String(value), exact: true });
    await radio.click();
    await expect(radio).toHaveAttribute('aria-checked', 'true');
  }

  async checkedValue(candidateId: number): Promise<string | null> {
    const checked = this.row(candidateId).getByRole('radio', { checked: true });
    return (await checked.count()) ? checked.innerText() : null;
  }

  async waitSaved() {
    await expect(this.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }

  /** Submits through the confirmation, by mouse. */
  async submit() {
    await this.page.getByRole('button', { name: 'Submit ballot' }).click();
    await this.page.getByTestId('submit-confirm').getByRole('button', { name: 'Lock and submit' }).click();
    await expect(this.page.getByTestId('receipt')).toBeVisible();
  }

  /** Submits through the confirmation by keyboard alone: Enter on the button, Tab past "Cancel", Enter. */
  async submitByKeyboard() {
    await this.page.getByRole('button', { name: 'Submit ballot' }).focus();
    await this.page.keyboard.press('Enter');
    const confirm = this.page.getByTestId('submit-confirm');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await this.page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Lock and submit' })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('receipt')).toBeVisible();
  }
}

export class FilmBallotPage {
  constructor(readonly page: Page) {}

  async goto(filmId: number) {
    await this.page.goto(`/jury/by-film/${filmId}`);
    await expect(this.page.getByTestId('film-ballot')).toBeVisible();
  }

  get rows(): Locator { return this.page.getByTestId('candidate'); }

  /** Tab from the top of a freshly loaded page to the first score control; returns the presses. */
  async tabToFirstScore(): Promise<number> {
    for (let n = 1; n <= 60; n++) {
      await this.page.keyboard.press('Tab');
      if (await this.page.evaluate(() => document.activeElement?.getAttribute('role') === 'radio')) return n;
    }
    throw new Error('no score control reachable by Tab');
  }

  /** Scores every row by keyboard: a digit (0 = 10), then J to the next row. */
  async scoreRowsByKeyboard(values: number[]) {
    for (const [i, v] of values.entries()) {
      const row = this.rows.nth(i);
      await expect(row.locator('[role=radio]:focus')).toHaveCount(1);
      await this.page.keyboard.press(v === 10 ? '0' : String(v));
      await expect(row.getByRole('radio', { checked: true })).toHaveText(String(v));
      if (i < values.length - 1) await this.page.keyboard.press('j');
    }
  }

  async waitSaved() {
    await expect(this.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }
}

/** The chair's tally of one nomination, as rows of text (rank, candidate, aggregate, counted, distribution…). */
export async function tallyRows(page: Page, code: string): Promise<string[]> {
  await page.goto('/chair');
  const block = page.getByTestId(`tally-${code}`);
  await expect(block).toBeVisible();
  return block.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}
