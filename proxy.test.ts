// The proxy's screening of server-action requests, as Next.js hands them over: it refuses what React's
// decoder would turn into nonsense (a foreign Origin, broken bodies, references that point nowhere)
// and lets well-formed calls through (NextResponse.next()), an empty form among them. The format
// itself, and its contract with React's own client, is tested in lib/http/action-format.test.ts.
import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from './proxy';

const URL_ = 'http://jury.test/results'; // a public page: no session needed to pass the redirect
const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new NextRequest(URL_, { method: 'POST', body, headers: { host: 'jury.test', origin: 'http://jury.test', 'next-action': 'abc', ...headers } });
const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};
const passed = (r: Response) => r.headers.get('x-middleware-next') === '1';

describe('proxy: server-action screening', () => {
  it('lets a well-formed JSON call, a form and an empty form through', async () => {
    expect(passed(await proxy(action('[{"candidateId":1,"value":5}]', { 'content-type': 'text/plain;charset=UTF-8' })))).toBe(true);
    expect(passed(await proxy(action(form([['_1_displayName', 'N'], ['0', '[null,"$K1"]']]))))).toBe(true);
    // A form with no named fields: React's client writes the reference and no field (useActionState's dispatch).
    expect(passed(await proxy(action(form([['0', '[null,"$K1"]']]))))).toBe(true);
  });

  it('refuses a multipart call without its model and a FormData reference in a text body', async () => {
    expect((await proxy(action(form([['_1_x', 'v']])))).status).toBe(400);
    expect((await proxy(action('["$K1"]', { 'content-type': 'text/plain' }))).status).toBe(400);
  });

  it('refuses a foreign Origin, broken JSON and an oversized body', async () => {
    expect((await proxy(action('[]', { origin: 'http://evil.test', 'content-type': 'text/plain' }))).status).toBe(403);
    expect((await proxy(action('[{"a":', { 'content-type': 'text/plain' }))).status).toBe(400);
    expect((await proxy(action('x'.repeat(1024 * 1024 + 1), { 'content-type': 'text/plain' }))).status).toBe(413);
  });
});

describe('proxy: security headers on every response', () => {
  const get = (path: string) => new NextRequest(`http://jury.test${path}`, { headers: { host: 'jury.test' } });
  const expectHeaders = (r: Response) => {
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(r.headers.get('permissions-policy')).toContain('camera=()');
  };

  it('a page passes on with a fresh nonce that Next.js reads from the request', async () => {
    const [a, b] = [await proxy(get('/results')), await proxy(get('/results'))];
    for (const r of [a, b]) expectHeaders(r);
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
    // NextResponse.next({ request: { headers } }) hands the overridden request headers on like this:
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(a.headers.get('content-security-policy'));
  });

  it('redirects, refusals and route handlers carry them too', async () => {
    expectHeaders(await proxy(get('/admin/jurors')));
    expectHeaders(await proxy(get('/results/export/awards.csv')));
    expectHeaders(await proxy(action('[]', { origin: 'http://evil.test', 'content-type': 'text/plain' })));
  });

  it('sends HSTS only when the app is served over https', async () => {
    const before = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = 'http://jury.test';
      expect((await proxy(get('/'))).headers.get('strict-transport-security')).toBeNull();
      process.env.NEXTAUTH_URL = 'https://jury.test';
      expect((await proxy(get('/'))).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});

describe('proxy: forms posted without JavaScript (no Next-Action header)', () => {
  const post = (entries: [string, string][], headers: Record<string, string> = {}) =>
    new NextRequest(URL_, { method: 'POST', body: form(entries), headers: { host: 'jury.test', origin: 'http://jury.test', ...headers } });
  const ID = 'a'.repeat(42);
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('lets a well-formed unbound or bound form action and a form that is no action through', async () => {
    expect(passed(await proxy(post([[`$ACTION_ID_${ID}`, ''], ['name', 'x']])))).toBe(true);
    expect(passed(await proxy(post([['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":"$@1"}`], ['$ACTION_1:1', '[5]'], ['name', 'x']])))).toBe(true);
    expect(passed(await proxy(post([['name', 'x']], { origin: 'http://evil.test' })))).toBe(true);
  });

  it('refuses a foreign Origin with 403', async () => {
    expect((await proxy(post([[`$ACTION_ID_${ID}`, '']], { origin: 'http://evil.test' }))).status).toBe(403);
  });

  it('refuses absurdly nested bound arguments, broken descriptors and dangling references with 400', async () => {
    const bad: [string, string][][] = [
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":"$@1"}`], ['$ACTION_1:1', deep(5000)]],
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":"$@2"}`], ['$ACTION_1:1', '[]']],
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":"$@1"}`], ['$ACTION_1:1', '["$Q2"]']],
      [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":']],
      [['$ACTION_REF_1', '']],
      [['$ACTION_REF_1', ''], ['$ACTION_REF_2', ''], ['$ACTION_REF_3', ''], ['$ACTION_1:0', `{"id":"${ID}","bound":null}`]],
      [['$ACTION_ID_../../x', '']],
    ];
    for (const entries of bad) expect((await proxy(post(entries))).status, JSON.stringify(entries).slice(0, 80)).toBe(400);
  });

  it('refuses an oversized form with 413', async () => {
    expect((await proxy(post([[`$ACTION_ID_${ID}`, ''], ['x', 'y'.repeat(1024 * 1024)]]))).status).toBe(413);
  });
});
