// The open runoffs on the organisers' progress page: how many of those entitled have voted, never
// who chose what nor a count per candidate (the same standing the chair's desk shows).
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { runoffOverview, ordinalOf, runoffRows } from '@/lib/runoff/queries';
import ui from '@/app/components/ui.module.css';

export async function RunoffProgress() {
  const db = getDb();
  const open = runoffOverview(db).open;
  if (open.length === 0) return null;
  const t = await getTranslations('runoff.progress');
  const tc = await getTranslations('common');
  const rows = runoffRows(db);
  return (
    <section className={ui.card} aria-labelledby="runoff-progress-heading" data-testid="runoff-progress">
      <h2 id="runoff-progress-heading">{t('heading')}</h2>
      <ul className={ui.list}>
        {open.map((r) => (
          <li key={r.id} data-cast={r.cast} data-entitled={r.entitled}>
            {t('item', { nomination: tc.has(`nomination.${r.nomination}`) ? tc(`nomination.${r.nomination}`) : r.nomination, ordinal: ordinalOf(rows, r), cast: r.cast, entitled: r.entitled })}
          </li>
        ))}
      </ul>
    </section>
  );
}
