// Opening the vote (setup -> voting): checked on the server, and the unmet preconditions listed on
// the page. Once voting is open every setup action refuses (requireSetup).
import { and, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { candidate, film, juryMember, nomination, signinToken, user } from '@/db/schema';
import { memberOf, seatedActive } from '@/lib/festival/members';
import { accountsWithOpenSlip } from '@/lib/account/history';
import type { DB } from '@/db';
import { Refusal, type ActionSpec } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { findFestival, requireSetup, updateJury } from '@/lib/festival/phase';
import { UNKNOWN_COUNTRY } from '@/lib/film/countries';
import { frozenRules } from '@/lib/festival/frozen';
import { frozenSetupDigest } from '@/lib/festival/frozen-setup';

type Reader = Pick<DB, 'select'>;
export type Unmet = { code: string; params?: Record<string, string | number> };

/**
 * Every precondition of opening the vote that does not hold, in a stable order: of the served jury's
 * nominations, films and performances (another jury's never hold its opening back). The accounts are
 * still everyone's until jurors sit on a jury of their own.
 */
export function votingPreconditions(db: Reader, nowIso = new Date().toISOString()): Unmet[] {
  const unmet: Unmet[] = [];
  const fest = findFestival(db);
  if (!fest) return [{ code: 'festival:missing' }];
  const noms = db
    .select({ code: nomination.code, n: count(candidate.id) })
    .from(nomination)
    .leftJoin(candidate, eq(candidate.nominationId, nomination.id))
    .where(and(eq(nomination.round, 'main'), eq(nomination.juryId, fest.id)))
    .groupBy(nomination.id)
    .orderBy(nomination.position)
    .all();
  // The festival's name and city in every interface language: what each reader sees.
  for (const [lang, n, c] of [['zh', fest.nameZh, fest.cityZh], ['ru', fest.nameRu, fest.cityRu], ['kk', fest.nameKk, fest.cityKk]] as const) {
    if (!n?.trim()) unmet.push({ code: 'open:festival_name', params: { language: lang } });
    if (!c?.trim()) unmet.push({ code: 'open:festival_city', params: { language: lang } });
  }
  if (noms.length === 0) unmet.push({ code: 'open:no_nominations' });
  for (const n of noms) if (n.n === 0) unmet.push({ code: 'open:no_candidates', params: { nomination: n.code } });
  const jury = db
    .select({ id: user.id, login: user.login, name: user.displayName, role: juryMember.role, country: user.country, hasHash: isNotNull(user.passwordHash) })
    .from(user)
    .innerJoin(juryMember, memberOf(fest.id))
    .where(seatedActive)
    .all();
  const chairs = jury.filter((j) => j.role === 'chair').length;
  if (chairs !== 1) unmet.push({ code: 'open:chair_count', params: { count: chairs } });
  const withToken = new Set(
    db.select({ userId: signinToken.userId }).from(signinToken).where(and(isNull(signinToken.usedAt), gt(signinToken.expiresAt, nowIso))).all().map((r) => r.userId),
  );
  // A printed sign-in slip not yet used is the juror's way in (lib/account/history.ts).
  for (const id of accountsWithOpenSlip(db)) withToken.add(id);
  for (const j of jury) if (!j.hasHash && !withToken.has(j.id)) unmet.push({ code: 'open:no_account', params: { login: j.login, name: j.name } });
  if (!fest.method) unmet.push({ code: 'open:no_method' });
  // Placeholders are the demo's stand-ins for what the news item does not give: a real vote never
  // runs on them. The demo festival (its banner says so) may be voted on for a demonstration.
  if (!fest.demo) {
    const films = db.select({ n: count() }).from(film).where(and(eq(film.placeholder, true), eq(film.juryId, fest.id))).get()?.n ?? 0;
    if (films > 0) unmet.push({ code: 'open:placeholder_films', params: { count: films } });
    const performances = db
      .select({ n: count() })
      .from(candidate)
      .innerJoin(nomination, eq(nomination.id, candidate.nominationId))
      .where(and(eq(candidate.placeholder, true), eq(nomination.kind, 'performance'), eq(nomination.juryId, fest.id)))
      .get()?.n ?? 0;
    if (performances > 0) unmet.push({ code: 'open:placeholder_performances', params: { count: performances } });
    const jurors = db.select({ n: count() }).from(user).innerJoin(juryMember, memberOf(fest.id)).where(and(seatedActive, eq(user.placeholder, true))).get()?.n ?? 0;
    if (jurors > 0) unmet.push({ code: 'open:placeholder_jurors', params: { count: jurors } });
  }
  if (fest.recusalByNationality) {
    // Recusal by nationality needs every country: of each active juror and each competition film.
    for (const j of jury) if (!j.country) unmet.push({ code: 'open:juror_country', params: { login: j.login, name: j.name } });
    const unknown = db.select({ n: count() }).from(film).where(and(eq(film.competition, true), eq(film.country, UNKNOWN_COUNTRY), eq(film.juryId, fest.id))).get()?.n ?? 0;
    if (unknown > 0) unmet.push({ code: 'open:film_country', params: { count: unknown } });
  }
  return unmet;
}

const OpenInput = z.object({}).strict(); // no input: extra fields are refused, as by the chair's no-input actions

export const openVotingSpec = {
  name: 'admin.openVoting',
  roles: ['organiser'],
  schema: OpenInput,
  revalidate: ['/admin', '/jury', '/chair'],
  handler: ({ user, tx }) => {
    const fest = requireSetup(tx);
    const unmet = votingPreconditions(tx);
    if (unmet.length) throw new Refusal('open:preconditions', { count: unmet.length });
    updateJury(tx, { phase: 'voting' });
    // The rules frozen from now on, for audit:verify to hold the stored ones to (lib/festival/frozen.ts);
    // the jury named, as the round's entries name it, so the replay need not infer it.
    appendAudit(tx, { actorId: user.id, action: 'festival.open_voting', payload: { jury: fest.id, from: 'setup', to: 'voting', rules: frozenRules(tx), setup: frozenSetupDigest(tx) } });
    return null;
  },
} satisfies ActionSpec<typeof OpenInput, null>;
