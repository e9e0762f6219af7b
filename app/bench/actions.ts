'use server';
// Benchmark baseline (bench/save.ts): a server action that does nothing, the framework's own floor
// for a server-action round trip. Only in the benchmarks' build (its page is page.bench.tsx), and
// it answers only on a server started with JURY_BENCH=1.
import { env } from '@/lib/env';

export async function noop(_raw: unknown): Promise<{ ok: true; data: null } | { ok: false; code: string }> {
  if (!env().bench) return { ok: false, code: 'forbidden:role' };
  return { ok: true, data: null };
}
