'use server';
// The organisers' side of two-person account changes during voting (lib/juror/requests.ts): file a
// request, cancel one's own, decide a request about the chair (as the second organiser), and have
// an approved reset's temporary password generated and shown, once, to the organiser who asked.
import { serverAction } from '@/lib/server/server-action';
import { temporaryPasswordAction } from '@/lib/admin/finish';
import {
  approveAccountRequestSpec, cancelAccountRequestSpec, issuePasswordSpec, refuseAccountRequestSpec, requestAccountChangeSpec,
} from '@/lib/juror/requests';
import {
  approveProposalSpec, cancelProposalSpec, issueOrganiserPasswordSpec, proposeOrganiserSpec, proposeRenameSpec, refuseProposalSpec,
} from '@/lib/juror/proposals';
import { addOrganiserSpec } from '@/lib/juror/organisers';

// Organisers only at this door, whatever else the spec allows (the chair decides at app/chair/account-actions.ts).
const asOrganiser = { roles: ['organiser'] as const };

export const requestAccountChange = serverAction(requestAccountChangeSpec);
export const cancelAccountRequest = serverAction(cancelAccountRequestSpec);
export const approveAccountRequestAsOrganiser = serverAction({ ...approveAccountRequestSpec, ...asOrganiser });
export const refuseAccountRequestAsOrganiser = serverAction({ ...refuseAccountRequestSpec, ...asOrganiser });

export const issueTemporaryPassword = temporaryPasswordAction(issuePasswordSpec);

// Proposals: a rename during voting, a new organiser (lib/juror/proposals.ts).
export const proposeRename = serverAction(proposeRenameSpec);
export const proposeOrganiser = serverAction(proposeOrganiserSpec);
export const cancelProposal = serverAction(cancelProposalSpec);
export const approveProposalAsOrganiser = serverAction({ ...approveProposalSpec, ...asOrganiser });
export const refuseProposalAsOrganiser = serverAction({ ...refuseProposalSpec, ...asOrganiser });

export const issueOrganiserPassword = temporaryPasswordAction(issueOrganiserPasswordSpec);

/** In setup: a second organiser directly, with a temporary password shown once (lib/juror/organisers.ts). */
export const addOrganiser = temporaryPasswordAction(addOrganiserSpec);
