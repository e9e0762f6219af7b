'use server';
// The chair approves or refuses an organiser's request to change a juror's account during voting
// (lib/juror/requests.ts). Chair only at this door; requests about the chair are not theirs to decide.
import { serverAction } from '@/lib/server/server-action';
import { approveAccountRequestSpec, refuseAccountRequestSpec } from '@/lib/juror/requests';
import { approveProposalSpec, refuseProposalSpec } from '@/lib/juror/proposals';

const asChair = { roles: ['chair'] as const, revalidate: ['/chair', '/admin/jurors', '/jury'] };

export const approveAccountRequest = serverAction({ ...approveAccountRequestSpec, ...asChair });
export const refuseAccountRequest = serverAction({ ...refuseAccountRequestSpec, ...asChair });
export const approveProposal = serverAction({ ...approveProposalSpec, ...asChair });
export const refuseProposal = serverAction({ ...refuseProposalSpec, ...asChair });
