// On every page, for a juror (or the chair) with a runoff waiting for their vote: a banner that
// links to it on /jury. Nothing for anyone else, and one indexed read when no runoff is open.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { runoffsWaitingFor } from '@/lib/runoff/queries';
import s from './runoff.module.css';
import { nominationName } from '@/i18n/names';

export async function RunoffBanner({ user }: { user: { id: number; role: string | null } | null }) {
  if (!user || (user.role !== 'juror' && user.role !== 'chair')) return null;
  const waiting = runoffsWaitingFor(getDb(), user.id);
  if (waiting.length === 0) return null;
  const t = await getTranslations('runoff.jury');
  const tc = await getTranslations('common');
  const nomination = nominationName(tc, waiting[0].nomination);
  return (
    <p className={`${s.banner} no-print`} role="status" data-testid="runoff-banner">
      {t('banner', { nomination })} <Link prefetch={false} href="/jury#runoff">{t('bannerLink')}</Link>
    </p>
  );
}
