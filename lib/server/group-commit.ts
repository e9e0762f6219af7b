// Group commit for the autosave path. With synchronous = FULL every commit waits for an fsync of
// the write-ahead log, and better-sqlite3 waits on the event loop: a commit per score save made the
// fsync, not our code, the limit of how many saves a server answers (docs/PERFORMANCE.md). Work
// queued here during one turn of the event loop runs in one immediate transaction, each piece in
// its own savepoint, and every caller is answered after that one commit, so an acknowledged save is
// exactly as durable as before, and a refused or failed piece undoes only its own writes.
import type { DB } from '@/db';
import type { Tx } from './action';
import { inJury, requestJury } from './request-jury';

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  work: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// Per database (tests open several); a batch never outlives one turn of the event loop, so the
// queue holds no state another process would need.
const queues = new WeakMap<DB, Job[]>();

/** Runs `work` inside the next shared transaction; resolves after it commits. */
export function inGroupCommit<T>(db: DB, work: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      // setImmediate runs after the I/O callbacks of this turn: the requests that arrived together
      // join one batch, and a lone request waits for nothing.
      setImmediate(() => flush(db));
    }
    // The batch runs in whichever request's turn flushes it: each piece runs in its own request's jury.
    const jury = requestJury();
    queue.push({ work: (tx) => inJury(jury, () => work(tx)), resolve: resolve as (v: unknown) => void, reject });
  });
}

function flush(db: DB): void {
  const jobs = queues.get(db) ?? [];
  queues.delete(db);
  let settled: Settled[];
  try {
    settled = db.transaction((tx) => jobs.map((job) => runInSavepoint(db, tx, job)), { behavior: 'immediate' });
  } catch (error) {
    // The shared commit failed (disk full, I/O error, lock timeout): nothing of the batch is
    // stored, and no caller is told otherwise.
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const s = settled[i];
    if (s.ok) job.resolve(s.value);
    else job.reject(s.error);
  });
}

function runInSavepoint(db: DB, tx: Tx, job: Job): Settled {
  let workError: { error: unknown } | undefined;
  try {
    return {
      ok: true,
      value: tx.transaction((inner) => {
        try {
          const value = job.work(inner);
          // Work that awaited would finish after its savepoint is released, outside any transaction.
          if (value instanceof Promise) throw new TypeError('group commit: work must be synchronous');
          return value;
        } catch (error) {
          workError = { error }; // kept: rolling back a savepoint SQLite already dropped throws another error
          throw error;
        }
      }),
    };
  } catch (error) {
    const first = workError ? workError.error : error;
    // Some errors (I/O, a full disk) make SQLite roll back the whole transaction: the remaining
    // pieces must not then run outside any transaction, so the batch as a whole fails.
    if (!db.$client.inTransaction) throw first;
    return { ok: false, error: first };
  }
}
