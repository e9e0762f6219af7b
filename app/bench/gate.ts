// The benchmark pages exist only in a build made for the benchmarks (next.config.js), and answer
// there only on a server started with JURY_BENCH=1; elsewhere they are 404s.
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/env';

export async function requireBench(): Promise<void> {
  // Read at request time, not at build time (the build never sets JURY_BENCH).
  await connection();
  if (!env().bench) notFound();
}
