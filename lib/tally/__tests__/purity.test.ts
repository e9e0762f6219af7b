// The engine stays pure: no I/O, no framework, no clock, no randomness. Checked on the source.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
// The one file outside the engine it may load: the ground floor's plain lists (the methods).
const enums = resolve(root, '../../db/enums.ts');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('lib/tally sources', () => {
  it('db/enums.ts, the one file outside the engine it loads, imports nothing', () => {
    expect(importsOf(readFileSync(enums, 'utf8'))).toEqual([]);
  });

  const files = sources(root);

  it('are found', () => expect(files.length).toBeGreaterThan(10));

  for (const file of files) {
    const name = relative(root, file);
    const text = readFileSync(file, 'utf8');
    it(`${name} imports only its siblings, db/enums and zod`, () => {
      for (const spec of importsOf(text)) {
        expect(spec, spec).toMatch(/^(\.{1,2}\/|zod$)/);
        if (spec === 'zod') continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(root + '/')) expect(`${target}.ts`, spec).toBe(enums);
      }
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
