import { describe, expect, it } from 'vitest';
import { REDACTED, redactPayload } from './audit-log';

describe('audit log redaction for organisers', () => {
  const payload = JSON.stringify({ candidateId: 3, value: 7, note: 'private thought' });
  const nominationOf = (id: number) => (id === 3 ? 'best_film' : undefined);
  it('never shows a score value or a note, and names the nomination the score was saved for', () => {
    expect(JSON.parse(redactPayload('ballot.save_score', payload, nominationOf))).toEqual({ candidateId: 3, nomination: 'best_film', value: REDACTED, note: REDACTED });
    expect(JSON.parse(redactPayload('ballot.save_note', payload))).toEqual({ candidateId: 3, value: REDACTED, note: REDACTED });
  });
  it('never shows a receipt or salt, in a ballot entry or any other', () => {
    const submit = JSON.stringify({ nominationId: 1, receipt: 'a'.repeat(64), scores: 23 });
    expect(JSON.parse(redactPayload('ballot.submit', submit))).toEqual({ nominationId: 1, receipt: REDACTED, scores: 23 });
    expect(JSON.parse(redactPayload('other.entry', JSON.stringify({ nested: [{ receipt: 'x', salt: 'y', value: 1 }] })))).toEqual({ nested: [{ receipt: REDACTED, salt: REDACTED, value: 1 }] });
  });
  it('leaves other entries alone and hides an unreadable score payload whole', () => {
    expect(redactPayload('round.close', payload)).toBe(payload);
    expect(redactPayload('ballot.save_score', '{broken')).toBe(REDACTED);
  });

  it('hides a sign-in’s device, address and way, and a history answer’s verdict: the owner’s and the chair’s to read (issue 20)', () => {
    expect(JSON.parse(redactPayload('auth.login', JSON.stringify({ address: '10.0.0.5', device: 'Chrome · Linux', via: 'slip' })))).toEqual({ address: REDACTED, device: REDACTED, via: REDACTED });
    expect(JSON.parse(redactPayload('account.history_answer', JSON.stringify({ verdict: 'not_me', signInUpTo: 4 })))).toEqual({ verdict: REDACTED, signInUpTo: 4 });
  });
});
