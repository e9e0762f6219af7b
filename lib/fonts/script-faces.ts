// The @font-face rules of the large script families (Chinese, Devanagari, Arabic script), chosen per
// response for the characters the page can show, instead of every rule on every page: Noto Sans SC
// alone is about a hundred rules per weight (about 64 KB of gzipped CSS for two weights), most of
// them for characters no festival name uses. A rule is kept when its unicode-range holds a character
// of the text in its family's script, so the browser still fetches only the subset files the text
// on screen needs. Noto Sans (app/fonts/faces.ts) covers Latin and Cyrillic on every page.
// The rules are @fontsource's own (read from its CSS), with the files served by app/fonts/[file].
import fs from 'node:fs';
import path from 'node:path';

type Range = [number, number];
type Face = { family: string; css: string; ranges: Range[]; files: string[] };

/**
 * The families loaded on demand, in --font-sans order: the @fontsource files holding their rules and
 * the characters that bring them in. Chinese is split by unicode-range (one rule per subset); the
 * Devanagari and Arabic files are single subsets whose rules have no unicode-range, as when app/fonts/faces.ts
 * imported them: the browser may try them for any character Noto Sans and Chinese lack.
 */
export const SCRIPT_FAMILIES = [
  {
    pkg: 'noto-sans-sc', css: ['400.css', '700.css'],
    // Han, kana, CJK punctuation and full-width forms. Arrows and ticks in the messages are in this
    // font's subsets too, but every system font has them: they do not bring a Chinese file in.
    script: [[0x2e80, 0x2fdf], [0x3000, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xffef], [0x20000, 0x2fa1f]] as Range[],
  },
  { pkg: 'noto-sans-devanagari', css: ['devanagari-400.css', 'devanagari-700.css'], script: [[0x0900, 0x097f], [0xa8e0, 0xa8ff], [0x1cd0, 0x1cff]] as Range[] },
  {
    pkg: 'noto-naskh-arabic', css: ['arabic-400.css', 'arabic-700.css'],
    script: [[0x0600, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]] as Range[],
  },
] as const;

const FONTSOURCE = path.join(process.cwd(), 'node_modules', '@fontsource');
export const FONT_ROUTE = '/fonts';

export function parseRanges(value: string): Range[] {
  return value.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(lo, 16);
    return [a, hi ? parseInt(hi, 16) : a] as Range;
  });
}

/** The @font-face blocks of one @fontsource CSS file, their woff2 files served from FONT_ROUTE; no unicode-range: every character. */
export function parseFaces(css: string, version: string): Face[] {
  const faces: Face[] = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = m[1];
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    const files = [...body.matchAll(/url\(\.\/files\/([\w.-]+\.woff2)\)/g)].map((f) => f[1]);
    if (!family || files.length === 0) continue;
    // woff2 only: every browser that honours unicode-range reads it.
    const src = files.map((f) => `url(${FONT_ROUTE}/${f}?v=${version}) format('woff2')`).join(', ');
    const rest = body.replace(/\s*src:[^;]+;/, '').trim().replace(/\s+/g, ' ');
    faces.push({ family, ranges: range ? parseRanges(range) : [[0, 0x10ffff]], files, css: `@font-face{${rest} src:${src};}` });
  }
  return faces;
}

function readFaces(pkg: string, files: readonly string[]): Face[] {
  const dir = path.join(FONTSOURCE, pkg);
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return files.flatMap((f) => parseFaces(fs.readFileSync(path.join(dir, f), 'utf8'), version));
}

type Family = { faces: Face[]; script: readonly Range[]; byChar: Map<number, Face[]> };
export type FaceTable = { families: Family[] };

/** Each character of the family's script, to the rules whose unicode-range holds it. */
function family(faces: Face[], script: readonly Range[]): Family {
  const byChar = new Map<number, Face[]>();
  for (const face of faces) {
    for (const [lo, hi] of face.ranges) {
      for (const [a, b] of script) {
        for (let cp = Math.max(lo, a); cp <= Math.min(hi, b); cp++) {
          const list = byChar.get(cp);
          if (list) list.push(face);
          else byChar.set(cp, [face]);
        }
      }
    }
  }
  return { faces, script, byChar };
}

let table: FaceTable | undefined;
/** Parsed once per process: the installed @fontsource package's CSS does not change while it runs. */
export function faceTable(): FaceTable {
  table ??= { families: SCRIPT_FAMILIES.map((f) => family(readFaces(f.pkg, f.css), f.script)) };
  return table;
}

/** The font files a rule may point at, so that the route serves those and nothing else. */
export function fontFile(name: string): { pkg: string; file: string } | null {
  const t = faceTable();
  for (let i = 0; i < t.families.length; i++) {
    if (t.families[i].faces.some((f) => f.files.includes(name))) return { pkg: SCRIPT_FAMILIES[i].pkg, file: name };
  }
  return null;
}

/**
 * The rules the text needs, as one stylesheet (empty when it needs none): for each family, the rules
 * whose unicode-range holds a character of the text in the family's script. Chinese thus keeps only the
 * subsets holding the text's characters.
 */
export function scriptFaces(text: string, t: FaceTable = faceTable()): string {
  // Pages render with the same text over and over (the festival's names and one language's messages).
  const memo = t === table ? memos.get(text) : undefined;
  if (memo !== undefined) return memo;
  const css = selectFaces(text, t);
  if (t === table) {
    if (memos.size >= 16) memos.delete(memos.keys().next().value!);
    memos.set(text, css);
  }
  return css;
}
const memos = new Map<string, string>();

function selectFaces(text: string, t: FaceTable): string {
  const chars = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Below Arabic: Latin, Greek, Cyrillic, which Noto Sans covers.
    if (cp >= 0x0600) chars.add(cp);
  }
  const kept = new Set<Face>();
  for (const { byChar } of t.families) for (const cp of chars) for (const face of byChar.get(cp) ?? []) kept.add(face);
  // In the packages' order (weights together), as the browser would have read them.
  return t.families.flatMap((f) => f.faces.filter((face) => kept.has(face)).map((face) => face.css)).join('\n');
}
