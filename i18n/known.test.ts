// Keys built at run time from codes: translated when the messages have them, the fallback otherwise.
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import admin from '@/messages/en/admin.json';
import common from '@/messages/en/common.json';
import ru from '@/messages/ru/common.json';
import { translateKnown } from './known';
import { nominationName } from './names';

const t = createTranslator({ locale: 'en', messages: { admin }, namespace: 'admin' });

describe('translateKnown', () => {
  it('translates a key the messages have, with its values', () => {
    expect(translateKnown(t, 'audit.actions.ballot_submit', () => 'other')).toBe(admin.audit.actions.ballot_submit);
    expect(translateKnown(t, 'phase.unmetReason.open_no_candidates', () => 'other', { nomination: 'Best Film' })).toContain('Best Film');
  });
  it('gives the fallback for a key they do not have', () => {
    expect(translateKnown(t, 'audit.actions.no_such_action', () => 'other')).toBe('other');
  });
});

describe('nominationName', () => {
  it('names a nomination in the reader’s language, and an unknown code by its fallback', () => {
    expect(nominationName(createTranslator({ locale: 'en', messages: { common }, namespace: 'common' }), 'best_film')).toBe('Best Film');
    const tc = createTranslator({ locale: 'ru', messages: { common: ru }, namespace: 'common' });
    expect(nominationName(tc, 'best_film')).toBe(ru.nomination.best_film);
    expect(nominationName(tc, 'best_cat')).toBe('best_cat');
    expect(nominationName(tc, 'best_cat', 'Jury')).toBe('Jury');
  });
});
