// Turns an ActionSpec into the function a 'use server' module exports: reads the session, runs
// the action, revalidates, and translates a refusal into the user's language.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getCurrentUser } from '@/lib/auth';
import { executeAction, executeActionGrouped, type ActionResult, type ActionSpec } from './action';
import { localiseRefusalParams, namedInvalidField } from './refusal-words';
import { NOTE_MAX, REASON_MAX } from '@/lib/ballot/specs';
import { nominationName } from '@/i18n/names';
import { translateKnown } from '@/i18n/known';

/**
 * Called as `action(input)` from a component, or as `action(previousState, form)` by a form's
 * useActionState (also when the form is posted before JavaScript has loaded): the input is then the
 * form, and the previous state is ignored.
 */
export function serverAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (first: unknown, form?: unknown): Promise<ActionResult<T>> => {
    const raw = form instanceof FormData ? form : first;
    const user = await getCurrentUser();
    const outcome = spec.groupCommit ? await executeActionGrouped(spec, user, raw) : executeAction(spec, user, raw);
    if (outcome.ok) {
      for (const p of spec.revalidate ?? []) revalidatePath(p);
      return outcome;
    }
    const field = outcome.code === 'invalid:input' ? namedInvalidField(outcome.fieldErrors) : null;
    if (field) {
      const t = await getTranslations('errors');
      const message = field === 'reason' ? t('invalid_reason', { min: 3, max: REASON_MAX }) : field === 'note' ? t('invalid_note', { max: NOTE_MAX }) : t('invalid_value');
      return { ...outcome, message };
    }
    return { ...outcome, message: await translateRefusal(spec.name, outcome.code, outcome.params) };
  };
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
