// The floors of docs/ARCHITECTURE.md, checked on the source's import lines (no module is loaded):
// - db/ is the ground: it imports nothing of lib/, app/ or i18n/;
// - app/ reads data through lib/: no drizzle, no database handle of its own, no query built on one;
//   the schema and db/index only for their types, db/enums for its plain lists;
// - production code (app/, lib/) never imports the test helpers or Vitest;
// - no two folders of lib/ import each other, directly or round a longer loop.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /(\.test\.(ts|tsx)$|\/__tests__\/)/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'migrations' ? [] : sources(rel);
    return SOURCE.test(e.name) ? [rel] : [];
  });
}

export interface Import {
  spec: string;
  /** `import type`, `export type`, or braces that name types only: nothing is loaded at run time. */
  typeOnly: boolean;
  names: string[];
  line: string;
}

/** The import and re-export lines of a source text, and its dynamic imports. */
export function importsOf(text: string): Import[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const braces = /\{([^}]*)\}/.exec(m[3])?.[1];
    const entries = braces ? braces.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const typeOnly = !!m[2] || (m[3].trim().startsWith('{') && entries.length > 0 && entries.every((s) => s.startsWith('type ')));
    out.push({ spec: m[4], typeOnly, names: entries.map((s) => s.replace(/^type\s+/, '').split(/\s+as\s+/)[0]), line: m[0].trim() });
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push({ spec: m[1], typeOnly: false, names: [], line: m[0].trim() });
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false, names: [], line: m[0] });
  return out;
}

