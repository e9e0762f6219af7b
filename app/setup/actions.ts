'use server';
// The browser set-up of an empty database, behind the one-time link the server prints when started
// with JURY_DEMO=0. Nobody is signed in yet: the link's token is the only credential, checked
// before anything else and used up in the transaction that creates the festival (lib/setup/festival.ts).
import { serverAction } from '@/lib/server/server-action';
import { setupFestivalSpec } from '@/lib/setup/festival';

export const setupFestival = serverAction(setupFestivalSpec);
