// CSV through maintained libraries (csv-parse / csv-stringify, RFC 4180: quoted fields with ""
// escapes, commas and line breaks inside quotes, CRLF/LF/CR line ends, a leading BOM), behind the
// small interface the rest of the app uses: records with the line each starts on, errors naming a
// line, and an export writer that neutralises spreadsheet formulas. Bytes are decoded as strict
// UTF-8 first, so a file in another encoding is refused rather than silently garbled.
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type CsvRecord = { line: number; fields: string[] };
export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; code: 'csv:quote' | 'csv:unterminated' | 'csv:encoding' };

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Strict UTF-8 decoding; on failure, the 1-based line on which the first bad byte sits. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, line };
  }
  let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** 1-based line of each byte offset: counts CRLF, LF and lone CR as one line break each. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    // Offsets are asked for in increasing order: one pass over the bytes in all.
    for (; at < offset && at < bytes.length; at++) {
      const b = bytes[at];
      if (b === 0x0a || (b === 0x0d && bytes[at + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

/** The offset of the first byte after `from` that is not a line break (skipped blank lines). */
function skipBreaks(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

/**
 * Parses CSV text into records, each with the line on which it starts. Blank lines are skipped;
 * a field must be quoted entirely or not at all (a quote after a closing quote is an error).
 * Errors name the line on which the record that cannot be read starts. A cell our own export
 * neutralised ('=…, see toCsv) reads back as it was.
 */
export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bytes = Buffer.from(text, 'utf8');
  const lineAt = lineCounter(bytes);
  const records: CsvRecord[] = [];
  let end = 0; // byte offset after the last record read (csv-parse counts bytes, not characters)
  try {
    parse(bytes, {
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (fields: string[], ctx) => {
        records.push({ line: lineAt(skipBreaks(bytes, end)), fields: fields.map(restoreFormula) });
        end = ctx.bytes;
        return null; // kept here, with its line; csv-parse need not collect them too
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = lineAt(skipBreaks(bytes, end));
    return { ok: false, line, code: e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'csv:unterminated' : 'csv:quote' };
  }
  return { ok: true, records };
}

/**
 * OWASP's rule against CSV (formula) injection: a cell a spreadsheet would read as a formula or a
 * command (starting with = + - @, tab or carriage return) is prefixed with a single quote, so it
 * shows as text. Every export goes through toCsv, so no export can carry a live formula.
 */
export function neutraliseFormula(v: string): string {
  // A plain number ("-3", "-0.5") is no formula: it stays a number in the spreadsheet.
  return /^[=+\-@\t\r]/.test(v) && !/^-\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
}

/** Undoes neutraliseFormula on import, so that an exported list imports back exactly. */
function restoreFormula(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) && !/^'-\d+(\.\d+)?$/.test(v) ? v.slice(1) : v;
}

/** Writes rows as CSV (CRLF line ends, as RFC 4180 has it), quoting where needed, formulas neutralised. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((v) => (v == null ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v))));
  // Fields with surrounding spaces are quoted too, so that no reader trims them away; so is any line
  // break (csv-stringify itself quotes only the record delimiter's own characters in sequence).
  return stringify(cells, { record_delimiter: '\r\n', quoted_match: [/^\s|\s$/, /[\r\n]/] });
}
