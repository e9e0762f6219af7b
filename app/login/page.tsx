import { redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { LOGIN_CLIENT_MESSAGES, clientMessages } from '@/i18n/client-messages';
import { getCurrentUser } from '@/lib/auth';
import { LoginForm } from './LoginForm';
import ui from '@/app/components/ui.module.css';

export async function generateMetadata() {
  const t = await getTranslations('auth');
  return { title: t('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A password must never be in an address. One that arrives there anyway (an old bookmark, a form
  // from before route 9 was fixed) is neither read nor echoed: the page sends the browser to a clean
  // address, so the page it ends on does not show it.
  const params = await searchParams;
  if ('password' in params || 'login' in params) redirect('/login');
  if (await getCurrentUser()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <main className={ui.narrow}>
      <h1>{t('title')}</h1>
      <p className={ui.muted}>{t('intro')}</p>
      <NextIntlClientProvider messages={await clientMessages(LOGIN_CLIENT_MESSAGES)}>
        <LoginForm />
      </NextIntlClientProvider>
    </main>
  );
}
