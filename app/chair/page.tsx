import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/queries';
import { NominationOverview } from '@/app/components/NominationOverview';
import ui from '@/app/components/ui.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('chair'))('title') };
}

export default async function ChairHome() {
  const user = await requireRole('chair');
  const t = await getTranslations('chair');
  const tc = await getTranslations('common');
  const fest = getFestival(getDb());
  return (
    <main className={ui.main}>
      <h1>{t('welcome', { name: user.displayName })}</h1>
      <p className={ui.card}>
        {tc('currentPhase')}: <strong data-testid="chair-phase">{tc(`phase.${fest.phase}`)}</strong>
      </p>
      <NominationOverview />
    </main>
  );
}
