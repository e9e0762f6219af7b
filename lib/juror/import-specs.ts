// The jury CSV import (preview, then apply; all or nothing) and the sign-in slips: one action that
// gives every active juror a fresh one-time password, recorded in the audit log without them.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { juryMember, signinToken, user as userTable } from '@/db/schema';
import { memberOfServedJury, seat, servedJury, servedRole } from '@/lib/festival/members';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { ISSUE_SLIPS } from './slips-confirm';
import { appendAudit } from '@/lib/audit';
import { accountState, credentialDigest } from '@/lib/auth/account-state';
import { hashPassword } from '@/lib/auth/password';
import { getFestival, requireSetup } from '@/lib/festival/phase';
import { invalidImport, type LineError } from '@/lib/film/import';
import { CsvInput } from '@/lib/film/specs';
import type { DB } from '@/db';
import type { AppLocale } from '@/i18n/config';
import { parseJurorCsv, planJurorImport, type ExistingUser, type JurorPlan } from './import';
import { temporaryPassword } from './password';
import { issueSlip, recordCredential } from '@/lib/account/history';

function currentUsers(tx: Tx): ExistingUser[] {
  return tx
    .select({ id: userTable.id, login: userTable.login, role: servedRole, displayName: userTable.displayName, latinName: userTable.latinName, country: userTable.country, locale: userTable.locale, active: userTable.active })
    .from(userTable)
    .orderBy(asc(userTable.id))
    .all();
}

function planFromCsv(tx: Tx, bytes: Uint8Array): { plan: JurorPlan | null; errors: LineError[] } {
  const existing = currentUsers(tx);
  const parsed = parseJurorCsv(bytes, existing);
  if (!parsed.ok) return { plan: null, errors: parsed.errors };
  return { plan: planJurorImport(parsed.rows, existing), errors: [] };
}

export type JurorImportPreview = {
  errors: LineError[];
  added: { line: number; name: string; login: string; role: string }[];
  updated: { line: number; name: string; login: string; role: string; fields: string[] }[];
  removed: { name: string; login: string }[]; // deactivated
  unchanged: number;
};

/** Reads only: what the file would change, or every bad line. */
export const previewJurorImportSpec = {
  name: 'admin.previewJurorImport',
  roles: ['organiser'],
  schema: CsvInput,
  handler: ({ input, tx }) => {
    requireSetup(tx);
    const { plan, errors } = planFromCsv(tx, input.csv);
    const shown = (r: { displayName: string; latinName: string | null }) => (r.latinName && r.latinName !== r.displayName ? `${r.displayName} (${r.latinName})` : r.displayName);
    return {
      errors,
      // An account of another jury joins this one: added to this jury, with the name it has.
      added: [...(plan?.added ?? []), ...(plan?.seated.map((s) => s.row) ?? [])].sort((a, b) => a.line - b.line).map((r) => ({ line: r.line, name: shown(r), login: r.login, role: r.role })),
      updated: plan?.updated.map((u) => ({ line: u.row.line, name: shown(u.row), login: u.row.login, role: u.row.role, fields: u.fields })) ?? [],
      removed: plan?.deactivated.map((u) => ({ name: u.displayName, login: u.login })) ?? [],
      unchanged: plan?.unchanged.length ?? 0,
    };
  },
} satisfies ActionSpec<typeof CsvInput, JurorImportPreview>;

/** All or nothing: any bad line refuses the whole file. Added jurors get their passwords from the slips. */
export const importJurorsSpec = {
  name: 'admin.importJurors',
  roles: ['organiser'],
  schema: CsvInput,
  revalidate: ['/admin/jurors', '/admin'],
  handler: ({ user, input, tx }) => {
    requireSetup(tx);
    const { plan, errors } = planFromCsv(tx, input.csv);
    if (!plan || errors.length) throw invalidImport(errors);
    // The file's role is the role in the served jury (jury_member); the account stays a juror's.
    const values = (r: JurorPlan['added'][number]) => ({ displayName: r.displayName, latinName: r.latinName, country: r.country, locale: r.locale, role: 'juror' as const, placeholder: false });
    const juryId = servedJury(tx);
    // Deactivation ends the sessions at once, as setJurorActive does.
    for (const u of plan.deactivated) tx.update(userTable).set({ active: false, sessionVersion: sql`${userTable.sessionVersion} + 1` }).where(eq(userTable.id, u.id)).run();
    for (const u of plan.updated) tx.update(userTable).set({ ...values(u.row), active: true }).where(eq(userTable.id, u.id)).run();
    const added = plan.added.map((r) => ({ ...tx.insert(userTable).values({ ...values(r), login: r.login, mustChangePassword: true }).returning({ id: userTable.id }).get(), row: r }));
    // Jurors first, the chair last: seating the chair demotes this jury's previous chair only (one chair per jury).
    const seats = [...added, ...plan.seated, ...plan.updated].map((u) => ({ id: u.id, role: u.row.role }));
    const seatedIds = [...seats.filter((s) => s.role === 'juror'), ...seats.filter((s) => s.role === 'chair')].flatMap((s) => seat(tx, juryId, s.id, s.role));
    // Every account the file touched, as it stands now (lib/auth/account-state.ts).
    const touched = [...new Set([...plan.deactivated.map((u) => u.id), ...seatedIds, ...plan.updated.map((u) => u.id), ...added.map((u) => u.id)])].sort((a, b) => a - b);
    const summary = { added: plan.added.length + plan.seated.length, updated: plan.updated.length, removed: plan.deactivated.length, unchanged: plan.unchanged.length };
    appendAudit(tx, {
      actorId: user.id,
      action: 'juror.import',
      payload: { ...summary, added: plan.added.map((r) => r.login), seated: plan.seated.map((s) => s.row.login), updated: plan.updated.map((u) => ({ login: u.row.login, fields: u.fields })), deactivated: plan.deactivated.map((u) => u.login), sha256: createHash('sha256').update(input.csv).digest('hex'), accounts: touched.map((a) => accountState(tx, a)) },
    });
    return summary;
  },
} satisfies ActionSpec<typeof CsvInput, { added: number; updated: number; removed: number; unchanged: number }>;

