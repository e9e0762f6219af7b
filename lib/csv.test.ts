import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offset, parseCsv, toCsv } from './csv';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('reads plain records with their line numbers, skipping blank lines', () => {
    const r = parseCsv('a,b\n1,2\n\n3,4\n');
    expect(r).toEqual({ ok: true, records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }, { line: 4, fields: ['3', '4'] }] });
  });

  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const r = parseCsv('\uFEFFtitle,director\r\n"Hello, ""world""","line one\r\nline two"\r\nlast,""\r\n');
    expect(r.ok && r.records).toEqual([
      { line: 1, fields: ['title', 'director'] },
      { line: 2, fields: ['Hello, "world"', 'line one\r\nline two'] },
      { line: 4, fields: ['last', ''] },
    ]);
  });

  it('keeps a last record without a final line break, and empty fields', () => {
    expect(parseCsv('a,,c')).toEqual({ ok: true, records: [{ line: 1, fields: ['a', '', 'c'] }] });
    expect(parseCsv('a\r"b"')).toEqual({ ok: true, records: [{ line: 1, fields: ['a'] }, { line: 2, fields: ['b'] }] });
  });

  it('refuses an unterminated quote and text after a closing quote, naming the line', () => {
    expect(parseCsv('a\n"open,b\nc')).toEqual({ ok: false, line: 2, code: 'csv:unterminated' });
    expect(parseCsv('a\n"x"y,b')).toEqual({ ok: false, line: 2, code: 'csv:quote' });
  });

  it('round-trips Kazakh, Chinese and Russian titles exactly through toCsv', () => {
    const rows = [
      ['original_title', 'english_title'],
      ['Алмас қылыш', 'The Diamond Sword'],
      ['红海行动', 'Operation Red Sea, "extended"'],
      ['Движение вверх', 'Going\nVertical'],
      [' leading space', ''],
    ];
    const csv = toCsv(rows);
    const back = decodeUtf8(enc('\uFEFF' + csv));
    expect(back.ok).toBe(true);
    const parsed = parseCsv(back.ok ? back.text : '');
    expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
  });
});

describe('decodeUtf8', () => {
  it('strips a BOM and accepts 2-, 3- and 4-byte sequences', () => {
    expect(decodeUtf8(enc('\uFEFFқ中😀'))).toEqual({ ok: true, text: 'қ中😀' });
  });

  it('refuses Windows-1251 and Latin-1 bytes, naming the line of the first bad byte', () => {
    const cp1251 = new Uint8Array([...enc('title\nok\n'), 0xc0, 0xeb, 0xec, 0xe0, 0xf1]); // "Алмас" in cp1251
    expect(decodeUtf8(cp1251)).toEqual({ ok: false, line: 3 });
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0xe9, 0x61]))).toBe(1);
  });

  it('refuses overlong forms, surrogates and truncated sequences', () => {
    expect(invalidUtf8Offset(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(invalidUtf8Offset(enc('ok'))).toBe(-1);
  });
});

describe('formula cells (OWASP CSV injection)', () => {
  const EVIL = ['=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=x'];

  it('every export cell that a spreadsheet would run starts with a quote; numbers stay numbers', () => {
    const csv = toCsv([EVIL, [-3, '-0.5', 'plain', 7]]);
    const parsedRaw = csv.split('\r\n')[1];
    expect(parsedRaw).toBe('-3,-0.5,plain,7');
    // Read back without restoring: each cell is text starting with the quote.
    for (const cell of csv.split('\r\n')[0].match(/"(?:[^"]|"")*"|[^,]+/g)!) expect(cell.replace(/^"/, '')).toMatch(/^'/);
  });

  it('reading our own export gives the values back exactly', () => {
    const r = parseCsv(toCsv([EVIL]));
    expect(r.ok && r.records[0].fields).toEqual(EVIL);
  });
});

describe('parseCsv line numbers', () => {
  it('count physical lines, CRLF inside quotes once, with multi-byte text before', () => {
    const r = parseCsv('Алмас,"a\r\nb"\r\n\r\n红海,x\r\n"open');
    expect(r).toEqual({ ok: false, line: 5, code: 'csv:unterminated' });
    const ok = parseCsv('Алмас,"a\r\nb"\r\n\r\n红海,x\r\n');
    expect(ok.ok && ok.records.map((x) => x.line)).toEqual([1, 4]);
  });
});
