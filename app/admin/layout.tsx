// The organisers' pages share a sub-navigation. Each page calls requireRole itself: a layout does
// not re-run on navigation, so it guards nothing.
// Its client components read messages of areas the root layout does not hand on (i18n/client-messages.ts).
import { AdminNav } from './components/AdminNav';
import { AllMessages } from '@/app/components/AllMessages';
import ui from '@/app/components/ui.module.css';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <AllMessages>
      <div className={ui.main}>
        <AdminNav />
        {children}
      </div>
    </AllMessages>
  );
}
