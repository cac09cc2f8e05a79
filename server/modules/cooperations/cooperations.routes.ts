import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { performAction } from './actions.usecases.js';
import * as s from './cooperations.schemas.js';
import * as uc from './cooperations.usecases.js';
import { exportCooperations, listCooperations } from './register.usecases.js';
import * as tl from './timeline.usecases.js';

export type CooperationDeps = { db: Db; clock: Clock; publicUrl: string };

const tags = ['Cooperations'];
const read = { kind: 'permission', permission: 'cooperation.read' } as const;
const write = { kind: 'permission', permission: 'cooperation.write' } as const;
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations',
  tags,
  summary: 'The register: the cooperations the caller may see, filtered, sorted, cursor-paginated, with search snippets',
  policy: read,
  request: { query: s.CooperationQuerySchema },
  responses: { 200: json(s.CooperationListSchema, 'A page of the register'), ...problemResponses(400, 401, 403) },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/export',
  tags,
  summary: 'The filtered register as XLSX or CSV',
  policy: read,
  request: { query: s.CooperationQuerySchema.omit({ cursor: true, limit: true, sort: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
  responses: {
    200: {
      description: 'Spreadsheet',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
        'text/csv': { schema: z.string() },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations',
  tags,
  summary: 'Propose a cooperation (USULAN), register an incoming offer (PENAWARAN_MASUK), or record one under another regime',
  policy: write,
  request: { body: { required: true, content: { 'application/json': { schema: s.CooperationCreateSchema } } } },
  responses: { 201: json(s.CooperationSchema, 'Created'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}',
  tags,
  summary: 'One cooperation with its parties, approvals, disputes and the actions the caller may take now',
  policy: read,
  request: { params: s.IdParamSchema },
  responses: { 200: json(s.CooperationSchema, 'Cooperation'), ...problemResponses(400, 401, 403, 404) },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/cooperations/{id}',
  tags,
  summary: 'Edit a cooperation before signing (optimistic concurrency with expectedVersion)',
  policy: write,
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: s.CooperationUpdateSchema } } } },
  responses: { 200: json(s.CooperationSchema, 'Updated'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const actionRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/{id}/actions/{action}',
  tags,
  summary: 'Perform a transition of the state machine; a refusal is 409 naming the guard that failed',
  policy: write,
  request: { params: s.ActionParamSchema, body: { required: true, content: { 'application/json': { schema: s.ActionBodySchema } } } },
  responses: { 200: json(s.ActionResultSchema, 'Done'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const TimelineSchema = z
  .object({
    items: z.array(
      z.object({
        type: z.enum(['event', 'comment']),
        id: z.uuid(),
        at: z.string(),
        kind: z.string().optional(),
        action: z.string().nullable().optional(),
        fromState: z.string().nullable().optional(),
        toState: z.string().nullable().optional(),
        reason: z.string().nullable().optional(),
        data: z.record(z.string(), z.unknown()).optional(),
        actorName: z.string().optional(),
        authorName: z.string().optional(),
        authorUserId: z.uuid().optional(),
        body: z.string().optional(),
        mentionUserIds: z.array(z.uuid()).optional(),
        private: z.boolean(),
      }),
    ),
  })
  .openapi('CooperationTimeline');

const timelineRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/timeline',
  tags,
  summary: 'Every event and comment of the cooperation the caller may see, oldest first',
  policy: read,
  request: { params: s.IdParamSchema },
  responses: { 200: json(TimelineSchema, 'Timeline'), ...problemResponses(400, 401, 403, 404) },
});

const CommentInputSchema = z
  .strictObject({
    body: z.string().trim().min(1).max(8000),
    mentionUserIds: z.array(z.uuid()).max(20).default([]),
    private: z.boolean().default(false).openapi({ description: "Only the author's own pemda (or partner organisation) sees it" }),
  })
  .openapi('CommentInput');
const CommentSchema = z.object({ id: z.uuid(), createdAt: z.string(), mentionUserIds: z.array(z.uuid()), private: z.boolean() }).openapi('Comment');

const commentRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/{id}/comments',
  tags,
  summary: 'Comment; @mentioned participants are notified in-app and by e-mail',
  policy: write,
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: CommentInputSchema } } } },
  responses: { 201: json(CommentSchema, 'Comment'), ...problemResponses(400, 401, 403, 404, 422) },
});

const ParticipantsSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), orgName: z.string() })) }).openapi('CooperationParticipants');

const participantsRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/participants',
  tags,
  summary: 'People working on the cooperation (whom a comment may mention)',
  policy: write,
  request: { params: s.IdParamSchema },
  responses: { 200: json(ParticipantsSchema, 'Participants'), ...problemResponses(400, 401, 403, 404) },
});

const InviteSchema = z
  .strictObject({
    orgId: z.uuid().openapi({ description: 'A party of the cooperation that is not a pemda' }),
    email: z.email().max(254),
    name: z.string().trim().min(2).max(160),
    locale: z.enum(['id', 'en']).default('id'),
  })
  .openapi('PartnerInvitation');

const inviteRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/{id}/invitations',
  tags,
  summary: "Invite a partner organisation's contact as a partner user (e-mail with a one-time link)",
  policy: write,
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: InviteSchema } } } },
  responses: {
    201: json(z.object({ userId: z.uuid(), created: z.boolean(), linkSent: z.boolean() }).openapi('PartnerInvitationResult'), 'Invited'),
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const SavedFilterSchema = z.object({ id: z.uuid(), name: z.string(), query: z.record(z.string(), z.unknown()), createdAt: z.string() }).openapi('SavedFilter');
const SavedFilterInputSchema = z
  .strictObject({ name: z.string().trim().min(1).max(80), query: z.record(z.string(), z.union([z.string().max(500), z.number()])) })
  .openapi('SavedFilterInput');

const listFiltersRoute = defineRoute({
  method: 'get',
  path: '/api/saved-filters',
  tags,
  summary: 'My saved register filters',
  policy: read,
  responses: { 200: json(z.object({ items: z.array(SavedFilterSchema) }), 'Saved filters'), ...problemResponses(401, 403) },
});

const saveFilterRoute = defineRoute({
  method: 'post',
  path: '/api/saved-filters',
  tags,
  summary: 'Save the current register filter under a name',
  policy: read,
  request: { body: { required: true, content: { 'application/json': { schema: SavedFilterInputSchema } } } },
  responses: { 201: json(SavedFilterSchema, 'Saved'), ...problemResponses(400, 401, 403, 409) },
});

const deleteFilterRoute = defineRoute({
  method: 'delete',
  path: '/api/saved-filters/{id}',
  tags,
  summary: 'Delete one of my saved filters',
  policy: read,
  request: { params: s.IdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
});

const presentFilter = (f: { id: string; name: string; query: Record<string, unknown>; createdAt: Date }) => ({ ...f, createdAt: f.createdAt.toISOString() });

export const registerCooperationRoutes = (app: OpenAPIHono<AppEnv>, deps: CooperationDeps) => {
  const { db, clock } = deps;

  app.openapi(listRoute, async (c) => c.json(await listCooperations({ db, clock, actor: c.get('actor')!, query: c.req.valid('query') }), 200));

  app.openapi(exportRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const file = await exportCooperations({ db, clock, actor: c.get('actor')!, lang: c.get('lang'), query: { ...query, limit: 1 }, format });
    c.header('content-type', file.mediaType);
    c.header('content-disposition', `attachment; filename="${file.fileName}"`);
    c.header('x-row-count', String(file.rows));

    return c.body(file.bytes as unknown as ArrayBuffer, 200) as never;
  });

  app.openapi(createRoute, async (c) => {
    const created = await uc.createCooperation({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), input: c.req.valid('json') });

    return c.json(created, 201);
  });

  app.openapi(getRoute, async (c) => c.json(await uc.getCooperation({ db, clock, actor: c.get('actor')!, lang: c.get('lang'), id: c.req.valid('param').id }), 200));

  app.openapi(updateRoute, async (c) => {
    const updated = await uc.updateCooperation({
      db,
      clock,
      audit: auditContextOf(c),
      actor: c.get('actor')!,
      lang: c.get('lang'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });

    return c.json(updated, 200);
  });

  app.openapi(actionRoute, async (c) => {
    const { id, action } = c.req.valid('param');
    const result = await performAction({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), id, action, body: c.req.valid('json') });

    return c.json(result, 200);
  });

  app.openapi(timelineRoute, async (c) => c.json({ items: await tl.getTimeline({ db, actor: c.get('actor')!, id: c.req.valid('param').id }) }, 200));

  app.openapi(commentRoute, async (c) => {
    const comment = await tl.addComment({
      db,
      clock,
      audit: auditContextOf(c),
      actor: c.get('actor')!,
      publicUrl: deps.publicUrl,
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });

    return c.json({ id: comment.id, createdAt: comment.createdAt.toISOString(), mentionUserIds: comment.mentionUserIds, private: comment.privateTenantId !== null }, 201);
  });

  app.openapi(participantsRoute, async (c) => c.json({ items: await tl.listParticipants({ db, clock, actor: c.get('actor')!, id: c.req.valid('param').id }) }, 200));

  app.openapi(inviteRoute, async (c) => {
    const result = await tl.invitePartner({
      db,
      clock,
      audit: auditContextOf(c),
      actor: c.get('actor')!,
      publicUrl: deps.publicUrl,
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });

    return c.json(result, 201);
  });

  app.openapi(listFiltersRoute, async (c) => c.json({ items: (await tl.listSavedFilters({ db, actor: c.get('actor')! })).map(presentFilter) }, 200));

  app.openapi(saveFilterRoute, async (c) => c.json(presentFilter(await tl.saveFilter({ db, clock, actor: c.get('actor')!, input: c.req.valid('json') })), 201));

  app.openapi(deleteFilterRoute, async (c) => {
    await tl.deleteSavedFilter({ db, actor: c.get('actor')!, id: c.req.valid('param').id });

    return c.body(null, 204);
  });
};
