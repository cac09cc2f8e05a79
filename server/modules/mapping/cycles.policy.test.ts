import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answeringOrgs, canAnswerFor, canManage, managedTenant } from './cycles.policy.js';

const role = (r: string, orgId: string, tenantId: string | null = 'T') => ({ role: r, orgId, tenantId });

describe('mapping policy', () => {
  it('lets the secretariat and the TKKSD chair or secretary run the mapping of their own pemda only', () => {
    assert.equal(canManage({ roles: [role('KSD_SECRETARIAT_ADMIN', 'unit')] }, 'T'), true);
    assert.equal(canManage({ roles: [role('TKKSD_SEKRETARIS', 'T')] }, 'T'), true);
    assert.equal(canManage({ roles: [role('TKKSD_ANGGOTA', 'T')] }, 'T'), false);
    assert.equal(canManage({ roles: [role('TKKSD_KETUA', 'T')] }, 'OTHER'), false);
  });

  it('lets an OPD liaison or head answer for that OPD only', () => {
    assert.equal(canAnswerFor({ roles: [role('PPKSD', 'dinkes')] }, 'dinkes'), true);
    assert.equal(canAnswerFor({ roles: [role('OPD_HEAD', 'dinkes')] }, 'dinkes'), true);
    assert.equal(canAnswerFor({ roles: [role('PPKSD', 'dinkes')] }, 'pupr'), false);
    assert.equal(canAnswerFor({ roles: [role('OPD_STAFF', 'dinkes')] }, 'dinkes'), false);
    assert.equal(canAnswerFor({ roles: [role('KSD_SECRETARIAT_ADMIN', 'dinkes')] }, 'dinkes'), false);
    assert.deepEqual(answeringOrgs({ roles: [role('PPKSD', 'dinkes'), role('OPD_HEAD', 'pupr'), role('PPKSD', 'x', 'OTHER')] }, 'T'), ['dinkes', 'pupr']);
  });

  it('picks the pemda a new cycle belongs to', () => {
    assert.equal(managedTenant({ roles: [role('KSD_SECRETARIAT_ADMIN', 'unit')] }, undefined), 'T');
    assert.equal(managedTenant({ roles: [role('KSD_SECRETARIAT_ADMIN', 'unit')] }, 'OTHER'), null);
    assert.equal(managedTenant({ roles: [role('TKKSD_KETUA', 'a', 'A'), role('TKKSD_KETUA', 'b', 'B')] }, undefined), null);
    assert.equal(managedTenant({ roles: [role('PPKSD', 'dinkes')] }, undefined), null);
  });
});
