import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDormant } from '../cooperations/index.js';
import { canView, dormancyCutoff, dormancyCutoffs, naturalLevel } from './dashboards.models.js';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dormant = (since: string, months: number, today: string) => isDormant({ state: 'BERLAKU', lastMonitoredAt: null, signedAt: since, stateChangedAt: new Date(0) }, months, today);

describe('dashboards: dormancy cut-off', () => {
  it('is the last dormant day, matching isDormant around month ends and leap days', () => {
    for (const today of ['2026-03-02', '2026-02-28', '2026-03-31', '2024-02-29', '2026-08-31', '2026-01-01', '2025-12-31'])
      for (const months of [1, 6, 12, 18]) {
        const cut = dormancyCutoff(months, today);
        assert.ok(dormant(cut, months, today), `${today} ${months}: ${cut} dormant`);
        assert.ok(!dormant(addDays(cut, 1), months, today), `${today} ${months}: day after ${cut} not dormant`);
        // Monotone: every earlier day within two months of the cut-off is dormant too.
        for (let d = 1; d < 62; d += 1) assert.ok(dormant(addDays(cut, -d), months, today));
      }
    assert.equal(dormancyCutoff(6, '2026-03-02'), '2025-09-02');
    // 31 August + 6 months is 28 February: on 28 February everything up to 31 August is due.
    assert.equal(dormancyCutoff(6, '2026-02-28'), '2025-08-31');
  });

  it('lists only the pemda whose own rules differ from the national months', () => {
    const months: Record<string, number> = { '': 6, a: 12, b: 6 };
    const cutoffs = dormancyCutoffs((t) => ({ dormantAfterMonths: months[t ?? '']! }), ['a', 'b'], '2026-03-02');
    assert.deepEqual(cutoffs, { defaultCutoff: '2025-09-02', overrides: [{ tenantId: 'a', cutoff: '2025-03-02' }] });
  });
});

describe('dashboards: who sees which scope', () => {
  const pemda = { readAll: false, oversightProvinceCodes: [], ownRegionCodes: ['63.06'] };
  const gwpp = { readAll: false, oversightProvinceCodes: ['63'], ownRegionCodes: [] };
  const kemendagri = { readAll: true, oversightProvinceCodes: [], ownRegionCodes: [] };

  it('a pemda user only their pemda', () => {
    assert.deepEqual([canView(pemda, 'pemda', '63.06'), canView(pemda, 'pemda', '63.07'), canView(pemda, 'province', '63'), canView(pemda, 'nation', null)], [true, false, false, false]);
  });
  it("a GWPP their province and its kab/kota, not the provincial government's own pemda nor other provinces", () => {
    assert.deepEqual(
      [canView(gwpp, 'province', '63'), canView(gwpp, 'pemda', '63.06'), canView(gwpp, 'pemda', '63'), canView(gwpp, 'province', '95'), canView(gwpp, 'nation', null)],
      [true, true, false, false, false],
    );
  });
  it('Kemendagri everything; natural scopes follow the role', () => {
    assert.deepEqual([canView(kemendagri, 'nation', null), canView(kemendagri, 'province', '95'), canView(kemendagri, 'pemda', '95.01')], [true, true, true]);
    assert.deepEqual(
      [naturalLevel({ ...kemendagri, tenantIds: [] }), naturalLevel({ ...gwpp, tenantIds: ['x'] }), naturalLevel({ ...pemda, tenantIds: ['x'] }), naturalLevel({ ...pemda, tenantIds: [] })],
      ['nation', 'province', 'pemda', null],
    );
  });
});
