import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './import.schemas.js';
import { previewImport, runImport } from './import.usecases.js';

export type ImportDeps = { db: Db; clock: Clock; files: FileStore };

const tags = ['Cooperations'];
const write = { kind: 'permission', permission: 'cooperation.write' } as const;
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const previewRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/import/preview',
  tags,
  summary: 'Read an uploaded register (XLSX or CSV): detected columns, suggested mapping, every row parsed with its errors and partner match',
  description: 'Only the KSD secretariat administrator or TKKSD secretary of the pemda imports its register. Nothing is saved.',
  policy: write,
  request: { body: { required: true, content: json(s.ImportPreviewInputSchema) } },
  responses: { 200: { description: 'Preview', content: json(s.ImportPreviewSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
});

const runRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/import',
  tags,
  summary: 'Import the register in one transaction (all rows or none); dryRun does everything and rolls back',
  description: 'Refused with 422 import.rows_invalid (listing each row\'s errors) while any row has an error or an unconfirmed partner.',
  policy: write,
  request: { body: { required: true, content: json(s.ImportRunInputSchema) } },
  responses: { 200: { description: 'Imported (or dry run)', content: json(s.ImportResultSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
});

export const registerImportRoutes = (app: OpenAPIHono<AppEnv>, deps: ImportDeps) => {
  const { db, clock, files } = deps;

  app.openapi(previewRoute, async (c) =>
    c.json(await previewImport({ db, clock, files, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), input: c.req.valid('json') }), 200),
  );

  app.openapi(runRoute, async (c) =>
    c.json(await runImport({ db, clock, files, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), input: c.req.valid('json') }), 200),
  );
};
