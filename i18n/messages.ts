// Messages are split by area (messages/<locale>/<area>.json) so that each part of the app owns
// its file; they are merged into one object per locale, namespaced by area.
import type { AppLocale } from './config';

export const AREAS = ['common', 'auth', 'jury', 'chair', 'admin', 'results', 'errors', 'account', 'live', 'runoff'] as const;

export async function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    AREAS.map(async (area) => [area, (await import(`../messages/${locale}/${area}.json`)).default] as const),
  );
  return Object.fromEntries(parts);
}
