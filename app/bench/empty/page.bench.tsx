// Benchmark baseline page for page weight (bench/pages.ts): empty, so that what a real page adds
// over the shared shell (root layout) shows. Only on a server started with JURY_BENCH=1, otherwise a 404.
import { requireBench } from '../gate';

export default async function EmptyPage() {
  await requireBench();
  return <main />;
}
