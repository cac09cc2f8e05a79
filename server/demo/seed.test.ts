import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, it } from 'node:test';
import { projectRoot } from '../platform/paths.js';
import { createTestContext, describeEachDatabase } from '../test/context.js';
import { listAudit } from '../modules/audit/index.js';
import { listOrganizations, listTenants } from '../modules/organizations/index.js';
import { sql } from 'drizzle-orm';
import { ROLES } from '../modules/identity/index.js';
import { DEMO_USERS, isEmptyInstallation, seedDemoData, type SeedSummary } from './index.js';

describeEachDatabase('demo data seed', (ctx, kind) => {
  let first: SeedSummary;

  before(async () => {
    assert.equal(await isEmptyInstallation(ctx().db), true);
    first = await seedDemoData({ db: ctx().db, clock: ctx().clock, config: ctx().config });
  });

  it('fills an empty installation with the demo pemda, their units, GWPP, Kemendagri, a ministry and fictional partners', async () => {
    assert.equal(first.seeded, true);
    assert.equal(await isEmptyInstallation(ctx().db), false);
    const tenants = await listTenants({ db: ctx().db, actor: null });
    assert.deepEqual(
      tenants.map((t) => t.regionCode),
      ['18', '18.09', '63', '63.05', '63.06', '63.07', '93', '93.01', '95', '95.01', '96', '96.02'],
    );
    assert.equal(tenants.find((t) => t.regionCode === '63.06')?.name, 'Pemerintah Kabupaten Hulu Sungai Selatan');
    const count = async (type: string) => (await listOrganizations({ db: ctx().db, actor: null, query: { types: [type as 'GWPP'], limit: 1, offset: 0 } })).total;
    assert.equal(await count('GWPP'), 5);
    assert.equal(await count('DPRD'), 7);
    assert.equal(await count('KEMENDAGRI_UNIT'), 1);
    assert.equal(await count('KL_PUSAT'), 1);
    const partners = await listOrganizations({ db: ctx().db, actor: null, query: { types: ['PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION'], limit: 50, offset: 0 } });
    assert.equal(partners.total, 5);
    assert.ok(partners.items.every((p) => p.name.includes('(fiktif)')));
  });

  it('creates one account for every role, each of which can sign in with the demo password', async () => {
    assert.deepEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort(), [...ROLES].sort());
    for (const user of DEMO_USERS) {
      const res = await ctx().request('/api/auth/login', { json: { email: user.email, password: ctx().config.demoPassword } });
      assert.equal(res.status, 200, `${user.email} (${user.role}) could not sign in: ${await res.clone().text()}`);
    }
  });

  it('is documented account by account in docs/demo-logins.md', () => {
    const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'demo-logins.md'), 'utf8');
    for (const user of DEMO_USERS) assert.ok(doc.includes(`| \`${user.email}\` | ${user.role} |`), `${user.email} is missing from the demo logins page`);
  });

  it('leaves admins without two-factor so that they enrol at first sign-in', async () => {
    const admin = DEMO_USERS.find((u) => u.role === 'PLATFORM_ADMIN')!;
    const login = await ctx().request('/api/auth/login', { json: { email: admin.email, password: ctx().config.demoPassword } });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session='))!;
    const me = (await (await ctx().request('/api/me', { headers: { cookie } })).json()) as { restricted: boolean; twoFactor: { enabled: boolean; required: boolean } };
    assert.deepEqual(me.twoFactor, { enabled: false, required: true });
    assert.equal(me.restricted, true);
  });

  it('gives the GWPP reviewer of Kalimantan Selatan read-only oversight of its three kabupaten', async () => {
    const gwpp = DEMO_USERS.find((u) => u.role === 'GWPP_REVIEWER')!;
    const login = await ctx().request('/api/auth/login', { json: { email: gwpp.email, password: ctx().config.demoPassword } });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session='))!;
    const body = (await (await ctx().request('/api/tenants', { headers: { cookie } })).json()) as { items: { regionCode: string; access: string }[] };
    assert.deepEqual(body.items.map((t) => `${t.regionCode}:${t.access}`), ['63.05:read', '63.06:read', '63.07:read']);
  });

  it('seeds periodic reports: HSS accepted, HST submitted, Tapin missing in the GWPP compliance view', async () => {
    const gwpp = DEMO_USERS.find((u) => u.role === 'GWPP_REVIEWER')!;
    const login = await ctx().request('/api/auth/login', { json: { email: gwpp.email, password: ctx().config.demoPassword } });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session='))!;
    const res = await ctx().request('/api/reports/compliance?year=2025&period=SEMESTER_2', { headers: { cookie } });
    const body = (await res.json()) as { items: { regionCode: string; status: string | null }[] };
    assert.deepEqual(body.items.map((i) => `${i.regionCode}:${i.status}`), ['63:null', '63.05:null', '63.06:ACCEPTED', '63.07:SUBMITTED']);
  });

  it('records the seeded organisations in the audit trail as the system', async () => {
    const { entries } = await listAudit({ db: ctx().db, filter: { action: 'organization.create' }, limit: 200 });
    assert.ok(entries.length > 60);
    assert.ok(entries.every((e) => e.actorUserId === null));
  });

  const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx().db.execute(query)) as unknown as { rows: T[] }).rows;

  it('fills the register with cooperations of every kind, in force, expired, waiting for the DPRD and proposed', async () => {
    const coops = await rows<{ kind: string; state: string; end_date: string | null; tenant_id: string }>(
      sql`SELECT kind, state, end_date::text AS end_date, tenant_id FROM cooperation ORDER BY code`,
    );
    assert.equal(first.seeded && first.cooperations, coops.length);
    assert.deepEqual([...new Set(coops.map((c) => c.kind))].sort(), ['KSDD', 'KSDLL', 'KSDPK', 'KSDPL', 'SINERGI']);
    for (const state of ['BERLAKU', 'BERAKHIR', 'MENUNGGU_PERSETUJUAN_DPRD', 'USULAN']) assert.ok(coops.some((c) => c.state === state), `no cooperation in ${state}`);
    const today = new Date(ctx().clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const in90 = new Date(ctx().clock.now().getTime() + 7 * 3600_000 + 90 * 86_400_000).toISOString().slice(0, 10);
    assert.ok(coops.some((c) => c.state === 'BERLAKU' && c.end_date !== null && c.end_date >= today && c.end_date <= in90), 'nothing in force ends within 90 days');
    assert.ok(new Set(coops.map((c) => c.tenant_id)).size >= 2, 'every cooperation belongs to the same tenant');
  });

  it('builds Jayawijaya’s register of potentials from the accepted answer, one need followed through to a proposal', async () => {
    const items = await rows<{ title: string; status: string; cooperation_ids: string[]; state: string | null; potential_id: string | null }>(
      sql`SELECT m.title, m.status, m.cooperation_ids, c.state, c.potential_id FROM mapping_potential m LEFT JOIN cooperation c ON c.id = ANY(m.cooperation_ids) ORDER BY m.title`,
    );
    assert.ok(items.length >= 1);
    const followed = items.find((i) => i.status === 'DITINDAKLANJUTI');
    assert.ok(followed, 'no item followed through');
    assert.equal(followed.state, 'USULAN');
    assert.ok(followed.potential_id);
  });

  it('shows the unmonitored RSUD Wamena cooperation as dormant, escalated step by step up to the Sekda', async () => {
    const steps = await rows<{ title: string; step: number; role: string; skipped: boolean; episode_start: string; notified_at: Date | string }>(sql`
      SELECT c.title, s.step, s.role, s.skipped, s.episode_start::text AS episode_start, s.notified_at
      FROM monev_dormancy_step s JOIN cooperation c ON c.id = s.cooperation_id ORDER BY c.title, s.step`);
    const wamena = steps.filter((s) => s.title.includes('RSUD Wamena'));
    assert.deepEqual(wamena.map((s) => [s.role, s.skipped]), [['PPKSD', false], ['OPD_HEAD', false], ['KSD_SECRETARIAT_ADMIN', false], ['SEKDA', false]]);
    const days = wamena.map((s) => new Date(new Date(s.notified_at).getTime() + 7 * 3600_000).toISOString().slice(0, 10));
    assert.equal(days[0], wamena[0]!.episode_start, 'the first step on the day it became dormant');
    assert.deepEqual(days.slice(1).map((d, i) => (Date.parse(d) - Date.parse(days[i]!)) / 86_400_000), [14, 14, 14]);
    const [audited] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monev.dormancy_escalated'`);
    assert.ok(audited!.n >= 4, 'each step is in the audit trail');
  });

  it('takes cooperations through the procedure as the demo users, with drafted and signed documents', async () => {
    const [signed] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM cooperation_document WHERE status = 'SIGNED' AND body IS NOT NULL`);
    assert.ok(signed!.n >= 5);
    const actors = await rows<{ actor_name: string }>(sql`SELECT DISTINCT actor_name FROM cooperation_event WHERE kind = 'TRANSITION' ORDER BY actor_name`);
    for (const name of ['Muhammad Rizani (fiktif)', 'Ir. Fitriani Hasanah (fiktif)', 'Agus Salim (fiktif)']) assert.ok(actors.some((a) => a.actor_name === name), `${name} took no step`);
    const [pending] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM approval_request WHERE authority = 'DPRD' AND decision = 'PENDING'`);
    assert.ok(pending!.n >= 1);
    // Full-text search finds the seeded register through its generated documents.
    const hits = await rows<{ code: string }>(sql`SELECT code FROM cooperation WHERE search @@ websearch_to_tsquery('indonesian', 'sampah regional')`);
    assert.ok(hits.length >= 1);
  });

  it('seeds progress updates: an approved one with its correction, a returned one and one waiting; Wamena stays unmonitored', async () => {
    const updates = await rows<{ status: string; revision: number; reason: string | null; review_comment: string | null }>(
      sql`SELECT status, revision, reason, review_comment FROM monev_progress_update ORDER BY created_at, revision`,
    );
    const statuses = updates.map((u) => u.status).sort();
    for (const s of ['APPROVED', 'SUPERSEDED', 'RETURNED', 'SUBMITTED']) assert.ok(statuses.includes(s), `no ${s} update in ${statuses.join(',')}`);
    assert.ok(updates.some((u) => u.revision === 2 && u.status === 'APPROVED' && (u.reason ?? '').length > 0), 'no approved correction with a reason');
    assert.ok(updates.some((u) => u.status === 'RETURNED' && (u.review_comment ?? '').length > 0), 'no returned update with a comment');
    const [locked] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM work_plan_activity WHERE figures_update_id IS NOT NULL`);
    assert.ok(locked!.n >= 2);
    const wamena = await rows<{ last_monitored_at: string | null }>(sql`SELECT last_monitored_at::text FROM cooperation WHERE title ILIKE '%Wamena%'`);
    assert.ok(wamena.length >= 1 && wamena.every((w) => w.last_monitored_at === null), 'the dormant demo cooperation was monitored');
  });

  it('refuses to seed a second time and changes nothing', async () => {
    const before = (await listOrganizations({ db: ctx().db, actor: null, query: { limit: 1, offset: 0 } })).total;
    const count = async () => (await rows<{ c: number; d: number; e: number }>(sql`SELECT (SELECT count(*)::int FROM cooperation) AS c, (SELECT count(*)::int FROM cooperation_document) AS d, (SELECT count(*)::int FROM cooperation_event) AS e`))[0];
    const coopsBefore = await count();
    const again = await seedDemoData({ db: ctx().db, clock: ctx().clock, config: ctx().config });
    assert.equal(again.seeded, false);
    assert.match(again.seeded ? '' : again.message, /already has organisations/);
    assert.equal((await listOrganizations({ db: ctx().db, actor: null, query: { limit: 1, offset: 0 } })).total, before);
    assert.deepEqual(await count(), coopsBefore);
  });

  it('seeds in one transaction: a failure part-way leaves nothing behind', async () => {
    const other = await createTestContext(kind);
    try {
      // The organisations are created before the weak password is refused at the first account.
      await assert.rejects(seedDemoData({ db: other.db, clock: other.clock, config: { demoPassword: 'x' } }));
      assert.equal(await isEmptyInstallation(other.db), true);
    } finally {
      await other.close();
    }
  });
});
