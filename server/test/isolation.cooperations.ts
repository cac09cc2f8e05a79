import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildOrg, buildTenant } from './factories.js';
import { addDocument } from './cooperations.factories.js';
import { notify } from '../modules/notifications/index.js';

/**
 * A cooperation of tenant A with a neighbouring pemda that is not B, created by A's secretariat:
 * every case below checks that B can neither see nor touch it.
 */
const neighbours = new WeakMap<object, Promise<{ id: string }>>();

const cooperationOfA = async ({ ctx, sessions, tenantA }: IsolationKit) => {
  // One neighbouring pemda per test database, shared by the cases.
  if (!neighbours.has(ctx)) neighbours.set(ctx, buildTenant(ctx.db, { regionCode: '63.07', name: 'Pemerintah Kabupaten Hulu Sungai Tengah' }));
  const other = await neighbours.get(ctx)!;
  const res = await ctx.request('/api/cooperations', {
    method: 'POST',
    json: {
      kind: 'KSDD',
      ksddCategory: 'SUKARELA',
      title: 'Kerja sama rahasia tenant A',
      objek: 'Pengelolaan sampah',
      objectCategory: 'PELAYANAN_PUBLIK',
      urusanCodes: ['2.11'],
      parties: [{ orgId: tenantA.id }, { orgId: other.id }],
    },
    session: sessions.staffA,
  });
  assert.equal(res.status, 201, await res.clone().text());

  return ((await res.json()) as { id: string; rowVersion: number }) satisfies { id: string };
};

