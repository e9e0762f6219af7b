// Redirects only: a request without a session cookie for a private page goes to /login. Every
// page, action and route handler still checks the session and role itself (proxy can be skipped).
//
// Server-action requests are also screened here, before Next.js decodes them, both the ones sent by
// JavaScript (Next-Action header) and forms posted without it: a foreign Origin gets 403 and a body
// over 1 MB 413 (Next.js checks both itself, but answers a JavaScript call with a 500), and a body that
// is not a well-formed action call 400 instead of Next's generic 500. What the call's format is, and
// what Next checks on its own, is in lib/http/action-format.ts (the one place that knows the format).
// This is hygiene, not the security boundary: actions validate their input themselves.
//
// Every response also gets the security headers (lib/http/security-headers.ts): the proxy runs for every
// path, so pages, route handlers, redirects, refusals and static files all carry them. Pages get a
// fresh CSP nonce: Next.js reads it from the request's Content-Security-Policy header and puts it on
// its own scripts (pages are rendered per request: the root layout reads the locale cookie).
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/http/security-headers';
import { isFormActionPost, wellFormedFormAction, wellFormedMultipartCall, wellFormedTextCall } from '@/lib/http/action-format';

const PRIVATE = ['/jury', '/chair', '/admin', '/account'];
const MAX_ACTION_BODY = 1024 * 1024; // Next.js's own serverActions.bodySizeLimit default

function refuse(status: number, message: string) {
  return new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

function foreignOrigin(req: NextRequest): boolean {
  const origin = req.headers.get('origin');
  if (origin === null) return false; // not a browser's cross-site request: it carries no one's cookies
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch { /* 'null' or garbage */ }
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  return !originHost || originHost !== host;
}

async function readBody(req: NextRequest): Promise<Uint8Array<ArrayBuffer> | NextResponse> {
  const length = Number(req.headers.get('content-length') ?? NaN);
  if (length > MAX_ACTION_BODY) return refuse(413, 'Request body too large.');
  const bytes = new Uint8Array(await req.clone().arrayBuffer());
  return bytes.byteLength > MAX_ACTION_BODY ? refuse(413, 'Request body too large.') : bytes;
}

async function parseForm(bytes: Uint8Array<ArrayBuffer>, rawType: string): Promise<FormData | null> {
  try {
    return await new Response(bytes, { headers: { 'content-type': rawType } }).formData();
  } catch {
    return null;
  }
}

/** A POST with the Next-Action header (a server action called from JavaScript). */
async function screenAction(req: NextRequest): Promise<NextResponse | null> {
  if (foreignOrigin(req)) return refuse(403, 'Cross-origin server action refused.');
  const bytes = await readBody(req);
  if (bytes instanceof NextResponse) return bytes;
  // The multipart boundary is case-sensitive (Chrome's has capitals): lower-case only a copy to compare.
  const rawType = req.headers.get('content-type') ?? '';
  const type = rawType.toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await parseForm(bytes, rawType);
    if (!form) return refuse(400, 'Malformed form data.');
    return wellFormedMultipartCall(form) ? null : refuse(400, 'Malformed server action call.');
  }
  if (type.startsWith('text/plain') || type === '') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse(400, 'Malformed server action call.');
    }
    return wellFormedTextCall(text) ? null : refuse(400, 'Malformed server action call.');
  }
  return refuse(415, 'Unsupported content type for a server action.');
}

/** A multipart POST without the header: Next.js tries it as a no-JS form action (any page). */
async function screenFormPost(req: NextRequest): Promise<NextResponse | null> {
  const bytes = await readBody(req);
  if (bytes instanceof NextResponse) return bytes;
  const form = await parseForm(bytes, req.headers.get('content-type') ?? '');
  if (!form) return refuse(400, 'Malformed form data.');
  if (!isFormActionPost(form)) return null;
  if (foreignOrigin(req)) return refuse(403, 'Cross-origin server action refused.');
  return wellFormedFormAction(form) ? null : refuse(400, 'Malformed server action call.');
}

function withHeaders(res: NextResponse, csp: string): NextResponse {
  for (const [k, v] of Object.entries(securityHeaders(env().https))) res.headers.set(k, v);
  res.headers.set('content-security-policy', csp);
  return res;
}

async function route(req: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  if (req.method === 'POST') {
    const refused = req.headers.has('next-action')
      ? await screenAction(req)
      : (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data') && !req.nextUrl.pathname.startsWith('/api/')
        ? await screenFormPost(req)
        : null;
    if (refused) return refused;
  }
  const hasSession = req.cookies.has('next-auth.session-token') || req.cookies.has('__Secure-next-auth.session-token');
  if (!hasSession && PRIVATE.some((p) => req.nextUrl.pathname === p || req.nextUrl.pathname.startsWith(`${p}/`))) {
    return NextResponse.redirect(new URL('/login', req.url));
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export async function proxy(req: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), env().https);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('content-security-policy', csp);
  return withHeaders(await route(req, requestHeaders), csp);
}

// Every path: the headers belong on every response. (Server actions can be posted to any page.)
export const config = { matcher: '/:path*' };
