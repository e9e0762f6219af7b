import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { checkEnv, EnvError, parseEnv } from './env';

const SECRET = 'x'.repeat(32);

describe('environment', () => {
  it('outside demo mode refuses to start without NEXTAUTH_SECRET, naming it', () => {
    expect(() => checkEnv({ JURY_DEMO: '0' })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => checkEnv({ JURY_DEMO: '0', NEXTAUTH_SECRET: '' })).toThrow(EnvError);
    expect(checkEnv({ JURY_DEMO: '0', NEXTAUTH_SECRET: SECRET }).demo).toBe(false);
    expect(checkEnv({}).demo).toBe(true);
  });

  it('names each bad variable', () => {
    const bad = () => parseEnv({ NEXTAUTH_URL: 'ftp://x', NEXTAUTH_SECRET: 'short', JURY_DEMO: 'no', JURY_TRUSTED_PROXIES: '127.0.0.1, nginx' });
    expect(bad).toThrow(EnvError);
    try {
      bad();
    } catch (e) {
      for (const n of ['NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'JURY_DEMO', 'JURY_TRUSTED_PROXIES']) expect((e as Error).message).toContain(n);
    }
  });

  it('reads https, trusted proxies and flags', () => {
    const e = parseEnv({ NEXTAUTH_URL: 'https://jury.example', JURY_TRUSTED_PROXIES: '127.0.0.1, ::1', JURY_BENCH: '1' });
    expect(e).toMatchObject({ https: true, trustedProxies: ['127.0.0.1', '::1'], bench: true, demo: true });
    expect(parseEnv({}).trustedProxies).toEqual([]);
  });
});

describe('build configuration', () => {
  const load = (benchBuild: boolean, typesChecked = false) => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('../next.config.js');
    delete require.cache[file];
    const before = { bench: process.env.JURY_BENCH_BUILD, types: process.env.JURY_TYPES_CHECKED };
    if (benchBuild) process.env.JURY_BENCH_BUILD = '1';
    else delete process.env.JURY_BENCH_BUILD;
    if (typesChecked) process.env.JURY_TYPES_CHECKED = '1';
    else delete process.env.JURY_TYPES_CHECKED;
    try {
      return require(file) as { typescript?: { ignoreBuildErrors?: boolean }; pageExtensions?: string[] };
    } finally {
      if (before.bench === undefined) delete process.env.JURY_BENCH_BUILD;
      else process.env.JURY_BENCH_BUILD = before.bench;
      if (before.types === undefined) delete process.env.JURY_TYPES_CHECKED;
      else process.env.JURY_TYPES_CHECKED = before.types;
      delete require.cache[file];
    }
  };

  it('type errors fail the build', () => {
    expect(load(false).typescript?.ignoreBuildErrors).not.toBe(true);
    expect(load(true).typescript?.ignoreBuildErrors).not.toBe(true);
  });

  // npm test (scripts/test.mjs) type-checks the whole project, route types included, before its build.
  it('only npm test, having type-checked everything first, builds without checking the types again', () => {
    expect(load(false, true).typescript?.ignoreBuildErrors).toBe(true);
    const steps = fs.readFileSync(path.join(import.meta.dirname, '../scripts/test.mjs'), 'utf8');
    const at = (needle: string) => steps.indexOf(needle);
    expect(at("['next', 'typegen']")).toBeGreaterThan(-1);
    expect(at("['next', 'typegen']")).toBeLessThan(at("['tsc', '--noEmit']"));
    expect(at("['tsc', '--noEmit']")).toBeLessThan(at("['next', 'build'], { JURY_TYPES_CHECKED: '1' }"));
  });

  it('the benchmark pages are built only for the benchmarks', () => {
    expect(load(false).pageExtensions).not.toContain('bench.tsx');
    expect(load(true).pageExtensions).toContain('bench.tsx');
  });
});
