// The browser set-up: opened from the one-time link the server prints on an empty database
// (JURY_DEMO=0). Without a usable token it explains why and offers nothing else.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { hasFestival, setupTokenUsable } from '@/lib/setup/festival';
import ui from '@/app/components/ui.module.css';
import { SetupForm } from './SetupForm';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('setup.title') };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('auth');
  const { token } = await searchParams;
  const db = getDb();
  const usable = typeof token === 'string' && setupTokenUsable(db, token);
  const refused = usable ? null : hasFestival(db) ? t('errors.setup_exists') : typeof token === 'string' && token ? t('errors.setup_token') : t('errors.setup_no_token');
  return (
    <main className={ui.narrow}>
      <h1>{t('setup.title')}</h1>
      <SetupForm token={typeof token === 'string' ? token : ''} refused={refused} />
    </main>
  );
}
