'use server';
// The organisers' side of two-person account changes during voting (lib/juror/requests.ts): file a
// request, cancel one's own, decide a request about the chair (as the second organiser), and have
// an approved reset's temporary password generated and shown, once, to the organiser who asked.
import { serverAction } from '@/lib/server/server-action';
import { cancelAccountRequestSpec, issuePasswordSpec, requestAccountChangeSpec } from '@/lib/juror/requests';
import { cancelProposalSpec, issueOrganiserPasswordSpec, proposeOrganiserSpec, proposeRenameSpec } from '@/lib/juror/proposals';
import {
  approveAccountRequestAsOrganiserSpec, approveProposalAsOrganiserSpec, refuseAccountRequestAsOrganiserSpec, refuseProposalAsOrganiserSpec,
} from '@/lib/juror/doors';
import { addOrganiserSpec } from '@/lib/juror/organisers';

export const requestAccountChange = serverAction(requestAccountChangeSpec);
export const cancelAccountRequest = serverAction(cancelAccountRequestSpec);
// Organisers only at this door, whatever else the spec allows (the chair decides at app/chair/account-actions.ts).
export const approveAccountRequestAsOrganiser = serverAction(approveAccountRequestAsOrganiserSpec);
export const refuseAccountRequestAsOrganiser = serverAction(refuseAccountRequestAsOrganiserSpec);

export const issueTemporaryPassword = serverAction(issuePasswordSpec);

// Proposals: a rename during voting, a new organiser (lib/juror/proposals.ts).
export const proposeRename = serverAction(proposeRenameSpec);
export const proposeOrganiser = serverAction(proposeOrganiserSpec);
export const cancelProposal = serverAction(cancelProposalSpec);
export const approveProposalAsOrganiser = serverAction(approveProposalAsOrganiserSpec);
export const refuseProposalAsOrganiser = serverAction(refuseProposalAsOrganiserSpec);

export const issueOrganiserPassword = serverAction(issueOrganiserPasswordSpec);

/** In setup: a second organiser directly, with a temporary password shown once (lib/juror/organisers.ts). */
export const addOrganiser = serverAction(addOrganiserSpec);
