import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { attachmentHeaders } from '../files/index.js';
import * as s from './reports.schemas.js';
import * as uc from './reports.usecases.js';

export type ReportDeps = { db: Db; clock: Clock; files: FileStore; publicUrl: string };

const tags = ['Periodic reports'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'cooperation.read' } as const;
const submit = { kind: 'permission', permission: 'report.submit' } as const;
const reviewPolicy = { kind: 'permission', permission: 'report.review' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);
const body = <T>(schema: T) => ({ required: true, content: json(schema) });

const action = (path: string, summary: string, policy: typeof submit | typeof reviewPolicy, schema: typeof s.ReportVersionSchema | typeof s.ReportReturnSchema) =>
  defineRoute({
    method: 'post',
    path: `/api/reports/{id}/${path}`,
    tags,
    summary,
    policy,
    request: { params: s.ReportIdParamSchema, body: body(schema) },
    responses: { 200: { description: 'The report', content: json(s.ReportSchema) }, ...writeProblems },
  });

const download = (format: 'xlsx' | 'pdf', mediaType: string) =>
  defineRoute({
    method: 'get',
    path: `/api/reports/{id}/${format}`,
    tags,
    summary: `Download the report as ${format.toUpperCase()} (an attachment)`,
    policy: read,
    request: { params: s.ReportIdParamSchema },
    responses: { 200: { description: 'The file', content: { [mediaType]: { schema: s.DownloadSchema } } }, ...problemResponses(400, 401, 403, 404) },
  });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const routes = {
  list: defineRoute({
    method: 'get',
    path: '/api/reports',
    tags,
    summary: 'The periodic reports the user may see, each with its status',
    policy: read,
    request: { query: s.ReportListQuerySchema },
    responses: { 200: { description: 'Reports', content: json(s.ReportListSchema) }, ...problemResponses(400, 401, 403) },
  }),
  compliance: defineRoute({
    method: 'get',
    path: '/api/reports/compliance',
    tags,
    summary: 'Who has and has not reported for a period (GWPP: its province; Kemendagri: every pemda)',
    policy: reviewPolicy,
    request: { query: s.ComplianceQuerySchema },
    responses: { 200: { description: 'Compliance', content: json(s.ComplianceSchema) }, ...problemResponses(400, 401, 403) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/reports',
    tags,
    summary: 'Generate the report of a period that has ended (figures, XLSX and PDF)',
    policy: submit,
    request: { body: body(s.ReportCreateSchema) },
    responses: { 201: { description: 'Generated', content: json(s.ReportDetailSchema) }, ...writeProblems },
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/reports/{id}',
    tags,
    summary: 'A report with its figures snapshot',
    policy: read,
    request: { params: s.ReportIdParamSchema },
    responses: { 200: { description: 'The report', content: json(s.ReportDetailSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  regenerate: defineRoute({
    method: 'post',
    path: '/api/reports/{id}/regenerate',
    tags,
    summary: 'Recompute a draft or returned report; an accepted report is locked (409)',
    policy: submit,
    request: { params: s.ReportIdParamSchema, body: body(s.ReportVersionSchema) },
    responses: { 200: { description: 'Regenerated', content: json(s.ReportDetailSchema) }, ...writeProblems },
  }),
  submit: action('submit', 'Submit the report to the oversight organisation', submit, s.ReportVersionSchema),
  accept: action('accept', 'Accept a submitted report (it becomes a locked snapshot)', reviewPolicy, s.ReportVersionSchema),
  return: action('return', 'Return a submitted report with a comment', reviewPolicy, s.ReportReturnSchema),
  xlsx: download('xlsx', XLSX),
  pdf: download('pdf', 'application/pdf'),
};

/** Registers the periodic report routes under /api/reports. */
export const registerReportRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, files, publicUrl }: ReportDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, files, publicUrl, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.list, async (c) => c.json(await uc.listReports({ db, actor: c.get('actor')!, filter: c.req.valid('query') }), 200));
  app.openapi(routes.compliance, async (c) => {
    const q = c.req.valid('query');

    return c.json(await uc.reportCompliance({ db, actor: c.get('actor')!, year: q.year, period: q.period }), 200);
  });
  app.openapi(routes.create, async (c) => c.json(await uc.generateReport({ ...deps(c), input: c.req.valid('json') }), 201));
  app.openapi(routes.get, async (c) => c.json(await uc.getReport({ db, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));
  app.openapi(routes.regenerate, async (c) =>
    c.json(await uc.regenerateReport({ ...deps(c), id: c.req.valid('param').id, expectedVersion: c.req.valid('json').expectedVersion }), 200),
  );
  app.openapi(routes.submit, async (c) => c.json(await uc.submitReport({ ...deps(c), id: c.req.valid('param').id, expectedVersion: c.req.valid('json').expectedVersion }), 200));
  app.openapi(routes.accept, async (c) => c.json(await uc.acceptReport({ ...deps(c), id: c.req.valid('param').id, expectedVersion: c.req.valid('json').expectedVersion }), 200));
  app.openapi(routes.return, async (c) => {
    const b = c.req.valid('json') as { expectedVersion: number; comment: string };

    return c.json(await uc.returnReport({ ...deps(c), id: c.req.valid('param').id, expectedVersion: b.expectedVersion, comment: b.comment }), 200);
  });
  for (const format of ['xlsx', 'pdf'] as const)
    app.openapi(routes[format], async (c) => {
      const { file, content } = await uc.downloadReport({ db, actor: c.get('actor')!, files, id: c.req.valid('param').id, format });

      return c.body(content, 200, attachmentHeaders({ fileName: file.fileName, mediaType: file.mediaType, size: file.sizeBytes })) as never;
    });
};
