'use server';
// The chair's runoff actions (checks in lib/runoff/specs.ts).
import { serverAction } from '@/lib/server/server-action';
import { closeRunoffSpec, openRunoffSpec } from '@/lib/runoff/specs';

const openAction = serverAction(openRunoffSpec);
const closeAction = serverAction(closeRunoffSpec);

export async function openRunoff(raw: unknown) { return openAction(raw); }
export async function closeRunoff(raw: unknown) { return closeAction(raw); }
