// A refused input's messages by field, as every action (and the set-up and password forms) reports them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf } from '@/lib/server/action';

const Input = z.object({
  name: z.string().min(3, 'name_short').regex(/^[a-z]+$/, 'name_letters'),
  nominations: z.array(z.object({ maxWinners: z.number().int().min(1, 'max_winners') })),
});

const errorsOf = (raw: unknown) => {
  const parsed = Input.safeParse(raw);
  if (parsed.success) throw new Error('expected a refusal');
  return fieldErrorsOf(parsed.error);
};

describe('fieldErrorsOf', () => {
  it('lists every message of a field under its name', () => {
    expect(errorsOf({ name: '1', nominations: [] })).toEqual({ name: ['name_short', 'name_letters'] });
  });
  it('files a nested issue under its top-level field', () => {
    expect(errorsOf({ name: 'abc', nominations: [{ maxWinners: 1 }, { maxWinners: 0 }] })).toEqual({ nominations: ['max_winners'] });
  });
  it('files an issue about the whole input under _', () => {
    expect(Object.keys(errorsOf('not an object'))).toEqual(['_']);
  });
});
