// The four languages must have exactly the same keys: a missing key shows up as a raw key on screen.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from './config';
import { AREAS } from './messages';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj && typeof obj === 'object') return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('message files', () => {
  const dir = path.join(__dirname, '..', 'messages');
  it('exist for every locale and area, with no others', () => {
    for (const l of locales) expect(fs.readdirSync(path.join(dir, l)).sort()).toEqual(AREAS.map((a) => `${a}.json`).sort());
  });
  for (const area of AREAS) {
    it(`${area}: the same keys in en, zh, ru and kk, none empty`, () => {
      const load = (l: string) => JSON.parse(fs.readFileSync(path.join(dir, l, `${area}.json`), 'utf8'));
      const en = keys(load('en')).sort();
      for (const l of locales) {
        const m = load(l);
        expect(keys(m).sort(), `${l}/${area}.json`).toEqual(en);
        for (const k of keys(m)) expect(String(k.split('.').reduce((o: Record<string, unknown>, p) => o[p] as Record<string, unknown>, m)).trim(), `${l}:${k}`).not.toBe('');
      }
    });
  }
});
