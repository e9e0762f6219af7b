// Client components here read messages of areas the root layout does not hand on (i18n/client-messages.ts).
import { AllMessages } from '@/app/components/AllMessages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <AllMessages>{children}</AllMessages>;
}
