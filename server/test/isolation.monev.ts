import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { cooperation } from '../modules/cooperations/cooperations.tables.js';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildTenant } from './factories.js';

/**
 * Monev routes of a cooperation in force between tenant A and a neighbour that is not B: B must
 * neither read its work plan nor add, change or delete any of its items.
 */
const neighbours = new WeakMap<object, Promise<{ id: string }>>();

type PlanOfA = { id: string; activityId: string; obligationId: string; milestoneId: string };

/** A's cooperation in force, with one activity, one obligation and one milestone made by A. */
const planOfA = async ({ ctx, sessions, tenantA }: IsolationKit): Promise<PlanOfA> => {
  if (!neighbours.has(ctx)) neighbours.set(ctx, buildTenant(ctx.db, { regionCode: '63.10', name: 'Pemerintah Kabupaten Tabalong' }));
  const other = await neighbours.get(ctx)!;
  const res = await ctx.request('/api/cooperations', {
    json: {
      kind: 'KSDD',
      ksddCategory: 'SUKARELA',
      title: 'Rencana kerja rahasia tenant A',
      objek: 'Air minum regional',
      objectCategory: 'PELAYANAN_PUBLIK',
      urusanCodes: ['1.03'],
      parties: [{ orgId: tenantA.id }, { orgId: other.id }],
    },
    session: sessions.staffA,
  });
  assert.equal(res.status, 201, await res.clone().text());
  const { id } = (await res.json()) as { id: string };
  await ctx.db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31' }).where(eq(cooperation.id, id));
  const post = async (segment: string, json: Record<string, unknown>) => {
    const created = await ctx.request(`/api/cooperations/${id}/${segment}`, { json, session: sessions.staffA });
    assert.equal(created.status, 201, await created.clone().text());

    return ((await created.json()) as { id: string }).id;
  };
  const activityId = await post('activities', { name: 'Survei lokasi', responsibleOrgId: tenantA.id, plannedStart: '2026-02-01', plannedEnd: '2026-03-31', budget: '1000000.00' });
  const obligationId = await post('obligations', { partyOrgId: tenantA.id, description: 'Menyediakan lahan' });
  const milestoneId = await post('milestones', { name: 'Survei selesai', dueDate: '2026-03-31', activityId });

  return { id, activityId, obligationId, milestoneId };
};

const unchanged = async (kit: IsolationKit, p: PlanOfA) => {
  const plan = (await (await kit.ctx.request(`/api/cooperations/${p.id}/work-plan`, { session: kit.sessions.staffA })).json()) as {
    activities: { name: string; rowVersion: number }[];
    obligations: { status: string }[];
    milestones: { name: string }[];
  };
  assert.deepEqual(plan.activities.map((a) => [a.name, a.rowVersion]), [['Survei lokasi', 1]]);
  assert.deepEqual(plan.obligations.map((o) => o.status), ['BELUM_JATUH_TEMPO']);
  assert.deepEqual(plan.milestones.map((m) => m.name), ['Survei selesai']);
};

const evaluationNeighbours = new WeakMap<object, Promise<{ id: string }>>();

type EvaluationOfA = { cooperationId: string; evaluationId: string };

/** A's cooperation in force with an open evaluation that A's secretariat has rated (monev evaluations). */
const evaluationOfA = async ({ ctx, sessions, tenantA }: IsolationKit): Promise<EvaluationOfA> => {
  if (!evaluationNeighbours.has(ctx)) evaluationNeighbours.set(ctx, buildTenant(ctx.db, { regionCode: '63.08', name: 'Pemerintah Kabupaten Hulu Sungai Utara' }));
  const other = await evaluationNeighbours.get(ctx)!;
  const res = await ctx.request('/api/cooperations', {
    json: { kind: 'KSDD', ksddCategory: 'SUKARELA', title: 'Evaluasi rahasia tenant A', objectCategory: 'PELAYANAN_PUBLIK', parties: [{ orgId: tenantA.id }, { orgId: other.id }] },
    session: sessions.staffA,
  });
  assert.equal(res.status, 201, await res.clone().text());
  const cooperationId = ((await res.json()) as { id: string }).id;
  await ctx.db.update(cooperation).set({ state: 'BERLAKU' }).where(eq(cooperation.id, cooperationId));
  const opened = await ctx.request(`/api/cooperations/${cooperationId}/evaluations`, { json: { period: '2026-S1' }, session: sessions.staffA });
  assert.equal(opened.status, 201, await opened.clone().text());
  const evaluationId = ((await opened.json()) as { id: string }).id;
  const rated = await ctx.request(`/api/evaluations/${evaluationId}/ratings`, { method: 'PUT', json: { ratings: [{ criterion: 'REALISASI_KEGIATAN', score: 4 }] }, session: sessions.staffA });
  assert.equal(rated.status, 200, await rated.clone().text());

  return { cooperationId, evaluationId };
};

