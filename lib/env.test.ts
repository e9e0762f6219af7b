import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
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
  const load = (benchBuild: boolean) => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('../next.config.js');
    delete require.cache[file];
    const before = process.env.JURY_BENCH_BUILD;
    if (benchBuild) process.env.JURY_BENCH_BUILD = '1';
    else delete process.env.JURY_BENCH_BUILD;
    try {
      return require(file) as { typescript?: { ignoreBuildErrors?: boolean }; pageExtensions?: string[] };
    } finally {
      if (before === undefined) delete process.env.JURY_BENCH_BUILD;
      else process.env.JURY_BENCH_BUILD = before;
      delete require.cache[file];
    }
  };

  it('type errors fail the build', () => {
    expect(load(false).typescript?.ignoreBuildErrors).not.toBe(true);
  });

  it('the benchmark pages are built only for the benchmarks', () => {
    expect(load(false).pageExtensions).not.toContain('bench.tsx');
    expect(load(true).pageExtensions).toContain('bench.tsx');
  });
});
