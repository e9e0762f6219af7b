'use server';
// Phase transitions owned by the organisers: open voting.
import { serverAction } from '@/lib/server/server-action';
import { openVotingSpec } from '@/lib/admin/phase';

export const openVoting = serverAction(openVotingSpec);