/** A's evaluation as A sees it: still open, rated only by A's secretariat. */
const evaluationUnchanged = async (kit: IsolationKit, e: EvaluationOfA) => {
  const detail = (await (await kit.ctx.request(`/api/evaluations/${e.evaluationId}`, { session: kit.sessions.staffA })).json()) as {
    status: string;
    ratings: { raterUserId: string; score: number }[];
  };
  assert.equal(detail.status, 'OPEN');
  assert.deepEqual(detail.ratings.map((r) => [r.raterUserId, r.score]), [[kit.staffA.id, 4]]);
  const list = (await (await kit.ctx.request(`/api/cooperations/${e.cooperationId}/evaluations`, { session: kit.sessions.staffA })).json()) as { items: unknown[] };
  assert.equal(list.items.length, 1);
};

const evaluationIsolationCases: Record<string, IsolationCase> = {
  'GET /api/cooperations/{id}/evaluations': {
    kind: 'check',
    run: async (kit) => {
      const e = await evaluationOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${e.cooperationId}/evaluations`, { session: kit.sessions.staffB }), "listing another pemda's evaluations");
    },
  },
  'POST /api/cooperations/{id}/evaluations': {
    kind: 'check',
    run: async (kit) => {
      const e = await evaluationOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${e.cooperationId}/evaluations`, { json: { period: '2026-S2' }, session: kit.sessions.staffB });
      await expectHidden(res, "opening an evaluation on another pemda's cooperation");
      await evaluationUnchanged(kit, e);
    },
  },
  'GET /api/evaluations/{id}': {
    kind: 'check',
    run: async (kit) => {
      const e = await evaluationOfA(kit);
      const res = await kit.ctx.request(`/api/evaluations/${e.evaluationId}`, { session: kit.sessions.staffB });
      await expectHidden(res, "reading another pemda's evaluation");
      assert.ok(!(await res.text()).includes('rahasia'));
    },
  },
  'PUT /api/evaluations/{id}/ratings': {
    kind: 'check',
    run: async (kit) => {
      const e = await evaluationOfA(kit);
      const res = await kit.ctx.request(`/api/evaluations/${e.evaluationId}/ratings`, { method: 'PUT', json: { ratings: [{ criterion: 'REALISASI_KEGIATAN', score: 1 }] }, session: kit.sessions.staffB });
      await expectHidden(res, "rating another pemda's evaluation");
      await evaluationUnchanged(kit, e);
    },
  },
  'POST /api/evaluations/{id}/finalise': {
    kind: 'check',
    run: async (kit) => {
      const e = await evaluationOfA(kit);
      const res = await kit.ctx.request(`/api/evaluations/${e.evaluationId}/finalise`, { json: { findings: 'Oleh B', recommendation: 'HENTIKAN' }, session: kit.sessions.staffB });
      await expectHidden(res, "finalising another pemda's evaluation");
      await evaluationUnchanged(kit, e);
    },
  },
  'GET /api/monev/rubric': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const rubric = { criteria: [{ code: 'RAHASIA_A', name: { id: 'Rahasia A', en: 'Secret A' }, weight: 100 }] };
      const published = await ctx.request('/api/monev/rubric', { method: 'PUT', json: { validFrom: '2030-01-01', rubric }, session: sessions.staffA });
      assert.equal(published.status, 201, await published.clone().text());
      const res = await ctx.request('/api/monev/rubric', { session: sessions.staffB });
      assert.equal(res.status, 200);
      assert.ok(!(await res.text()).includes('RAHASIA_A'), "B sees A's rubric versions");
    },
  },
  'PUT /api/monev/rubric': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      // A publish always lands in the caller's own pemda: B's never shows up for A.
      const rubric = { criteria: [{ code: 'TITIPAN_B', name: { id: 'Titipan B', en: 'From B' }, weight: 100 }] };
      const res = await ctx.request('/api/monev/rubric', { method: 'PUT', json: { validFrom: '2030-01-01', rubric }, session: sessions.adminB });
      assert.equal(res.status, 201, await res.clone().text());
      const a = await ctx.request('/api/monev/rubric', { session: sessions.staffA });
      assert.ok(!(await a.text()).includes('TITIPAN_B'), "B's rubric reached A");
    },
  },
};

