// The shape every server action follows, kept in one place: guard (session and role, or for the
// set-up link its one-time token) -> zod validation -> an optional async preparation (hashing a
// password) -> one immediate transaction in which the handler checks the resource and the phase,
// writes, and appends its audit entry -> revalidation (lib/server/server-action.ts). A refusal
// throws Refusal, so nothing is written; the caller gets a coded, translated message.
import 'server-only';
import { z } from 'zod';
import { type DB } from '@/db';
import { getDb } from '@/lib/database';
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import type { From } from '@/lib/account/device';
import { inGroupCommit } from './group-commit';
import { Refusal } from './refusal';
import { ownFields } from '@/lib/http/action-format';
import { switchedJury, takeFormJury } from './form-jury';

export { Refusal };

export type Failure = {
  ok: false;
  code: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
  /** A refused form's own text fields, but its secrets (echo.ts), for the page rendered after the post. */
  sent?: Record<string, string>;
};
export type Outcome<T> = { ok: true; data: T } | Failure;
export type ActionResult<T = undefined> = { ok: true; data: T } | (Failure & { message: string });

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export interface ActionContext<I, P = undefined> {
  user: SessionUser;
  input: I;
  tx: Tx;
  /** What the spec's `prepare` returned (undefined without one). */
  prepared: P;
}

export interface PrepareContext<I> {
  user: SessionUser;
  input: I;
  db: DB;
  /** Where the request comes from (address, device), read only when asked for. */
  from: () => Promise<From | undefined>;
}

export type ActionSpec<S extends z.ZodType, T, P = undefined, R = T> = {
  name: string;
  roles: readonly Role[];
  /** The input's schema; a function of the caller when the rule depends on them (a password may not be one's own name). */
  schema: S | ((caller: { user: SessionUser; db: DB }) => S);
  /** Paths whose pages show what this action changes. */
  revalidate?: string[];
  /** Form fields never given back with a refusal (passwords; echo.ts also keeps out any field named as a secret). */
  secret?: readonly string[];
  /** Lets a user who still has to change a temporary password call it. */
  allowPasswordChange?: boolean;
  /**
   * Open to every signed-in account whether or not it sits on the jury the request works in (issue 23): it
   * changes the account, which belongs to no jury (its own password). `roles` then names no jury role.
   */
  anyAccount?: boolean;
  /** Shares its commit with concurrent calls (executeActionGrouped): for the autosaves, the hot path. */
  groupCommit?: boolean;
  /**
   * Async work that cannot run inside the synchronous transaction (hashing a password), run after
   * the checks of session, role and input, so nobody else makes the server do it. It may throw a
   * Refusal; its result reaches the handler as `prepared`.
   */
  prepare?(ctx: PrepareContext<z.infer<S>>): Promise<P>;
  handler: (ctx: ActionContext<z.infer<S>, P>) => T;
  /** Presentation only, after a successful commit, in the server action (never in tests): e.g. a sign-in address and its QR code. */
  present?(data: T): Promise<R>;
};

/**
 * The one action that runs before any account exists (/setup): nobody is signed in, and the one-time
 * token among the fields is the credential. `token` is checked before anything else (a refusal code,
 * or null when the token may be used); the handler uses it up in its own transaction.
 */
export type TokenActionSpec<S extends z.ZodType, T, P = undefined> = {
  name: string;
  schema: S;
  token: (db: DB, token: string) => string | null;
  /** Form fields never given back with a refusal (the token is kept out by its name). */
  secret?: readonly string[];
  revalidate?: string[];
  prepare?: (ctx: { input: z.infer<S>; db: DB }) => Promise<P>;
  handler: (ctx: { input: z.infer<S>; tx: Tx; prepared: P; token: string }) => T;
};

/**
 * The one adapter between a request and a spec's input: a form's own fields (without React's, which
 * lib/http/action-format.ts knows), an uploaded file as its bytes; anything else as it came.
 */
export async function toInput(raw: unknown): Promise<unknown> {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of ownFields(raw)) out[k] = typeof v === 'string' ? v : new Uint8Array(await v.arrayBuffer());
  return out;
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

type Parsed<I> = { ok: true; input: I } | Failure;

/** The input's shape: a plain object (or nothing of the kind) that passes the schema. */
function parse<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  // zod's z.object() also accepts a Date, Map, Set or Promise, which React's reply decoding can
  // produce from a hand-made request: an action's input is a plain object or nothing of the kind.
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && !isPlain(input)) {
    return { ok: false, code: 'invalid:input', fieldErrors: { _: ['not_plain_object'] } };
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'invalid:input', fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, input: parsed.data };
}

type Checked<S extends z.ZodType> = { ok: true; user: SessionUser; input: z.infer<S> } | Failure;

/**
 * The checks before any transaction: the session's user, the jury the call's page was rendered for (if
 * it states one: lib/server/form-jury.ts), the role, the input's shape.
 */
