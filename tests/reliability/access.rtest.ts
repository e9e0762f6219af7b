// 1. Access matrix: every server action of the build, every route handler and every page, called by
// every kind of caller against the real production server; the expected outcome per cell, zero
// unexpected allows. Run plainly, with the x-middleware-subrequest bypass header, and as RSC
// requests; and every action once more from a foreign Origin.
import { afterAll, describe, expect, it } from 'vitest';
import { actions, type ActionResponse } from './lib/client';
import { checksum, setPhase, withDb } from './lib/db';
import { record } from './lib/figures';
import { addJuries, buildScene, CALLERS, juryState, JURY_CHOICES, rowsOf, type CallerName, type JuryChoice, type Scene } from './lib/scene';
import type { Client } from './lib/client';
import { startServer, stopAll } from './lib/server';
import { liveViewProblems, readFirstEvent } from './lib/stream';

afterAll(stopAll);

const JURY: CallerName[] = ['jurorA', 'jurorB', 'chair'];
const SIGNED_IN: CallerName[] = ['jurorA', 'jurorB', 'chair', 'organiser'];
const EVERYONE: CallerName[] = CALLERS;

/** Who may pass each action's guard. setLocale is public by design (it sets a cookie). */
function allowedFor(key: string): CallerName[] {
  if (key === 'app/locale-actions.ts#setLocale') return EVERYONE;
  // Signing in is for anyone not yet signed in: its own checks are the password and the throttle.
  if (key === 'app/login/actions.ts#signInWithPassword') return EVERYONE;
  if (key === 'app/account/actions.ts#changePassword') return SIGNED_IN;
  if (key.startsWith('app/admin/')) return ['organiser'];
  if (key === 'app/chair/actions.ts#publish') return ['organiser'];
  // Every chair action, including decision-actions.ts (no award, withdraw a decision, waive the special round).
  if (key.startsWith('app/chair/')) return ['chair'];
  if (key === 'app/jury/actions.ts#reopenBallot') return ['chair'];
  if (key.startsWith('app/jury/')) return JURY;
  // The benchmark's pages and no-op action exist only in a build made for the benchmarks (next.config.js).
  if (key.startsWith('app/bench/')) throw new Error(`${key} is in the production build: it belongs only in the benchmarks' build`);
  // The browser set-up runs only on an empty database with its one-time token: the scene has a
  // festival, so it is refused to everyone.
  if (key === 'app/setup/actions.ts#setupFestival') return [];
  throw new Error(`no expectation for ${key}: add it to the access matrix`);
}

