// Generators of hostile inputs (fast-check): values that are invalid for a field of a given kind,
// extra fields, whole-body garbage, broken multipart and CSV files. Every generated payload is
// invalid by construction, so the database must not change at all while they are sent.
import fc from 'fast-check';

/** React's reply encoding turns these strings into real NaN / Infinity / -0 on the server. */
const REACT_SPECIALS = ['$NaN', '$Infinity', '$-Infinity', '$-0', '$undefined'];
// Strings React would decode as references: hostile clients can send them.
const REACT_REFS = ['$K1', '$Q1', '$W1', '$@1', '$F1', '$T', '$B1', '$1', '$Z', '$D', '$n', '$nxyz', '$Dnot-a-date', '$h1', '$R1'];

const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\u202e', '\ud800', '\udfff', '\ufeff', 'e\u0301', '👩‍👩‍👧‍👦', '\u200b', 'ℕ𝕒𝕟', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '\r\n', 'null', 'undefined', 'NaN'),
);

const junkScalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...REACT_SPECIALS, ...REACT_REFS),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 53), 5e-324, 0.1 + 0.2),
  unicode,
);

const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, junkScalar, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('any'), { maxKeys: 4 })),
})).any;

const nonString = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.array(junkScalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), junkScalar, { maxKeys: 3 }));
const nonNumber = fc.oneof(fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }), unicode.filter((s) => !/^\s*-?\d/.test(s) && !s.startsWith('$')));

export type FieldKind =
  | { kind: 'id' } | { kind: 'score' } | { kind: 'text'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] } | { kind: 'flag' } | { kind: 'idList' } | { kind: 'literalObject' }
  // A whole number in [min, max] (as a number or a numeric string), e.g. a scale bound.
  | { kind: 'integer'; min: number; max: number };

/** A value that the field's schema (or the handler) refuses. `form`: the value travels as a form
 *  field, where everything becomes a string (16 arrives as "16", a valid name or login), so only
 *  values that are invalid as strings are generated for text fields and for enum fields without
 *  values (a login, a country, a confirmation). */
export function invalidFor(f: FieldKind, opts: { form?: boolean } = {}): fc.Arbitrary<unknown> {
  // As a form field every value is a string: a number or null would arrive as "16" or "null".
  const notString = opts.form ? [] : [nonString];
  switch (f.kind) {
    case 'id':
      return fc.oneof(
        fc.constantFrom(0, -1, -(2 ** 31), 1.5, 2 ** 40, 1e308, '$NaN', '$Infinity', '$-Infinity', '', ' 1', '1 ', '12abc', '0x10', '1e3', '-3', '9999999999'),
        fc.integer({ min: 900_000, max: 2 ** 31 - 1 }), // well-formed, but no such row
        fc.integer({ max: 0 }),
        fc.double({ noInteger: true }),
        nonNumber,
      );
    case 'score':
      // null is a valid score (it clears one): never generated here.
      return fc.oneof(
        fc.integer({ min: 11, max: 1e9 }), fc.integer({ min: -1e9, max: 0 }),
        fc.double({ min: 1, max: 10, noInteger: true }).filter((d) => Math.abs(d - Math.round(d)) > 1e-6),
        fc.constantFrom('$NaN', '$Infinity', '$-Infinity', 1e308, -1e308, '5.5', '11', '0', '5e0', ' 5', '5 ', 'five', '', 10.000001, 0.999999),
        // Values a float check with a tolerance lets through (a step plus noise, a denormal, negative
        // zero as JSON and as React's "$-0", a step written twice over): one exact spelling per score.
        fc.constantFrom(5 + 1e-12, 5.000000000001, 1e-300, -0, '$-0', '5.0', '05', 7.499999999999999),
        nonNumber.filter((v) => v !== null),
      );
    case 'text':
      return fc.oneof(
        ...notString,
        fc.integer({ min: f.max + 1, max: f.max + 300 }).map((n) => 'x'.repeat(n)),
        fc.constantFrom('\u{1F600}'.repeat(f.max + 1)),
        ...(f.min > 0 ? [fc.constantFrom('', ' ', '\n\t ', ' '.repeat(f.max)), fc.string({ maxLength: Math.max(0, f.min - 1) }).filter((s) => s.trim().length < f.min)] : []),
      );
    case 'enum':
      // No values: a string no such field accepts (a login, a country, a nomination code, a confirmation).
      if (f.values.length === 0) return fc.oneof(...notString, unicode.map((s) => `${s} \u0000$`), fc.integer({ min: 65, max: 2000 }).map((n) => 'Z'.repeat(n) + '$'));
      return fc.oneof(nonString, unicode.filter((s) => !f.values.includes(s)), fc.constantFrom(...f.values.map((v) => v.toUpperCase() + ' ')));
    case 'flag':
      return fc.oneof(fc.constantFrom('yes', 'no', 'TRUE', 2, -1, 'on ', '', [], {}), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));
    case 'idList':
      return fc.oneof(nonString.filter((v) => !Array.isArray(v)), fc.constant([]), fc.array(invalidFor({ kind: 'id' }), { minLength: 2, maxLength: 5 }), fc.constant(Array.from({ length: 600 }, (_, i) => i + 1)));
    case 'integer':
      return fc.oneof(
        fc.integer({ min: f.max + 1, max: f.max + 1e9 }), fc.integer({ min: f.min - 1e9, max: f.min - 1 }),
        fc.integer({ min: f.max + 1, max: f.max + 1e6 }).map(String),
        fc.double({ min: f.min, max: f.max, noInteger: true, noNaN: true }).filter((d) => Math.abs(d - Math.round(d)) > 1e-6),
        fc.constantFrom('$NaN', '$Infinity', '$-Infinity', 1e308, -1e308, ' 5', '5 ', '5e0', '0x5', '+5', 'five', ''),
        nonNumber,
      );
    case 'literalObject':
      return fc.oneof(nonString.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)));
  }
}

