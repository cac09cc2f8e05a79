export { enqueue, type EnqueueOptions } from './queue.js';
export { backoffDelay, defineJob, JOB_DEFAULTS, type Backoff, type JobContext, type JobDefinition, type ScheduleDefinition } from './registry.js';
export { nextCronRun, scheduledRunKey } from './schedules.js';
export { createWorker, type Worker, type WorkerOptions } from './worker.js';
export { registerJobRoutes } from './routes.js';
