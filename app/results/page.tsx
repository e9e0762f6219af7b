// Public results once published: awards, method and rules, the jury, and the receipts of every
// counted ballot. Before publication nobody but the chair sees anything here; the organisers
// get the publish button and the exports once the awards are finalised. This is the served jury's
// page; every published jury also has its own address (/results/<edition>/<jury>), given here, and
// the list below links every published jury of every edition.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { shownLevel } from '@/lib/round/results';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { publish } from '@/app/chair/actions';
import ui from '@/app/components/ui.module.css';
import { getFestival } from '@/lib/festival/phase';
import { resultsPath } from '@/lib/festival/archive';
import { Exports, ResultsView } from './ResultsView';
import { PublishedList } from './PublishedList';

export async function generateMetadata() {
  return { title: (await getTranslations('results'))('title') };
}

export default async function ResultsPage() {
  const t = await getTranslations('results');
  const db = getDb();
  const fest = getFestival(db);
  const user = await getCurrentUser();
  const visible = fest.phase === 'published' || (fest.phase === 'finalised' && user?.role === 'chair');
  const organiserAfterFinal = fest.phase === 'finalised' && user?.role === 'organiser';
  if (!visible) {
    return (
      <main className={ui.main}>
        <h1>{t('title')}</h1>
        <p className={ui.notice} data-testid="not-published">{t('notYetPublished')}</p>
        {organiserAfterFinal && (
          <section className={ui.card}>
            <p>{t('readyToPublish')}</p>
            <ActionForm action={publish} submit={t('publish')} confirm={t('publishConfirm')} testId="publish" />
            <Exports level={shownLevel(fest)} base="/results" />
          </section>
        )}
        <PublishedList db={db} />
      </main>
    );
  }
  // The permanent address once published (a preview's address would say "not published yet").
  const path = fest.phase === 'published' ? resultsPath(fest) : null;
  return (
    <ResultsView db={db} fest={fest} base="/results" heading={path && <p><Link href={path} data-testid="permanent-address">{t('archive.permanent')}</Link></p>}>
      <PublishedList db={db} />
    </ResultsView>
  );
}
