// The only file that reads or writes the job tables.
import { and, desc, eq, inArray, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { JOB_DEFAULTS } from './registry.js';
import { job, jobSchedule } from './tables.js';

export type EnqueueOptions = {
  /** The time source of the caller; a job is due from `runAt`, by default now. */
  clock: Clock;
  name: string;
  payload: unknown;
  runAt?: Date | undefined;
  /** Same name and key → the job already queued is kept and its id returned. */
  idempotencyKey?: string | undefined;
  maxAttempts?: number | undefined;
};

const LAST_ERROR_MAX = 2000;

export const truncateError = (text: string) => (text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX - 1)}…` : text);

/**
 * Queues a job. Pass the caller's transaction as `db` so the job exists exactly when the change
 * that caused it commits.
 */
export const enqueue = async (db: Db, options: EnqueueOptions): Promise<{ id: string; created: boolean }> => {
  const now = options.clock.now();
  const inserted = await db
    .insert(job)
    .values({
      name: options.name,
      // A JSON round trip makes what the handler later reads equal what was queued.
      payload: JSON.parse(JSON.stringify(options.payload ?? {})) as unknown,
      status: 'queued',
      runAt: options.runAt ?? now,
      attempts: 0,
      maxAttempts: options.maxAttempts ?? JOB_DEFAULTS.maxAttempts,
      idempotencyKey: options.idempotencyKey ?? null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [job.name, job.idempotencyKey], where: sql`${job.idempotencyKey} IS NOT NULL` })
    .returning({ id: job.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await db
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.name, options.name), eq(job.idempotencyKey, options.idempotencyKey ?? '')));
  if (!existing[0]) throw new Error(`job ${options.name} was neither inserted nor found`);

  return { id: existing[0].id, created: false };
};

export type ClaimedJob = { id: string; name: string; payload: unknown; attempts: number; maxAttempts: number };

/**
 * Takes up to `limit` due jobs for this worker. SKIP LOCKED lets concurrent workers pass over
 * each other's rows instead of waiting, and the re-check of `status` on a row that changed
 * meanwhile means no job is handed out twice. `attempts` counts started runs.
 */
export const claimJobs = async (
  db: Db,
  { names, workerId, now, lockedUntil, limit }: { names: readonly string[]; workerId: string; now: Date; lockedUntil: Date; limit: number },
): Promise<ClaimedJob[]> => {
  if (names.length === 0 || limit <= 0) return [];
  const due = db
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.status, 'queued'), lte(job.runAt, now), inArray(job.name, [...names])))
    .orderBy(job.runAt)
    .limit(limit)
    .for('update', { skipLocked: true });

  return db
    .update(job)
    .set({ status: 'running', lockedBy: workerId, lockedUntil, attempts: sql`${job.attempts} + 1` })
    .where(inArray(job.id, due))
    .returning({ id: job.id, name: job.name, payload: job.payload, attempts: job.attempts, maxAttempts: job.maxAttempts });
};

/** A row still held by this worker for this attempt; a lapsed lease re-claimed elsewhere is not. */
const heldBy = (id: string, workerId: string, attempts: number) =>
  and(eq(job.id, id), eq(job.status, 'running'), eq(job.lockedBy, workerId), eq(job.attempts, attempts));

export const renewLease = async (db: Db, held: { id: string; workerId: string; attempts: number }, lockedUntil: Date) => {
  await db.update(job).set({ lockedUntil }).where(heldBy(held.id, held.workerId, held.attempts));
};

export const markSucceeded = async (db: Db, held: { id: string; workerId: string; attempts: number }, now: Date) => {
  await db
    .update(job)
    .set({ status: 'succeeded', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null })
    .where(heldBy(held.id, held.workerId, held.attempts));
};

export const markForRetry = async (
  db: Db,
  held: { id: string; workerId: string; attempts: number },
  retry: { runAt: Date; lastError: string; maxAttempts: number },
) => {
  await db
    .update(job)
    .set({ status: 'queued', runAt: retry.runAt, lastError: truncateError(retry.lastError), maxAttempts: retry.maxAttempts, lockedBy: null, lockedUntil: null })
    .where(heldBy(held.id, held.workerId, held.attempts));
};

export const markDead = async (
  db: Db,
  held: { id: string; workerId: string; attempts: number },
  dead: { now: Date; lastError: string; maxAttempts: number },
) => {
  await db
    .update(job)
    .set({ status: 'dead', finishedAt: dead.now, lastError: truncateError(dead.lastError), maxAttempts: dead.maxAttempts, lockedBy: null, lockedUntil: null })
    .where(heldBy(held.id, held.workerId, held.attempts));
};

/**
 * Jobs whose worker stopped renewing the lease (crash, lost connection) go back to the queue, or
 * to 'dead' when that was their last attempt.
 */
export const releaseExpiredLeases = async (db: Db, now: Date) => {
  const message = 'lease expired: the worker running this job stopped';
  const exhausted = sql`${job.attempts} >= ${job.maxAttempts}`;
  const released = await db
    .update(job)
    .set({
      status: sql`CASE WHEN ${exhausted} THEN 'dead' ELSE 'queued' END`,
      finishedAt: sql`CASE WHEN ${exhausted} THEN ${now.toISOString()}::timestamptz ELSE NULL END`,
      lastError: message,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(and(eq(job.status, 'running'), lt(job.lockedUntil, now)))
    .returning({ id: job.id });

  return released.length;
};

export type JobStatus = (typeof job.status.enumValues)[number];

/** Recent jobs for the admin view; the payload is left out because it may carry personal data. */
export const listRecentJobs = async (db: Db, { status, limit }: { status?: JobStatus | undefined; limit: number }) =>
  db
    .select({
      id: job.id,
      name: job.name,
      status: job.status,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      runAt: job.runAt,
      lastError: job.lastError,
      lockedBy: job.lockedBy,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
    })
    .from(job)
    .where(status ? eq(job.status, status) : undefined)
    .orderBy(desc(job.createdAt), desc(job.id))
    .limit(limit);

export type ScheduleRow = typeof jobSchedule.$inferSelect;

/**
 * Writes the schedules the code declares. A schedule whose cron text is unchanged keeps its
 * next run, so a restart neither skips nor repeats a run; ones no longer declared are disabled.
 */
export const upsertSchedules = async (db: Db, schedules: readonly { name: string; cron: string; jobName: string; payload: unknown; nextRunAt: Date }[]) => {
  for (const s of schedules)
    await db
      .insert(jobSchedule)
      .values({ name: s.name, cron: s.cron, jobName: s.jobName, payload: s.payload ?? {}, nextRunAt: s.nextRunAt, enabled: true })
      .onConflictDoUpdate({
        target: jobSchedule.name,
        set: {
          cron: sql`excluded.cron`,
          jobName: sql`excluded.job_name`,
          payload: sql`excluded.payload`,
          enabled: true,
          nextRunAt: sql`CASE WHEN ${jobSchedule.cron} = excluded.cron AND ${jobSchedule.enabled} THEN ${jobSchedule.nextRunAt} ELSE excluded.next_run_at END`,
        },
      });
  const names = schedules.map((s) => s.name);
  await db
    .update(jobSchedule)
    .set({ enabled: false })
    .where(names.length ? notInArray(jobSchedule.name, names) : undefined);
};

/** Due schedules, locked for this transaction; another worker skips them rather than waiting. */
export const lockDueSchedules = async (tx: Db, now: Date, limit: number): Promise<ScheduleRow[]> =>
  tx
    .select()
    .from(jobSchedule)
    .where(and(eq(jobSchedule.enabled, true), lte(jobSchedule.nextRunAt, now)))
    .orderBy(jobSchedule.nextRunAt)
    .limit(limit)
    .for('update', { skipLocked: true });

export const advanceSchedule = async (tx: Db, name: string, change: { lastRunAt: Date; nextRunAt: Date | null }) => {
  await tx
    .update(jobSchedule)
    .set(change.nextRunAt ? { lastRunAt: change.lastRunAt, nextRunAt: change.nextRunAt } : { lastRunAt: change.lastRunAt, enabled: false })
    .where(eq(jobSchedule.name, name));
};

export const readSchedule = async (db: Db, name: string) => (await db.select().from(jobSchedule).where(eq(jobSchedule.name, name)))[0];

export const findJob = async (db: Db, id: string) => (await db.select().from(job).where(eq(job.id, id)))[0];