/** Arguments that get past validation for an allowed caller without destroying the scene. */
function argsFor(key: string, sc: Scene): { json?: unknown[]; form?: Record<string, string | Blob> } {
  const csv = () => new Blob(['english_title,director,country\nMatrix film,Someone,KZ\n'], { type: 'text/csv' });
  switch (key) {
    case 'app/jury/actions.ts#saveScore': return { json: [{ candidateId: sc.candA, value: 3 }] };
    case 'app/jury/actions.ts#saveNote': return { json: [{ candidateId: sc.candA, note: 'matrix note' }] };
    case 'app/jury/actions.ts#declareRecusal': return { json: [{ filmId: sc.otherFilm, reason: 'matrix test' }] };
    case 'app/jury/actions.ts#withdrawRecusal': return { json: [{ filmId: sc.otherFilm }] };
    case 'app/jury/actions.ts#submitBallot': return { json: [{ nominationId: sc.nominationA }] };
    case 'app/jury/actions.ts#reopenBallot': return { json: [{ jurorId: sc.ids.A, nominationId: sc.nominationA, reason: 'matrix test' }] };
    case 'app/jury/actions.ts#setBallotView': return { json: [{ view: 'compact' }] };
    case 'app/chair/actions.ts#closeRound': return { json: [{}] };
    // No runoff in the scene: an allowed caller passes the guard and is refused on the runoff itself.
    case 'app/chair/runoff-actions.ts#openRunoff': return { json: [{ nomination: 'best_film', tied: [1, 2] }] };
    case 'app/chair/runoff-actions.ts#closeRunoff': return { json: [{ runoff: 999_999 }] };
    case 'app/jury/runoff-actions.ts#castRunoffVote': return { json: [{ runoff: 999_999, choice: sc.candA }] };
    case 'app/chair/actions.ts#reopenRound': return { json: [{ reason: 'matrix test' }] };
    case 'app/chair/actions.ts#decideTie': return { json: [{ nomination: 'best_film', kind: 'casting_vote', tied: [1, 2], chosen: [1], reason: 'x' }] };
    case 'app/chair/decision-actions.ts#recordNoAward': return { json: [{ nomination: 'best_film', reason: 'matrix test' }] };
    case 'app/chair/decision-actions.ts#withdrawDecision': return { json: [{ nomination: 'best_film', reason: 'matrix test' }] };
    case 'app/chair/decision-actions.ts#waiveSpecialRound': return { json: [{ reason: 'matrix test' }] };
    case 'app/locale-actions.ts#setLocale': return { json: ['en'] };
    case 'app/setup/actions.ts#setupFestival': return { form: { token: 'matrix-token', nameEn: 'M', nameZh: 'M', nameRu: 'M', nameKk: 'M', cityEn: 'C', cityZh: 'C', cityRu: 'C', cityKk: 'C', startsOn: '2026-06-10', endsOn: '2026-06-17', timeZone: 'Asia/Shanghai', organiser: 'matrixorg' } };
    case 'app/account/actions.ts#changePassword': return { form: { current: 'not-the-password', password: 'matrix-password-1', confirm: 'matrix-password-1' } };
    case 'app/admin/actions/settings.ts#saveSettings': return { json: [{ name: 'Matrix', city: 'X', scaleMin: 1, scaleMax: 10, scaleStep: 1, method: 'mean' }] };
    case 'app/admin/actions/films.ts#addFilm': return { json: [{ englishTitle: 'Matrix film', director: 'Someone', country: 'KZ' }] };
    case 'app/admin/actions/films.ts#updateFilm': return { json: [{ id: sc.filmA, englishTitle: 'Matrix film', director: 'Someone', country: 'KZ' }] };
    case 'app/admin/actions/films.ts#removeFilm': return { json: [{ id: sc.filmA }] };
    case 'app/admin/actions/films.ts#previewFilmImport':
    case 'app/admin/actions/films.ts#importFilms': return { form: { csv: csv() } };
    case 'app/admin/actions/performances.ts#previewPerformanceImport':
    case 'app/admin/actions/performances.ts#importPerformances': return { form: { csv: csv() } };
    case 'app/admin/actions/performances.ts#addPerformance': return { json: [{ nominationId: 4, filmId: sc.filmA, person: 'Matrix actor' }] };
    case 'app/admin/actions/performances.ts#updatePerformance': return { json: [{ id: sc.candA, nominationId: 4, filmId: sc.filmA, person: 'Matrix actor' }] };
    case 'app/admin/actions/performances.ts#removePerformance': return { json: [{ id: sc.candA }] };
    case 'app/admin/actions/jurors.ts#updateJuror': return { json: [{ id: sc.ids.loggedOut, displayName: 'Juror 05' }] };
    case 'app/admin/actions/jurors.ts#makeChair': return { json: [{ id: sc.ids.B }] };
    case 'app/admin/actions/jurors.ts#setJurorActive': return { json: [{ id: sc.ids.deactivated, active: false }] };
    // Seated already: the organiser passes the guard and nothing changes.
    case 'app/admin/actions/jurors.ts#setSeatActive': return { json: [{ id: sc.ids.deactivated, seated: true }] };
    // Deactivated targets: the organiser passes the guard and gets juror:inactive; nothing changes.
    case 'app/admin/actions/jurors.ts#resetPassword': return { form: { id: String(sc.ids.deactivated) } };
    // A file with a bad line: the handler is reached (import:invalid) and the scene's jury stays.
    case 'app/admin/actions/jurors.ts#previewJurorImport':
    case 'app/admin/actions/jurors.ts#importJurors': return { form: { csv: new Blob(['name,login\nMatrix juror,\n'], { type: 'text/csv' }) } };
    // The scene is voting: the organiser reaches the action and gets slips:voting; nothing changes.
    case 'app/admin/actions/jurors.ts#issueSignInSlips': return { json: ['issue-slips'] };
    case 'app/admin/actions/jurors.ts#addJuror': return { form: { displayName: 'Matrix juror', login: 'matrixjuror' } };
    // Voting is open: the organiser reaches it and gets account:needs_approval; nothing changes.
    // A proposal that does not exist: reached, refused past the guard.
    case 'app/admin/actions/account-requests.ts#issueOrganiserPassword': return { form: { id: '999999' } };
    case 'app/admin/actions/account-requests.ts#proposeOrganiser': return { form: { login: 'matrixorg2', displayName: 'Matrix organiser', reason: 'matrix test' } };
    case 'app/admin/actions/account-requests.ts#proposeRename': return { form: { targetId: '999999', displayName: 'Matrix name', reason: 'matrix test' } };
    case 'app/admin/actions/account-requests.ts#cancelProposal':
    case 'app/admin/actions/account-requests.ts#approveProposalAsOrganiser':
    case 'app/chair/account-actions.ts#approveProposal': return { json: [{ id: 999_999 }] };
    case 'app/admin/actions/account-requests.ts#refuseProposalAsOrganiser':
    case 'app/chair/account-actions.ts#refuseProposal': return { json: [{ id: 999_999, reason: 'matrix test' }] };
    case 'app/admin/actions/account-requests.ts#addOrganiser': return { form: { displayName: 'Matrix organiser', login: 'matrixorg' } };
    // Account requests (voting is open): a request about the deactivated juror's password is refused
    // (juror:inactive) past the guard; the others name a request that does not exist. Nothing changes.
    case 'app/admin/actions/account-requests.ts#requestAccountChange': return { json: [{ targetId: sc.ids.deactivated, kind: 'reset_password', reason: 'matrix test' }] };
    case 'app/admin/actions/account-requests.ts#cancelAccountRequest':
    case 'app/admin/actions/account-requests.ts#approveAccountRequestAsOrganiser':
    case 'app/chair/account-actions.ts#approveAccountRequest': return { json: [{ id: 999_999 }] };
    case 'app/admin/actions/account-requests.ts#refuseAccountRequestAsOrganiser':
    case 'app/chair/account-actions.ts#refuseAccountRequest': return { json: [{ id: 999_999, reason: 'matrix test' }] };
    case 'app/admin/actions/account-requests.ts#issueTemporaryPassword': return { form: { id: '999999' } };
    // Nothing to acknowledge: refused past the guard for a juror or the chair.
    case 'app/jury/account-actions.ts#acknowledgeAccountNotice': return { json: [{}] };
    // No password: refused past any guard ("enter your login name and password"), nothing written.
    case 'app/login/actions.ts#signInWithPassword': return { form: { login: 'nobody', password: '' } };
    case 'app/jury/account-actions.ts#answerHistory': return { json: [{ verdict: 'mine' }] };
    default: return { json: [{}] };
  }
}

