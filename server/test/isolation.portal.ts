import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { cooperation } from '../modules/cooperations/cooperations.tables.js';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildTenant } from './factories.js';

/**
 * Publication routes: B's secretariat (which holds portal.publish for B) must neither read nor
 * publish, change, refresh or withdraw A's cooperation; A's publication stays as A left it.
 */
const neighbours = new WeakMap<object, Promise<{ id: string }>>();

/** A's signed cooperation with a neighbour that is not B, published by A's secretariat. */
const publishedOfA = async ({ ctx, sessions, tenantA }: IsolationKit) => {
  if (!neighbours.has(ctx)) neighbours.set(ctx, buildTenant(ctx.db, { regionCode: '63.04', name: 'Pemerintah Kabupaten Barito Kuala' }));
  const other = await neighbours.get(ctx)!;
  const res = await ctx.request('/api/cooperations', {
    json: { kind: 'KSDD', ksddCategory: 'SUKARELA', title: 'Publikasi rahasia tenant A', objek: 'Air minum regional', objectCategory: 'PELAYANAN_PUBLIK', urusanCodes: ['1.03'], parties: [{ orgId: tenantA.id }, { orgId: other.id }] },
    session: sessions.staffA,
  });
  assert.equal(res.status, 201, await res.clone().text());
  const { id } = (await res.json()) as { id: string };
  await ctx.db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31', signedAt: '2025-12-20' }).where(eq(cooperation.id, id));
  const published = await ctx.request(`/api/cooperations/${id}/publication/publish`, { json: {}, session: sessions.staffA });
  assert.equal(published.status, 200, await published.clone().text());

  return id;
};

/** A's publication as A sees it: still published, one release, nothing B did. */
const unchanged = async (kit: IsolationKit, id: string) => {
  const view = (await (await kit.ctx.request(`/api/cooperations/${id}/publication`, { session: kit.sessions.staffA })).json()) as { status: string; rowVersion: number; latestRelease: { sequence: number } };
  assert.deepEqual([view.status, view.rowVersion, view.latestRelease.sequence], ['PUBLISHED', 1, 1]);
};

const hidden = (path: string, method: string, json: unknown, what: string): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const id = await publishedOfA(kit);
    const res = await kit.ctx.request(`/api/cooperations/${id}/publication${path}`, { method, json, session: kit.sessions.staffB });
    await expectHidden(res, what);
    assert.ok(!(await res.text()).includes('rahasia'));
    await unchanged(kit, id);
  },
});

export const portalIsolationCases: Record<string, IsolationCase> = {
  'GET /api/cooperations/{id}/publication': hidden('', 'GET', undefined, "reading another pemda's publication settings"),
  'GET /api/cooperations/{id}/publication/releases': hidden('/releases', 'GET', undefined, "listing another pemda's releases in the back office"),
  'PUT /api/cooperations/{id}/publication': hidden('', 'PUT', { visibility: { funding: true } }, "changing what is public of another pemda's cooperation"),
  'POST /api/cooperations/{id}/publication/publish': hidden('/publish', 'POST', { visibility: { funding: true } }, "publishing another pemda's cooperation"),
  'POST /api/cooperations/{id}/publication/refresh': hidden('/refresh', 'POST', {}, "refreshing another pemda's release"),
  'POST /api/cooperations/{id}/publication/withdraw': hidden('/withdraw', 'POST', { reason: 'Oleh B' }, "withdrawing another pemda's cooperation"),
};
