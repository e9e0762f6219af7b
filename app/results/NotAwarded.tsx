// The nominations without an award, said in words: the chair's "no award" with its reason, or the
// special round waived or skipped.
import { getTranslations } from 'next-intl/server';
import type { NotAwarded as Item } from '@/lib/round/not-awarded';
import ui from '@/app/components/ui.module.css';
import { nominationName } from '@/i18n/names';

export async function NotAwarded({ items }: { items: Item[] }) {
  if (items.length === 0) return null;
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  return (
    <ul className={ui.list} data-testid="not-awarded">
      {items.map((n) => (
        <li key={n.code} data-nomination={n.code}>
          <strong>{nominationName(tc, n.code)}</strong>: {t(`notAwarded.${n.why}`)}{n.reason ? ` — ${n.reason}` : ''}
        </li>
      ))}
    </ul>
  );
}
