// 9. Deployment on the open internet: the production server directly, and behind Debian's nginx with
// TLS (a self-signed certificate made by openssl for this run), as docs/DEPLOY.md sets it up. The
// security headers are on pages, route handlers and refusals; the cookies are Secure/__Secure-; HSTS
// is sent over https; and the login throttle and the audit log see the real client address whatever
// X-Forwarded-For the client writes. Clients get distinct addresses by binding to 127.0.0.x.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDb } from './lib/db';
import { record } from './lib/figures';
import { DIST_DIR, startServer, stopAll, tempDir } from './lib/server';

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await stopAll();
});

/** Debian's nginx (and openssl), installed with apt-get when missing, as scripts/ensure-chromium.mjs does for Chromium. */
function ensureTools(): string {
  const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).stdout.trim();
  if (!has('nginx') || !has('openssl')) {
    const r = spawnSync('apt-get', ['install', '-y', 'nginx', 'openssl'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error('nginx/openssl missing and apt-get install failed');
  }
  return has('nginx') || '/usr/sbin/nginx';
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; cookies: string[] };

/** One request from the client address `from` (127.0.0.x), over http or https (the test's own CA). */
function send(url: string, from: string, opts: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {}): Promise<Answer> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, { method: opts.method ?? 'GET', headers: opts.headers, family: 4, localAddress: from, ca: opts.ca, servername: 'localhost' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Signs in through next-auth as the login page does; returns the cookies issued by the callback. */
async function login(base: string, from: string, who: string, password: string, forwardedFor?: string, ca?: string) {
  const xff: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const csrf = await send(`${base}/api/auth/csrf`, from, { headers: xff, ca });
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const jar = csrf.cookies.map((c) => c.split(';')[0]).join('; ');
  const res = await send(`${base}/api/auth/callback/credentials`, from, {
    method: 'POST',
    ca,
    headers: { ...xff, cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: token, login: who, password, json: 'true', callbackUrl: base }).toString(),
  });
  const session = res.cookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  return { ok: !!session, session, csrfCookies: csrf.cookies, body: res.body };
}

function expectSecurityHeaders(a: Answer, where: string, httpsOn: boolean) {
  const csp = String(a.headers['content-security-policy'] ?? '');
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp, where).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(a.headers['x-frame-options'], where).toBe('DENY');
  expect(a.headers['x-content-type-options'], where).toBe('nosniff');
  expect(a.headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(a.headers['permissions-policy'], where).toContain('camera=()');
  if (httpsOn) expect(a.headers['strict-transport-security'], where).toMatch(/max-age=\d+/);
  else expect(a.headers['strict-transport-security'], where).toBeUndefined();
}

const failuresFor = (dbFile: string, loginName: string) =>
  withDb(dbFile, (db) => db.prepare('select address, count(*) n from login_failure where login = ? group by address').all(loginName) as { address: string; n: number }[]);

/** 12 wrong passwords from `from`, each naming a different X-Forwarded-For, then the right one from there. */
async function rotatingAttack(base: string, from: string, who: string, ca?: string) {
  let refused = 0;
  for (let i = 0; i < 12; i++) if (!(await login(base, from, who, `wrong-${i}`, `198.51.100.${i + 1}`, ca)).ok) refused++;
  const right = await login(base, from, who, 'juror-demo', '198.51.100.200', ca);
  return { refused, rightAfter: right.ok, throttledText: /throttled/.test(right.body) };
}

describe('deployment', () => {
  it('directly: the throttle counts the socket address; headers everywhere', async () => {
    const t0 = Date.now();
    const rows: Record<string, string | number> = {};
    // No trusted proxy: X-Forwarded-For is the client's own writing and is ignored.
    const s = await startServer({ port: 3480, env: { JURY_TRUSTED_PROXIES: '' } });
    for (const p of ['/', '/login', '/results', '/healthz', '/results/export/awards.csv', '/admin/jurors', '/nope']) {
      expectSecurityHeaders(await send(s.base + p, '127.0.0.1'), p, false);
    }
    rows['paths checked for headers (page, route handler, redirect, 404)'] = 7;
    // The benchmark pages and their no-op action exist only in the benchmarks' own build.
    expect((await send(`${s.base}/bench`, '127.0.0.1')).status).toBe(404);
    expect(fs.readFileSync(path.join(DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8')).not.toContain('app/bench/');
    rows['/bench in the production build'] = 'absent (404, no benchmark action in the manifest)';
    const attack = await rotatingAttack(s.base, '127.0.0.4', 'juror06');
    expect(attack).toEqual({ refused: 12, rightAfter: false, throttledText: true });
    expect(failuresFor(s.dbFile, 'juror06')).toEqual([{ address: '127.0.0.4', n: 10 }]);
    // Naming the attacker's (or a victim's) address in the header changes nothing for another client.
    const other = await login(s.base, '127.0.0.5', 'juror06', 'juror-demo', '127.0.0.4');
    expect(other.ok).toBe(true);
    const audit = withDb(s.dbFile, (db) => db.prepare("select payload from audit where action = 'auth.login' order by id desc limit 1").get() as { payload: string });
    expect(JSON.parse(audit.payload)).toMatchObject({ address: '127.0.0.5' });
    rows['12 wrong passwords, rotating X-Forwarded-For, then the right one'] = `refused ${attack.refused}/12, right one ${attack.rightAfter ? 'signed in' : 'refused (throttled)'}`;
    rows['failures stored under'] = failuresFor(s.dbFile, 'juror06').map((f) => `${f.address} × ${f.n}`).join(', ');
    rows['another client naming the attacker’s address'] = `${other.ok ? 'signed in' : 'refused'}; audit address ${JSON.parse(audit.payload).address}`;
    await s.stop();
    record('9a-deploy-direct', {
      title: 'Deployment: the server on its own',
      claim: 'Without a trusted proxy, the login throttle and the audit log use the socket address: a rotating X-Forwarded-For neither escapes the throttle nor locks anybody else out. Pages, route handlers, redirects and 404s carry the security headers (no HSTS over http).',
      ms: Date.now() - t0,
      rows,
    });
  });

  it('behind nginx with TLS: Secure cookies, HSTS, headers, the address nginx saw', async () => {
    const t0 = Date.now();
    const rows: Record<string, string | number> = {};
    const nginx = ensureTools();
    const dir = tempDir('jury-nginx-');
    const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
    expect(openssl.status, openssl.stderr).toBe(0);
    const ca = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const APP = 3481, TLS = 3482;
    const base = `https://localhost:${TLS}`;
    const s = await startServer({ port: APP, nextauthUrl: base, env: { JURY_TRUSTED_PROXIES: '127.0.0.1' } });
    fs.mkdirSync(path.join(dir, 'tmp'));
    // The site of docs/DEPLOY.md, on test ports and with the test's certificate.
    // As root (the test machines), nginx's workers would otherwise drop to `nobody`, who cannot enter the private temp dir.
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body; proxy_temp_path ${dir}/tmp/proxy; fastcgi_temp_path ${dir}/tmp/fcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${TLS} ssl;
    server_name localhost;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    client_max_body_size 2m;
    location / {
      proxy_pass http://127.0.0.1:${APP};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`);
    const ng = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(ng);
    let ngErr = '';
    ng.stderr!.on('data', (b: Buffer) => { ngErr += b.toString(); });
    // Ready when it answers (the app behind it is already up).
    for (let i = 0; ; i++) {
      try {
        if ((await send(`${base}/healthz`, '127.0.0.1', { ca })).status === 200) break;
      } catch (e) {
        if (ng.exitCode !== null || i > 200) throw new Error(`nginx did not come up: ${ngErr} ${String(e)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    for (const p of ['/', '/login', '/healthz', '/results/export/awards.csv', '/admin/jurors']) expectSecurityHeaders(await send(base + p, '127.0.0.1', { ca }), p, true);
    const health = await send(`${base}/healthz`, '127.0.0.1', { ca });
    expect(JSON.parse(health.body)).toEqual({ ok: true, database: true, migrations: true });
    rows['HSTS'] = String((await send(`${base}/login`, '127.0.0.1', { ca })).headers['strict-transport-security']);
    rows['/healthz'] = `${health.status} ${health.body}`;

    const good = await login(base, '127.0.0.3', 'azimov', 'juror-demo', '10.6.6.6', ca);
    expect(good.ok).toBe(true);
    expect(good.session).toMatch(/^__Secure-next-auth\.session-token=[^;]+;.*\bSecure\b/i);
    expect(good.session).toMatch(/HttpOnly/i);
    expect(good.csrfCookies.some((c) => /^__Host-next-auth\.csrf-token=.*\bSecure\b/i.test(c))).toBe(true);
    const audit = withDb(s.dbFile, (db) => db.prepare("select payload from audit where action = 'auth.login' order by id desc limit 1").get() as { payload: string });
    expect(JSON.parse(audit.payload)).toMatchObject({ address: '127.0.0.3' });
    rows['session cookie'] = good.session!.replace(/=[^;]+;/, '=…;').replace(/Expires=[^;]+; /, '');
    rows['audit address of a sign-in that sent X-Forwarded-For: 10.6.6.6'] = JSON.parse(audit.payload).address;

    const attack = await rotatingAttack(base, '127.0.0.2', 'juror07', ca);
    expect(attack).toEqual({ refused: 12, rightAfter: false, throttledText: true });
    expect(failuresFor(s.dbFile, 'juror07')).toEqual([{ address: '127.0.0.2', n: 10 }]);
    const victim = await login(base, '127.0.0.3', 'juror07', 'juror-demo', '127.0.0.2', ca);
    expect(victim.ok).toBe(true);
    rows['12 wrong passwords through nginx, rotating X-Forwarded-For, then the right one'] = `refused ${attack.refused}/12, right one ${attack.rightAfter ? 'signed in' : 'refused (throttled)'}`;
    rows['failures stored under'] = `127.0.0.2 × ${failuresFor(s.dbFile, 'juror07')[0].n} (the address nginx saw)`;
    rows['another client naming the attacker’s address'] = victim.ok ? 'signed in' : 'refused';

    ng.kill('SIGTERM');
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    record('9b-deploy-nginx', {
      title: 'Deployment: behind nginx with TLS',
      claim: 'Behind Debian’s nginx (docs/DEPLOY.md’s site, a self-signed certificate made at test time) with JURY_TRUSTED_PROXIES=127.0.0.1: cookies are Secure and __Secure-/__Host- prefixed, HSTS and the other security headers are sent, /healthz answers, and the throttle and the audit log use the address nginx saw, never one the client wrote.',
      ms: Date.now() - t0,
      rows,
    });
  });
});
