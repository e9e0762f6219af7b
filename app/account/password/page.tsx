// Setting one's own password: required at the first sign-in with a temporary password, and open
// to any signed-in user afterwards.
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth';
import ui from '@/app/components/ui.module.css';
import { PasswordForm } from './PasswordForm';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('account.title') };
}

export default async function PasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  const t = await getTranslations('admin');
  return (
    <main className={ui.narrow}>
      <h1>{t('account.title')}</h1>
      {user.mustChangePassword && <p className={ui.notice} data-testid="must-change">{t('account.mustChange')}</p>}
      <p className={ui.muted}>{t('account.intro', { min: 10 })}</p>
      <PasswordForm login={user.login} />
    </main>
  );
}
