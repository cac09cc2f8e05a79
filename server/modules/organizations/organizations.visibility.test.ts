import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { TestContext, TestSession } from '../../test/context.js';
import { describeEachDatabase } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn, type OrgRow } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { totpCode } from '../identity/identity.tokens.js';

type Listed = { items: { id: string; type: string }[]; total: number };

/**
 * Kab. Hulu Sungai Selatan and Hulu Sungai Tengah (province 63), the province itself, Kab.
 * Jayawijaya (95.01), each with an OPD; the GWPP of Kalimantan Selatan, a Kemendagri unit, a
 * ministry and a partner; and one user per kind of reader.
 */
const buildWorld = async (ctx: TestContext) => {
  const db = ctx.db;
  const hss = await buildTenant(db, { regionCode: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' });
  const hst = await buildTenant(db, { regionCode: '63.07', name: 'Pemerintah Kabupaten Hulu Sungai Tengah' });
  const kalsel = await buildTenant(db, { regionCode: '63', name: 'Pemerintah Provinsi Kalimantan Selatan' });
  const jayawijaya = await buildTenant(db, { regionCode: '95.01', name: 'Pemerintah Kabupaten Jayawijaya' });
  const opd = async (tenant: OrgRow, name: string) => buildOrg(db, { type: 'OPD', name, tenantId: tenant.id, parentId: tenant.id, regionCode: tenant.regionCode });
  const opds = {
    hss: await opd(hss, 'Bappeda Hulu Sungai Selatan'),
    hst: await opd(hst, 'Bappeda Hulu Sungai Tengah'),
    kalsel: await opd(kalsel, 'Bappeda Provinsi Kalimantan Selatan'),
    jayawijaya: await opd(jayawijaya, 'Bappeda Jayawijaya'),
  };
  const gwpp = await buildOrg(db, { type: 'GWPP', name: 'GWPP Kalimantan Selatan', regionCode: '63' });
  const kemendagri = await buildOrg(db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Dekonsentrasi, Tugas Pembantuan dan Kerja Sama' });
  const ministry = await buildOrg(db, { type: 'KL_PUSAT', name: 'Kementerian Pekerjaan Umum' });
  const partner = await buildOrg(db, { type: 'PIHAK_KETIGA', name: 'PT Contoh Banua (fiktif)', legalForm: 'PT' });
  const totp = { totp: totpCode(ADMIN_TOTP_SECRET, ctx.clock.now()) };
  const session = async (orgId: string, role: string, admin = false): Promise<TestSession> => {
    const user = await buildUser(db, { orgId, roles: [{ role, orgId }], totpSecret: admin ? ADMIN_TOTP_SECRET : null });

    return signIn(ctx, user.email, admin ? totp : {});
  };
  const sessions = {
    hssStaff: await session(hss.id, 'KSD_SECRETARIAT_ADMIN'),
    gwpp: await session(gwpp.id, 'GWPP_REVIEWER'),
    kemendagri: await session(kemendagri.id, 'KEMENDAGRI_VIEWER'),
    platformAdmin: await session(kemendagri.id, 'PLATFORM_ADMIN', true),
  };

  return { hss, hst, kalsel, jayawijaya, opds, gwpp, kemendagri, ministry, partner, sessions };
};

describeEachDatabase('who sees which organisations', (ctx) => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  const list = async (session: TestSession, query = '') =>
    ((await (await ctx().request(`/api/organizations?limit=200${query}`, { session })).json()) as Listed).items.map((o) => o.id);

  before(async () => {
    w = await buildWorld(ctx());
  });

  it("shows a tenant user its own units, every pemda and the shared registry, but not other pemda's units", async () => {
    const ids = await list(w.sessions.hssStaff);
    for (const visible of [w.hss, w.hst, w.kalsel, w.jayawijaya, w.opds.hss, w.gwpp, w.kemendagri, w.ministry, w.partner])
      assert.ok(ids.includes(visible.id), `${visible.name} should be visible`);
    for (const hidden of [w.opds.hst, w.opds.kalsel, w.opds.jayawijaya]) assert.ok(!ids.includes(hidden.id), `${hidden.name} should be hidden`);
    assert.equal((await ctx().request(`/api/organizations/${w.opds.jayawijaya.id}`, { session: w.sessions.hssStaff })).status, 404);
  });

  it('filters by type list, region, tenant and name within what the reader may see', async () => {
    assert.deepEqual(await list(w.sessions.hssStaff, '&type=OPD,UNIT,DPRD'), [w.opds.hss.id]);
    assert.deepEqual((await list(w.sessions.hssStaff, '&regionCode=63&type=PEMDA')).sort(), [w.hss.id, w.hst.id, w.kalsel.id].sort());
    assert.deepEqual(await list(w.sessions.hssStaff, '&q=contoh%20banua'), [w.partner.id]);
    assert.deepEqual(await list(w.sessions.hssStaff, `&tenantId=${w.hst.id}`), [w.hst.id]);
    const page = (await (await ctx().request('/api/organizations?type=PEMDA&limit=2&offset=1', { session: w.sessions.hssStaff })).json()) as Listed;
    assert.equal(page.items.length, 2);
    assert.equal(page.total, 4);
  });

  it('lets the GWPP reviewer of province 63 read the units of its kab/kota, read-only', async () => {
    const ids = await list(w.sessions.gwpp);
    assert.ok(ids.includes(w.opds.hss.id) && ids.includes(w.opds.hst.id));
    assert.ok(!ids.includes(w.opds.jayawijaya.id) && !ids.includes(w.opds.kalsel.id));
    assert.equal((await ctx().request(`/api/organizations/${w.opds.hst.id}`, { session: w.sessions.gwpp })).status, 200);

    const create = await ctx().request('/api/organizations', { json: { type: 'UNIT', name: 'Unit Titipan', parentId: w.hss.id }, session: w.sessions.gwpp });
    assert.equal(create.status, 403);
    const rename = await ctx().request(`/api/organizations/${w.opds.hss.id}`, { method: 'PATCH', json: { name: 'Diubah' }, session: w.sessions.gwpp });
    assert.equal(rename.status, 403);

    const tenants = (await (await ctx().request('/api/tenants', { session: w.sessions.gwpp })).json()) as { items: { regionCode: string; access: string; regionName: string; level: string }[] };
    assert.deepEqual(
      tenants.items.map((t) => [t.regionCode, t.access, t.level]),
      [['63.06', 'read', 'KABUPATEN'], ['63.07', 'read', 'KABUPATEN']],
    );
    assert.equal(tenants.items[0]?.regionName, 'Kabupaten Hulu Sungai Selatan');
  });

  it('lets a Kemendagri viewer read every organisation and every tenant, and write nothing', async () => {
    const ids = await list(w.sessions.kemendagri);
    for (const o of Object.values(w.opds)) assert.ok(ids.includes(o.id));
    const tenants = (await (await ctx().request('/api/tenants', { session: w.sessions.kemendagri })).json()) as { items: { access: string }[] };
    assert.equal(tenants.items.length, 4);
    assert.ok(tenants.items.every((t) => t.access === 'read'));
    const create = await ctx().request('/api/organizations', { json: { type: 'KL_PUSAT', name: 'Kementerian Uji' }, session: w.sessions.kemendagri });
    assert.equal(create.status, 403);
  });

  it('lets the platform admin see and write every tenant', async () => {
    const ids = await list(w.sessions.platformAdmin);
    for (const o of Object.values(w.opds)) assert.ok(ids.includes(o.id));
    const tenants = (await (await ctx().request('/api/tenants', { session: w.sessions.platformAdmin })).json()) as { items: { access: string; level: string }[] };
    assert.ok(tenants.items.every((t) => t.access === 'write'));
    assert.ok(tenants.items.some((t) => t.level === 'PROVINSI'));
  });

  it("shows a pemda's parent and counts only the sub-units the reader may see", async () => {
    type Detail = { parent: { id: string } | null; childCount: number };
    const own = (await (await ctx().request(`/api/organizations/${w.opds.hss.id}`, { session: w.sessions.hssStaff })).json()) as Detail;
    assert.equal(own.parent?.id, w.hss.id);
    const ownPemda = (await (await ctx().request(`/api/organizations/${w.hss.id}`, { session: w.sessions.hssStaff })).json()) as Detail;
    assert.equal(ownPemda.childCount, 1);
    const otherPemda = (await (await ctx().request(`/api/organizations/${w.hst.id}`, { session: w.sessions.hssStaff })).json()) as Detail;
    assert.equal(otherPemda.childCount, 0);
  });

  it('refuses unknown organisation types and unknown filters with field errors', async () => {
    const bad = await ctx().request('/api/organizations?type=PEMDA,BANK', { session: w.sessions.hssStaff });
    assert.equal(bad.status, 400);
    const unknown = await ctx().request('/api/organizations?sort=name', { session: w.sessions.hssStaff });
    assert.equal(((await unknown.json()) as { errors: { path: string; code: string }[] }).errors[0]?.code, 'unknown_field');
  });
});
