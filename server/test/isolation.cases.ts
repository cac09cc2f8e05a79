import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase } from './isolation.js';

/**
 * Tenant-isolation cases, one per non-public route, keyed "METHOD /api/path/{param}" exactly as
 * in the OpenAPI document. Add the case in the same change that adds the route.
 */
export const isolationCases: Record<string, IsolationCase> = {
  'GET /api/me': {
    kind: 'self',
    run: async ({ ctx, sessions, staffA, tenantB }) => {
      const me = (await (await ctx.request('/api/me', { session: sessions.staffB })).json()) as { user: { id: string }; organization: { id: string } };
      assert.notEqual(me.user.id, staffA.id);
      assert.equal(me.organization.id, tenantB.id);
    },
  },
  'GET /api/auth/sessions': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const body = (await (await ctx.request('/api/auth/sessions', { session: sessions.staffB })).json()) as { items: { current: boolean }[] };
      assert.equal(body.items.filter((s) => s.current).length, 1);
      assert.ok(body.items.every((s) => typeof s.current === 'boolean'));
    },
  },
  'POST /api/auth/logout': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      // Signing out B must leave A signed in.
      const other = await ctx.request('/api/auth/logout', { method: 'POST', session: sessions.staffB });
      assert.equal(other.status, 204);
      assert.equal((await ctx.request('/api/me', { session: sessions.staffA })).status, 200);
    },
  },
  'POST /api/auth/logout-all': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const res = await ctx.request('/api/auth/logout-all', { method: 'POST', session: sessions.adminB });
      assert.equal(res.status, 200);
      assert.equal((await ctx.request('/api/me', { session: sessions.adminA })).status, 200);
    },
  },
  'POST /api/strategic-issues': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      // Platform-wide list: only a platform admin may change it; a tenant admin is refused.
      const res = await ctx.request('/api/strategic-issues', { json: { code: 'UJI_ISOLASI', nameId: 'Uji', nameEn: 'Test' }, session: sessions.adminB });
      assert.equal(res.status, 403);
    },
  },
  'PATCH /api/strategic-issues/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const list = (await (await ctx.request('/api/strategic-issues')).json()) as { items: { id: string }[] };
      const res = await ctx.request(`/api/strategic-issues/${list.items[0]!.id}`, { method: 'PATCH', json: { nameEn: 'Changed' }, session: sessions.adminB });
      await expectHidden(res, 'tenant admin editing the platform issue list');
    },
  },
};
