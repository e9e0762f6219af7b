// The protocol's record of two-person account changes during voting (lib/juror/requests.ts): every
// request (and rename or new organiser), who asked and why, who decided what and when. Never a password.
import { getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/db';
import { listAccountRequests } from '@/lib/juror/requests';
import { listAccountProposals } from '@/lib/juror/proposals';

export async function AccountChanges() {
  const t = await getTranslations('account');
  const when = (await whenFormatter()).at;
  const db = getDb();
  const rows = [
    ...listAccountRequests(db).map((r) => ({ ...r, key: `r${r.id}`, shown: t('approval.target', { name: r.targetName ?? r.target.displayName, login: r.target.login }) })),
    ...listAccountProposals(db).map((p) => ({
      ...p,
      key: `p${p.id}`,
      shown: p.kind === 'rename' && p.target
        ? t('protocol.renameTarget', { from: p.targetName ?? p.target.displayName, login: p.target.login, to: p.displayName })
        : t('approval.target', { name: p.displayName, login: p.login ?? '' }),
    })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <>
      <h2>{t('protocol.heading')}</h2>
      {rows.length === 0 ? <p>{t('protocol.none')}</p> : (
        <ol data-testid="protocol-account-changes">
          {rows.map((r) => (
            <li key={r.key}>
              {t('protocol.item', { kind: t(`kind.${r.kind}`), target: r.shown, requester: r.requester.displayName, at: when(r.createdAt), reason: r.reason })}{' '}
              {r.state === 'pending' || !r.decidedAt || !r.decider ? t('protocol.pending')
                : r.decisionReason ? t('protocol.outcomeReason', { state: t(`state.${r.state}`), decider: r.decider.displayName, at: when(r.decidedAt), reason: r.decisionReason })
                : t('protocol.outcome', { state: t(`state.${r.state}`), decider: r.decider.displayName, at: when(r.decidedAt) })}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
