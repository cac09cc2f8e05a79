import { z } from '@hono/zod-openapi';
import { DefinitionSchema } from './questionnaires.models.js';
import { ANSWER_ACTIONS, ANSWER_STATUSES } from './answers.tables.js';
import { PARTICIPANT_STATUSES } from './cycles.schemas.js';

const day = z.iso.date().openapi({ example: '2026-06-30' });

export const AnswerParamSchema = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  orgId: z.uuid().openapi({ param: { name: 'orgId', in: 'path' } }),
});

const value = z.union([z.string().max(5000), z.number(), z.array(z.string().max(100)).max(50), z.null()]);
const item = z.record(z.string().max(40), value);
/** The shape only; the questionnaire decides what fits where (422 per question otherwise). */
export const AnswersSchema = z.record(z.string().max(40), z.union([item, z.array(item).max(100)])).openapi({ description: 'Section id → { question id → value } or a list of those for a repeatable section' });

export const AnswerSaveSchema = z
  .strictObject({
    answers: AnswersSchema,
    submit: z.boolean().default(false).openapi({ description: 'true submits to the TKKSD; false keeps a draft' }),
    expectedVersion: z.number().int().min(0).openapi({ description: 'The rowVersion the change is based on (0 when there is no answer yet)' }),
  })
  .openapi('MappingAnswerSave');
export type AnswerSaveInput = z.infer<typeof AnswerSaveSchema>;

export const AnswerReturnSchema = z
  .strictObject({
    expectedVersion: z.number().int().positive(),
    comment: z.string().trim().min(1).max(4000),
    deadline: day.optional().openapi({ description: 'Reopens submission for the OPD until this day (needed when the cycle’s deadline has passed)' }),
  })
  .openapi('MappingAnswerReturn');
export const AnswerAcceptSchema = z.strictObject({ expectedVersion: z.number().int().positive() }).openapi('MappingAnswerAccept');
export const AnswerReopenSchema = z.strictObject({ deadline: day, comment: z.string().trim().max(2000).optional() }).openapi('MappingAnswerReopen');

const HistoryEventSchema = z.object({ at: z.string(), action: z.enum(ANSWER_ACTIONS), status: z.enum(ANSWER_STATUSES), revision: z.number().int(), actorName: z.string(), comment: z.string().nullable() });

export const AnswerSchema = z
  .object({
    id: z.uuid().nullable(),
    cycleId: z.uuid(),
    orgId: z.uuid(),
    orgName: z.string(),
    cycleYear: z.number().int(),
    stage: z.string(),
    status: z.enum(PARTICIPANT_STATUSES),
    answers: AnswersSchema,
    revision: z.number().int().openapi({ description: 'How many times it was submitted' }),
    reviewComment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    submittedByName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    deadline: z.string(),
    late: z.boolean(),
    questionnaire: z.object({ id: z.uuid(), title: z.string(), version: z.number().int(), definition: DefinitionSchema }),
    history: z.array(HistoryEventSchema),
    rowVersion: z.number().int(),
    canEdit: z.boolean(),
    canReview: z.boolean(),
    canReopen: z.boolean(),
  })
  .openapi('MappingAnswer');
export type AnswerDto = z.infer<typeof AnswerSchema>;

export const AnswerHistorySchema = z
  .object({
    submissions: z.array(z.object({ revision: z.number().int(), at: z.string(), actorName: z.string(), answers: AnswersSchema })).openapi({ description: 'Every submission with the answers as sent, newest first' }),
    events: z.array(HistoryEventSchema),
  })
  .openapi('MappingAnswerHistory');
export type AnswerHistoryDto = z.infer<typeof AnswerHistorySchema>;