// The set-up link's token is the browser set-up's whole guard (nobody is signed in yet).
const GUARD_CODES = new Set(['auth:required', 'forbidden:role', 'auth:password_change', 'setup:token', 'setup:exists']);

/** 'allowed' when the call got past the guard (ok, or a refusal of the action itself); a 5xx is an
 *  error, never a refusal: a crash does not count as the guard doing its job. */
function classifyAction(r: ActionResponse): 'allowed' | 'refused' | 'error' {
  if (r.status >= 500) return 'error';
  if (r.status >= 300) return 'refused';
  if (!r.result) return 'refused';
  if (r.result.ok) return 'allowed';
  return GUARD_CODES.has(String(r.result.code)) ? 'refused' : 'allowed';
}

type Variant = { name: string; headers: Record<string, string>; query: string };
const VARIANTS: Variant[] = [
  { name: 'plain', headers: {}, query: '' },
  { name: 'x-middleware-subrequest', headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }, query: '' },
  { name: 'RSC', headers: { RSC: '1' }, query: '?_rsc=1' },
];

const PAGES: { path: string; allowed: (phase: string) => CallerName[] | 'public' }[] = [
  { path: '/', allowed: () => 'public' },
  { path: '/login', allowed: () => 'public' },
  { path: '/jury', allowed: () => JURY },
  { path: '/jury/best_film', allowed: () => JURY },
  { path: '/chair', allowed: () => ['chair'] },
  ...['/admin', '/admin/films', '/admin/jurors', '/admin/performances', '/admin/progress', '/admin/audit'].map((path) => ({ path, allowed: () => ['organiser'] as CallerName[] })),
  { path: '/account/password', allowed: () => SIGNED_IN },
  { path: '/results', allowed: () => 'public' },
  // While a round is closed the chair and the organisers read the draft (lib/round/visibility.ts).
  { path: '/results/protocol', allowed: (phase) => (phase === 'published' ? 'public' : ['main_closed', 'special_voting', 'special_closed', 'finalised'].includes(phase) ? ['chair', 'organiser'] : []) },
];

/** The outcome a caller must get from a route handler: served (200), sent to /login, a 403, or any refusal. */
type RouteOutcome = 'allowed' | 'login' | 'forbidden' | 'refused';
const exportAllowed = (phase: string): CallerName[] => (phase === 'published' ? EVERYONE : phase === 'finalised' ? ['chair', 'organiser'] : []);
const resultsExport = (phase: string, who: CallerName): RouteOutcome => (exportAllowed(phase).includes(who) ? 'allowed' : 'refused');
const ROUTES: { path: string; expected: (phase: string, who: CallerName) => RouteOutcome; stream?: true }[] = [
  // The health check is public and says only whether its checks passed.
  { path: '/healthz', expected: () => 'allowed' },
  { path: '/results/export/awards.csv', expected: resultsExport },
  { path: '/results/export/festival.json', expected: resultsExport },
  // Organisers only, in every phase: no session -> proxy.ts sends to /login; an ended session (deactivated,
  // signed out) -> requireUser sends to /login; any other role -> requireRole's 403.
  {
    path: '/admin/films/export',
    expected: (_phase, who) => (who === 'organiser' ? 'allowed' : who === 'anonymous' || who === 'deactivated' || who === 'loggedOut' ? 'login' : 'forbidden'),
  },
  // The live counts (Server-Sent Events): every signed-in role in every phase, each its own view
  // (checked below); no session or an ended one gets a 401, never a stream.
  { path: '/api/live', expected: (_phase, who) => (SIGNED_IN.includes(who) ? 'allowed' : 'refused'), stream: true },
];

