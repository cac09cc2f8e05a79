import { z } from '@hono/zod-openapi';
import { KINDS, OBJECT_CATEGORIES, STATES } from '../../../contracts/cooperations.js';
import { PartyInputSchema } from '../cooperations/index.js';
import { STAGES } from './cycles.models.js';
import { SETTABLE_STATUSES } from './potentials.models.js';
import { POTENTIAL_STATUSES } from './potentials.tables.js';
import { ITEM_KINDS } from './questionnaires.models.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const PotentialParamSchema = z.object({ id: z.uuid() });

export const PotentialListQuerySchema = z.strictObject({
  cycleId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  urusan: z.string().regex(/^\d\.\d{2}(\.\d{2})?$/).optional().openapi({ example: '2.11' }),
  issueId: z.uuid().optional(),
  region: z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/).optional().openapi({ description: 'A location code or its prefix (province, kab/kota, kecamatan)' }),
  orgId: z.uuid().optional(),
  status: z.enum(POTENTIAL_STATUSES).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PotentialListQuery = z.infer<typeof PotentialListQuerySchema>;

const LinkedCooperationSchema = z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string(), state: z.enum(STATES), progress: z.string().openapi({ description: 'Percent, two decimals' }) });

export const PotentialSchema = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid(),
    cycleYear: z.number().int(),
    orgId: z.uuid(),
    orgName: z.string(),
    kind: z.enum(ITEM_KINDS),
    title: z.string(),
    description: z.string(),
    urusanCodes: z.array(z.string()),
    issueIds: z.array(z.uuid()),
    locationCodes: z.array(z.string()),
    candidatePartners: z.string(),
    expectedBenefit: z.string(),
    costEstimateIdr: z.string().nullable(),
    status: z.enum(POTENTIAL_STATUSES),
    statusReason: z.string().nullable(),
    cooperations: z.array(LinkedCooperationSchema).openapi({ description: 'Cooperations proposed from this item, with their state and progress' }),
    canManage: z.boolean(),
    canPropose: z.boolean(),
    rowVersion: z.number().int(),
  })
  .openapi('MappingPotential');
export type PotentialDto = z.infer<typeof PotentialSchema>;

export const PotentialListSchema = z
  .object({ items: z.array(PotentialSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('MappingPotentialList');
export type PotentialListDto = z.infer<typeof PotentialListSchema>;

export const PotentialUpdateSchema = z
  .strictObject({
    expectedVersion: z.number().int().positive(),
    title: text(300).optional(),
    description: z.string().trim().max(5000).optional(),
    kind: z.enum(ITEM_KINDS).optional(),
    status: z.enum(SETTABLE_STATUSES).optional(),
    reason: text(2000).optional().openapi({ description: 'Required with a status change' }),
  })
  .openapi('MappingPotentialUpdate');
export type PotentialUpdateInput = z.infer<typeof PotentialUpdateSchema>;

export const PotentialProposalSchema = z
  .strictObject({
    expectedVersion: z.number().int().positive(),
    kind: z.enum(KINDS),
    ksddCategory: z.enum(['WAJIB', 'SUKARELA']).nullable().optional(),
    objectCategory: z.enum(OBJECT_CATEGORIES),
    title: text(300).optional().openapi({ description: "Defaults to the item's title" }),
    partners: z.array(PartyInputSchema).min(1).max(19).openapi({ description: "The other parties; the item's pemda joins with the item's OPD as lead OPD" }),
  })
  .openapi('MappingPotentialProposal');
export type PotentialProposalInput = z.infer<typeof PotentialProposalSchema>;

export const ProposalResultSchema = z.object({ potential: PotentialSchema, cooperationId: z.uuid() }).openapi('MappingPotentialProposalResult');

export const OverviewQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  province: z.string().regex(/^\d{2}$/).optional().openapi({ example: '63' }),
});
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

const count = z.object({ key: z.string(), potensi: z.number().int(), kebutuhan: z.number().int(), permasalahan: z.number().int() });

export const OverviewSchema = z
  .object({
    year: z.number().int(),
    scope: z.object({ level: z.enum(['pemda', 'province', 'nation']), province: z.string().nullable() }),
    provinces: z.array(z.object({ code: z.string(), name: z.string() })).openapi({ description: 'Provinces the actor may choose' }),
    pemda: z.array(
      z.object({
        tenantId: z.uuid(),
        name: z.string(),
        regionCode: z.string().nullable(),
        stage: z.enum(STAGES).nullable().openapi({ description: 'null: no cycle this year' }),
        participants: z.number().int(),
        answered: z.number().int(),
        accepted: z.number().int(),
        items: z.number().int(),
      }),
    ),
    completed: z.number().int(),
    byUrusan: z.array(count),
    byIssue: z.array(count),
  })
  .openapi('MappingOverview');
export type OverviewDto = z.infer<typeof OverviewSchema>;
