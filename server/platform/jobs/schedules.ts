import { Cron } from 'croner';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { advanceSchedule, enqueue, lockDueSchedules, upsertSchedules } from './queue.js';
import { JOB_DEFAULTS, type ScheduleDefinition } from './registry.js';

/** The first run of `cron` strictly after `after`, or null when the pattern has no more runs. */
export const nextCronRun = (cron: string, timezone: string, after: Date): Date | null =>
  new Cron(cron, { timezone, paused: true }).nextRun(after);

/** The idempotency key of one scheduled run: two workers enqueueing the same run collide on it. */
export const scheduledRunKey = (schedule: string, runAt: Date) => `${schedule}@${runAt.toISOString()}`;

/** Checks every pattern (a typo fails at start-up, not at 2 a.m.) and stores the schedules. */
export const syncSchedules = async ({ db, clock, schedules }: { db: Db; clock: Clock; schedules: readonly ScheduleDefinition[] }) => {
  const now = clock.now();
  const rows = schedules.map((s) => {
    const nextRunAt = nextCronRun(s.cron, s.timezone ?? JOB_DEFAULTS.timezone, now);
    if (!nextRunAt) throw new Error(`schedule ${s.name}: cron "${s.cron}" never runs again`);

    return { name: s.name, cron: s.cron, jobName: s.jobName, payload: s.payload, nextRunAt };
  });
  await db.transaction((tx) => upsertSchedules(tx, rows));
};

/**
 * Enqueues every due run and moves each schedule to its next run after now: runs missed while
 * no worker was up are caught up once, not once per missed slot.
 */
export const enqueueDueSchedules = async ({ db, clock, schedules }: { db: Db; clock: Clock; schedules: readonly ScheduleDefinition[] }) => {
  const timezones = new Map(schedules.map((s) => [s.name, s.timezone ?? JOB_DEFAULTS.timezone]));
  const now = clock.now();

  return db.transaction(async (tx) => {
    const due = await lockDueSchedules(tx, now, 50);
    for (const s of due) {
      await enqueue(tx, { clock, name: s.jobName, payload: s.payload, runAt: s.nextRunAt, idempotencyKey: scheduledRunKey(s.name, s.nextRunAt) });
      const timezone = timezones.get(s.name) ?? JOB_DEFAULTS.timezone;
      await advanceSchedule(tx, s.name, { lastRunAt: s.nextRunAt, nextRunAt: nextCronRun(s.cron, timezone, now) });
    }

    return due.length;
  });
};
