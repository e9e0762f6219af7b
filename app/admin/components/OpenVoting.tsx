'use client';
// Opening the vote takes no input: the action is called with an empty object, not the (empty) form.
import { useTranslations } from 'next-intl';
import { openVoting } from '@/app/admin/actions/phase';
import { ActionForm } from '@/app/components/action-form/ActionForm';

const open = () => openVoting({});

export function OpenVoting({ ready }: { ready: boolean }) {
  const t = useTranslations('admin.phase');
  return <ActionForm action={open} submit={t('open')} pending={t('opening')} success={t('opened')} disabled={!ready} confirm={t('confirm')} testId="open-voting" />;
}
