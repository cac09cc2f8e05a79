import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { z } from 'zod';
import { createTestClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { findJob, enqueue } from './queue.js';
import { defineJob } from './registry.js';
import { createWorker } from './worker.js';

it('keeps a queued job across a restart of the embedded database and runs it afterwards', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-jobs-'));
  const clock = createTestClock();
  try {
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(first);
    const { id } = await enqueue(first.db, { clock, name: 'test.survivor', payload: { note: 'sebelum restart' } });
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir });
    try {
      assert.equal((await findJob(second.db, id))?.status, 'queued');
      const notes: string[] = [];
      const job = defineJob({ name: 'test.survivor', payload: z.object({ note: z.string() }), handler: async (p) => void notes.push(p.note) });
      const worker = createWorker({ db: second.db, clock, logger: createLogger('silent'), jobs: [job], pollMs: 10, concurrency: 1, workerId: 'after-restart' });
      assert.equal(await worker.drain(), 1);
      assert.deepEqual(notes, ['sebelum restart']);
      assert.equal((await findJob(second.db, id))?.status, 'succeeded');
    } finally {
      await second.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
