import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { systemClock } from '../clock.js';
import { createTestDatabase } from '../../test/database.js';
import { enqueue } from './queue.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker-process.fixture.ts');

const JOBS = 200;

/** Starts a worker process; `ready` resolves once it polls, `exited` when it has finished. */
const startWorkerProcess = (url: string, workerId: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, DATABASE_URL: url, WORKER_ID: workerId, EXPECTED: String(JOBS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
    if (output.includes('ready')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      resolve({ code, output });
    });
  });

  return { ready, exited };
};

type Rows<T> = { rows: T[] };

// Two processes need a server both can reach; PGlite is one process by design, and the same
// guarantee on it is covered by the two-worker test in jobs.test.ts.
if (process.env.TEST_DATABASE_URL) {
  describe('job workers in two processes on one PostgreSQL', () => {
    it('run each of 200 jobs exactly once while both compete, and every job succeeds', async () => {
      const database = await createTestDatabase('postgres');
      try {
        const db = database.db;
        await db.execute(sql`CREATE TABLE job_probe (job_id uuid NOT NULL, worker_id text NOT NULL)`);
        const workers = [startWorkerProcess(database.url!, 'worker-a'), startWorkerProcess(database.url!, 'worker-b')];
        await Promise.all(workers.map((w) => w.ready));
        // All jobs appear at one commit, while both processes are polling.
        const ids = await db.transaction(async (tx) => {
          const created = new Set<string>();
          for (let n = 0; n < JOBS; n++) created.add((await enqueue(tx, { clock: systemClock, name: 'probe.insert', payload: { n } })).id);

          return created;
        });
        const results = await Promise.all(workers.map((w) => w.exited));
        for (const r of results) assert.equal(r.code, 0, r.output);

        const probes = (await db.execute(sql`SELECT job_id::text AS "jobId", worker_id AS "workerId" FROM job_probe`)) as unknown as Rows<{ jobId: string; workerId: string }>;
        assert.equal(probes.rows.length, JOBS, 'one row per job, no job run twice');
        assert.deepEqual(new Set(probes.rows.map((p) => p.jobId)), ids);
        const statuses = (await db.execute(sql`SELECT status, count(*)::int AS n FROM job WHERE name = 'probe.insert' GROUP BY status`)) as unknown as Rows<{ status: string; n: number }>;
        assert.deepEqual(statuses.rows, [{ status: 'succeeded', n: JOBS }]);
        // Both processes took part, so the claims really competed.
        assert.deepEqual(new Set(probes.rows.map((p) => p.workerId)), new Set(['worker-a', 'worker-b']));
      } finally {
        await database.close();
      }
    });
  });
}
