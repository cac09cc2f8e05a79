import { z } from '@hono/zod-openapi';
import { FUNDING_SOURCES, PLAN_EXCEPTIONS, TERMINATION_GROUNDS } from '../../../contracts/cooperations.js';
import { ACTIONS, KINDS, OBJECT_CATEGORIES, REGIMES, STATES } from './cooperations.machine.js';
import { APPROVAL_AUTHORITIES, DISPUTE_STAGES } from './rulepack.models.js';

const day = z.iso.date().openapi({ example: '2026-01-15' });
const urusanCode = z.string().regex(/^\d\.\d{2}(\.\d{2})?$/).openapi({ example: '2.11' });
const regionCode = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/).openapi({ example: '63.06' });
const text = (max: number) => z.string().trim().min(1).max(max);
/** Rupiah with at most two decimals, sent as a string so no float ever rounds public money. */
const rupiah = z
  .union([z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/), z.number().nonnegative().max(9_999_999_999_999_999).multipleOf(0.01)])
  .transform((v) => (typeof v === 'number' ? v.toFixed(2) : v))
  .openapi({ type: 'string', example: '1500000000.00', description: 'Amount in IDR' });

export { TERMINATION_GROUNDS } from '../../../contracts/cooperations.js';

export const PartyInputSchema = z
  .strictObject({
    orgId: z.uuid(),
    leadOpdId: z.uuid().nullable().optional(),
    otherOpdIds: z.array(z.uuid()).max(30).optional(),
    signatoryName: text(160).nullable().optional(),
    signatoryPosition: text(160).nullable().optional(),
  })
  .openapi('CooperationPartyInput');

export const FundingInputSchema = z
  .strictObject({
    source: z.enum(FUNDING_SOURCES),
    partyOrgId: z.uuid().nullable().optional(),
    year: z.number().int().min(1990).max(2100),
    amount: rupiah,
    budgeted: z.boolean(),
  })
  .openapi('CooperationFundingInput');

const core = {
  title: text(300),
  objek: z.string().trim().max(4000).default(''),
  ruangLingkup: z.array(text(1000)).max(50).default([]),
  objectCategory: z.enum(OBJECT_CATEGORIES),
  urusanCodes: z.array(urusanCode).max(20).default([]),
  issueIds: z.array(z.uuid()).max(20).default([]),
  locationCodes: z.array(regionCode).max(100).default([]),
  burdensCommunity: z.boolean().default(false),
  planReference: text(300).nullable().optional(),
  planException: z.enum(PLAN_EXCEPTIONS).nullable().optional(),
  startDate: day.nullable().optional(),
  endDate: day.nullable().optional(),
  funding: z.array(FundingInputSchema).max(100).default([]),
};

export const CooperationCreateSchema = z
  .strictObject({
    kind: z.enum(KINDS),
    ksddCategory: z.enum(['WAJIB', 'SUKARELA']).nullable().optional(),
    regime: z.enum(REGIMES).default('KSD_GENERIC'),
    initiator: z.enum(['DAERAH', 'MITRA']).default('DAERAH'),
    ...core,
    parties: z.array(PartyInputSchema).min(2).max(20),
    parentId: z.uuid().nullable().optional(),
    potentialId: z.uuid().nullable().optional(),
  })
  .openapi('CooperationCreate');
export type CooperationCreateInput = z.infer<typeof CooperationCreateSchema>;

export const CooperationUpdateSchema = z
  .strictObject({
    expectedVersion: z.number().int().positive().openapi({ description: 'rowVersion read by the client; a newer one answers 409' }),
    title: core.title.optional(),
    objek: z.string().trim().max(4000).optional(),
    ruangLingkup: z.array(text(1000)).max(50).optional(),
    objectCategory: core.objectCategory.optional(),
    ksddCategory: z.enum(['WAJIB', 'SUKARELA']).nullable().optional(),
    urusanCodes: z.array(urusanCode).max(20).optional(),
    issueIds: z.array(z.uuid()).max(20).optional(),
    locationCodes: z.array(regionCode).max(100).optional(),
    burdensCommunity: z.boolean().optional(),
    planReference: core.planReference,
    planException: core.planException,
    startDate: core.startDate,
    endDate: core.endDate,
    funding: z.array(FundingInputSchema).max(100).optional(),
    parties: z.array(PartyInputSchema).min(2).max(20).optional(),
  })
  .openapi('CooperationUpdate');
