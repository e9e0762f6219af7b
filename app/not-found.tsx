import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import ui from '@/app/components/ui.module.css';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className={ui.narrow}>
      <h1>{t('notFoundTitle')}</h1>
      <Link href="/">{t('backHome')}</Link>
    </main>
  );
}
