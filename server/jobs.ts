import type { Config } from './platform/config.js';
import type { JobDefinition, ScheduleDefinition } from './platform/jobs/index.js';
import { notificationJobs } from './modules/notifications/index.js';

/**
 * Every background job and recurring schedule of the application, in one list. A module
 * contributes by exporting its definitions from its index.ts and adding them here.
 */
export const applicationJobs = (config: Config): JobDefinition[] => [...notificationJobs({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom })];

/** Recurring runs; each module adds its own from its index.ts. */
export const applicationSchedules: readonly ScheduleDefinition[] = [];