export type CooperationUpdateInput = z.infer<typeof CooperationUpdateSchema>;

export const ActionBodySchema = z
  .strictObject({
    expectedVersion: z.number().int().positive().optional(),
    reason: text(2000).optional(),
    decision: z.enum(['APPROVED', 'REJECTED', 'REVISE']).optional(),
    authority: z.enum(APPROVAL_AUTHORITIES).optional(),
    decidedAt: day.optional(),
    decisionDocumentId: z.uuid().optional(),
    startDate: day.optional(),
    endDate: day.optional(),
    signedAt: day.optional(),
    terminationGround: z.enum(TERMINATION_GROUNDS).optional(),
    dispute: z.strictObject({ description: text(4000), stage: z.enum(DISPUTE_STAGES).optional() }).optional(),
    amendment: z
      .strictObject({
        summary: text(4000),
        newEndDate: day.optional(),
        burdensCommunity: z.boolean().optional(),
        fundingNotBudgeted: z.boolean().optional(),
      })
      .optional(),
  })
  .openapi('CooperationActionInput', {
    description:
      'Inputs by action: reason for return_for_revision, reject, decline, cancel, amend, escalate_dispute, resolve_dispute, terminate; decision+decidedAt for record_dprd_decision (+authority for record_central_decision); startDate+endDate(+signedAt) for sign; dispute for raise_dispute; amendment for amend; terminationGround for terminate.',
  });
export type ActionBody = z.infer<typeof ActionBodySchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).max(50)).optional();

export const CooperationQuerySchema = z
  .strictObject({
    q: z.string().trim().max(200).optional().openapi({ description: 'Indonesian full-text search over title, objek, ruang lingkup, parties and document text' }),
    kind: csv(z.enum(KINDS)).openapi({ type: 'string', description: 'Comma-separated kinds' }),
    state: csv(z.enum(STATES)).openapi({ type: 'string', description: 'Comma-separated states' }),
    urusan: csv(urusanCode).openapi({ type: 'string' }),
    issue: csv(z.uuid()).openapi({ type: 'string' }),
    region: regionCode.optional().openapi({ description: 'Kode wilayah: a location or a party pemda in this region (prefix)' }),
    partner: z.uuid().optional().openapi({ description: 'A party organisation' }),
    opd: z.uuid().optional().openapi({ description: 'Lead or other OPD of any party' }),
    year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: 'In force during this year (or registered in it when not signed)' }),
    expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
    overdue: z.enum(['true', 'false']).optional().openapi({ description: 'Only those past a step deadline' }),
    dormant: z.enum(['true', 'false']).optional().openapi({ description: 'Only those "tidak aktif" (in force, not monitored for the owner\'s rule pack dormantAfterMonths)' }),
    sort: z.enum(['updated', 'title', 'endDate', 'relevance']).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .openapi('CooperationQuery');
export type CooperationQuery = z.infer<typeof CooperationQuerySchema>;

export const IdParamSchema = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ActionParamSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(ACTIONS).openapi({ param: { name: 'action', in: 'path' } }),
});

const OrgRef = z.object({ id: z.uuid(), name: z.string(), type: z.string() });

export const PartySchema = z
  .object({
    orgId: z.uuid(),
    name: z.string(),
    type: z.string(),
    regionCode: z.string().nullable(),
    tenantId: z.uuid().nullable(),
    onPlatform: z.boolean().openapi({ description: 'A pemda working on this installation (others are external parties)' }),
    isInitiator: z.boolean(),
    leadOpd: OrgRef.nullable(),
    otherOpds: z.array(OrgRef),
    registerNumber: z.string().nullable().openapi({ description: "The party's own register number for this cooperation" }),
    signatoryName: z.string().nullable(),
    signatoryPosition: z.string().nullable(),
  })
  .openapi('CooperationParty');

