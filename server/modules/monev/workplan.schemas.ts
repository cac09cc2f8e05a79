import { z } from '@hono/zod-openapi';
import { ACTIVITY_STATUSES, MILESTONE_STATUSES, OBLIGATION_STATUSES } from './workplan.tables.js';

const day = z.iso.date().openapi({ example: '2026-06-30' });
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000);
/** Rupiah with at most two decimals, sent as a string so no float ever rounds public money. */
const rupiah = z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/).openapi({ example: '250000000.00', description: 'Amount in IDR' });

export const CooperationParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ActivityParamSchema = CooperationParamSchema.extend({ activityId: z.uuid().openapi({ param: { name: 'activityId', in: 'path' } }) });
export const ObligationParamSchema = CooperationParamSchema.extend({ obligationId: z.uuid().openapi({ param: { name: 'obligationId', in: 'path' } }) });
export const MilestoneParamSchema = CooperationParamSchema.extend({ milestoneId: z.uuid().openapi({ param: { name: 'milestoneId', in: 'path' } }) });

const activityFields = {
  agreementDocumentId: z.uuid().nullable().openapi({ description: 'The PKS, NK or RENCANA_KERJA document of this cooperation the activity implements' }),
  name: text(300),
  description: z.string().trim().max(4000),
  responsibleOrgId: z.uuid().openapi({ description: 'The party organisation responsible' }),
  responsibleOpdId: z.uuid().nullable().openapi({ description: "An OPD of the responsible party's pemda" }),
  plannedStart: day,
  plannedEnd: day.openapi({ description: 'Within the cooperation’s term when it has one' }),
  budget: rupiah,
  realisation: rupiah,
  outputs: z.array(text(300)).max(30).openapi({ description: 'The outputs (keluaran) the activity delivers' }),
  status: z.enum(ACTIVITY_STATUSES),
  weight: z.number().positive().max(1000).openapi({ description: 'Share in progress roll-ups (default 1)' }),
  progress: z.number().int().min(0).max(100).openapi({ description: 'How far the activity is, 0–100 (a completed activity counts 100)' }),
};

export const ActivityCreateSchema = z
  .strictObject({
    ...activityFields,
    agreementDocumentId: activityFields.agreementDocumentId.optional(),
    description: activityFields.description.default(''),
    responsibleOpdId: activityFields.responsibleOpdId.optional(),
    budget: rupiah.default('0.00'),
    realisation: rupiah.default('0.00'),
    outputs: activityFields.outputs.default([]),
    status: activityFields.status.default('DIRENCANAKAN'),
    weight: activityFields.weight.default(1),
    progress: activityFields.progress.default(0),
  })
  .openapi('WorkPlanActivityCreate');
export type ActivityCreateInput = z.infer<typeof ActivityCreateSchema>;

export const ActivityUpdateSchema = z
  .strictObject(activityFields)
  .partial()
  .extend({ expectedVersion: z.number().int().positive().openapi({ description: 'The rowVersion the change is based on; a newer one answers 409' }) })
  .openapi('WorkPlanActivityUpdate');
export type ActivityUpdateInput = z.infer<typeof ActivityUpdateSchema>;

const obligationFields = {
  partyOrgId: z.uuid().openapi({ description: 'The party that owes the obligation' }),
  description: text(2000).openapi({ description: 'The hak dan kewajiban item of the agreement' }),
  dueDate: day.nullable(),
  status: z.enum(OBLIGATION_STATUSES),
  note,
};

export const ObligationCreateSchema = z
  .strictObject({ ...obligationFields, dueDate: day.nullable().optional(), status: obligationFields.status.default('BELUM_JATUH_TEMPO'), note: note.default('') })
  .openapi('WorkPlanObligationCreate');
export type ObligationCreateInput = z.infer<typeof ObligationCreateSchema>;

export const ObligationUpdateSchema = z
  .strictObject({
    partyOrgId: obligationFields.partyOrgId.optional(),
    description: obligationFields.description.optional(),
    dueDate: obligationFields.dueDate.optional(),
    status: obligationFields.status.optional(),
    note: note.optional(),
  })
  .openapi('WorkPlanObligationUpdate', { description: "A partner's user may send only status and note, for its own organisation's obligations" });
