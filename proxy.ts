// Redirects only: a request without a session cookie for a private page goes to /login. Every
// page, action and route handler still checks the session and role itself (proxy can be skipped).
//
// Server-action requests are also screened here, before Next.js decodes them, both the ones sent by
// JavaScript (Next-Action header) and forms posted without it: a foreign Origin, a body over 1 MB, a
// body that is not a well-formed action call (broken JSON or multipart, React reference strings that
// point nowhere, absurd nesting) get a 4xx instead of Next's generic 500.
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

/**
 * A form posted without JavaScript ("MPA" action, React 19.3 / Next.js 16.4 format, checked by the
 * contract test in proxy.test.ts): fields `$ACTION_ID_<id>` (an unbound action, called with the other
 * fields), or `$ACTION_REF_<p>` with the descriptor `$ACTION_<p>:0` = {"id":"<id>","bound":null|"$@<n>"}
 * and the bound arguments as the JSON array `$ACTION_<p>:<n>`. React decodes the bound arguments
 * recursively (absurd nesting overflows the stack: a 500), so they get the same check as a fetch call.
 */
function wellFormedFormAction(form: FormData): boolean {
  const refs = [...form.keys()].filter((k) => k.startsWith('$ACTION_REF_'));
  if (refs.length > 2) return false; // Next.js itself expects at most a form's and a button's
  for (const ref of refs) {
    const prefix = `$ACTION_${ref.slice('$ACTION_REF_'.length)}:`;
    const descriptors = form.getAll(`${prefix}0`);
    if (descriptors.length !== 1 || typeof descriptors[0] !== 'string') return false;
    let d: unknown;
    try {
      d = JSON.parse(descriptors[0]);
    } catch {
      return false;
    }
    if (!d || typeof d !== 'object' || Object.keys(d).some((k) => k !== 'id' && k !== 'bound')) return false;
    const { id, bound } = d as { id?: unknown; bound?: unknown };
    if (typeof id !== 'string' || !/^[0-9a-f]{1,64}$/.test(id)) return false;
    if (bound === null || bound === undefined) continue;
    const m = typeof bound === 'string' ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    const args = m ? form.get(prefix + parseInt(m[1], 16)) : null;
    if (typeof args !== 'string' || !parseModel(args, new Set())) return false;
  }
  for (const k of form.keys()) {
    if (k.startsWith('$ACTION_ID_') && !/^\$ACTION_ID_[0-9a-f]{1,64}$/.test(k)) return false;
  }
  return true;
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

/**
 * A multipart POST without the header: Next.js tries it as a no-JS form action (any page). Only
 * one that carries `$ACTION_` fields is an action call; it is screened as above.
 */
async function screenFormPost(req: NextRequest): Promise<NextResponse | null> {
  const bytes = await readBody(req);
  if (bytes instanceof NextResponse) return bytes;
  const form = await parseForm(bytes, req.headers.get('content-type') ?? '');
  if (!form) return refuse(400, 'Malformed form data.');
  if (![...form.keys()].some((k) => k.startsWith('$ACTION_'))) return null;
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
