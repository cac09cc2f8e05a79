import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import type { TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildIsolationKit } from '../../test/isolation.js';
import { monevIsolationCases } from '../../test/isolation.monev.js';
import { auditLog } from '../audit/audit.tables.js';
import { cooperation } from '../cooperations/cooperations.tables.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Indicator = {
  id: string;
  name: string;
  activity: { id: string; name: string } | null;
  rowVersion: number;
  values: { period: string; regionCode: string | null; target: string | null; actual: string; achievement: number }[];
  latest: { period: string; actual: number; target: number; achievement: number } | null;
};
type List = { indicators: Indicator[]; rollUp: number | null; canEdit: boolean; activities: { id: string }[] };

describeEachDatabase('monev: indicators of a cooperation', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;
  let activityId: string;

  const call = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(`/api/cooperations/${id}/${path}`, { method, json, session });

    return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
  };
  const list = async (session: TestSession) => (await call(session, 'indicators')).body as unknown as List;
  const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => [e.path, e.code]);

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const created = await ctx().request('/api/cooperations', { json: ksddInput(a, b), session: a.sessions.opdStaff });
    id = ((await created.json()) as { id: string }).id;
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31' }).where(eq(cooperation.id, id));
    const activity = await call(a.sessions.opdStaff, 'activities', 'POST', { name: 'Perluasan jaringan pipa', responsibleOrgId: a.tenant.id, plannedStart: '2026-02-01', plannedEnd: '2026-12-31', weight: 3 });
    assert.equal(activity.status, 201, JSON.stringify(activity.body));
    activityId = activity.body!.id as string;
  });

  it('party staff add indicators; the rules of target side and activity are reported per field', async () => {
    const empty = await list(b.sessions.secretariat);
    assert.deepEqual([empty.indicators, empty.rollUp, empty.canEdit, empty.activities.map((x) => x.id)], [[], null, true, [activityId]]);
    const wrong = await call(a.sessions.secretariat, 'indicators', 'POST', { name: 'Sambungan rumah', unit: 'rumah tangga', baseline: '100', target: '50', activityId: b.tenant.id });
    assert.equal(wrong.status, 422);
    assert.deepEqual(fields(wrong.body), [['activityId', 'activity_not_found'], ['target', 'target_wrong_side']]);
    assert.match((wrong.body as Problem).errors![1]!.message, /baseline/);
    const notANumber = await call(a.sessions.secretariat, 'indicators', 'POST', { name: 'X', unit: 'km', baseline: '1,5', target: '2' });
    assert.ok(notANumber.status === 400 || notANumber.status === 422, String(notANumber.status));
    const made = await call(a.sessions.secretariat, 'indicators', 'POST', { name: 'Sambungan rumah', unit: 'rumah tangga', baseline: '100', target: '500', activityId });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual([made.body!.rowVersion, made.body!.frequency, made.body!.direction, made.body!.weight, (made.body!.activity as { id: string }).id], [1, 'QUARTERLY', 'INCREASE', 1, activityId]);
    const audit = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, made.body!.id as string), eq(auditLog.action, 'monev.indicator.create')));
    assert.equal(audit.length, 1);
  });

  it('records and corrects period values; achievement and the roll-up follow the latest period', async () => {
    const stunting = await call(b.sessions.opdHead, 'indicators', 'POST', { name: 'Prevalensi stunting', unit: '%', baseline: '30', target: '20', direction: 'DECREASE', frequency: 'SEMESTER' });
    assert.equal(stunting.status, 201, JSON.stringify(stunting.body));
    const sid = stunting.body!.id as string;
    const badPeriod = await call(b.sessions.opdHead, `indicators/${sid}/values`, 'PUT', { period: '2026-Q1', actual: '28' });
    assert.equal(badPeriod.status, 422);
    assert.deepEqual(fields(badPeriod.body), [['period', 'period_format']]);
    assert.match((badPeriod.body as Problem).errors![0]!.message, /2026-S1/);
    const regionOnPlain = await call(b.sessions.opdHead, `indicators/${sid}/values`, 'PUT', { period: '2026-S1', actual: '28', regionCode: '63.06' });
    assert.deepEqual(fields(regionOnPlain.body), [['regionCode', 'region_not_allowed']]);
    assert.equal((await call(b.sessions.opdHead, `indicators/${sid}/values`, 'PUT', { period: '2026-S1', actual: '28' })).status, 200);
    const s2 = await call(b.sessions.opdHead, `indicators/${sid}/values`, 'PUT', { period: '2026-S2', actual: '27.5', note: 'Data Dinkes' });
    assert.equal(s2.status, 200);
    assert.deepEqual((s2.body as unknown as Indicator).latest, { period: '2026-S2', actual: 27.5, target: 20, achievement: 25 });
    const corrected = await call(a.sessions.secretariat, `indicators/${sid}/values`, 'PUT', { period: '2026-S2', actual: '25' });
    const ind = corrected.body as unknown as Indicator;
    assert.deepEqual(ind.values.map((v) => [v.period, Number(v.actual), v.achievement]), [['2026-S1', 28, 20], ['2026-S2', 25, 50]]);
    const trail = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, sid), like(auditLog.action, 'monev.indicator_value.%')));
    assert.deepEqual(trail.map((t) => t.action).sort(), ['monev.indicator_value.correct', 'monev.indicator_value.record', 'monev.indicator_value.record']);
    const correction = trail.find((t) => t.action === 'monev.indicator_value.correct')!.diff as { before: { actual: string }; after: { actual: string } };
    assert.deepEqual([Number(correction.before.actual), Number(correction.after.actual)], [27.5, 25]);

    const sambungan = (await list(a.sessions.kepala)).indicators.find((i) => i.name === 'Sambungan rumah');
    await call(a.sessions.secretariat, `indicators/${sambungan!.id}/values`, 'PUT', { period: '2026-Q1', actual: '300' });
    const all = await list(a.sessions.kepala);
    // Activity (weight 3) holds "sambungan" at 50%; the stunting indicator (weight 1) stands beside it at 50%.
    assert.equal(all.indicators.find((i) => i.id === sambungan!.id)!.latest!.achievement, 50);
    assert.equal(all.rollUp, 50);
    const q2 = await call(a.sessions.secretariat, `indicators/${sambungan!.id}/values`, 'PUT', { period: '2026-Q2', actual: '500' });
    assert.equal(q2.status, 200, JSON.stringify(q2.body));
    assert.equal((await list(a.sessions.kepala)).rollUp, 87.5);
  });

  it('a region breakdown needs a known region per value and sums the regions of the latest period', async () => {
    const made = await call(a.sessions.secretariat, 'indicators', 'POST', { name: 'Jalan poros diperbaiki', unit: 'km', baseline: '0', target: '40', byRegion: true, frequency: 'YEARLY' });
    const rid = made.body!.id as string;
    assert.deepEqual(fields((await call(a.sessions.secretariat, `indicators/${rid}/values`, 'PUT', { period: '2026', actual: '3' })).body), [['regionCode', 'region_required']]);
    assert.deepEqual(fields((await call(a.sessions.secretariat, `indicators/${rid}/values`, 'PUT', { period: '2026', actual: '3', regionCode: '99.98' })).body), [['regionCode', 'region_unknown']]);
    assert.equal((await call(a.sessions.secretariat, `indicators/${rid}/values`, 'PUT', { period: '2026', actual: '12', regionCode: '63.06' })).status, 200);
    const both = await call(a.sessions.secretariat, `indicators/${rid}/values`, 'PUT', { period: '2026', actual: '8', regionCode: '63.07' });
    assert.equal(both.status, 200, JSON.stringify(both.body));
    assert.deepEqual((both.body as unknown as Indicator).latest, { period: '2026', actual: 20, target: 40, achievement: 50 });
    const named = (both.body as unknown as { values: { regionCode: string; regionName: string }[] }).values.map((v) => [v.regionCode, v.regionName]);
    assert.deepEqual(named, [['63.06', 'Kabupaten Hulu Sungai Selatan'], ['63.07', 'Kabupaten Hulu Sungai Tengah']]);
    const reshape = await call(a.sessions.secretariat, `indicators/${rid}`, 'PATCH', { expectedVersion: 1, byRegion: false, frequency: 'MONTHLY' });
    assert.equal(reshape.status, 422);
    assert.deepEqual(fields(reshape.body), [['frequency', 'has_values'], ['byRegion', 'has_values']]);
  });

  it('changes and deletes only at the version the caller saw', async () => {
    const made = await call(a.sessions.secretariat, 'indicators', 'POST', { name: 'Pelatihan', unit: 'orang', baseline: '0', target: '10' });
    const iid = made.body!.id as string;
    const renamed = await call(a.sessions.secretariat, `indicators/${iid}`, 'PATCH', { expectedVersion: 1, name: 'Pelatihan operator', weight: 2 });
    assert.deepEqual([renamed.status, renamed.body!.rowVersion, renamed.body!.name, renamed.body!.weight], [200, 2, 'Pelatihan operator', 2]);
    const stale = await call(b.sessions.secretariat, `indicators/${iid}`, 'PATCH', { expectedVersion: 1, name: 'Tertimpa' });
    assert.deepEqual([stale.status, (stale.body as Problem).code], [409, 'monev.indicator_stale']);
    assert.equal((await call(a.sessions.secretariat, `indicators/${iid}?expectedVersion=1`, 'DELETE')).status, 409);
    assert.equal((await call(a.sessions.secretariat, `indicators/${iid}?expectedVersion=2`, 'DELETE')).status, 204);
    assert.ok(!(await list(a.sessions.secretariat)).indicators.some((i) => i.id === iid));
    assert.equal((await call(a.sessions.secretariat, `indicators/${iid}?expectedVersion=2`, 'DELETE')).status, 404);
  });

  it('strangers see nothing and change nothing; an ended cooperation is read-only', async () => {
    const stranger = await buildPemdaWorld(ctx(), '63.09', 'Kabupaten Tapin');
    assert.equal((await call(stranger.sessions.secretariat, 'indicators')).status, 404);
    assert.equal((await call(stranger.sessions.secretariat, 'indicators', 'POST', { name: 'Asing', unit: 'x', baseline: '0', target: '1' })).status, 404);
    assert.equal((await call(undefined, 'indicators')).status, 401);
    await ctx().db.update(cooperation).set({ state: 'BERAKHIR' }).where(eq(cooperation.id, id));
    const closed = await call(a.sessions.secretariat, 'indicators', 'POST', { name: 'Terlambat', unit: 'x', baseline: '0', target: '1' });
    assert.deepEqual([closed.status, (closed.body as Problem).code], [409, 'monev.indicator_read_only']);
    assert.equal((await list(a.sessions.secretariat)).canEdit, false);
  });
});

describeEachDatabase('monev: tenant isolation of the indicator routes', (ctx) => {
  it('keeps other tenants out of every indicator route', async () => {
    const kit = await buildIsolationKit(ctx());
    const cases = Object.entries(monevIsolationCases).filter(([key]) => key.includes('/indicators'));
    assert.equal(cases.length, 5);
    for (const [key, c] of cases) {
      await kit.refreshSessions();
      await c.run(kit).catch((err: unknown) => assert.fail(`${key}: ${String(err)}`));
    }
  });
});