function classifyRoute(status: number, location: string | null, base: string): RouteOutcome | 'error' {
  if (status >= 500) return 'error';
  if (status === 200) return 'allowed';
  if (status >= 300 && status < 400 && location && new URL(location, base).pathname === '/login') return 'login';
  if (status === 403) return 'forbidden';
  return 'refused';
}

async function getPage(c: Client, path: string, v: Variant) {
  let g = await c.get(path + v.query, v.headers);
  // Next normalises ?_rsc=1 by redirecting to the same page; follow that once.
  const loc = g.headers.get('location');
  if (g.status === 307 && loc && new URL(loc, c.base).pathname === path && loc.includes('_rsc')) g = await c.get(new URL(loc, c.base).pathname + new URL(loc, c.base).search, v.headers);
  return g;
}

function classifyPage(status: number, location: string | null, base: string): 'allowed' | 'refused' | 'redirect' | 'error' {
  if (status >= 500) return 'error';
  if (status === 200) return 'allowed';
  if (status >= 300 && status < 400 && location) return new URL(location, base).pathname === '/login' ? 'refused' : 'redirect';
  return 'refused';
}

describe('access matrix', () => {
  it('refuses every caller outside each action, route and page', async () => {
    const t0 = Date.now();
    const s = await startServer({ port: 3400 });
    const sc = await buildScene(s);
    const all = actions();
    expect(all.length).toBeGreaterThanOrEqual(30);
    const unexpected: string[] = [];
    const leaks: string[] = [];
    const errors: string[] = [];
    let requests = 0, refusals = 0, allows = 0, notReached = 0;
    const cell = (what: string, who: CallerName, v: string, got: string, want: boolean) => {
      requests++;
      // A 5xx is neither a refusal nor an allow: it is listed in errors and fails the test.
      if (got === 'error') { errors.push(`5xx: ${who} ${what} [${v}]`); return; }
      if (got === 'refused') refusals++; else allows++;
      if (want && got === 'refused') unexpected.push(`unexpected refusal: ${who} ${what} [${v}]`);
      if (!want && got !== 'refused') unexpected.push(`UNEXPECTED ALLOW: ${who} ${what} [${v}] -> ${got}`);
    };
    // Private notes are never shown to anyone but their author, and no score value ever stands in
    // the organisers' audit log beside a juror's name (lib/admin/audit-log.ts redacts both, before
    // and after publication; juror A's saved score of 7 is there as a ballot.save_score entry).
    let phaseNow = 'voting';
    const scoreValue = /(&quot;|")value(&quot;|\\?"):\s*-?\d/;
    const leak = (who: CallerName, what: string, body: string) => {
      if (who === 'jurorA') return;
      if (body.includes(sc.secret)) leaks.push(`${who} saw juror A's note via ${what} (${phaseNow})`);
      if (what.startsWith('/admin/audit') && scoreValue.test(body)) leaks.push(`${who} saw a score value beside a name via ${what} (${phaseNow})`);
    };

    // An open runoff in which juror B has voted: juror A's, the chair's and the organiser's streams
    // must show its count and never B's choice (lib/live/view.ts); inserted as the runoff action writes it.
    withDb(s.dbFile, (db) => {
      const n = db.prepare("select id from nomination where code = 'best_director'").get() as { id: number };
      const tied = db.prepare('select id from candidate where nomination_id = ? order by id limit 2').pluck().all(n.id) as number[];
      const r = db.prepare('insert into runoff (nomination_id, tied, places, opened_by) values (?, ?, 1, ?)').run(n.id, JSON.stringify(tied), sc.ids.chair);
      db.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, 'matrix-receipt', 'matrix-salt')").run(r.lastInsertRowid, sc.ids.B, tied[1]);
    });

    for (const v of VARIANTS) {
      for (const a of all) {
        const allowed = allowedFor(a.key);
        const args = argsFor(a.key, sc);
        for (const who of CALLERS) {
          const c = sc.clients[who];
          const before = checksum(s.dbFile);
          const aBefore = rowsOf(s.dbFile, sc.ids.A);
          const opts = { headers: v.headers, query: v.name === 'RSC' ? '' : v.query };
          const r = args.form ? await c.callFormAction(a.key, args.form, opts) : await c.callAction(a.key, args.json!, opts);
          const got = classifyAction(r);
          // With `RSC: 1` Next.js may answer with a page render that carries no action result: the
          // action was not reached. Never an allow; not held against an allowed caller either.
          if (v.name === 'RSC' && r.status === 200 && !r.result && got === 'refused') { notReached++; requests++; refusals++; }
          else cell(a.key, who, v.name, got, allowed.includes(who));
          // argsFor's arguments pass validation: an allowed caller refused as invalid means the request
          // never reached the handler (a broken encoding), and the cell would prove nothing.
          if (allowed.includes(who) && r.result?.ok === false && r.result.code === 'invalid:input') unexpected.push(`not reached (invalid:input): ${who} ${a.key} [${v.name}]`);
          leak(who, a.key, r.body);
          if (got === 'refused') expect(checksum(s.dbFile), `${who} ${a.key} [${v.name}] was refused but wrote`).toBe(before);
          if (who !== 'jurorA') expect(rowsOf(s.dbFile, sc.ids.A), `${who} ${a.key} changed juror A's rows`).toBe(aBefore);
        }
      }
      for (const phase of ['voting', 'finalised', 'published']) {
        setPhase(s.dbFile, phase);
        phaseNow = phase;
        for (const p of PAGES) {
          const allowed = p.allowed(phase);
          for (const who of CALLERS) {
            const g = await getPage(sc.clients[who], p.path, v);
            // An RSC answer is 200 even when the page refuses: the refusal travels in the payload as a
            // redirect or an HTTP fallback (403/404) digest, which the client router then follows.
            const rscRefusal = v.name === 'RSC' && g.status === 200 && /NEXT_REDIRECT;[^;]*;\/login|NEXT_HTTP_ERROR_FALLBACK;(401|403|404)/.test(g.body);
            const got = rscRefusal ? 'refused' : classifyPage(g.status, g.headers.get('location'), s.base);
            leak(who, p.path, g.body);
            if (allowed === 'public') {
              requests++;
              if (got === 'error') { errors.push(`5xx: ${who} ${p.path} (${phase}) [${v.name}]`); continue; }
              allows++;
              if (got === 'refused' && p.path !== '/') unexpected.push(`public page ${p.path} refused ${who} [${v.name}] ${g.status}`);
              continue;
            }
            cell(`${p.path} (${phase})`, who, v.name, got === 'redirect' ? 'allowed' : got, allowed.includes(who));
          }
        }
        for (const route of ROUTES) {
          const path = route.path;
          for (const who of CALLERS) {
            // Without ?_rsc, as before; a `_rsc` normalisation redirect (Next.js answers an `RSC: 1` request
            // that passed proxy.ts with one) is followed once, so the handler's own answer is what is judged.
            const g = route.stream ? await readFirstEvent(sc.clients[who], path, { headers: v.headers }) : await getPage(sc.clients[who], path, { ...v, query: '' });
            leak(who, path, g.body);
            if (route.stream) {
              const view = (g as { view?: Record<string, unknown> }).view;
              if (g.status === 200 && !view) unexpected.push(`${who} ${path} (${phase}) [${v.name}]: 200 without a first view`);
              if (g.status !== 200 && g.headers.get('content-type')?.startsWith('text/event-stream')) unexpected.push(`${who} ${path} (${phase}) [${v.name}]: a refused stream still streamed`);
              leaks.push(...liveViewProblems(who, view, g.body).map((p) => `${p} (${phase}) [${v.name}]`));
            }
            const want = route.expected(phase, who);
            const got = classifyRoute(g.status, g.headers.get('location'), s.base);
            const mayHave = want === 'allowed';
            // Route handlers are not RSC pages: Next.js does not serve them to an `RSC: 1` request, even to
            // a caller who may have them. Only allows are held against that variant.
            if (v.name === 'RSC' && mayHave && got !== 'allowed' && got !== 'error') { requests++; refusals++; notReached++; continue; }
            cell(`${path} (${phase})`, who, v.name, got === 'error' ? 'error' : got === 'allowed' ? 'allowed' : 'refused', mayHave);
            // Beyond allowed/refused: the exact way each caller is refused, where the route defines it.
            if (got !== 'error' && want !== 'refused' && want !== 'allowed' && got !== want) {
              unexpected.push(`unexpected outcome: ${who} ${path} (${phase}) [${v.name}] -> ${got} (${g.status}${g.headers.get('location') ? ` to ${g.headers.get('location')}` : ''}), expected ${want}`);
            }
          }
        }
        for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers']) {
          for (const who of CALLERS) {
            const g = await sc.clients[who].get(path, v.headers);
            requests++;
            if (g.status >= 500) errors.push(`5xx: ${who} ${path} (${phase}) [${v.name}]`);
            leak(who, path, g.body);
            expect(g.body).not.toContain('$argon2');
            // The session endpoint of an ended session still decodes its JWT, but the guard refuses it
            // everywhere else (checked above); it never holds more than the user id and version.
            if (path === '/api/auth/session' && g.body.length > 2) expect(Object.keys(JSON.parse(g.body)).sort()).toEqual(['expires', 'sv', 'uid']);
          }
        }
      }
      setPhase(s.dbFile, 'voting');
      phaseNow = 'voting';
    }

    // Server actions from a foreign Origin: refused, and nothing written.
    let originRefused = 0;
    const originStatuses = new Map<number, number>();
    for (const a of all) {
      const who = allowedFor(a.key).find((c) => c !== 'anonymous' && c !== 'deactivated' && c !== 'loggedOut') ?? 'organiser';
      const args = argsFor(a.key, sc);
      for (const origin of ['http://evil.example', `http://localhost:${s.port + 1}`, 'null']) {
        const before = checksum(s.dbFile);
        const c = sc.clients[who];
        const r = args.form ? await c.callFormAction(a.key, args.form, { origin }) : await c.callAction(a.key, args.json!, { origin });
        requests++;
        originStatuses.set(r.status, (originStatuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500) errors.push(`5xx: ${a.key} from ${origin}`);
        expect(r.result?.ok, `${a.key} from ${origin} was run`).not.toBe(true);
        expect(checksum(s.dbFile), `${a.key} from ${origin} wrote`).toBe(before);
        originRefused++;
      }
    }
    await s.stop();
    expect(leaks.length, leaks.slice(0, 25).join('\n')).toBe(0);
    expect(unexpected.length, unexpected.slice(0, 25).join('\n')).toBe(0);
    expect(errors.length, errors.slice(0, 25).join('\n')).toBe(0);
    record('1-access', {
      title: 'Access matrix',
      claim: 'Every server action of the build, the route handlers and every page, called by anonymous, juror A, juror B, chair, organiser, a deactivated juror and a replayed signed-out session, plainly, with `x-middleware-subrequest` and as RSC requests: each cell allowed or refused as expected, refused calls write nothing, nobody but juror A sees or changes juror A\'s rows.',
      ms: Date.now() - t0,
      rows: {
        'server actions in the manifest': all.length,
        'route handlers': ROUTES.map((r) => r.path).join(', '),
        'callers': CALLERS.length,
        'variants': VARIANTS.map((v) => v.name).join(', '),
        'requests': requests,
        'refused': refusals,
        'RSC requests not reaching an action or route handler (never an allow)': notReached,
        'allowed (as expected)': allows,
        'unexpected allows': unexpected.filter((u) => u.startsWith('UNEXPECTED')).length,
        'unexpected refusals': unexpected.filter((u) => !u.startsWith('UNEXPECTED')).length,
        'leaks of juror A\'s note, or of a score value in the audit log': leaks.length,
        'foreign-Origin action calls refused': `${originRefused} (statuses ${[...originStatuses].map(([k, n]) => `${k}×${n}`).join(', ')})`,
        'HTTP 500 in the matrix': errors.length,
      },
    });
  });
});

