import { z } from '@hono/zod-openapi';

export const GeoLayerSchema = z
  .object({
    id: z.enum(['provinces', 'regencies']),
    level: z.enum(['PROVINSI', 'KABKOTA']),
    url: z.string(),
    features: z.number().int(),
  })
  .openapi('GeoLayer');

export const GeoInfoSchema = z
  .object({
    available: z.boolean(),
    attribution: z.string().nullable(),
    licence: z.string().nullable().openapi({ description: 'Licence text that accompanies the geometry, when the data set ships one' }),
    layers: z.array(GeoLayerSchema),
  })
  .openapi('GeoInfo');

export const CentroidSchema = z
  .object({ code: z.string(), name: z.string(), lon: z.number(), lat: z.number() })
  .openapi('RegionCentroid', { description: 'An interior point of the region (pole of inaccessibility of its largest polygon)' });

export const CentroidListSchema = z.array(CentroidSchema);

export const GeoJsonSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).openapi('RegionBoundaries');
