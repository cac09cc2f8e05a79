import { z } from '@hono/zod-openapi';
import { CriterionSchema, EVALUATION_STATUSES, PERIOD_PATTERN, RATER_ROLES, RECOMMENDATIONS, RubricSchema } from './evaluations.models.js';

const score = z.string().regex(/^[1-5]\.\d{2}$/).openapi({ example: '3.75', description: 'Weighted mean on the 1–5 scale, two decimals' });
const name = z.strictObject({ id: z.string(), en: z.string() });

export const PeriodSchema = z
  .string()
  .trim()
  .regex(PERIOD_PATTERN, 'YYYY or YYYY-S1 / YYYY-S2')
  .openapi({ example: '2026-S1', description: 'A semester (2026-S1, 2026-S2) or a whole year (2026)' });

export const EvaluationOpenSchema = z.strictObject({ period: PeriodSchema }).openapi('EvaluationOpen');
export type EvaluationOpenInput = z.infer<typeof EvaluationOpenSchema>;

export const RatingInputSchema = z
  .strictObject({
    criterion: z.string().trim().min(1).max(40),
    score: z.number().int().min(1).max(5),
    note: z.string().trim().max(2000).default(''),
    evidenceFileIds: z.array(z.uuid()).max(10).default([]).openapi({ description: 'Stored files (POST /api/files) uploaded by your organisation' }),
  })
  .openapi('EvaluationRatingInput');

export const RatingsPutSchema = z
  .strictObject({
    role: z.enum(RATER_ROLES).optional().openapi({ description: 'The role you rate as, when you hold several; default the most senior' }),
    ratings: z.array(RatingInputSchema).max(20).openapi({ description: 'Your whole set: criteria left out are no longer rated by you' }),
  })
  .openapi('EvaluationRatingsPut');
export type RatingsPutInput = z.infer<typeof RatingsPutSchema>;

export const FinaliseSchema = z
  .strictObject({ findings: z.string().trim().min(1).max(10_000), recommendation: z.enum(RECOMMENDATIONS) })
  .openapi('EvaluationFinalise');
export type FinaliseInput = z.infer<typeof FinaliseSchema>;

export const EvaluationSummarySchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    tenantId: z.uuid().openapi({ description: 'The party pemda that runs this evaluation' }),
    tenantName: z.string(),
    period: z.string(),
    isFinal: z.boolean().openapi({ description: 'The closing evaluation of an ended cooperation' }),
    status: z.enum(EVALUATION_STATUSES),
    score: score.nullable().openapi({ description: 'Stored when finalised; computed from the ratings so far while open' }),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    raterCount: z.number().int(),
    openedAt: z.string(),
    finalisedAt: z.string().nullable(),
  })
  .openapi('EvaluationSummary');
export type EvaluationSummaryDto = z.infer<typeof EvaluationSummarySchema>;

const pointSchema = z.object({ period: z.string(), score }).nullable();

export const EvaluationListSchema = z
  .object({
    items: z.array(EvaluationSummarySchema),
    latest: pointSchema.openapi({ description: 'The latest finalised evaluation (by period)' }),
    previous: pointSchema,
    trend: z.enum(['UP', 'DOWN', 'SAME']).nullable().openapi({ description: 'Latest against the previous finalised score' }),
    canOpen: z.boolean().openapi({ description: 'Whether the caller may open an evaluation now' }),
  })
  .openapi('EvaluationList');
export type EvaluationListDto = z.infer<typeof EvaluationListSchema>;

export const EvidenceSchema = z.object({ fileId: z.uuid(), fileName: z.string() }).openapi('EvaluationEvidence');

export const RatingSchema = z
  .object({
    raterUserId: z.uuid(),
    raterName: z.string(),
    raterRole: z.enum(RATER_ROLES),
    criterion: z.string(),
    score: z.number().int().min(1).max(5),
    note: z.string(),
    evidence: z.array(EvidenceSchema),
    updatedAt: z.string(),
  })
  .openapi('EvaluationRating');
export type RatingDto = z.infer<typeof RatingSchema>;

export const EvaluationDetailSchema = EvaluationSummarySchema.extend({
  cooperation: z.object({ id: z.uuid(), code: z.string(), title: z.string(), state: z.string() }),
  rubricVersion: z.number().int().nullable().openapi({ description: 'The pemda rubric version snapshotted at opening; null: the national default' }),
  criteria: z.array(CriterionSchema.extend({ name, raters: z.number().int(), mean: z.number().nullable() })),
  findings: z.string().nullable(),
  ratings: z.array(RatingSchema),
  mine: z.object({
    roles: z.array(z.enum(RATER_ROLES)).openapi({ description: 'The rater roles you hold for this evaluation (empty: you only read)' }),
    role: z.enum(RATER_ROLES).nullable().openapi({ description: 'The role of your saved ratings' }),
    ratings: z.array(RatingSchema),
  }),
  canRate: z.boolean(),
  canFinalise: z.boolean(),
}).openapi('EvaluationDetail');
export type EvaluationDetailDto = z.infer<typeof EvaluationDetailSchema>;

export const RubricVersionSchema = z
  .object({ id: z.uuid(), version: z.number().int(), validFrom: z.string(), note: z.string(), rubric: RubricSchema, createdAt: z.string() })
  .openapi('MonevRubricVersion');

export const RubricViewSchema = z
  .object({
    tenantId: z.uuid().nullable(),
    today: z.string(),
    canEdit: z.boolean(),
    effective: z.object({ version: z.number().int().nullable(), rubric: RubricSchema }).openapi({ description: 'In force today; version null: the national default' }),
    national: RubricSchema,
    versions: z.array(RubricVersionSchema),
  })
  .openapi('MonevRubricView');

export const RubricPublishSchema = z
  .strictObject({
    validFrom: z.iso.date(),
    note: z.string().trim().max(500).default(''),
    rubric: z.record(z.string(), z.unknown()).openapi({ description: 'The whole rubric: criteria with code, name {id, en}, weight (sum 100) and raterRoles' }),
  })
  .openapi('MonevRubricPublish');
export type RubricPublishInput = z.infer<typeof RubricPublishSchema>;
