'use client';
// What the fields of an ActionForm read from their form: its answer, whether it runs, and the fields
// as last sent while they are to be kept (React clears a form after its action; a refused input is
// put back so that it can be corrected).
import { createContext, useContext } from 'react';

export type ActionState = { ok: true; data?: unknown } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null;

export const FormContext = createContext<{ state: ActionState; pending: boolean; kept: FormData | null }>({ state: null, pending: false, kept: null });
export const useActionFormState = () => useContext(FormContext);

/** The value a field had when sent, while the form keeps it. */
export function keptValue(kept: FormData | null, name: string): string | undefined {
  const v = kept?.get(name);
  return typeof v === 'string' ? v : undefined;
}
