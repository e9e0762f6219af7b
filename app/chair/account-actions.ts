'use server';
// The chair approves or refuses an organiser's request to change a juror's account during voting
// (lib/juror/requests.ts). Chair only at this door (lib/juror/doors.ts); requests about the chair
// are not theirs to decide.
import { serverAction } from '@/lib/server/server-action';
import { approveAccountRequestAsChairSpec, approveProposalAsChairSpec, refuseAccountRequestAsChairSpec, refuseProposalAsChairSpec } from '@/lib/juror/doors';

export const approveAccountRequest = serverAction(approveAccountRequestAsChairSpec);
export const refuseAccountRequest = serverAction(refuseAccountRequestAsChairSpec);
export const approveProposal = serverAction(approveProposalAsChairSpec);
export const refuseProposal = serverAction(refuseProposalAsChairSpec);
