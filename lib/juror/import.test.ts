import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import { runAction } from '@/lib/server/action';
import { eq, getTableColumns } from 'drizzle-orm';
import { audit, slip, user } from '@/db/schema';
import { servedRole } from '@/lib/festival/members';
import { verifyPassword } from '@/lib/auth/password';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { bytes, expectCommonRefusals, expectRefused, expectRunRefused, run, setPhase } from '@/tests/actions';
import { parseJurorCsv, planJurorImport, type ExistingUser } from './import';
import { importJurorsSpec, issueSlipsSpec, previewJurorImportSpec } from './import-specs';

const ORGANISER: ExistingUser = { id: 1, login: 'organiser', role: 'organiser', displayName: 'O', latinName: null, country: null, locale: null, active: true };
const HEAD = 'name,latin_name,login,country,language,role\n';
const parse = (body: string, head = HEAD) => parseJurorCsv(bytes(head + body), [ORGANISER]);
const errorsOf = (body: string, head = HEAD) => {
  const r = parse(body, head);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

// Twelve jurors with names in Kazakh, Chinese, Russian, Hindi and Urdu script.
export const JURY_CSV = HEAD + [
  '韩三平,Han Sanping,hansanping,CN,zh,chair',
  'Сергей Азимов,Sergey Azimov,azimov,KZ,ru,juror',
  'Әсел Нұрланқызы,Asel Nurlankyzy,asel,KZ,kk,',
  'Анна Петрова,Anna Petrova,apetrova,RU,ru,juror',
  'राजेश कुमार,Rajesh Kumar,rkumar,IN,en,juror',
  'عائشہ خان,Ayesha Khan,akhan,PK,en,juror',
  '李娜,Li Na,lina,CN,zh,juror',
  'Бакыт Токтогулов,Bakyt Toktogulov,bakyt,KG,ru,juror',
  'Фарход Саидов,Farhod Saidov,farhod,TJ,ru,juror',
  'Дилноза Каримова,Dilnoza Karimova,dilnoza,UZ,ru,juror',
  'مریم رضایی,Maryam Rezaei,mrezaei,IR,en,juror',
  'Алена Ковалева,Alena Kovaleva,akovaleva,BY,ru,juror',
].join('\n') + '\n';

describe('juror CSV: every bad line named', () => {
  it('reads twelve jurors in five scripts, one chair', () => {
    const r = parseJurorCsv(bytes(JURY_CSV), [ORGANISER]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toHaveLength(12);
    expect(r.rows.filter((x) => x.role === 'chair').map((x) => x.login)).toEqual(['hansanping']);
    expect(r.rows[4]).toMatchObject({ displayName: 'राजेश कुमार', latinName: 'Rajesh Kumar', country: 'IN', locale: 'en', line: 6 });
    expect(r.rows[2]).toMatchObject({ role: 'juror', locale: 'kk' });
  });

  it.each([
    ['a missing name', ',Latin,ok1,KZ,ru,juror', 'import:missing_name', undefined],
    ['a missing login', 'Name,,,KZ,ru,juror', 'import:missing_login', undefined],
    ['a login with a space', 'Name,,bad login,KZ,ru,juror', 'import:bad_login', { value: 'bad login' }],
    ['an organiser’s login', 'Name,,organiser,KZ,ru,juror', 'import:login_taken', { value: 'organiser' }],
    ['an unknown country', 'Name,,ok2,Narnia,ru,juror', 'import:unknown_country', { value: 'Narnia' }],
    ['the placeholder country XX', 'Name,,ok3,XX,ru,juror', 'import:unknown_country', { value: 'XX' }],
    ['an unknown language', 'Name,,ok4,KZ,fr,juror', 'import:unknown_language', { value: 'fr' }],
    ['an unknown role', 'Name,,ok5,KZ,ru,organiser', 'import:bad_role', { value: 'organiser' }],
    ['a name over 200 characters', `${'x'.repeat(201)},,ok6,KZ,ru,juror`, 'import:too_long', { column: 'name', max: 200 }],
    ['a Latin name over 200 characters', `Name,${'x'.repeat(201)},ok7,KZ,ru,juror`, 'import:too_long', { column: 'latin_name', max: 200 }],
    ['a row with too few fields', 'Name,,ok8', 'import:columns', { expected: 6, found: 3 }],
  ])('refuses %s', (_, row, code, params) => {
    const errors = errorsOf(`${row}\n`);
    expect(errors).toContainEqual(params ? { line: 2, code, params } : { line: 2, code });
  });

  it('refuses a repeated login (any case) and a second chair, naming the first line', () => {
    expect(errorsOf('A,,same,KZ,ru,juror\nB,,SAME,KZ,ru,juror\n')).toEqual([{ line: 3, code: 'import:duplicate', params: { first: 2 } }]);
    expect(errorsOf('A,,a1,KZ,ru,chair\nB,,b1,KZ,ru,juror\nC,,c1,KZ,ru,Chair\n')).toEqual([{ line: 4, code: 'import:second_chair', params: { first: 2 } }]);
  });

  it('refuses a header without name or login, an unknown column, an empty file and a file that is not UTF-8', () => {
    expect(errorsOf('A,KZ\n', 'name,country\n')).toEqual([{ line: 1, code: 'import:missing_column', params: { column: 'login' } }]);
    expect(errorsOf('A,a1,x\n', 'name,login,shoe_size\n')).toEqual([{ line: 1, code: 'import:unknown_column', params: { column: 'shoe_size' } }]);
    expect(errorsOf('')).toEqual([{ line: 2, code: 'import:empty' }]);
    const latin1 = new Uint8Array([...bytes('name,login\n'), 0xc4, 0x2c, 0x61, 0x31, 0x0a]);
    expect(parseJurorCsv(latin1, [])).toEqual({ ok: false, errors: [{ line: 2, code: 'import:encoding' }] });
  });

  it('accepts language names and the header aliases', () => {
    const r = parse('A,,a1,kz,Қазақша,\nB,,b1,,Chinese,member\n', 'display_name,name_latin,login,country,locale,role\n');
    expect(r).toMatchObject({ ok: true, rows: [{ country: 'KZ', locale: 'kk', role: 'juror' }, { country: null, locale: 'zh', role: 'juror' }] });
  });

  it('plans by login: adds, updates, deactivates the active jurors missing from the file', () => {
    const existing: ExistingUser[] = [
      ORGANISER,
      { id: 2, login: 'a1', role: 'juror', displayName: 'A', latinName: null, country: 'KZ', locale: null, active: true },
      { id: 3, login: 'gone', role: 'juror', displayName: 'G', latinName: null, country: null, locale: null, active: true },
      { id: 4, login: 'old', role: 'juror', displayName: 'O', latinName: null, country: null, locale: null, active: false },
    ];
    const r = parseJurorCsv(bytes(`${HEAD}A,,a1,KZ,,\nNew,,n1,,,chair\n`), existing);
    if (!r.ok) throw new Error('parse');
    const plan = planJurorImport(r.rows, existing);
    expect(plan.added.map((x) => x.login)).toEqual(['n1']);
    expect(plan.unchanged.map((x) => x.login)).toEqual(['a1']);
    expect(plan.deactivated.map((x) => x.login)).toEqual(['gone']); // never the organiser, never one already inactive
  });
});

describe('juror import and sign-in slips (actions)', () => {
  let t: TestDb;
  beforeEach(async () => { t = await seededDb(); });
  afterEach(() => t.close());

  it('imports the twelve jurors: names replaced, placeholders gone, one chair, nobody outside the file left active', () => {
    const preview = run(t, previewJurorImportSpec, { csv: bytes(JURY_CSV) });
    expect(preview.errors).toEqual([]);
    expect(preview.added).toHaveLength(10);
    expect(preview.removed.map((r) => r.login)).toHaveLength(10); // juror03…juror12
    const out = run(t, importJurorsSpec, { csv: bytes(JURY_CSV) });
    expect(out).toEqual({ added: 10, updated: 2, removed: 10, unchanged: 0 });
    const active = t.db.select({ ...getTableColumns(user), role: servedRole }).from(user).where(eq(user.active, true)).all().filter((u) => u.role !== 'organiser');
    expect(active).toHaveLength(12);
    expect(active.some((u) => u.placeholder)).toBe(false);
    expect(active.filter((u) => u.role === 'chair').map((u) => u.login)).toEqual(['hansanping']);
    expect(active.find((u) => u.login === 'akhan')).toMatchObject({ displayName: 'عائشہ خان', latinName: 'Ayesha Khan', country: 'PK', passwordHash: null, mustChangePassword: true });
  });

  it('writes nothing when one line is bad, and refuses jurors, the chair, bad input and a frozen phase', () => {
    const bad = JURY_CSV.replace('akhan,PK', 'akhan,QQ');
    expectRefused(t, importJurorsSpec, 'organiser', { csv: bytes(bad) }, 'import:invalid');
    expectCommonRefusals(t, importJurorsSpec, { csv: bytes(JURY_CSV) }, { csv: 'not bytes' });
    expectCommonRefusals(t, previewJurorImportSpec, { csv: bytes(JURY_CSV) }, { csv: 'not bytes' });
  });

  it('issues every active juror a fresh one-time password in one action; the audit entry has no password nor hash', async () => {
    const org = userByLogin(t.db, 'organiser');
    const out = await runAction(issueSlipsSpec, org, ISSUE_SLIPS, t.db);
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.data).toHaveLength(12);
    const azimov = out.data.find((s) => s.login === 'azimov')!;
    const row = t.db.select().from(user).where(eq(user.login, 'azimov')).get()!;
    expect(row.mustChangePassword).toBe(true);
    // The slip is a one-time record of its own (lib/account/history.ts), not the account's password,
    // and the old password is gone: the account has none until its owner chooses one with the slip.
    expect(row.passwordHash).toBeNull();
    const printed = t.db.select().from(slip).where(eq(slip.userId, row.id)).get()!;
    expect(await verifyPassword(printed.hash, azimov.password)).toBe(true);
    expect(printed).toMatchObject({ issuedBy: org.id, usedAt: null, voidAt: null });
    const entry = t.db.select().from(audit).all().at(-1)!;
    expect(entry.action).toBe('juror.issue_slips');
    for (const s of out.data) expect(entry.payload).not.toContain(s.password);
    expect(entry.payload).not.toContain('$argon2id$');
    expect(JSON.parse(entry.payload).jurors).toHaveLength(12);
    // Each slip carries its juror's own language, to be printed in it (null: the organiser's language).
    for (const s of out.data) expect(s.locale).toBe(t.db.select({ locale: user.locale }).from(user).where(eq(user.login, s.login)).get()!.locale);
  });

  it('is refused during voting (until the two-person rule covers it), to jurors and the chair, and changes nothing', async () => {
    setPhase(t, 'voting');
    let before = snapshot(t.db);
    expect(await runAction(issueSlipsSpec, userByLogin(t.db, 'organiser'), ISSUE_SLIPS, t.db)).toMatchObject({ ok: false, code: 'slips:voting' });
    expect(snapshot(t.db)).toBe(before);
    setPhase(t, 'setup');
    before = snapshot(t.db);
    expect(await runAction(issueSlipsSpec, userByLogin(t.db, 'hansanping'), ISSUE_SLIPS, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(await runAction(issueSlipsSpec, userByLogin(t.db, 'azimov'), ISSUE_SLIPS, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(await runAction(issueSlipsSpec, null, ISSUE_SLIPS, t.db)).toMatchObject({ ok: false, code: 'auth:required' });
    expect(snapshot(t.db)).toBe(before);
  });

  it('refuses hashes for only part of the jury or for someone else (the transaction takes the whole active jury only)', async () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$x$y';
    const azimov = userByLogin(t.db, 'azimov');
    const org = userByLogin(t.db, 'organiser');
    // As if the jury had changed between the preparation and the transaction.
    const preparedFor = (id: number) => ({ ...issueSlipsSpec, prepare: async () => ({ slips: [], accounts: [{ id, passwordHash: hash }] }) });
    await expectRunRefused(t, preparedFor(azimov.id), 'organiser', ISSUE_SLIPS, 'slips:jury_changed');
    await expectRunRefused(t, preparedFor(org.id), 'organiser', ISSUE_SLIPS, 'slips:jury_changed');
  });
});
