import { createTransport } from 'nodemailer';
import { z } from 'zod';
import { defineJob, type JobDefinition, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { DIGEST_JOB, sendDailyDigests } from './digest.usecases.js';
import { deliverEmail, EMAIL_MAX_ATTEMPTS, EMAIL_SEND_JOB, type MailTransport } from './notifications.usecases.js';

const EmailSendPayload = z.strictObject({ emailMessageId: z.uuid() });

/** publicUrl: where the links in digests point (PUBLIC_URL or this server). */
export type MailSettings = { smtpUrl: string | undefined; mailFrom: string; publicUrl?: string | undefined };

/**
 * The notification jobs. Without SMTP_URL mail is parked in the outbox; with it, one
 * nodemailer transport is made on first use and shared by every delivery.
 */
export const notificationJobs = (settings: MailSettings): JobDefinition[] => {
  let transport: MailTransport | undefined;
  const transportFor = (): MailTransport | undefined => {
    if (!settings.smtpUrl) return undefined;
    transport ??= createTransport(settings.smtpUrl) as MailTransport;

    return transport;
  };

  return [
    defineJob({
      name: EMAIL_SEND_JOB,
      payload: EmailSendPayload,
      maxAttempts: EMAIL_MAX_ATTEMPTS,
      // Waits of about 1, 2, 4, 8 and 16 minutes between the six tries.
      backoff: { baseMs: 60_000, maxMs: 2 * 60 * 60_000 },
      handler: async ({ emailMessageId }, ctx) => {
        const { status } = await deliverEmail({
          db: ctx.db,
          clock: ctx.clock,
          transport: transportFor(),
          mailFrom: settings.mailFrom,
          emailMessageId,
          attempt: ctx.attempt,
          maxAttempts: ctx.maxAttempts,
        });
        ctx.logger.info({ emailMessageId, status }, 'e-mail processed');
      },
    }),
    defineJob({
      name: DIGEST_JOB,
      payload: z.object({}).passthrough(),
      handler: async (_payload, ctx) => {
        const result = await sendDailyDigests({
          db: ctx.db,
          clock: ctx.clock,
          publicUrl: settings.publicUrl ?? 'http://localhost',
          onError: (userId, err) => ctx.logger.error({ userId, err }, 'daily digest failed for one person; their items wait for the next run'),
        });
        ctx.logger.info(result, 'daily digests queued');
      },
    }),
  ];
};

/** 06:00 WIB: after the night's reminder and escalation runs, before the working day starts. */
export const notificationSchedules: readonly ScheduleDefinition[] = [
  { name: 'notifications.daily_digest', cron: '0 6 * * *', timezone: 'Asia/Jakarta', jobName: DIGEST_JOB, payload: {} },
];
