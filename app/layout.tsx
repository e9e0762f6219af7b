import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import './fonts/faces';
import './tokens.css';
// The shared primitives (cards, buttons) before any other module's CSS: each route now inlines only the
// CSS modules it imports (next.config.js, cssChunking), in the order the layout and then the page import
// them, and rules such as the runoff card's accent border (runoff.module.css, which the header's banner
// brings into the layout) must come after ui's `.card` to win, as they did in the one merged chunk.
import './components/ui.module.css';
import { Header } from './components/Header';
import { RenderedJury } from './components/action-form/rendered-jury';
import { getDb } from '@/lib/database';
import { findFestival } from '@/lib/festival/phase';
import { chooseRequestJury } from '@/lib/server/chosen-jury';
import { ScriptFonts } from './components/ScriptFonts';
import { SHELL_CLIENT_MESSAGES, clientMessages } from '@/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { default: 'Jury', template: '%s · Jury' }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  // The jury this page is rendered for (the request's choice, read first), which its forms state.
  await chooseRequestJury();
  const renderedJury = findFestival(getDb())?.id ?? null;
  return (
    <html lang={locale}>
      <body>
        <ScriptFonts />
        <a href="#main" className="visually-hidden">{t('skipToContent')}</a>
        <NextIntlClientProvider messages={await clientMessages(SHELL_CLIENT_MESSAGES)}>
          <RenderedJury id={renderedJury}>
            <Header />
            <div id="main">{children}</div>
          </RenderedJury>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
