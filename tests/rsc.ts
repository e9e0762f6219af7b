// Reads a React Server Components stream (the body Next.js answers a server-action call with), for
// the tests that call actions over HTTP: e2e/actions.ts and tests/reliability/lib/client.ts. The one
// reader of this private format; rsc.test.ts checks it on a response captured from a real build, and
// every end-to-end test that reads an action's result checks it on the running build.
//
// The stream is a sequence of rows `<hex id>:<row>`, in any order: most rows are JSON ending with a
// newline; a text row is `T<hex byte length>,<text>` with no newline; other rows start with an
// upper-case tag (I for a module import, E for an error, …); hints have no id (`:HL[…]`). Row 0 is the
// root. A string in a row that starts
// with "$" is a reference or an escape: "$@<hex>" (a promise) and "$<hex>" name another row, "$$…" is
// an escaped "$", "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$D<ISO date>", "$n<bigint>".
// Next.js's reply to an action call has the root {"a": <the action's result>, …}.

export type RscRow = { json: true; value: unknown } | { json: false; text: string };

/** The rows of the stream by id. */
export function rscRows(body: string | Uint8Array): Map<number, RscRow> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const rows = new Map<number, RscRow>();
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a /* : */, i);
    if (colon < 0) break;
    const id = bytes.subarray(i, colon).toString('latin1');
    if (!/^[0-9a-f]*$/.test(id)) break; // not an RSC stream (a plain-text refusal, an HTML page)
    i = colon + 1;
    if (id === '') {
      // A row without an id: a hint to the browser (":HL[…]", preload a style sheet). Nothing to read.
      const end = bytes.indexOf(0x0a, i);
      i = end < 0 ? bytes.length : end + 1;
      continue;
    }
    if (bytes[i] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c /* , */, i);
      const length = parseInt(bytes.subarray(i + 1, comma).toString('latin1'), 16);
      rows.set(parseInt(id, 16), { json: false, text: bytes.subarray(comma + 1, comma + 1 + length).toString('utf8') });
      i = comma + 1 + length;
      continue;
    }
    let end = bytes.indexOf(0x0a /* \n */, i);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(i, end).toString('utf8');
    i = end + 1;
    if (/^[A-Z]/.test(line)) {
      rows.set(parseInt(id, 16), { json: false, text: line });
      continue;
    }
    try {
      rows.set(parseInt(id, 16), { json: true, value: JSON.parse(line) });
    } catch {
      rows.set(parseInt(id, 16), { json: false, text: line });
    }
  }
  return rows;
}

/** A row's value with its references followed and its escapes decoded. */
export function rscValue(rows: ReadonlyMap<number, RscRow>, value: unknown, seen: ReadonlySet<number> = new Set()): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith('$')) return value;
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) {
      const id = parseInt(ref[1], 16);
      const row = rows.get(id);
      if (!row || !row.json || seen.has(id)) return undefined;
      return rscValue(rows, row.value, new Set([...seen, id]));
    }
    if (value.startsWith('$$')) return value.slice(1);
    if (value === '$undefined') return undefined;
    if (value === '$NaN') return NaN;
    if (value === '$Infinity') return Infinity;
    if (value === '$-Infinity') return -Infinity;
    if (value === '$-0') return -0;
    if (value.startsWith('$D')) return new Date(value.slice(2));
    if (value.startsWith('$n')) return BigInt(value.slice(2));
    return value; // a reference this reader has no use for (modules, streams, …): left as written
  }
  if (Array.isArray(value)) return value.map((v) => rscValue(rows, v, seen));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const x = rscValue(rows, v, seen);
      if (x !== undefined) out[k] = x;
    }
    return out;
  }
  return value;
}

/** The server action's return value from Next.js's reply (undefined if the body is no such reply). */
export function actionResult(body: string | Uint8Array): unknown {
  const rows = rscRows(body);
  const root = rows.get(0);
  if (!root?.json || !root.value || typeof root.value !== 'object' || !('a' in root.value)) return undefined;
  return rscValue(rows, (root.value as { a: unknown }).a, new Set([0]));
}
