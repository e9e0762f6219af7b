// The shape every server action follows, kept in one place: guard (session, role) -> zod
// validation -> one immediate transaction in which the handler checks the resource and the phase,
// writes, and appends its audit entry -> revalidation. A refusal throws Refusal inside the
// transaction, so nothing is written; the caller gets a coded, translated message.
import 'server-only';
import { z } from 'zod';
import { type DB } from '@/db';
import { getDb } from '@/lib/database';
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import { inGroupCommit } from './group-commit';
import { Refusal } from './refusal';

export { Refusal };

export type Failure = { ok: false; code: string; params?: Record<string, string | number>; fieldErrors?: Record<string, string[]> };
export type Outcome<T> = { ok: true; data: T } | Failure;
export type ActionResult<T = undefined> = { ok: true; data: T } | (Failure & { message: string });

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export interface ActionContext<I> {
  user: SessionUser;
  input: I;
  tx: Tx;
}

export type ActionSpec<S extends z.ZodType, T> = {
  name: string;
  roles: readonly Role[];
  schema: S;
  /** Paths whose pages show what this action changes. */
  revalidate?: string[];
  /** Lets a user who still has to change a temporary password call it. */
  allowPasswordChange?: boolean;
  /** Shares its commit with concurrent calls (executeActionGrouped): for the autosaves, the hot path. */
  groupCommit?: boolean;
  handler: (ctx: ActionContext<z.infer<S>>) => T;
};

function toInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of raw.entries()) if (!k.startsWith('$ACTION')) out[k] = v;
    return out;
  }
  return raw;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A refused input's messages (codes such as `password_short`) by field, as forms show them next to
 * their inputs: a nested issue under its top-level field, an issue about the whole input under `_`.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return { ...(fieldErrors as Record<string, string[]>), ...(formErrors.length ? { _: formErrors } : {}) };
}

type Checked<S extends z.ZodType> = { ok: true; user: SessionUser; input: z.infer<S> } | Failure;

/** The checks before any transaction: the session's user, the role, the input's shape. */
function precheck<S extends z.ZodType, T>(spec: ActionSpec<S, T>, user: SessionUser | null, raw: unknown): Checked<S> {
  if (!user || !user.active) return { ok: false, code: 'auth:required' };
  if (user.mustChangePassword && !spec.allowPasswordChange) return { ok: false, code: 'auth:password_change' };
  if (!spec.roles.includes(user.role)) return { ok: false, code: 'forbidden:role' };
  const input = toInput(raw);
  // zod's z.object() also accepts a Date, Map, Set or Promise, which React's reply decoding can
  // produce from a hand-made request: an action's input is a plain object or nothing of the kind.
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && !isPlain(input)) {
    return { ok: false, code: 'invalid:input', fieldErrors: { _: ['not_plain_object'] } };
  }
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'invalid:input', fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, user, input: parsed.data };
}

function failureOf(spec: { name: string }, e: unknown): Failure {
  if (e instanceof Refusal) return { ok: false, code: e.code, params: e.params };
  console.error(`action ${spec.name} failed`, e);
  return { ok: false, code: 'unexpected' };
}

/**
 * Everything an action does once the session has been read: role, validation, the transaction.
 * Tests call it with real users against a real (temporary) database.
 */
export function executeAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  user: SessionUser | null,
  raw: unknown,
  db: DB = getDb(),
): Outcome<T> {
  const checked = precheck(spec, user, raw);
  if (!checked.ok) return checked;
  try {
    return { ok: true, data: db.transaction((tx) => spec.handler({ user: checked.user, input: checked.input, tx }), { behavior: 'immediate' }) };
  } catch (e) {
    return failureOf(spec, e);
  }
}

/**
 * The same action, its transaction shared with the other actions that reach this process at the
 * same moment (group commit, lib/server/group-commit.ts): one fsync for all of them instead of one each.
 * Each keeps its own savepoint, so a refusal undoes only its own writes, and each is answered
 * only after the shared commit is durable.
 */
export async function executeActionGrouped<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  user: SessionUser | null,
  raw: unknown,
  db: DB = getDb(),
): Promise<Outcome<T>> {
  const checked = precheck(spec, user, raw);
  if (!checked.ok) return checked;
  return inGroupCommit(db, (tx) => spec.handler({ user: checked.user, input: checked.input, tx })).then(
    (data): Outcome<T> => ({ ok: true, data }),
    (e: unknown) => failureOf(spec, e),
  );
}

/** Declares an action; the identity function lets TypeScript infer the handler's input from the schema. */
export function defineSpec<S extends z.ZodType, T>(spec: ActionSpec<S, T>): ActionSpec<S, T> {
  return spec;
}
