// The messages /jury's client components read (the ballot, the film ballot, the live counts, the
// runoff vote), and no others: i18n/client-messages.ts.
import { NextIntlClientProvider } from 'next-intl';
import { JURY_CLIENT_MESSAGES, clientMessages } from '@/i18n/client-messages';

export default async function Layout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(JURY_CLIENT_MESSAGES)}>{children}</NextIntlClientProvider>;
}
