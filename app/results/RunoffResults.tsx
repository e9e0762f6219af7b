// Every runoff in force (closed, not set aside by a reopened round), for /results and the protocol:
// the nomination, the tied candidates with the votes each received and the abstentions; never who
// voted what. Counts where the publication level shows figures (as lib/round/results.ts exports
// them; at `awards`, and before publication, only which ties went to a vote and how many voted).
import { getLocale, getTranslations } from 'next-intl/server';
import { listOf } from '@/lib/locale/lists';
import type { DB } from '@/db';
import type { Festival } from '@/db/schema';
import { candidateName } from '@/lib/festival/names';
import { candidateLabels } from '@/lib/round/view';
import { closedRunoffs } from '@/lib/runoff/queries';
import { runoffReceiptList } from '@/lib/count/runoffs';
import { shownLevel } from '@/lib/round/results';
import { getFestival } from '@/lib/festival/phase';
import { parseChain } from '@/lib/runoff/chain';
import { nominationName } from '@/i18n/names';

// `fest`: the jury whose runoffs these are (its results' address); the served jury's by default.
export async function RunoffResults({ db, fest = getFestival(db), headingLevel = 'h2' }: { db: DB; fest?: Festival; headingLevel?: 'h2' | 'h3' }) {
  const closed = closedRunoffs(db, fest.id);
  if (closed.length === 0) return null;
  const counts = shownLevel(fest) !== 'awards';
  const t = await getTranslations('runoff.results');
  const tc = await getTranslations('common');
  const labels = candidateLabels(db, await getLocale(), fest.id);
  const ordinal = new Map<string, number>();
  const H = headingLevel;
  return (
    <section aria-labelledby="runoffs-heading" data-testid="runoff-results">
      <H id="runoffs-heading">{t('heading')}</H>
      <ol>
        {closed.map((r) => {
          const n = (ordinal.get(r.nomination) ?? 0) + 1;
          ordinal.set(r.nomination, n);
          const nomination = nominationName(tc, r.nomination);
          return (
            <li key={r.id} data-testid={`runoff-${r.nomination}-${n}`}>
              {t('item', { nomination, ordinal: n, votes: r.votes })}
              {counts && (
                <ul>
                  {r.counts.map((c) => <li key={c.candidate}>{t('count', { name: candidateName(labels.get(String(c.candidate))), count: c.votes })}</li>)}
                  <li>{t('abstentions', { count: r.abstentions })}</li>
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The receipts of every vote in those runoffs, like the ballots' receipts: each juror can find theirs. */
export async function RunoffReceiptList({ db, juryId }: { db: DB; juryId?: number }) {
  const receipts = runoffReceiptList(db, juryId);
  if (receipts.length === 0) return null;
  const t = await getTranslations('runoff.results');
  const tc = await getTranslations('common');
  return (
    <details>
      <summary>{t('showReceipts', { count: receipts.length })}</summary>
      <ul data-testid="runoff-receipts" style={{ fontFamily: 'var(--font-mono)', fontSize: 'var(--text-xs)', wordBreak: 'break-all' }}>
        {receipts.map((r) => <li key={r.receipt} data-receipt-of={r.nomination}>{nominationName(tc, r.nomination)}: {r.receipt}</li>)}
      </ul>
    </details>
  );
}

/** The tie-break chains of the rules summary, one line per nomination whose chain holds a runoff. */
export async function TieBreakRules({ nominations }: { nominations: { code: string; tieBreak: string; runoffAbstention: boolean; exAequoAllowed: boolean }[] }) {
  const t = await getTranslations('runoff.results');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  return nominations.map((n) => {
    const chain = parseChain(n.tieBreak);
    const runoffs = chain.filter((s) => s === 'runoff').length;
    if (runoffs === 0) return null;
    const then = chain.filter((s) => s !== 'runoff' && (s !== 'shared' || n.exAequoAllowed));
    const thenText = listOf(locale, then.map((s) => t(`step.${s as 'casting_vote' | 'shared'}`)), 'or');
    const nomination = nominationName(tc, n.code);
    return <li key={n.code} data-testid={`tie-break-${n.code}`}>{t(n.runoffAbstention ? 'ruleAbstain' : 'rule', { nomination, runoffs, then: thenText })}</li>;
  });
}
