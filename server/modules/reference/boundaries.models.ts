import polylabel from 'polylabel';
import { z } from 'zod';

/**
 * Region boundaries as a deployment provides them (GEO_DATA_DIR): GeoJSON feature collections
 * whose features carry only {code, name} with Kemendagri codes. Pure: parsing, validation and the
 * interior point each region's map marker and network node sit on.
 */
export type BoundaryLevel = 'PROVINSI' | 'KABKOTA';

type Position = [number, number];
type Ring = Position[];
type PolygonRings = Ring[];

export type RegionGeometry = { type: 'Polygon'; coordinates: PolygonRings } | { type: 'MultiPolygon'; coordinates: PolygonRings[] };

export type RegionFeature = { code: string; name: string; geometry: RegionGeometry };

export type Centroid = { code: string; name: string; lon: number; lat: number };

const CODE_PATTERN: Record<BoundaryLevel, RegExp> = { PROVINSI: /^\d{2}$/, KABKOTA: /^\d{2}\.\d{2}$/ };

const PositionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
// A closed ring needs at least four positions (RFC 7946 §3.1.6).
const RingSchema = z.array(PositionSchema).min(4);
const GeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(RingSchema).min(1)).min(1) }),
]);
const FeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), name: z.string().min(1) }),
  geometry: GeometrySchema,
});
const CollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(FeatureSchema).min(1) });

/**
 * Checks one layer and returns its features; a wrong shape, a code of the wrong level or a code
 * used twice is refused with a message naming the layer (a deployment error, seen at first use).
 */
export const parseBoundaryLayer = (json: unknown, level: BoundaryLevel, label: string): RegionFeature[] => {
  const parsed = CollectionSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${label}: not a GeoJSON FeatureCollection of polygons with {code, name} (${issue?.path.join('.')}: ${issue?.message})`);
  }
  const seen = new Set<string>();

  return parsed.data.features.map((f) => {
    const { code, name } = f.properties;
    if (!CODE_PATTERN[level].test(code)) throw new Error(`${label}: code "${code}" is not a ${level === 'PROVINSI' ? 'province ("NN")' : 'kab/kota ("NN.NN")'} code`);
    if (seen.has(code)) throw new Error(`${label}: code "${code}" appears twice`);
    seen.add(code);

    return { code, name, geometry: f.geometry as RegionGeometry };
  });
};

const ringArea = (ring: Ring) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);

  return Math.abs(sum) / 2;
};

/** Planar area in square degrees: enough to tell a region's mainland from its islets. */
const polygonArea = (rings: PolygonRings) => rings.reduce((sum, ring, i) => sum + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);

const polygonsOf = (geometry: RegionGeometry): PolygonRings[] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Even–odd ray casting over every ring, so a point in a hole is outside. */
export const pointInPolygon = ([x, y]: Position, rings: PolygonRings) => {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }

  return inside;
};

export const pointInGeometry = (point: Position, geometry: RegionGeometry) => polygonsOf(geometry).some((rings) => pointInPolygon(point, rings));

export const largestPolygon = (geometry: RegionGeometry): PolygonRings =>
  polygonsOf(geometry).reduce((best, rings) => (polygonArea(rings) > polygonArea(best) ? rings : best));

// Five decimals (about 1 m) is finer than the data's own 4-decimal precision.
const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * A point inside the region, where its label, marker and network node go: the pole of
 * inaccessibility (polylabel) of its largest polygon. Unlike the arithmetic centroid it cannot fall
 * outside a concave or crescent-shaped region, or in the sea between islands. The search precision
 * is relative to the polygon's size so that small kota get as careful a point as large provinces.
 */
export const interiorPoint = (geometry: RegionGeometry): Position => {
  const rings = largestPolygon(geometry);
  const xs = rings[0]!.map((p) => p[0]);
  const ys = rings[0]!.map((p) => p[1]);
  const size = Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  for (const precision of [size / 100, size / 1000]) {
    const [lon, lat] = polylabel(rings, precision);
    const point: Position = [round5(lon), round5(lat)];
    if (pointInPolygon(point, rings)) return point;
  }
  throw new Error('no interior point found (degenerate polygon)');
};

export const centroidsOf = (features: readonly RegionFeature[]): Centroid[] =>
  features.map((f) => {
    try {
      const [lon, lat] = interiorPoint(f.geometry);

      return { code: f.code, name: f.name, lon, lat };
    } catch (err) {
      throw new Error(`region ${f.code}: ${(err as Error).message}`);
    }
  });
