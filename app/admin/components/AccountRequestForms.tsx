'use client';
// The organisers' forms for two-person account changes during voting (lib/juror/requests.ts):
// request a change with a reason, refuse a request about the chair with a reason, and have an
// approved reset's temporary password shown, once.
import { useTranslations } from 'next-intl';
import {
  addOrganiser, issueOrganiserPassword, issueTemporaryPassword, proposeOrganiser, proposeRename, refuseAccountRequestAsOrganiser, refuseProposalAsOrganiser, requestAccountChange,
} from '@/app/admin/actions/account-requests';
import { ActionForm, type ActionState } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';
import { TemporaryPassword } from './TemporaryPassword';
import ui from '@/app/components/ui.module.css';

type Opt = { value: string; label: string };

export function RequestChangeForm({ jurorId, kinds }: { jurorId: number; kinds: Opt[] }) {
  const t = useTranslations('account.request');
  return (
    <ActionForm action={requestAccountChange} submit={t('submit')} success={t('sent')} reset testId={`request-${jurorId}`}>
      <p className={ui.muted}>{t('explain')}</p>
      <input type="hidden" name="targetId" value={jurorId} />
      <Field name="kind" label={t('kind')} options={kinds} defaultValue={kinds[0]?.value} required />
      <Field name="reason" label={t('reason')} required />
    </ActionForm>
  );
}

/** Refuses a request (or, with `proposal`, a proposal) about the chair, with a reason. */
export function RefuseForm({ id, proposal = false }: { id: number; proposal?: boolean }) {
  const t = useTranslations('account.list');
  return (
    <ActionForm action={proposal ? refuseProposalAsOrganiser : refuseAccountRequestAsOrganiser} submit={t('refuse')} variant="secondary" testId={`refuse-${proposal ? 'proposal' : 'request'}-${id}`}>
      <input type="hidden" name="id" value={id} />
      <Field name="reason" label={t('refuseReason')} required />
    </ActionForm>
  );
}

/** The temporary password shown once after the form, in this area's words. */
function Secret({ state }: { state: ActionState }) {
  const t = useTranslations('account.list');
  return <TemporaryPassword state={state} title={(login) => t('temporaryFor', { login })} note={t('temporaryNote')} />;
}

/** An approved reset's (or, with `organiser`, a new organiser's) temporary password, shown once. */
export function IssuePasswordForm({ id, target, issued, organiser = false }: { id: number; target: string; issued: boolean; organiser?: boolean }) {
  const t = useTranslations('account.list');
  return (
    <ActionForm action={organiser ? issueOrganiserPassword : issueTemporaryPassword} submit={t('showPassword')} disabled={issued} confirm={t('confirmShowPassword', { target })}
      testId={`issue-${organiser ? 'organiser-' : ''}password-${id}`} after={(st) => <Secret state={st} />}>
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}

/** During voting: a rename is a request the chair approves (another organiser for the chair). */
export function RenameRequestForm({ jurorId, displayName, latinName }: { jurorId: number; displayName: string; latinName: string | null }) {
  const t = useTranslations('account.rename');
  return (
    <ActionForm action={proposeRename} submit={t('submit')} success={t('sent')} reset testId={`rename-${jurorId}`}>
      <p className={ui.muted}>{t('explain')}</p>
      <input type="hidden" name="targetId" value={jurorId} />
      <Field name="displayName" label={t('displayName')} defaultValue={displayName} required />
      <Field name="latinName" label={t('latinName')} defaultValue={latinName ?? ''} />
      <Field name="reason" label={t('reason')} required />
    </ActionForm>
  );
}

/** A second organiser: directly in setup (with a temporary password shown once), a proposal the chair approves from voting on. */
export function OrganiserAddForm({ direct }: { direct: boolean }) {
  const t = useTranslations('account.organisers');
  return direct ? (
    <ActionForm action={addOrganiser} submit={t('add')} reset testId="organiser-add" after={(st) => <Secret state={st} />}>
      <Field name="displayName" label={t('displayName')} required />
      <Field name="login" label={t('login')} required />
    </ActionForm>
  ) : (
    <ActionForm action={proposeOrganiser} submit={t('propose')} success={t('sent')} reset testId="organiser-propose">
      <p className={ui.muted}>{t('proposeExplain')}</p>
      <Field name="displayName" label={t('displayName')} required />
      <Field name="login" label={t('login')} required />
      <Field name="reason" label={t('reason')} required />
    </ActionForm>
  );
}
