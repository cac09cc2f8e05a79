import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { AppEnv } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { attachmentHeaders, formatMegabytes } from './files.models.js';
import * as s from './files.schemas.js';
import * as uc from './files.usecases.js';

export type FilesDeps = { db: Db; clock: Clock; files: FileStore; maxUploadBytes: number };

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/**
 * Counts the body while it streams in and stops reading once it passes the limit, so an
 * oversized upload is refused without ever being held in memory; the use case then checks the
 * file part itself against the exact limit.
 */
const uploadLimit = (maxUploadBytes: number) =>
  bodyLimit({
    maxSize: maxUploadBytes + MULTIPART_ENVELOPE_BYTES,
    onError: () => {
      throw commonErrors.tooLarge({ limit: formatMegabytes(maxUploadBytes) });
    },
  });

const uploadRoute = (maxUploadBytes: number) =>
  defineRoute({
    method: 'post',
    path: '/api/files',
    tags: ['Files'],
    summary: 'Upload a document (PDF, DOCX, XLSX, JPEG, PNG or CSV) for your organisation',
    description: `The type is decided from the content; the file name's extension must agree. Limit: ${formatMegabytes(maxUploadBytes)}.`,
    policy: { kind: 'permission', permission: 'files.upload' },
    middleware: [uploadLimit(maxUploadBytes)] as const,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: s.FileUploadFormSchema } } } },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: s.FileSchema } } },
      ...problemResponses(400, 401, 403, 413, 415, 422),
    },
  });

const getFileRoute = defineRoute({
  method: 'get',
  path: '/api/files/{id}',
  tags: ['Files'],
  summary: "A file's metadata",
  policy: { kind: 'permission', permission: 'files.read' },
  request: { params: s.FileIdParamSchema },
  responses: {
    200: { description: 'File metadata', content: { 'application/json': { schema: s.FileSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const downloadRoute = defineRoute({
  method: 'get',
  path: '/api/files/{id}/content',
  tags: ['Files'],
  summary: "Download a file's content (always as an attachment)",
  policy: { kind: 'permission', permission: 'files.read' },
  request: { params: s.FileIdParamSchema },
  responses: {
    200: { description: 'The bytes, with the stored media type', content: { 'application/octet-stream': { schema: s.FileContentSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const registerFileRoutes = (app: OpenAPIHono<AppEnv>, deps: FilesDeps) => {
  app.openapi(uploadRoute(deps.maxUploadBytes), async (c) => {
    const { file } = c.req.valid('form');
    const created = await uc.uploadFile({
      db: deps.db,
      clock: deps.clock,
      files: deps.files,
      maxUploadBytes: deps.maxUploadBytes,
      audit: auditContextOf(c),
      actor: c.get('actor')!,
      input: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });

    return c.json(s.presentFile(created), 201);
  });

  app.openapi(getFileRoute, async (c) => {
    const file = await uc.getFile({ db: deps.db, actor: c.get('actor')!, id: c.req.valid('param').id });

    return c.json(s.presentFile(file), 200);
  });

  app.openapi(downloadRoute, async (c) => {
    const { file, content } = await uc.openFileContent({ db: deps.db, actor: c.get('actor')!, files: deps.files, id: c.req.valid('param').id });

    return c.body(content, 200, attachmentHeaders({ fileName: file.fileName, mediaType: file.mediaType, size: file.sizeBytes }));
  });
};
