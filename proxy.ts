// Redirects only: a request without a session cookie for a private page goes to /login. Every
// page, action and route handler still checks the session and role itself (proxy can be skipped).
import { NextResponse, type NextRequest } from 'next/server';

const PRIVATE = ['/jury', '/chair', '/admin', '/account'];

export function proxy(req: NextRequest) {
  const hasSession = req.cookies.has('next-auth.session-token') || req.cookies.has('__Secure-next-auth.session-token');
  if (!hasSession && PRIVATE.some((p) => req.nextUrl.pathname === p || req.nextUrl.pathname.startsWith(`${p}/`))) {
    return NextResponse.redirect(new URL('/login', req.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ['/jury/:path*', '/chair/:path*', '/admin/:path*', '/account/:path*'] };
