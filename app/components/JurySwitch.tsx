// The competition a person works in, in the header, with the switch to the others they may work in
// (lib/festival/jury-choice.ts). Shown only when there is a choice: a single-jury festival's header
// stays as it was. A disclosure of plain links, so it works before JavaScript and takes one short line
// on a phone; each link is the jury's address, which chooses it and opens its home page.
import { getTranslations } from 'next-intl/server';
import type { Festival } from '@/db/schema';
import { getDb } from '@/lib/database';
import { competitionName } from '@/lib/festival/names';
import { juriesToChoose } from '@/lib/festival/jury-choice';
import s from './header.module.css';

export async function JurySwitch({ who, current, locale }: { who: { id: number; organiser: boolean }; current: Festival; locale: string }) {
  const choices = juriesToChoose(getDb(), who, current);
  if (choices.length < 2) return null;
  const t = await getTranslations('common');
  const nameOf = (j: Parameters<typeof competitionName>[0]) => competitionName(j, locale) ?? t('competition.main');
  return (
    <details className={s.jurySwitch} data-testid="jury-switch">
      <summary>
        <span className={s.juryLabel}>{t('competition.label')}: </span>
        <span data-testid="current-jury">{nameOf(current)}</span>
      </summary>
      <nav aria-label={t('competition.switch')}>
        <ul className={s.juryList}>
          {choices.map((j) => (
            <li key={j.id}>
              {j.id === current.id
                ? <a href={j.href} aria-current="true">{t('competition.current', { name: nameOf(j) })}</a>
                // A plain link: the address answers with a redirect that sets the choice, then a whole new page.
                : <a href={j.href}>{nameOf(j)}</a>}
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
