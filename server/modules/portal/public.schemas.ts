import { z } from '@hono/zod-openapi';
import { KINDS, STATES } from '../../../contracts/cooperations.js';
import { DATASET_NAMES } from './datasets.models.js';
import { PublicQuerySchema } from './portal.schemas.js';

/** OpenAPI shapes of the public responses; the types are contracts/portal.ts. */
const Ref = z.object({ code: z.string(), name: z.string() });
const Count = Ref.extend({ count: z.number().int() });
const Bilingual = z.object({ id: z.string(), en: z.string() });

export const PublicCooperationSchema = z
  .object({
    id: z.uuid(),
    ocid: z.string(),
    code: z.string(),
    title: z.string(),
    kind: z.enum(KINDS),
    ksddCategory: z.string().nullable(),
    state: z.enum(STATES),
    objectCategory: z.string(),
    objek: z.string(),
    urusan: z.array(Ref),
    strategicIssues: z.array(Ref),
    parties: z.array(
      z.object({ name: z.string(), type: z.string(), regionCode: z.string().nullable(), regionName: z.string().nullable(), isInitiator: z.boolean(), leadOpd: z.string().nullable() }),
    ),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    signedAt: z.string().nullable(),
    inactive: z.boolean(),
    ruangLingkup: z.array(z.string()).optional(),
    funding: z.array(z.object({ source: z.string(), year: z.number().int(), amount: z.string(), budgeted: z.boolean() })).optional(),
    locations: z.array(Ref).optional(),
    indicators: z
      .array(
        z.object({
          name: z.string(),
          unit: z.string(),
          baseline: z.number(),
          target: z.number(),
          latest: z.object({ period: z.string(), actual: z.number(), target: z.number(), achievement: z.number() }).nullable(),
        }),
      )
      .optional(),
    updates: z.array(z.object({ date: z.string(), title: z.string(), summary: z.string(), progress: z.number().nullable() })).optional(),
    progress: z.number().optional(),
    documents: z.array(
      z.object({ id: z.uuid(), type: z.string(), title: z.string(), version: z.number().int(), signedAt: z.string().nullable(), mediaType: z.string(), size: z.number().int(), downloadPath: z.string() }),
    ),
  })
  .openapi('PublicCooperation', { description: 'A published cooperation as its newest release holds it; parts kept internal are absent. Never a person.' });

export const PublicReleaseSchema = z
  .object({
    id: z.uuid(),
    ocid: z.string(),
    sequence: z.number().int(),
    date: z.string(),
    tag: z.enum(['publication', 'update', 'withdrawal']),
    cooperation: PublicCooperationSchema.nullable(),
  })
  .openapi('PublicRelease');

export const ReleasePackageSchema = z
  .object({ uri: z.string(), publishedDate: z.string().nullable(), publisher: z.object({ name: z.string() }), license: z.string(), releases: z.array(PublicReleaseSchema) })
  .openapi('PublicReleasePackage', { description: 'All releases of a cooperation in order (OCDS-like release package); withdrawals have no cooperation' });

const SummarySchema = z.object({
  id: z.uuid(),
  ocid: z.string(),
  code: z.string(),
  title: z.string(),
  kind: z.enum(KINDS),
  state: z.enum(STATES),
  urusanCodes: z.array(z.string()),
  regionCodes: z.array(z.string()),
  partyNames: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  inactive: z.boolean(),
  releasedAt: z.string(),
  snippet: z.string().nullable().openapi({ description: 'Search hit with <mark>…</mark> around matches (other text HTML-escaped)' }),
});

export const ReleaseFeedSchema = z.object({ items: z.array(PublicReleaseSchema), nextCursor: z.string().nullable() }).openapi('PublicReleaseFeed');

export const PublicListSchema = z.object({ items: z.array(SummarySchema), nextCursor: z.string().nullable() }).openapi('PublicCooperationList');
export const BulkSchema = z.object({ count: z.number().int(), items: z.array(PublicCooperationSchema) }).openapi('PublicCooperationBulk');
export const DatasetJsonSchema = z
  .object({ dataset: z.enum(DATASET_NAMES), count: z.number().int(), items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))) })
  .openapi('PublicDataset');

export const PublicStatsSchema = z
  .object({ total: z.number().int(), inactive: z.number().int(), byKind: z.array(Count), byState: z.array(Count), byUrusan: z.array(Count), byProvince: z.array(Count), lastReleasedAt: z.string().nullable() })
  .openapi('PublicStats');

export const PublicRegionSchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    total: z.number().int(),
    inactive: z.number().int(),
    byKind: z.array(Count),
    byUrusan: z.array(Count),
    partners: z.array(Count),
    cooperations: z.array(SummarySchema),
  })
  .openapi('PublicRegionSummary');

export const MetadataSchema = z
  .object({
    title: Bilingual,
    description: Bilingual,
    producer: z.string(),
    walidata: Bilingual,
    period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    updateFrequency: Bilingual.extend({ code: z.string() }),
    lastModified: z.string().nullable(),
    releases: z.number().int(),
    licence: z.object({ id: z.string(), url: z.string() }),
    referenceCodes: z.object({ regions: z.object({ name: z.string(), decree: z.string() }), urusan: z.object({ name: z.string(), codes: z.array(Ref) }) }),
    datasets: z.array(
      z.object({
        name: z.string(),
        title: Bilingual,
        description: Bilingual,
        variables: z.array(z.object({ name: z.string(), type: z.string(), definition: Bilingual })),
        distributions: z.array(z.object({ format: z.enum(['CSV', 'JSON']), mediaType: z.string(), url: z.string() })),
      }),
    ),
    api: z.array(z.object({ name: z.string(), url: z.string(), description: Bilingual })),
  })
  .openapi('OpenDataMetadata', { description: 'Satu Data Indonesia metadata of the open data' });

export const IdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const DocumentParamSchema = IdParamSchema.extend({ documentId: z.uuid().openapi({ param: { name: 'documentId', in: 'path' } }) });
export const RegionParamSchema = z.strictObject({ code: z.string().regex(/^\d{2}(\.\d{2}){0,3}$/).openapi({ param: { name: 'code', in: 'path' } }) });
export const DatasetParamSchema = z.strictObject({
  file: z
    .string()
    .regex(new RegExp(`^(${DATASET_NAMES.join('|')})\\.(csv|json)$`))
    .openapi({ param: { name: 'file', in: 'path' }, example: 'parties.csv' }),
});
export const FiltersSchema = PublicQuerySchema.omit({ cursor: true, limit: true });
