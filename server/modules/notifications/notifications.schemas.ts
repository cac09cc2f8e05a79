import { z } from '@hono/zod-openapi';
import { emailMessage } from './notifications.tables.js';

const emailStatus = z.enum(emailMessage.status.enumValues).openapi({
  description: "queued: waiting for the worker; sent: accepted by the SMTP server; outbox: no SMTP configured, kept here to read; failed: gave up after retries",
});

export const OutboxQuerySchema = z.strictObject({
  status: emailStatus.optional(),
  before: z.uuid().optional().openapi({ description: 'Messages older than this one: pass nextBefore of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxIdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const OutboxItemSchema = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid().nullable(),
    to: z.string(),
    subject: z.string(),
    status: emailStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    sentAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('OutboxItem');

export const OutboxListSchema = z
  .object({ items: z.array(OutboxItemSchema), nextBefore: z.uuid().nullable() })
  .openapi('OutboxList');

export const OutboxMessageSchema = OutboxItemSchema.extend({
  text: z.string(),
  html: z.string().nullable().openapi({ description: 'Shown as text; never render it as HTML in the admin page' }),
}).openapi('OutboxMessage');

type ItemRow = {
  id: string;
  tenantId: string | null;
  toAddress: string;
  subject: string;
  status: z.infer<typeof emailStatus>;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export const presentOutboxItem = (row: ItemRow): z.infer<typeof OutboxItemSchema> => ({
  id: row.id,
  tenantId: row.tenantId,
  to: row.toAddress,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

export const presentOutboxMessage = (row: ItemRow & { textBody: string; htmlBody: string | null }): z.infer<typeof OutboxMessageSchema> => ({
  ...presentOutboxItem(row),
  text: row.textBody,
  html: row.htmlBody,
});
