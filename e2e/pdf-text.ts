// The text of each page of a PDF that Chromium printed, read without a PDF library: enough of the
// format for Chromium's (Skia's) output, whose fonts carry ToUnicode maps and whose page contents
// are Flate streams. Used to check what a printed page really shows (page numbers, signature lines).
import { inflateSync } from 'node:zlib';

type PdfObject = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const body = s.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      const dataStart = start + at + body.slice(at).match(/^stream\r?\n/)![0].length;
      const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1] ?? -1);
      const raw = length >= 0 ? pdf.subarray(dataStart, dataStart + length) : pdf.subarray(dataStart, s.indexOf('endstream', dataStart));
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** Glyph code (hex, 4 digits) -> text, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(code.toUpperCase().padStart(4, '0'), hex(uni));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      for (let c = parseInt(lo, 16), u = parseInt(uni, 16); c <= parseInt(hi, 16); c++, u++) map.set(c.toString(16).toUpperCase().padStart(4, '0'), String.fromCodePoint(u));
    }
  }
  return map;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1] ?? NaN);

/** Each page's text in reading order of the content stream (glyphs of one show operation joined). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const cmaps = new Map<number, Map<string, string>>();
  const fontMap = (fontRef: number) => {
    if (!cmaps.has(fontRef)) {
      const uni = ref(objs.get(fontRef)?.dict ?? '', 'ToUnicode');
      cmaps.set(fontRef, toUnicode(objs.get(uni)?.stream?.toString('latin1') ?? ''));
    }
    return cmaps.get(fontRef)!;
  };
  // Pages in document order: walk the page tree from the catalog's /Pages.
  const pages: number[] = [];
  const walk = (n: number) => {
    const d = objs.get(n)?.dict ?? '';
    if (/\/Type\s*\/Pages\b/.test(d)) for (const [, k] of /\/Kids\s*\[([^\]]*)\]/.exec(d)![1].matchAll(/(\d+) 0 R/g)) walk(Number(k));
    else if (/\/Type\s*\/Page\b/.test(d)) pages.push(n);
  };
  const root = [...objs.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict))!;
  walk(ref(root.dict, 'Pages'));
  return pages.map((n) => {
    let d = objs.get(n)!.dict;
    const resRef = ref(d, 'Resources');
    if (!Number.isNaN(resRef)) d += objs.get(resRef)!.dict;
    const fontsDict = /\/Font\s*<<([^>]*)>>/.exec(d)?.[1] ?? (objs.get(ref(d, 'Font'))?.dict ?? '');
    const fonts = new Map([...fontsDict.matchAll(/\/(\S+)\s+(\d+) 0 R/g)].map(([, name, r]) => [name, Number(r)]));
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(d)?.[1].match(/\d+(?= 0 R)/g)?.map(Number) ?? [ref(d, 'Contents')];
    let text = '';
    let font = new Map<string, string>();
    for (const c of contents) {
      const content = objs.get(c)?.stream?.toString('latin1') ?? '';
      for (const [, fontName, hexText, op] of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|(T\*|Td|TD|Tm|ET)\b/g)) {
        if (fontName) font = fontMap(fonts.get(fontName) ?? NaN);
        else if (hexText !== undefined) text += (hexText.toUpperCase().match(/.{4}/g) ?? []).map((g) => font.get(g) ?? '').join('');
        else if (op) text += ' ';
      }
    }
    return text.replace(/\s+/g, ' ').trim();
  });
}
