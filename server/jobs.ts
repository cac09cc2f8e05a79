import type { Config } from './platform/config.js';
import type { JobDefinition, ScheduleDefinition } from './platform/jobs/index.js';
import { notificationJobs, notificationSchedules } from './modules/notifications/index.js';
import { cooperationJobs, cooperationSchedules } from './modules/cooperations/index.js';
import { documentJobs } from './modules/cooperations/index.js';
import { monevJobs, monevSchedules } from './modules/monev/index.js';
import { reportJobs, reportSchedules } from './modules/reports/index.js';
import { meetingJobs, meetingSchedules } from './modules/meetings/index.js';
import { portalJobs, portalSchedules } from './modules/portal/index.js';
import { createLocalFileStore, filesDirOf } from './platform/files/local-file-store.js';
import { maintenanceJobs, maintenanceSchedules } from './platform/db/maintenance.js';

/**
 * Every background job and recurring schedule of the application, in one list. A module
 * contributes by exporting its definitions from its index.ts and adding them here.
 */
export const applicationJobs = (config: Config): JobDefinition[] => [
  ...notificationJobs({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, publicUrl: config.publicUrl ?? `http://localhost:${config.port}` }),
  ...cooperationJobs({ publicUrl: config.publicUrl ?? `http://localhost:${config.port}` }),
  ...documentJobs({ files: createLocalFileStore(filesDirOf(config.dataDir)) }),
  ...monevJobs({ publicUrl: config.publicUrl ?? `http://localhost:${config.port}` }),
  ...reportJobs({ publicUrl: config.publicUrl ?? `http://localhost:${config.port}` }),
  ...meetingJobs({ publicUrl: config.publicUrl ?? `http://localhost:${config.port}` }),
  ...portalJobs({ ocidPrefix: config.openData.ocidPrefix }),
  ...maintenanceJobs(),
];

/** Recurring runs; each module adds its own from its index.ts. */
export const applicationSchedules: readonly ScheduleDefinition[] = [...cooperationSchedules, ...monevSchedules, ...reportSchedules, ...meetingSchedules, ...portalSchedules, ...notificationSchedules, ...maintenanceSchedules];
