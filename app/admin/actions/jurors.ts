'use server';
// The jury and its accounts. Temporary passwords are generated and hashed here, before the
// transaction, and returned once.
import { serverAction } from '@/lib/server-action';
import { getCurrentUser } from '@/lib/auth';
import { finish } from '@/lib/admin/finish';
import { addJurorSpec, makeChairSpec, resetPasswordSpec, runWithTemporaryPassword, setJurorActiveSpec, updateJurorSpec } from '@/lib/juror/specs';

export const updateJuror = serverAction(updateJurorSpec);
export const makeChair = serverAction(makeChairSpec);
export const setJurorActive = serverAction(setJurorActiveSpec);

export async function addJuror(raw: FormData) {
  return finish(addJurorSpec.name, await runWithTemporaryPassword(addJurorSpec, await getCurrentUser(), raw), addJurorSpec.revalidate);
}

export async function resetPassword(raw: FormData) {
  return finish(resetPasswordSpec.name, await runWithTemporaryPassword(resetPasswordSpec, await getCurrentUser(), raw), resetPasswordSpec.revalidate);
}
