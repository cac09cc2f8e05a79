import { z } from '@hono/zod-openapi';
import { ROLES } from '../identity/index.js';
import { CYCLE_ACTION_NAMES, STAGES, WORK_STAGES } from './cycles.models.js';

const day = z.iso.date().openapi({ example: '2026-06-30' });

export const CycleParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const CycleListQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const CycleCreateSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    tenantId: z.uuid().optional().openapi({ description: 'The pemda; defaults to the one the actor runs the mapping for' }),
    startDate: day.optional().openapi({ description: 'First day of Persiapan; the schedule follows from the rule pack’s stage lengths (default: today)' }),
    questionnaireId: z.uuid().optional().openapi({ description: 'Default: the pemda’s default mapping questionnaire (created from the shipped one when missing)' }),
  })
  .openapi('MappingCycleCreate');
export type CycleCreateInput = z.infer<typeof CycleCreateSchema>;

const ScheduleInputSchema = z.strictObject({
  stage: z.enum(WORK_STAGES),
  plannedStart: day,
  plannedEnd: day,
  responsibleRoles: z.array(z.enum(ROLES)).min(1).max(10),
});

export const CycleUpdateSchema = z
  .strictObject({
    expectedVersion: z.number().int().positive(),
    schedule: z.array(ScheduleInputSchema).max(4).optional(),
    answerDeadline: day.optional(),
    participantOrgIds: z.array(z.uuid()).max(300).optional().openapi({ description: 'The OPDs and units that answer' }),
    questionnaireId: z.uuid().optional(),
  })
  .openapi('MappingCycleUpdate');
export type CycleUpdateInput = z.infer<typeof CycleUpdateSchema>;

export const CycleAdvanceSchema = z
  .strictObject({
    action: z.enum(CYCLE_ACTION_NAMES).openapi({ description: 'start_mapping, start_discussion, start_determination or determine' }),
    expectedVersion: z.number().int().positive(),
    decreeNumber: z.string().trim().min(1).max(200).optional().openapi({ description: 'determine: the Keputusan Kepala Daerah adopting the result' }),
    decreeDate: day.optional(),
  })
  .openapi('MappingCycleAdvance');
export type CycleAdvanceInput = z.infer<typeof CycleAdvanceSchema>;

export const PARTICIPANT_STATUSES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;

const ProgressSchema = z.object({ total: z.number().int(), answered: z.number().int(), accepted: z.number().int(), drafting: z.number().int(), late: z.number().int() });

export const CycleSchema = z
  .object({
    id: z.uuid(),
    tenant: z.object({ id: z.uuid(), name: z.string() }),
    year: z.number().int(),
    stage: z.enum(STAGES),
    answerDeadline: z.string(),
    schedule: z.array(
      z.object({ stage: z.enum(WORK_STAGES), plannedStart: z.string(), plannedEnd: z.string(), responsibleRoles: z.array(z.string()), startedAt: z.string().nullable(), endedAt: z.string().nullable() }),
    ),
    decreeNumber: z.string().nullable(),
    decreeDate: z.string().nullable(),
    questionnaire: z.object({ id: z.uuid(), title: z.string(), version: z.number().int() }),
    participants: z.array(
      z.object({
        orgId: z.uuid(),
        name: z.string(),
        shortName: z.string().nullable(),
        status: z.enum(PARTICIPANT_STATUSES),
        deadline: z.string().openapi({ description: 'The deadline binding this OPD (reopened or the cycle’s)' }),
        reopened: z.boolean(),
        late: z.boolean(),
        submittedAt: z.string().nullable(),
        revision: z.number().int(),
      }),
    ),
    progress: ProgressSchema,
    nextAction: z.enum(CYCLE_ACTION_NAMES).nullable(),
    canManage: z.boolean(),
    canAdvance: z.boolean().openapi({ description: 'Whether the reader’s role may take the next action (its guard is checked when taken)' }),
    answeringOrgIds: z.array(z.uuid()).openapi({ description: 'The participating OPDs the reader answers for' }),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })).openapi({ description: 'OPDs and units that may take part (for managers)' }),
    ruleNote: z.string(),
    rowVersion: z.number().int(),
  })
  .openapi('MappingCycle');
export type CycleDto = z.infer<typeof CycleSchema>;

export const CycleListSchema = z
  .object({
    items: z.array(z.object({ id: z.uuid(), tenantName: z.string(), year: z.number().int(), stage: z.enum(STAGES), answerDeadline: z.string() })),
    canCreate: z.boolean(),
  })
  .openapi('MappingCycleList');
export type CycleListDto = z.infer<typeof CycleListSchema>;
