import { z } from '@hono/zod-openapi';
import { job } from './tables.js';

export const JobListQuerySchema = z.strictObject({
  status: z.enum(job.status.enumValues).optional().openapi({ description: "Only jobs in this state; 'dead' lists what needs attention" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const JobSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(job.status.enumValues),
    attempts: z.number().int().openapi({ description: 'Runs started so far' }),
    maxAttempts: z.number().int(),
    runAt: z.string().openapi({ format: 'date-time', description: 'When the job is (or was last) due' }),
    lastError: z.string().nullable(),
    lockedBy: z.string().nullable().openapi({ description: 'The worker running it now' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('JobSummary');

export const JobListSchema = z.object({ items: z.array(JobSummarySchema) }).openapi('JobList');

type JobRow = Omit<z.infer<typeof JobSummarySchema>, 'runAt' | 'createdAt' | 'finishedAt'> & { runAt: Date; createdAt: Date; finishedAt: Date | null };

export const presentJob = (row: JobRow): z.infer<typeof JobSummarySchema> => ({
  id: row.id,
  name: row.name,
  status: row.status,
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  runAt: row.runAt.toISOString(),
  lastError: row.lastError,
  lockedBy: row.lockedBy,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});
