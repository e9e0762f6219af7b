'use server';
// The browser set-up of an empty database, behind the one-time link the server prints when started
// with JURY_DEMO=0. Nobody is signed in yet: the link's token is the only credential, checked
// before anything else and used up in the transaction that creates the festival.
import { getDb } from '@/db';
import type { ActionResult } from '@/lib/action';
import { Refusal } from '@/lib/refusal';
import { translateRefusal } from '@/lib/server-action';
import { createFestival, SetupInput, setupTokenUsable, hasFestival, type SetupResult } from '@/lib/setup/festival';

export async function setupFestival(raw: unknown): Promise<ActionResult<SetupResult>> {
  const refuse = async (code: string, fieldErrors?: Record<string, string[]>) =>
    ({ ok: false as const, code, fieldErrors, message: await translateRefusal('auth.setup', code) });
  if (!(raw instanceof FormData)) return refuse('invalid:input');
  const fields = Object.fromEntries([...raw.entries()].filter(([k, v]) => !k.startsWith('$ACTION') && typeof v === 'string')) as Record<string, string>;
  const db = getDb();
  const token = fields.token ?? '';
  if (!setupTokenUsable(db, token)) return refuse(hasFestival(db) ? 'setup:exists' : 'setup:token');
  const parsed = SetupInput.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
    return refuse('invalid:input', fieldErrors);
  }
  try {
    const data = await createFestival(db, parsed.data, token);
    // No revalidation: re-rendering /setup now (its token used) would replace the one-time password
    // on screen with "already set up". The next page the organiser opens renders the new festival.
    return { ok: true, data };
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.code);
    console.error('setup failed', e);
    return refuse('unexpected');
  }
}
