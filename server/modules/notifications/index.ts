export { sendEmail, type EmailMessageInput } from './notifications.usecases.js';
export { notificationJobs, type MailSettings } from './notifications.jobs.js';
export { registerNotificationRoutes } from './notifications.routes.js';
