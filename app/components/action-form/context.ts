'use client';
// What the fields of an ActionForm read from their form: its answer, whether it runs, and the fields
// as last sent while they are to be kept (React clears a form after its action; a refused input is
// put back so that it can be corrected).
import { createContext, useContext } from 'react';

export type ActionState =
  | { ok: true; data?: unknown }
  // `sent`: the refused form's text fields but its secrets, as the server gave them back (lib/server/echo.ts).
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; sent?: Record<string, string> }
  | null;

/**
 * The fields as sent: the browser's own copy once hydrated (FormData), else, on the page rendered after
 * a post made without JavaScript, what the server gave back with its refusal.
 */
export type Kept = FormData | Record<string, string> | null;

export const FormContext = createContext<{ state: ActionState; pending: boolean; kept: Kept }>({ state: null, pending: false, kept: null });
export const useActionFormState = () => useContext(FormContext);

/** The value a field had when sent, while the form keeps it. */
export function keptValue(kept: Kept, name: string): string | undefined {
  const v = kept instanceof FormData ? kept.get(name) : kept && Object.hasOwn(kept, name) ? kept[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Whether a field (a ticked checkbox) was among those sent. */
export function keptHas(kept: Kept, name: string): boolean {
  return kept instanceof FormData ? kept.has(name) : !!kept && Object.hasOwn(kept, name);
}

