'use client';
// The organisers' pages.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import s from './admin.module.css';

const PAGES = [
  ['/admin', 'overview'],
  ['/admin/films', 'films'],
  ['/admin/performances', 'performances'],
  ['/admin/jurors', 'jurors'],
  ['/admin/progress', 'progress'],
  ['/admin/audit', 'audit'],
] as const;

export function AdminNav() {
  const t = useTranslations('admin.nav');
  const path = usePathname();
  return (
    <nav aria-label={t('label')} className="no-print">
      <ul className={s.subnav}>
        {PAGES.map(([href, key]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? 'page' : undefined}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
