import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildTenant, buildUser, signIn } from '../../test/factories.js';
import { extractPdfText } from '../../platform/render/pdf.js';
import { auditLog } from '../audit/audit.tables.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import { monevIndicator, monevIndicatorValue } from '../monev/indicators.tables.js';
import { workPlanActivity } from '../monev/workplan.tables.js';
import { notification } from '../notifications/notifications.tables.js';
import { dueReports } from './index.js';
import { isReminderDay, runReportReminders } from './reports.jobs.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };
type Report = { id: string; status: string; rowVersion: number; level: string; recipient: string; dueDate: string; locked: boolean; can: { regenerate: boolean; submit: boolean; review: boolean } };
type Detail = Report & {
  figures: {
    totals: Record<string, number>;
    byKind: { key: string; count: number }[];
    byUrusan: { code: string; name: string; count: number }[];
    byState: { key: string; count: number }[];
    money: { budget: string; realisation: string; activities: number };
    indicators: { total: number; measured: number; achieved: number };
    dormant: { code: string; monthsQuiet: number }[];
    expiring: { code: string }[];
    regions: { regionCode: string; cooperations: number; reportStatus: string | null }[];
  };
};

describeEachDatabase('reports: periodic reports to the Gubernur and Kemendagri', (ctx) => {
  let hss: PemdaWorld;
  let hst: PemdaWorld;
  let gwpp: TestSession;
  let otherGwpp: TestSession;
  let kemendagri: TestSession;
  let codes: { inForce: string; ended: string };
  let reportId: string;

  const call = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(`/api/reports${path}`, { method, json, session });
    const type = res.headers.get('content-type') ?? '';

    return { status: res.status, res, body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : null };
  };
  const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => [e.path, e.code]);

  before(async () => {
    const db = ctx().db;
    await buildTenant(db, { regionCode: '63', name: 'Pemerintah Provinsi Kalimantan Selatan' });
    hss = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    hst = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const gwppOrg = await buildOrg(db, { type: 'GWPP', name: 'GWPP Kalimantan Selatan', regionCode: '63' });
    const papuaGwpp = await buildOrg(db, { type: 'GWPP', name: 'GWPP Papua Pegunungan', regionCode: '95' });
    const unit = await buildOrg(db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Kerja Sama' });
    gwpp = await signIn(ctx(), (await buildUser(db, { orgId: gwppOrg.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwppOrg.id }] })).email);
    otherGwpp = await signIn(ctx(), (await buildUser(db, { orgId: papuaGwpp.id, roles: [{ role: 'GWPP_REVIEWER', orgId: papuaGwpp.id }] })).email);
    kemendagri = await signIn(ctx(), (await buildUser(db, { orgId: unit.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: unit.id }] })).email);

    const make = async (overrides: Record<string, unknown>) => {
      const res = await ctx().request('/api/cooperations', { json: ksddInput(hss, hst, overrides), session: hss.sessions.secretariat });
      assert.equal(res.status, 201, await res.clone().text());

      return (await res.json()) as { id: string; code: string };
    };
    // In force, signed in the period, ends within six months after it, never monitored: dormant by March 2026.
    const a = await make({ title: 'Air minum regional', urusanCodes: ['1.03'] });
    await db
      .update(cooperation)
      .set({ state: 'BERLAKU', signedAt: '2025-08-10', startDate: '2025-08-10', endDate: '2026-05-31', createdAt: new Date('2025-07-01T00:00:00Z'), stateChangedAt: new Date('2025-08-10T03:00:00Z') })
      .where(eq(cooperation.id, a.id));
    // Terminated inside the period.
    const b = await make({ title: 'Persampahan', urusanCodes: ['2.11'] });
    await db.update(cooperation).set({ state: 'DIAKHIRI', signedAt: '2024-02-01', createdAt: new Date('2024-01-10T00:00:00Z'), stateChangedAt: new Date('2025-10-01T03:00:00Z') }).where(eq(cooperation.id, b.id));
    // Created after the period: not in the 2025 report.
    await make({ title: 'Usulan baru 2026', urusanCodes: ['2.11'] });
    codes = { inForce: a.code, ended: b.code };
    const now = new Date('2025-09-01T00:00:00Z');
    const activity = { responsibleOrgId: hss.tenant.id, description: '', outputs: [], status: 'BERJALAN' as const, weight: '1', rowVersion: 1, createdAt: now, updatedAt: now };
    await db.insert(workPlanActivity).values([
      { ...activity, cooperationId: a.id, name: 'Pipa', plannedStart: '2025-09-01', plannedEnd: '2025-12-31', budget: '1500000.00', realisation: '600000.00' },
      { ...activity, cooperationId: a.id, name: 'Tahun depan', plannedStart: '2026-02-01', plannedEnd: '2026-06-30', budget: '9000000.00', realisation: '0.00' },
    ]);
    const indicator = { cooperationId: a.id, unit: 'rumah', baseline: '0', direction: 'INCREASE' as const, frequency: 'SEMESTER' as const, byRegion: false, weight: '1', rowVersion: 1, createdAt: now, updatedAt: now };
    const [met, unmet] = await db
      .insert(monevIndicator)
      .values([
        { ...indicator, name: 'Sambungan', target: '100' },
        { ...indicator, name: 'Hidran', target: '50' },
      ])
      .returning();
    await db.insert(monevIndicatorValue).values([
      { indicatorId: met!.id, period: '2025-S2', actual: '120', note: '', recordedAt: now },
      { indicatorId: unmet!.id, period: '2025-S2', actual: '10', note: '', recordedAt: now },
      // After the period: ignored by the 2025 report.
      { indicatorId: unmet!.id, period: '2026-S1', actual: '60', note: '', recordedAt: now },
    ]);
  });

  it('refuses a bad or unfinished period field by field', async () => {
    const bad = await call(hss.sessions.secretariat, '', 'POST', { year: 1999, period: 'SEMESTER_3' });
    assert.ok(bad.status === 400 || bad.status === 422, String(bad.status));
    assert.deepEqual(fields(bad.body).map(([p]) => p).sort(), ['period', 'year']);
    const unfinished = await call(hss.sessions.secretariat, '', 'POST', { year: 2026, period: 'SEMESTER_1' });
    assert.equal(unfinished.status, 422);
    assert.deepEqual(fields(unfinished.body), [['period', 'period_not_ended']]);
    const notMine = await call(hss.sessions.secretariat, '', 'POST', { year: 2025, period: 'SEMESTER_2', organizationId: hst.tenant.id });
    assert.deepEqual(fields(notMine.body), [['organizationId', 'organization_unknown']]);
    assert.equal((await call(hss.sessions.opdStaff, '', 'POST', { year: 2025, period: 'SEMESTER_2' })).status, 403);
  });

  it('generates the figures of a known world, with XLSX and PDF that contain them', async () => {
    const made = await call(hss.sessions.secretariat, '', 'POST', { year: 2025, period: 'SEMESTER_2' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const r = made.body as unknown as Detail;
    reportId = r.id;
    assert.deepEqual([r.status, r.level, r.recipient, r.dueDate, r.can.submit, r.can.review], ['DRAFT', 'PEMDA', 'GUBERNUR', '2026-01-30', true, false]);
    const f = r.figures;
    assert.deepEqual(f.totals, { cooperations: 2, inForce: 1, signed: 1, ended: 1, expiring: 1, dormant: 1 });
    assert.deepEqual(f.byKind, [{ key: 'KSDD', count: 2 }]);
    assert.deepEqual(f.byUrusan.map((u) => [u.code, u.count]), [['1.03', 1], ['2.11', 1]]);
    assert.ok(f.byUrusan[0]!.name.length > 4 && f.byUrusan[0]!.name !== '1.03', 'urusan names are joined');
    assert.deepEqual(f.byState.map((s) => [s.key, s.count]).sort(), [['BERLAKU', 1], ['DIAKHIRI', 1]]);
    assert.deepEqual(f.money, { activities: 1, budget: '1500000.00', realisation: '600000.00' });
    assert.deepEqual(f.indicators, { total: 2, measured: 2, achieved: 1 });
    assert.deepEqual(f.dormant, [{ code: codes.inForce, title: 'Air minum regional', monthsQuiet: 6 }]);
    assert.deepEqual(f.expiring.map((e) => e.code), [codes.inForce]);
    const audit = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'report.generate')));
    assert.equal(audit.length, 1);

    const xlsx = await call(hss.sessions.secretariat, `/${r.id}/xlsx`);
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(xlsx.res.headers.get('content-disposition') ?? '', /attachment;.*Laporan-KSD_63\.06_2025_SEMESTER_2\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.res.arrayBuffer()) as never);
    const summary = wb.worksheets[0]!;
    const cells = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((c) => String(c ?? '')) : []));
    assert.ok(cells(summary).includes('Rp1.500.000,00'), cells(summary).join('|'));
    assert.ok(cells(summary).includes('1 dari 2'));
    assert.ok(cells(wb.getWorksheet('Dormant')!).includes(codes.inForce));

    const pdf = await call(hss.sessions.secretariat, `/${r.id}/pdf`);
    assert.equal(pdf.res.headers.get('content-type'), 'application/pdf');
    const text = await extractPdfText(new Uint8Array(await pdf.res.arrayBuffer()));
    assert.match(text, /Semester II Tahun 2025/);
    assert.match(text, /Rp600\.000,00/);
    assert.ok(text.includes(codes.inForce));
    assert.equal((await call(hss.sessions.secretariat, '', 'POST', { year: 2025, period: 'SEMESTER_2' })).body!.code, 'reports.report_exists');
  });

  it('hides drafts from the GWPP; wrong-province GWPP and pemda users cannot review', async () => {
    assert.equal((await call(gwpp, `/${reportId}`)).status, 404);
    const list = await call(hss.sessions.secretariat, '');
    assert.deepEqual((list.body!.items as Report[]).map((x) => [x.id, x.status]), [[reportId, 'DRAFT']]);
    const submitted = await call(hss.sessions.secretariat, `/${reportId}/submit`, 'POST', { expectedVersion: 1 });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const notices = await ctx().db.select().from(notification).where(eq(notification.kind, 'report.submitted'));
    assert.equal(notices.length, 1);
    assert.equal((await call(otherGwpp, `/${reportId}/accept`, 'POST', { expectedVersion: 2 })).status, 404);
    assert.equal((await call(hss.sessions.secretariat, `/${reportId}/accept`, 'POST', { expectedVersion: 2 })).status, 403);
    assert.equal((await call(kemendagri, `/${reportId}/accept`, 'POST', { expectedVersion: 2 })).status, 403);
    const seen = await call(gwpp, '');
    assert.deepEqual((seen.body!.items as Report[]).map((x) => [x.id, x.can.review]), [[reportId, true]]);
  });

  it('returns with a comment, regenerates, resubmits, accepts; then the report is locked', async () => {
    const noComment = await call(gwpp, `/${reportId}/return`, 'POST', { expectedVersion: 2, comment: ' ' });
    assert.deepEqual(fields(noComment.body), [['comment', 'comment_required']]);
    const returned = await call(gwpp, `/${reportId}/return`, 'POST', { expectedVersion: 2, comment: 'Lengkapi realisasi anggaran' });
    assert.equal((returned.body as unknown as Report).status, 'RETURNED');
    const regenerated = await call(hss.sessions.secretariat, `/${reportId}/regenerate`, 'POST', { expectedVersion: 3 });
    assert.equal(regenerated.status, 200, JSON.stringify(regenerated.body));
    assert.equal((regenerated.body as unknown as Report).rowVersion, 4);
    assert.equal((await call(hss.sessions.secretariat, `/${reportId}/submit`, 'POST', { expectedVersion: 4 })).status, 200);
    const accepted = await call(gwpp, `/${reportId}/accept`, 'POST', { expectedVersion: 5 });
    assert.equal(accepted.status, 200);
    assert.deepEqual([(accepted.body as unknown as Report).status, (accepted.body as unknown as Report).locked], ['ACCEPTED', true]);
    const locked = await call(hss.sessions.secretariat, `/${reportId}/regenerate`, 'POST', { expectedVersion: 6 });
    assert.equal(locked.status, 409);
    assert.equal(locked.body!.code, 'reports.report_locked');
    const detail = (await call(hss.sessions.secretariat, `/${reportId}`)).body as unknown as Report;
    assert.deepEqual(detail.can, { regenerate: false, submit: false, review: false });
    const actions = await ctx().db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, reportId));
    assert.deepEqual(actions.map((a) => a.action), ['report.generate', 'report.submit', 'report.return', 'report.regenerate', 'report.submit', 'report.accept']);
    const back = await ctx().db.select().from(notification).where(eq(notification.kind, 'report.accepted'));
    assert.equal(back.length, 1);
  });

  it('compliance lists who has not reported; the province report rolls up its kab/kota', async () => {
    const c = await call(gwpp, '/compliance?year=2025&period=SEMESTER_2');
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const items = c.body!.items as { regionCode: string; status: string | null; reported: boolean }[];
    assert.deepEqual(items.map((i) => [i.regionCode, i.status, i.reported]), [['63', null, false], ['63.06', 'ACCEPTED', true], ['63.07', null, false]]);
    assert.equal(c.body!.missing, 2);
    assert.equal((await call(hss.sessions.secretariat, '/compliance?year=2025&period=SEMESTER_2')).status, 403);
    const badQuery = await call(gwpp, '/compliance?year=20x5&period=SEMESTER_2');
    assert.equal(badQuery.status, 400);

    const province = await call(gwpp, '', 'POST', { year: 2025, period: 'SEMESTER_2' });
    assert.equal(province.status, 201, JSON.stringify(province.body));
    const p = province.body as unknown as Detail;
    assert.deepEqual([p.level, p.recipient], ['PROVINCE', 'MENDAGRI']);
    assert.equal(p.figures.totals.cooperations, 2);
    assert.deepEqual(p.figures.regions.map((r) => [r.regionCode, r.cooperations, r.reportStatus]), [['63.06', 2, 'ACCEPTED'], ['63.07', 2, null]]);
    assert.equal((await call(kemendagri, `/${p.id}`)).status, 404, 'a draft province report stays with the province');
    assert.equal((await call(gwpp, `/${p.id}/submit`, 'POST', { expectedVersion: 1 })).status, 200);
    assert.equal((await call(gwpp, `/${p.id}/accept`, 'POST', { expectedVersion: 2 })).status, 403, 'the GWPP does not accept its own report');
    assert.equal((await call(kemendagri, `/${p.id}/accept`, 'POST', { expectedVersion: 2 })).status, 200);
    const national = await call(kemendagri, '/compliance?year=2025&period=SEMESTER_2');
    const nat = national.body!.items as { regionCode: string; reported: boolean }[];
    assert.deepEqual(nat.filter((i) => i.reported).map((i) => i.regionCode), ['63', '63.06']);
  });

  it('dueReports names, per tenant, the reports due soon or overdue and not yet submitted', async () => {
    // 2026-01-20: S2 2025 and the 2025 yearly report are due on 30 January (10 days, within the 14-day lead).
    const due = await dueReports({ db: ctx().db, today: '2026-01-20' });
    const of = (code: string) => due.find((d) => d.tenant.regionCode === code)?.reports.map((r) => [r.year, r.period, r.dueDate, r.daysLeft, r.status]);
    assert.deepEqual(of('63.06'), [[2025, 'SEMESTER_1', '2025-07-30', -174, null], [2025, 'YEARLY', '2026-01-30', 10, null]]);
    assert.deepEqual(of('63.07'), [[2025, 'SEMESTER_1', '2025-07-30', -174, null], [2025, 'SEMESTER_2', '2026-01-30', 10, null], [2025, 'YEARLY', '2026-01-30', 10, null]]);
    // Twenty days before the due date is outside every reminder lead: only the overdue one remains.
    const early = await dueReports({ db: ctx().db, today: '2026-01-10' });
    assert.deepEqual(early.find((d) => d.tenant.regionCode === '63.07')?.reports.map((r) => r.period), ['SEMESTER_1']);
  });

  it('reminds the secretariat of a report coming due on the lead days, through the daily digest', async () => {
    const notices = async (kind: string) =>
      (await ctx().db.select().from(notification).where(and(eq(notification.userId, hst.users.secretariat.id), eq(notification.kind, kind)))).map((n) => [n.title, n.digestTo !== null]);
    const run = async (iso: string) => {
      ctx().clock.set(new Date(iso));
      return runReportReminders({ db: ctx().db, clock: ctx().clock, publicUrl: 'http://localhost' });
    };
    // 16 January 2026: the S2 2025 and yearly 2025 reports are due on 30 January, 14 days away (a lead day).
    await run('2026-01-16T01:00:00Z');
    assert.deepEqual((await notices('report.due')).sort(), [
      ['Laporan berkala Semester II 2025 jatuh tempo 30 Januari 2026', true],
      ['Laporan berkala Tahunan 2025 jatuh tempo 30 Januari 2026', true],
    ]);
    // The next day is no lead day; 3 days before is; S1 2025 (due 30 July 2025) is overdue on every seventh day.
    await run('2026-01-17T01:00:00Z');
    assert.equal((await notices('report.due')).length, 2);
    await run('2026-01-27T01:00:00Z');
    assert.equal((await notices('report.due')).length, 4);
    assert.equal((await notices('report.overdue')).length, 0, '181 days late is not a seventh day');
    await run('2026-01-28T01:00:00Z'); // 182 days late
    assert.deepEqual(await notices('report.overdue'), [['Laporan berkala Semester I 2025 terlambat', true]]);
  });

  it('isReminderDay: lead days, the due day, then weekly', () => {
    assert.deepEqual([20, 14, 13, 3, 1, 0, -1, -7, -8, -14].map((d) => isReminderDay(d, [14, 3])), [false, true, false, true, false, true, false, true, false, true]);
  });
});
