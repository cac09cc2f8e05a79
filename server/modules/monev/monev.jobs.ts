import { z } from 'zod';
import { defineJob, type JobDefinition, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { runDormancyEscalation } from './dormancy.usecases.js';
import { runMonevReminders } from './reminders.usecases.js';

export const MONEV_DAILY_JOB = 'monev.daily_reminders';

/** The daily monitoring run: reminders of what comes due, then the dormancy escalation. */
export const monevJobs = (settings: { publicUrl: string }): JobDefinition[] => [
  defineJob({
    name: MONEV_DAILY_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const reminders = await runMonevReminders({ db: ctx.db, clock: ctx.clock, publicUrl: settings.publicUrl });
      const escalation = await runDormancyEscalation({ db: ctx.db, clock: ctx.clock, publicUrl: settings.publicUrl });
      ctx.logger.info({ ...reminders, ...escalation }, 'monev reminders and dormancy escalation run');
    },
  }),
];

/** 00:20 WIB, after the cooperations' daily run (00:05) has settled which cooperations are still in force. */
export const monevSchedules: readonly ScheduleDefinition[] = [
  { name: 'monev.daily', cron: '20 0 * * *', timezone: 'Asia/Jakarta', jobName: MONEV_DAILY_JOB, payload: {} },
];
