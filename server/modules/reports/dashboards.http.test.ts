import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { rebuildMonevSummaries } from '../monev/index.js';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { dashboardIsolationCases } from '../../test/isolation.dashboards.js';
import { buildIsolationKit } from '../../test/isolation.js';
import { cooperation, rulePack } from '../cooperations/cooperations.tables.js';
import { monevIndicator, monevIndicatorValue } from '../monev/indicators.tables.js';
import { workPlanActivity } from '../monev/workplan.tables.js';

type Dashboard = {
  scope: { level: string; region: string | null; name: string | null };
  choices: { nation: boolean; provinces: { code: string; name: string }[]; pemda: { code: string; name: string }[] };
  today: string;
  figures: Record<string, number | string | null>;
  byUrusan: { key: string; name: string | null; count: number }[];
  byKind: { key: string; count: number }[];
  byState: { key: string; count: number }[];
  byYear: { key: string; count: number }[];
  expiringSoon: { id: string; code: string; title: string; date: string }[];
  longestDormant: { id: string; code: string; title: string; date: string }[];
};
type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

/**
 * A known world on 2 March 2026 (WIB): pemda A (63.06) and B (63.07) in South Kalimantan, C
 * (95.01) and D (95.02) in Papua Pegunungan. A keeps its own rule pack with a 12-month dormancy;
 * everyone else has the national 6 months (cut-off 2 September 2025).
 *   x1 A–B in force, signed 10 Jun 2025, never monitored, ends 30 Apr 2026 (dormant under 6 months, not under A's 12)
 *   x2 A–C in force, signed 1 Dec 2025, monitored 1 Feb 2026, ends 2028
 *   x3 B–C proposed (USULAN), unsigned, created 2 Mar 2026
 *   x4 A–B ended (BERAKHIR), signed 5 Jan 2023
 *   x5 C–D in force, signed 1 Mar 2024, monitored 1 Aug 2025, ends 15 Mar 2026 (dormant)
 */
