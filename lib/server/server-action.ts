// Turns an ActionSpec into the function a 'use server' module exports: reads the session, runs
// the action, revalidates, and translates a refusal into the user's language. Every action of
// app/ is exported through it (lib/server/exports.test.ts checks), so this is the one door.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { DB } from '@/db';
import { getCurrentUser, type SessionUser } from '@/lib/auth';
import { currentFrom } from '@/lib/auth/from';
import { chooseRequestJury } from './chosen-jury';
import { inJury } from './request-jury';
import { runAction, runTokenAction, type ActionResult, type ActionSpec, type Outcome, type TokenActionSpec } from './action';
import { echoOf } from './echo';
import { switchedJuryNames } from './form-jury';
import { getDb } from '@/lib/database';
import { localiseRefusalParams, namedInvalidField } from './refusal-words';
import { NOTE_MAX, REASON_MAX } from './form';
import { nominationName } from '@/i18n/names';
import { translateKnown } from '@/i18n/known';

/** The mark serverAction leaves on what it returns, so that a test can tell a hand-written export from an action. */
export const SERVER_ACTION = Symbol.for('jury.serverAction');

/** Whether `fn` was built by serverAction (the spec's name when it was). */
export function serverActionName(fn: unknown): string | null {
  return typeof fn === 'function' && SERVER_ACTION in fn ? String((fn as unknown as Record<symbol, unknown>)[SERVER_ACTION]) : null;
}

/**
 * The input of a call: `action(input)` from a component (or a bare form post: the form), or
 * `action(previousState, form)` from a form's useActionState (also when the form is posted before
 * JavaScript has loaded), whose previous state is ignored. Any other call is a hand-made request,
 * refused as a malformed input.
 */
const MALFORMED = Symbol('malformed call');
function inputOf(args: unknown[]): unknown {
  if (args.length <= 1) return args[0];
  if (args.length === 2 && args[1] instanceof FormData) return args[1];
  if (args.length === 2 && args[1] === undefined) return args[0];
  return MALFORMED;
}

/**
 * What one call of an action does, before revalidation and words: the call's arguments read as its
 * input (a malformed call is refused before anything runs), then the spec run with the session's
 * user (or, for a token action, the token in the input). `session`: the user and database to run
 * with, where no request is (tests); by default the request's session, origin and the app's database.
 */
export async function outcomeOfCall<S extends z.ZodType, T, P, R>(
  spec: ActionSpec<S, T, P, R> | TokenActionSpec<S, T, P>,
  args: unknown[],
  session?: { user: SessionUser | null; db: DB },
): Promise<Outcome<T>> {
  const raw = inputOf(args);
  if (raw === MALFORMED) return { ok: false, code: 'invalid:input' };
  const outcome = await ('token' in spec
    ? runTokenAction(spec, raw, session?.db)
    : session
      ? runAction(spec, session.user, raw, session.db)
      // The whole action in the jury the request chose: the session's rights (its membership of that
      // jury), the checks, the preparation and the transaction.
      : inJury(await chooseRequestJury(), async () => runAction(spec, await getCurrentUser(), raw, undefined, () => currentFrom())));
  // A refused form comes back with what was typed in it (but its secrets): without JavaScript the page
  // rendered after the post is the only place it could be kept.
  if (outcome.ok) return outcome;
  const sent = echoOf(raw, spec.secret);
  return sent ? { ...outcome, sent } : outcome;
}

type Action<R> = (first?: unknown, form?: unknown) => Promise<ActionResult<R>>;

export function serverAction<S extends z.ZodType, T, P = undefined, R = T>(spec: ActionSpec<S, T, P, R>): Action<R>;
export function serverAction<S extends z.ZodType, T, P = undefined>(spec: TokenActionSpec<S, T, P>): Action<T>;
export function serverAction<S extends z.ZodType, T, P, R>(spec: ActionSpec<S, T, P, R> | TokenActionSpec<S, T, P>): Action<R | T> {
  const action = async (...args: unknown[]): Promise<ActionResult<R | T>> => {
    const outcome = await outcomeOfCall(spec, args);
    if (outcome.ok) {
      for (const p of spec.revalidate ?? []) revalidatePath(p);
      if ('present' in spec && spec.present) return { ok: true, data: await spec.present(outcome.data) };
      return outcome;
    }
    const field = outcome.code === 'invalid:input' ? namedInvalidField(outcome.fieldErrors) : null;
    if (field) {
      const t = await getTranslations('errors');
      const message = field === 'reason' ? t('invalid_reason', { min: 3, max: REASON_MAX }) : field === 'note' ? t('invalid_note', { max: NOTE_MAX }) : t('invalid_value');
      return { ...outcome, message };
    }
    if (outcome.code === 'jury:switched' && outcome.params) {
      // The two juries by their competitions' names, in the reader's language.
      const names = switchedJuryNames(getDb(), outcome.params, await getLocale(), (await getTranslations('common'))('competition.main'));
      return { ...outcome, params: undefined, message: await translateRefusal(spec.name, outcome.code, names) };
    }
    return { ...outcome, message: await translateRefusal(spec.name, outcome.code, outcome.params) };
  };
  Object.defineProperty(action, SERVER_ACTION, { value: spec.name });
  return action as Action<R | T>;
}

/**
 * A refusal's message: `errors.<code>` for codes shared by every area, else `<area>.errors.<code>`
 * where the area is the action name's prefix (e.g. admin.saveSettings -> admin), so that each area
 * keeps its own messages in its own file.
 */
export async function translateRefusal(actionName: string, code: string, params: Record<string, string | number> = {}) {
  const key = code.replace(/[:.]/g, '_');
  const common = await getTranslations('errors');
  const names = await getTranslations('common');
  params = localiseRefusalParams(params, (c) => nominationName(names, c), await getLocale());
  const shared = translateKnown(common, key, () => null, params);
  if (shared !== null) return shared;
  const area = actionName.split('.')[0];
  const scoped = await getTranslations(area as 'admin');
  return translateKnown(scoped, `errors.${key}`, () => {
    console.error(`no message for refusal ${code} of ${actionName}`);
    return common('unexpected');
  }, params);
}