// The page's explicit word (lib/juror/slips-confirm.ts): anything else is refused and no password changes.
const SlipsInput = z.literal(ISSUE_SLIPS);

/** The slips prepared before the transaction: each active juror's new password, and its hash. */
type PreparedSlips = { slips: (Slip & { id: number })[]; accounts: { id: number; passwordHash: string }[] };

/** `locale`: the juror's own language (the import's `language` column), in which their slip is printed; null when not given. */
export type Slip = { login: string; displayName: string; latinName: string | null; role: 'juror' | 'chair'; locale: AppLocale | null; password: string };

function activeJury(tx: Pick<DB, 'select'>) {
  return tx
    .select({ id: userTable.id, login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName, role: juryMember.role, locale: userTable.locale })
    .from(userTable)
    .innerJoin(juryMember, memberOfServedJury)
    .where(eq(userTable.active, true))
    .orderBy(asc(userTable.displayName), asc(userTable.id))
    .all() as { id: number; login: string; displayName: string; latinName: string | null; role: 'juror' | 'chair'; locale: AppLocale | null }[];
}

/**
 * Every active juror's password replaced by a fresh one-time one, in one transaction. Setup only
 * for now: during voting, account changes need the chair's approval (the two-person rule), which
 * this action will go through once that exists.
 */
export const issueSlipsSpec = {
  name: 'admin.issueSlips',
  roles: ['organiser'],
  schema: SlipsInput,
  revalidate: ['/admin/jurors', '/admin'],
  // A password per active juror, generated and hashed before the (synchronous) transaction. Only an
  // active organiser, in setup, makes the server hash anything.
  prepare: async ({ db }): Promise<PreparedSlips> => {
    const setup = getFestival(db).phase === 'setup';
    const jury = setup ? activeJury(db) : [];
    // Outside setup the handler gives the phase's own refusal.
    if (setup && jury.length === 0) throw new Refusal('slips:no_jurors');
    const slips = jury.map((j) => ({ ...j, password: temporaryPassword() }));
    const hashes = await Promise.all(slips.map((s) => hashPassword(s.password)));
    return { slips, accounts: slips.map((s, i) => ({ id: s.id, passwordHash: hashes[i] })) };
  },
  handler: ({ user, tx, prepared }) => {
    const f = getFestival(tx);
    if (f.phase === 'finalised' || f.phase === 'published') throw new Refusal('phase:finalised', { phase: f.phase });
    if (f.phase !== 'setup') throw new Refusal('slips:voting');
    const jury = activeJury(tx);
    const given = new Set(prepared.accounts.map((a) => a.id));
    // The jury changed between reading it and this transaction (or the input is not the whole jury).
    if (given.size !== prepared.accounts.length || jury.length !== given.size || jury.some((j) => !given.has(j.id))) throw new Refusal('slips:jury_changed');
    const now = new Date().toISOString();
    for (const a of prepared.accounts) {
      // The slip is its own one-time record (lib/account/history.ts), never the account's password:
      // the account has none until its owner chooses one with the slip, and every session ends.
      tx.update(userTable)
        .set({ passwordHash: null, mustChangePassword: true, sessionVersion: sql`${userTable.sessionVersion} + 1` })
        .where(eq(userTable.id, a.id))
        .run();
      tx.update(signinToken).set({ usedAt: now }).where(and(eq(signinToken.userId, a.id), isNull(signinToken.usedAt))).run();
      issueSlip(tx, a.id, a.passwordHash, user.id);
      recordCredential(tx, a.id, 'slip', { id: user.id, how: 'organiser' });
    }
    // Who got a slip, never the passwords nor their hashes: a digest of each slip's hash, which
    // audit:verify matches each slip row against (lib/auth/account-replay.ts).
    appendAudit(tx, { actorId: user.id, action: 'juror.issue_slips', payload: {
      jurors: jury.map((j) => ({ id: j.id, login: j.login })),
      accounts: jury.map((j) => accountState(tx, j.id)),
      slips: prepared.accounts.map((a) => ({ id: a.id, slip: credentialDigest(a.passwordHash) })),
    } });
    return prepared.slips.map(({ login, displayName, latinName, role, locale, password }) => ({ login, displayName, latinName, role, locale, password }));
  },
} satisfies ActionSpec<typeof SlipsInput, Slip[], PreparedSlips>;