// Issue 23: the matrix across juries and editions. Every caller chooses each jury in turn (the `jury`
// cookie that /e/<edition>/<jury> sets, and forged ones: a jury that does not exist, a malformed or negative
// id, which choose nothing and leave the default jury, A). What anyone may do is their role in the jury the
// request works in: juror A (azimov) is a juror of A and of B; juror B (juror03) and the chair are A's only;
// chairB chairs B only; the older edition's member sits on that (published) jury only; the organisers run
// every jury. Expected per cell, zero unexpected allows; nothing of A is readable by anyone outside it (its
// film title, juror A's note), nothing of B by anyone outside B, and a caller outside a jury changes nothing of it.
type CrossCaller = CallerName | 'chairB' | 'oldMember';
const CROSS_CALLERS: CrossCaller[] = ['anonymous', 'jurorA', 'jurorB', 'chair', 'chairB', 'oldMember', 'organiser'];
type JuryRole = 'juror' | 'chair' | 'organiser' | null;

function roleIn(who: CrossCaller, jury: 'A' | 'B' | 'old'): JuryRole {
  if (who === 'organiser') return 'organiser';
  const seats: Partial<Record<CrossCaller, Partial<Record<'A' | 'B' | 'old', JuryRole>>>> = {
    jurorA: { A: 'juror', B: 'juror' }, jurorB: { A: 'juror' }, chair: { A: 'chair' }, chairB: { B: 'chair' }, oldMember: { old: 'juror' },
  };
  return seats[who]?.[jury] ?? null;
}

