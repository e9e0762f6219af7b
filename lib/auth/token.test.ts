// Our session-token reader (next-auth/jwt's decode behind a memo) against tokens made by next-auth's own encode.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { decodeSessionToken } from './token';

const secret = 'a-test-secret-of-reasonable-length-0123456789';

describe('decodeSessionToken', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the claims of a token next-auth encoded', async () => {
    const token = await encode({ token: { uid: 7, sv: 3, sub: '7' }, secret, maxAge: 3600 });
    expect(await decodeSessionToken(token, secret)).toMatchObject({ uid: 7, sv: 3, sub: '7' });
    expect(await decodeSessionToken(token, secret)).toMatchObject({ uid: 7 }); // from the memo
  });

  it('refuses a token of another secret, an altered one and an expired one', async () => {
    const token = await encode({ token: { uid: 7, sv: 3 }, secret, maxAge: 3600 });
    await expect(decodeSessionToken(token, `${secret}x`)).rejects.toThrow(/decryption/i);
    // Alter the ciphertext's first character: every bit of it carries data (the last one may not).
    const parts = token.split('.');
    parts[3] = (parts[3][0] === 'A' ? 'B' : 'A') + parts[3].slice(1);
    await expect(decodeSessionToken(parts.join('.'), secret)).rejects.toThrow(/decryption/i);
    const expired = await encode({ token: { uid: 7, sv: 3 }, secret, maxAge: -60 });
    await expect(decodeSessionToken(expired, secret)).rejects.toThrow(/exp/);
  });

  it('remembers a decrypted token only until it expires, and only for its own secret', async () => {
    const token = await encode({ token: { uid: 9, sv: 1 }, secret, maxAge: 60 });
    const first = await decodeSessionToken(token, secret);
    expect(first).toMatchObject({ uid: 9, sv: 1 });
    expect(await decodeSessionToken(token, secret)).toBe(first); // the same object: from the memo, not decrypted again
    await expect(decodeSessionToken(token, `${secret}x`)).rejects.toThrow(/decryption/i);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000 + 16_000); // past expiry and the clock tolerance
    await expect(decodeSessionToken(token, secret)).rejects.toThrow(/exp/);
  });
});
