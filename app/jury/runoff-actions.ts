'use server';
// A juror's runoff vote (checks in lib/runoff/specs.ts). Called from a form through useActionState
// (previous state, FormData): only the runoff and the choice are passed on, whatever else the form
// carries. Any other argument (a hand-made request) goes to the spec as is, to be refused there.
import { serverAction } from '@/lib/server/server-action';
import { castRunoffVoteSpec } from '@/lib/runoff/specs';

const voteAction = serverAction(castRunoffVoteSpec);

const fromForm = (fd: FormData) => ({ runoff: fd.get('runoff') ?? undefined, choice: fd.get('choice') ?? undefined });

export async function castRunoffVote(prev: unknown, input?: unknown) {
  // Called alone (no previous state), the one argument is the input.
  const raw = input === undefined ? prev : input;
  return voteAction(raw instanceof FormData ? fromForm(raw) : raw);
}
