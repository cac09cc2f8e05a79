import { z } from '@hono/zod-openapi';
import { isPartner, isTenantUnit } from './organizations.policy.js';
import type { OrganizationRow } from './organizations.repository.js';
import { ORGANIZATION_TYPES, type OrganizationType } from './organizations.tables.js';

/** Legal forms of partners: badan usaha (PT, CV, …), state/regional enterprises, universities, civil society. */
export const LEGAL_FORMS = ['PT', 'CV', 'FIRMA', 'KOPERASI', 'BUMN', 'BUMD', 'PTN', 'PTS', 'YAYASAN', 'PERKUMPULAN', 'ORMAS', 'PERORANGAN', 'LAINNYA'] as const;

const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2})?$/)
  .openapi({ description: 'Kemendagri kode wilayah of a provinsi (NN) or kabupaten/kota (NN.NN)', example: '63.06' });

const countryCode = z.string().regex(/^[A-Z]{2}$/).openapi({ description: 'ISO 3166-1 alpha-2', example: 'JP' });

/** Tax number (NPWP): 15 digits (old format, dots and dashes allowed) or 16 digits (NIK-based); stored as digits. */
const npwp = z
  .string()
  .trim()
  .regex(/^[0-9.\- ]{15,24}$/)
  .transform((v) => v.replace(/\D/g, ''))
  .refine((v) => v.length === 15 || v.length === 16, { params: { code: 'invalid_npwp', id: 'NPWP harus 15 atau 16 angka.', en: 'An NPWP has 15 or 16 digits.' } })
  .openapi({ example: '01.234.567.8-901.000' });

/** Business registration number from OSS (Nomor Induk Berusaha): 13 digits. */
const nib = z.string().trim().regex(/^\d{13}$/).openapi({ example: '1234567890123' });

export const RegistryIdsSchema = z
  .strictObject({ npwp: npwp.optional(), nib: nib.optional() })
  .openapi({ description: 'Official identifiers used to find duplicate partners' });

const name = z.string().trim().min(2).max(200);
const shortName = z.string().trim().min(1).max(60);
const website = z.url({ protocol: /^https?$/ }).max(300);

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(ORGANIZATION_TYPES),
    name: z.string(),
    shortName: z.string().nullable(),
    regionCode: z.string().nullable(),
    parentId: z.uuid().nullable(),
    tenantId: z.uuid().nullable().openapi({ description: 'The pemda this unit belongs to; null for partners and central bodies' }),
    legalForm: z.string().nullable(),
    countryCode: z.string().nullable(),
    registryIds: z.record(z.string(), z.string()),
    website: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Organization');

export const OrganizationDetailSchema = OrganizationSchema.extend({
  parent: z.object({ id: z.uuid(), name: z.string(), type: z.enum(ORGANIZATION_TYPES) }).nullable(),
  childCount: z.number().int().openapi({ description: 'Direct sub-units visible to the caller' }),
}).openapi('OrganizationDetail');

export const OrganizationListSchema = z.object({ items: z.array(OrganizationSchema), total: z.number().int() }).openapi('OrganizationList');

const typeList = z
  .string()
  .regex(new RegExp(`^(${ORGANIZATION_TYPES.join('|')})(,(${ORGANIZATION_TYPES.join('|')})){0,9}$`))
  .transform((v) => v.split(',') as OrganizationType[])
  .openapi({ description: 'One type or several separated by commas', example: 'PIHAK_KETIGA,FOREIGN_LOCAL_GOV' });

const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');

