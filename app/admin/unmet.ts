// The sentence for one unmet precondition of opening the vote.
import type { Unmet } from '@/lib/admin/phase';
import { isLocale, localeNames } from '@/i18n/config';
import { translateKnown, type Lookup } from '@/i18n/known';
import { nominationName, type CommonNames } from '@/i18n/names';

export function unmetText<K extends string>(t: Lookup<K>, tc: CommonNames, u: Unmet): string {
  const params = { ...(u.params ?? {}) };
  if (typeof params.nomination === 'string') params.nomination = nominationName(tc, params.nomination);
  if (typeof params.language === 'string' && isLocale(params.language)) params.language = localeNames[params.language];
  return translateKnown(t, `phase.unmetReason.${u.code.replace(/[:.]/g, '_')}`, () => u.code, params);
}

const PERFORMANCE_NOMINATIONS = new Set(['best_actor', 'best_actress']);

/** Where the organiser fixes an unmet precondition. */
export function unmetHref(u: Unmet): string | null {
  switch (u.code) {
    case 'open:festival_name':
    case 'open:festival_city':
    case 'open:no_method':
      return '/admin#settings-heading';
    case 'open:no_candidates':
      return PERFORMANCE_NOMINATIONS.has(String(u.params?.nomination)) ? '/admin/performances' : '/admin/films';
    case 'open:placeholder_films':
    case 'open:film_country':
      return '/admin/films';
    case 'open:placeholder_performances':
      return '/admin/performances';
    // A juror without a credential: the slips give every juror one at once, to hand out on paper.
    case 'open:no_account':
      return '/admin/jurors/slips';
    case 'open:placeholder_jurors':
    case 'open:chair_count':
    case 'open:juror_country':
      return '/admin/jurors';
    default:
      return null;
  }
}
