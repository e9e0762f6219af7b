'use server';
// A juror's runoff vote (checks in lib/runoff/specs.ts). Called from a form through useActionState
// (previous state, FormData): the form's runoff and choice reach the spec, whose strict schema
// refuses anything else.
import { serverAction } from '@/lib/server/server-action';
import { castRunoffVoteSpec } from '@/lib/runoff/specs';

export const castRunoffVote = serverAction(castRunoffVoteSpec);
