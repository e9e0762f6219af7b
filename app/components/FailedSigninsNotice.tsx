// Told to an account's holder after they signed in: someone tried to sign in as them and failed,
// so many times from so many addresses, between then and then (lib/auth/throttle.ts). A juror
// locked out by someone else's guesses is not locked out unseen.
import { getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { failedSigninsOf } from '@/lib/auth/throttle';
import ui from './ui.module.css';

export async function FailedSigninsNotice({ userId }: { userId: number }) {
  const seen = failedSigninsOf(getDb(), userId);
  if (!seen) return null;
  const t = await getTranslations('account.failedSignins');
  const { at: when } = await whenFormatter();
  return (
    <section aria-labelledby="failed-signins-heading" className={ui.notice} data-testid="failed-signins" role="region">
      <h2 id="failed-signins-heading">{t('heading')}</h2>
      <p>{t('text', { failures: seen.failures, addresses: seen.addresses, first: when(seen.first), last: when(seen.last) })}</p>
      <p>{t('advice')}</p>
    </section>
  );
}
