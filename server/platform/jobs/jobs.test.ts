import assert from 'node:assert/strict';
import { it } from 'node:test';
import { z } from 'zod';
import { describeEachDatabase } from '../../test/context.js';
import { claimJobs, findJob, readSchedule } from './queue.js';
import { backoffDelay, defineJob, JOB_DEFAULTS } from './registry.js';
import { enqueueDueSchedules, syncSchedules } from './schedules.js';
import { enqueue } from './queue.js';
import { createWorker, type WorkerOptions } from './worker.js';

const MINUTE = 60_000;

const workerFor = (ctx: { db: WorkerOptions['db']; clock: WorkerOptions['clock']; logger: WorkerOptions['logger'] }, overrides: Partial<WorkerOptions> & Pick<WorkerOptions, 'jobs'>) =>
  createWorker({ db: ctx.db, clock: ctx.clock, logger: ctx.logger, pollMs: 10, concurrency: 4, workerId: 'test-worker', random: () => 1, ...overrides });

it('backs off exponentially with jitter between half and all of the doubled wait, capped', () => {
  const backoff = { baseMs: 1000, maxMs: 10_000 };
  assert.equal(backoffDelay(1, backoff, () => 1), 1000);
  assert.equal(backoffDelay(1, backoff, () => 0), 500);
  assert.equal(backoffDelay(3, backoff, () => 1), 4000);
  assert.equal(backoffDelay(9, backoff, () => 1), 10_000);
  for (let i = 0; i < 100; i++) {
    const d = backoffDelay(2, backoff);
    assert.ok(d >= 1000 && d <= 2000, String(d));
  }
});

