'use server';
// The chair's runoff actions (checks in lib/runoff/specs.ts).
import { serverAction } from '@/lib/server-action';
import { closeRunoffSpec, openRunoffSpec } from '@/lib/runoff/specs';

const openAction = serverAction(openRunoffSpec);
const closeAction = serverAction(closeRunoffSpec);

export async function openRunoff(first: unknown, form?: unknown) { return openAction(first, form); }
export async function closeRunoff(first: unknown, form?: unknown) { return closeAction(first, form); }
