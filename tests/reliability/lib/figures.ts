// Figures of each reliability test, written as JSON under test-results/reliability/ and turned
// into docs/RELIABILITY.md by tests/reliability/report.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FULL = process.env.RELIABILITY_MODE === 'full';
export const MODE = FULL ? 'full' : 'short';
// Outside test-results/: Playwright empties that folder whenever it starts a run.
export const FIGURES_DIR = process.env.RELIABILITY_FIGURES_DIR || path.join(os.tmpdir(), 'jury-reliability-figures');

/** Picks the full-run or the short-run size. */
export function size(full: number, short: number): number {
  return FULL ? full : short;
}

export interface Figures {
  title: string;
  /** What was checked, one sentence. */
  claim: string;
  rows: Record<string, string | number>;
  notes?: string[];
}

export function record(id: string, f: Figures & { ms: number }) {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  fs.writeFileSync(path.join(FIGURES_DIR, `${id}.json`), JSON.stringify({ id, mode: MODE, at: new Date().toISOString(), ...f }, null, 2));
}