/** The jury a choice makes the request work in: a choice of no existing jury is no choice (the default, A). */
const servedBy = (choice: JuryChoice): 'A' | 'B' | 'old' => (choice === 'B' ? 'B' : choice === 'old' ? 'old' : 'A');
const PHASE_OF = { A: 'voting', B: 'voting', old: 'published' } as const;
const FULL = process.env.RELIABILITY_MODE === 'full';
const CHOICES: JuryChoice[] = FULL ? JURY_CHOICES : ['B', 'old', 'malformed'];
/** The short run calls every action in B only (the other jury of the edition), its pages and routes in every choice above. */
const ACTION_CHOICES: JuryChoice[] = FULL ? JURY_CHOICES : ['B'];

/** Whether a caller of this role in the served jury may pass the action's guard (the single-jury matrix's rules). */
function crossAllowed(key: string, who: CrossCaller, role: JuryRole): boolean {
  if (who === 'anonymous') return allowedFor(key).includes('anonymous');
  // A signed-in account with no seat in the served jury: only what any signed-in account may do.
  if (role === null) return ['app/locale-actions.ts#setLocale', 'app/login/actions.ts#signInWithPassword', 'app/account/actions.ts#changePassword'].includes(key);
  return allowedFor(key).includes(role === 'juror' ? 'jurorB' : role);
}

