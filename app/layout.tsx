import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import './fonts/faces';
import './tokens.css';
import { Header } from './components/Header';
import { ScriptFonts } from './components/ScriptFonts';
import { sharedClientMessages } from '@/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { default: 'Jury', template: '%s · Jury' }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  return (
    <html lang={locale}>
      <body>
        <ScriptFonts />
        <a href="#main" className="visually-hidden">{t('skipToContent')}</a>
        <NextIntlClientProvider messages={await sharedClientMessages()}>
          <Header />
          <div id="main">{children}</div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