describeEachDatabase('durable jobs', (ctx) => {
  it('keeps one job per idempotency key and name, returning the existing id', async () => {
    const first = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.idem', payload: { n: 1 }, idempotencyKey: 'k-1' });
    const again = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.idem', payload: { n: 2 }, idempotencyKey: 'k-1' });
    const otherName = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.idem-other', payload: {}, idempotencyKey: 'k-1' });
    const noKey = [await enqueue(ctx().db, { clock: ctx().clock, name: 'test.idem', payload: {} }), await enqueue(ctx().db, { clock: ctx().clock, name: 'test.idem', payload: {} })];
    assert.deepEqual([first.created, again.created, otherName.created], [true, false, true]);
    assert.equal(again.id, first.id);
    assert.notEqual(otherName.id, first.id);
    assert.notEqual(noKey[0]!.id, noKey[1]!.id);
    assert.deepEqual((await findJob(ctx().db, first.id))?.payload, { n: 1 });
  });

  it('enqueues atomically with the caller: a rolled-back transaction leaves no job', async () => {
    let id = '';
    await assert.rejects(
      ctx().db.transaction(async (tx) => {
        id = (await enqueue(tx, { clock: ctx().clock, name: 'test.atomic', payload: {} })).id;
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.ok(id);
    assert.equal(await findJob(ctx().db, id), undefined);
  });

  it('runs a job with its validated payload and marks it succeeded', async () => {
    const seen: unknown[] = [];
    const job = defineJob({ name: 'test.ok', payload: z.strictObject({ n: z.number() }), handler: async (p, c) => void seen.push([p.n, c.attempt]) });
    const { id } = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.ok', payload: { n: 7 } });
    assert.equal(await workerFor(ctx(), { jobs: [job] }).drain(), 1);
    assert.deepEqual(seen, [[7, 1]]);
    const row = await findJob(ctx().db, id);
    assert.equal(row?.status, 'succeeded');
    assert.equal(row?.lockedBy, null);
    assert.deepEqual(row?.finishedAt, ctx().clock.now());
  });

  it('sends a job whose payload does not match its schema straight to dead, without running it', async () => {
    let ran = false;
    const job = defineJob({ name: 'test.schema', payload: z.strictObject({ n: z.number() }), handler: async () => void (ran = true) });
    const { id } = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.schema', payload: { n: 'seven' } });
    await workerFor(ctx(), { jobs: [job] }).drain();
    const row = await findJob(ctx().db, id);
    assert.equal(ran, false);
    assert.equal(row?.status, 'dead');
    assert.match(row?.lastError ?? '', /^invalid payload: n /);
  });

  it('retries a failing job with doubling waits, then dead-letters it with the last error', async () => {
    const attempts: number[] = [];
    const job = defineJob({
      name: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 3,
      backoff: { baseMs: MINUTE, maxMs: 60 * MINUTE },
      handler: async (_p, c) => {
        attempts.push(c.attempt);
        throw new Error(`SMTP 451 on try ${c.attempt}`);
      },
    });
    const worker = workerFor(ctx(), { jobs: [job] });
    const { id } = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.flaky', payload: {} });
    const start = ctx().clock.now().getTime();

    await worker.drain();
    let row = await findJob(ctx().db, id);
    assert.deepEqual([row?.status, row?.attempts, row!.runAt.getTime() - start], ['queued', 1, MINUTE]);
    assert.equal(row?.lastError, 'Error: SMTP 451 on try 1');

    ctx().clock.advance(MINUTE - 1);
    assert.equal(await worker.drain(), 0, 'not due before its backoff has passed');
    ctx().clock.advance(1);
    await worker.drain();
    row = await findJob(ctx().db, id);
    assert.deepEqual([row?.status, row?.attempts, row!.runAt.getTime() - ctx().clock.now().getTime()], ['queued', 2, 2 * MINUTE]);

    ctx().clock.advance(2 * MINUTE);
    await worker.drain();
    row = await findJob(ctx().db, id);
    assert.deepEqual([row?.status, row?.attempts, row?.lastError], ['dead', 3, 'Error: SMTP 451 on try 3']);
    assert.deepEqual(attempts, [1, 2, 3]);
    ctx().clock.advance(60 * MINUTE);
    assert.equal(await worker.drain(), 0, 'a dead job is never run again');
  });

  it("requeues a crashed worker's job when its lease lapses, and dead-letters it when that was the last try", async () => {
    const runs: string[] = [];
    const job = defineJob({ name: 'test.lease', payload: z.object({}), handler: async (_p, c) => void runs.push(`${c.jobId}#${c.attempt}`) });
    const { id } = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.lease', payload: {} });
    const last = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.lease', payload: {}, maxAttempts: 1 });
    const now = ctx().clock.now();
    // A worker claims both, then dies without finishing.
    const claimed = await claimJobs(ctx().db, { names: ['test.lease'], workerId: 'crashed', now, lockedUntil: new Date(now.getTime() + MINUTE), limit: 10 });
    assert.equal(claimed.length, 2);
    const survivor = workerFor(ctx(), { jobs: [job], workerId: 'survivor' });
    assert.equal(await survivor.drain(), 0, 'a live lease is respected');

    ctx().clock.advance(MINUTE + 1);
    assert.equal(await survivor.drain(), 1);
    assert.deepEqual(runs, [`${id}#2`]);
    assert.equal((await findJob(ctx().db, id))?.status, 'succeeded');
    const dead = await findJob(ctx().db, last.id);
    assert.deepEqual([dead?.status, dead?.lastError], ['dead', 'lease expired: the worker running this job stopped']);
  });

  it('runs each of 200 jobs exactly once with two workers polling the same queue', async () => {
    const runs = new Map<string, number>();
    const job = defineJob({
      name: 'test.race',
      payload: z.object({ n: z.number() }),
      handler: async (_p, c) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        runs.set(c.jobId, (runs.get(c.jobId) ?? 0) + 1);
      },
    });
    for (let n = 0; n < 200; n++) await enqueue(ctx().db, { clock: ctx().clock, name: 'test.race', payload: { n } });
    const workers = ['one', 'two'].map((workerId) => workerFor(ctx(), { jobs: [job], workerId, concurrency: 5 }));
    await Promise.all(workers.map((w) => w.drain()));
    assert.equal(runs.size, 200);
    assert.ok([...runs.values()].every((count) => count === 1));
  });

  it('on stop, claims nothing new but lets the running job finish', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const hasStarted = new Promise<void>((r) => (started = r));
    const job = defineJob({
      name: 'test.slow',
      payload: z.object({}),
      handler: async () => {
        started();
        await new Promise<void>((r) => (release = r));
      },
    });
    const { id } = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.slow', payload: {} });
    const worker = workerFor(ctx(), { jobs: [job], concurrency: 1 });
    await worker.start();
    await hasStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    const later = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.slow', payload: {} });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(stopped, false, 'stop waits for the job in flight');
    release();
    await stopping;
    assert.equal((await findJob(ctx().db, id))?.status, 'succeeded');
    assert.equal((await findJob(ctx().db, later.id))?.status, 'queued');
  });

  it('enqueues each due scheduled run once, in WIB by default, and catches up missed runs only once', async () => {
    const ran: unknown[] = [];
    const job = defineJob({ name: 'test.digest', payload: z.object({ kind: z.string() }), handler: async (p) => void ran.push(p.kind) });
    const schedules = [{ name: 'test.morning-digest', cron: '0 8 * * *', jobName: 'test.digest', payload: { kind: 'daily' } }];
    ctx().clock.set(new Date('2026-03-02T02:00:00Z')); // 09:00 WIB: today's 08:00 has passed
    const worker = workerFor(ctx(), { jobs: [job], schedules });
    await worker.start();
    await worker.stop();
    assert.deepEqual((await readSchedule(ctx().db, 'test.morning-digest'))?.nextRunAt, new Date('2026-03-03T01:00:00Z'));

    ctx().clock.set(new Date('2026-03-03T01:00:00Z'));
    // Two workers reaching the same due run at once enqueue it once.
    await Promise.all([enqueueDueSchedules({ db: ctx().db, clock: ctx().clock, schedules }), enqueueDueSchedules({ db: ctx().db, clock: ctx().clock, schedules })]);
    await worker.drain();
    assert.deepEqual(ran, ['daily']);
    assert.deepEqual((await readSchedule(ctx().db, 'test.morning-digest'))?.nextRunAt, new Date('2026-03-04T01:00:00Z'));

    // Down for three days: one catch-up run, then back on the daily rhythm.
    ctx().clock.set(new Date('2026-03-07T03:00:00Z'));
    await worker.drain();
    assert.deepEqual(ran, ['daily', 'daily']);
    assert.deepEqual((await readSchedule(ctx().db, 'test.morning-digest'))?.nextRunAt, new Date('2026-03-08T01:00:00Z'));

    // A restart keeps the next run; a changed pattern is rescheduled; a removed one is disabled.
    await syncSchedules({ db: ctx().db, clock: ctx().clock, schedules });
    assert.deepEqual((await readSchedule(ctx().db, 'test.morning-digest'))?.nextRunAt, new Date('2026-03-08T01:00:00Z'));
    await syncSchedules({ db: ctx().db, clock: ctx().clock, schedules: [{ ...schedules[0]!, cron: '30 7 * * 1-5', timezone: 'Asia/Makassar' }] });
    assert.deepEqual((await readSchedule(ctx().db, 'test.morning-digest'))?.nextRunAt, new Date('2026-03-08T23:30:00Z'));
    await syncSchedules({ db: ctx().db, clock: ctx().clock, schedules: [] });
    assert.equal((await readSchedule(ctx().db, 'test.morning-digest'))?.enabled, false);
  });

  it('refuses a schedule whose cron pattern is malformed at start-up', async () => {
    const worker = workerFor(ctx(), { jobs: [], schedules: [{ name: 'test.bad', cron: 'every morning', jobName: 'x', payload: {} }] });
    await assert.rejects(worker.start(), /cron|pattern|configuration/i);
  });

  it('uses the platform defaults when a job states no limits', async () => {
    const { id } = await enqueue(ctx().db, { clock: ctx().clock, name: 'test.defaults', payload: {} });
    assert.equal((await findJob(ctx().db, id))?.maxAttempts, JOB_DEFAULTS.maxAttempts);
  });
});
