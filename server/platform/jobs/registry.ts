import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';

/** How long to wait before the next attempt: doubling from baseMs, never more than maxMs. */
export type Backoff = { baseMs: number; maxMs: number };

/**
 * The one place for retry defaults. The lease is how long a claimed job may run before another
 * worker treats its worker as crashed; running jobs renew it, so only a dead worker lets it lapse.
 */
export const JOB_DEFAULTS = {
  maxAttempts: 5,
  backoff: { baseMs: 10_000, maxMs: 60 * 60_000 } satisfies Backoff,
  leaseMs: 5 * 60_000,
  timezone: 'Asia/Jakarta',
} as const;

/** What a handler gets besides its payload. `attempt` counts from 1. */
export type JobContext = {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobId: string;
  attempt: number;
  maxAttempts: number;
};

export type JobDefinition = {
  name: string;
  payload: z.ZodType;
  handler: (payload: unknown, ctx: JobContext) => Promise<void>;
  /** Overrides the limit stored with each job when set. */
  maxAttempts?: number | undefined;
  backoff?: Backoff | undefined;
};

/**
 * Declares a job type. The payload is checked against its schema before the handler runs, so a
 * handler only ever sees a valid payload; one that does not parse goes straight to 'dead'.
 * Handlers must be idempotent: a worker that dies mid-job leaves it to be run again.
 */
export const defineJob = <S extends z.ZodType>(definition: {
  name: string;
  payload: S;
  handler: (payload: z.output<S>, ctx: JobContext) => Promise<void>;
  maxAttempts?: number;
  backoff?: Backoff;
}): JobDefinition => ({
  name: definition.name,
  payload: definition.payload,
  handler: (payload, ctx) => definition.handler(payload as z.output<S>, ctx),
  maxAttempts: definition.maxAttempts,
  backoff: definition.backoff,
});

/**
 * A recurring job. `cron` uses croner syntax (5 or 6 fields) read in `timezone`, which defaults to
 * WIB because schedules follow Indonesian office hours.
 */
export type ScheduleDefinition = {
  name: string;
  cron: string;
  jobName: string;
  payload: unknown;
  timezone?: string;
};

/**
 * Exponential backoff with jitter: attempt n waits between half and all of baseMs·2^(n-1),
 * capped at maxMs, so that jobs failing together do not all come back at the same instant.
 */
export const backoffDelay = (attempt: number, backoff: Backoff, random: () => number = Math.random): number => {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));

  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};
