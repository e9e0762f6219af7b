// Benchmark baseline page: the no-op server action (./actions.ts) is posted here. It renders an
// empty form bound to that action (so the build registers the action for this page) and reads
// nothing; only on a server started with JURY_BENCH=1, otherwise a 404.
import { requireBench } from './gate';
import { noop } from './actions';

// A form action's type expects no result; the benchmark posts to it directly and reads the result.
const formAction = noop as unknown as (formData: FormData) => Promise<void>;

export default async function BenchPage() {
  await requireBench();
  return <form action={formAction} />;
}
