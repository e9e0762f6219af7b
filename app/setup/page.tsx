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
  return (
    <main className={ui.narrow}>
      <h1>{t('setup.title')}</h1>
      {usable ? (
        <>
          <p>{t('setup.intro')}</p>
          <SetupForm token={token} />
        </>
      ) : (
        // No link at all is not a used link: say what is needed and where it comes from.
        <p className={ui.notice} role="alert" data-testid="setup-refused">
          {hasFestival(db) ? t('errors.setup_exists') : typeof token === 'string' && token ? t('errors.setup_token') : t('errors.setup_no_token')}
        </p>
      )}
    </main>
  );
}