function precheck<S extends z.ZodType, T, P, R>(spec: ActionSpec<S, T, P, R>, user: SessionUser | null, raw: unknown, db: DB): Checked<S> {
  if (!user || !user.active) return { ok: false, code: 'auth:required' };
  // Before the role: after a switch the person may hold no role in the new jury, and "switched, reload" is what happened.
  const { stated, input } = takeFormJury(raw);
  const switched = switchedJury(db, stated);
  if (switched) return { ok: false, ...switched };
  if (user.mustChangePassword && !spec.allowPasswordChange) return { ok: false, code: 'auth:password_change' };
  if (!spec.anyAccount && (!user.role || !spec.roles.includes(user.role))) return { ok: false, code: 'forbidden:role' };
  const schema = typeof spec.schema === 'function' ? spec.schema({ user, db }) : spec.schema;
  const parsed = parse(schema, input);
  return parsed.ok ? { ok: true, user, input: parsed.input } : parsed;
}

function failureOf(spec: { name: string }, e: unknown): Failure {
  // A refusal about a field carries what the form shows next to it; any other its message's parameters.
  if (e instanceof Refusal) return e.fieldErrors ? { ok: false, code: e.code, fieldErrors: e.fieldErrors } : { ok: false, code: e.code, params: e.params };
  console.error(`action ${spec.name} failed`, e);
  return { ok: false, code: 'unexpected' };
}

function transact<T>(spec: { name: string }, db: DB, work: (tx: Tx) => T): Outcome<T> {
  try {
    return { ok: true, data: db.transaction(work, { behavior: 'immediate' }) };
  } catch (e) {
    return failureOf(spec, e);
  }
}

/**
 * Everything an action without preparation does once the session has been read: role,
 * validation, the transaction. Synchronous; tests call it with real users against a real
 * (temporary) database. runAction runs any spec.
 */
export function executeAction<S extends z.ZodType, T, R>(
  spec: ActionSpec<S, T, undefined, R>,
  user: SessionUser | null,
  raw: unknown,
  db: DB = getDb(),
): Outcome<T> {
  if (spec.prepare) throw new Error(`${spec.name} prepares before its transaction: run it with runAction`);
  // A form's text fields as they are (runAction also reads its files).
  const input = raw instanceof FormData ? Object.fromEntries(ownFields(raw)) : raw;
  const checked = precheck(spec, user, input, db);
  if (!checked.ok) return checked;
  return transact(spec, db, (tx) => spec.handler({ user: checked.user, input: checked.input, tx, prepared: undefined }));
}

/**
 * Any action, as its server action runs it once the session has been read: checks, preparation,
 * then its transaction (shared with concurrent calls when the spec says groupCommit). `from` is
 * where the request came from, for the actions that record it (a password change).
 */
export async function runAction<S extends z.ZodType, T, P, R>(
  spec: ActionSpec<S, T, P, R>,
  user: SessionUser | null,
  raw: unknown,
  db: DB = getDb(),
  from?: From | (() => Promise<From | undefined>),
): Promise<Outcome<T>> {
  const checked = precheck(spec, user, await toInput(raw), db);
  if (!checked.ok) return checked;
  let prepared = undefined as P;
  if (spec.prepare) {
    try {
      prepared = await spec.prepare({ user: checked.user, input: checked.input, db, from: async () => (typeof from === 'function' ? from() : from) });
    } catch (e) {
      return failureOf(spec, e);
    }
  }
  const work = (tx: Tx) => spec.handler({ user: checked.user, input: checked.input, tx, prepared });
  if (!spec.groupCommit) return transact(spec, db, work);
  return inGroupCommit(db, work).then(
    (data): Outcome<T> => ({ ok: true, data }),
    (e: unknown) => failureOf(spec, e),
  );
}

/**
 * The same action, its transaction shared with the other actions that reach this process at the
 * same moment (group commit, lib/server/group-commit.ts): one fsync for all of them instead of one each.
 * Each keeps its own savepoint, so a refusal undoes only its own writes, and each is answered
 * only after the shared commit is durable.
 */
export function executeActionGrouped<S extends z.ZodType, T, P, R>(
  spec: ActionSpec<S, T, P, R>,
  user: SessionUser | null,
  raw: unknown,
  db: DB = getDb(),
): Promise<Outcome<T>> {
  return runAction({ ...spec, groupCommit: true }, user, raw, db);
}

/**
 * The set-up link's action (TokenActionSpec): only a form, whose token is checked first; then the
 * input, the preparation and the transaction, as for any other action.
 */
export async function runTokenAction<S extends z.ZodType, T, P>(spec: TokenActionSpec<S, T, P>, raw: unknown, db: DB = getDb()): Promise<Outcome<T>> {
  if (!(raw instanceof FormData)) return { ok: false, code: 'invalid:input' };
  // Its text fields only, as the set-up form has no other.
  const fields = Object.fromEntries(ownFields(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const token = fields.token ?? '';
  const refused = spec.token(db, token);
  if (refused) return { ok: false, code: refused };
  const parsed = parse(spec.schema, fields);
  if (!parsed.ok) return parsed;
  let prepared = undefined as P;
  try {
    if (spec.prepare) prepared = await spec.prepare({ input: parsed.input, db });
  } catch (e) {
    return failureOf(spec, e);
  }
  return transact(spec, db, (tx) => spec.handler({ input: parsed.input, tx, prepared, token }));
}

/** Declares an action; the identity function lets TypeScript infer the handler's input from the schema. */
export function defineSpec<S extends z.ZodType, T, P = undefined, R = T>(spec: ActionSpec<S, T, P, R>): ActionSpec<S, T, P, R> {
  return spec;
}
