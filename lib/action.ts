// The shape every server action follows, kept in one place: guard (session, role) -> zod
// validation -> one immediate transaction in which the handler checks the resource and the phase,
// writes, and appends its audit entry -> revalidation. A refusal throws Refusal inside the
// transaction, so nothing is written; the caller gets a coded, translated message.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb, type DB } from '@/db';
import type { Role } from '@/db/schema';
import { getCurrentUser, type SessionUser } from '@/lib/auth';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export class Refusal extends Error {
  constructor(
    public code: string,
    public params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export interface ActionContext<I> {
  user: SessionUser;
  input: I;
  tx: Tx;
}

type Options<S extends z.ZodType> = {
  roles: readonly Role[];
  schema: S;
  /** Paths whose pages show what this action changes. */
  revalidate?: string[];
  /** Lets a user who still has to change a temporary password call it. */
  allowPasswordChange?: boolean;
};

async function refuse(code: string, params: Record<string, string | number> = {}, fieldErrors?: Record<string, string[]>) {
  const t = await getTranslations('errors');
  const key = code.replace(/[:.]/g, '_');
  const message = t.has(key) ? t(key, params) : t('unexpected');
  return { ok: false as const, code, message, fieldErrors };
}

/** Runs the checks and the handler; exported for integration tests that call actions directly. */
export function defineAction<S extends z.ZodType, T>(
  opts: Options<S>,
  handler: (ctx: ActionContext<z.infer<S>>) => T,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    const user = await getCurrentUser();
    if (!user) return refuse('auth:required');
    if (user.mustChangePassword && !opts.allowPasswordChange) return refuse('auth:password_change');
    if (!opts.roles.includes(user.role)) return refuse('forbidden:role');
    const parsed = opts.schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const k = issue.path.join('.') || '_';
        (fieldErrors[k] ??= []).push(issue.message);
      }
      return refuse('invalid:input', {}, fieldErrors);
    }
    let data: T;
    try {
      data = getDb().transaction((tx) => handler({ user, input: parsed.data, tx }), { behavior: 'immediate' });
    } catch (e) {
      if (e instanceof Refusal) return refuse(e.code, e.params);
      console.error('action failed', e);
      return refuse('unexpected');
    }
    for (const p of opts.revalidate ?? []) revalidatePath(p);
    return { ok: true, data };
  };
}