export type ObligationUpdateInput = z.infer<typeof ObligationUpdateSchema>;

const milestoneFields = {
  activityId: z.uuid().nullable().openapi({ description: 'An activity of the same cooperation' }),
  name: text(300),
  dueDate: day,
  status: z.enum(MILESTONE_STATUSES).openapi({ description: 'TERJADWAL scheduled, TERCAPAI met, TIDAK_TERCAPAI not met, TERCAPAI_SEBAGIAN partially met' }),
  note,
};

export const MilestoneCreateSchema = z
  .strictObject({ ...milestoneFields, activityId: milestoneFields.activityId.optional(), status: milestoneFields.status.default('TERJADWAL'), note: note.default('') })
  .openapi('WorkPlanMilestoneCreate');
export type MilestoneCreateInput = z.infer<typeof MilestoneCreateSchema>;

export const MilestoneUpdateSchema = z
  .strictObject({
    activityId: milestoneFields.activityId.optional(),
    name: milestoneFields.name.optional(),
    dueDate: day.optional(),
    status: milestoneFields.status.optional(),
    note: note.optional(),
  })
  .openapi('WorkPlanMilestoneUpdate');
export type MilestoneUpdateInput = z.infer<typeof MilestoneUpdateSchema>;

const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const ActivitySchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    agreementDocumentId: z.uuid().nullable(),
    name: z.string(),
    description: z.string(),
    responsibleOrg: orgRef,
    responsibleOpd: orgRef.nullable(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    budget: z.string().openapi({ description: 'IDR, two decimals' }),
    realisation: z.string().openapi({ description: 'IDR, two decimals' }),
    outputs: z.array(z.string()),
    status: z.enum(ACTIVITY_STATUSES),
    weight: z.number(),
    progress: z.number().int(),
    figuresLocked: z.boolean().openapi({ description: 'Progress and realisation come from an approved progress update and are changed only by correcting it' }),
    overdue: z.boolean().openapi({ description: 'Planned end passed while still planned or running (Jakarta day)' }),
    rowVersion: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('WorkPlanActivity');
export type ActivityDto = z.infer<typeof ActivitySchema>;

export const ObligationSchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    party: orgRef,
    description: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(OBLIGATION_STATUSES),
    note: z.string(),
    fulfilledAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: 'Due date passed and not fulfilled (Jakarta day)' }),
    canUpdate: z.boolean().openapi({ description: 'Whether the reader may update its status and note' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('WorkPlanObligation');
export type ObligationDto = z.infer<typeof ObligationSchema>;

export const MilestoneSchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    activityId: z.uuid().nullable(),
    name: z.string(),
    dueDate: z.string(),
    status: z.enum(MILESTONE_STATUSES),
    note: z.string(),
    decidedAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: 'Due date passed and still scheduled (Jakarta day)' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('WorkPlanMilestone');
export type MilestoneDto = z.infer<typeof MilestoneSchema>;

export const WorkPlanSchema = z
  .object({
    activities: z.array(ActivitySchema),
    obligations: z.array(ObligationSchema),
    milestones: z.array(MilestoneSchema),
    summary: z.object({
      activities: z.number().int().openapi({ description: 'Activities not cancelled' }),
      completed: z.number().int(),
      budget: z.string(),
      realisation: z.string(),
      realisationPercent: z.number().nullable().openapi({ description: 'Realisation over budget, one decimal; null while nothing is budgeted' }),
      obligationsOverdue: z.number().int(),
      milestonesMet: z.number().int(),
      milestonesOverdue: z.number().int(),
    }),
    canEdit: z.boolean().openapi({ description: 'Whether the reader may add and change activities, obligations and milestones now' }),
    parties: z.array(z.object({ id: z.uuid(), name: z.string(), opds: z.array(orgRef) })).openapi({ description: 'Parties and their OPDs, for the forms' }),
  })
  .openapi('WorkPlan');
export type WorkPlanDto = z.infer<typeof WorkPlanSchema>;
