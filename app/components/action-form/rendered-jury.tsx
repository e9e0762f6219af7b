'use client';
// The jury the page was rendered for (issue 23), given by the root layout: every ActionForm sends it
// with its fields (lib/server/form-jury.ts), so a form sent after the person switched to another jury
// in another tab is refused instead of acting there. After such a switch a link followed in this tab
// renders its page for the new jury under the layout of the old one: its forms then state the old jury
// and are refused with "reload", never run in a jury the page was not made for.
import { createContext, useContext } from 'react';

const RenderedJuryContext = createContext<number | null>(null);

export function RenderedJury({ id, children }: { id: number | null; children: React.ReactNode }) {
  return <RenderedJuryContext.Provider value={id}>{children}</RenderedJuryContext.Provider>;
}

/** The rendered jury's id, or null (an empty database, before the set-up). */
export const useRenderedJury = () => useContext(RenderedJuryContext);