type IndicatorOfA = { id: string; indicatorId: string };

/** A's cooperation in force with one quarterly indicator that has a value for 2026-Q1. */
const indicatorOfA = async (kit: IsolationKit): Promise<IndicatorOfA> => {
  const { id } = await planOfA(kit);
  const created = await kit.ctx.request(`/api/cooperations/${id}/indicators`, { json: { name: 'Sambungan rahasia A', unit: 'rumah tangga', baseline: '0', target: '100' }, session: kit.sessions.staffA });
  assert.equal(created.status, 201, await created.clone().text());
  const indicatorId = ((await created.json()) as { id: string }).id;
  const recorded = await kit.ctx.request(`/api/cooperations/${id}/indicators/${indicatorId}/values`, { method: 'PUT', json: { period: '2026-Q1', actual: '40' }, session: kit.sessions.staffA });
  assert.equal(recorded.status, 200, await recorded.clone().text());

  return { id, indicatorId };
};

/** A's indicator as A sees it: unchanged name, version 1, the one value 40. */
const indicatorUnchanged = async (kit: IndicatorOfA & { kit: IsolationKit }) => {
  const list = (await (await kit.kit.ctx.request(`/api/cooperations/${kit.id}/indicators`, { session: kit.kit.sessions.staffA })).json()) as {
    indicators: { name: string; rowVersion: number; values: { actual: string }[] }[];
  };
  assert.deepEqual(list.indicators.map((i) => [i.name, i.rowVersion, i.values.map((v) => Number(v.actual))]), [['Sambungan rahasia A', 1, [40]]]);
};

