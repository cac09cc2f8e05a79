import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { cooperation } from '../modules/cooperations/cooperations.tables.js';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildTenant, buildUser, signIn } from './factories.js';

/**
 * Progress update routes on a cooperation in force between tenant A and a neighbour that is not
 * B: B must neither read A's updates nor send, rework, approve, return or correct any of them,
 * and B's secretariat queue never lists them.
 */
const neighbours = new WeakMap<object, Promise<{ id: string }>>();

type UpdatesOfA = { id: string; activityId: string; submittedId: string; approvedId: string };

/** A's cooperation with one activity, one update waiting (sent by A's OPD) and one approved by A's secretariat. */
const updatesOfA = async ({ ctx, sessions, tenantA, opdA }: IsolationKit): Promise<UpdatesOfA> => {
  if (!neighbours.has(ctx)) neighbours.set(ctx, buildTenant(ctx.db, { regionCode: '63.72', name: 'Pemerintah Kota Banjarbaru' }));
  const other = await neighbours.get(ctx)!;
  const liaison = await signIn(ctx, (await buildUser(ctx.db, { orgId: opdA.id, roles: [{ role: 'PPKSD', orgId: opdA.id }] })).email);
  const send = async (path: string, json: Record<string, unknown>, session = sessions.staffA) => {
    const res = await ctx.request(path, { json, session });
    assert.ok(res.status === 201 || res.status === 200, `${path}: ${res.status} ${await res.clone().text()}`);

    return ((await res.json()) as { id: string }).id;
  };
  const id = await send('/api/cooperations', {
    kind: 'KSDD',
    ksddCategory: 'SUKARELA',
    title: 'Pembaruan rahasia tenant A',
    objectCategory: 'PELAYANAN_PUBLIK',
    parties: [{ orgId: tenantA.id }, { orgId: other.id }],
  });
  await ctx.db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31' }).where(eq(cooperation.id, id));
  const activityId = await send(`/api/cooperations/${id}/activities`, { name: 'Survei lokasi', responsibleOrgId: tenantA.id, plannedStart: '2026-02-01', plannedEnd: '2026-03-31' });
  const body = (progress: number) => ({ asOf: '2026-03-01', narrative: 'Rahasia A', activityLines: [{ activityId, progress }] });
  const approvedId = await send(`/api/cooperations/${id}/updates`, body(30), liaison);
  await send(`/api/cooperations/${id}/updates/${approvedId}/approve`, { expectedVersion: 1 });
  const submittedId = await send(`/api/cooperations/${id}/updates`, body(50), liaison);

  return { id, activityId, submittedId, approvedId };
};

/** A's updates as A sees them: the approved one still alone in its series, the waiting one untouched. */
const unchanged = async (kit: IsolationKit, p: UpdatesOfA) => {
  const list = (await (await kit.ctx.request(`/api/cooperations/${p.id}/updates`, { session: kit.sessions.staffA })).json()) as {
    series: { revisions: { id: string; status: string; rowVersion: number }[] }[];
  };
  const all = list.series.flatMap((s) => s.revisions.map((r) => [r.id, r.status, r.rowVersion]));
  assert.deepEqual(
    all.sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    [
      [p.approvedId, 'APPROVED', 2],
      [p.submittedId, 'SUBMITTED', 1],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
  );
};

const content = (p: UpdatesOfA) => ({ asOf: '2026-03-02', narrative: 'Titipan B', activityLines: [{ activityId: p.activityId, progress: 99 }] });

export const updateIsolationCases: Record<string, IsolationCase> = {
  'GET /api/cooperations/{id}/updates': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/updates`, { session: kit.sessions.staffB });
      await expectHidden(res, "listing another pemda's progress updates");
      assert.ok(!(await res.text()).includes('Rahasia'));
    },
  },
  'GET /api/cooperations/{id}/updates/{updateId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/updates/${p.approvedId}`, { session: kit.sessions.staffB });
      await expectHidden(res, "reading another pemda's progress update");
      assert.ok(!(await res.text()).includes('Rahasia'));
    },
  },
  'POST /api/cooperations/{id}/updates': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${p.id}/updates`, { json: content(p), session: kit.sessions.staffB }), "sending an update on another pemda's cooperation");
      await unchanged(kit, p);
    },
  },
  'PUT /api/cooperations/{id}/updates/{updateId}': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${p.id}/updates/${p.submittedId}`, { method: 'PUT', json: { ...content(p), expectedVersion: 1 }, session: kit.sessions.staffB });
      await expectHidden(res, "reworking another pemda's update");
      await unchanged(kit, p);
    },
  },
  'POST /api/cooperations/{id}/updates/{updateId}/approve': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      await expectHidden(
        await kit.ctx.request(`/api/cooperations/${p.id}/updates/${p.submittedId}/approve`, { json: { expectedVersion: 1 }, session: kit.sessions.staffB }),
        "approving another pemda's update",
      );
      await unchanged(kit, p);
    },
  },
  'POST /api/cooperations/{id}/updates/{updateId}/return': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      await expectHidden(
        await kit.ctx.request(`/api/cooperations/${p.id}/updates/${p.submittedId}/return`, { json: { expectedVersion: 1, comment: 'Oleh B' }, session: kit.sessions.staffB }),
        "returning another pemda's update",
      );
      await unchanged(kit, p);
    },
  },
  'POST /api/cooperations/{id}/updates/{updateId}/revisions': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      await expectHidden(
        await kit.ctx.request(`/api/cooperations/${p.id}/updates/${p.approvedId}/revisions`, { json: { ...content(p), reason: 'Oleh B' }, session: kit.sessions.staffB }),
        "correcting another pemda's approved update",
      );
      await unchanged(kit, p);
    },
  },
  'GET /api/progress-updates': {
    kind: 'check',
    run: async (kit) => {
      const p = await updatesOfA(kit);
      const b = await kit.ctx.request('/api/progress-updates?status=SUBMITTED', { session: kit.sessions.staffB });
      assert.equal(b.status, 200);
      assert.ok(!(await b.text()).includes(p.submittedId), "B's queue lists A's update");
      const a = (await (await kit.ctx.request('/api/progress-updates?status=SUBMITTED', { session: kit.sessions.staffA })).json()) as { items: { id: string }[] };
      assert.ok(a.items.some((i) => i.id === p.submittedId), "A's own queue misses it");
    },
  },
};
