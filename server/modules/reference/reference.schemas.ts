import { z } from '@hono/zod-openapi';
import { REGION_LEVELS, URUSAN_GROUPS } from './reference.tables.js';

const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/)
  .openapi({ description: 'Kemendagri kode wilayah: NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN', example: '63.06' });

export const RegionSchema = z
  .object({
    code: regionCode,
    level: z.enum(REGION_LEVELS),
    name: z.string(),
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    validFrom: z.string().openapi({ format: 'date' }),
    validTo: z.string().nullable().openapi({ format: 'date' }),
    sourceDecree: z.string(),
  })
  .openapi('Region');

export const RegionQuerySchema = z.strictObject({
  level: z.enum(['provinsi', 'kabkota', 'kabupaten', 'kota', 'kecamatan', 'desa']).optional(),
  parent: regionCode.optional().openapi({ description: 'Children of this region; kecamatan and desa are loaded on first request' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Name contains (case-insensitive), or a code prefix' }),
  includeExpired: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(600).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const RegionListSchema = z.object({ items: z.array(RegionSchema), total: z.number().int() }).openapi('RegionList');

export const RegionParamSchema = z.strictObject({ code: regionCode.openapi({ param: { name: 'code', in: 'path' } }) });

export const UrusanSchema = z
  .object({ code: z.string(), nameId: z.string(), nameEn: z.string(), group: z.enum(URUSAN_GROUPS), parentCode: z.string().nullable() })
  .openapi('Urusan');

export const UrusanListSchema = z.object({ items: z.array(UrusanSchema) }).openapi('UrusanList');

export const StrategicIssueSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    sort: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('StrategicIssue');

export const StrategicIssueListSchema = z.object({ items: z.array(StrategicIssueSchema) }).openapi('StrategicIssueList');

export const StrategicIssueQuerySchema = z.strictObject({
  includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

const issueName = z.string().trim().min(2).max(120);

export const StrategicIssueCreateSchema = z
  .strictObject({
    code: z.string().trim().regex(/^[A-Z0-9_]{2,40}$/).openapi({ example: 'KETAHANAN_PANGAN' }),
    nameId: issueName,
    nameEn: issueName,
    active: z.boolean().optional(),
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('StrategicIssueCreate');

export const StrategicIssueUpdateSchema = z
  .strictObject({ nameId: issueName.optional(), nameEn: issueName.optional(), active: z.boolean().optional(), sort: z.number().int().min(0).max(10_000).optional() })
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_patch', id: 'Tidak ada yang diubah.', en: 'Nothing to change.' } })
  .openapi('StrategicIssueUpdate');

export const IdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const presentIssue = (row: { id: string; code: string; nameId: string; nameEn: string; active: boolean; sort: number; updatedAt: Date }) => ({
  id: row.id,
  code: row.code,
  nameId: row.nameId,
  nameEn: row.nameEn,
  active: row.active,
  sort: row.sort,
  updatedAt: row.updatedAt.toISOString(),
});
