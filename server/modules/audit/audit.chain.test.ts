import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestClock } from '../../platform/clock.js';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../test/database.js';
import { changeSet, recordAudit, SYSTEM_AUDIT_CONTEXT, verifyAuditChain } from './audit.usecases.js';

/**
 * The audit log is tamper-evident: every row hashes its content and the previous row's hash.
 * These tests write through recordAudit, tamper as the database owner would, and expect
 * verifyAuditChain to name the first row that no longer fits.
 */
for (const kind of DB_KINDS) describe(`audit hash chain [${kind}]`, () => {
  let database: TestDatabase;
  /** Rows already in a fresh database, so that positions below are relative to it. */
  let base = 0;
  const clock = createTestClock(new Date('2026-03-02T02:00:00Z'));
  const context = { actorUserId: randomUUID(), actorOrgId: randomUUID(), actorName: 'Petugas Uji (fiktif)', requestId: 'req-1', ip: '10.0.0.7' };

  const write = async (n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(1000);
      await database.db.transaction((tx) =>
        recordAudit({
          tx,
          clock,
          context,
          entry: { action: 'organization.update', entityType: 'organization', entityId: `org-${i}`, tenantId: randomUUID(), diff: changeSet({ name: `Dinas ${i}`, phone: null }, { name: `Dinas ${i} Baru`, phone: '0511' }) },
        }),
      );
    }
  };

  /** Runs a statement with the append-only trigger switched off, as only the owner could. */
  const asOwnerWithoutTrigger = async (statement: ReturnType<typeof sql>) => {
    await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    try {
      await database.db.execute(statement);
    } finally {
      await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    }
  };

  /** drizzle wraps the database error; the trigger's message is in its cause. */
  const refusedAsAppendOnly = (err: unknown) => /append-only/.test(String((err as Error & { cause?: Error }).cause?.message ?? (err as Error).message));

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const fresh = await verifyAuditChain({ db: database.db });
    assert.equal(fresh.ok, true);
    base = fresh.rows;
  });
  afterEach(async () => {
    await database.close();
  });

  it('verifies after many writes, across verification pages', async () => {
    await write(60);
    assert.deepEqual(await verifyAuditChain({ db: database.db, pageSize: 7 }), { ok: true, rows: base + 60, headSeq: base + 60 });
  });

  it('verifies after 20 transactions write at the same time', async () => {
    await write(1);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction(async (tx) => {
          const recorded = await recordAudit({ tx, clock, context: SYSTEM_AUDIT_CONTEXT, entry: { action: 'job.tick', entityType: 'job', entityId: String(i), diff: { n: i } } });
          await tx.execute(sql`SELECT 1`);

          return recorded.seq;
        }),
      ),
    );
    assert.equal(new Set(results).size, 20, 'every writer got its own position in the chain');
    assert.deepEqual(await verifyAuditChain({ db: database.db }), { ok: true, rows: base + 21, headSeq: base + 21 });
  });

  it("names the row whose diff was changed behind the log's back", async () => {
    await write(5);
    await asOwnerWithoutTrigger(sql`UPDATE audit_log SET diff = '{"after": {"name": "Dinas palsu"}}'::jsonb WHERE seq = ${base + 3}`);
    assert.deepEqual(await verifyAuditChain({ db: database.db }), { ok: false, rows: base + 2, firstBrokenSeq: base + 3, reason: 'hash' });
  });

  it('names the row whose action was changed', async () => {
    await write(4);
    await asOwnerWithoutTrigger(sql`UPDATE audit_log SET action = 'organization.view' WHERE seq = ${base + 2}`);
    const result = await verifyAuditChain({ db: database.db });
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? undefined : [result.firstBrokenSeq, result.reason], [base + 2, 'hash']);
  });

  it('reports a gap where a middle row was deleted', async () => {
    await write(5);
    await asOwnerWithoutTrigger(sql`DELETE FROM audit_log WHERE seq = ${base + 3}`);
    assert.deepEqual(await verifyAuditChain({ db: database.db }), { ok: false, rows: base + 2, firstBrokenSeq: base + 3, reason: 'gap' });
  });

  it('reports a head mismatch where the newest row was deleted', async () => {
    await write(5);
    await asOwnerWithoutTrigger(sql`DELETE FROM audit_log WHERE seq = ${base + 5}`);
    assert.deepEqual(await verifyAuditChain({ db: database.db }), { ok: false, rows: base + 4, firstBrokenSeq: base + 5, reason: 'head' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the append-only triggers are on', async () => {
    await write(2);
    await assert.rejects(database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = ${base + 1}`), refusedAsAppendOnly);
    await assert.rejects(database.db.execute(sql`DELETE FROM audit_log WHERE seq = ${base + 2}`), refusedAsAppendOnly);
    await assert.rejects(database.db.execute(sql`TRUNCATE audit_log`), refusedAsAppendOnly);
    assert.deepEqual(await verifyAuditChain({ db: database.db }), { ok: true, rows: base + 2, headSeq: base + 2 });
  });
});
