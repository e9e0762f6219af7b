import { describe, expect, it } from 'vitest';
import { localiseRefusalParams, namedInvalidField } from './refusal-words';

const ru: Record<string, string> = { best_film: 'Лучший фильм', special_jury_prize: 'Специальный приз жюри' };

describe('a refusal in people’s words', () => {
  it('names the nominations in the reader’s language, never their codes', () => {
    const out = localiseRefusalParams({ count: 2, nominations: 'best_film, special_jury_prize' }, (c) => ru[c] ?? c, 'ru');
    expect(out).toEqual({ count: 2, nominations: 'Лучший фильм и Специальный приз жюри' });
    expect(String(out.nominations)).not.toMatch(/[a-z]+_[a-z_]+/);
  });
  it('leaves the other parameters alone', () => {
    expect(localiseRefusalParams({ quorum: 3, lowest: 1 }, () => 'x', 'en')).toEqual({ quorum: 3, lowest: 1 });
  });
  it('knows when a refused input is about the reason', () => {
    expect(namedInvalidField({ reason: ['Too small'] })).toBe('reason');
    expect(namedInvalidField({ filmId: ['x'] })).toBeNull();
    expect(namedInvalidField({ note: ['Too big'] })).toBe('note');
    expect(namedInvalidField({ candidateId: ['x'], value: ['Invalid input'] })).toBe('value');
    expect(namedInvalidField(undefined)).toBeNull();
  });
});
