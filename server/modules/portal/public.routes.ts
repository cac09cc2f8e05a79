import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute, type Policy } from '../../platform/http/route.js';
import { attachmentHeaders } from '../files/index.js';
import type { DatasetName } from './datasets.models.js';
import { dcatCatalog, openDataMetadata, type OpenDataSettings } from './metadata.usecases.js';
import { bulkCooperations, datasetCsv, datasetJson } from './opendata.usecases.js';
import { regionSummary, stats } from './figures.usecases.js';
import { openPublicDocument } from './documents.usecases.js';
import { getPublished, listPublished, listReleases, publicFreshness, releaseFeed } from './public.usecases.js';
import { portalErrors } from './portal.errors.js';
import { PublicQuerySchema, ReleaseFeedQuerySchema } from './portal.schemas.js';
import * as s from './public.schemas.js';
import { notModified, PUBLIC_CACHE, publicCors } from './public.http.js';

export type PortalPublicDeps = { db: Db; files: FileStore; openData: OpenDataSettings };

const tags = ['Open data'];
const policy: Policy = { kind: 'public', reason: 'Open data: only what a secretariat published, as its releases hold it (ADR 0028)' };
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const csv = { 'text/csv': { schema: z.string() } };
const problems = problemResponses(400, 404);
const base = '/api/public/cooperations';

const get = <R extends Record<string, unknown>>(path: string, summary: string, request: R, responses: Record<number, unknown>) =>
  defineRoute({ method: 'get', path, tags, summary, policy, request, responses: { ...responses, 304: { description: 'Not modified' }, ...problems } as RouteConfig['responses'] });

const routes = {
  list: get(base, 'Published cooperations: search, filters, cursor pages; `since` makes it a change feed (oldest release first)', { query: PublicQuerySchema }, {
    200: { description: 'A page', content: json(s.PublicListSchema) },
  }),
  csv: get(`${base}.csv`, 'Every published cooperation matching the filters, one row each (CSV, UTF-8)', { query: s.FiltersSchema }, { 200: { description: 'CSV', content: csv } }),
  bulk: get(`${base}.json`, 'Every published cooperation matching the filters, as full snapshots', { query: s.FiltersSchema }, { 200: { description: 'Bulk JSON', content: json(s.BulkSchema) } }),
  one: get(`${base}/{id}`, 'A published cooperation (its newest release); 404 when not public', { params: s.IdParamSchema }, { 200: { description: 'The cooperation', content: json(s.PublicCooperationSchema) } }),
  releases: get(`${base}/{id}/releases`, 'The release package: every release of the cooperation in order, withdrawals included', { params: s.IdParamSchema }, {
    200: { description: 'Release package', content: json(s.ReleasePackageSchema) },
  }),
  document: get(`${base}/{id}/documents/{documentId}`, 'Download a document version the newest release lists as public', { params: s.DocumentParamSchema }, {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  }),
  feed: get('/api/public/releases', 'The release feed: every release after `since`, oldest first, withdrawals included (for harvesters)', { query: ReleaseFeedQuerySchema }, {
    200: { description: 'Releases', content: json(s.ReleaseFeedSchema) },
  }),
  dataset: get('/api/public/datasets/{file}', 'A bulk dataset (cooperations, parties, documents, indicators, updates) as CSV or JSON, with the list filters', { params: s.DatasetParamSchema, query: s.FiltersSchema }, {
    200: { description: 'The dataset', content: { ...csv, ...json(s.DatasetJsonSchema) } },
  }),
  metadata: get('/api/public/metadata', 'Satu Data Indonesia metadata: producer, period, frequency, variables with definitions, licence, reference codes, distributions', {}, {
    200: { description: 'Metadata', content: json(s.MetadataSchema) },
  }),
  dcat: get('/api/public/metadata.jsonld', 'The metadata as a DCAT catalogue (JSON-LD)', {}, { 200: { description: 'DCAT JSON-LD', content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } } } }),
  stats: get('/api/public/stats', 'Figures of what is public: totals, kinds, states, urusan, provinces', {}, { 200: { description: 'Figures', content: json(s.PublicStatsSchema) } }),
  region: get('/api/public/regions/{code}', 'What a region (and the regions below it) cooperates on and with whom', { params: s.RegionParamSchema }, {
    200: { description: 'The region', content: json(s.PublicRegionSchema) },
  }),
};

/** Registers the open-data API under /api/public (GET only, CORS *, cacheable, ETag/Last-Modified). */
export const registerPortalPublicRoutes = (app: OpenAPIHono<AppEnv>, { db, files, openData }: PortalPublicDeps) => {
  app.use('/api/public/*', publicCors);
  const fresh = async (c: Parameters<typeof notModified>[0]) => notModified(c, await publicFreshness(db));

  app.openapi(routes.list, async (c) => (await fresh(c)) ?? c.json(await listPublished(db, c.req.valid('query')), 200));
  app.openapi(routes.csv, async (c) => {
    const hit = await fresh(c);
    if (hit) return hit;
    const bytes = await datasetCsv(db, 'cooperations', c.req.valid('query'));

    return c.body(bytes, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="kerja-sama.csv"' }) as never;
  });
  app.openapi(routes.bulk, async (c) => (await fresh(c)) ?? c.json(await bulkCooperations(db, c.req.valid('query')), 200));
  app.openapi(routes.one, async (c) => {
    const hit = await fresh(c);
    if (hit) return hit;
    const snapshot = await getPublished(db, c.req.valid('param').id);
    if (!snapshot) throw portalErrors.notFound();

    return c.json(snapshot, 200);
  });
  app.openapi(routes.releases, async (c) => {
    const hit = await fresh(c);
    if (hit) return hit;
    const { id } = c.req.valid('param');
    const releases = await listReleases(db, id);
    if (releases.length === 0) throw portalErrors.notFound();

    return c.json({ uri: `${openData.publicUrl}${base}/${id}/releases`, publishedDate: releases.at(-1)?.date ?? null, publisher: { name: openData.publisher }, license: openData.licence.url, releases }, 200);
  });
  app.openapi(routes.document, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const out = await openPublicDocument({ db, files, cooperationId: id, documentId });

    return c.body(out.content, 200, { ...attachmentHeaders(out), 'cache-control': PUBLIC_CACHE }) as never;
  });
  app.openapi(routes.feed, async (c) => (await fresh(c)) ?? c.json(await releaseFeed(db, c.req.valid('query')), 200));
  app.openapi(routes.dataset, async (c) => {
    const hit = await fresh(c);
    if (hit) return hit;
    const [name, format] = c.req.valid('param').file.split('.') as [DatasetName, 'csv' | 'json'];
    if (format === 'json') return c.json(await datasetJson(db, name, c.req.valid('query')), 200);
    const bytes = await datasetCsv(db, name, c.req.valid('query'));

    return c.body(bytes, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` }) as never;
  });
  app.openapi(routes.metadata, async (c) => (await fresh(c)) ?? c.json(await openDataMetadata(db, openData), 200));
  app.openapi(routes.dcat, async (c) => {
    const hit = await fresh(c);
    if (hit) return hit;

    return c.body(JSON.stringify(dcatCatalog(await openDataMetadata(db, openData), openData.publicUrl)), 200, { 'content-type': 'application/ld+json; charset=utf-8' }) as never;
  });
  app.openapi(routes.stats, async (c) => (await fresh(c)) ?? c.json(await stats(db), 200));
  app.openapi(routes.region, async (c) => (await fresh(c)) ?? c.json(await regionSummary(db, c.req.valid('param').code), 200));
};