const CROSS_PAGES: { path: string; allowed: (role: JuryRole, phase: string) => boolean | 'public' }[] = [
  { path: '/jury', allowed: (r) => r === 'juror' || r === 'chair' },
  { path: '/jury/best_film', allowed: (r) => r === 'juror' || r === 'chair' },
  { path: '/chair', allowed: (r) => r === 'chair' },
  { path: '/chair/room', allowed: (r) => r === 'chair' },
  ...['/admin', '/admin/films', '/admin/jurors', '/admin/progress', '/admin/audit'].map((path) => ({ path, allowed: (r: JuryRole) => r === 'organiser' })),
  { path: '/results', allowed: () => 'public' as const },
  { path: '/results/protocol', allowed: (_r: JuryRole, phase: string) => (phase === 'published' ? 'public' as const : false) },
];
const CROSS_ROUTES: { path: string; allowed: (role: JuryRole, phase: string, who: CrossCaller) => boolean; stream?: true }[] = [
  { path: '/results/export/awards.csv', allowed: (_r, phase) => phase === 'published' },
  { path: '/results/export/festival.json', allowed: (_r, phase) => phase === 'published' },
  { path: '/admin/films/export', allowed: (r) => r === 'organiser' },
  // The live counts: a seat in the served jury (or an organiser's), never another jury's.
  { path: '/api/live', allowed: (r) => r !== null, stream: true },
];

