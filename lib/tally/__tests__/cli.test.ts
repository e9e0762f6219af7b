// scripts/tally.ts: JSON and table output, and exit code 2 with a clear message on bad input.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTallyInput, tally } from '..';

const repo = join(__dirname, '../../..');
const example = join(repo, 'docs/tally-example.json');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/tally.ts'), ...args], { cwd: repo }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run tally', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(example, 'utf8')), scores: [{ juror: 'j1', candidate: 'best_film:prince', value: 10.5 }] }));
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{ "version": 1,');

  it('prints the result as JSON, a table, or a comparison of methods; and refuses bad input', async () => {
    const [json, table, compare, invalid, broken] = await Promise.all([
      run(example),
      run(example, '--format', 'table'),
      run(example, '--compare', '--format=table'),
      run(bad),
      run(notJson),
    ]);
    const [missing, usage] = await Promise.all([run(join(dir, 'nope.json')), run()]);
    const parsed = parseTallyInput(JSON.parse(readFileSync(example, 'utf8')));
    if (!parsed.ok) throw new Error('the example must be valid');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(tally(parsed.input));

    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^best_director \(main\): decided \| winner: best_director:diamond-sword/m);
    expect(table.stdout).toMatch(/rank\s+candidate\s+film\s+aggregate\s+counted\s+reasons/);
    expect(table.stdout).toMatch(/best_film:film-03\s+film-03\s+8\.60\s+5\s+WINNER/);

    expect(compare.code).toBe(0);
    expect(compare.stdout).toMatch(/depends on method/);

    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/scores\[0\]\.value: The score 10\.5 is outside the scale 1\.\.10\. \[invalid:score_range\]/);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: tally FILE\.json/);
  }, 30_000);
});