export const FundingSchema = z
  .object({ source: z.string(), partyOrgId: z.uuid().nullable(), year: z.number().int(), amount: z.string(), budgeted: z.boolean() })
  .openapi('CooperationFunding');

export const BlockerSchema = z
  .object({ guard: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
  .openapi('ActionBlocker');

export const ActionOptionSchema = z
  .object({ name: z.enum(ACTIONS), allowed: z.boolean(), blockers: z.array(BlockerSchema), inputs: z.array(z.string()) })
  .openapi('CooperationActionOption');

export const ApprovalSchema = z
  .object({
    id: z.uuid(),
    authority: z.string(),
    tenantId: z.uuid().nullable(),
    purpose: z.string(),
    submittedAt: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    decision: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decisionDocumentId: z.uuid().nullable(),
  })
  .openapi('ApprovalRequest');

export const DisputeSchema = z
  .object({
    id: z.uuid(),
    raisedByOrgId: z.uuid(),
    description: z.string(),
    stage: z.string(),
    openedAt: z.string(),
    resolvedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    resolution: z.string().nullable(),
  })
  .openapi('CooperationDispute');

export const CooperationSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: z.enum(KINDS),
    ksddCategory: z.string().nullable(),
    regime: z.enum(REGIMES),
    state: z.enum(STATES),
    title: z.string(),
    objectCategory: z.enum(OBJECT_CATEGORIES),
    urusanCodes: z.array(z.string()),
    partyNames: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    stateDueAt: z.string().nullable(),
    overdue: z.boolean(),
    dormant: z.boolean().openapi({ description: '"Tidak aktif": in force and not monitored for the owner\'s rule pack dormantAfterMonths' }),
    updatedAt: z.string(),
    snippet: z.string().nullable().openapi({ description: 'Search hit with <mark>…</mark> around matches (other text HTML-escaped)' }),
  })
  .openapi('CooperationSummary');

export const CooperationListSchema = z
  .object({ items: z.array(CooperationSummarySchema), nextCursor: z.string().nullable() })
  .openapi('CooperationList');

export const CooperationSchema = CooperationSummarySchema.omit({ snippet: true, partyNames: true })
  .extend({
    tenantId: z.uuid().nullable(),
    initiator: z.enum(['DAERAH', 'MITRA']),
    objek: z.string(),
    ruangLingkup: z.array(z.string()),
    issueIds: z.array(z.string()),
    locationCodes: z.array(z.string()),
    burdensCommunity: z.boolean(),
    dprdRequired: z.boolean(),
    centralApprovalRequired: z.boolean(),
    planReference: z.string().nullable(),
    planException: z.string().nullable(),
    signedAt: z.string().nullable(),
    pendingAmendment: z.record(z.string(), z.unknown()).nullable(),
    potentialId: z.uuid().nullable(),
    parentId: z.uuid().nullable(),
    extensions: z.array(z.object({ id: z.uuid(), code: z.string(), state: z.string() })),
    rowVersion: z.number().int(),
    parties: z.array(PartySchema),
    funding: z.array(FundingSchema),
    approvals: z.array(ApprovalSchema),
    disputes: z.array(DisputeSchema),
    maxDurationYears: z.number().int(),
    progress: z.number().min(0).max(100).openapi({ description: 'Progress 0–100, rolled up from the work plan by monitoring' }),
    lastMonitoredAt: z.string().nullable().openapi({ description: 'When the cooperation was last monitored (an evaluation finalised)' }),
    dormant: z.boolean().openapi({ description: '"Tidak aktif": in force and not monitored for the rule pack\'s dormantAfterMonths' }),
    allowedActions: z.array(z.enum(ACTIONS)).openapi({ description: 'Actions the current user may take now' }),
    actions: z.array(ActionOptionSchema).openapi({ description: 'Actions of the current state, with why each is blocked for this user' }),
    canEdit: z.boolean(),
    canParticipate: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Cooperation');

export const ActionResultSchema = z
  .object({ cooperation: CooperationSchema, createdId: z.uuid().nullable().openapi({ description: 'The new cooperation an extension created' }) })
  .openapi('CooperationActionResult');
