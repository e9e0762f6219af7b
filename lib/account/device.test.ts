// The device summary a juror reads in their account's history: short, and right for the browsers
// jurors use (Edge and Opera also say "Chrome", Chrome also says "Safari").
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import zhCommon from '@/messages/zh/common.json';
import { deviceCookieIn, deviceIdOf, deviceSummary, deviceWords } from './device';

describe('deviceSummary', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge · Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome · Linux'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome · Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari · iPhone'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0', 'Firefox · macOS'],
    ['Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.49', 'Chrome · Android'],
    ['curl/8.5.0', 'curl'],
    ['', 'unknown'],
  ])('%s', (ua, summary) => expect(deviceSummary(ua)).toBe(summary));
});

describe('deviceWords', () => {
  const zh = createTranslator({ locale: 'zh', messages: { common: zhCommon }, namespace: 'common' });
  it('puts the summaries that are words, not product names, in the reader’s language', () => {
    expect(deviceWords(deviceSummary('node'), zh)).toBe('脚本程序');
    expect(deviceWords(deviceSummary(''), zh)).toBe('未知设备');
    expect(deviceWords(null, zh)).toBe('未知设备');
    expect(deviceWords(deviceSummary('curl/8.5.0'), zh)).toBe('curl');
    expect(deviceWords('Chrome · Android', zh)).toBe('Chrome · Android');
  });
});

describe('the device cookie', () => {
  it('is stored only as its hash, and only when well-formed', () => {
    expect(deviceIdOf('abcdefghijklmnopqrstuvwx')).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceIdOf('short')).toBeNull();
    expect(deviceIdOf('has spaces and ; semicolons here')).toBeNull();
    expect(deviceCookieIn('a=1; jury-device=abcdefghijklmnopqrstuvwx; b=2')).toBe('abcdefghijklmnopqrstuvwx');
    expect(deviceCookieIn(undefined)).toBeNull();
  });
});
