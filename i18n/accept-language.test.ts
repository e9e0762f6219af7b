// The browser's language list picks the interface language by preference (q), not by position.
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './accept-language';

describe('localeFromAcceptLanguage', () => {
  it.each([
    // q-values rank the list, whatever the order they are written in
    ['ru;q=0.9, zh;q=1', 'zh'],
    ['kk;q=0.5, ru;q=0.8', 'ru'],
    ['en;q=0.2, kk', 'kk'],
    // q=0 means "not this one"
    ['ru;q=0, zh;q=0.1', 'zh'],
    ['kk;q=0', 'en'],
    // a region or script falls back to its own language
    ['kk-KZ', 'kk'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8', 'ru'],
    ['zh-Hant-TW,en;q=0.1', 'zh'],
    // a language we do not have is skipped for the next one asked for
    ['de-DE,de;q=0.9,ru;q=0.1', 'ru'],
    // ...and never swapped for a neighbour the reader did not ask for
    ['uk', 'en'],
    // anything, nothing, or noise: English
    ['*', 'en'],
    ['', 'en'],
    ['garbage', 'en'],
    ['!!@@, ;;q=x, en_US', 'en'],
    ['*, x-foo, ru;q=0.5', 'ru'],
  ])('%j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('English without a header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });
});
