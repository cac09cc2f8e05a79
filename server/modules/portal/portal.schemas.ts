import { z } from '@hono/zod-openapi';
import { KINDS } from '../../../contracts/cooperations.js';
import { OPTIONAL_PUBLIC_FIELDS } from '../../../contracts/portal.js';

/** Filters of the public list, the CSV/JSON bulk downloads and the change feed (stable contract, issue 6). */
export const PublicQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().openapi({ description: 'Full-text search (Indonesian stemming) over title, objek, public ruang lingkup and party names' }),
  kind: z.enum(KINDS).optional(),
  urusan: z.string().trim().max(20).optional().openapi({ description: 'Urusan code' }),
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2}){0,3}$/)
    .optional()
    .openapi({ description: "Kemendagri region code of a party or a location; a province code also matches its kabupaten/kota" }),
  since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Change feed: cooperations released after this instant, oldest release first' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PublicQuery = z.input<typeof PublicQuerySchema>;

const visibilityShape = Object.fromEntries(OPTIONAL_PUBLIC_FIELDS.map((k) => [k, z.boolean().optional()])) as Record<(typeof OPTIONAL_PUBLIC_FIELDS)[number], z.ZodOptional<z.ZodBoolean>>;

export const PublicationBodySchema = z
  .strictObject({
    visibility: z.strictObject(visibilityShape).optional().openapi({ description: 'true = public; omitted keys keep their current value (defaults: all public except funding)' }),
    publicDocumentIds: z.array(z.uuid()).max(200).optional().openapi({ description: 'Document versions to publish; omitted keeps the current choice (none at first)' }),
    rowVersion: z.number().int().min(1).optional().openapi({ description: 'The version read, to refuse a change made meanwhile by someone else' }),
  })
  .openapi('PublicationChange');
export type PublicationBody = z.infer<typeof PublicationBodySchema>;

export const WithdrawBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) }).openapi('PublicationWithdraw');

export const ReleaseFeedQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Releases after this instant' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
