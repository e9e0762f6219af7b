// A small RFC 4180 CSV reader and writer: quoted fields with "" escapes, commas and line breaks
// inside quotes, CRLF/LF/CR line ends, a leading BOM. Bytes are decoded as strict UTF-8 first, so a
// file in another encoding is refused rather than silently garbled.

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

/**
 * Parses CSV text into records, each with the line on which it starts. Blank lines are skipped;
 * a field must be quoted entirely or not at all (a quote after a closing quote is an error).
 */
export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false; // the current field was quoted
  const endField = () => { fields.push(field); field = ''; quoted = false; };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '' && !quoted) {
      // A quoted field: read to the closing quote.
      const openLine = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: openLine, code: 'csv:unterminated' };
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (d === '\r' || d === '\n') {
          line++;
          if (d === '\r' && text[i + 1] === '\n') { field += '\r\n'; i += 2; continue; }
        }
        field += d;
        i++;
      }
      const n = text[i];
      if (n !== undefined && n !== ',' && n !== '\r' && n !== '\n') return { ok: false, line, code: 'csv:quote' };
      continue;
    }
    if (c === ',') { endField(); i++; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return { ok: true, records };
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes rows as CSV (CRLF line ends, as RFC 4180 has it), quoting only where needed. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((r) => r.map((v) => quote(v == null ? '' : String(v))).join(',')).join('\r\n') + '\r\n';
}
