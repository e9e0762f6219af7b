import { describe, expect, it } from 'vitest';
import { PHASES, type Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import { canSeeResults } from './visibility';

const as = (role: Role, mustChangePassword = false): SessionUser => ({
  id: 1, login: 'x', displayName: 'X', country: null, role, locale: null, active: true, sessionVersion: 1, mustChangePassword,
});

describe('canSeeResults', () => {
  it('nobody before finalisation; the chair and organisers once finalised; everyone once published', () => {
    for (const phase of PHASES) {
      const expected = phase === 'published' ? [true, true, true, true] : phase === 'finalised' ? [false, false, true, true] : [false, false, false, false];
      expect([canSeeResults(phase, null), canSeeResults(phase, as('juror')), canSeeResults(phase, as('chair')), canSeeResults(phase, as('organiser'))], phase).toEqual(expected);
    }
  });

  it('before publication, a chair or organiser with a temporary password to replace sees nothing', () => {
    expect(canSeeResults('finalised', as('chair', true))).toBe(false);
    expect(canSeeResults('finalised', as('organiser', true))).toBe(false);
    expect(canSeeResults('published', as('chair', true))).toBe(true);
  });
});
