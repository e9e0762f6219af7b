// One juror's sign-in slip, printed in that juror's own language (the words come with the slip from
// the action that issued it), with the role as a word and the name in both scripts where it has two.
import type { Slip } from '@/lib/juror/import-specs';
import type { SlipWords } from '@/lib/juror/slip-words';
import s from './slips.module.css';

export function SlipCard({ slip, address, qrSvg }: { slip: Slip & { words: SlipWords }; address: string; qrSvg: string }) {
  const w = slip.words;
  return (
    <li className={s.slip} data-testid="slip" lang={w.lang} data-locale={w.lang}>
      <div className={s.qr} aria-hidden="true" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <div>
        <p className={s.name}>{slip.displayName}{slip.latinName && slip.latinName !== slip.displayName ? <span className={s.latin}> ({slip.latinName})</span> : null}</p>
        <p className={s.role} data-testid="slip-role">{w.role[slip.role]}</p>
        <dl className={s.details}>
          <dt>{w.address}</dt><dd className={s.mono}>{address}</dd>
          <dt>{w.login}</dt><dd className={s.mono} data-testid="slip-login">{slip.login}</dd>
          <dt>{w.password}</dt><dd className={s.mono} data-testid="slip-password">{slip.password}</dd>
        </dl>
        <p className={s.note}>{w.note}</p>
      </div>
    </li>
  );
}