export const cooperationIsolationCases: Record<string, IsolationCase> = {
  'GET /api/cooperations': {
    kind: 'check',
    run: async (kit) => {
      await cooperationOfA(kit);
      const page = (await (await kit.ctx.request('/api/cooperations?q=rahasia', { session: kit.sessions.staffB })).json()) as { items: unknown[] };
      assert.deepEqual(page.items, []);
      const all = (await (await kit.ctx.request('/api/cooperations?limit=100', { session: kit.sessions.staffB })).json()) as { items: { title: string }[] };
      assert.ok(all.items.every((i) => i.title !== 'Kerja sama rahasia tenant A'));
    },
  },
  'GET /api/cooperations/export': {
    kind: 'check',
    run: async (kit) => {
      await cooperationOfA(kit);
      const res = await kit.ctx.request('/api/cooperations/export?format=csv', { session: kit.sessions.staffB });
      assert.equal(res.status, 200);
      assert.ok(!(await res.text()).includes('rahasia tenant A'));
    },
  },
  'POST /api/cooperations': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA, tenantB }) => {
      // B may not register a cooperation on A's behalf between A and someone else.
      const other = await buildTenant(ctx.db, { regionCode: '63.05', name: 'Pemerintah Kabupaten Tapin' });
      const res = await ctx.request('/api/cooperations', {
        method: 'POST',
        json: { kind: 'KSDD', ksddCategory: 'SUKARELA', title: 'Atas nama A', objectCategory: 'PELAYANAN_PUBLIK', parties: [{ orgId: tenantA.id }, { orgId: other.id }] },
        session: sessions.staffB,
      });
      assert.equal(res.status, 403);
      const own = await ctx.request('/api/cooperations', {
        method: 'POST',
        json: { kind: 'KSDD', ksddCategory: 'SUKARELA', title: 'Milik B', objectCategory: 'PELAYANAN_PUBLIK', parties: [{ orgId: tenantB.id }, { orgId: other.id }] },
        session: sessions.staffB,
      });
      assert.equal(own.status, 201, 'B may work with the same neighbour for itself');
    },
  },
  'GET /api/cooperations/{id}': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await cooperationOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}`, { session: kit.sessions.staffB }), 'B reading A’s cooperation');
      assert.equal((await kit.ctx.request(`/api/cooperations/${id}`, { session: kit.sessions.staffA })).status, 200);
    },
  },
  'PATCH /api/cooperations/{id}': {
    kind: 'check',
    run: async (kit) => {
      const { id, rowVersion } = await cooperationOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${id}`, { method: 'PATCH', json: { expectedVersion: rowVersion, title: 'Diubah B' }, session: kit.sessions.staffB });
      assert.equal(res.status, 404);
    },
  },
  'POST /api/cooperations/{id}/actions/{action}': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await cooperationOfA(kit);
      await addDocument(kit.ctx.db, id, 'KAK');
      const res = await kit.ctx.request(`/api/cooperations/${id}/actions/submit`, { method: 'POST', json: {}, session: kit.sessions.staffB });
      assert.equal(res.status, 404);
      const state = ((await (await kit.ctx.request(`/api/cooperations/${id}`, { session: kit.sessions.staffA })).json()) as { state: string }).state;
      assert.equal(state, 'USULAN');
    },
  },
  'GET /api/cooperations/{id}/timeline': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await cooperationOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/timeline`, { session: kit.sessions.staffB }), 'B reading A’s timeline');
    },
  },
  'POST /api/cooperations/{id}/comments': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await cooperationOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${id}/comments`, { method: 'POST', json: { body: 'Komentar B' }, session: kit.sessions.staffB });
      assert.equal(res.status, 404);
    },
  },
  'GET /api/cooperations/{id}/participants': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await cooperationOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/participants`, { session: kit.sessions.staffB }), 'B listing A’s people');
    },
  },
  'POST /api/cooperations/{id}/invitations': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await cooperationOfA(kit);
      const partner = await buildOrg(kit.ctx.db, { type: 'PIHAK_KETIGA', name: `PT Isolasi ${Date.now()} (fiktif)` });
      const res = await kit.ctx.request(`/api/cooperations/${id}/invitations`, {
        method: 'POST',
        json: { orgId: partner.id, email: `isolasi${Date.now()}@mitra.test`, name: 'Kontak Mitra' },
        session: kit.sessions.staffB,
      });
      assert.equal(res.status, 404);
    },
  },
  'GET /api/saved-filters': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      await ctx.request('/api/saved-filters', { method: 'POST', json: { name: 'Filter A', query: { state: 'BERLAKU' } }, session: sessions.staffA });
      const mine = (await (await ctx.request('/api/saved-filters', { session: sessions.staffB })).json()) as { items: { name: string }[] };
      assert.ok(mine.items.every((f) => f.name !== 'Filter A'));
    },
  },
  'POST /api/saved-filters': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const res = await ctx.request('/api/saved-filters', { method: 'POST', json: { name: 'Filter B', query: { kind: 'KSDD' } }, session: sessions.staffB });
      assert.equal(res.status, 201);
      const a = (await (await ctx.request('/api/saved-filters', { session: sessions.staffA })).json()) as { items: { name: string }[] };
      assert.ok(a.items.every((f) => f.name !== 'Filter B'));
    },
  },
  'DELETE /api/saved-filters/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const created = (await (await ctx.request('/api/saved-filters', { method: 'POST', json: { name: `Milik A ${Date.now()}`, query: {} }, session: sessions.staffA })).json()) as { id: string };
      assert.equal((await ctx.request(`/api/saved-filters/${created.id}`, { method: 'DELETE', session: sessions.staffB })).status, 404);
      const a = (await (await ctx.request('/api/saved-filters', { session: sessions.staffA })).json()) as { items: { id: string }[] };
      assert.ok(a.items.some((f) => f.id === created.id));
    },
  },
  'GET /api/rule-packs': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      assert.equal((await ctx.request(`/api/rule-packs?tenantId=${tenantA.id}`, { session: sessions.staffB })).status, 403);
      assert.equal((await ctx.request(`/api/rule-packs?tenantId=${tenantA.id}`, { session: sessions.staffA })).status, 200);
    },
  },
  'POST /api/rule-packs': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      const json = { tenantId: tenantA.id, validFrom: '2030-01-01', note: 'B mencoba', rules: { expiryReminderDays: [10] } };
      assert.equal((await ctx.request('/api/rule-packs', { method: 'POST', json, session: sessions.adminB })).status, 403);
      assert.equal((await ctx.request('/api/rule-packs', { method: 'POST', json: { ...json, tenantId: null }, session: sessions.adminB })).status, 403);
    },
  },
  'GET /api/notifications': {
    kind: 'self',
    run: async ({ ctx, sessions, staffA }) => {
      await notify({
        db: ctx.db,
        clock: ctx.clock,
        publicUrl: 'http://localhost',
        recipients: [{ id: staffA.id, email: staffA.email, locale: 'id' }],
        notice: { kind: 'test', title: { id: 'Untuk A', en: 'For A' }, body: { id: '', en: '' }, link: null, email: false },
      });
      const b = (await (await ctx.request('/api/notifications', { session: sessions.staffB })).json()) as { items: { title: string }[] };
      assert.ok(b.items.every((n) => n.title !== 'Untuk A'));
    },
  },
  'POST /api/notifications/{id}/read': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA }) => {
      await notify({
        db: ctx.db,
        clock: ctx.clock,
        publicUrl: 'http://localhost',
        recipients: [{ id: staffA.id, email: staffA.email, locale: 'id' }],
        notice: { kind: 'test', title: { id: 'Milik A', en: 'A’s' }, body: { id: '', en: '' }, link: null, email: false },
      });
      const a = (await (await ctx.request('/api/notifications', { session: sessions.staffA })).json()) as { items: { id: string }[] };
      assert.equal((await ctx.request(`/api/notifications/${a.items[0]!.id}/read`, { method: 'POST', session: sessions.staffB })).status, 404);
    },
  },
  'POST /api/notifications/read-all': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const before = (await (await ctx.request('/api/notifications', { session: sessions.staffA })).json()) as { unread: number };
      assert.equal((await ctx.request('/api/notifications/read-all', { method: 'POST', session: sessions.staffB })).status, 200);
      const after = (await (await ctx.request('/api/notifications', { session: sessions.staffA })).json()) as { unread: number };
      assert.equal(after.unread, before.unread);
    },
  },
};
