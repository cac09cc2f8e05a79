/**
 * One worker process for the exactly-once test (worker-processes.test.ts): it runs `probe.insert`
 * jobs from the PostgreSQL database in DATABASE_URL, each writing its job id and this worker's
 * id into job_probe. It prints "ready" once polling, and exits when EXPECTED probe jobs exist and
 * none is queued or running any more.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';
import { createWorker, defineJob } from './index.js';

const workerId = process.env.WORKER_ID ?? `probe-${process.pid}`;
const expected = Number(process.env.EXPECTED ?? '1');
const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolMax: 4 });
const db = database.db;

const probe = defineJob({
  name: 'probe.insert',
  payload: z.strictObject({ n: z.number().int() }),
  handler: async (_payload, ctx) => {
    // A little work time lets the two processes interleave.
    await new Promise((r) => setTimeout(r, Math.random() * 4));
    await ctx.db.execute(sql`INSERT INTO job_probe (job_id, worker_id) VALUES (${ctx.jobId}::uuid, ${workerId})`);
  },
});

const worker = createWorker({ db, clock: systemClock, logger: createLogger('warn'), jobs: [probe], pollMs: 20, concurrency: 4, workerId });
await worker.start();
process.stdout.write('ready\n');
for (;;) {
  const counts = (await db.execute(
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('queued', 'running'))::int AS open FROM job WHERE name = 'probe.insert'`,
  )) as unknown as { rows: { total: number; open: number }[] };
  if ((counts.rows[0]?.total ?? 0) >= expected && counts.rows[0]?.open === 0) break;
  await new Promise((r) => setTimeout(r, 50));
}
await worker.stop();
await database.close();
