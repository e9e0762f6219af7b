// One juror as the public jury list and the protocol name them: their name in their own script with the
// Latin form for readers of other scripts, their country as a word in the reader's language, the chair
// and anyone who left the jury said so.
import { personName } from '@/lib/festival/names';
import { countryName } from '@/lib/film/countries';
import type { juryList } from '@/lib/round/results';

type Member = ReturnType<typeof juryList>[number];

export function juryMemberText(j: Member, locale: string, words: { chair: string; left: string }): string {
  const country = countryName(j.country, locale);
  return `${personName(j, locale)}${country ? ` (${country})` : ''}${j.role === 'chair' ? ` — ${words.chair}` : ''}${j.standing === 'left_counted' ? ` — ${words.left}` : ''}`;
}