const EXTRA_KEYS = ['jurorId', 'juror_id', 'role', 'userId', 'actorId', 'phase', 'id', 'constructor', 'prototype', 'value', 'active', 'passwordHash'];

/** An object payload: the base with at least one required field invalid, and maybe extra fields. */
export function corruptObject(base: Record<string, unknown>, fields: Record<string, FieldKind>, opts: { form?: boolean } = {}): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields);
  return fc
    .record({
      broken: fc.subarray(names, { minLength: 1 }),
      missing: fc.boolean(),
      extras: fc.dictionary(fc.constantFrom(...EXTRA_KEYS), junk, { maxKeys: 3 }),
      seeds: fc.tuple(...names.map((n) => invalidFor(fields[n], opts))),
    })
    .map(({ broken, missing, extras, seeds }) => {
      const out: Record<string, unknown> = { ...extras, ...base };
      for (const n of broken) {
        if (missing && broken.length === 1 && n !== 'value') delete out[n];
        else out[n] = seeds[names.indexOf(n)];
      }
      return out;
    });
}

/** Whole-body hostility: not an argument list, or a list whose argument is not an object. */
export const junkArgs: fc.Arbitrary<unknown[]> = fc.oneof<fc.Arbitrary<unknown[]>[]>(
  fc.tuple(fc.oneof(nonString.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), unicode.filter((s) => !['en', 'zh', 'ru', 'kk'].includes(s)))),
  fc.constant([] as unknown[]),
  fc.array(junkScalar, { minLength: 2, maxLength: 5 }),
);

const TEXT = 'text/plain;charset=UTF-8'; // what React's client sends an action's arguments as

