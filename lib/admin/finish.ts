// The tail of a server action that cannot use serverAction() as it is (it hashes or reads a file
// first): revalidate on success, translate the refusal otherwise.
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { ActionResult, ActionSpec, Outcome } from '@/lib/server/action';
import { getCurrentUser } from '@/lib/auth';
import { runWithTemporaryPassword } from '@/lib/juror/specs';
import { translateRefusal } from '@/lib/server/server-action';

export async function finish<T>(name: string, outcome: Outcome<T>, revalidate: string[] = []): Promise<ActionResult<T>> {
  if (outcome.ok) {
    for (const p of revalidate) revalidatePath(p);
    return outcome;
  }
  return { ...outcome, message: await translateRefusal(name, outcome.code, outcome.params) };
}

/** The server action of a spec that sets a temporary password, generated here and shown once (runWithTemporaryPassword). */
export function temporaryPasswordAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (raw: FormData) => finish(spec.name, await runWithTemporaryPassword(spec, await getCurrentUser(), raw), spec.revalidate);
}

/** A CSV upload arrives as a File in FormData; the specs take its bytes. */
export async function csvBytes(raw: unknown): Promise<unknown> {
  if (raw instanceof FormData) {
    const f = raw.get('csv');
    if (f && typeof f === 'object' && 'arrayBuffer' in f) return { csv: new Uint8Array(await (f as Blob).arrayBuffer()) };
    return { csv: null };
  }
  return raw;
}
