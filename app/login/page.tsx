import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth';
import { LoginForm } from './LoginForm';
import ui from '@/app/components/ui.module.css';

export async function generateMetadata() {
  const t = await getTranslations('auth');
  return { title: t('title') };
}

export default async function LoginPage() {
  if (await getCurrentUser()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <main className={ui.narrow}>
      <h1>{t('title')}</h1>
      <p className={ui.muted}>{t('intro')}</p>
      <LoginForm />
    </main>
  );
}
