import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import { claimJobs, markDead, markForRetry, markSucceeded, releaseExpiredLeases, renewLease, type ClaimedJob } from './queue.js';
import { backoffDelay, JOB_DEFAULTS, type JobDefinition, type ScheduleDefinition } from './registry.js';
import { enqueueDueSchedules, syncSchedules } from './schedules.js';

export type WorkerOptions = {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: readonly JobDefinition[];
  schedules?: readonly ScheduleDefinition[];
  /** How long an idle worker waits before looking for due jobs again. */
  pollMs: number;
  /** Jobs run at the same time by this worker. */
  concurrency: number;
  /** Names this worker in locked_by, e.g. host:pid. */
  workerId: string;
  leaseMs?: number;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
};

export type Worker = {
  /** Stores the schedules, then polls until stop(). */
  start: () => Promise<void>;
  /** Stops claiming, then waits for the jobs already running to finish (SIGTERM). */
  stop: () => Promise<void>;
  /** Runs everything due now, including jobs that become due while it runs; for tests and CLIs. */
  drain: () => Promise<number>;
};

const describeError = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** The job worker: claims due jobs with a lease, runs them, and retries or dead-letters failures. */
export const createWorker = (options: WorkerOptions): Worker => {
  const { db, clock, logger, workerId, concurrency } = options;
  const leaseMs = options.leaseMs ?? JOB_DEFAULTS.leaseMs;
  const schedules = options.schedules ?? [];
  const registry = new Map(options.jobs.map((j) => [j.name, j]));
  if (registry.size !== options.jobs.length) throw new Error('two job definitions share a name');
  const names = [...registry.keys()];
  const inFlight = new Set<Promise<void>>();
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const settle = async (claimed: ClaimedJob) => {
    const definition = registry.get(claimed.name);
    // Unreachable: only names in the registry are claimed.
    if (!definition) return;
    const held = { id: claimed.id, workerId, attempts: claimed.attempts };
    const maxAttempts = definition.maxAttempts ?? claimed.maxAttempts;
    const log = logger.child({ jobId: claimed.id, job: claimed.name, attempt: claimed.attempts });
    const parsed = definition.payload.safeParse(claimed.payload);
    if (!parsed.success) {
      log.error({ issues: parsed.error.issues.length }, 'job payload is invalid: dead');
      await markDead(db, held, { now: clock.now(), maxAttempts, lastError: `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}` });

      return;
    }
    // A long job renews its lease so that no other worker mistakes it for abandoned.
    const renewal = setInterval(() => {
      renewLease(db, held, new Date(clock.now().getTime() + leaseMs)).catch((err: unknown) => log.warn({ err }, 'lease renewal failed'));
    }, Math.max(1000, Math.floor(leaseMs / 3)));
    renewal.unref();
    let failure: { error: unknown } | undefined;
    try {
      await definition.handler(parsed.data, { db, clock, logger: log, jobId: claimed.id, attempt: claimed.attempts, maxAttempts });
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(renewal);
    }
    if (!failure) {
      await markSucceeded(db, held, clock.now());
      log.debug('job succeeded');

      return;
    }
    const lastError = describeError(failure.error);
    if (claimed.attempts >= maxAttempts) {
      log.error({ err: failure.error }, 'job failed for the last time: dead');
      await markDead(db, held, { now: clock.now(), lastError, maxAttempts });

      return;
    }
    const delay = backoffDelay(claimed.attempts, definition.backoff ?? JOB_DEFAULTS.backoff, options.random);
    log.warn({ err: failure.error, retryInMs: delay }, 'job failed: will retry');
    await markForRetry(db, held, { runAt: new Date(clock.now().getTime() + delay), lastError, maxAttempts });
  };

  const run = (claimed: ClaimedJob) => {
    const running: Promise<void> = settle(claimed)
      .catch((err: unknown) => logger.error({ err, jobId: claimed.id }, 'could not record the outcome of a job'))
      .finally(() => {
        inFlight.delete(running);
        wake?.();
      });
    inFlight.add(running);
  };

  /** One round: free lapsed leases, enqueue due schedules, claim what fits. Returns jobs claimed. */
  const poll = async () => {
    const now = clock.now();
    const released = await releaseExpiredLeases(db, now);
    if (released) logger.warn({ released }, 'requeued jobs of a stopped worker');
    if (schedules.length) await enqueueDueSchedules({ db, clock, schedules });
    const claimed = await claimJobs(db, { names, workerId, now, lockedUntil: new Date(now.getTime() + leaseMs), limit: concurrency - inFlight.size });
    for (const c of claimed) run(c);

    return claimed.length;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  const loopUntilStopped = async () => {
    while (state === 'running') {
      let claimed = 0;
      try {
        claimed = await poll();
      } catch (err) {
        logger.error({ err }, 'job poll failed');
      }
      if (state !== 'running') break;
      // Busy: look again as soon as a slot frees up. Found work: look again at once. Idle: wait.
      if (claimed === 0 || inFlight.size >= concurrency) await sleep(options.pollMs);
    }
  };

  return {
    start: async () => {
      if (state !== 'idle') return;
      await syncSchedules({ db, clock, schedules });
      state = 'running';
      loop = loopUntilStopped();
      logger.info({ workerId, jobs: names, schedules: schedules.map((s) => s.name) }, 'job worker started');
    },
    stop: async () => {
      if (state === 'stopped') return;
      state = 'stopping';
      wake?.();
      await loop;
      await Promise.all([...inFlight]);
      state = 'stopped';
      logger.info({ workerId }, 'job worker stopped');
    },
    drain: async () => {
      let total = 0;
      for (;;) {
        const claimed = await poll();
        await Promise.all([...inFlight]);
        total += claimed;
        if (claimed === 0) return total;
      }
    },
  };
};
