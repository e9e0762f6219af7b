// Rendered with HTTP 403 when a signed-in user opens a page their role may not see.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import ui from '@/app/components/ui.module.css';

export default async function Forbidden() {
  const t = await getTranslations('common');
  return (
    <main className={ui.narrow}>
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText')}</p>
      <Link href="/">{t('backHome')}</Link>
    </main>
  );
}
