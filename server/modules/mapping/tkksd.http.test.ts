import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn, type OrgRow } from '../../test/factories.js';
import { auditLog } from '../audit/audit.tables.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import { roleAssignment } from '../identity/identity.tables.js';
import { monevProgressUpdate } from '../monev/updates.tables.js';
import type { LiaisonDto, LiaisonListDto } from './liaisons.schemas.js';
import type { HandOverResultDto, MemberDto, PeriodDto, TeamDto } from './tkksd.schemas.js';

type Problem = { status: number; code: string; fields: string[][] };
type User = Awaited<ReturnType<typeof buildUser>>;

describeEachDatabase('mapping: TKKSD periods, members, liaisons and hand-over', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let bappeda: OrgRow;
  let sekda: User;
  let asisten: User;
  let l1: User;
  let l2: User;
  let successor: User;
  let period2026: PeriodDto;

  const call = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(path, { method, json, session });

    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ok = async <T>(session: TestSession, path: string, method = 'GET', json?: unknown, status = 200): Promise<T> => {
    const res = await call(session, path, method, json);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);

    return res.body as T;
  };
  const problem = async (session: TestSession | undefined, path: string, method: string, json?: unknown): Promise<Problem> => {
    const res = await call(session, path, method, json);
    const body = res.body as { code: string; errors?: { path: string; code: string }[] };

    return { status: res.status, code: body.code, fields: (body.errors ?? []).map((e) => [e.path, e.code]) };
  };
  const rolesOf = (userId: string, role: string) =>
    ctx()
      .db.select()
      .from(roleAssignment)
      .where(and(eq(roleAssignment.userId, userId), eq(roleAssignment.role, role)));
  const period = (validFrom: string, validTo: string | null, decreeNumber = `100.3.3.2/${validFrom.slice(0, 4)}`) => ({
    title: `Pembentukan TKKSD Kabupaten Hulu Sungai Selatan Tahun ${validFrom.slice(0, 4)}`,
    decreeNumber,
    decreeDate: validFrom,
    validFrom,
    validTo,
  });
  const liaison = (userId: string, opdId: string, extra: Record<string, unknown> = {}) => ({ opdId, userId, decreeNumber: '800/15/2026', decreeDate: '2026-01-05', validFrom: '2026-01-05', validTo: '2026-12-31', ...extra });

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    bappeda = await buildOrg(ctx().db, { type: 'OPD', name: 'Bappeda HSS', tenantId: a.tenant.id, parentId: a.tenant.id, regionCode: '63.06' });
    sekda = await buildUser(ctx().db, { orgId: a.tenant.id, name: 'Drs. Muhammad Noor', roles: [{ role: 'SEKDA', orgId: a.tenant.id }] });
    asisten = await buildUser(ctx().db, { orgId: a.tenant.id, name: 'Hj. Siti Aisyah' });
    l1 = await buildUser(ctx().db, { orgId: a.opd.id, name: 'Rahmat Hidayat' });
    l2 = await buildUser(ctx().db, { orgId: a.opd.id, name: 'Nurul Huda' });
    successor = await buildUser(ctx().db, { orgId: a.opd.id, name: 'Ahmad Fauzi' });
  });

  it('refuses the unauthenticated and those who may not manage; the pemda people read', async () => {
    assert.equal((await call(undefined, '/api/tkksd')).status, 401);
    assert.equal((await call(undefined, '/api/liaisons')).status, 401);
    assert.equal((await problem(a.sessions.opdStaff, '/api/tkksd/periods', 'POST', period('2026-01-01', '2026-12-31'))).status, 403);
    const team = await ok<TeamDto>(a.sessions.opdStaff, '/api/tkksd');
    assert.deepEqual([team.current, team.periods, team.canManage, team.minLiaisonsPerOpd], [null, [], false, 2]);
  });

  it('records yearly decree periods; an overlap is refused with a coded 409 and a reversed period per field', async () => {
    await ok<PeriodDto>(a.sessions.secretariat, '/api/tkksd/periods', 'POST', period('2025-01-01', '2025-12-31'), 201);
    period2026 = await ok<PeriodDto>(a.sessions.secretariat, '/api/tkksd/periods', 'POST', period('2026-01-01', '2026-12-31'), 201);
    assert.equal(period2026.current, true);
    const overlap = await problem(a.sessions.secretariat, '/api/tkksd/periods', 'POST', period('2026-06-01', null, '100.3.3.2/2026-B'));
    assert.deepEqual([overlap.status, overlap.code], [409, 'tkksd.period_overlap']);
    const reversed = await problem(a.sessions.secretariat, '/api/tkksd/periods', 'POST', period('2027-06-01', '2027-01-01'));
    assert.deepEqual([reversed.status, reversed.code, reversed.fields], [422, 'tkksd.invalid', [['validTo', 'period_invalid']]]);
    // Another pemda's periods do not count against A's.
    await ok<PeriodDto>(b.sessions.secretariat, '/api/tkksd/periods', 'POST', period('2026-01-01', '2026-12-31'), 201);
  });

  it('adds members: a user gets the matching role for the term under the decree; one ketua at a time', async () => {
    const members = `/api/tkksd/periods/${period2026.id}/members`;
    const ketua = await ok<MemberDto>(a.sessions.secretariat, members, 'POST', { position: 'KETUA', userId: sekda.id, personTitle: 'Sekretaris Daerah', orgId: a.tenant.id }, 201);
    assert.deepEqual([ketua.personName, ketua.hasAccount, ketua.validFrom, ketua.validTo, ketua.active], ['Drs. Muhammad Noor', true, '2026-01-01', '2026-12-31', true]);
    const [role] = await rolesOf(sekda.id, 'TKKSD_KETUA');
    assert.deepEqual([role?.orgId, role?.validFrom, role?.validTo, role?.decreeRef], [a.tenant.id, '2026-01-01', '2026-12-31', '100.3.3.2/2026']);
    const second = await problem(a.sessions.secretariat, members, 'POST', { position: 'KETUA', userId: asisten.id, orgId: a.tenant.id });
    assert.deepEqual([second.status, second.code], [409, 'tkksd.ketua_taken']);
    assert.equal((await rolesOf(asisten.id, 'TKKSD_KETUA')).length, 0, 'the refused member got no role');
    await ok<MemberDto>(a.sessions.secretariat, members, 'POST', { position: 'WAKIL_KETUA', userId: asisten.id, personTitle: 'Asisten Pemerintahan', orgId: a.tenant.id }, 201);
    assert.equal((await rolesOf(asisten.id, 'TKKSD_ANGGOTA')).length, 1, 'the wakil ketua acts as a member');
    const guest = await ok<MemberDto>(a.sessions.secretariat, members, 'POST', { position: 'ANGGOTA', personName: 'Ir. Budi Santoso', personTitle: 'Kepala Bappeda', orgId: bappeda.id }, 201);
    assert.deepEqual([guest.hasAccount, guest.userId, guest.org.name], [false, null, 'Bappeda HSS']);
    const foreign = await problem(a.sessions.secretariat, members, 'POST', { position: 'ANGGOTA', userId: b.users.opdStaff.id, orgId: b.opd.id, validFrom: '2025-12-01' });
    assert.deepEqual(foreign.fields, [
      ['userId', 'user_not_in_tenant'],
      ['orgId', 'org_not_in_tenant'],
    ]);
    const outside = await problem(a.sessions.secretariat, members, 'POST', { position: 'ANGGOTA', personName: 'Tamu', orgId: bappeda.id, validFrom: '2025-12-01' });
    assert.deepEqual(outside.fields, [['validFrom', 'outside_period']]);
    const team = await ok<TeamDto>(a.sessions.opdStaff, '/api/tkksd');
    assert.equal(team.current?.id, period2026.id);
    assert.deepEqual(team.current?.members.map((m) => m.position), ['KETUA', 'WAKIL_KETUA', 'ANGGOTA']);
    assert.equal(team.periods.length, 2);
  });

  it('ending a member ends the role on the same day', async () => {
    const team = await ok<TeamDto>(a.sessions.secretariat, '/api/tkksd');
    const wakil = team.current!.members.find((m) => m.position === 'WAKIL_KETUA')!;
    const early = await problem(a.sessions.secretariat, `/api/tkksd/members/${wakil.id}/end`, 'POST', { endDate: '2025-12-31' });
    assert.deepEqual(early.fields, [['endDate', 'before_start']]);
    const ended = await ok<MemberDto>(a.sessions.secretariat, `/api/tkksd/members/${wakil.id}/end`, 'POST', { endDate: '2026-02-28', reason: 'Mutasi' });
    assert.deepEqual([ended.validTo, ended.active], ['2026-02-28', false]);
    assert.equal((await rolesOf(asisten.id, 'TKKSD_ANGGOTA'))[0]?.validTo, '2026-02-28');
    const again = await problem(a.sessions.secretariat, `/api/tkksd/members/${wakil.id}/end`, 'POST', { endDate: '2026-02-28' });
    assert.deepEqual([again.status, again.code], [409, 'tkksd.appointment_ended']);
  });

  it('counts active liaisons per OPD and warns below the minimum, on the liaison list and the team page', async () => {
    await ok<LiaisonDto>(a.sessions.secretariat, '/api/liaisons', 'POST', liaison(l1.id, a.opd.id), 201);
    const before = await ok<LiaisonListDto>(a.sessions.opdStaff, '/api/liaisons');
    assert.deepEqual(before.opds.map((o) => [o.name, o.activeCount, o.belowMinimum]), [
      ['Bappeda HSS', 0, true],
      [a.opd.name, 1, true],
    ]);
    await ok<LiaisonDto>(a.sessions.secretariat, '/api/liaisons', 'POST', liaison(l2.id, a.opd.id), 201);
    await ok<LiaisonDto>(a.sessions.secretariat, '/api/liaisons', 'POST', liaison(l2.id, bappeda.id, { userId: null, personName: 'Siti Rahmah', validTo: '2026-02-01' }), 201);
    const after = await ok<LiaisonListDto>(a.sessions.opdStaff, '/api/liaisons');
    assert.deepEqual(after.opds.map((o) => [o.activeCount, o.belowMinimum]), [
      [0, true],
      [2, false],
    ]);
    assert.equal(after.warnings, 1);
    assert.equal(after.opds[0]!.liaisons[0]!.active, false, 'an ended appointment is listed, not counted');
    assert.equal((await ok<TeamDto>(a.sessions.opdStaff, '/api/tkksd')).liaisonWarnings, 1);
    assert.equal((await rolesOf(l1.id, 'PPKSD'))[0]?.orgId, a.opd.id);
    const notOpd = await problem(a.sessions.secretariat, '/api/liaisons', 'POST', liaison(l1.id, b.opd.id));
    assert.deepEqual(notOpd.fields, [['opdId', 'org_not_in_tenant']]);
  });

  it('a hand-over ends the appointment and moves open items to the successor, leaving approved ones', async () => {
    const id = (await ok<{ id: string }>(a.sessions.opdStaff, '/api/cooperations', 'POST', ksddInput(a, b), 201)).id;
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2025-06-01', endDate: '2028-02-29', signedAt: '2025-06-01' }).where(eq(cooperation.id, id));
    const activityId = (
      await ok<{ id: string }>(a.sessions.secretariat, `/api/cooperations/${id}/activities`, 'POST', { name: 'Survei lokasi', responsibleOrgId: a.tenant.id, plannedStart: '2026-01-01', plannedEnd: '2026-12-31' }, 201)
    ).id;
    const liaisonSession = await signIn(ctx(), l1.email);
    const send = async (progress: number, submit: boolean) =>
      (await ok<{ id: string }>(liaisonSession, `/api/cooperations/${id}/updates`, 'POST', { asOf: '2026-03-01', narrative: 'Survei berjalan', activityLines: [{ activityId, progress }], submit }, 201)).id;
    const approved = await send(20, true);
    await ok(a.sessions.secretariat, `/api/cooperations/${id}/updates/${approved}/approve`, 'POST', { expectedVersion: 1 });
    const waiting = await send(30, true);
    const draft = await send(40, false);

    const list = await ok<LiaisonListDto>(a.sessions.secretariat, '/api/liaisons');
    const appointment = list.opds.flatMap((o) => o.liaisons).find((l) => l.userId === l1.id)!;
    const self = await problem(a.sessions.secretariat, `/api/liaisons/${appointment.id}/handover`, 'POST', { endDate: '2026-03-02', successorUserId: l1.id });
    assert.deepEqual(self.fields, [['successorUserId', 'successor_self']]);
    const result = await ok<HandOverResultDto>(a.sessions.secretariat, `/api/liaisons/${appointment.id}/handover`, 'POST', {
      endDate: '2026-03-02',
      successorUserId: successor.id,
      appointSuccessor: true,
      reason: 'Pensiun',
    });
    assert.deepEqual(result.moved, { progressUpdates: 2, periodicReports: 0 });
    assert.equal(result.successor.name, 'Ahmad Fauzi');
    const authors = await ctx().db.select({ id: monevProgressUpdate.id, authorId: monevProgressUpdate.authorId, authorName: monevProgressUpdate.authorName }).from(monevProgressUpdate).where(eq(monevProgressUpdate.cooperationId, id));
    const authorOf = (uid: string) => authors.find((x) => x.id === uid)!;
    assert.deepEqual([authorOf(waiting).authorId, authorOf(draft).authorId, authorOf(draft).authorName], [successor.id, successor.id, 'Ahmad Fauzi']);
    assert.equal(authorOf(approved).authorId, l1.id, 'the approved record keeps its author');
    assert.equal((await rolesOf(l1.id, 'PPKSD'))[0]?.validTo, '2026-03-02');
    const [next] = await rolesOf(successor.id, 'PPKSD');
    assert.deepEqual([next?.orgId, next?.validFrom, next?.validTo], [a.opd.id, '2026-03-03', '2026-12-31']);
    const [row] = await ctx().db.select().from(auditLog).where(and(eq(auditLog.action, 'liaison.handover'), eq(auditLog.entityId, appointment.id)));
    assert.deepEqual((row?.diff as { moved: unknown }).moved, { progressUpdates: 2, periodicReports: 0 });
    ctx().clock.set(new Date('2026-03-03T02:00:00Z'));
    try {
      const successorSession = await signIn(ctx(), successor.email);
      const rework = await call(successorSession, `/api/cooperations/${id}/updates/${draft}`, 'PUT', {
        asOf: '2026-03-01',
        narrative: 'Dilanjutkan pengganti',
        activityLines: [{ activityId, progress: 45 }],
        expectedVersion: 2,
      });
      assert.equal(rework.status, 200, `the successor reworks the moved draft: ${JSON.stringify(rework.body)}`);
    } finally {
      ctx().clock.set(new Date('2026-03-02T02:00:00Z'));
    }
  });

  it('a member hand-over appoints the successor to the same position the next day', async () => {
    const team = await ok<TeamDto>(a.sessions.secretariat, '/api/tkksd');
    const ketua = team.current!.members.find((m) => m.position === 'KETUA')!;
    const result = await ok<HandOverResultDto>(a.sessions.secretariat, `/api/tkksd/members/${ketua.id}/handover`, 'POST', { endDate: '2026-03-02', successorUserId: asisten.id, appointSuccessor: true });
    assert.deepEqual(result.moved, { progressUpdates: 0, periodicReports: 0 });
    const now = await ok<PeriodDto>(a.sessions.secretariat, `/api/tkksd/periods/${period2026.id}`);
    assert.deepEqual(
      now.members.filter((m) => m.position === 'KETUA').map((m) => [m.personName, m.validFrom, m.validTo]),
      [
        ['Drs. Muhammad Noor', '2026-01-01', '2026-03-02'],
        ['Hj. Siti Aisyah', '2026-03-03', '2026-12-31'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!, 'id')),
    );
    assert.equal((await rolesOf(asisten.id, 'TKKSD_KETUA'))[0]?.validFrom, '2026-03-03');
  });

  it("another pemda's team, members and liaisons answer 404", async () => {
    const team = await ok<TeamDto>(a.sessions.secretariat, '/api/tkksd');
    const member = team.current!.members[0]!;
    const l = (await ok<LiaisonListDto>(a.sessions.secretariat, '/api/liaisons')).opds.flatMap((o) => o.liaisons)[0]!;
    const bs = b.sessions.secretariat;
    assert.equal((await call(bs, `/api/tkksd/periods/${period2026.id}`)).status, 404);
    assert.equal((await problem(bs, `/api/tkksd/periods/${period2026.id}/members`, 'POST', { position: 'ANGGOTA', personName: 'B', orgId: b.tenant.id })).status, 404);
    assert.equal((await problem(bs, `/api/tkksd/members/${member.id}/end`, 'POST', { endDate: '2026-03-02' })).status, 404);
    assert.equal((await problem(bs, `/api/liaisons/${l.id}/end`, 'POST', { endDate: '2026-03-02' })).status, 404);
    assert.equal((await problem(bs, `/api/liaisons/${l.id}/handover`, 'POST', { endDate: '2026-03-02', successorUserId: b.users.opdStaff.id })).status, 404);
    const bTeam = await ok<TeamDto>(bs, '/api/tkksd');
    assert.ok(!JSON.stringify(bTeam).includes('Muhammad Noor'));
    assert.ok(!JSON.stringify(await ok(bs, '/api/liaisons')).includes('Rahmat'));
  });
});
