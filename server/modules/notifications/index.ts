export { sendEmail, type EmailMessageInput } from './notifications.usecases.js';
export type { EmailAttachment } from './notifications.tables.js';
export { notificationJobs, notificationSchedules, type MailSettings } from './notifications.jobs.js';
export { sendDailyDigests, composeDigest, DIGEST_JOB } from './digest.usecases.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export { registerInboxRoutes } from './inbox.routes.js';
export { notify, type Notice, type Recipient } from './inbox.usecases.js';
