'use client';
// A fold (<details>) that holds one ActionForm, such as a table row's "Edit". The form draws the fold
// itself (ActionFormOf reads this context), because whether it must be open is the form's answer, which
// only the form knows: on the page the server renders after a refused post made before JavaScript, the
// fold comes back open on the refusal and what was typed (drawn by the page, it came back closed and the
// refusal unseen until the fold was opened again); an answer given in place keeps it open.
import { createContext, useContext } from 'react';

export type FoldSpec = { summary: React.ReactNode; className?: string };

const FoldContext = createContext<FoldSpec | null>(null);

/** Folds the ActionForm below it under `summary`. */
export function Fold({ children, ...spec }: FoldSpec & { children: React.ReactNode }) {
  return <FoldContext.Provider value={spec}>{children}</FoldContext.Provider>;
}

/** Draws `form` in the fold around it, if any; `open` when the form has an answer to show. */
export function InFold({ open, children }: { open: boolean; children: React.ReactNode }) {
  const fold = useContext(FoldContext);
  if (!fold) return children;
  return (
    <details className={fold.className} open={open || undefined}>
      <summary>{fold.summary}</summary>
      {/* A form inside this one's fields is not folded a second time. */}
      <FoldContext.Provider value={null}>{children}</FoldContext.Provider>
    </details>
  );
}
