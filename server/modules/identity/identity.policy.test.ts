import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisibilityScope } from '../../platform/http/context.js';
import {
  canAdministerRole,
  canManageTenant,
  canReadUser,
  isAssignmentActive,
  isValidPeriod,
  lockedUntil,
  periodsOverlap,
  permissionsOf,
  requiresTwoFactor,
  scopeOf,
  tenantsWithPermission,
  todayInJakarta,
  type ScopedRole,
} from './identity.policy.js';

const at = (iso: string) => new Date(iso);
const failures = (n: number, newest: string) =>
  Array.from({ length: n }, (_, i) => ({ at: new Date(at(newest).getTime() - i * 1000), succeeded: false }));

describe('sign-in lockout', () => {
  it('does not lock an address after four failures in a row', () => {
    assert.equal(lockedUntil(failures(4, '2026-03-02T02:00:00Z')), undefined);
  });

  it('locks for one minute after the fifth failure, counted from the latest one', () => {
    assert.deepEqual(lockedUntil(failures(5, '2026-03-02T02:00:00Z')), at('2026-03-02T02:01:00Z'));
  });

  it('doubles the wait with each further failure and stops at one hour', () => {
    assert.deepEqual(lockedUntil(failures(6, '2026-03-02T02:00:00Z')), at('2026-03-02T02:02:00Z'));
    assert.deepEqual(lockedUntil(failures(7, '2026-03-02T02:00:00Z')), at('2026-03-02T02:04:00Z'));
    assert.deepEqual(lockedUntil(failures(30, '2026-03-02T02:00:00Z')), at('2026-03-02T03:00:00Z'));
  });

  it('forgets failures before the last successful sign-in', () => {
    const attempts = [...failures(3, '2026-03-02T02:00:00Z'), { at: at('2026-03-02T01:00:00Z'), succeeded: true }, ...failures(10, '2026-03-02T00:00:00Z')];
    assert.equal(lockedUntil(attempts), undefined);
  });
});

