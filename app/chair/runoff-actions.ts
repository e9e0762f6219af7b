'use server';
// The chair's runoff actions (checks in lib/runoff/specs.ts).
import { serverAction } from '@/lib/server/server-action';
import { closeRunoffSpec, openRunoffSpec } from '@/lib/runoff/specs';

export const openRunoff = serverAction(openRunoffSpec);
export const closeRunoff = serverAction(closeRunoffSpec);
