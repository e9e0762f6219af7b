// The benchmark pages exist only on a server started with JURY_BENCH=1; elsewhere they are 404s.
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export async function requireBench(): Promise<void> {
  // Read at request time, not at build time (the build never sets JURY_BENCH).
  await connection();
  if (process.env.JURY_BENCH !== '1') notFound();
}
