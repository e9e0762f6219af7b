// Redirects only: a request without a session cookie for a private page goes to /login. Every
// page, action and route handler still checks the session and role itself (proxy can be skipped).
//
// Server-action requests are also screened here, before Next.js decodes them: a foreign Origin, a
// body over 1 MB, a body that is not a well-formed action call (broken JSON or multipart, React
// reference strings that point nowhere, absurd nesting) get a 4xx instead of Next's generic 500.
// This is hygiene, not the security boundary: actions validate their input themselves.
//
// Every response also gets the security headers (lib/security-headers.ts): the proxy runs for every
// path, so pages, route handlers, redirects, refusals and static files all carry them. Pages get a
// fresh CSP nonce: Next.js reads it from the request's Content-Security-Policy header and puts it on
// its own scripts (pages are rendered per request: the root layout reads the locale cookie).
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/security-headers';

const PRIVATE = ['/jury', '/chair', '/admin', '/account'];
const MAX_ACTION_BODY = 1024 * 1024; // Next.js's own serverActions.bodySizeLimit default
const MAX_DEPTH = 32;
const MAX_ARGS = 20;
// Strings React's reply decoder turns into values on its own: escaped '$', undefined, NaN, ±Infinity, -0, dates.
const SAFE_DOLLAR = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D)/;

function refuse(status: number, message: string) {
  return new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** Every string of a decoded reply model is plain, or a reference that the form actually carries. */
function wellFormed(v: unknown, depth: number, formRefs: ReadonlySet<string>): boolean {
  if (depth > MAX_DEPTH) return false;
  // A FormData reference ($K) must point at fields the form carries: a dangling one would reach the
  // action as an empty form. (Our forms never send an empty FormData: a form without fields sends {}.)
  if (typeof v === 'string') return !v.startsWith('$') || SAFE_DOLLAR.test(v) || (/^\$K[0-9a-f]+$/.test(v) && formRefs.has(v.slice(2)));
  if (Array.isArray(v)) return v.every((x) => wellFormed(x, depth + 1, formRefs));
  if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => !k.startsWith('$') && wellFormed(x, depth + 1, formRefs));
  return true;
}

function parseModel(text: string, formRefs: ReadonlySet<string>): boolean {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(model) && model.length <= MAX_ARGS && wellFormed(model, 0, formRefs);
}

async function screenAction(req: NextRequest): Promise<NextResponse | null> {
  const origin = req.headers.get('origin');
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch { /* 'null' or garbage */ }
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    if (!originHost || originHost !== host) return refuse(403, 'Cross-origin server action refused.');
  }
  const length = Number(req.headers.get('content-length') ?? NaN);
  if (length > MAX_ACTION_BODY) return refuse(413, 'Request body too large.');
  // The multipart boundary is case-sensitive (Chrome's has capitals): lower-case only a copy to compare.
  const rawType = req.headers.get('content-type') ?? '';
  const type = rawType.toLowerCase();
  const bytes = new Uint8Array(await req.clone().arrayBuffer());
  if (bytes.byteLength > MAX_ACTION_BODY) return refuse(413, 'Request body too large.');
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': rawType } }).formData();
    } catch {
      return refuse(400, 'Malformed form data.');
    }
    const root = form.get('0');
    const refs = new Set<string>();
    for (const k of form.keys()) {
      // React's server reads `$K<ref>` as the fields named `_<ref>_<name>`, comparing the text as it is
      // (its client writes the ref in hex and the field's id in decimal: they agree below 10, all our
      // forms use). Check the same thing the server will do.
      const m = /^_([0-9a-f]+)_/.exec(k);
      if (m) refs.add(m[1]);
    }
    if (typeof root !== 'string' || !parseModel(root, refs)) return refuse(400, 'Malformed server action call.');
    return null;
  }
  if (type.startsWith('text/plain') || type === '') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse(400, 'Malformed server action call.');
    }
    return parseModel(text, new Set()) ? null : refuse(400, 'Malformed server action call.');
  }
  return refuse(415, 'Unsupported content type for a server action.');
}

function withHeaders(res: NextResponse, csp: string): NextResponse {
  for (const [k, v] of Object.entries(securityHeaders(env().https))) res.headers.set(k, v);
  res.headers.set('content-security-policy', csp);
  return res;
}

async function route(req: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  if (req.method === 'POST' && req.headers.has('next-action')) {
    const refused = await screenAction(req);
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
