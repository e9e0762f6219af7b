// `/` sends each role to its home. An account that sits on no jury of the served edition has none: it is
// told so plainly (it may still change its password), instead of landing on a page that refuses it.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import ui from '@/app/components/ui.module.css';
import { requireUser } from '@/lib/auth';

export default async function Home() {
  const user = await requireUser();
  if (user.role === null) {
    const t = await getTranslations('common');
    return (
      <main className={ui.narrow}>
        <h1>{t('noJury.title')}</h1>
        <p data-testid="no-jury">{t('noJury.text')}</p>
        <Link href="/account/password" prefetch={false}>{t('noJury.password')}</Link>
      </main>
    );
  }
  redirect(user.role === 'organiser' ? '/admin' : user.role === 'chair' ? '/chair' : '/jury');
}