describe('access matrix across juries and editions', () => {
  it('allows each caller only its role in the jury each request chose', async () => {
    const t0 = Date.now();
    const s = await startServer({ port: 3405 });
    const sc = await buildScene(s);
    const js = await addJuries(s, sc);
    const clients: Record<CrossCaller, Client> = { ...sc.clients, chairB: js.chairB, oldMember: js.oldMember };
    const all = actions();
    const unexpected: string[] = [];
    const leaks: string[] = [];
    const errors: string[] = [];
    let requests = 0, refusals = 0, allows = 0;
    const cell = (what: string, who: CrossCaller, choice: JuryChoice, got: 'allowed' | 'refused' | 'error', want: boolean) => {
      requests++;
      if (got === 'error') { errors.push(`5xx: ${who} ${what} [jury ${choice}]`); return; }
      if (got === 'refused') refusals++; else allows++;
      if (want && got === 'refused') unexpected.push(`unexpected refusal: ${who} ${what} [jury ${choice}]`);
      if (!want && got !== 'refused') unexpected.push(`UNEXPECTED ALLOW: ${who} ${what} [jury ${choice}]`);
    };
    // A's marks are for A's people (and the organisers), B's for B's: juror A's note in A for juror A only.
    const leak = (who: CrossCaller, what: string, body: string) => {
      if (who === 'organiser') return;
      const inA = who === 'jurorA' || who === 'jurorB' || who === 'chair';
      const inB = who === 'jurorA' || who === 'chairB';
      if (!inA && body.includes(js.markers.filmA)) leaks.push(`${who} saw A's film via ${what}`);
      if (!inB && body.includes(js.markers.filmB)) leaks.push(`${who} saw B's film via ${what}`);
      if (who !== 'jurorA' && (body.includes(sc.secret) || body.includes(js.markers.secretB))) leaks.push(`${who} saw juror A's note via ${what}`);
    };
    const choose = (c: Client, choice: JuryChoice) => {
      const v = js.cookie[choice];
      if (v === undefined) c.cookies.delete('jury'); else c.cookies.set('jury', v);
    };

    // The short run (npm test) takes the choices that land outside the default jury and one forged one (the
    // actions in B only, to keep within npm test's time); the single-jury matrix above plays the default jury
    // itself. The full run takes every choice for everything.
    for (const choice of CHOICES) {
      const served = servedBy(choice);
      // The file's checksum as it stood after the last call (fresh: a refused call wrote nothing).
      let sum = checksum(s.dbFile);
      for (const a of ACTION_CHOICES.includes(choice) ? all : []) {
        if (a.key === 'app/login/actions.ts#signInWithPassword') continue; // no session to choose with: the single-jury matrix plays it
        const args = argsFor(a.key, sc);
        for (const who of CROSS_CALLERS) {
          const c = clients[who];
          choose(c, choice);
          const role = roleIn(who, served);
          const want = crossAllowed(a.key, who, role);
          const unseated = (['A', 'B', 'old'] as const).filter((j) => roleIn(who, j) === null);
          const juriesBefore = unseated.map((j) => juryState(s.dbFile, js.juries[j]));
          const r = args.form ? await c.callFormAction(a.key, args.form) : await c.callAction(a.key, args.json!);
          const got = classifyAction(r);
          cell(a.key, who, choice, got, want);
          leak(who, `${a.key} [jury ${choice}]`, r.body);
          const now = checksum(s.dbFile);
          if (got === 'refused') expect(now, `${who} ${a.key} [jury ${choice}] was refused but wrote`).toBe(sum);
          sum = now;
          // Whatever it answered, no jury the caller has no seat in changed.
          unseated.forEach((j, k) => expect(juryState(s.dbFile, js.juries[j]), `${who} ${a.key} [jury ${choice}] changed jury ${j}`).toBe(juriesBefore[k]));
        }
      }
      for (const p of CROSS_PAGES) {
        for (const who of CROSS_CALLERS) {
          const c = clients[who];
          choose(c, choice);
          const g = await c.get(p.path);
          const allowed = p.allowed(roleIn(who, served), PHASE_OF[served]);
          cell(p.path, who, choice, classifyPage(g.status, g.headers.get('location'), s.base) === 'error' ? 'error' : classifyPage(g.status, g.headers.get('location'), s.base) === 'allowed' ? 'allowed' : 'refused',
            allowed === 'public' || (allowed && who !== 'anonymous'));
          leak(who, `${p.path} [jury ${choice}]`, g.body);
        }
      }
      for (const route of CROSS_ROUTES) {
        for (const who of CROSS_CALLERS) {
          const c = clients[who];
          choose(c, choice);
          const role = roleIn(who, served);
          const g = route.stream ? await readFirstEvent(c, route.path) : await c.get(route.path);
          const got = classifyRoute(g.status, g.headers.get('location'), s.base);
          cell(route.path, who, choice, got === 'error' ? 'error' : got === 'allowed' ? 'allowed' : 'refused', route.allowed(role, PHASE_OF[served], who) && (who !== 'anonymous' || route.path.startsWith('/results/')));
          leak(who, `${route.path} [jury ${choice}]`, g.body);
        }
      }
    }
    await s.stop();
    expect(leaks.length, leaks.slice(0, 25).join('\n')).toBe(0);
    expect(unexpected.length, unexpected.slice(0, 40).join('\n')).toBe(0);
    expect(errors.length, errors.slice(0, 25).join('\n')).toBe(0);
    record('1b-access-juries', {
      title: 'Access matrix across juries and editions',
      claim: 'Two juries of one edition (A voting, B voting) and the jury of an older edition (published); anonymous, juror A (on A and B), juror B and the chair (A only), chairB (B only), a member of the older edition\'s jury and the organiser, each choosing each jury by the `jury` cookie, and forged choices (a jury that does not exist, malformed, negative): every server action, the juror\'s, chair\'s and organisers\'s pages, /results, the protocol, the exports and /api/live allowed only by the role in the chosen jury; nothing of one jury read by a caller outside it, nothing of a jury changed by a caller outside it.',
      ms: Date.now() - t0,
      rows: {
        'juries': '3 (2 in the current edition, 1 in an older edition)',
        'callers': CROSS_CALLERS.length,
        'jury choices per caller': `${CHOICES.length} (${CHOICES.join(', ')}); actions in ${ACTION_CHOICES.join(', ')}`,
        'server actions': all.length - 1,
        'pages, route handlers': `${CROSS_PAGES.length}, ${CROSS_ROUTES.length}`,
        'cells (requests)': requests,
        'refused': refusals,
        'allowed (as expected)': allows,
        'unexpected allows': unexpected.filter((u) => u.startsWith('UNEXPECTED')).length,
        'unexpected refusals': unexpected.filter((u) => !u.startsWith('UNEXPECTED')).length,
        'leaks of one jury\'s film titles or notes to a caller outside it': leaks.length,
        'HTTP 500': errors.length,
      },
    });
  });
});
