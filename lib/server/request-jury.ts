// The jury a request works in (issue 23). One install serves several juries; which one a request is
// about is chosen by the person (lib/server/chosen-jury.ts reads the choice) and holds for that request
// only. The rooms read it synchronously, deep inside their transactions (lib/festival/phase.ts
// findFestival), so it travels with the request instead of through every signature:
// - an action or a route handler runs inside `inJury`, whose AsyncLocalStorage follows its awaits
//   (and lib/server/group-commit.ts carries it into the shared transaction, piece by piece);
// - a page's render keeps it in React's per-request cache, set by the first thing every page and layout
//   awaits (the session, lib/auth/session.ts), before any of them reads the festival.
// Outside a request (scripts, tests) there is none, and the app serves its default jury.
import { AsyncLocalStorage } from 'node:async_hooks';
import { cache } from 'react';

const actionJury = new AsyncLocalStorage<number | undefined>();
// React's cache is per request while rendering, and a fresh object on every call anywhere else (in an
// action, a route handler or a script), so nothing set here outlives its render.
const renderJury = cache((): { id?: number } => ({}));

/**
 * Runs `fn` (and everything it awaits) in the given jury; in the default jury when none is given, also
 * inside another jury's run (a request without a choice whose save a chosen jury's request flushes).
 */
export function inJury<T>(juryId: number | undefined, fn: () => T): T {
  return actionJury.run(juryId, fn);
}

/** The jury of the page being rendered (a no-op outside a render). */
export function setRenderJury(juryId: number | undefined): void {
  renderJury().id = juryId;
}

/** The jury this request chose, if it chose one. */
export function requestJury(): number | undefined {
  return actionJury.getStore() ?? renderJury().id;
}
