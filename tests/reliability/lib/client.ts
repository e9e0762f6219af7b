// A small HTTP client of the real server, as a browser (or an attacker) would talk to it: a cookie
// jar, sign-in and sign-out through next-auth's endpoints, and server actions called by id.
import { actionManifest } from '../../../e2e/actions';
import { actionResult } from '../../rsc';
import { DIST_DIR } from './server';


export interface ActionEntry {
  id: string;
  file: string;
  name: string;
  /** `file#name` */
  key: string;
  /** a page that imports it (the action can be posted to any page, this is the natural one) */
  page: string;
}

let manifestCache: ActionEntry[] | undefined;

/** Every server action of the build, from the server-reference manifest. */
export function actions(): ActionEntry[] {
  if (manifestCache) return manifestCache;
  manifestCache = Object.entries(actionManifest(DIST_DIR)).map(([id, v]) => {
    const workers = Object.keys(v.workers);
    // A public page when the action is used on one (setLocale): private ones redirect anonymous callers first.
    const worker = workers.find((w) => w === 'app/login/page') ?? workers.find((w) => w.startsWith('app/') && !w.includes('_not-found')) ?? 'app/page';
    const page = '/' + worker.replace(/^app\//, '').replace(/\/?page$/, '').replace('[nomination]', 'best_film');
    return { id, file: v.filename, name: v.exportedName ?? '', key: `${v.filename}#${v.exportedName}`, page: page === '/' ? '/' : page };
  });
  return manifestCache;
}

export function action(key: string): ActionEntry {
  const a = actions().find((e) => e.key === key);
  if (!a) throw new Error(`no server action ${key} in ${DIST_DIR}`);
  return a;
}

export type ActionOutcome = { ok: true; data?: unknown } | { ok: false; code?: string; message?: string; [k: string]: unknown };

export interface ActionResponse {
  status: number;
  body: string;
  /** The action's return value parsed from the RSC stream, when there is one. */
  result: ActionOutcome | undefined;
  ms: number;
}

export interface CallOptions {
  origin?: string | null;
  headers?: Record<string, string>;
  /** A raw body instead of JSON.stringify(args) (hostile bodies). */
  rawBody?: BodyInit;
  contentType?: string | null;
  /** Query string appended to the page path, e.g. '?_rsc=1' */
  query?: string;
}

export class Client {
  cookies = new Map<string, string>();
  setCookieHeaders: string[] = [];
  constructor(public base: string, public forwardedFor?: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  clone(): Client {
    const c = new Client(this.base, this.forwardedFor);
    c.cookies = new Map(this.cookies);
    return c;
  }

  private absorb(res: Response) {
    const sc = res.headers.getSetCookie();
    this.setCookieHeaders.push(...sc);
    for (const line of sc) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(p: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size && !('cookie' in headers) && !('Cookie' in headers)) headers.cookie = this.cookieHeader();
    if (this.forwardedFor && !headers['x-forwarded-for']) headers['x-forwarded-for'] = this.forwardedFor;
    const res = await fetch(new URL(p, this.base), { ...init, headers, redirect: 'manual', signal: init.signal ?? AbortSignal.timeout(60_000) });
    this.absorb(res);
    return res;
  }

  async get(p: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Headers }> {
    const res = await this.request(p, { method: 'GET', headers });
    return { status: res.status, body: await res.text(), headers: res.headers };
  }

  async csrf(): Promise<string> {
    const res = await this.request('/api/auth/csrf');
    const j = (await res.json()) as { csrfToken: string };
    return j.csrfToken;
  }

  /** Signs in through next-auth's credentials callback; true when a session cookie was issued. */
  async login(login: string, password: string): Promise<{ ok: boolean; status: number; body: string; url?: string }> {
    const csrfToken = await this.csrf();
    const res = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, login, password, json: 'true', callbackUrl: this.base }).toString(),
    });
    const body = await res.text();
    let url: string | undefined;
    try { url = (JSON.parse(body) as { url?: string }).url; } catch { /* not json */ }
    return { ok: this.hasSession(), status: res.status, body, url };
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith('next-auth.session-token'));
  }

  async logout(): Promise<number> {
    const csrfToken = await this.csrf();
    const res = await this.request('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, json: 'true', callbackUrl: this.base }).toString(),
    });
    await res.arrayBuffer();
    return res.status;
  }

  async callAction(key: string, args: unknown[], opts: CallOptions = {}): Promise<ActionResponse> {
    const a = action(key);
    return this.callActionId(a.id, a.page, args, opts);
  }

  async callActionId(id: string, page: string, args: unknown[], opts: CallOptions = {}): Promise<ActionResponse> {
    const origin = opts.origin === undefined ? new URL(this.base).origin : opts.origin;
    const headers: Record<string, string> = {
      'Next-Action': id,
      Accept: 'text/x-component',
      ...(opts.contentType === null ? {} : { 'Content-Type': opts.contentType ?? 'text/plain;charset=UTF-8' }),
      ...(origin ? { Origin: origin } : {}),
      ...(opts.headers ?? {}),
    };
    const t0 = performance.now();
    let res = await this.request(page + (opts.query ?? ''), { method: 'POST', headers, body: opts.rawBody ?? JSON.stringify(args) });
    // An RSC request is first redirected by Next.js to the same page with a normalised ?_rsc=…: follow it once.
    const loc = res.headers.get('location');
    if (res.status === 307 && loc && loc.includes('_rsc') && new URL(loc, this.base).pathname === page && !(opts.rawBody instanceof FormData)) {
      await res.arrayBuffer();
      const u = new URL(loc, this.base);
      res = await this.request(u.pathname + u.search, { method: 'POST', headers, body: opts.rawBody ?? JSON.stringify(args) });
    } else if (res.status === 307 && loc && loc.includes('_rsc') && opts.rawBody instanceof FormData) {
      await res.arrayBuffer();
      const u = new URL(loc, this.base);
      res = await this.request(u.pathname + u.search, { method: 'POST', headers, body: opts.rawBody });
    }
    const body = await res.text();
    return { status: res.status, body, result: actionResult(body) as ActionOutcome | undefined, ms: performance.now() - t0 };
  }

  /**
   * Calls an action whose argument is a FormData, encoded as React's client does (encodeReply):
   * the form's fields as `_1_<name>`, then field `0` holding `["$K1"]`. The order matters: the server
   * decodes the stream as it arrives and resolves `0` at once, so a `0` sent first finds an empty form
   * (every field missing), and a test would see a validation refusal instead of reaching the handler.
   */
  async callFormAction(key: string, fields: Record<string, string | Blob>, opts: CallOptions = {}): Promise<ActionResponse> {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(`_1_${k}`, v);
    fd.append('0', '["$K1"]');
    return this.callAction(key, [], { ...opts, rawBody: fd, contentType: null });
  }
}

export const ACCOUNTS = {
  organiser: { login: 'organiser', password: 'organiser-demo' },
  chair: { login: 'hansanping', password: 'chair-demo' },
  jurorA: { login: 'azimov', password: 'juror-demo' },
  jurorB: { login: 'juror03', password: 'juror-demo' },
} as const;

export async function signedIn(base: string, login: string, password: string, forwardedFor?: string): Promise<Client> {
  const c = new Client(base, forwardedFor);
  const r = await c.login(login, password);
  if (!r.ok) throw new Error(`sign-in of ${login} failed: ${r.status} ${r.body}`);
  return c;
}
