// The protocol's record of two-person account changes during voting (lib/juror/requests.ts): every
// request (and rename or new organiser), who asked and why, who decided what and when. Never a password.
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { listAccountRequests } from '@/lib/juror/requests';
import { listAccountProposals } from '@/lib/juror/proposals';
import { personName } from '@/lib/festival/names';

export async function AccountChanges() {
  const t = await getTranslations('account');
  const locale = await getLocale();
  const name = (p: { displayName: string; latinName: string | null }) => personName(p, locale);
  // The names the request was filed about, where kept; else the account's names now.
  const filed = (r: { targetName: string | null; targetLatinName: string | null }, now: { displayName: string; latinName: string | null }) =>
    r.targetName === null ? name(now) : name({ displayName: r.targetName, latinName: r.targetLatinName });
  const when = (await whenFormatter()).at;
  const db = getDb();
  const rows = [
    ...listAccountRequests(db).map((r) => ({ ...r, key: `r${r.id}`, shown: t('approval.target', { name: filed(r, r.target), login: r.target.login }) })),
    ...listAccountProposals(db).map((p) => ({
      ...p,
      key: `p${p.id}`,
      shown: p.kind === 'rename' && p.target
        ? t('protocol.renameTarget', { from: filed(p, p.target), login: p.target.login, to: name(p) })
        : t('approval.target', { name: name(p), login: p.login ?? '' }),
    })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <>
      <h2>{t('protocol.heading')}</h2>
      {rows.length === 0 ? <p>{t('protocol.none')}</p> : (
        <ol data-testid="protocol-account-changes">
          {rows.map((r) => (
            <li key={r.key}>
              {t('protocol.item', { kind: t(`kind.${r.kind}`), target: r.shown, requester: name(r.requester), at: when(r.createdAt), reason: r.reason })}{' '}
              {r.state === 'pending' || !r.decidedAt || !r.decider ? t('protocol.pending')
                : r.decisionReason ? t('protocol.outcomeReason', { state: t(`state.${r.state}`), decider: name(r.decider), at: when(r.decidedAt), reason: r.decisionReason })
                : t('protocol.outcome', { state: t(`state.${r.state}`), decider: name(r.decider), at: when(r.decidedAt) })}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
