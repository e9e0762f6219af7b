// Which jury a request is about (issue 23): the person's choice, kept in a cookie set by a jury's
// address (app/e/[edition]/[jury]) and read at the start of every request (the session's read,
// lib/auth/session.ts; every action, lib/server/server-action.ts; every route handler that reads a
// jury). The choice names a jury and grants nothing: what a person may do in it is their membership
// of it (lib/auth/users.ts), and a choice of a jury that does not exist is no choice (the default jury).
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { eq } from 'drizzle-orm';
import { jury } from '@/db/schema';
import { getDb } from '@/lib/database';
import { inJury, setRenderJury } from './request-jury';

export const JURY_COOKIE = 'jury';

/** The jury the request's cookie names, if it names one that exists. */
async function chosenJury(): Promise<number | undefined> {
  const raw = (await cookies()).get(JURY_COOKIE)?.value ?? '';
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) return undefined;
  return getDb().select({ id: jury.id }).from(jury).where(eq(jury.id, Number(raw))).get()?.id;
}

/** Reads the request's choice and makes it the jury of this render; the choice, for an action's inJury. */
export const chooseRequestJury = cache(async (): Promise<number | undefined> => {
  const id = await chosenJury();
  setRenderJury(id);
  return id;
});

/** A route handler run in the request's jury. */
export function inRequestJury<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => inJury(await chooseRequestJury(), () => handler(...args));
}
