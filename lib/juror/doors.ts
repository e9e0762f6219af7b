// The two doors to the decisions on account changes during voting: the organisers decide requests
// and proposals about the chair (app/admin/actions/account-requests.ts), the chair all the others
// (app/chair/account-actions.ts). Each door lets in only its own role, whatever the spec allows;
// the spec still checks that the request is the caller's to decide (requireDeciderFor).
import { approveAccountRequestSpec, refuseAccountRequestSpec } from './requests';
import { approveProposalSpec, refuseProposalSpec } from './proposals';

const asOrganiser = { roles: ['organiser'] as const };
const asChair = { roles: ['chair'] as const, revalidate: ['/chair', '/admin/jurors', '/jury'] };

export const approveAccountRequestAsOrganiserSpec = { ...approveAccountRequestSpec, ...asOrganiser };
export const refuseAccountRequestAsOrganiserSpec = { ...refuseAccountRequestSpec, ...asOrganiser };
export const approveProposalAsOrganiserSpec = { ...approveProposalSpec, ...asOrganiser };
export const refuseProposalAsOrganiserSpec = { ...refuseProposalSpec, ...asOrganiser };

export const approveAccountRequestAsChairSpec = { ...approveAccountRequestSpec, ...asChair };
export const refuseAccountRequestAsChairSpec = { ...refuseAccountRequestSpec, ...asChair };
export const approveProposalAsChairSpec = { ...approveProposalSpec, ...asChair };
export const refuseProposalAsChairSpec = { ...refuseProposalSpec, ...asChair };
