import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { createLogger } from '../logger.js';
import { DB_MAINTENANCE_JOB, maintenanceJobs } from './maintenance.js';

describeEachDatabase('database maintenance', (ctx) => {
  it('vacuums and analyses every table (PGlite has no autovacuum worker)', async () => {
    const lastVacuum = async () =>
      ((await ctx().db.execute(sql`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'cooperation'`)) as unknown as { rows: { last_vacuum: unknown; last_analyze: unknown }[] }).rows[0]!;
    assert.equal((await lastVacuum()).last_vacuum, null, 'a fresh database was never vacuumed by hand');
    const job = maintenanceJobs().find((j) => j.name === DB_MAINTENANCE_JOB)!;
    await job.handler({}, { db: ctx().db, clock: ctx().clock, logger: createLogger('silent'), jobId: 'test', attempt: 1, maxAttempts: 1 });
    const after = await lastVacuum();
    assert.ok(after.last_vacuum, 'cooperation was vacuumed');
    assert.ok(after.last_analyze, 'and analysed');
  });
});
