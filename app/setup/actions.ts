'use server';
// The browser set-up of an empty database, behind the one-time link the server prints when started
// with JURY_DEMO=0. Nobody is signed in yet: the link's token is the only credential, checked
// before anything else and used up in the transaction that creates the festival.
import { getDb } from '@/lib/database';
import { fieldErrorsOf, type ActionResult } from '@/lib/server/action';
import { Refusal } from '@/lib/server/refusal';
import { translateRefusal } from '@/lib/server/server-action';
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
  if (!parsed.success) return refuse('invalid:input', fieldErrorsOf(parsed.error));
  try {
    // No revalidation: it would re-render this page in the same response, now without a usable
    // link, and the one-time password would be gone before it was read. Every page is dynamic.
    const data = await createFestival(db, parsed.data, token);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.code);
    console.error('setup failed', e);
    return refuse('unexpected');
  }
}
