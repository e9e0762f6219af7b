import { describe, expect, it } from 'vitest';
import { REDACTED, redactPayload } from './audit-log';

describe('audit log redaction for organisers', () => {
  const payload = JSON.stringify({ candidateId: 3, value: 7, note: 'private thought' });
  it('hides score values until publication and private notes always', () => {
    expect(JSON.parse(redactPayload('ballot.save_score', payload, false))).toEqual({ candidateId: 3, value: REDACTED, note: REDACTED });
    expect(JSON.parse(redactPayload('ballot.save_note', payload, true))).toEqual({ candidateId: 3, value: 7, note: REDACTED });
    // A save's payload carries the score twice, as the value and as the whole steps stored: both hidden.
    const save = JSON.stringify({ jurorId: 4, candidateId: 3, steps: 6, value: 7 });
    expect(JSON.parse(redactPayload('ballot.save_score', save, false))).toEqual({ jurorId: 4, candidateId: 3, steps: REDACTED, value: REDACTED });
  });
  it('leaves other entries alone and hides an unreadable score payload whole', () => {
    expect(redactPayload('round.close', payload, false)).toBe(payload);
    expect(redactPayload('ballot.save_score', '{broken', false)).toBe(REDACTED);
  });
});