/** The repository path an import names (without extension), or null for a package. */
export function targetOf(file: string, spec: string): string | null {
  if (spec === '@' || spec.startsWith('@/')) return path.posix.normalize(spec.slice(2) || '.');
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  return null;
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const within = (target: string | null, dir: string) => target !== null && (target === dir || target.startsWith(`${dir}/`));

/** What breaks the ground floor's rule in `file`: a line that imports lib/, app/ or i18n/. */
export function groundFloorBreaches(file: string, text: string): string[] {
  return importsOf(text)
    .filter((i) => ['lib', 'app', 'i18n'].some((dir) => within(targetOf(file, i.spec), dir)))
    .map((i) => `${file}: ${i.line}`);
}

// The database handle's own calls: building a query, a transaction or raw SQL on it belongs in lib/.
const HANDLE_CALL = /\b(?:getDb\(\)|db|tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|transaction|query|run|all|get|values|batch|prepare|\$client|\$count)\b/;
// What app/ may take from lib/database.ts: the process's handle, to pass to lib; the migrations' folder
// (/healthz); the file's name (/api/live watches it for commits). Opening a file is for scripts and tests.
const DATABASE_NAMES = new Set(['getDb', 'migrationsFolder', 'databaseFile']);

/**
 * What breaks app/'s rule in `file`. app/ reads data through lib/ (the rooms' queries.ts and the other
 * named functions of lib): a page, layout, route handler, server component or 'use server' module may
 * call getDb() and hand the handle to lib; no client component touches it; no file under app/ imports
 * drizzle or better-sqlite3, takes a table of db/schema.ts (types only), or calls the handle itself.
 */
export function appFloorBreaches(file: string, text: string): string[] {
  const found: string[] = [];
  const client = /^\s*(?:\/\/.*\n\s*)*['"]use client['"]/.test(text);
  for (const i of importsOf(text)) {
    const target = targetOf(file, i.spec);
    if (/^(drizzle-orm|better-sqlite3)(\/|$)/.test(i.spec)) found.push(`${file}: ${i.line} (drizzle belongs in lib/)`);
    else if ((target === 'db' || target === 'db/index' || target === 'db/schema' || target === 'db/connection') && !i.typeOnly) found.push(`${file}: ${i.line} (db/ for its types only)`);
    else if (target === 'lib/database') {
      if (client) found.push(`${file}: ${i.line} (a client component never reaches the database)`);
      for (const name of i.names) if (!DATABASE_NAMES.has(name)) found.push(`${file}: ${i.line} (${name}: scripts and tests open files of their own)`);
    }
  }
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  code.split('\n').forEach((line, n) => {
    if (HANDLE_CALL.test(line)) found.push(`${file}:${n + 1}: ${line.trim()} (a query of its own: name it in lib/<room>/queries.ts)`);
  });
  return found;
}

/** Production code that loads the test helpers or Vitest. */
export function testImportBreaches(file: string, text: string): string[] {
  return importsOf(text)
    .filter((i) => i.spec === 'vitest' || i.spec.startsWith('vitest/') || within(targetOf(file, i.spec), 'tests'))
    .map((i) => `${file}: ${i.line}`);
}

/** The folder under lib/ a path is in (or names: `@/lib/audit` is its index), or null for lib's loose top-level files and anything else. */
function roomOf(target: string): string | null {
  const parts = target.split('/');
  if (parts[0] !== 'lib' || parts.length < 2) return null;
  if (parts.length > 2) return parts[1];
  const dir = path.join(root, target);
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? parts[1] : null;
}

export type RoomEdges = Map<string, Map<string, string[]>>;

/** Which folder of lib/ imports which (type imports too), with the files that do, from production sources. */
export function roomEdges(files: { file: string; text: string }[]): RoomEdges {
  const edges: RoomEdges = new Map();
  for (const { file, text } of files) {
    const from = roomOf(file);
    if (!from) continue;
    for (const i of importsOf(text)) {
      const target = targetOf(file, i.spec);
      const to = target && roomOf(target);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const byTarget = edges.get(from)!;
      byTarget.set(to, [...(byTarget.get(to) ?? []), file]);
    }
  }
  return edges;
}

/** The groups of folders that reach each other (Tarjan's strongly connected components), each sorted. */
export function loops(edges: RoomEdges, without: { from: string; to: string }[] = []): string[][] {
  const skip = new Set(without.map((d) => `${d.from}>${d.to}`));
  const next = (v: string) => [...(edges.get(v)?.keys() ?? [])].filter((w) => !skip.has(`${v}>${w}`));
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * Known loops still to break, each as the one import that closes it (the one that should go), with why
 * it is still there. Taken out of the graph before the check; each must still exist, so that the list
 * only shrinks. Add nothing here: break the loop instead.
 */
export const DEBTS: { from: string; to: string; why: string }[] = [
  {
    from: 'auth',
    to: 'account',
    why: 'signing in records the sign-in, the device cookie and the one-time slips in lib/account (auth/options.ts, auth/from.ts), while an account\'s history takes the session user and the jury\'s roles from lib/auth',
  },
  {
    from: 'server',
    to: 'auth',
    why: 'the action machinery is where the session meets the spec: serverAction reads the signed-in user (getCurrentUser, currentFrom) and every handler gets lib/auth\'s SessionUser, while auth\'s throttle, users and one-time passwords use the machinery\'s prepared statements and Refusal',
  },
  {
    from: 'server',
    to: 'account',
    why: 'an action\'s context carries where the request came from (the From type of lib/account/device.ts), while an account\'s history and flags use the machinery\'s prepared statements',
  },
];

const describeLoop = (edges: RoomEdges, group: string[]) =>
  group
    .flatMap((a) => group.filter((b) => edges.get(a)?.has(b)).map((b) => `  ${a} -> ${b}: ${[...new Set(edges.get(a)!.get(b))].join(', ')}`))
    .join('\n');

describe('the floors', () => {
  const db = sources('db').filter((f) => !TEST.test(f));
  const app = sources('app').filter((f) => !TEST.test(f));
  const lib = sources('lib').filter((f) => !TEST.test(f) && !/\/__tests__\//.test(f));

  it('finds the sources', () => {
    expect(db).toContain('db/schema.ts');
    expect(app.length).toBeGreaterThan(100);
    expect(lib.length).toBeGreaterThan(150);
  });

  it('db/ imports nothing of lib/, app/ or i18n/', () => {
    expect(db.flatMap((f) => groundFloorBreaches(f, read(f)))).toEqual([]);
  });

  it('app/ reads data through lib/: no drizzle, no table, no query of its own, no handle in a client component', () => {
    expect(app.flatMap((f) => appFloorBreaches(f, read(f)))).toEqual([]);
  });

  it('production code loads neither the test helpers nor Vitest', () => {
    expect([...app, ...lib, ...db].flatMap((f) => testImportBreaches(f, read(f)))).toEqual([]);
  });

  const edges = roomEdges(lib.map((file) => ({ file, text: read(file) })));

  it('no two folders of lib/ reach each other (the known debts aside)', () => {
    const left = loops(edges, DEBTS);
    expect(left.map((g) => `${g.join(' <-> ')}\n${describeLoop(edges, g)}`)).toEqual([]);
  });

  it('each known debt is still there (delete it from DEBTS once broken)', () => {
    for (const d of DEBTS) expect(edges.get(d.from)?.has(d.to), `${d.from} -> ${d.to}`).toBe(true);
  });
});

describe('the checks themselves', () => {
  it('read type-only imports as such, and values as values', () => {
    const [a, b, c, d] = importsOf("import type { DB } from '@/db';\nimport { type Festival } from '@/db/schema';\nimport { user, type User } from '@/db/schema';\nimport x from './x';");
    expect([a.typeOnly, b.typeOnly, c.typeOnly, d.typeOnly]).toEqual([true, true, false, false]);
    expect(c.names).toEqual(['user', 'User']);
  });

  it('name a ground floor that imports upstairs', () => {
    expect(groundFloorBreaches('db/schema.ts', "import { x } from '../lib/tally/types';")).toHaveLength(1);
    expect(groundFloorBreaches('db/schema.ts', "import { LOCALES } from '@/i18n/config';")).toHaveLength(1);
    expect(groundFloorBreaches('db/schema.ts', "import { METHODS } from './enums';")).toEqual([]);
  });

  it('name a component that queries', () => {
    const component = "import { eq } from 'drizzle-orm';\nimport { getDb } from '@/lib/database';\nimport { nomination } from '@/db/schema';\nconst row = getDb().select().from(nomination).where(eq(nomination.id, 1)).get();";
    expect(appFloorBreaches('app/chair/X.tsx', component)).toHaveLength(3);
    expect(appFloorBreaches('app/chair/X.tsx', "'use client';\nimport { getDb } from '@/lib/database';")).toHaveLength(1);
    expect(appFloorBreaches('app/chair/X.tsx', "import { getDb } from '@/lib/database';\nimport type { DB } from '@/db';\nconst db = getDb();\nconst view = closedRoundTally(db);")).toEqual([]);
  });

  it('find a loop between folders, and a longer one', () => {
    const pair = roomEdges([
      { file: 'lib/round/a.ts', text: "import { b } from '@/lib/runoff/b';" },
      { file: 'lib/runoff/b.ts', text: "import type { A } from '../round/a';" },
    ]);
    expect(loops(pair)).toEqual([['round', 'runoff']]);
    expect(loops(pair, [{ from: 'runoff', to: 'round' }])).toEqual([]);
    const ring = roomEdges([
      { file: 'lib/count/a.ts', text: "import { b } from '@/lib/juror/b';" },
      { file: 'lib/juror/b.ts', text: "import { c } from '@/lib/admin/c';" },
      { file: 'lib/admin/c.ts', text: "import { a } from '@/lib/count/a';" },
      { file: 'lib/database.ts', text: "import { a } from '@/lib/count/a';" },
    ]);
    expect(loops(ring)).toEqual([['admin', 'count', 'juror']]);
  });
});