const indicatorIsolationCases: Record<string, IsolationCase> = {
  'GET /api/cooperations/{id}/indicators': {
    kind: 'check',
    run: async (kit) => {
      const p = await indicatorOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/indicators`, { session: kit.sessions.staffB });
      await expectHidden(res, "reading another pemda's indicators");
      assert.ok(!(await res.clone().text()).includes('rahasia'));
    },
  },
  'POST /api/cooperations/{id}/indicators': {
    kind: 'check',
    run: async (kit) => {
      const p = await indicatorOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/indicators`, { json: { name: 'Titipan B', unit: 'km', baseline: '0', target: '1' }, session: kit.sessions.staffB });
      await expectHidden(res, "adding an indicator to another pemda's cooperation");
      await indicatorUnchanged({ ...p, kit });
    },
  },
  'PATCH /api/cooperations/{id}/indicators/{indicatorId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await indicatorOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/indicators/${p.indicatorId}`, { method: 'PATCH', json: { expectedVersion: 1, name: 'Diubah B' }, session: kit.sessions.staffB });
      await expectHidden(res, "changing another pemda's indicator");
      await indicatorUnchanged({ ...p, kit });
    },
  },
  'DELETE /api/cooperations/{id}/indicators/{indicatorId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await indicatorOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/indicators/${p.indicatorId}?expectedVersion=1`, { method: 'DELETE', session: kit.sessions.staffB });
      await expectHidden(res, "deleting another pemda's indicator");
      await indicatorUnchanged({ ...p, kit });
    },
  },
  'PUT /api/cooperations/{id}/indicators/{indicatorId}/values': {
    kind: 'check',
    run: async (kit) => {
      const p = await indicatorOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/indicators/${p.indicatorId}/values`, { method: 'PUT', json: { period: '2026-Q1', actual: '1' }, session: kit.sessions.staffB });
      await expectHidden(res, "recording a value on another pemda's indicator");
      await indicatorUnchanged({ ...p, kit });
    },
  },
};

export const monevIsolationCases: Record<string, IsolationCase> = {
  ...evaluationIsolationCases,
  ...indicatorIsolationCases,
  'GET /api/cooperations/{id}/dormancy': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/dormancy`, { session: kit.sessions.staffB });
      await expectHidden(res, "reading another pemda's dormancy escalation");
      assert.equal((await kit.ctx.request(`/api/cooperations/${p.id}/dormancy`, { session: kit.sessions.staffA })).status, 200);
    },
  },
  'GET /api/cooperations/{id}/work-plan': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/work-plan`, { session: kit.sessions.staffB });
      await expectHidden(res, "reading another pemda's work plan");
      assert.ok(!(await res.clone().text()).includes('Survei'));
    },
  },
  'POST /api/cooperations/{id}/activities': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const json = { name: 'Titipan B', responsibleOrgId: kit.tenantB.id, plannedStart: '2026-02-01', plannedEnd: '2026-02-02' };
      await expectHidden(await kit.ctx.request(`/api/cooperations/${p.id}/activities`, { json, session: kit.sessions.staffB }), "adding an activity to another pemda's plan");
      await unchanged(kit, p);
    },
  },
  'PATCH /api/cooperations/{id}/activities/{activityId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/activities/${p.activityId}`, { method: 'PATCH', json: { expectedVersion: 1, name: 'Diubah B' }, session: kit.sessions.staffB });
      await expectHidden(res, "changing another pemda's activity");
      await unchanged(kit, p);
    },
  },
  'DELETE /api/cooperations/{id}/activities/{activityId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${p.id}/activities/${p.activityId}`, { method: 'DELETE', session: kit.sessions.staffB }), "deleting another pemda's activity");
      await unchanged(kit, p);
    },
  },
  'POST /api/cooperations/{id}/obligations': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/obligations`, { json: { partyOrgId: kit.tenantA.id, description: 'Titipan B' }, session: kit.sessions.staffB });
      await expectHidden(res, "adding an obligation to another pemda's plan");
      await unchanged(kit, p);
    },
  },
  'PATCH /api/cooperations/{id}/obligations/{obligationId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/obligations/${p.obligationId}`, { method: 'PATCH', json: { status: 'DIPENUHI' }, session: kit.sessions.staffB });
      await expectHidden(res, "changing another pemda's obligation");
      await unchanged(kit, p);
    },
  },
  'DELETE /api/cooperations/{id}/obligations/{obligationId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${p.id}/obligations/${p.obligationId}`, { method: 'DELETE', session: kit.sessions.staffB }), "deleting another pemda's obligation");
      await unchanged(kit, p);
    },
  },
  'POST /api/cooperations/{id}/milestones': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/milestones`, { json: { name: 'Titipan B', dueDate: '2026-05-01' }, session: kit.sessions.staffB });
      await expectHidden(res, "adding a milestone to another pemda's plan");
      await unchanged(kit, p);
    },
  },
  'PATCH /api/cooperations/{id}/milestones/{milestoneId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/milestones/${p.milestoneId}`, { method: 'PATCH', json: { name: 'Diubah B' }, session: kit.sessions.staffB });
      await expectHidden(res, "changing another pemda's milestone");
      await unchanged(kit, p);
    },
  },
  'DELETE /api/cooperations/{id}/milestones/{milestoneId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await planOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${p.id}/milestones/${p.milestoneId}`, { method: 'DELETE', session: kit.sessions.staffB }), "deleting another pemda's milestone");
      await unchanged(kit, p);
    },
  },
};
