'use client';
// The app's header and the personal banners, on every page but those made for a wall: the room display
// (/chair/room) is projected for the whole jury, so it carries no one's "your vote is waiting", no
// navigation and no "Log out".
import { usePathname } from 'next/navigation';

export const WALL_PAGES = ['/chair/room'];

export function AppChrome({ children }: { children: React.ReactNode }) {
  const path = usePathname();
  if (WALL_PAGES.some((p) => path === p || path?.startsWith(`${p}/`))) return null;
  return <>{children}</>;
}
