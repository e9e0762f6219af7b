// The proxy's screening of server-action requests, as Next.js hands them over: it refuses what React's
// decoder would turn into nonsense (a foreign Origin, broken bodies, FormData references that point
// at no field) and lets well-formed calls through (NextResponse.next()).
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
  it('lets a well-formed JSON call and a form whose reference matches its fields through', async () => {
    expect(passed(await proxy(action('[{"candidateId":1,"value":5}]', { 'content-type': 'text/plain;charset=UTF-8' })))).toBe(true);
    expect(passed(await proxy(action(form([['_1_displayName', 'N'], ['0', '["$K1"]']]))))).toBe(true);
  });

  it('refuses a FormData reference that the server would resolve to no field', async () => {
    // React's server reads "$K10" as the fields "_10_…" (the text as written), so "_16_…" is no match.
    for (const entries of [[['0', '["$K1"]']], [['_16_x', 'v'], ['0', '["$K10"]']], [['_01_x', 'v'], ['0', '["$K1"]']]] as [string, string][][]) {
      expect((await proxy(action(form(entries)))).status, JSON.stringify(entries)).toBe(400);
    }
  });

  it('refuses a foreign Origin, broken JSON and an oversized body', async () => {
    expect((await proxy(action('[]', { origin: 'http://evil.test', 'content-type': 'text/plain' }))).status).toBe(403);
    expect((await proxy(action('[{"a":', { 'content-type': 'text/plain' }))).status).toBe(400);
    expect((await proxy(action('x'.repeat(1024 * 1024 + 1), { 'content-type': 'text/plain' }))).status).toBe(413);
  });
});
