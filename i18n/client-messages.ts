import 'server-only';
// The messages the root layout hands to client components on every page: only the areas that
// client components outside /admin, /chair, /account, /results and /setup read. Each of those five
// sections wraps its pages in AllMessages (app/components/AllMessages.tsx). Every area on every page
// would put all of a language's messages (about 20 KB gzipped) into each page's HTML.
import { getMessages } from 'next-intl/server';

export const SHARED_CLIENT_AREAS = ['common', 'auth', 'jury', 'errors', 'live', 'runoff'] as const;

export async function sharedClientMessages(): Promise<Record<string, unknown>> {
  const messages = await getMessages();
  return Object.fromEntries(SHARED_CLIENT_AREAS.filter((a) => a in messages).map((a) => [a, messages[a]]));
}
