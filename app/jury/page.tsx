import { getTranslations } from 'next-intl/server';
import { requireRole, JUROR_ROLES } from '@/lib/auth';
import { NominationOverview } from '@/app/components/NominationOverview';
import ui from '@/app/components/ui.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('jury'))('title') };
}

export default async function JuryHome() {
  const user = await requireRole(...JUROR_ROLES);
  const t = await getTranslations('jury');
  return (
    <main className={ui.main}>
      <h1>{t('welcome', { name: user.displayName })}</h1>
      <NominationOverview />
    </main>
  );
}
