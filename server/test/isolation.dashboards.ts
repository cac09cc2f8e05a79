import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase } from './isolation.js';
import { buildTenant } from './factories.js';

/**
 * The dashboard of tenant A (63.06) with one cooperation of A: tenant B (95.01) can neither open
 * A's pemda or province dashboard nor the national one, and B's own dashboard does not count it.
 */
export const dashboardIsolationCases: Record<string, IsolationCase> = {
  'GET /api/dashboard': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      const totalOfB = async () => {
        const res = await ctx.request('/api/dashboard', { session: sessions.staffB });
        assert.equal(res.status, 200);
        const body = (await res.json()) as { scope: { region: string }; figures: { total: number } };
        assert.equal(body.scope.region, '95.01');

        return body.figures.total;
      };
      const before = await totalOfB();
      const other = await buildTenant(ctx.db, { regionCode: '63.71', name: 'Pemerintah Kota Banjarmasin' });
      const created = await ctx.request('/api/cooperations', {
        json: { kind: 'KSDD', ksddCategory: 'SUKARELA', title: 'Dasbor rahasia tenant A', objectCategory: 'PELAYANAN_PUBLIK', parties: [{ orgId: tenantA.id }, { orgId: other.id }] },
        session: sessions.staffA,
      });
      assert.equal(created.status, 201, await created.clone().text());
      const mine = (await (await ctx.request('/api/dashboard', { session: sessions.staffA })).json()) as { figures: { total: number } };
      assert.ok(mine.figures.total >= 1);
      for (const q of ['?scope=pemda&region=63.06', '?scope=province&region=63', '?scope=nation'])
        await expectHidden(await ctx.request(`/api/dashboard${q}`, { session: sessions.staffB }), `tenant B opening ${q}`);
      assert.equal(await totalOfB(), before, "B's own dashboard does not count A's cooperation");
    },
  },
};
