// The protocol's words for a roll-back (RollBacks.tsx): the message formats in every language with
// the record's values, naming both phases and saying when the publication was set aside.
import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/db/schema';

const load = (locale: string, area: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'messages', locale, `${area}.json`), 'utf8'));

describe('the protocol’s roll-back record', () => {
  for (const locale of LOCALES) {
    it(`reads in ${locale}, with and without a publication set aside`, () => {
      const messages = { results: load(locale, 'results'), common: load(locale, 'common') };
      const t = createTranslator({ locale, messages, namespace: 'results' });
      const tc = createTranslator({ locale, messages, namespace: 'common' });
      const args = { at: '7 Dec 2026, 06:00', backup: 'main-closed.db', from: tc('phase.published'), to: tc('phase.main_closed'), entries: 12, head: '40:ab' };
      const published = t('rollBack.item', { ...args, published: 'true' });
      const not = t('rollBack.item', { ...args, published: 'false' });
      for (const text of [published, not]) {
        expect(text).toContain(tc('phase.published'));
        expect(text).toContain(tc('phase.main_closed'));
        expect(text).toContain('12');
        expect(text).toContain('40:ab');
      }
      expect(published.length).toBeGreaterThan(not.length);
      expect(t('rollBack.heading')).not.toBe('');
    });
  }
});
