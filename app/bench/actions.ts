'use server';
// Benchmark baseline (bench/save.ts): a server action that does nothing, the framework's own floor
// for a server-action round trip. It answers only on a server started with JURY_BENCH=1.

export async function noop(_raw: unknown): Promise<{ ok: true; data: null } | { ok: false; code: string }> {
  if (process.env.JURY_BENCH !== '1') return { ok: false, code: 'forbidden:role' };
  return { ok: true, data: null };
}
