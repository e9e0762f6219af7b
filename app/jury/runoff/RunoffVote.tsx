'use client';
// A runoff ballot: the tied candidates only, one radio choice (or an abstention where the rules
// allow it), a confirmation that the vote cannot be changed, then the receipt, shown once, to copy
// or download. The form posts to the server action, so it also works before the script has loaded.
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { FilmTitle } from '@/app/components/FilmTitle';
import { candidateName, localTitle, type Titles } from '@/lib/festival/names';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import { castRunoffVote } from '@/app/jury/runoff-actions';
import ui from '@/app/components/ui.module.css';
import s from './runoff.module.css';

type Candidate = Titles & { id: number; person: string | null };
type Props = { runoff: number; nominationLabel: string; ordinal: number; abstention: boolean; candidates: Candidate[] };
type State = Awaited<ReturnType<typeof castRunoffVote>> | null;

export function RunoffVote({ runoff, nominationLabel, ordinal, abstention, candidates }: Props) {
  const t = useTranslations('runoff.jury');
  const locale = useLocale();
  const [state, dispatch, pending] = useActionState<State, FormData>(castRunoffVote, null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const headingId = `runoff-${runoff}-heading`;
  if (state?.ok) return <RunoffReceipt data={state.data} nominationLabel={nominationLabel} />;
  const chosenLabel = () => {
    const v = form.current ? new FormData(form.current).get('choice') : null;
    if (v === 'abstain') return t('abstain');
    const c = candidates.find((x) => String(x.id) === v);
    return c ? candidateName({ person: c.person, title: localTitle(c, locale) }) : '';
  };
  return (
    <section className={`${ui.card} ${s.runoff}`} aria-labelledby={headingId} id="runoff" data-testid={`runoff-ballot-${runoff}`}>
      <h2 id={headingId}>{t('heading', { nomination: nominationLabel, ordinal })}</h2>
      <p>{t('explain')}</p>
      <form
        ref={form}
        action={dispatch}
        onSubmit={(e) => {
          e.preventDefault();
          if (!new FormData(e.currentTarget).get('choice')) return setMissing(true);
          setMissing(false);
          setConfirming(true);
        }}
      >
        <input type="hidden" name="runoff" value={runoff} />
        <fieldset className={s.choices} aria-describedby={missing ? `${headingId}-missing` : undefined}>
          <legend className={s.legend}>{t('choose')}</legend>
          {candidates.map((c) => (
            <label key={c.id} className={s.choice}>
              <input type="radio" name="choice" value={c.id} required />
              <span>
                {c.person && <span className={s.person}>{c.person}</span>}
                <FilmTitle film={c} />
              </span>
            </label>
          ))}
          {abstention && (
            <label className={s.choice}>
              <input type="radio" name="choice" value="abstain" />
              <span>{t('abstain')}</span>
            </label>
          )}
        </fieldset>
        {missing && <p id={`${headingId}-missing`} role="alert" className={ui.error}>{t('chooseFirst')}</p>}
        {state && !state.ok && <p role="alert" className={ui.alert}>{state.message}</p>}
        <button type="submit" className={ui.button} disabled={pending} data-testid="runoff-submit">{pending ? t('sending') : t('submit')}</button>
        <ConfirmDialog
          open={confirming}
          title={t('confirmTitle')}
          message={<p>{t('confirmText', { choice: chosenLabel() })}</p>}
          confirmLabel={t('confirm')}
          pending={pending}
          testId="runoff-confirm"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            const fd = new FormData(form.current!);
            setConfirming(false);
            startTransition(() => dispatch(fd));
          }}
        />
      </form>
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
