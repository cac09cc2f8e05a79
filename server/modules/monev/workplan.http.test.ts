import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import type { TestSession } from '../../test/context.js';
import { addDocument, buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { buildIsolationKit } from '../../test/isolation.js';
import { monevIsolationCases } from '../../test/isolation.monev.js';
import { auditLog } from '../audit/audit.tables.js';
import { cooperation } from '../cooperations/cooperations.tables.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Plan = {
  activities: { id: string; name: string; budget: string; realisation: string; rowVersion: number; overdue: boolean; responsibleOpd: { name: string } | null }[];
  obligations: { id: string; status: string; overdue: boolean; fulfilledAt: string | null; canUpdate: boolean; party: { id: string; name: string } }[];
  milestones: { id: string; status: string; overdue: boolean; decidedAt: string | null }[];
  summary: { activities: number; completed: number; budget: string; realisation: string; realisationPercent: number | null; obligationsOverdue: number; milestonesMet: number; milestonesOverdue: number };
  canEdit: boolean;
  parties: { id: string; opds: { id: string }[] }[];
};

describeEachDatabase('monev: the work plan of a cooperation', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;
  let partnerCoop: string;
  let partner: { id: string };
  let partnerSession: TestSession;

  const call = async (session: TestSession, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(`/api/cooperations/${path}`, { method, json, session });

    return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
  };
  const plan = async (session: TestSession, coop = id) => (await call(session, `${coop}/work-plan`)).body as unknown as Plan;
  const inForce = (coopId: string) => ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-03-01', endDate: '2028-02-29' }).where(eq(cooperation.id, coopId));

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const created = await ctx().request('/api/cooperations', { json: ksddInput(a, b), session: a.sessions.opdStaff });
    id = ((await created.json()) as { id: string }).id;
    await inForce(id);
    partner = await buildOrg(ctx().db, { type: 'PIHAK_KETIGA', name: 'PT Air Bersih Banua (fiktif)', legalForm: 'PT' });
    const partnerUser = await buildUser(ctx().db, { orgId: partner.id, roles: [{ role: 'PARTNER_USER', orgId: partner.id }] });
    partnerSession = await signIn(ctx(), partnerUser.email);
    const withPartner = await ctx().request('/api/cooperations', {
      json: ksddInput(a, b, { kind: 'KSDPK', ksddCategory: null, parties: [{ orgId: a.tenant.id, leadOpdId: a.opd.id }, { orgId: partner.id }] }),
      session: a.sessions.opdStaff,
    });
    assert.equal(withPartner.status, 201, await withPartner.clone().text());
    partnerCoop = ((await withPartner.json()) as { id: string }).id;
    await inForce(partnerCoop);
  });

  it('party staff add activities with budget and realisation, and the summary adds them up exactly', async () => {
    const empty = await plan(b.sessions.secretariat);
    assert.equal(empty.canEdit, true, 'every party pemda edits the plan');
    assert.deepEqual(empty.summary, { activities: 0, completed: 0, budget: '0.00', realisation: '0.00', realisationPercent: null, obligationsOverdue: 0, milestonesMet: 0, milestonesOverdue: 0 });
    assert.deepEqual(empty.parties.find((p) => p.id === a.tenant.id)?.opds.map((o) => o.id), [a.opd.id]);
    const pks = await addDocument(ctx().db, id, 'PKS', { status: 'SIGNED' });
    const first = await call(a.sessions.opdStaff, `${id}/activities`, 'POST', {
      name: 'Pembangunan sel TPA regional',
      agreementDocumentId: pks.id,
      responsibleOrgId: a.tenant.id,
      responsibleOpdId: a.opd.id,
      plannedStart: '2026-04-01',
      plannedEnd: '2026-12-31',
      budget: '1500000000.00',
      realisation: '450000000.10',
      outputs: ['1 sel TPA', 'Dokumen DED'],
      status: 'BERJALAN',
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body!.rowVersion, 1);
    const second = await call(b.sessions.opdHead, `${id}/activities`, 'POST', { name: 'Sosialisasi', responsibleOrgId: b.tenant.id, plannedStart: '2026-04-01', plannedEnd: '2026-04-30', budget: '0.20', realisation: '0.20', status: 'SELESAI' });
    assert.equal(second.status, 201);
    await call(b.sessions.opdHead, `${id}/activities`, 'POST', { name: 'Dibatalkan', responsibleOrgId: b.tenant.id, plannedStart: '2026-04-01', plannedEnd: '2026-04-30', budget: '999.00', status: 'DIBATALKAN' });
    const seen = await plan(a.sessions.kepala);
    assert.equal(seen.activities[0]?.responsibleOpd?.name, a.opd.name);
    assert.deepEqual(
      { activities: seen.summary.activities, completed: seen.summary.completed, budget: seen.summary.budget, realisation: seen.summary.realisation, pct: seen.summary.realisationPercent },
      { activities: 2, completed: 1, budget: '1500000000.20', realisation: '450000000.30', pct: 30 },
      'cancelled activities count in neither sum; no float rounding',
    );
    const audit = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'work_plan_activity'), like(auditLog.action, 'monev.activity.create')));
    assert.equal(audit.length, 3, 'every change writes its audit row');
  });

  it('refuses malformed input (400) and broken plan rules (422), each on its field, in the caller’s language', async () => {
    const bad = await call(a.sessions.opdStaff, `${id}/activities`, 'POST', { responsibleOrgId: a.tenant.id, plannedStart: '2026-04-01', plannedEnd: 'besok', budget: '1,5 juta' });
    assert.equal(bad.status, 400);
    const paths = ((bad.body as unknown as Problem).errors ?? []).map((e) => e.path).sort();
    assert.deepEqual(paths, ['budget', 'name', 'plannedEnd']);
    const kak = await addDocument(ctx().db, id, 'KAK');
    const rules = await call(a.sessions.opdStaff, `${id}/activities`, 'POST', {
      name: 'Salah semua',
      agreementDocumentId: kak.id,
      responsibleOrgId: a.tenant.id,
      responsibleOpdId: b.opd.id,
      plannedStart: '2026-02-01',
      plannedEnd: '2026-01-01',
    });
    const problem = rules.body as unknown as Problem;
    assert.equal(rules.status, 422);
    assert.equal(problem.code, 'monev.work_plan_invalid');
    assert.deepEqual(problem.errors!.map((e) => `${e.path}:${e.code}`).sort(), [
      'agreementDocumentId:document_not_agreement',
      'plannedEnd:end_before_start',
      'plannedEnd:outside_term',
      'plannedStart:outside_term',
      'responsibleOpdId:opd_not_of_party',
    ]);
    assert.match(problem.errors!.find((e) => e.path === 'plannedStart')!.message, /2026-03-01 s\.d\. 2028-02-29/);
    const en = await ctx().request(`/api/cooperations/${id}/obligations`, {
      json: { partyOrgId: partner.id, description: 'Bukan pihak' },
      session: a.sessions.opdStaff,
      headers: { 'accept-language': 'en' },
    });
    assert.equal(en.status, 422);
    assert.deepEqual(((await en.json()) as Problem).errors, [{ path: 'partyOrgId', code: 'not_a_party', message: 'This organisation is not a party to the cooperation.' }]);
    const milestone = await call(a.sessions.opdStaff, `${id}/milestones`, 'POST', { name: 'Terlalu lambat', dueDate: '2029-01-01', activityId: partnerCoop });
    assert.deepEqual(((milestone.body as unknown as Problem).errors ?? []).map((e) => e.path).sort(), ['activityId', 'dueDate']);
  });

  it('changes an activity only from the version the editor saw (409 when stale)', async () => {
    const [activity] = (await plan(a.sessions.opdStaff)).activities;
    const ok = await call(a.sessions.opdStaff, `${id}/activities/${activity!.id}`, 'PATCH', { expectedVersion: 1, realisation: '750000000.00' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body!.rowVersion, 2);
    const stale = await call(b.sessions.secretariat, `${id}/activities/${activity!.id}`, 'PATCH', { expectedVersion: 1, name: 'Nama lama' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body!.code, 'monev.activity_stale');
    assert.equal((await plan(a.sessions.opdStaff)).activities[0]!.name, 'Pembangunan sel TPA regional');
  });

  it('refuses to delete an activity that still has milestones, then deletes in order', async () => {
    const activity = (await call(a.sessions.opdStaff, `${id}/activities`, 'POST', { name: 'Sementara', responsibleOrgId: a.tenant.id, plannedStart: '2026-05-01', plannedEnd: '2026-05-31' })).body!;
    const milestone = (await call(a.sessions.opdStaff, `${id}/milestones`, 'POST', { name: 'Tonggak sementara', dueDate: '2026-05-31', activityId: activity.id })).body!;
    const refused = await call(a.sessions.opdStaff, `${id}/activities/${String(activity.id)}`, 'DELETE');
    assert.equal(refused.status, 409);
    assert.equal(refused.body!.code, 'monev.activity_has_milestones');
    assert.equal((await call(a.sessions.opdStaff, `${id}/milestones/${String(milestone.id)}`, 'DELETE')).status, 204);
    assert.equal((await call(a.sessions.opdStaff, `${id}/activities/${String(activity.id)}`, 'DELETE')).status, 204);
    assert.equal((await call(a.sessions.opdStaff, `${id}/activities/${String(activity.id)}`, 'DELETE')).status, 404);
    assert.ok(!(await plan(a.sessions.opdStaff)).activities.some((x) => x.id === activity.id));
  });

  it('a partner updates only the status and note of its own obligations', async () => {
    const own = (await call(a.sessions.secretariat, `${partnerCoop}/obligations`, 'POST', { partyOrgId: partner.id, description: 'Menyediakan instalasi pengolahan air', dueDate: '2026-06-30' })).body!;
    const pemdas = (await call(a.sessions.secretariat, `${partnerCoop}/obligations`, 'POST', { partyOrgId: a.tenant.id, description: 'Menyediakan lahan' })).body!;
    const seen = await plan(partnerSession, partnerCoop);
    assert.equal(seen.canEdit, false);
    assert.deepEqual(seen.obligations.map((o) => [o.party.id, o.canUpdate]).sort(), [[a.tenant.id, false], [partner.id, true]].sort());
    const done = await call(partnerSession, `${partnerCoop}/obligations/${String(own.id)}`, 'PATCH', { status: 'DIPENUHI', note: 'IPA selesai dibangun' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body!.fulfilledAt, ctx().clock.now().toISOString());
    const widen = await call(partnerSession, `${partnerCoop}/obligations/${String(own.id)}`, 'PATCH', { dueDate: '2027-12-31' });
    assert.equal(widen.body!.code, 'monev.partner_fields_limited');
    const other = await call(partnerSession, `${partnerCoop}/obligations/${String(pemdas.id)}`, 'PATCH', { status: 'TIDAK_DIPENUHI' });
    assert.equal(other.status, 403);
    const add = await call(partnerSession, `${partnerCoop}/activities`, 'POST', { name: 'Mitra', responsibleOrgId: partner.id, plannedStart: '2026-04-01', plannedEnd: '2026-04-02' });
    assert.equal(add.body!.code, 'monev.work_plan_forbidden');
    assert.equal((await call(partnerSession, `${partnerCoop}/obligations/${String(own.id)}`, 'DELETE')).status, 403);
  });

  it('flags obligations and milestones overdue from the Jakarta day after their due date', async () => {
    const o = (await call(a.sessions.opdStaff, `${id}/obligations`, 'POST', { partyOrgId: b.tenant.id, description: 'Menyerahkan data timbulan sampah', dueDate: '2026-03-10' })).body!;
    await call(a.sessions.opdStaff, `${id}/milestones`, 'POST', { name: 'DED disetujui', dueDate: '2026-03-10' });
    ctx().clock.set(new Date('2026-03-10T16:30:00Z')); // 23:30 WIB: still the due day
    let reader = await signIn(ctx(), a.users.tkksd.email);
    let seen = await plan(reader);
    assert.deepEqual([seen.summary.obligationsOverdue, seen.summary.milestonesOverdue], [0, 0]);
    ctx().clock.set(new Date('2026-03-10T17:30:00Z')); // 00:30 WIB on 11 March
    reader = await signIn(ctx(), a.users.tkksd.email);
    seen = await plan(reader);
    assert.deepEqual([seen.summary.obligationsOverdue, seen.summary.milestonesOverdue], [1, 1]);
    assert.equal(seen.obligations.find((x) => x.id === o.id)?.overdue, true);
    const m = seen.milestones.find((x) => x.overdue)!;
    const met = await call(reader, `${id}/milestones/${m.id}`, 'PATCH', { status: 'TERCAPAI', note: 'Disetujui 9 Maret' });
    assert.equal(met.body!.decidedAt, ctx().clock.now().toISOString());
    await call(reader, `${id}/obligations/${String(o.id)}`, 'PATCH', { status: 'DIPENUHI' });
    seen = await plan(reader);
    assert.deepEqual([seen.summary.obligationsOverdue, seen.summary.milestonesOverdue, seen.summary.milestonesMet], [0, 0, 1]);
  });

  it('is read-only outside PKS/NK drafting to the end of the term (409), and hidden from strangers', async () => {
    await ctx().db.update(cooperation).set({ state: 'BERAKHIR' }).where(eq(cooperation.id, id));
    const reader = await signIn(ctx(), a.users.opdStaff.email);
    assert.equal((await plan(reader)).canEdit, false);
    const refused = await call(reader, `${id}/obligations`, 'POST', { partyOrgId: a.tenant.id, description: 'Terlambat' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body!.code, 'monev.work_plan_read_only');
    await ctx().db.update(cooperation).set({ state: 'BERLAKU' }).where(eq(cooperation.id, id));
    const stranger = await buildPemdaWorld(ctx(), '63.09', 'Kabupaten Tapin');
    assert.equal((await call(stranger.sessions.secretariat, `${id}/work-plan`)).status, 404);
    assert.equal((await ctx().request(`/api/cooperations/${id}/work-plan`)).status, 401);
  });

});

describeEachDatabase('monev: tenant isolation of the work plan routes', (ctx) => {
  it('keeps other tenants out of every work plan route', async () => {
    const kit = await buildIsolationKit(ctx());
    for (const [key, c] of Object.entries(monevIsolationCases)) {
      await kit.refreshSessions();
      await c.run(kit).catch((err: unknown) => assert.fail(`${key}: ${String(err)}`));
    }
  });
});
