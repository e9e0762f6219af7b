'use client';
import { useTranslations } from 'next-intl';
import { openVoting } from '@/app/admin/actions/phase';
import { ActionForm } from './ActionForm';

export function OpenVoting({ ready }: { ready: boolean }) {
  const t = useTranslations('admin.phase');
  return <ActionForm action={openVoting} submit={t('open')} pending={t('opening')} success={t('opened')} disabled={!ready} confirm={t('confirm')} testId="open-voting" />;
}
