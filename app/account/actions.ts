'use server';
// Setting one's own password: allowed while a temporary one must still be changed.
import { getCurrentUser } from '@/lib/auth';
import { currentFrom } from '@/lib/auth/from';
import { finish } from '@/lib/admin/finish';
import { changeOwnPassword, changePasswordSpec } from '@/lib/juror/account';

export async function changePassword(raw: FormData) {
  return finish(changePasswordSpec.name, await changeOwnPassword(await getCurrentUser(), raw, undefined, await currentFrom()));
}
