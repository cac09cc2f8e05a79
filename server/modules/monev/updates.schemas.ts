import { z } from '@hono/zod-openapi';
import { UPDATE_ACTIONS, UPDATE_STATUSES } from './updates.tables.js';

const day = z.iso.date().openapi({ example: '2026-06-30' });
const rupiah = z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/).openapi({ example: '250000000.00', description: 'Amount in IDR' });
/** An indicator figure: the same exact decimal strings indicators use. */
const figure = z.string().trim().regex(/^-?\d{1,14}(\.\d{1,4})?$/).openapi({ example: '42.5' });

export const CooperationParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const UpdateParamSchema = CooperationParamSchema.extend({ updateId: z.uuid().openapi({ param: { name: 'updateId', in: 'path' } }) });

const ActivityLineSchema = z.strictObject({
  activityId: z.uuid(),
  progress: z.number().int().min(0).max(100).openapi({ description: 'How far the activity is as of the report date, 0–100' }),
  realisationIdr: rupiah.nullable().optional().openapi({ description: 'Realised spending so far in IDR; omitted keeps the plan’s figure' }),
});
const IndicatorLineSchema = z.strictObject({
  indicatorId: z.uuid(),
  periodKey: z.string().trim().min(4).max(7).openapi({ example: '2026-Q2', description: 'A period of the indicator’s frequency (2026, 2026-S1, 2026-Q2, 2026-05)' }),
  value: figure.openapi({ description: 'The actual value of that period' }),
});

const content = {
  asOf: day.openapi({ description: 'The day the figures describe' }),
  narrative: z.string().trim().min(1).max(4000).openapi({ description: 'What happened, problems met, next steps' }),
  activityLines: z.array(ActivityLineSchema).max(200).default([]),
  indicatorLines: z.array(IndicatorLineSchema).max(200).default([]),
  evidenceFileIds: z.array(z.uuid()).max(10).default([]).openapi({ description: 'Files uploaded via POST /api/files by the sender’s organisation' }),
  submit: z.boolean().default(true).openapi({ description: 'false keeps it as a draft' }),
};

export const UpdateCreateSchema = z.strictObject(content).openapi('ProgressUpdateCreate');
export type UpdateCreateInput = z.infer<typeof UpdateCreateSchema>;

export const UpdateReworkSchema = z
  .strictObject({ ...content, expectedVersion: z.number().int().positive().openapi({ description: 'The rowVersion the change is based on; a newer one answers 409' }) })
  .openapi('ProgressUpdateRework', { description: 'Replaces the content of a draft or returned update; submit sends it (again) for approval' });
export type UpdateReworkInput = z.infer<typeof UpdateReworkSchema>;

export const UpdateReviseSchema = z
  .strictObject({ ...content, reason: z.string().trim().min(1).max(2000).openapi({ description: 'Why the approved figures are corrected' }) })
  .openapi('ProgressUpdateRevise');
export type UpdateReviseInput = z.infer<typeof UpdateReviseSchema>;

export const ApproveSchema = z.strictObject({ expectedVersion: z.number().int().positive() }).openapi('ProgressUpdateApprove');
export const ReturnSchema = z.strictObject({ expectedVersion: z.number().int().positive(), comment: z.string().trim().min(1).max(2000) }).openapi('ProgressUpdateReturn');

const person = z.object({ id: z.uuid().nullable(), name: z.string() });

export const UpdateSchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    seriesId: z.uuid(),
    revision: z.number().int(),
    supersedesId: z.uuid().nullable(),
    status: z.enum(UPDATE_STATUSES),
    asOf: z.string(),
    narrative: z.string(),
    activityLines: z.array(z.object({ activityId: z.uuid(), activityName: z.string(), progress: z.number().int(), realisationIdr: z.string().nullable() })),
    indicatorLines: z.array(z.object({ indicatorId: z.uuid(), indicatorName: z.string(), unit: z.string(), periodKey: z.string(), value: z.string() })),
    evidence: z.array(z.object({ fileId: z.uuid(), fileName: z.string() })),
    reason: z.string().nullable().openapi({ description: 'Why this revision corrects the previous one' }),
    reviewComment: z.string().nullable().openapi({ description: 'The secretariat’s latest comment when returning it' }),
    author: person.extend({ orgId: z.uuid() }),
    submittedAt: z.string().nullable(),
    reviewedBy: person.nullable(),
    reviewedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    rowVersion: z.number().int(),
    history: z.array(z.object({ at: z.string(), action: z.enum(UPDATE_ACTIONS), status: z.enum(UPDATE_STATUSES), actorName: z.string(), comment: z.string().nullable() })),
    canRework: z.boolean().openapi({ description: 'Whether the reader may edit and (re)submit it now' }),
    canReview: z.boolean().openapi({ description: 'Whether the reader may approve or return it now' }),
    canRevise: z.boolean().openapi({ description: 'Whether the reader may file a correction of it now' }),
  })
  .openapi('ProgressUpdate');
export type UpdateDto = z.infer<typeof UpdateSchema>;

export const UpdateListSchema = z
  .object({
    series: z.array(z.object({ seriesId: z.uuid(), revisions: z.array(UpdateSchema).openapi({ description: 'Newest revision first' }) })),
    canSubmit: z.boolean(),
    lockedActivityIds: z.array(z.uuid()).openapi({ description: 'Activities whose progress and realisation come from an approved update' }),
  })
  .openapi('ProgressUpdateList');
export type UpdateListDto = z.infer<typeof UpdateListSchema>;

export const QueueQuerySchema = z.strictObject({
  status: z.enum(['SUBMITTED', 'RETURNED', 'APPROVED']).default('SUBMITTED'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const QueueSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        cooperation: z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string() }),
        revision: z.number().int(),
        status: z.enum(UPDATE_STATUSES),
        asOf: z.string(),
        authorName: z.string(),
        submittedAt: z.string().nullable(),
      }),
    ),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('ProgressUpdateQueue');
export type QueueDto = z.infer<typeof QueueSchema>;
