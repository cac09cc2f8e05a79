import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { strategicIssue } from '../reference/reference.tables.js';
import type { AnswerDto } from './answers.schemas.js';
import type { CycleDto } from './cycles.schemas.js';
import { overviewRows } from './national.repository.js';
import type { OverviewDto, PotentialListDto } from './potentials.schemas.js';

/**
 * The national mapping overview is kept per process and checked against the change log (ADR 0027):
 * every change — through the API or straight in SQL — shows on the next request, and the cached
 * answer always equals the one computed from the tables.
 */
describeEachDatabase('mapping: the national overview, cached, shows every change at once', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let liaison: TestSession;
  let kemendagri: TestSession;
  let issueId: string;

  const ok = async <T>(session: TestSession, path: string, method = 'GET', json?: unknown, status = 200): Promise<T> => {
    const res = await ctx().request(path, { method, json, session });
    const body = (await res.json()) as unknown;
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(body)}`);

    return body as T;
  };
  /** The overview over HTTP (the cached path), checked against the same rows computed straight from the tables. */
  const nation = async () => {
    const overview = await ok<OverviewDto>(kemendagri, '/api/mapping/overview');
    const fresh = await overviewRows(ctx().db, { all: true }, 2026);
    assert.deepEqual(
      overview.pemda.map((p) => [p.tenantId, p.name, p.stage, p.participants, p.answered, p.accepted, p.items]),
      fresh.pemda.map((p) => [p.tenant_id, p.name, p.stage, p.participants, p.answered, p.accepted, p.items]),
      'the served overview equals the tables',
    );
    const count = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);
    const served = (rows: OverviewDto['byUrusan']) => rows.reduce((s, r) => s + r.potensi + r.kebutuhan + r.permasalahan, 0);
    assert.equal(served(overview.byUrusan), count(fresh.byUrusan));
    assert.equal(served(overview.byIssue), count(fresh.byIssue));

    return { ...overview, a: overview.pemda.find((p) => p.tenantId === a.tenant.id)!, b: overview.pemda.find((p) => p.tenantId === b.tenant.id) };
  };

  before(async () => {
    ctx().clock.set(new Date('2026-03-02T02:00:00Z'));
    a = await buildPemdaWorld(ctx(), '63.01', 'Kabupaten Tanah Laut');
    b = await buildPemdaWorld(ctx(), '63.02', 'Kabupaten Kotabaru');
    liaison = await signIn(ctx(), (await buildUser(ctx().db, { orgId: a.opd.id, roles: [{ role: 'PPKSD', orgId: a.opd.id }] })).email);
    const unit = await buildOrg(ctx().db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Kerja Sama Daerah' });
    kemendagri = await signIn(ctx(), (await buildUser(ctx().db, { orgId: unit.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: unit.id }] })).email);
    issueId = (await ctx().db.select({ id: strategicIssue.id }).from(strategicIssue).limit(1))[0]!.id;
  });

  it('follows a cycle from creation to acceptance and the register, request by request', async () => {
    const first = await nation();
    assert.deepEqual([first.a.stage, first.b?.stage, first.completed, first.byUrusan], [null, null, 0, []]);
    assert.deepEqual((await nation()).a, first.a, 'asked again with nothing changed: the same');

    let cycle = await ok<CycleDto>(a.sessions.secretariat, '/api/mapping/cycles', 'POST', { year: 2026 }, 201);
    assert.deepEqual([(await nation()).a.stage, (await nation()).a.participants], ['PERSIAPAN', 1]);
    cycle = await ok<CycleDto>(a.sessions.secretariat, `/api/mapping/cycles/${cycle.id}/advance`, 'POST', { action: 'start_mapping', expectedVersion: cycle.rowVersion });
    assert.equal((await nation()).a.stage, 'PROSES_PEMETAAN');

    const base = { urusan: ['2.11'], lokasi: ['63.01.01'], manfaat: 'Manfaat', uraian: 'Uraian' };
    const answers = {
      kesiapan: { prioritas_opd: 'tinggi', pengalaman: 1 },
      potensi: [{ ...base, judul: 'Wisata Pantai Takisung', isu_strategis: [issueId] }, { ...base, judul: 'Sapi potong Pelaihari', urusan: ['3.27'] }],
      kebutuhan: [{ ...base, judul: 'Instalasi pengolahan lumpur tinja' }],
    };
    const url = `/api/mapping/cycles/${cycle.id}/answers/${a.opd.id}`;
    const sent = await ok<AnswerDto>(liaison, url, 'PUT', { answers, submit: true, expectedVersion: 0 });
    assert.deepEqual([(await nation()).a.answered, (await nation()).a.accepted, (await nation()).a.items], [1, 0, 0]);
    await ok<AnswerDto>(a.sessions.tkksd, `${url}/accept`, 'POST', { expectedVersion: sent.rowVersion });
    const accepted = await nation();
    assert.deepEqual([accepted.a.accepted, accepted.a.items], [1, 3]);
    assert.deepEqual(accepted.byUrusan, [
      { key: '2.11', potensi: 1, kebutuhan: 1, permasalahan: 0 },
      { key: '3.27', potensi: 1, kebutuhan: 0, permasalahan: 0 },
    ]);
    assert.deepEqual(accepted.byIssue, [{ key: issueId, potensi: 1, kebutuhan: 0, permasalahan: 0 }]);

    const item = (await ok<PotentialListDto>(a.sessions.tkksd, '/api/mapping/potentials')).items.find((i) => i.title === 'Instalasi pengolahan lumpur tinja')!;
    await ok(a.sessions.tkksd, `/api/mapping/potentials/${item.id}`, 'PATCH', { expectedVersion: item.rowVersion, status: 'DIBATALKAN', reason: 'Sudah ditangani APBD' });
    const cancelled = await nation();
    assert.equal(cancelled.a.items, 2, 'a cancelled item leaves the counts at once');
    assert.deepEqual(cancelled.byUrusan[0], { key: '2.11', potensi: 1, kebutuhan: 0, permasalahan: 0 });
  });

  it('shows changes made straight in SQL (a fix, an import) and to the pemda themselves', async () => {
    const db = ctx().db;
    await db.execute(sql`UPDATE mapping_cycle SET stage = 'DITETAPKAN', decree_number = '1/2026', decree_date = '2026-03-01' WHERE tenant_id = ${a.tenant.id}`);
    const determined = await nation();
    assert.deepEqual([determined.a.stage, determined.completed], ['DITETAPKAN', 1]);
    await db.execute(sql`DELETE FROM mapping_cycle_participant WHERE org_id = ${a.opd.id}`);
    assert.equal((await nation()).a.participants, 0);
    await db.execute(sql`UPDATE organization SET name = 'Kabupaten Tanah Laut (baru)' WHERE id = ${a.tenant.id}`);
    assert.equal((await nation()).a.name, 'Kabupaten Tanah Laut (baru)');
    await db.execute(sql`UPDATE organization SET active = false WHERE id = ${b.tenant.id}`);
    assert.equal((await nation()).b, undefined, 'a deactivated pemda leaves the overview');
    await db.execute(sql`DELETE FROM mapping_potential WHERE tenant_id = ${a.tenant.id}`);
    const emptied = await nation();
    assert.deepEqual([emptied.a.items, emptied.byUrusan, emptied.byIssue], [0, [], []]);
  });

  it('is served from memory while nothing watched changes, and never longer than the time limit', async () => {
    const db = ctx().db;
    const before = (await nation()).a.stage;
    // A write the change log cannot see (its trigger switched off) stays unseen until the entry expires.
    await db.execute(sql`ALTER TABLE mapping_cycle DISABLE TRIGGER mapping_cycle_noted`);
    try {
      await db.execute(sql`UPDATE mapping_cycle SET stage = 'PENETAPAN' WHERE tenant_id = ${a.tenant.id}`);
    } finally {
      await db.execute(sql`ALTER TABLE mapping_cycle ENABLE TRIGGER mapping_cycle_noted`);
    }
    const served = await ok<OverviewDto>(kemendagri, '/api/mapping/overview');
    assert.equal(served.pemda.find((p) => p.tenantId === a.tenant.id)!.stage, before, 'the cached rows are served');
    ctx().clock.advance((ctx().config.dashboardCacheSeconds + 1) * 1000);
    assert.equal((await nation()).a.stage, 'PENETAPAN', 'and recomputed once the time limit passed');
  });
});
