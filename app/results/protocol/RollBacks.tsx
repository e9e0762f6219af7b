// The protocol's record of roll-backs (npm run restore -- --roll-back, lib/audit/roll-back.ts): when the
// database was brought back to an earlier backup, from which phase to which, and how much of the log
// was set aside. Nothing when there was none: a roll-back must show where people look (issue 20).
import { getTranslations } from 'next-intl/server';
import type { DB } from '@/db';
import { listRestores } from '@/lib/audit/roll-back';
import { whenFormatter } from '@/app/components/when';
import { translateKnown } from '@/i18n/known';

export async function RollBacks({ db }: { db: DB }) {
  const rows = listRestores(db);
  if (rows.length === 0) return null;
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  const when = await whenFormatter();
  const phase = (p: string | null) => (p ? translateKnown(tc, `phase.${p}`, () => '—') : '—');
  return (
    <section aria-labelledby="roll-back-heading" data-testid="protocol-roll-backs">
      <h2 id="roll-back-heading">{t('rollBack.heading')}</h2>
      <ol>
        {rows.map((r) => (
          <li key={r.entry}>
            {t('rollBack.item', { at: when.at(r.at), backup: r.backup, from: phase(r.replaced.phase), to: phase(r.restored.phase), entries: r.lost.entries, published: String(r.lost.published), head: r.replaced.head })}
          </li>
        ))}
      </ol>
    </section>
  );
}