describe('role validity', () => {
  const base = { validFrom: '2026-01-01', validTo: '2026-12-31' as string | null, revokedAt: null as Date | null };

  it('counts a role from its first through its last day (inclusive)', () => {
    assert.equal(isAssignmentActive(base, '2025-12-31'), false);
    assert.equal(isAssignmentActive(base, '2026-01-01'), true);
    assert.equal(isAssignmentActive(base, '2026-12-31'), true);
    assert.equal(isAssignmentActive(base, '2027-01-01'), false);
  });

  it('keeps an open-ended role active and drops a revoked one at once', () => {
    assert.equal(isAssignmentActive({ ...base, validTo: null }, '2040-01-01'), true);
    assert.equal(isAssignmentActive({ ...base, revokedAt: at('2026-02-01T00:00:00Z') }, '2026-01-15'), false);
  });

  it('uses the calendar day in WIB: 18:00 UTC is already the next day in Jakarta', () => {
    assert.equal(todayInJakarta(at('2026-03-01T16:59:00Z')), '2026-03-01');
    assert.equal(todayInJakarta(at('2026-03-01T17:00:00Z')), '2026-03-02');
  });

  it('accepts a period ending on its first day and refuses one ending before it starts', () => {
    assert.equal(isValidPeriod('2026-01-01', '2026-01-01'), true);
    assert.equal(isValidPeriod('2026-01-01', null), true);
    assert.equal(isValidPeriod('2026-01-02', '2026-01-01'), false);
  });

  it('finds overlapping periods, open ends included', () => {
    assert.equal(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-06-30', validTo: null }), true);
    assert.equal(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-07-01', validTo: null }), false);
    assert.equal(periodsOverlap({ validFrom: '2027-01-01', validTo: null }, { validFrom: '2020-01-01', validTo: null }), true);
  });
});

const role = (r: string, over: Partial<ScopedRole> = {}): ScopedRole => ({ role: r, orgId: `org-${r}`, tenantId: 'hss', orgType: 'PEMDA', orgRegionCode: '63.06', ...over });

describe('visibility scope of an actor', () => {
  it('gives tenant staff their own tenant only', () => {
    const scope = scopeOf([role('KSD_SECRETARIAT_ADMIN')]);
    assert.deepEqual(scope, { platformAdmin: false, tenantIds: ['hss'], oversightProvinceCodes: [], readAll: false, orgIds: ['org-KSD_SECRETARIAT_ADMIN'] });
  });

  it('gives a GWPP reviewer read-only oversight of their province, not a tenant', () => {
    const scope = scopeOf([role('GWPP_REVIEWER', { tenantId: null, orgType: 'GWPP', orgRegionCode: '63' })]);
    assert.deepEqual(scope.tenantIds, []);
    assert.deepEqual(scope.oversightProvinceCodes, ['63']);
    assert.equal(scope.readAll, false);
  });

  it('lets Kemendagri read everything without a tenant, and a platform admin everything', () => {
    const viewer = scopeOf([role('KEMENDAGRI_VIEWER', { tenantId: null, orgType: 'KEMENDAGRI_UNIT', orgRegionCode: null })]);
    assert.equal(viewer.readAll, true);
    assert.equal(viewer.platformAdmin, false);
    const admin = scopeOf([role('PLATFORM_ADMIN', { tenantId: null, orgType: 'KEMENDAGRI_UNIT', orgRegionCode: null })]);
    assert.equal(admin.readAll && admin.platformAdmin, true);
  });

  it('unions tenants of roles held in several pemda', () => {
    const scope = scopeOf([role('OPD_STAFF'), role('TKKSD_ANGGOTA', { tenantId: 'jayawijaya' }), role('OPD_HEAD')]);
    assert.deepEqual(scope.tenantIds, ['hss', 'jayawijaya']);
  });

  it('requires two-factor for administrators only, and sums permissions of all roles', () => {
    assert.equal(requiresTwoFactor([{ role: 'TENANT_ADMIN' }]), true);
    assert.equal(requiresTwoFactor([{ role: 'KSD_SECRETARIAT_ADMIN' }, { role: 'SEKDA' }]), false);
    assert.ok(permissionsOf([{ role: 'KSD_SECRETARIAT_ADMIN' }]).has('audit.read'));
    assert.ok(!permissionsOf([{ role: 'PARTNER_USER' }]).has('user.read'));
    assert.equal(permissionsOf([{ role: 'NOT_A_ROLE' }]).size, 0);
  });
});

const scope = (over: Partial<VisibilityScope>): VisibilityScope => ({ platformAdmin: false, tenantIds: [], oversightProvinceCodes: [], readAll: false, orgIds: [], ...over });

describe('who may read and manage people', () => {
  const hssUser = { orgId: 'dinkes-hss', tenantId: 'hss', tenantRegionCode: '63.06' };
  const partnerUser = { orgId: 'pt-maju', tenantId: null, tenantRegionCode: null };

  it('lets tenant staff, the province GWPP and Kemendagri read a tenant user, but not another tenant', () => {
    assert.equal(canReadUser(scope({ tenantIds: ['hss'] }), hssUser), true);
    assert.equal(canReadUser(scope({ oversightProvinceCodes: ['63'] }), hssUser), true);
    assert.equal(canReadUser(scope({ readAll: true }), hssUser), true);
    assert.equal(canReadUser(scope({ tenantIds: ['jayawijaya'], oversightProvinceCodes: ['95'] }), hssUser), false);
  });

  it('keeps people without a tenant private to their own organisation and to Kemendagri', () => {
    assert.equal(canReadUser(scope({ tenantIds: ['hss'] }), partnerUser), false);
    assert.equal(canReadUser(scope({ orgIds: ['pt-maju'] }), partnerUser), true);
    assert.equal(canReadUser(scope({ readAll: true }), partnerUser), true);
  });

  it('lets a tenant admin manage only the tenant where the admin role is held', () => {
    const actor = {
      roles: [
        { role: 'TENANT_ADMIN', orgId: 'hss', tenantId: 'hss' },
        { role: 'OPD_STAFF', orgId: 'dinkes-jw', tenantId: 'jayawijaya' },
      ],
      scope: scope({ tenantIds: ['hss', 'jayawijaya'] }),
    };
    assert.deepEqual(tenantsWithPermission(actor.roles, 'user.manage'), ['hss']);
    assert.equal(canManageTenant(actor, 'user.manage', 'hss'), true);
    assert.equal(canManageTenant(actor, 'user.manage', 'jayawijaya'), false);
    assert.equal(canManageTenant(actor, 'user.manage', null), false);
  });

  it('never lets a tenant admin hand out cross-tenant roles; a platform admin may', () => {
    const tenantAdmin = { roles: [{ role: 'TENANT_ADMIN', orgId: 'hss', tenantId: 'hss' }], scope: scope({ tenantIds: ['hss'] }) };
    assert.equal(canAdministerRole(tenantAdmin, 'OPD_STAFF', 'hss'), true);
    assert.equal(canAdministerRole(tenantAdmin, 'OPD_STAFF', 'jayawijaya'), false);
    for (const r of ['PLATFORM_ADMIN', 'GWPP_REVIEWER', 'KEMENDAGRI_VIEWER']) assert.equal(canAdministerRole(tenantAdmin, r, 'hss'), false, r);
    const platform = { roles: [], scope: scope({ platformAdmin: true, readAll: true }) };
    assert.equal(canAdministerRole(platform, 'GWPP_REVIEWER', null), true);
  });
});
