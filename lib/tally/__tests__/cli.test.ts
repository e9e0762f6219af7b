// scripts/tally.ts: JSON and table output, and exit code 2 with a clear message on bad input.
// The cases run the command's logic in-process (scripts/tally-cli.ts); one test runs the real
// `npm run tally` so the wiring (tsx, argv, stdout, exit code) is checked too.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tallyCli } from '@/scripts/tally-cli';
import { parseTallyInput, tally } from '..';

const repo = join(__dirname, '../../..');
const example = join(repo, 'docs/tally-example.json');

function expected() {
  const parsed = parseTallyInput(JSON.parse(readFileSync(example, 'utf8')));
  if (!parsed.ok) throw new Error('the example must be valid');
  return tally(parsed.input);
}

describe('npm run tally', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(example, 'utf8')), scores: [{ juror: 'j1', candidate: 'best_film:prince', value: 10.5 }] }));
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{ "version": 1,');

  it('prints the result as JSON', () => {
    const json = tallyCli([example]);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual(expected());
  });

  it('prints the result as a table', () => {
    const table = tallyCli([example, '--format', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^best_director \(main\): decided \| winner: best_director:diamond-sword/m);
    expect(table.stdout).toMatch(/rank\s+candidate\s+film\s+aggregate\s+counted\s+reasons/);
    expect(table.stdout).toMatch(/best_film:film-03\s+film-03\s+8\.60\s+5\s+WINNER/);
  });

  it('compares the methods', () => {
    const compare = tallyCli([example, '--compare', '--format=table']);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toMatch(/depends on method/);
  });

  it('refuses bad input with exit code 2 and a clear message', () => {
    const invalid = tallyCli([bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/scores\[0\]\.value: The score 10\.5 is outside the scale 1\.\.10\. \[invalid:score_range\]/);
    const broken = tallyCli([notJson]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    const missing = tallyCli([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const usage = tallyCli([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: tally FILE\.json/);
    expect(tallyCli([example, '--format', 'xml']).code).toBe(2);
    expect(tallyCli([example, '--method', 'nope']).code).toBe(2);
  });

  // The one subprocess: the real command, as the README shows it. The timeout is a safety net for a
  // loaded machine (npm + tsx start in a few seconds when idle), not what is tested.
  it('runs as `npm run tally` and prints the same result', async () => {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('npm', ['run', '--silent', 'tally', '--', example], { cwd: repo, maxBuffer: 16 * 2 ** 20 }, (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
      });
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected());
  }, 120_000);
});
