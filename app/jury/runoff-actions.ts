'use server';
// A juror's runoff vote (checks in lib/runoff/specs.ts). Called from a form (useActionState): only
// the runoff and the choice are passed on, whatever else the form carries.
import { serverAction } from '@/lib/server-action';
import { castRunoffVoteSpec } from '@/lib/runoff/specs';

const voteAction = serverAction(castRunoffVoteSpec);

export async function castRunoffVote(_prev: unknown, fd: FormData) {
  return voteAction({ runoff: fd.get('runoff') ?? undefined, choice: fd.get('choice') ?? undefined });
}
