import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { latestDataChange, pruneDataChanges } from './changes.js';

describeEachDatabase('data change log', (ctx) => {
  it('moves when a committed statement writes a watched table, not when it rolls back', async () => {
    const db = ctx().db;
    const before = await latestDataChange(db);
    await db.execute(sql`UPDATE urusan SET name_id = name_id WHERE code = (SELECT min(code) FROM urusan)`);
    const afterUpdate = await latestDataChange(db);
    assert.ok(BigInt(afterUpdate) > BigInt(before), 'an update of urusan is noted');

    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE rule_pack SET valid_from = valid_from WHERE false`);
        assert.ok(BigInt(await latestDataChange(tx)) > BigInt(afterUpdate), 'the writing transaction sees its own change');
        throw new Error('roll back');
      }),
    );
    assert.equal(await latestDataChange(db), afterUpdate, 'a rolled-back change is not seen');

    await db.execute(sql`UPDATE audit_chain_head SET seq = seq WHERE false`);
    assert.equal(await latestDataChange(db), afterUpdate, 'tables without the trigger are not watched');
  });

  it('pruning keeps the newest number', async () => {
    const db = ctx().db;
    await db.execute(sql`UPDATE urusan SET name_id = name_id WHERE false`);
    const newest = await latestDataChange(db);
    await pruneDataChanges(db);
    assert.equal(await latestDataChange(db), newest);
    const left = (await db.execute(sql`SELECT count(*)::int AS n FROM data_change`)) as unknown as { rows: { n: number }[] };
    assert.equal(left.rows[0]!.n, 1);
  });
});
