// 5. Sessions: cookie attributes (HttpOnly, SameSite=Lax; Secure and __Secure- under an https
// NEXTAUTH_URL), logout and deactivation end a session at once, the login throttle under 200 wrong
// passwords, and identical answers for an unknown login and a wrong password.
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, Client, signedIn } from './lib/client';
import { candidates, userId, withDb } from './lib/db';
import { record } from './lib/figures';
import { startServer, stopAll } from './lib/server';
import { deactivateDuringVoting } from './lib/scene';

afterAll(stopAll);

const sessionCookie = (c: Client) => c.setCookieHeaders.find((h) => /^(__Secure-)?next-auth\.session-token=/.test(h)) ?? '';
const attrs = (h: string) => h.split(';').slice(1).map((a) => a.trim().split('=')[0].toLowerCase());

describe('sessions', () => {
  it('cookies, logout, deactivation, throttle, indistinguishable failures', async () => {
    const t0 = Date.now();
    const rows: Record<string, string | number> = {};
    const s = await startServer({ port: 3440 });
    const org = await signedIn(s.base, ACCOUNTS.organiser.login, ACCOUNTS.organiser.password);
    expect((await org.callAction('app/admin/actions/phase.ts#openVoting', [{}])).result).toMatchObject({ ok: true });
    const cand = candidates(s.dbFile)[0];

    // Cookie attributes over http.
    const a = await signedIn(s.base, 'azimov', 'juror-demo');
    const sc = sessionCookie(a);
    expect(attrs(sc)).toContain('httponly');
    expect(sc).toMatch(/SameSite=Lax/i);
    expect(attrs(sc)).not.toContain('secure');
    rows['session cookie (http)'] = sc.replace(/=[^;]+;/, '=…;').replace(/Expires=[^;]+; /, '');

    // Logout ends the session at once: the cookie replayed after sign-out is refused everywhere.
    const b = await signedIn(s.base, 'juror03', 'juror-demo');
    const replay = b.clone();
    expect((await replay.callAction('app/jury/actions.ts#saveScore', [{ candidateId: cand.id, value: 4 }])).result).toMatchObject({ ok: true });
    expect(await b.logout()).toBe(200);
    const afterLogout = await replay.callAction('app/jury/actions.ts#saveScore', [{ candidateId: cand.id, value: 5 }]);
    expect(afterLogout.result).toMatchObject({ ok: false, code: 'auth:required' });
    const page = await replay.get('/jury');
    expect([page.status, page.headers.get('location')]).toEqual([307, '/login']);
    rows['replayed cookie after logout'] = `action → ${(afterLogout.result as { code?: string } | undefined)?.code}, /jury → ${page.status} ${page.headers.get('location')}`;

    // Deactivation ends the session at once (the organisers' real action).
    const d = await signedIn(s.base, 'juror04', 'juror-demo');
    expect((await d.callAction('app/jury/actions.ts#saveScore', [{ candidateId: cand.id, value: 4 }])).result).toMatchObject({ ok: true });
    // During voting: the organiser's request, approved by the chair.
    await deactivateDuringVoting(org, await signedIn(s.base, ACCOUNTS.chair.login, ACCOUNTS.chair.password), userId(s.dbFile, 'juror04'));
    const afterOff = await d.callAction('app/jury/actions.ts#saveScore', [{ candidateId: cand.id, value: 9 }]);
    expect(afterOff.result).toMatchObject({ ok: false, code: 'auth:required' });
    const relogin = await new Client(s.base).login('juror04', 'juror-demo');
    expect(relogin.ok).toBe(false);
    rows['deactivated juror, next request'] = `action → ${(afterOff.result as { code?: string } | undefined)?.code}; new sign-in → ${relogin.status}`;

    // Throttle: 200 wrong passwords for one login from one address.
    const attacker = '203.0.113.7';
    let throttled = 0, plainFailures = 0, sessions = 0;
    for (let i = 0; i < 200; i++) {
      const c = new Client(s.base, attacker);
      const r = await c.login('azimov', `wrong-${i}`);
      if (r.ok) sessions++;
      if (/throttled/.test(r.url ?? r.body)) throttled++;
      else plainFailures++;
    }
    const failuresStored = withDb(s.dbFile, (db) => (db.prepare("select count(*) n from login_failure where login = 'azimov' and address = ?").get(attacker) as { n: number }).n);
    const rightFromAttacker = await new Client(s.base, attacker).login('azimov', 'juror-demo');
    const rightElsewhere = await new Client(s.base, '198.51.100.9').login('azimov', 'juror-demo');
    expect(sessions).toBe(0);
    expect(plainFailures).toBe(10);
    expect(throttled).toBe(190);
    expect(rightFromAttacker.ok).toBe(false);
    expect(rightElsewhere.ok).toBe(true);
    rows['wrong passwords sent (one login, one address)'] = 200;
    rows['answered as plain failures / throttled'] = `${plainFailures} / ${throttled}`;
    rows['failures stored for the pair'] = failuresStored;
    rows['right password from the same address'] = rightFromAttacker.ok ? 'signed in' : 'refused (throttled)';
    rows['right password from another address'] = rightElsewhere.ok ? 'signed in' : 'refused';

    // Unknown login vs wrong password: same status, same body, similar time.
    const tUnknown: number[] = [], tWrong: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; i < 8; i++) {
      let t = performance.now();
      const u = await new Client(s.base, `192.0.2.${i + 1}`).login(`nobody${i}`, 'whatever-1');
      tUnknown.push(performance.now() - t);
      t = performance.now();
      const w = await new Client(s.base, `192.0.2.${i + 101}`).login('juror05', 'whatever-1');
      tWrong.push(performance.now() - t);
      answers.add(`${u.status} ${u.body}`);
      answers.add(`${w.status} ${w.body}`);
    }
    expect(answers.size).toBe(1);
    const med = (xs: number[]) => Math.round([...xs].sort((x, y) => x - y)[xs.length >> 1]);
    rows['unknown login vs wrong password'] = `identical answer (${[...answers][0].slice(0, 90)}); median time ${med(tUnknown)} ms vs ${med(tWrong)} ms`;
    await s.stop();

    // https: Secure, __Secure- prefixed.
    const hs = await startServer({ port: 3441, nextauthUrl: 'https://localhost:3441' });
    const h = new Client(hs.base);
    await h.login('azimov', 'juror-demo');
    const hc = sessionCookie(h);
    await hs.stop();
    expect(hc).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(attrs(hc)).toEqual(expect.arrayContaining(['httponly', 'secure']));
    expect(hc).toMatch(/SameSite=Lax/i);
    rows['session cookie (NEXTAUTH_URL=https://…)'] = hc.replace(/=[^;]+;/, '=…;').replace(/Expires=[^;]+; /, '');

    record('5-sessions', {
      title: 'Sessions',
      claim: 'Session cookies are HttpOnly and SameSite=Lax (Secure and __Secure- prefixed under https); logout and deactivation end a session at the next request; the throttle allows 10 failures per login and address within 15 minutes while the right password still works from another address; an unknown login and a wrong password get the same answer.',
      ms: Date.now() - t0,
      rows,
    });
  });
});
