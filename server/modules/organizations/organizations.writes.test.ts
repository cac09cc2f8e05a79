import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { TestSession } from '../../test/context.js';
import { describeEachDatabase } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn, type OrgRow } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { listAudit } from '../audit/index.js';
import { totpCode } from '../identity/identity.tokens.js';

type Org = { id: string; type: string; tenantId: string | null; regionCode: string | null; parentId: string | null; registryIds: Record<string, string>; active: boolean };
type Problem = { status: number; code: string; existingId?: string; errors?: { path: string; code: string }[] };

describeEachDatabase('adding and changing organisations', (ctx) => {
  let hss: OrgRow;
  let jayawijaya: OrgRow;
  let hssAdmin: TestSession;
  let jayawijayaAdmin: TestSession;
  let platformAdmin: TestSession;

  const post = async (session: TestSession, json: unknown) => ctx().request('/api/organizations', { json, session });
  const patch = async (session: TestSession, id: string, json: unknown) => ctx().request(`/api/organizations/${id}`, { method: 'PATCH', json, session });
  const created = async (res: Response) => {
    assert.equal(res.status, 201, await res.clone().text());

    return (await res.json()) as Org;
  };
  const problem = async (res: Response) => (await res.json()) as Problem;

  before(async () => {
    const db = ctx().db;
    hss = await buildTenant(db, { regionCode: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' });
    jayawijaya = await buildTenant(db, { regionCode: '95.01', name: 'Pemerintah Kabupaten Jayawijaya' });
    const kemendagri = await buildOrg(db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Dekonsentrasi, Tugas Pembantuan dan Kerja Sama' });
    const admin = async (orgId: string, role: string) => {
      const user = await buildUser(db, { orgId, roles: [{ role, orgId }], totpSecret: ADMIN_TOTP_SECRET });

      return signIn(ctx(), user.email, { totp: totpCode(ADMIN_TOTP_SECRET, ctx().clock.now()) });
    };
    hssAdmin = await admin(hss.id, 'TENANT_ADMIN');
    jayawijayaAdmin = await admin(jayawijaya.id, 'TENANT_ADMIN');
    platformAdmin = await admin(kemendagri.id, 'PLATFORM_ADMIN');
  });

  it("adds an OPD to the tenant admin's own pemda, which takes the pemda's tenant and region, and audits it", async () => {
    const opd = await created(await post(hssAdmin, { type: 'OPD', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'Dinas PUPR', parentId: hss.id }));
    assert.equal(opd.tenantId, hss.id);
    assert.equal(opd.regionCode, '63.06');
    const unit = await created(await post(hssAdmin, { type: 'UNIT', name: 'UPT Air Minum', parentId: opd.id }));
    assert.equal(unit.tenantId, hss.id);

    const { entries } = await listAudit({ db: ctx().db, filter: { entityId: opd.id }, limit: 10 });
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.action, 'organization.create');
    assert.equal(entries[0]?.tenantId, hss.id);
    assert.equal(entries[0]?.actorUserId, hssAdmin.userId);
  });

  it('refuses a tenant admin pemda, ministries and units of another pemda', async () => {
    assert.equal((await problem(await post(hssAdmin, { type: 'PEMDA', name: 'Pemerintah Kabupaten Tapin', regionCode: '63.05' }))).code, 'organizations.type_not_allowed');
    assert.equal((await post(hssAdmin, { type: 'KL_PUSAT', name: 'Kementerian Uji' })).status, 403);
    assert.equal((await problem(await post(hssAdmin, { type: 'OPD', name: 'Dinas Titipan', parentId: jayawijaya.id }))).code, 'organizations.tenant_forbidden');
  });

  it('refuses fields that do not fit the type, and the tenant chosen by the caller', async () => {
    const noParent = await problem(await post(hssAdmin, { type: 'OPD', name: 'Dinas Tanpa Induk' }));
    assert.deepEqual(noParent.errors?.map((e) => [e.path, e.code]), [['parentId', 'required']]);
    const withTenant = await problem(await post(hssAdmin, { type: 'OPD', name: 'Dinas', parentId: hss.id, tenantId: jayawijaya.id }));
    assert.deepEqual(withTenant.errors?.map((e) => [e.path, e.code]), [['tenantId', 'unknown_field']]);
    const foreign = await problem(await post(hssAdmin, { type: 'FOREIGN_LOCAL_GOV', name: 'Kota Mitra' }));
    assert.deepEqual(foreign.errors?.map((e) => [e.path, e.code]), [['countryCode', 'required']]);
  });

  it('lets the platform admin register one pemda per kab/kota or province code, and one GWPP per province', async () => {
    const tapin = await created(await post(platformAdmin, { type: 'PEMDA', name: 'Pemerintah Kabupaten Tapin', regionCode: '63.05' }));
    assert.equal(tapin.tenantId, tapin.id);
    const again = await problem(await post(platformAdmin, { type: 'PEMDA', name: 'Pemkab Tapin', regionCode: '63.05' }));
    assert.equal(again.status, 409);
    assert.equal(again.code, 'organizations.pemda_exists');
    assert.equal(again.existingId, tapin.id);
    assert.equal((await problem(await post(platformAdmin, { type: 'PEMDA', name: 'Pemkab Fiktif', regionCode: '63.99' }))).code, 'organizations.region_invalid');
    assert.equal((await problem(await post(platformAdmin, { type: 'GWPP', name: 'GWPP Tapin', regionCode: '63.05' }))).code, 'organizations.region_invalid');
    const gwpp = await created(await post(platformAdmin, { type: 'GWPP', name: 'Gubernur Kalimantan Selatan selaku Wakil Pemerintah Pusat', regionCode: '63' }));
    assert.equal(gwpp.tenantId, null);
    assert.equal((await problem(await post(platformAdmin, { type: 'GWPP', name: 'GWPP Kalsel', regionCode: '63' }))).code, 'organizations.gwpp_exists');
  });

  it('finds a partner already registered by NPWP or NIB, whatever the NPWP punctuation, and names the existing record', async () => {
    const pt = await created(
      await post(hssAdmin, { type: 'PIHAK_KETIGA', name: 'PT Banua Air Lestari (fiktif)', legalForm: 'PT', registryIds: { npwp: '01.234.567.8-901.000', nib: '9120000000001' } }),
    );
    assert.equal(pt.tenantId, null);
    assert.deepEqual(pt.registryIds, { npwp: '012345678901000', nib: '9120000000001' });
    const byNpwp = await problem(await post(jayawijayaAdmin, { type: 'PIHAK_KETIGA', name: 'PT BAL', registryIds: { npwp: '012345678901000' } }));
    assert.equal(byNpwp.status, 409);
    assert.equal(byNpwp.code, 'organizations.partner_duplicate');
    assert.equal(byNpwp.existingId, pt.id);
    const byNib = await problem(await post(jayawijayaAdmin, { type: 'PIHAK_KETIGA', name: 'PT BAL Papua', registryIds: { nib: '9120000000001' } }));
    assert.equal(byNib.existingId, pt.id);
  });

  it('treats the same partner name in other letter case as a duplicate unless both records carry different identifiers', async () => {
    const ngo = await created(await post(hssAdmin, { type: 'PIHAK_KETIGA', name: 'Yayasan Sungai Hijau (fiktif)', legalForm: 'YAYASAN' }));
    const same = await problem(await post(jayawijayaAdmin, { type: 'PIHAK_KETIGA', name: '  yayasan sungai HIJAU (fiktif) ' }));
    assert.equal(same.code, 'organizations.partner_duplicate_name');
    assert.equal(same.existingId, ngo.id);
    const withNpwp = await problem(await post(jayawijayaAdmin, { type: 'PIHAK_KETIGA', name: 'Yayasan Sungai Hijau (fiktif)', registryIds: { npwp: '0987654321098765' } }));
    assert.equal(withNpwp.existingId, ngo.id);

    await created(await post(hssAdmin, { type: 'PIHAK_KETIGA', name: 'CV Maju Bersama (fiktif)', registryIds: { npwp: '111111111111111' } }));
    await created(await post(jayawijayaAdmin, { type: 'PIHAK_KETIGA', name: 'CV Maju Bersama (fiktif)', registryIds: { npwp: '222222222222222' } }));
    await created(await post(hssAdmin, { type: 'FOREIGN_INSTITUTION', name: 'Yayasan Sungai Hijau (fiktif)', countryCode: 'NL' }));
  });

  it('moves a unit within its pemda but never under itself, one of its sub-units, or another pemda', async () => {
    const bappeda = await created(await post(hssAdmin, { type: 'OPD', name: 'Bappeda', parentId: hss.id }));
    const bidang = await created(await post(hssAdmin, { type: 'UNIT', name: 'Bidang Perencanaan', parentId: bappeda.id }));
    const seksi = await created(await post(hssAdmin, { type: 'UNIT', name: 'Subbidang Kerja Sama', parentId: bidang.id }));

    assert.equal((await problem(await patch(hssAdmin, bappeda.id, { parentId: seksi.id }))).code, 'organizations.parent_cycle');
    assert.equal((await problem(await patch(hssAdmin, bappeda.id, { parentId: bappeda.id }))).code, 'organizations.parent_cycle');
    assert.equal((await problem(await patch(hssAdmin, bappeda.id, { parentId: null }))).code, 'organizations.parent_invalid');
    assert.equal((await problem(await patch(platformAdmin, bappeda.id, { parentId: jayawijaya.id }))).code, 'organizations.parent_invalid');

    const moved = (await (await patch(hssAdmin, seksi.id, { parentId: bappeda.id })).json()) as Org;
    assert.equal(moved.parentId, bappeda.id);
    const { entries } = await listAudit({ db: ctx().db, filter: { entityId: seksi.id }, limit: 10 });
    assert.equal(entries[0]?.action, 'organization.update');
    assert.equal(entries[0]?.tenantId, hss.id);
    assert.deepEqual((entries[0]?.diff as { after: { parentId: string } }).after.parentId, bappeda.id);
  });

  it('refuses a change of type or tenant, and an empty change', async () => {
    const opd = await created(await post(hssAdmin, { type: 'OPD', name: 'Inspektorat', parentId: hss.id }));
    const typeChange = await problem(await patch(hssAdmin, opd.id, { type: 'DPRD', tenantId: jayawijaya.id }));
    assert.equal(typeChange.status, 400);
    assert.deepEqual(typeChange.errors?.filter((e) => e.code === 'unknown_field').map((e) => e.path).sort(), ['tenantId', 'type']);
    assert.deepEqual((await problem(await patch(hssAdmin, opd.id, {}))).errors?.map((e) => e.code), ['empty_patch']);
  });

  it('deactivates instead of deleting; retiring a shared partner is left to the platform admin', async () => {
    const opd = await created(await post(hssAdmin, { type: 'OPD', name: 'Dinas Lama', parentId: hss.id }));
    const retired = (await (await patch(hssAdmin, opd.id, { active: false })).json()) as Org;
    assert.equal(retired.active, false);
    const active = (await (await ctx().request(`/api/organizations?tenantId=${hss.id}&active=true&limit=200`, { session: hssAdmin })).json()) as { items: Org[] };
    assert.ok(!active.items.some((o) => o.id === opd.id));

    const partner = await created(await post(hssAdmin, { type: 'FOREIGN_LOCAL_GOV', name: 'Kota Mitra Fiktif', countryCode: 'JP' }));
    assert.equal((await problem(await patch(jayawijayaAdmin, partner.id, { active: false }))).code, 'organizations.platform_admin_only');
    assert.equal((await patch(jayawijayaAdmin, partner.id, { website: 'https://kota-mitra.example.jp' })).status, 200);
    assert.equal((await patch(platformAdmin, partner.id, { active: false })).status, 200);
    assert.equal((await problem(await patch(hssAdmin, hss.id, { active: false }))).code, 'organizations.platform_admin_only');
  });

  it('keeps partner identifiers unique when they are corrected later', async () => {
    const a = await created(await post(hssAdmin, { type: 'PIHAK_KETIGA', name: 'PT Satu (fiktif)', registryIds: { nib: '9120000000101' } }));
    const b = await created(await post(hssAdmin, { type: 'PIHAK_KETIGA', name: 'PT Dua (fiktif)', registryIds: { nib: '9120000000102' } }));
    const clash = await problem(await patch(hssAdmin, b.id, { registryIds: { nib: '9120000000101' } }));
    assert.equal(clash.existingId, a.id);
    assert.equal((await patch(hssAdmin, a.id, { name: 'PT Satu Baru (fiktif)', registryIds: { nib: '9120000000101' } })).status, 200);
  });
});
