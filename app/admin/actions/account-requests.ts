'use server';
// The organisers' side of two-person account changes during voting (lib/juror/requests.ts): file a
// request, cancel one's own, decide a request about the chair (as the second organiser), and have
// an approved reset's temporary password generated and shown, once, to the organiser who asked.
import { serverAction } from '@/lib/server-action';
import { getCurrentUser } from '@/lib/auth';
import { finish } from '@/lib/admin/finish';
import { runWithTemporaryPassword } from '@/lib/juror/specs';
import {
  approveAccountRequestSpec, cancelAccountRequestSpec, issuePasswordSpec, refuseAccountRequestSpec, requestAccountChangeSpec,
} from '@/lib/juror/requests';

// Organisers only at this door, whatever else the spec allows (the chair decides at app/chair/account-actions.ts).
const asOrganiser = { roles: ['organiser'] as const };

export const requestAccountChange = serverAction(requestAccountChangeSpec);
export const cancelAccountRequest = serverAction(cancelAccountRequestSpec);
export const approveAccountRequestAsOrganiser = serverAction({ ...approveAccountRequestSpec, ...asOrganiser });
export const refuseAccountRequestAsOrganiser = serverAction({ ...refuseAccountRequestSpec, ...asOrganiser });

export async function issueTemporaryPassword(raw: FormData) {
  return finish(issuePasswordSpec.name, await runWithTemporaryPassword(issuePasswordSpec, await getCurrentUser(), raw), issuePasswordSpec.revalidate);
}
