import { z } from '@hono/zod-openapi';
import { OPTIONAL_PUBLIC_FIELDS } from '../../../contracts/portal.js';
import { RELEASE_TAGS } from './portal.tables.js';

/** The back office's view of a cooperation's publication (the "Publikasi" panel). */
export const PublicationViewSchema = z
  .object({
    cooperationId: z.uuid(),
    status: z.enum(['UNPUBLISHED', 'PUBLISHED', 'WITHDRAWN']),
    visibility: z.object(Object.fromEntries(OPTIONAL_PUBLIC_FIELDS.map((k) => [k, z.boolean()])) as Record<(typeof OPTIONAL_PUBLIC_FIELDS)[number], z.ZodBoolean>),
    publicDocumentIds: z.array(z.uuid()),
    firstPublishedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    rowVersion: z.number().int().openapi({ description: '0 before the first publication' }),
    publishable: z.boolean().openapi({ description: 'A signed agreement exists (ADR 0028)' }),
    canPublish: z.boolean().openapi({ description: 'The reader is the owning pemda’s secretariat' }),
    documents: z.array(
      z.object({
        id: z.uuid(),
        type: z.string(),
        title: z.string(),
        version: z.number().int(),
        status: z.string(),
        signedAt: z.string().nullable(),
        mediaType: z.string(),
        size: z.number().int(),
        public: z.boolean(),
      }),
    ),
    latestRelease: z.object({ sequence: z.number().int(), tag: z.enum(RELEASE_TAGS), date: z.string() }).nullable(),
    publicPath: z.string(),
  })
  .openapi('PublicationView');
export type PublicationView = z.infer<typeof PublicationViewSchema>;

const ReleaseListItemSchema = z.object({ id: z.uuid(), ocid: z.string(), sequence: z.number().int(), tag: z.enum(RELEASE_TAGS), date: z.string(), snapshotHash: z.string() });
export type ReleaseListItem = z.infer<typeof ReleaseListItemSchema>;
export const ReleaseListSchema = z.object({ items: z.array(ReleaseListItemSchema) }).openapi('PublicationReleaseList');
