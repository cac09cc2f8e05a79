import { z } from '@hono/zod-openapi';
import { STAGES } from './cycles.models.js';
import { POTENTIAL_STATUSES } from './potentials.tables.js';
import { ITEM_KINDS } from './questionnaires.models.js';

export const PlenaryDocParamSchema = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  document: z.enum(['berita-acara', 'keputusan']).openapi({ param: { name: 'document', in: 'path' }, description: 'The Berita Acara of the plenary or the draft Keputusan Kepala Daerah' }),
});
export const PlenaryDocQuerySchema = z.strictObject({ format: z.enum(['docx', 'pdf']).default('pdf') });

export const ScoresInputSchema = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          potentialId: z.uuid(),
          scores: z.record(z.string().max(40), z.number().int().nullable()).openapi({ description: 'Criterion key → score on the rule pack’s scale; null clears a score' }),
        }),
      )
      .min(1)
      .max(500),
  })
  .openapi('MappingPlenaryScores');
export type ScoresInput = z.infer<typeof ScoresInputSchema>;

export const DecisionInputSchema = z
  .strictObject({
    meetingId: z.uuid().openapi({ description: 'The TKKSD plenary (RAPAT_PLENO_TKKSD) that decided, held and with attendance recorded' }),
    priorityIds: z.array(z.uuid()).min(1).max(200).openapi({ description: 'The register items the plenary chose as priorities' }),
    notes: z.string().trim().max(4000).nullable().default(null),
    expectedVersion: z.number().int().min(0).openapi({ description: 'The decision’s rowVersion, 0 for the first decision' }),
  })
  .openapi('MappingPlenaryDecision');
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

const CriterionSchema = z.object({ key: z.string(), weight: z.number(), label: z.string() });

export const PlenarySchema = z
  .object({
    cycleId: z.uuid(),
    year: z.number().int(),
    stage: z.enum(STAGES),
    open: z.boolean().openapi({ description: 'Scoring and deciding are possible at this stage' }),
    scoring: z.object({ note: z.string(), scale: z.object({ min: z.number().int(), max: z.number().int() }), criteria: z.array(CriterionSchema) }).openapi({ description: 'The rule pack in force today' }),
    items: z.array(
      z.object({
        potentialId: z.uuid(),
        title: z.string(),
        kind: z.enum(ITEM_KINDS),
        status: z.enum(POTENTIAL_STATUSES),
        orgName: z.string(),
        urusanCodes: z.array(z.string()),
        costEstimateIdr: z.string().nullable(),
        scores: z.record(z.string(), z.number().int()),
        total: z.number().openapi({ description: 'Weighted total on 0–100 under today’s weights' }),
        complete: z.boolean(),
        rank: z.number().int(),
        priority: z.boolean().openapi({ description: 'Chosen by the current decision' }),
      }),
    ),
    decision: z
      .object({
        meetingId: z.uuid(),
        meetingTitle: z.string(),
        decidedAt: z.string(),
        decidedByName: z.string(),
        notes: z.string().nullable(),
        present: z.number().int(),
        criteria: z.array(CriterionSchema).openapi({ description: 'The criteria and weights the decision used' }),
        priorities: z.array(z.object({ potentialId: z.uuid(), title: z.string(), rank: z.number().int(), total: z.number() })),
      })
      .nullable(),
    meetings: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), timeZone: z.string(), status: z.string() })).openapi({ description: 'TKKSD plenaries of this pemda for this cycle or not tied to one' }),
    canScore: z.boolean(),
    rowVersion: z.number().int().openapi({ description: 'The decision’s version (0: none yet)' }),
  })
  .openapi('MappingPlenary');
export type PlenaryDto = z.infer<typeof PlenarySchema>;

export const PlenaryDownloadSchema = z.string().openapi({ format: 'binary' });
