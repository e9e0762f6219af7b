import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { audit, nomination, setupToken, user } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';
import { verifyPassword } from '@/lib/auth/password';
import { seededDb, snapshot, tempDb, type TestDb } from '@/tests/db';
import { runTokenAction, type Outcome } from '@/lib/server/action';
import { createFestival, issueSetupToken, SetupInput, setupFestivalSpec, setupTokenUsable, tokenHash, type SetupFields, type SetupResult } from './festival';

let t: TestDb;
afterEach(() => t.close());

const VALUES: SetupFields = {
  nameEn: 'SCO Film Festival', nameZh: '上海合作组织电影节', nameRu: 'Кинофестиваль ШОС', nameKk: 'ШЫҰ кинофестивалі',
  cityEn: 'Qingdao', cityZh: '青岛', cityRu: 'Циндао', cityKk: 'Циндао',
  startsOn: '2026-06-10', endsOn: '2026-06-17', timeZone: 'Asia/Shanghai', organiser: 'anna', organiserName: 'Anna',
};

/** The set-up form posted with the link's token, run as its server action runs it (serverAction -> runTokenAction). */
function viaLink(values: SetupFields, token: string): Promise<Outcome<SetupResult>> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...values, token })) form.append(k, v);
  return runTokenAction(setupFestivalSpec, form, t.db);
}

async function created(values: SetupFields, token: string): Promise<SetupResult> {
  const out = await viaLink(values, token);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
}

async function refusedWith(p: Promise<Outcome<unknown>>, code: string) {
  expect(await p).toMatchObject({ ok: false, code });
}

describe('set-up link', () => {
  it('creates the festival and an organiser who must change the one-time password; the audit entry holds no password', async () => {
    t = tempDb();
    const token = issueSetupToken(t.db)!;
    expect(t.db.select().from(setupToken).get()!.tokenHash).toBe(tokenHash(token)); // only the hash is stored
    expect(t.db.select().from(setupToken).get()!.tokenHash).not.toContain(token);
    const out = await created(VALUES, token);
    const f = findFestival(t.db)!;
    expect(f).toMatchObject({ name: 'SCO Film Festival', nameZh: '上海合作组织电影节', cityKk: 'Циндао', timeZone: 'Asia/Shanghai', demo: false, phase: 'setup' });
    expect(t.db.select().from(nomination).all()).toHaveLength(6);
    const org = t.db.select().from(user).where(eq(user.login, 'anna')).get()!;
    expect(org).toMatchObject({ role: 'organiser', mustChangePassword: true });
    expect(await verifyPassword(org.passwordHash, out.password!)).toBe(true);
    const entries = t.db.select().from(audit).all();
    expect(entries.map((e) => e.action)).toEqual(['festival.setup']);
    expect(entries[0].payload).not.toContain(out.password!);
    expect(entries[0].payload).not.toContain(token);
  });

  it('is refused on its second use, and changes nothing', async () => {
    t = tempDb();
    const token = issueSetupToken(t.db)!;
    await created(VALUES, token);
    const before = snapshot(t.db);
    expect(setupTokenUsable(t.db, token)).toBe(false);
    await refusedWith(viaLink({ ...VALUES, organiser: 'mallory' }, token), 'setup:exists');
    expect(snapshot(t.db)).toBe(before);
  });

  it('is refused once used even if the festival were gone, and when replaced by a newer link', async () => {
    t = tempDb();
    const first = issueSetupToken(t.db)!;
    const second = issueSetupToken(t.db)!; // a restart prints a new link: the old one is void
    const before = snapshot(t.db);
    await refusedWith(viaLink(VALUES, first), 'setup:token');
    await refusedWith(viaLink(VALUES, 'made-up-token'), 'setup:token');
    await refusedWith(viaLink(VALUES, ''), 'setup:token');
    expect(snapshot(t.db)).toBe(before);
    await created(VALUES, second);
    // Used up: even with the festival row removed by hand, the same link does not open again.
    t.db.$client.exec('pragma foreign_keys = off; delete from jury; delete from edition;');
    await refusedWith(viaLink(VALUES, second), 'setup:token');
  });

  it('is never issued at start on a database that holds a festival, and no link starts an edition beside an unfinished one', async () => {
    t = await seededDb();
    const before = snapshot(t.db);
    expect(issueSetupToken(t.db)).toBeNull(); // the server's start: only on an empty database
    expect(snapshot(t.db)).toBe(before);
    // A token in the table (planted, or printed by npm run setup -- --link) while the demo jury has not
    // published: refused, nothing changed, the link not used up.
    t.db.insert(setupToken).values({ tokenHash: tokenHash('planted') }).run();
    const withToken = snapshot(t.db);
    await refusedWith(viaLink(VALUES, 'planted'), 'setup:unfinished');
    await expect(createFestival(t.db, VALUES)).rejects.toMatchObject({ code: 'setup:unfinished' }); // the command line too
    expect(snapshot(t.db)).toBe(withToken);
    expect(setupTokenUsable(t.db, 'planted')).toBe(true);
  });

  it('voids every unused link when a festival is set up, so a link printed before it never starts an edition', async () => {
    t = tempDb();
    const early = issueSetupToken(t.db)!;
    await createFestival(t.db, VALUES); // the command line, while the link printed at start is unused
    expect(setupTokenUsable(t.db, early)).toBe(false);
    await refusedWith(viaLink({ ...VALUES, organiser: 'mallory' }, early), 'setup:exists');
  });
});

describe('set-up input', () => {
  const bad = (patch: Partial<Record<keyof SetupFields, string>>) => SetupInput.safeParse({ ...VALUES, ...patch });
  it.each([
    ['a missing Kazakh name', { nameKk: '  ' }, 'nameKk'],
    ['a missing Chinese city', { cityZh: '' }, 'cityZh'],
    ['a date that does not exist', { startsOn: '2026-02-30' }, 'startsOn'],
    ['the last day before the first', { endsOn: '2026-06-01' }, 'endsOn'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a login with spaces', { organiser: 'an na' }, 'organiser'],
  ])('refuses %s, naming the field', (_, patch, field) => {
    const r = bad(patch);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});
