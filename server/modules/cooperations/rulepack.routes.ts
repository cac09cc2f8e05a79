import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as uc from './rulepack.usecases.js';

const VersionSchema = z
  .object({ id: z.uuid(), version: z.number().int(), validFrom: z.string(), note: z.string(), rules: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .openapi('RulePackVersion');
const RulePackSchema = z
  .object({
    tenantId: z.uuid().nullable(),
    today: z.string(),
    canEdit: z.boolean(),
    effective: z.record(z.string(), z.unknown()).openapi({ description: 'The rules in force today (national merged with the pemda override)' }),
    versions: z.array(VersionSchema),
  })
  .openapi('RulePack');

const getRoute = defineRoute({
  method: 'get',
  path: '/api/rule-packs',
  tags: ['Rule packs'],
  summary: 'The rule pack in force today for a pemda (or the national pack), with its version history',
  policy: { kind: 'permission', permission: 'cooperation.read' },
  request: { query: z.strictObject({ tenantId: z.uuid().optional().openapi({ description: 'Omit for the national pack' }) }) },
  responses: { 200: { description: 'Rule pack', content: { 'application/json': { schema: RulePackSchema } } }, ...problemResponses(400, 401, 403) },
});

const PublishSchema = z
  .strictObject({
    tenantId: z.uuid().nullable().openapi({ description: 'null: a new national version (platform admins)' }),
    validFrom: z.iso.date(),
    note: z.string().trim().max(500).default(''),
    rules: z.record(z.string(), z.unknown()).openapi({ description: 'National: the full rule set. Pemda: only the overrides, merged over the national pack' }),
  })
  .openapi('RulePackPublish');

const publishRoute = defineRoute({
  method: 'post',
  path: '/api/rule-packs',
  tags: ['Rule packs'],
  summary: 'Publish a new version (from a valid-from date; behaviour changes without a deploy)',
  policy: { kind: 'permission', permission: 'cooperation.read' },
  request: { body: { required: true, content: { 'application/json': { schema: PublishSchema } } } },
  responses: { 201: { description: 'Published', content: { 'application/json': { schema: VersionSchema } } }, ...problemResponses(400, 401, 403, 422) },
});

const presentVersion = (v: { id: string; version: number; validFrom: string; note: string; rules: Record<string, unknown>; createdAt: Date }) => ({
  id: v.id,
  version: v.version,
  validFrom: v.validFrom,
  note: v.note,
  rules: v.rules,
  createdAt: v.createdAt.toISOString(),
});

export const registerRulePackRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  app.openapi(getRoute, async (c) => {
    const pack = await uc.getRulePack({ ...deps, actor: c.get('actor')!, tenantId: c.req.valid('query').tenantId ?? null });

    return c.json({ ...pack, effective: pack.effective as unknown as Record<string, unknown>, versions: pack.versions.map(presentVersion) }, 200);
  });

  app.openapi(publishRoute, async (c) => {
    const row = await uc.publishRulePack({ ...deps, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), input: c.req.valid('json') });

    return c.json(presentVersion(row), 201);
  });
};
