'use client';
// A runoff ballot: the tied candidates only, one radio choice (or an abstention where the rules
// allow it), a confirmation that the vote cannot be changed, then the receipt, shown once, to copy
// or download. The one form (ActionForm): it posts to the server action and asks before the vote, also
// before the script has loaded (a disclosure then, the app's dialog once hydrated).
import { useEffect, useRef } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { FilmTitle } from '@/app/components/FilmTitle';
import { candidateName, localTitle, type Titles } from '@/lib/festival/names';
import { ActionFormOf, useActionForm } from '@/app/components/action-form/ActionForm';
import { castRunoffVote } from '@/app/jury/runoff-actions';
import ui from '@/app/components/ui.module.css';
import s from './runoff.module.css';

type Candidate = Titles & { id: number; person: string | null };
type Props = { runoff: number; nominationLabel: string } & (
  | { ordinal: number; abstention: boolean; candidates: Candidate[]; voted?: undefined }
  // A runoff already voted in: nothing to show, unless this render answers the vote just posted (the receipt).
  | { voted: true; ordinal?: undefined; abstention?: undefined; candidates?: undefined }
);

export function RunoffVote({ runoff, nominationLabel, ordinal, abstention, candidates, voted }: Props) {
  const t = useTranslations('runoff.jury');
  const locale = useLocale();
  const voting = useActionForm(castRunoffVote);
  const headingId = `runoff-${runoff}-heading`;
  // After a refusal the choice that was sent stays marked (React resets a form once its action has run).
  const chosen = voting.sent?.get('choice');
  if (voting.state?.ok) return <RunoffReceipt data={voting.state.data as Data} nominationLabel={nominationLabel} />;
  if (voted) return null;
  // Once hydrated the question names the choice; before, it points at the marked one.
  const says = (form: FormData | null) => {
    const v = form?.get('choice');
    if (!v) return t('confirmTextMarked');
    const c = candidates.find((x) => String(x.id) === v);
    return t('confirmText', { choice: v === 'abstain' ? t('abstain') : c ? candidateName({ person: c.person, title: localTitle(c, locale) }) : '' });
  };
  return (
    <section className={`${ui.card} ${s.runoff}`} aria-labelledby={headingId} id="runoff" data-testid={`runoff-ballot-${runoff}`}>
      <h2 id={headingId}>{t('heading', { nomination: nominationLabel, ordinal })}</h2>
      <p>{t('explain')}</p>
      {/* No refresh after the vote: the receipt is shown once, in place of this ballot, and the page without it would drop it. */}
      <ActionFormOf control={voting} submit={t('submit')} pending={t('sending')} confirm={says} confirmTitle={t('confirmTitle')}
        confirmLabel={t('confirm')} fields={{ runoff }} testId="runoff" validate refresh={false}
        incomplete={(form) => (form.get('choice') ? null : t('chooseFirst'))}>
        <fieldset className={s.choices}>
          <legend className={s.legend}>{t('choose')}</legend>
          {candidates.map((c) => (
            <label key={c.id} className={s.choice}>
              <input type="radio" name="choice" value={c.id} required defaultChecked={chosen === String(c.id)} />
              <span>
                {c.person && <span className={s.person}>{c.person}</span>}
                <FilmTitle film={c} />
              </span>
            </label>
          ))}
          {abstention && (
            <label className={s.choice}>
              <input type="radio" name="choice" value="abstain" defaultChecked={chosen === 'abstain'} />
              <span>{t('abstain')}</span>
            </label>
          )}
        </fieldset>
      </ActionFormOf>
    </section>
  );
}

type Data = { receipt: string; salt: string; at: string; canonical: unknown };

function RunoffReceipt({ data, nominationLabel }: { data: Data; nominationLabel: string }) {
  const t = useTranslations('runoff.jury');
  const file = JSON.stringify({ receipt: data.receipt, votedAt: data.at, vote: data.canonical, howToCheck: 'sha256 of the canonical JSON (keys sorted, no spaces) of "vote" equals "receipt"' }, null, 2);
  // The ballot the juror was on is gone: the focus goes to what replaced it, which is announced with its heading.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return (
    <section ref={ref} className={ui.success} aria-labelledby="runoff-receipt-heading" data-testid="runoff-receipt" tabIndex={-1}>
      <h2 id="runoff-receipt-heading">{t('receiptTitle')}</h2>
      <p>{t('receiptExplain', { nomination: nominationLabel })}</p>
      <p><strong>{t('receipt')}</strong> <code className={s.code} data-testid="runoff-receipt-hash">{data.receipt}</code></p>
      <p><strong>{t('salt')}</strong> <code className={s.code}>{data.salt}</code></p>
      <a className={ui.button} download="runoff-receipt.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(file)}`} aria-describedby="runoff-receipt-keep">{t('download')}</a>
      <p id="runoff-receipt-keep">{t('receiptKeep')}</p>
    </section>
  );
}
