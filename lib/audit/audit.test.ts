import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { audit } from '@/db/schema';
import { canonicalJson } from '@/lib/canonical';
import { appendAudit, verifyChain } from '@/lib/audit';
import { tempDb, type TestDb } from '@/tests/db';

let t: TestDb;
beforeEach(() => { t = tempDb(); });
afterEach(() => t.close());

function write(n: number) {
  for (let i = 0; i < n; i++) t.db.transaction((tx) => appendAudit(tx, { actorId: i, action: 'test.write', payload: { i, text: 'Алмас қылыш 中文' } }));
}

describe('audit chain', () => {
  it('verifies an intact chain', () => {
    write(5);
    expect(verifyChain(t.db)).toEqual({ ok: true, entries: 5 });
  });

  it('detects an altered payload', () => {
    write(5);
    t.db.update(audit).set({ payload: '{"i":99}' }).where(eq(audit.id, 3)).run();
    expect(verifyChain(t.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a deleted entry', () => {
    write(5);
    t.db.delete(audit).where(eq(audit.id, 2)).run();
    expect(verifyChain(t.db)).toMatchObject({ ok: false, brokenAt: 3, why: 'prev_hash' });
  });

  it('cannot be edited and re-hashed without the key (the hash is an HMAC, not a plain SHA-256)', () => {
    write(5);
    const rows = t.db.select().from(audit).all();
    let prev = rows[1].hash;
    for (const row of rows.slice(2)) {
      const payload = row.id === 3 ? '{"i":99}' : row.payload;
      const hash = createHash('sha256').update(prev).update('\n').update(canonicalJson({ at: row.at, actorId: row.actorId, action: row.action, payload })).digest('hex');
      t.db.update(audit).set({ payload, prevHash: prev, hash }).where(eq(audit.id, row.id)).run();
      prev = hash;
    }
    expect(verifyChain(t.db)).toMatchObject({ ok: false, brokenAt: 3, why: 'hash' });
    // Nor passed off as entries from before the key: unkeyed entries after keyed ones.
    t.db.update(audit).set({ keyed: false }).where(eq(audit.id, 3)).run();
    expect(verifyChain(t.db)).toMatchObject({ ok: false, brokenAt: 3, why: 'legacy_after_keyed' });
  });

  it('is rolled back with the write it belongs to', () => {
    write(1);
    expect(() =>
      t.db.transaction((tx) => {
        appendAudit(tx, { actorId: 1, action: 'test.fail', payload: {} });
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(verifyChain(t.db)).toEqual({ ok: true, entries: 1 });
  });
});
