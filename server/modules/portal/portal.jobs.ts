import { z } from 'zod';
import { defineJob, type JobDefinition, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { refreshAllReleases } from './publication.usecases.js';
import type { ReleaseSettings } from './release.usecases.js';

export const PORTAL_REFRESH_JOB = 'portal.refresh_releases';

export const portalJobs = (settings: ReleaseSettings): JobDefinition[] => [
  defineJob({
    name: PORTAL_REFRESH_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      ctx.logger.info(await refreshAllReleases({ db: ctx.db, clock: ctx.clock, settings }), 'portal releases refreshed');
    },
  }),
];

/** Hourly at :17 (away from the night's :00/:25 runs): approved updates and progress reach the portal within the hour. */
export const portalSchedules: readonly ScheduleDefinition[] = [
  { name: 'portal.hourly', cron: '17 * * * *', timezone: 'Asia/Jakarta', jobName: PORTAL_REFRESH_JOB, payload: {} },
];
