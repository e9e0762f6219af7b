// Every area's messages for the client components below (the root layout hands on only the shared
// ones, i18n/client-messages.ts): rendered on the server, NextIntlClientProvider takes the request's
// whole catalogue when given no `messages`.
import { NextIntlClientProvider } from 'next-intl';

export function AllMessages({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
