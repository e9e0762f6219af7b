// The organisers' pages share a sub-navigation. Each page calls requireRole itself: a layout does
// not re-run on navigation, so it guards nothing.
import { AdminNav } from './components/AdminNav';
import ui from '@/app/components/ui.module.css';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className={ui.main}>
      <AdminNav />
      {children}
    </div>
  );
}
