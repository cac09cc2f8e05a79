import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { longDateParam } from '../../platform/i18n/i18n.js';
import { defineJob, type JobDefinition, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { jakartaDay, rulesResolver } from '../cooperations/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify, type Notice } from '../notifications/index.js';
import { daysBetween } from './figures.models.js';
import { dueReports } from './reports.usecases.js';

const SEMESTER: Record<string, { id: string; en: string }> = {
  SEMESTER_1: { id: 'Semester I', en: 'Semester 1' },
  SEMESTER_2: { id: 'Semester II', en: 'Semester 2' },
  YEARLY: { id: 'Tahunan', en: 'Yearly' },
};

const TEXT: Record<'DUE' | 'OVERDUE', Pick<Notice, 'title' | 'body'>> = {
  DUE: {
    title: { id: 'Laporan berkala {period} {year} jatuh tempo {due}', en: 'Periodic report {period} {year} is due {due}' },
    body: { id: 'Laporan {period} {year} belum diajukan; batasnya {due} ({days} hari lagi).', en: 'The {period} {year} report has not been submitted; it is due {due} (in {days} days).' },
  },
  OVERDUE: {
    title: { id: 'Laporan berkala {period} {year} terlambat', en: 'Periodic report {period} {year} is overdue' },
    body: { id: 'Laporan {period} {year} belum diajukan; batasnya {due}, terlambat {days} hari.', en: 'The {period} {year} report has not been submitted; it was due {due}, {days} days ago.' },
  },
};


/**
 * Whether today is a reminder day for a deadline: each of the rule pack's lead days, the due day
 * itself, and every seventh day after it until the report goes in. The schedule runs once a day
 * (one idempotency key per run), so a day's reminder goes once.
 */
export const isReminderDay = (daysLeft: number, reminderDaysBefore: readonly number[]) =>
  daysLeft >= 0 ? daysLeft === 0 || reminderDaysBefore.includes(daysLeft) : -daysLeft % 7 === 0;

/** The daily run: the secretariat of every pemda whose report is coming due or overdue hears it in the daily digest. */
export const runReportReminders = async ({ db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) => {
  const today = jakartaDay(clock.now());
  const due = await dueReports({ db, today });
  const rulesOf = await rulesResolver({ db, tenantIds: due.map((d) => d.tenant.id), onDate: today });
  let reminded = 0;
  for (const { tenant, reports } of due) {
    const todays = reports.filter((r) => isReminderDay(r.daysLeft, rulesOf(tenant.id).reporting.reminderDaysBefore));
    if (todays.length === 0) continue;
    await db.transaction(async (tx) => {
      const recipients = await findRoleHolders({ db: tx, onDate: today, tenantIds: [tenant.id], roles: ['KSD_SECRETARIAT_ADMIN'] });
      for (const r of todays) {
        const overdue = r.daysLeft < 0;
        await notify({
          db: tx,
          clock,
          publicUrl,
          recipients,
          notice: {
            ...TEXT[overdue ? 'OVERDUE' : 'DUE'],
            kind: overdue ? 'report.overdue' : 'report.due',
            params: { period: SEMESTER[r.period]!, year: r.year, due: longDateParam(r.dueDate), days: Math.abs(daysBetween(today, r.dueDate)) },
            link: '/app/laporan-berkala',
            tenantId: tenant.id,
            email: 'digest',
            digestGroup: { id: 'Laporan berkala', en: 'Periodic reports' },
          },
        });
        reminded += recipients.length;
      }
    });
  }

  return { reportReminders: reminded };
};

export const REPORTS_DAILY_JOB = 'reports.daily_reminders';

export const reportJobs = (settings: { publicUrl: string }): JobDefinition[] => [
  defineJob({
    name: REPORTS_DAILY_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => ctx.logger.info(await runReportReminders({ db: ctx.db, clock: ctx.clock, publicUrl: settings.publicUrl }), 'report deadline reminders run'),
  }),
];

/** 00:30 WIB, before the 06:00 digest that carries them. */
export const reportSchedules: readonly ScheduleDefinition[] = [{ name: 'reports.daily', cron: '30 0 * * *', timezone: 'Asia/Jakarta', jobName: REPORTS_DAILY_JOB, payload: {} }];