/** A raw body that is not a well-formed action request at all. */
export const junkBody: fc.Arbitrary<{ body: string | Uint8Array; contentType: string | null; label: string }> = fc.oneof(
  fc.constantFrom(
    { body: '[{"candidateId":', contentType: TEXT, label: 'truncated json' },
    { body: '', contentType: TEXT, label: 'empty' },
    { body: 'not json at all', contentType: TEXT, label: 'text' },
    { body: '{"__proto__":{"role":"organiser","isAdmin":true}}', contentType: TEXT, label: '__proto__ object' },
    { body: '[{"__proto__":{"role":"organiser"},"constructor":{"prototype":{"role":"chair"}}}]', contentType: TEXT, label: '__proto__ arg' },
    { body: '["$K1"]', contentType: TEXT, label: 'dangling FormData ref' },
    { body: '["$@1"]', contentType: TEXT, label: 'dangling promise ref' },
    { body: '["$F1"]', contentType: TEXT, label: 'dangling server ref' },
    { body: '["$Q1"]', contentType: TEXT, label: 'dangling map ref' },
    { body: '[' + '['.repeat(5000) + ']'.repeat(5000) + ']', contentType: TEXT, label: 'deep nesting' },
    { body: JSON.stringify(Array.from({ length: 1500 }, () => 1)), contentType: TEXT, label: '1500 arguments' },
    { body: '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--x', contentType: 'multipart/form-data; boundary=x', label: 'unterminated multipart' },
    { body: 'garbage', contentType: 'multipart/form-data; boundary=x', label: 'multipart without parts' },
    { body: 'garbage', contentType: 'multipart/form-data', label: 'multipart without boundary' },
    // A dangling promise ref: `["$K9"]` would be React's empty form, a valid call to an action that takes no input (publish).
    { body: '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$@9"]\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x', label: 'multipart dangling ref' },
    { body: '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"a":1}\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x', label: 'multipart broken json' },
    { body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', label: 'urlencoded' },
    { body: '{"candidateId":1,"value":5}', contentType: 'application/json', label: 'json content-type' },
  ),
  fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => ({ body: b, contentType: TEXT, label: 'random bytes' })),
  fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => ({ body: b, contentType: 'multipart/form-data; boundary=----x', label: 'random multipart bytes' })),
  fc.integer({ min: 1_048_577, max: 1_300_000 }).map((n) => ({ body: JSON.stringify([{ candidateId: 1, note: 'x'.repeat(n) }]), contentType: TEXT, label: 'over 1 MB' })),
  fc.string({ maxLength: 200 }).map((s) => ({ body: s, contentType: TEXT, label: 'random text' })),
);

const GOOD_HEAD = 'english_title,director,country';

/** A CSV file with at least one defect that refuses the whole import. */
export const brokenCsv: fc.Arbitrary<{ bytes: Uint8Array; label: string }> = fc.oneof(
  fc.constantFrom(
    { text: '', label: 'empty' },
    { text: GOOD_HEAD + '\n', label: 'header only' },
    { text: 'title_en,director\nA,B\n', label: 'unknown and missing columns' },
    { text: GOOD_HEAD + '\n"Unclosed,Someone,KZ\n', label: 'unclosed quote' },
    { text: GOOD_HEAD + '\nA,B\n', label: 'too few fields' },
    { text: GOOD_HEAD + '\nA,B,KZ,extra\n', label: 'too many fields' },
    { text: GOOD_HEAD + '\nA,B,Atlantis\n', label: 'unknown country' },
    { text: GOOD_HEAD + ',year\nA,B,KZ,1700\n', label: 'year out of range' },
    { text: GOOD_HEAD + ',runtime\nA,B,KZ,-5\n', label: 'negative runtime' },
    { text: GOOD_HEAD + '\nA,B,KZ\nA,B,KZ\n', label: 'duplicate film' },
    { text: GOOD_HEAD + ',english_title\nA,B,KZ,C\n', label: 'duplicate column' },
    { text: 'id,' + GOOD_HEAD + '\n999999,A,B,KZ\n', label: 'unknown id' },
    { text: GOOD_HEAD + '\n,B,KZ\n', label: 'empty title' },
    { text: GOOD_HEAD + '\n' + 'x'.repeat(400) + ',B,KZ\n', label: 'title too long' },
    { text: 'nomination,film,person\nbest_nothing,A,B\n', label: 'performance: unknown nomination' },
  ).map(({ text, label }) => ({ bytes: new TextEncoder().encode(text), label })),
  fc.uint8Array({ minLength: 1, maxLength: 500 }).map((b) => ({ bytes: Uint8Array.from([0xff, 0xfe, 0xc3, ...b]), label: 'not UTF-8' })),
  fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { minLength: 1, maxLength: 6 }).map((cells) => ({ bytes: new TextEncoder().encode(`${GOOD_HEAD}\n${cells.join(',')},"\n`), label: 'random cells, unclosed quote' })),
  fc.integer({ min: 1_000_001, max: 1_040_000 }).map((n) => ({ bytes: new TextEncoder().encode(GOOD_HEAD + '\n' + 'a'.repeat(n)), label: 'over 1 MB file' })),
);