export const OrganizationQuerySchema = z.strictObject({
  type: typeList.optional(),
  tenantId: z.uuid().optional(),
  parentId: z.uuid().optional(),
  regionCode: regionCode.optional().openapi({ description: 'This region and the regions inside it' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Name or short name contains (case-insensitive)' }),
  active: booleanText.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const issue = (ctx: z.RefinementCtx, path: string, code: string, id: string, en: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message: en, params: { code, id, en } });

/**
 * Which fields each type takes: pemda and GWPP a region (units take their pemda's), pemda units a
 * parent, foreign partners a country. Fields that do not apply are refused, not silently dropped.
 */
const checkFieldsForType = (v: { type: OrganizationType; regionCode?: string | undefined; parentId?: string | undefined; countryCode?: string | undefined; legalForm?: string | undefined }, ctx: z.RefinementCtx) => {
  const needsRegion = v.type === 'PEMDA' || v.type === 'GWPP';
  if (needsRegion && !v.regionCode) issue(ctx, 'regionCode', 'required', 'Wajib diisi untuk pemda dan GWPP.', 'Required for a pemda or GWPP.');
  if (!needsRegion && v.regionCode)
    issue(ctx, 'regionCode', 'not_applicable', 'Tidak berlaku untuk jenis ini.', 'Does not apply to this type.');
  if (isTenantUnit(v.type) && !v.parentId) issue(ctx, 'parentId', 'required', 'Wajib diisi: pemda atau unit induknya.', 'Required: the pemda or parent unit.');
  if ((v.type === 'PEMDA' || v.type === 'GWPP') && v.parentId) issue(ctx, 'parentId', 'not_applicable', 'Tidak berlaku untuk jenis ini.', 'Does not apply to this type.');
  const foreign = v.type === 'FOREIGN_LOCAL_GOV' || v.type === 'FOREIGN_INSTITUTION';
  if (foreign && !v.countryCode) issue(ctx, 'countryCode', 'required', 'Wajib diisi untuk mitra luar negeri.', 'Required for a foreign partner.');
  if (!isPartner(v.type) && v.countryCode) issue(ctx, 'countryCode', 'not_applicable', 'Tidak berlaku untuk jenis ini.', 'Does not apply to this type.');
  if (!isPartner(v.type) && v.legalForm) issue(ctx, 'legalForm', 'not_applicable', 'Tidak berlaku untuk jenis ini.', 'Does not apply to this type.');
};

export const OrganizationCreateSchema = z
  .strictObject({
    type: z.enum(ORGANIZATION_TYPES),
    name: name.openapi({ example: 'Dinas Pekerjaan Umum dan Penataan Ruang' }),
    shortName: shortName.optional().openapi({ example: 'Dinas PUPR' }),
    regionCode: regionCode.optional().openapi({ description: 'Pemda: its kab/kota or province; GWPP: its province. Units take their pemda\'s' }),
    parentId: z.uuid().optional().openapi({ description: 'Pemda units: the pemda or a unit of it (the unit joins that pemda)' }),
    legalForm: z.enum(LEGAL_FORMS).optional(),
    countryCode: countryCode.optional(),
    registryIds: RegistryIdsSchema.optional(),
    website: website.optional(),
  })
  .superRefine(checkFieldsForType)
  .openapi('OrganizationCreate');
export type OrganizationCreateInput = z.output<typeof OrganizationCreateSchema>;

export const OrganizationUpdateSchema = z
  .strictObject({
    name: name.optional(),
    shortName: shortName.nullable().optional(),
    parentId: z.uuid().nullable().optional().openapi({ description: 'Move under another unit of the same pemda; never across pemda' }),
    registryIds: RegistryIdsSchema.optional().openapi({ description: 'Replaces the identifiers' }),
    website: website.nullable().optional(),
    active: z.boolean().optional().openapi({ description: 'Deactivate instead of deleting: cooperation records keep pointing here' }),
  })
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_patch', id: 'Tidak ada yang diubah.', en: 'Nothing to change.' } })
  .openapi('OrganizationUpdate');
export type OrganizationUpdateInput = z.output<typeof OrganizationUpdateSchema>;

export const IdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const TenantSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    shortName: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    level: z.enum(['PROVINSI', 'KABUPATEN', 'KOTA']).nullable(),
    active: z.boolean(),
    access: z.enum(['write', 'read']).openapi({ description: 'read: oversight only (GWPP reviewer, Kemendagri)' }),
  })
  .openapi('Tenant');

export const TenantListSchema = z.object({ items: z.array(TenantSchema) }).openapi('TenantList');

export const presentOrganization = (row: OrganizationRow) => ({
  id: row.id,
  type: row.type,
  name: row.name,
  shortName: row.shortName,
  regionCode: row.regionCode,
  parentId: row.parentId,
  tenantId: row.tenantId,
  legalForm: row.legalForm,
  countryCode: row.countryCode,
  registryIds: row.registryIds,
  website: row.website,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
