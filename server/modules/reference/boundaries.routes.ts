import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import * as s from './boundaries.schemas.js';
import type { BoundaryStore } from './boundaries.usecases.js';

const BOUNDARIES_ARE_PUBLIC = 'Generalised administrative boundaries and their interior points; no personal data';
const GEO_BASE = '/api/public/geo';
// The files change only when the deployment swaps its data set; the ETag makes a revalidation cheap.
const LONG_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';

const layerRoute = (id: 'provinces' | 'regencies', summary: string) =>
  defineRoute({
    method: 'get',
    path: `${GEO_BASE}/${id}.geojson`,
    tags: ['Portal'],
    summary,
    policy: { kind: 'public', reason: BOUNDARIES_ARE_PUBLIC },
    responses: {
      200: { description: 'GeoJSON FeatureCollection, features with properties {code, name}', content: { 'application/geo+json': { schema: s.GeoJsonSchema } } },
      304: { description: 'Not modified' },
      ...problemResponses(404),
    },
  });

const provincesRoute = layerRoute('provinces', 'Province boundaries (Kemendagri codes "NN")');
const regenciesRoute = layerRoute('regencies', 'Kabupaten/kota boundaries (Kemendagri codes "NN.NN")');

const centroidsRoute = defineRoute({
  method: 'get',
  path: `${GEO_BASE}/centroids`,
  tags: ['Portal'],
  summary: 'An interior point of every province and kabupaten/kota',
  policy: { kind: 'public', reason: BOUNDARIES_ARE_PUBLIC },
  responses: {
    200: { description: 'Points', content: { 'application/json': { schema: s.CentroidListSchema } } },
    304: { description: 'Not modified' },
    ...problemResponses(404),
  },
});

const infoRoute = defineRoute({
  method: 'get',
  path: GEO_BASE,
  tags: ['Portal'],
  summary: 'Whether boundaries are available, their layers, attribution and licence',
  policy: { kind: 'public', reason: BOUNDARIES_ARE_PUBLIC },
  responses: { 200: { description: 'Availability', content: { 'application/json': { schema: s.GeoInfoSchema } } } },
});

/** A body that only changes with its ETag: 304 when the client has it, else the bytes with the cache headers. */
const cached = (c: Context<AppEnv>, etag: string, contentType: string, body: () => string | Uint8Array) => {
  c.header('ETag', etag);
  c.header('Cache-Control', LONG_CACHE);
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);

  return c.body(body() as string, 200, { 'content-type': contentType });
};

export const registerBoundaryRoutes = (app: OpenAPIHono<AppEnv>, deps: { boundaries: BoundaryStore }) => {
  const { boundaries } = deps;
  for (const [route, id] of [[provincesRoute, 'provinces'], [regenciesRoute, 'regencies']] as const)
    app.openapi(route, async (c) => {
      const layer = (await boundaries.load()).layers.find((l) => l.id === id)!;

      // Served as read; the app's compress middleware gzips it (application/geo+json is compressible).
      return cached(c, layer.etag, 'application/geo+json', () => new Uint8Array(layer.body)) as never;
    });

  app.openapi(centroidsRoute, async (c) => {
    const loaded = await boundaries.load();

    return cached(c, loaded.centroidsEtag, 'application/json', () => JSON.stringify(loaded.centroids)) as never;
  });

  app.openapi(infoRoute, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    if (!boundaries.configured) return c.json({ available: false, attribution: null, licence: null, layers: [] }, 200);
    const loaded = await boundaries.load();

    return c.json(
      {
        available: true,
        attribution: boundaries.attribution,
        licence: loaded.licence,
        layers: loaded.layers.map((l) => ({ id: l.id, level: l.level, url: `${GEO_BASE}/${l.id}.geojson`, features: l.features })),
      },
      200,
    );
  });
};
