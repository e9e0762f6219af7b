// Every export of every 'use server' module under app/ is an action built by serverAction (which
// marks what it returns), so the spec's checks, preparation, transaction and translated refusals
// are the only way in: a hand-written wrapper beside them fails here. Three exports stay outside,
// each for a reason that the spec machinery cannot serve; they are named below.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverActionName } from './server-action';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Exports that are not specs, and why. */
const OUTSIDE: Record<string, string> = {
  // Signing in has no session to check by definition: it runs next-auth's credential check
  // (throttle, slip or password) and sets next-auth's own cookie, then redirects.
  'app/login/actions.ts#signInWithPassword': 'the sign-in itself: no session yet, sets the session cookie',
  // Open to anyone, a visitor of /login or /results too; it writes only the caller's own row, if
  // any, and a cookie: there is no role to check and no audit entry to append.
  'app/locale-actions.ts#setLocale': 'the interface language: open to anyone, writes a cookie',
  // The benchmarks' baseline: the framework's own floor for an action round trip, which would not
  // be the floor if it went through the machinery it is measured against (bench/save.ts).
  'app/bench/actions.ts#noop': 'the benchmarks’ empty action: measures the framework without our machinery',
};

function serverModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...serverModules(file));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && /^\s*['"]use server['"]/.test(readFileSync(file, 'utf8'))) out.push(file);
  }
  return out;
}

describe("the exports of app/'s 'use server' modules", () => {
  const modules = serverModules(path.join(ROOT, 'app')).map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort();

  it('are found (the modules that export the actions)', () => {
    expect(modules).toEqual(expect.arrayContaining(['app/jury/actions.ts', 'app/admin/actions/jurors.ts', 'app/setup/actions.ts', 'app/account/actions.ts']));
  });

  it('are every one an action built by serverAction, but for the few named with their reason', async () => {
    const unmarked: string[] = [];
    let actions = 0;
    for (const m of modules) {
      const exports = (await import(path.join(ROOT, m))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        const key = `${m}#${name}`;
        if (serverActionName(value) !== null) actions++;
        else if (!(key in OUTSIDE)) unmarked.push(key);
      }
    }
    expect(unmarked).toEqual([]);
    expect(actions).toBeGreaterThan(50);
  });

  it('name only exports that exist among the exceptions', async () => {
    for (const key of Object.keys(OUTSIDE)) {
      const [m, name] = key.split('#');
      const exports = (await import(path.join(ROOT, m))) as Record<string, unknown>;
      expect(typeof exports[name], key).toBe('function');
      expect(serverActionName(exports[name]), key).toBeNull();
    }
  });

  it('a hand-written wrapper is told apart from an action', () => {
    expect(serverActionName(async (raw: unknown) => raw)).toBeNull();
  });
});
