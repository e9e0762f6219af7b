// The one password rule, and that every way a password is set applies it (a weak one is refused with
// a translatable reason and nothing changes).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '@/lib/server/action';
import fs from 'node:fs';
import path from 'node:path';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { changePasswordSpec } from '@/lib/juror/account';
import { temporaryPassword } from '@/lib/juror/specs';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses the passwords the length rule let through, with the reason', () => {
    expect(passwordProblem('aaaaaaaaaa')).toBe('password_weak_repeat');
    expect(passwordProblem('1234567890')).toBe('password_weak_common');
    expect(passwordProblem('qwertyuiop')).toMatch(/^password_weak_/);
    expect(passwordProblem('password123')).toBe('password_weak_common');
    expect(passwordProblem('short')).toBe('password_short');
    // Ten characters counted as a person sees them, not UTF-16 units.
    expect(passwordProblem('😀😀😀😀😀')).toBe('password_short');
  });

  it('refuses a password built on the user’s own login', () => {
    expect(passwordProblem('azimov2026!', ['azimov'])).toBe('password_weak_personal');
  });

  it('accepts long unrelated words, and the temporary passwords the server issues', () => {
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('жаңа құпия сөз 2018')).toBeNull();
    for (let i = 0; i < 20; i++) expect(passwordProblem(temporaryPassword())).toBeNull();
  });

  it('every reason has a message in every language', () => {
    const codes = ['password_short', ...['repeat', 'sequence', 'common', 'words', 'personal', 'dates', 'guessable'].map((r) => `password_weak_${r}`)];
    for (const locale of ['en', 'zh', 'ru', 'kk']) {
      const field = JSON.parse(fs.readFileSync(path.join('messages', locale, 'admin.json'), 'utf8')).field as Record<string, string>;
      for (const c of codes) expect(field[c], `${locale}: admin.field.${c}`).toBeTruthy();
    }
  });
});

describe('changing one’s own password applies the rule', () => {
  let t: TestDb;
  beforeEach(async () => { t = await seededDb(); });
  afterEach(() => t.close());

  it('a weak new password is refused with its reason; nothing changes', async () => {
    const me = userByLogin(t.db, 'juror11');
    const before = snapshot(t.db);
    for (const [pw, code] of [['aaaaaaaaaa', 'password_weak_repeat'], ['1234567890', 'password_weak_common'], ['juror11juror11', 'password_weak_personal']] as const) {
      expect(await runAction(changePasswordSpec, me, { current: 'juror-demo', password: pw, confirm: pw }, t.db)).toMatchObject({ ok: false, code: 'invalid:input', fieldErrors: { password: [code] } });
    }
    expect(snapshot(t.db)).toBe(before);
  });
});
