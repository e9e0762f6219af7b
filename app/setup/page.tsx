// The browser set-up: opened from the one-time link the server prints on an empty database
// (JURY_DEMO=0), or that `npm run setup -- --link` prints for a festival's new edition. Without a usable
// token, or while the newest edition has a jury that has not published, it explains why and offers
// nothing else.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { hasFestival, setupTokenUsable, unfinishedJuries } from '@/lib/setup/festival';
import ui from '@/app/components/ui.module.css';
import { SetupForm } from './SetupForm';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('auth');
  return { title: hasFestival(getDb()) ? t('setup.editionTitle') : t('setup.title') };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('auth');
  const { token } = await searchParams;
  const db = getDb();
  const usable = typeof token === 'string' && setupTokenUsable(db, token);
  const festival = hasFestival(db);
  const unfinished = usable ? unfinishedJuries(db) : [];
  const refused = usable
    ? unfinished.length > 0 ? t('errors.setup_unfinished', { juries: unfinished.join(', ') }) : null
    : festival ? t('errors.setup_exists') : typeof token === 'string' && token ? t('errors.setup_token') : t('errors.setup_no_token');
  return (
    <main className={ui.narrow}>
      <h1>{festival ? t('setup.editionTitle') : t('setup.title')}</h1>
      <SetupForm token={typeof token === 'string' ? token : ''} refused={refused} edition={festival} />
    </main>
  );
}
