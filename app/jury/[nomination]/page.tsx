// One nomination's ballot for the signed-in juror: their own scores, notes and recusals only.
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/film/countries';
import { getDb } from '@/lib/database';
import { requireRole, JUROR_ROLES } from '@/lib/auth';
import { ballotView, nextOpenNomination } from '@/lib/ballot/queries';
import { ballotViewOf } from '@/lib/ballot/view';
import { Ballot } from './Ballot';
import ui from '@/app/components/ui.module.css';
import { nominationName } from '@/i18n/names';

type Props = { params: Promise<{ nomination: string }> };

export async function generateMetadata({ params }: Props) {
  const { nomination } = await params;
  const tc = await getTranslations('common');
  return { title: nominationName(tc, nomination, 'Jury') };
}

export default async function BallotPage({ params }: Props) {
  const me = await requireRole(...JUROR_ROLES);
  const { nomination } = await params;
  if (!/^[a-z0-9_]{1,64}$/.test(nomination)) notFound();
  const view = ballotView(getDb(), me, nomination);
  if (!view) notFound();
  const t = await getTranslations('jury');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const label = nominationName(tc, view.nomination.code);
  // After a submit, the next nomination (in award order, from this one on) whose ballot is still open to this juror.
  const following = nextOpenNomination(getDb(), me, view.nomination.code);
  const next = following ? { code: following, label: nominationName(tc, following) } : null;
  return (
    <main className={ui.main}>
      <p className="no-print"><Link prefetch={false} href="/jury">← {t('backToNominations')}</Link></p>
      <h1>{label}</h1>
      <Ballot {...view} candidates={view.candidates.map((c) => ({ ...c, countryName: countryName(c.country, locale) }))} nominationLabel={label} storageKey={`jury.${me.id}`} view={ballotViewOf(getDb(), me.id)} next={next} />
    </main>
  );
}
