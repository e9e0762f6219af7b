// Message keys checked by the compiler: next-intl's AppConfig takes its Messages from the English
// files (the reference; messages.test.ts holds the other languages to the same keys), one per area.
import type account from '@/messages/en/account.json';
import type admin from '@/messages/en/admin.json';
import type auth from '@/messages/en/auth.json';
import type chair from '@/messages/en/chair.json';
import type common from '@/messages/en/common.json';
import type errors from '@/messages/en/errors.json';
import type jury from '@/messages/en/jury.json';
import type live from '@/messages/en/live.json';
import type results from '@/messages/en/results.json';
import type runoff from '@/messages/en/runoff.json';
import type { AREAS } from './messages';

export type Messages = {
  account: typeof account;
  admin: typeof admin;
  auth: typeof auth;
  chair: typeof chair;
  common: typeof common;
  errors: typeof errors;
  jury: typeof jury;
  live: typeof live;
  results: typeof results;
  runoff: typeof runoff;
};

/** An area added to AREAS without its messages here fails to compile. */
export type EveryArea = Messages[(typeof AREAS)[number]];

declare module 'next-intl' {
  interface AppConfig {
    Messages: Messages;
  }
}
