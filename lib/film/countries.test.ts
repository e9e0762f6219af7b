import { describe, expect, it } from 'vitest';
import { countryName } from './countries';

describe('a country as a word in the reader’s language', () => {
  it('names the country, never the bare code', () => {
    expect(countryName('KZ', 'en')).toBe('Kazakhstan');
    expect(countryName('CN', 'zh')).toBe('中国');
    expect(countryName('RU', 'ru')).toBe('Россия');
    for (const l of ['en', 'zh', 'ru', 'kk']) expect(countryName('IN', l)).not.toBe('IN');
  });
  it('names nothing while the country is not entered', () => {
    expect(countryName('XX', 'en')).toBeNull();
    expect(countryName(null, 'ru')).toBeNull();
  });
});
