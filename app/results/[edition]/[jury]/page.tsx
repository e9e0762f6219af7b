// One jury's results at an address a person can keep (/results/<edition>/<jury>, issue 23): the same page
// as /results, read for the jury the address names, whichever jury the app serves now. Before that jury
// publishes its address says "not published yet" and nothing else; an unknown address is a 404.
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { juryResultsAt, resultsPath } from '@/lib/festival/archive';
import ui from '@/app/components/ui.module.css';
import { ResultsView } from '../../ResultsView';

type Params = { params: Promise<{ edition: string; jury: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('results'))('title') };
}

export default async function JuryResultsPage({ params }: Params) {
  const db = getDb();
  const at = juryResultsAt(db, await params);
  if (at.state === 'missing') notFound();
  // Published only: a chair's or organiser's preview of a finalised jury stays on /results, where the
  // served jury's roles apply; here nobody sees a jury's results before it publishes.
  if (at.state === 'unpublished') {
    const t = await getTranslations('results');
    return (
      <main className={ui.main}>
        <h1>{t('title')}</h1>
        <p className={ui.notice} data-testid="not-published">{t('notYetPublished')}</p>
      </main>
    );
  }
  return <ResultsView db={db} fest={at.fest} base={resultsPath(at.fest)!} />;
}
