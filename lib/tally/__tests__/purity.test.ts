// The engine stays pure: no I/O, no framework, no clock, no randomness. Checked on the source.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('lib/tally sources', () => {
  const files = sources(root);

  it('are found', () => expect(files.length).toBeGreaterThan(10));

  for (const file of files) {
    const name = relative(root, file);
    const text = readFileSync(file, 'utf8');
    it(`${name} imports only its siblings and zod`, () => {
      const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec, spec).toMatch(/^(\.{1,2}\/|zod$)/);
    });
    it(`${name} uses no clock, randomness, environment or globals of the host`, () => {
      const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const banned of [/\bDate\b/, /Math\.random/, /\bprocess\./, /\brequire\(/, /\bcrypto\b/, /\bperformance\./, /\bfetch\(/, /\bconsole\./]) {
        expect(code).not.toMatch(banned);
      }
    });
    it(`${name} opens with a comment on its job`, () => expect(text.startsWith('// ')).toBe(true));
  }
});
