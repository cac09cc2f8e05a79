import { z } from 'zod';
import { defineJob, type JobDefinition, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { runActionReminders } from './reminders.usecases.js';

export const MEETINGS_DAILY_JOB = 'meetings.daily_reminders';

export const meetingJobs = (settings: { publicUrl: string }): JobDefinition[] => [
  defineJob({
    name: MEETINGS_DAILY_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      ctx.logger.info(await runActionReminders({ db: ctx.db, clock: ctx.clock, publicUrl: settings.publicUrl }), 'meeting follow-up reminders run');
    },
  }),
];

/** 00:25 WIB: with the night's other reminder runs, well before the 06:00 digest. */
export const meetingSchedules: readonly ScheduleDefinition[] = [
  { name: 'meetings.daily', cron: '25 0 * * *', timezone: 'Asia/Jakarta', jobName: MEETINGS_DAILY_JOB, payload: {} },
];
