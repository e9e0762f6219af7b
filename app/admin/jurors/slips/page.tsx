// The jurors' sign-in slips, to print and hand out: one card per active juror with the sign-in
// address and its QR code, the login and a fresh one-time password. Generated in one action (which
// replaces every juror's password); nothing here is stored, so a reload shows no password again.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import ui from '@/app/components/ui.module.css';
import { SlipsPrinter } from './SlipsPrinter';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('slips.title') };
}

export default async function SlipsPage() {
  await requireRole('organiser');
  const t = await getTranslations('admin');
  const fest = getFestival(getDb());
  return (
    <main>
      <h1 className="no-print">{t('slips.title')}</h1>
      <p className={`${ui.muted} no-print`}>{t('slips.intro')}</p>
      {fest.phase === 'setup' ? <SlipsPrinter /> : <p className={ui.notice} data-testid="slips-refused">{t('errors.slips_voting')}</p>}
    </main>
  );
}
