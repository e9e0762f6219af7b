// The jury protocol, to print on A4 and sign: festival, date, jury, method and rules, each award
// with its winner and margin, the chair's decisions, the hash of the final tally, signature lines.
// For the served jury (/results/protocol, also the draft) or a published jury at its own address
// (/results/<edition>/<jury>/protocol): every query reads the jury `fest` names.
import { getLocale, getTranslations } from 'next-intl/server';
import type { DB } from '@/db';
import type { Festival } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import { candidateName, festivalCity, festivalName, personName } from '@/lib/festival/names';
import { listOf } from '@/lib/locale/lists';
import { listNominations } from '@/lib/festival/queries';
import { awardsDecidedBy, awardsList, juryList, shownLevel } from '@/lib/round/results';
import { protocolDecisions, protocolNamesResults } from '@/lib/round/protocol-decisions';
import { Hash } from '@/app/components/Hash';
import { DraftAwards } from './DraftAwards';
import { candidateLabels, withheldAwards } from '@/lib/round/view';
import { juryMemberText } from '@/app/results/jury-member';
import { AwardList } from '@/app/results/AwardList';
import { NotAwarded } from '@/app/results/NotAwarded';
import { notAwardedList } from '@/lib/round/not-awarded';
import { RulesSummary } from '@/app/results/RulesSummary';
import { RunoffResults } from '@/app/results/RunoffResults';
import { AuditHead } from '@/app/results/AuditHead';
import s from './protocol.module.css';
import { AccountChanges } from './AccountChanges';
import { RollBacks } from './RollBacks';
import { whenFormatter } from '@/app/components/when';
import { nominationName } from '@/i18n/names';

export async function ProtocolView({ db, fest, user, draft }: { db: DB; fest: Festival; user: SessionUser | null; draft: boolean }) {
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  const ta = await getTranslations('account');
  const locale = await getLocale();
  const when = await whenFormatter();
  const jury = juryList(db, fest);
  const awards = draft ? [] : awardsList(db, fest);
  // The organisers' draft names no result in a decision (lib/round/protocol-decisions.ts).
  const decisions = protocolDecisions(db, fest.phase, user?.role ?? null, fest.id);
  const labels = candidateLabels(db, locale, fest.id);
  const names = (ids: number[]) => listOf(locale, ids.map((id) => candidateName(labels.get(String(id)))));
  return (
    <main className={s.page}>
      {fest.demo && <p className={s.demo} data-testid="protocol-demo">{tc('demo.protocol')}</p>}
      {draft && <p className={s.demo} data-testid="protocol-draft">{t('draft.banner')}</p>}
      <h1>{t('protocolTitle', { festival: festivalName(fest, locale) })}{draft ? ` ${t('draft.title')}` : ''}{fest.demo ? ` (${tc('demo.protocol')})` : ''}</h1>
      <p>{festivalCity(fest, locale)}{fest.endsOn ? `, ${when.day(fest.endsOn)}` : ''}</p>
      <h2>{t('jury')}</h2>
      <ul>{jury.map((j) => <li key={j.id}>{juryMemberText(j, locale, { chair: t('chairOfJury'), left: ta('leftJury') })}</li>)}</ul>
      <h2>{t('rulesHeading')}</h2>
      <RulesSummary fest={fest} nominations={listNominations(db, fest.id)} />
      <h2>{t('awards')}</h2>
      {/* Scores and margins only where the festival publishes figures, and once it has. */}
      {draft ? <DraftAwards forChair={user?.role === 'chair'} /> : (
        <>
          <AwardList awards={awards} decidedBy={awardsDecidedBy(db, awards, fest)} withMargin={shownLevel(fest) !== 'awards'} withheld={fest.phase === 'published' ? undefined : withheldAwards(db)} />
          <NotAwarded items={notAwardedList(db, fest.id)} />
        </>
      )}
      <h2>{t('decisions')}</h2>
      {decisions.length === 0 ? <p>{t('noDecisions')}</p> : (
        <ol className={s.decisions} data-testid="protocol-decisions">
          {decisions.map((d) => (
            <li key={d.id} data-decision={d.kind} data-standing={d.standing?.state}>
              {t(`decision.${d.label}` as 'decision.no_award')}{d.withheld ? ` — ${t('draft.decisionWithheld')}` : ''}{d.nomination ? ` — ${nominationName(tc, d.nomination)}` : ''}
              {/* What the decision chose, by name: a protocol that says only "casting vote" cannot be checked. */}
              {d.kind === 'casting_vote' && d.chosen.length > 0 && `: ${t('decisionChosen', { names: names(d.chosen) })}`}
              {d.kind === 'shared' && d.chosen.length > 0 && `: ${t('decisionShared', { names: names(d.chosen) })}`}
              {d.reason ? ` (${d.reason})` : ''} <span className={s.muted}>(<time dateTime={d.at}>{when.at(d.at)}</time>)</span>
              {d.standing && (
                <strong className={d.standing.state === 'standing' ? s.stands : s.superseded} data-testid="decision-standing">
                  {' '}
                  {d.standing.state === 'standing' ? t('standing.standing')
                    : d.standing.state === 'superseded' ? t('standing.superseded', { kind: t(`decision.${d.standing.by}`), at: when.at(d.standing.at) })
                    : t(`standing.${d.standing.by}`, { at: when.at(d.standing.at) })}
                </strong>
              )}
            </li>
          ))}
        </ol>
      )}
      {/* Counts where the published level shows figures; before publication none (the chair reads them on the desk). */}
      {/* Not in the organisers' draft: how many voted in a runoff on which award points at the tied films (issue 20). */}
      {protocolNamesResults(fest.phase, user?.role ?? null) && <RunoffResults db={db} fest={fest} />}
      <AccountChanges />
      <RollBacks db={db} />
      {!draft && <h2>{t('hashHeading')}</h2>}
      {!draft && fest.finalHash && <p className={s.hash}><Hash value={fest.finalHash} /></p>}
      <AuditHead fest={fest} className={s.hash} />
      {/* The heading and every signature line on one sheet: a protocol signed across two pages invites a swapped page. */}
      <section className={s.signatureBlock} data-testid="signature-block">
      <h2>{t('signatures')}</h2>
      <table className={s.signatures}>
        <tbody>
          {jury.map((j) => {
            const name = personName(j, locale);
            return <tr key={j.id}><td>{name}</td><td className={s.line} aria-label={t('signatureOf', { name })} /></tr>;
          })}
        </tbody>
      </table>
      </section>
    </main>
  );
}
