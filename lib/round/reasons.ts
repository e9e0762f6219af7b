// Reason codes of the tally, put into words: candidate and film ids become titles and names,
// nomination codes become the nomination's name, then the chair namespace's message is used.
import type { Reason } from '@/lib/tally';
import type { CandidateLabel } from './view';
import { listOf } from '@/lib/locale/lists';
import { candidateName } from '@/lib/festival/names';
import { translateKnown, type Lookup } from '@/i18n/known';
import { nominationName, type CommonNames } from '@/i18n/names';

/** `locale` joins the lists of candidates and of next steps the way the reader's language does. */
export function reasonText<K extends string>(t: Lookup<K>, tc: CommonNames, r: Reason, labels: Map<string, CandidateLabel>, films: Map<string, string>, locale = 'en'): string {
  const p: Record<string, string | number> = { ...r.params };
  const cand = (v: string | number) => listOf(locale, String(v).split(',').filter(Boolean).map((id) => candidateName(labels.get(id))));
  for (const k of ['winner', 'loser', 'candidate', 'candidates', 'chosen', 'tied']) if (k in p) p[k] = cand(p[k]);
  if ('film' in p) p.film = films.get(String(p.film)) ?? String(p.film);
  for (const k of ['wonIn', 'nomination']) if (k in p) p[k] = nominationName(tc, String(p[k]));
  // What the tie-break chain allows next ("runoff" or "casting_vote,shared"), in words.
  if ('next' in p) p.next = listOf(locale, String(p.next).split(',').filter(Boolean).map((s) => translateKnown(t, `reason.next_${s}`, () => s)), 'or');
  return translateKnown(t, `reason.${r.code}`, () => `${r.code} ${JSON.stringify(r.params)}`, p);
}
