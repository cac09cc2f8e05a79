import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { attachmentHeaders } from '../files/index.js';
import * as s from './documents.schemas.js';
import * as uc from './documents.usecases.js';
import { downloadDocument, generateDraft } from './drafts.usecases.js';
import { createTemplate, listTemplates } from './templates.usecases.js';

export type DocumentDeps = { db: Db; clock: Clock; files: FileStore };

const tags = ['Cooperation documents'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/documents',
  tags,
  summary: 'The documents of a cooperation the caller may see, every version, with numbers, signing details and clause checklist',
  policy: { kind: 'permission', permission: 'files.read' },
  request: { params: s.CooperationIdParamSchema },
  responses: { 200: { description: 'Documents', content: json(s.DocumentListSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const attachRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/{id}/documents',
  tags,
  summary: 'Add a document version: attach a file your organisation uploaded, or save a structured draft',
  policy: { kind: 'permission', permission: 'files.upload' },
  request: { params: s.CooperationIdParamSchema, body: { required: true, content: json(s.DocumentCreateSchema) } },
  responses: { 201: { description: 'Added', content: json(s.DocumentSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
});

const numberRoute = defineRoute({
  method: 'put',
  path: '/api/cooperations/{id}/documents/{documentId}/numbers',
  tags,
  summary: "Record your party's own register number for a document",
  policy: { kind: 'permission', permission: 'files.upload' },
  request: { params: s.DocumentParamSchema, body: { required: true, content: json(s.DocumentNumberSchema) } },
  responses: { 200: { description: 'Recorded', content: json(s.DocumentSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const draftRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/{id}/drafts',
  tags,
  summary: "Generate a draft from your pemda's template (else the national one), filled with the cooperation's data",
  policy: { kind: 'permission', permission: 'files.upload' },
  request: { params: s.CooperationIdParamSchema, body: { required: true, content: json(s.DraftCreateSchema) } },
  responses: { 201: { description: 'Generated', content: json(s.DocumentSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
});

const downloadRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/documents/{documentId}/download',
  tags,
  summary: 'Download a document: a draft as DOCX or PDF, an uploaded file as stored',
  policy: { kind: 'permission', permission: 'files.read' },
  request: { params: s.DocumentParamSchema, query: s.DownloadQuerySchema },
  responses: {
    200: { description: 'The document, as an attachment', content: { 'application/octet-stream': { schema: s.DownloadSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const checklistRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/documents/{documentId}/checklist',
  tags,
  summary: "The clauses the rule pack requires for the document's type, each present or missing",
  policy: { kind: 'permission', permission: 'files.read' },
  request: { params: s.DocumentParamSchema },
  responses: { 200: { description: 'Checklist', content: json(s.ChecklistSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const compareRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/documents/compare',
  tags,
  summary: 'Word-level differences between two document versions',
  policy: { kind: 'permission', permission: 'files.read' },
  request: { params: s.CooperationIdParamSchema, query: s.CompareQuerySchema },
  responses: { 200: { description: 'Differences', content: json(s.CompareSchema) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const listTemplatesRoute = defineRoute({
  method: 'get',
  path: '/api/document-templates',
  tags,
  summary: "The latest national document templates and your pemda's own",
  policy: { kind: 'permission', permission: 'files.read' },
  request: { query: s.TemplateQuerySchema },
  responses: { 200: { description: 'Templates', content: json(s.TemplateListSchema) }, ...problemResponses(400, 401, 403) },
});

const createTemplateRoute = defineRoute({
  method: 'post',
  path: '/api/document-templates',
  tags,
  summary: 'Publish a new version of a template for your pemda (or, platform administrators, a national one)',
  policy: { kind: 'permission', permission: 'files.upload' },
  request: { body: { required: true, content: json(s.TemplateCreateSchema) } },
  responses: { 201: { description: 'Published', content: json(s.TemplateSchema) }, ...problemResponses(400, 401, 403, 422) },
});

/** Registers the document routes; deps: the database, the clock and the file store uploads live in. */
export const registerDocumentRoutes = (app: OpenAPIHono<AppEnv>, deps: DocumentDeps) => {
  const { db, clock } = deps;

  app.openapi(listRoute, async (c) => {
    const items = await uc.listDocuments({ db, clock, actor: c.get('actor')!, cooperationId: c.req.valid('param').id });

    return c.json({ items }, 200);
  });

  app.openapi(attachRoute, async (c) => {
    const doc = await uc.attachDocument({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, cooperationId: c.req.valid('param').id, input: c.req.valid('json') });

    return c.json(doc, 201);
  });

  app.openapi(numberRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const doc = await uc.setDocumentNumber({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, cooperationId: id, documentId, number: c.req.valid('json').number });

    return c.json(doc, 200);
  });

  app.openapi(draftRoute, async (c) => {
    const doc = await generateDraft({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, cooperationId: c.req.valid('param').id, input: c.req.valid('json') });

    return c.json(doc, 201);
  });

  app.openapi(downloadRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const out = await downloadDocument({ db, actor: c.get('actor')!, files: deps.files, cooperationId: id, documentId, format: c.req.valid('query').format });

    return c.body(out.content, 200, attachmentHeaders(out));
  });

  app.openapi(checklistRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');

    return c.json(await uc.documentChecklist({ db, clock, actor: c.get('actor')!, cooperationId: id, documentId }), 200);
  });

  app.openapi(compareRoute, async (c) => {
    const { from, to } = c.req.valid('query');

    return c.json(await uc.compareDocuments({ db, actor: c.get('actor')!, cooperationId: c.req.valid('param').id, fromId: from, toId: to }), 200);
  });

  app.openapi(listTemplatesRoute, async (c) => {
    const items = await listTemplates({ db, actor: c.get('actor')!, type: c.req.valid('query').type });

    return c.json({ items }, 200);
  });

  app.openapi(createTemplateRoute, async (c) => {
    const created = await createTemplate({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, input: c.req.valid('json') });

    return c.json(created, 201);
  });
};
