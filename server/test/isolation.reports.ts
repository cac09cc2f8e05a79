import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';

/**
 * Periodic report routes: tenant B (Jayawijaya, another province) must neither read, download,
 * regenerate nor submit tenant A's report, and has no review or compliance rights at all.
 */
const reports = new WeakMap<object, Promise<{ id: string }>>();

/** A's 2025 semester-2 report, generated once per test context. */
const reportOfA = async ({ ctx, sessions }: IsolationKit) => {
  if (!reports.has(ctx))
    reports.set(
      ctx,
      (async () => {
        const res = await ctx.request('/api/reports', { json: { year: 2025, period: 'SEMESTER_2' }, session: sessions.staffA });
        assert.equal(res.status, 201, await res.clone().text());

        return (await res.json()) as { id: string };
      })(),
    );

  return reports.get(ctx)!;
};

const unchanged = async (kit: IsolationKit, id: string) => {
  const res = await kit.ctx.request(`/api/reports/${id}`, { session: kit.sessions.staffA });
  const body = (await res.json()) as { status: string; rowVersion: number };
  assert.deepEqual([body.status, body.rowVersion], ['DRAFT', 1]);
};

const hiddenGet = (suffix: string, what: string): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const { id } = await reportOfA(kit);
    const res = await kit.ctx.request(`/api/reports/${id}${suffix}`, { session: kit.sessions.staffB });
    await expectHidden(res, what);
    assert.ok(!(await res.clone().text()).includes('Hulu Sungai'));
  },
});

const hiddenPost = (suffix: string, json: unknown, what: string): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const { id } = await reportOfA(kit);
    await expectHidden(await kit.ctx.request(`/api/reports/${id}${suffix}`, { json, session: kit.sessions.staffB }), what);
    await unchanged(kit, id);
  },
});

export const reportIsolationCases: Record<string, IsolationCase> = {
  'GET /api/reports': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await reportOfA(kit);
      const res = await kit.ctx.request('/api/reports', { session: kit.sessions.staffB });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { items: { id: string }[] };
      assert.ok(!body.items.some((r) => r.id === id), "B lists A's report");
      assert.equal((await kit.ctx.request('/api/reports')).status, 401);
    },
  },
  'POST /api/reports': {
    kind: 'check',
    run: async (kit) => {
      await reportOfA(kit);
      // B naming A's tenant is refused on the field; B's own report is B's.
      const res = await kit.ctx.request('/api/reports', { json: { year: 2025, period: 'YEARLY', organizationId: kit.tenantA.id }, session: kit.sessions.staffB });
      assert.equal(res.status, 422, await res.clone().text());
      assert.equal((await kit.ctx.request('/api/reports', { json: { year: 2025, period: 'YEARLY' } })).status, 401);
    },
  },
  'GET /api/reports/compliance': {
    kind: 'check',
    run: async (kit) => {
      const res = await kit.ctx.request('/api/reports/compliance?year=2025&period=SEMESTER_2', { session: kit.sessions.staffB });
      assert.equal(res.status, 403);
    },
  },
  'GET /api/reports/{id}': hiddenGet('', "reading another pemda's report"),
  'GET /api/reports/{id}/xlsx': hiddenGet('/xlsx', "downloading another pemda's report (XLSX)"),
  'GET /api/reports/{id}/pdf': hiddenGet('/pdf', "downloading another pemda's report (PDF)"),
  'POST /api/reports/{id}/regenerate': hiddenPost('/regenerate', { expectedVersion: 1 }, "regenerating another pemda's report"),
  'POST /api/reports/{id}/submit': hiddenPost('/submit', { expectedVersion: 1 }, "submitting another pemda's report"),
  'POST /api/reports/{id}/accept': hiddenPost('/accept', { expectedVersion: 1 }, "accepting another pemda's report"),
  'POST /api/reports/{id}/return': hiddenPost('/return', { expectedVersion: 1, comment: 'x' }, "returning another pemda's report"),
};
