import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisibilityScope } from '../../platform/http/context.js';
import { canReadOrganization, decideCreate, decideUpdate, tenantAccess } from './organizations.policy.js';

const HSS = '00000000-0000-4000-8000-000000006306';
const JAYAWIJAYA = '00000000-0000-4000-8000-000000009501';
const none: VisibilityScope = { platformAdmin: false, tenantIds: [], oversightProvinceCodes: [], readAll: false, orgIds: [] };
const hssStaff: VisibilityScope = { ...none, tenantIds: [HSS] };
const gwppKalsel: VisibilityScope = { ...none, oversightProvinceCodes: ['63'] };
const kemendagri: VisibilityScope = { ...none, readAll: true };
const platformAdmin: VisibilityScope = { ...none, platformAdmin: true, readAll: true };

describe('organisation visibility', () => {
  it("hides another pemda's OPD from a tenant user but shows that pemda itself and the shared registry", () => {
    assert.equal(canReadOrganization(hssStaff, { type: 'OPD', tenantId: JAYAWIJAYA }, '95.01'), false);
    assert.equal(canReadOrganization(hssStaff, { type: 'PEMDA', tenantId: JAYAWIJAYA }, '95.01'), true);
    assert.equal(canReadOrganization(hssStaff, { type: 'PIHAK_KETIGA', tenantId: null }, null), true);
    assert.equal(canReadOrganization(hssStaff, { type: 'DPRD', tenantId: HSS }, '63.06'), true);
  });

  it("lets a GWPP reviewer see the units of the kab/kota in its province, not of the province's own pemda or elsewhere", () => {
    assert.equal(canReadOrganization(gwppKalsel, { type: 'OPD', tenantId: HSS }, '63.06'), true);
    assert.equal(canReadOrganization(gwppKalsel, { type: 'OPD', tenantId: 'prov' }, '63'), false);
    assert.equal(canReadOrganization(gwppKalsel, { type: 'OPD', tenantId: JAYAWIJAYA }, '95.01'), false);
  });

  it('lets Kemendagri read every unit', () => {
    assert.equal(canReadOrganization(kemendagri, { type: 'UNIT', tenantId: JAYAWIJAYA }, '95.01'), true);
  });
});

describe('organisation writes', () => {
  it('lets a tenant admin add units only inside its own pemda, and partners to the shared registry', () => {
    assert.equal(decideCreate(hssStaff, 'OPD', HSS), 'allowed');
    assert.equal(decideCreate(hssStaff, 'OPD', JAYAWIJAYA), 'tenant_forbidden');
    assert.equal(decideCreate(hssStaff, 'FOREIGN_INSTITUTION', null), 'allowed');
    assert.equal(decideCreate(hssStaff, 'PEMDA', null), 'type_not_allowed');
    assert.equal(decideCreate(hssStaff, 'KL_PUSAT', null), 'type_not_allowed');
    assert.equal(decideCreate(platformAdmin, 'GWPP', null), 'allowed');
  });

  it('gives oversight no write access', () => {
    assert.equal(decideCreate(gwppKalsel, 'OPD', HSS), 'tenant_forbidden');
    assert.equal(decideUpdate(gwppKalsel, { type: 'OPD', tenantId: HSS }, {}), 'tenant_forbidden');
    assert.equal(decideUpdate(kemendagri, { type: 'OPD', tenantId: HSS }, {}), 'tenant_forbidden');
  });

  it('lets a tenant admin correct a shared partner entry but leaves retiring or moving it to the platform admin', () => {
    const partner = { type: 'PIHAK_KETIGA' as const, tenantId: null };
    assert.equal(decideUpdate(hssStaff, partner, {}), 'allowed');
    assert.equal(decideUpdate(hssStaff, partner, { active: false }), 'platform_admin_only');
    assert.equal(decideUpdate(hssStaff, partner, { parentId: null }), 'platform_admin_only');
    assert.equal(decideUpdate(hssStaff, { type: 'KL_PUSAT', tenantId: null }, {}), 'platform_admin_only');
    assert.equal(decideUpdate(platformAdmin, partner, { active: false }), 'allowed');
  });

  it('lets a tenant admin rename its own pemda but not deactivate it', () => {
    assert.equal(decideUpdate(hssStaff, { type: 'PEMDA', tenantId: HSS }, {}), 'allowed');
    assert.equal(decideUpdate(hssStaff, { type: 'PEMDA', tenantId: HSS }, { active: false }), 'platform_admin_only');
  });
});

describe('tenant access', () => {
  it('is write for own tenants, read for overseen kab/kota, none otherwise', () => {
    assert.equal(tenantAccess(hssStaff, { id: HSS, regionCode: '63.06' }), 'write');
    assert.equal(tenantAccess(hssStaff, { id: JAYAWIJAYA, regionCode: '95.01' }), undefined);
    assert.equal(tenantAccess(gwppKalsel, { id: HSS, regionCode: '63.06' }), 'read');
    assert.equal(tenantAccess(kemendagri, { id: JAYAWIJAYA, regionCode: '95.01' }), 'read');
    assert.equal(tenantAccess(platformAdmin, { id: JAYAWIJAYA, regionCode: '95.01' }), 'write');
  });
});
