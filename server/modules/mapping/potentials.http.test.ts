import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { auditLog } from '../audit/audit.tables.js';
import { strategicIssue } from '../reference/reference.tables.js';
import { mappingAnswer } from './answers.tables.js';
import { mappingCycle } from './cycles.tables.js';
import type { CycleDto } from './cycles.schemas.js';
import type { AnswerDto } from './answers.schemas.js';
import type { OverviewDto, PotentialDto, PotentialListDto } from './potentials.schemas.js';
import { registerAcceptedAnswer } from './potentials.usecases.js';
import { DEFAULT_QUESTIONNAIRE } from './questionnaires.usecases.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

describeEachDatabase('mapping: the register of potentials and needs, follow-through and the national picture', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let liaison: TestSession;
  let gwpp: TestSession;
  let kemendagri: TestSession;
  let cycle: CycleDto;
  let issueId: string;
  let items: PotentialDto[];

  const call = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(path, { method, json, session });

    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ok = async <T>(session: TestSession, path: string, method = 'GET', json?: unknown, status = 200): Promise<T> => {
    const res = await call(session, path, method, json);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);

    return res.body as T;
  };
  const problem = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await call(session, path, method, json);

    return { ...(res.body as Problem), status: res.status, fields: ((res.body as Problem).errors ?? []).map((e) => `${e.path}:${e.code}`) };
  };
  const list = (session: TestSession, query = '') => ok<PotentialListDto>(session, `/api/mapping/potentials${query}`);
  const byTitle = (title: string) => items.find((i) => i.title === title)!;

  before(async () => {
    ctx().clock.set(new Date('2026-03-02T02:00:00Z'));
    a = await buildPemdaWorld(ctx(), '63.01', 'Kabupaten Tanah Laut');
    b = await buildPemdaWorld(ctx(), '63.02', 'Kabupaten Kotabaru');
    liaison = await signIn(ctx(), (await buildUser(ctx().db, { orgId: a.opd.id, roles: [{ role: 'PPKSD', orgId: a.opd.id }] })).email);
    const gwppOrg = await buildOrg(ctx().db, { type: 'GWPP', name: 'Gubernur Kalimantan Selatan selaku GWPP', regionCode: '63' });
    gwpp = await signIn(ctx(), (await buildUser(ctx().db, { orgId: gwppOrg.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwppOrg.id }] })).email);
    const unit = await buildOrg(ctx().db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Kerja Sama Daerah' });
    kemendagri = await signIn(ctx(), (await buildUser(ctx().db, { orgId: unit.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: unit.id }] })).email);
    issueId = (await ctx().db.select({ id: strategicIssue.id }).from(strategicIssue).limit(1))[0]!.id;
  });

  it('extracts every item of an accepted answer into the register, in the acceptance’s transaction', async () => {
    cycle = await ok<CycleDto>(a.sessions.secretariat, '/api/mapping/cycles', 'POST', { year: 2026 }, 201);
    cycle = await ok<CycleDto>(a.sessions.secretariat, `/api/mapping/cycles/${cycle.id}/advance`, 'POST', { action: 'start_mapping', expectedVersion: cycle.rowVersion });
    const base = { urusan: ['2.11'], lokasi: ['63.01.01'], manfaat: 'Manfaat', uraian: 'Uraian' };
    const answers = {
      kesiapan: { prioritas_opd: 'tinggi', pengalaman: 1 },
      potensi: [
        { ...base, judul: 'Wisata Pantai Takisung', isu_strategis: [issueId], perkiraan_biaya: '750000000' },
        { ...base, judul: 'Sapi potong Pelaihari', urusan: ['3.27'], uraian: 'Peternakan rakyat di Pelaihari' },
      ],
      kebutuhan: [{ ...base, judul: 'Instalasi pengolahan lumpur tinja', uraian: 'IPLT bersama' }],
    };
    const url = `/api/mapping/cycles/${cycle.id}/answers/${a.opd.id}`;
    const sent = await ok<AnswerDto>(liaison, url, 'PUT', { answers, submit: true, expectedVersion: 0 });
    assert.equal((await list(a.sessions.secretariat)).total, 0, 'nothing before acceptance');
    await ok<AnswerDto>(a.sessions.tkksd, `${url}/accept`, 'POST', { expectedVersion: sent.rowVersion });

    const all = await list(a.sessions.opdStaff);
    items = all.items;
    assert.equal(all.total, 3);
    assert.deepEqual(items.map((i) => [i.kind, i.status]).sort(), [['KEBUTUHAN', 'DIUSULKAN'], ['POTENSI', 'DIUSULKAN'], ['POTENSI', 'DIUSULKAN']]);
    const wisata = byTitle('Wisata Pantai Takisung');
    assert.deepEqual([wisata.costEstimateIdr, wisata.issueIds, wisata.locationCodes, wisata.orgId, wisata.cycleYear], ['750000000.00', [issueId], ['63.01.01'], a.opd.id, 2026]);
    assert.equal(wisata.canManage, false, 'OPD staff read, the secretariat and TKKSD manage');
    const audit = await ctx().db.select().from(auditLog).where(eq(auditLog.action, 'mapping.potential.extract'));
    assert.equal(audit.length, 1);

    // Filters.
    assert.deepEqual((await list(a.sessions.secretariat, '?kind=KEBUTUHAN')).items.map((i) => i.title), ['Instalasi pengolahan lumpur tinja']);
    assert.deepEqual((await list(a.sessions.secretariat, '?urusan=3.27')).items.map((i) => i.title), ['Sapi potong Pelaihari']);
    assert.equal((await list(a.sessions.secretariat, '?region=63.01')).total, 3, 'a region matches the codes beneath it');
    assert.equal((await list(a.sessions.secretariat, '?region=63.02')).total, 0);
    assert.equal((await list(a.sessions.secretariat, `?issueId=${issueId}`)).total, 1);
    assert.deepEqual((await list(a.sessions.secretariat, '?q=pelaihari')).items.map((i) => i.title), ['Sapi potong Pelaihari']);
    assert.equal((await list(a.sessions.secretariat, `?orgId=${a.opd.id}&year=2026&status=DIUSULKAN&cycleId=${cycle.id}`)).total, 3);
    const page = await list(a.sessions.secretariat, '?limit=2&offset=2');
    assert.deepEqual([page.items.length, page.total], [1, 3]);
  });

  it('lets the secretariat or TKKSD correct an item and set its status with a reason, audited', async () => {
    const sapi = byTitle('Sapi potong Pelaihari');
    const path = `/api/mapping/potentials/${sapi.id}`;
    assert.equal((await problem(a.sessions.opdStaff, path, 'PATCH', { expectedVersion: 1, status: 'DIPRIORITASKAN', reason: 'x' })).status, 403);
    assert.deepEqual((await problem(a.sessions.tkksd, path, 'PATCH', { expectedVersion: 1, status: 'DIPRIORITASKAN' })).fields, ['reason:required']);
    const after = await ok<PotentialDto>(a.sessions.tkksd, path, 'PATCH', { expectedVersion: 1, status: 'DIPRIORITASKAN', reason: 'Prioritas RPJMD', title: 'Sapi potong Pelaihari (kemitraan)' });
    assert.deepEqual([after.status, after.statusReason, after.title, after.rowVersion, after.canPropose], ['DIPRIORITASKAN', 'Prioritas RPJMD', 'Sapi potong Pelaihari (kemitraan)', 2, true]);
    assert.equal((await problem(a.sessions.tkksd, path, 'PATCH', { expectedVersion: 1, kind: 'KEBUTUHAN' })).code, 'mapping.potential_stale');
    const [row] = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, sapi.id), eq(auditLog.action, 'mapping.potential.status')));
    assert.deepEqual((row!.diff as { reason: string; status: { before: string; after: string } }).status, { before: 'DIUSULKAN', after: 'DIPRIORITASKAN' });
    assert.equal((row!.diff as { reason: string }).reason, 'Prioritas RPJMD');
  });

  it('a new acceptance replaces only the items still DIUSULKAN', async () => {
    const [c] = await ctx().db.select().from(mappingCycle).where(eq(mappingCycle.id, cycle.id));
    const [answer] = await ctx().db.select().from(mappingAnswer).where(eq(mappingAnswer.cycleId, cycle.id));
    const revised = {
      ...answer!,
      answers: { potensi: [{ judul: 'Sapi potong Pelaihari', uraian: 'Sama' }, { judul: 'Wisata Pantai Batakan', uraian: 'Baru' }] },
    };
    await ctx().db.transaction((tx) => registerAcceptedAnswer({ tx, clock: ctx().clock, audit: { actorUserId: null, actorOrgId: null, actorName: null, requestId: null, ip: null }, cycle: c!, answer: revised, definition: DEFAULT_QUESTIONNAIRE.definition }));
    const now = (await list(a.sessions.secretariat)).items;
    assert.deepEqual(now.map((i) => [i.title, i.status]).sort(), [['Sapi potong Pelaihari (kemitraan)', 'DIPRIORITASKAN'], ['Wisata Pantai Batakan', 'DIUSULKAN']]);
    assert.equal(now.find((i) => i.status === 'DIPRIORITASKAN')!.id, byTitle('Sapi potong Pelaihari').id, 'the prioritised item is the same row');
    items = now;
  });

  it('follows a prioritised item through to a linked cooperation proposal and shows how far it got', async () => {
    const proposed = items.find((i) => i.status === 'DIUSULKAN')!;
    const body = { expectedVersion: proposed.rowVersion, kind: 'KSDD', ksddCategory: 'SUKARELA', objectCategory: 'PELAYANAN_PUBLIK', partners: [{ orgId: b.tenant.id }] };
    assert.equal((await problem(a.sessions.secretariat, `/api/mapping/potentials/${proposed.id}/proposal`, 'POST', body)).code, 'mapping.potential_not_proposable');
    const sapi = items.find((i) => i.status === 'DIPRIORITASKAN')!;
    const path = `/api/mapping/potentials/${sapi.id}`;
    assert.equal((await problem(a.sessions.opdStaff, `${path}/proposal`, 'POST', { ...body, expectedVersion: sapi.rowVersion })).status, 403);
    const res = await ok<{ potential: PotentialDto; cooperationId: string }>(a.sessions.secretariat, `${path}/proposal`, 'POST', { ...body, expectedVersion: sapi.rowVersion }, 201);
    assert.equal(res.potential.status, 'DITINDAKLANJUTI');
    assert.deepEqual(res.potential.cooperations.map((c) => [c.id, c.state, c.progress]), [[res.cooperationId, 'USULAN', '0.00']]);
    const coop = await ok<{ potentialId: string; title: string; urusanCodes: string[]; locationCodes: string[]; objek: string; parties: { orgId: string; leadOpd: { id: string } | null }[] }>(a.sessions.secretariat, `/api/cooperations/${res.cooperationId}`);
    assert.deepEqual([coop.potentialId, coop.title, coop.urusanCodes, coop.locationCodes, coop.objek], [sapi.id, sapi.title, ['3.27'], ['63.01.01'], 'Peternakan rakyat di Pelaihari']);
    assert.equal(coop.parties.find((p) => p.orgId === a.tenant.id)!.leadOpd?.id, a.opd.id);
    assert.deepEqual((await ok<PotentialDto>(a.sessions.opdStaff, path)).cooperations.map((c) => c.state), ['USULAN']);
    assert.equal((await problem(a.sessions.tkksd, path, 'PATCH', { expectedVersion: res.potential.rowVersion, status: 'DIBATALKAN', reason: 'x' })).code, 'mapping.potential_followed_through');
    const audit = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, sapi.id), like(auditLog.action, 'mapping.potential.%')));
    assert.deepEqual(audit.map((r) => r.action).sort(), ['mapping.potential.propose', 'mapping.potential.status']);
  });

  it('hides another pemda’s register and refuses the unauthenticated', async () => {
    const id = items[0]!.id;
    assert.equal((await call(undefined, '/api/mapping/potentials')).status, 401);
    assert.equal((await call(undefined, '/api/mapping/overview')).status, 401);
    assert.equal((await call(b.sessions.secretariat, `/api/mapping/potentials/${id}`)).status, 404);
    assert.equal((await call(b.sessions.secretariat, `/api/mapping/potentials/${id}`, 'PATCH', { expectedVersion: 1, title: 'B' })).status, 404);
    assert.equal((await call(b.sessions.secretariat, `/api/mapping/potentials/${id}/proposal`, 'POST', { expectedVersion: 1, kind: 'KSDD', ksddCategory: 'SUKARELA', objectCategory: 'LAINNYA', partners: [{ orgId: b.tenant.id }] })).status, 404);
    assert.equal((await list(b.sessions.secretariat)).total, 0);
  });

  it('shows the national picture within each actor’s scope', async () => {
    const mine = await ok<OverviewDto>(a.sessions.opdStaff, '/api/mapping/overview?year=2026');
    assert.deepEqual([mine.scope.level, mine.pemda.map((p) => p.tenantId)], ['pemda', [a.tenant.id]]);
    assert.deepEqual(mine.pemda[0], { tenantId: a.tenant.id, name: 'Kabupaten Tanah Laut', regionCode: '63.01', stage: 'PROSES_PEMETAAN', participants: 1, answered: 1, accepted: 1, items: 2 });
    assert.equal((await problem(a.sessions.secretariat, '/api/mapping/overview?province=63')).code, 'mapping.overview_forbidden');

    const province = await ok<OverviewDto>(gwpp, '/api/mapping/overview?year=2026');
    assert.deepEqual([province.scope.level, province.scope.province, province.completed], ['province', '63', 0]);
    assert.deepEqual(province.pemda.map((p) => [p.regionCode, p.stage]), [['63.01', 'PROSES_PEMETAAN'], ['63.02', null]]);
    assert.deepEqual(province.byUrusan, [{ key: '3.27', potensi: 1, kebutuhan: 0, permasalahan: 0 }]);
    assert.equal((await problem(gwpp, '/api/mapping/overview?province=95')).status, 403);

    const nation = await ok<OverviewDto>(kemendagri, '/api/mapping/overview?year=2026');
    assert.equal(nation.scope.level, 'nation');
    assert.ok(nation.provinces.length >= 38);
    assert.equal((await ok<OverviewDto>(kemendagri, '/api/mapping/overview?year=2026&province=95')).pemda.length, 0);
    assert.equal((await ok<OverviewDto>(kemendagri, '/api/mapping/overview?year=2025&province=63')).pemda.every((p) => p.stage === null), true);
  });
});
