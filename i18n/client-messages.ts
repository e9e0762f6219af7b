import 'server-only';
// The messages handed to client components: only what the client components below a provider read.
// Each message reaches the browser twice over (in the RSC payload, which the phone's main thread
// parses before its first paint), so a page carries only its own areas: the root layout the shell's
// (the header's language switch and log-out button, the confirmation dialog), /jury and /login add
// theirs in their own provider (a nested NextIntlClientProvider replaces its parent's messages, so
// each list names the shell's too). /admin, /chair, /account, /results and /setup wrap their pages
// in every area (app/components/AllMessages.tsx). Server components read every message as before.
import { getMessages } from 'next-intl/server';

/** The shell's client components (Header: LanguageSwitch, LogoutButton; ConfirmDialog): `common`. */
export const SHELL_CLIENT_MESSAGES = ['common'] as const;
/** /jury and below: the ballot's, the film ballot's, the live counts' and the runoff vote's (`runoff.jury`). */
export const JURY_CLIENT_MESSAGES = [...SHELL_CLIENT_MESSAGES, 'jury', 'live', 'runoff.jury'] as const;
/** /login: the sign-in form's. */
export const LOGIN_CLIENT_MESSAGES = [...SHELL_CLIENT_MESSAGES, 'auth'] as const;

type Messages = Record<string, unknown>;

/** The messages at the given paths (an area, or `area.sub` for one part of it), nested as in the catalogue. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const p of paths) {
    const keys = p.split('.');
    let from: unknown = messages;
    for (const k of keys) from = from && typeof from === 'object' ? (from as Messages)[k] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Messages;
    to[keys.at(-1)!] = from;
  }
  return out;
}

export async function clientMessages(paths: readonly string[]): Promise<Messages> {
  return pickMessages(await getMessages(), paths);
}
