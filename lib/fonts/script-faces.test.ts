// Which @font-face rules a page carries for the text it can show, read from the installed @fontsource CSS.
import { describe, expect, it } from 'vitest';
import { fontFile, parseFaces, scriptFaces } from './script-faces';

const files = (css: string) => [...css.matchAll(/url\(\/fonts\/([\w.-]+)\?v=[\d.]+\)/g)].map((m) => m[1]);

describe('scriptFaces', () => {
  it('carries no rule for Latin and Cyrillic text, Kazakh letters, arrows and ticks included (Noto Sans and the system fonts cover them)', () => {
    expect(scriptFaces('Алмас қылыш · The Diamond Sword — Әсел Нұрланқызы ← → ✓ «Ләйла»')).toBe('');
  });

  it('carries, for Chinese, only the subsets holding its characters, in both weights', () => {
    const css = scriptFaces('韩三平 and 李娜');
    const names = files(css);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /^noto-sans-sc-\d+-(400|700)-normal\.woff2$/.test(n))).toBe(true);
    expect(names.filter((n) => n.includes('-400-')).length).toBe(names.filter((n) => n.includes('-700-')).length);
    // Out of about a hundred subsets per weight.
    expect(names.length).toBeLessThanOrEqual(2 * 5);
    // Each kept rule's unicode-range holds one of the characters.
    for (const rule of css.split('\n')) {
      const ranges = /unicode-range: ([^;]+);/.exec(rule)![1].split(',').map((r) => r.trim().slice(2).split('-').map((h) => parseInt(h, 16)));
      expect([...'韩三平李娜'].some((ch) => ranges.some(([lo, hi = lo]) => ch.codePointAt(0)! >= lo && ch.codePointAt(0)! <= hi))).toBe(true);
    }
  });

  it('carries the Devanagari and Arabic-script families only for text in those scripts', () => {
    expect(files(scriptFaces('राजेश कुमार'))).toEqual(['noto-sans-devanagari-devanagari-400-normal.woff2', 'noto-sans-devanagari-devanagari-700-normal.woff2']);
    expect(files(scriptFaces('عائشہ خان مریم رضایی'))).toEqual(['noto-naskh-arabic-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-700-normal.woff2']);
    expect(files(scriptFaces('韩三平'))).not.toContain('noto-sans-devanagari-devanagari-400-normal.woff2');
  });

  it('keeps @fontsource rules as they are written, pointing at the font route, woff2 only', () => {
    const [face] = parseFaces(
      "@font-face {\n  font-family: 'Noto Sans SC';\n  font-style: normal;\n  font-display: swap;\n  font-weight: 400;\n  src: url(./files/noto-sans-sc-4-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-4-400-normal.woff) format('woff');\n  unicode-range: U+1f1e9-1f1f5,U+1f21a;\n}",
      '5.3.0',
    );
    expect(face.css).toBe("@font-face{font-family: 'Noto Sans SC'; font-style: normal; font-display: swap; font-weight: 400; unicode-range: U+1f1e9-1f1f5,U+1f21a; src:url(/fonts/noto-sans-sc-4-400-normal.woff2?v=5.3.0) format('woff2');}");
    expect(face.ranges).toEqual([[0x1f1e9, 0x1f1f5], [0x1f21a, 0x1f21a]]);
  });
});

describe('fontFile', () => {
  it('serves the files the rules name and nothing else', () => {
    expect(fontFile('noto-sans-sc-118-400-normal.woff2')).toEqual({ pkg: 'noto-sans-sc', file: 'noto-sans-sc-118-400-normal.woff2' });
    expect(fontFile('noto-naskh-arabic-arabic-700-normal.woff2')?.pkg).toBe('noto-naskh-arabic');
    expect(fontFile('noto-sans-sc-118-400-normal.woff')).toBeNull();
    expect(fontFile('../../package.json')).toBeNull();
    expect(fontFile('noto-sans-latin-400-normal.woff2')).toBeNull();
  });
});
