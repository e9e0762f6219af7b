import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getFestival } from '@/lib/festival/queries';
import ui from '@/app/components/ui.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('results'))('title') };
}

export default async function ResultsPage() {
  const t = await getTranslations('results');
  const fest = getFestival(getDb());
  return (
    <main className={ui.main}>
      <h1>{t('title')}</h1>
      {fest.phase !== 'published' && <p className={ui.notice}>{t('notYetPublished')}</p>}
    </main>
  );
}
