import { describe, expect, it } from 'vitest';
import { PHASES, type Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import { canSeeDraftProtocol, canSeeResults } from './visibility';

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

describe('canSeeDraftProtocol', () => {
  it('the chair and the organisers while a round is closed and until finalisation; never a juror or a visitor', () => {
    for (const phase of PHASES) {
      const open = ['main_closed', 'special_voting', 'special_closed'].includes(phase);
      expect([canSeeDraftProtocol(phase, null), canSeeDraftProtocol(phase, as('juror')), canSeeDraftProtocol(phase, as('chair')), canSeeDraftProtocol(phase, as('organiser'))], phase)
        .toEqual([false, false, open, open]);
    }
  });
  it('not with a temporary password to replace', () => {
    expect(canSeeDraftProtocol('main_closed', as('chair', true))).toBe(false);
    expect(canSeeDraftProtocol('main_closed', as('organiser', true))).toBe(false);
  });
});
