import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisibilityScope } from '../../platform/http/context.js';
import { auditTenantFilter } from './audit.policy.js';

const scope = (overrides: Partial<VisibilityScope>): VisibilityScope => ({
  platformAdmin: false,
  tenantIds: [],
  oversightProvinceCodes: [],
  readAll: false,
  orgIds: [],
  ...overrides,
});

describe('who reads which audit rows', () => {
  it('lets a platform admin read every row, or one tenant on request', () => {
    assert.equal(auditTenantFilter(scope({ platformAdmin: true })), undefined);
    assert.deepEqual(auditTenantFilter(scope({ platformAdmin: true }), 't-b'), ['t-b']);
  });

  it("limits everyone else to their own tenants' rows", () => {
    assert.deepEqual(auditTenantFilter(scope({ tenantIds: ['t-a', 't-c'] })), ['t-a', 't-c']);
    assert.deepEqual(auditTenantFilter(scope({ tenantIds: ['t-a', 't-c'] }), 't-c'), ['t-c']);
  });

  it('gives nothing for a tenant outside the scope, even to read-all oversight', () => {
    assert.deepEqual(auditTenantFilter(scope({ tenantIds: ['t-a'] }), 't-b'), []);
    assert.deepEqual(auditTenantFilter(scope({ readAll: true, oversightProvinceCodes: ['63'] })), []);
  });
});