describeEachDatabase('reports: dashboards of a pemda, a province and the nation', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let c: PemdaWorld;
  let d: PemdaWorld;
  let gwpp: TestSession;
  let gwppPapua: TestSession;
  let kemendagri: TestSession;
  const ids: Record<string, string> = {};

  const get = async (session: TestSession | undefined, query = '') => {
    const res = await ctx().request(`/api/dashboard${query}`, { session });

    return { status: res.status, body: (await res.json()) as Dashboard & Problem };
  };
  const ok = async (session: TestSession, query = '') => {
    const res = await get(session, query);
    assert.equal(res.status, 200, JSON.stringify(res.body));

    return res.body as Dashboard;
  };
  const counts = (buckets: { key: string; count: number }[]) => Object.fromEntries(buckets.map((x) => [x.key, x.count]));

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    c = await buildPemdaWorld(ctx(), '95.01', 'Kabupaten Jayawijaya');
    d = await buildPemdaWorld(ctx(), '95.02', 'Kabupaten Pegunungan Bintang');
    const db = ctx().db;
    const make = async (key: string, by: PemdaWorld, other: PemdaWorld, urusanCodes: string[], set: Partial<typeof cooperation.$inferInsert>) => {
      const res = await ctx().request('/api/cooperations', { json: ksddInput(by, other, { title: `Kerja sama ${key}`, urusanCodes }), session: by.sessions.secretariat });
      assert.equal(res.status, 201, await res.clone().text());
      ids[key] = ((await res.json()) as { id: string }).id;
      if (Object.keys(set).length) await db.update(cooperation).set(set).where(eq(cooperation.id, ids[key]));
    };
    await make('x1', a, b, ['2.11'], { state: 'BERLAKU', signedAt: '2025-06-10', startDate: '2025-06-10', endDate: '2026-04-30', progress: '40' });
    await make('x2', a, c, ['1.03', '2.11'], { state: 'BERLAKU', signedAt: '2025-12-01', startDate: '2025-12-01', endDate: '2028-12-31', progress: '80', lastMonitoredAt: new Date('2026-02-01T03:00:00Z') });
    await make('x3', b, c, ['1.03'], {});
    await make('x4', a, b, ['2.11'], { state: 'BERAKHIR', signedAt: '2023-01-05', startDate: '2023-01-05', endDate: '2025-12-31', progress: '100' });
    await make('x5', c, d, ['2.11'], { state: 'BERLAKU', signedAt: '2024-03-01', startDate: '2024-03-01', endDate: '2026-03-15', progress: '10', lastMonitoredAt: new Date('2025-07-31T18:00:00Z') });
    await db.insert(rulePack).values({ tenantId: a.tenant.id, version: 1, validFrom: '2020-01-01', rules: { dormantAfterMonths: 12 }, note: 'HSS', createdAt: new Date('2026-01-01T00:00:00Z') });

    const now = new Date('2026-03-01T00:00:00Z');
    const activity = async (cooperationId: string, budget: string, realisation: string) =>
      (
        await db
          .insert(workPlanActivity)
          .values({ cooperationId, name: 'Kegiatan', responsibleOrgId: a.tenant.id, plannedStart: '2026-01-01', plannedEnd: '2026-12-31', budget, realisation, status: 'BERJALAN', description: '', outputs: [], weight: '1', rowVersion: 1, createdAt: now, updatedAt: now })
          .returning()
      )[0]!;
    await activity(ids.x1!, '1500000.00', '250000.50');
    await activity(ids.x2!, '1000000.25', '0');
    await activity(ids.x5!, '7000000.00', '7000000.00');
    const indicator = async (cooperationId: string, v: { baseline: string; target: string; direction: 'INCREASE' | 'DECREASE'; frequency: 'QUARTERLY' | 'YEARLY' }) =>
      (await db.insert(monevIndicator).values({ cooperationId, name: 'Indikator', unit: 'unit', ...v, byRegion: false, weight: '1', rowVersion: 1, createdAt: now, updatedAt: now }).returning())[0]!.id;
    const value = (indicatorId: string, period: string, actual: string, target: string | null = null) =>
      db.insert(monevIndicatorValue).values({ indicatorId, period, actual, target, note: '', recordedAt: now });
    // x2: reached the target in 2025-Q4, but the latest period (2026-Q1) has not.
    const i1 = await indicator(ids.x2!, { baseline: '0', target: '100', direction: 'INCREASE', frequency: 'QUARTERLY' });
    await value(i1, '2026-Q1', '50');
    await value(i1, '2025-Q4', '120');
    // x1: a decrease that went below its target.
    const i2 = await indicator(ids.x1!, { baseline: '10', target: '5', direction: 'DECREASE', frequency: 'YEARLY' });
    await value(i2, '2026', '4');
    // x2: the period's own target (60) counts, not the indicator's (100).
    const i3 = await indicator(ids.x2!, { baseline: '0', target: '100', direction: 'INCREASE', frequency: 'YEARLY' });
    await value(i3, '2026', '60', '60');
    // x5: nothing recorded yet.
    await indicator(ids.x5!, { baseline: '0', target: '10', direction: 'INCREASE', frequency: 'YEARLY' });
    // Written straight into the tables above, so monev's per-cooperation summary is rebuilt as the use cases would keep it.
    await rebuildMonevSummaries(db);

    const gwppOrg = await buildOrg(db, { type: 'GWPP', name: 'Gubernur Kalimantan Selatan selaku GWPP', regionCode: '63' });
    const gwppUser = await buildUser(db, { orgId: gwppOrg.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwppOrg.id }] });
    gwpp = await signIn(ctx(), gwppUser.email);
    const papuaOrg = await buildOrg(db, { type: 'GWPP', name: 'Gubernur Papua Pegunungan selaku GWPP', regionCode: '95' });
    const papuaUser = await buildUser(db, { orgId: papuaOrg.id, roles: [{ role: 'GWPP_REVIEWER', orgId: papuaOrg.id }] });
    gwppPapua = await signIn(ctx(), papuaUser.email);
    const unit = await buildOrg(db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Kerja Sama Daerah' });
    const viewer = await buildUser(db, { orgId: unit.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: unit.id }] });
    kemendagri = await signIn(ctx(), viewer.email);
  });

  it("a pemda user sees their own pemda's figures exactly, with its own dormancy rule", async () => {
    const dash = await ok(a.sessions.secretariat);
    assert.deepEqual(dash.scope, { level: 'pemda', region: '63.06', name: 'Kabupaten Hulu Sungai Selatan' });
    assert.equal(dash.today, '2026-03-02');
    assert.deepEqual(dash.figures, {
      total: 3,
      inForce: 2,
      inProcess: 0,
      ended: 1,
      dormant: 0,
      expiring: 1,
      meanProgress: 60,
      budget: '2500000.25',
      realisation: '250000.50',
      indicators: 3,
      indicatorsAchieved: 2,
    });
    assert.deepEqual(counts(dash.byKind), { KSDD: 3 });
    assert.deepEqual(counts(dash.byState), { BERLAKU: 2, BERAKHIR: 1 });
    assert.deepEqual(counts(dash.byYear), { 2023: 1, 2025: 2 });
    assert.deepEqual(dash.byUrusan.map((u) => [u.key, u.count]), [['2.11', 3], ['1.03', 1]]);
    assert.ok(dash.byUrusan.every((u) => typeof u.name === 'string' && u.name.length > 0));
    assert.deepEqual(dash.expiringSoon.map((x) => [x.id, x.date]), [[ids.x1, '2026-04-30']]);
    assert.deepEqual(dash.longestDormant, []);
    assert.deepEqual(dash.choices, { nation: false, provinces: [], pemda: [{ code: '63.06', name: 'Kabupaten Hulu Sungai Selatan' }] });
  });

  it("the province scope covers every cooperation of its kab/kota once; a GWPP may open their pemda but not another province's", async () => {
    const dash = await ok(gwpp);
    assert.deepEqual([dash.scope.level, dash.scope.region], ['province', '63']);
    assert.match(dash.scope.name ?? '', /KALIMANTAN SELATAN/i);
    // x1–x4 have a party in 63; x5 (C–D) has none.
    assert.deepEqual([dash.figures.total, dash.figures.inForce, dash.figures.inProcess, dash.figures.ended, dash.figures.dormant], [4, 2, 1, 1, 0]);
    assert.deepEqual(counts(dash.byYear), { 2023: 1, 2025: 2, 2026: 1 });
    assert.deepEqual(counts(dash.byState), { BERLAKU: 2, BERAKHIR: 1, USULAN: 1 });
    const pemdaA = await ok(gwpp, '?scope=pemda&region=63.06');
    const pemdaB = await ok(gwpp, '?scope=pemda&region=63.07');
    // A and B share x1 and x4: the province counts them once.
    assert.deepEqual([pemdaA.figures.total, pemdaB.figures.total], [3, 3]);
    assert.equal(dash.figures.total, (pemdaA.figures.total as number) + (pemdaB.figures.total as number) - 2);
    assert.equal((await get(gwpp, '?scope=province&region=95')).status, 403);
    assert.equal((await get(gwpp, '?scope=pemda&region=95.01')).status, 403);
    assert.equal((await get(gwpp, '?scope=nation')).status, 403);
  });

  it('Kemendagri sees the nation by default, with national dormancy and the soonest expiring first, and may open any province', async () => {
    const dash = await ok(kemendagri);
    assert.deepEqual(dash.scope, { level: 'nation', region: null, name: null });
    assert.equal(dash.choices.nation, true);
    assert.ok(dash.choices.provinces.length >= 38, String(dash.choices.provinces.length));
    assert.deepEqual(dash.figures, {
      total: 5,
      inForce: 3,
      inProcess: 1,
      ended: 1,
      dormant: 1,
      expiring: 2,
      meanProgress: 43.3,
      budget: '9500000.25',
      realisation: '7250000.50',
      indicators: 4,
      indicatorsAchieved: 2,
    });
    assert.deepEqual(dash.expiringSoon.map((x) => [x.id, x.date]), [[ids.x5, '2026-03-15'], [ids.x1, '2026-04-30']]);
    // Monitored at 01:00 WIB on 1 August 2025.
    assert.deepEqual(dash.longestDormant.map((x) => [x.id, x.code.length > 0, x.title, x.date]), [[ids.x5, true, 'Kerja sama x5', '2025-08-01']]);
    const papua = await ok(kemendagri, '?scope=province&region=95');
    assert.deepEqual([papua.figures.total, papua.figures.dormant, papua.figures.indicators], [3, 1, 3]);
    assert.equal((await ok(gwppPapua)).figures.total, 3);
    assert.equal((await ok(kemendagri, '?scope=pemda&region=95.02')).figures.total, 1);
  });

  it('a dashboard served again reflects a change at once: every hit is checked against the newest committed change', async () => {
    const first = await ok(kemendagri);
    assert.deepEqual(await ok(kemendagri), first, 'the same figures when nothing changed');
    const res = await ctx().request('/api/cooperations', { json: ksddInput(d, c, { title: 'Kerja sama x6', urusanCodes: ['1.03'] }), session: d.sessions.secretariat });
    assert.equal(res.status, 201, await res.clone().text());
    const x6 = ((await res.json()) as { id: string }).id;
    const after = await ok(kemendagri);
    assert.equal(after.figures.total, (first.figures.total as number) + 1);
    assert.equal(counts(after.byState).USULAN, (counts(first.byState).USULAN ?? 0) + 1);
    // A change made outside the application (a data fix in SQL) is seen too: the trigger notes every statement.
    await ctx().db.update(cooperation).set({ state: 'BATAL' }).where(eq(cooperation.id, x6));
    const fixed = await ok(kemendagri);
    assert.equal(counts(fixed.byState).BATAL, 1);
    assert.equal(fixed.figures.inProcess, first.figures.inProcess);
    await ctx().db.delete(cooperation).where(eq(cooperation.id, x6));
    assert.deepEqual((await ok(kemendagri)).figures, first.figures);
  });

  it('refuses other scopes and explains bad queries per field', async () => {
    assert.equal((await get(undefined)).status, 401);
    for (const q of ['?scope=pemda&region=63.07', '?scope=province&region=63', '?scope=nation']) {
      const res = await get(a.sessions.secretariat, q);
      assert.equal(res.status, 403, q);
      assert.equal(res.body.code, 'reports.dashboard_forbidden');
    }
    const fields = (body: Problem) => (body.errors ?? []).map((e) => [e.path, e.code]);
    const nationRegion = await get(kemendagri, '?scope=nation&region=63');
    assert.equal(nationRegion.status, 400);
    assert.deepEqual(fields(nationRegion.body), [['query.region', 'region_not_allowed']]);
    assert.deepEqual(fields((await get(kemendagri, '?scope=province&region=63.06')).body), [['query.region', 'not_a_province']]);
    assert.deepEqual(fields((await get(kemendagri, '?region=63')).body), [['query.scope', 'scope_required']]);
    assert.equal((await get(kemendagri, '?scope=planet')).status, 400);
    const missing = await get(kemendagri, '?scope=province');
    assert.equal(missing.status, 422);
    assert.deepEqual(fields(missing.body), [['query.region', 'required']]);
    assert.equal((await get(kemendagri, '?scope=province&region=99')).status, 404);
    assert.equal((await get(kemendagri, '?scope=pemda&region=99.99')).status, 404);
  });

});

describeEachDatabase('reports: dashboard tenant isolation', (ctx) => {
  it('tenant isolation: another pemda cannot open this pemda, province or the nation', async () => {
    const kit = await buildIsolationKit(ctx());
    await dashboardIsolationCases['GET /api/dashboard']!.run(kit);
  });
});
