import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildOrg, buildTenant, buildUser, signIn } from './factories.js';
import type { TestSession } from './context.js';

/**
 * The register of potentials of a pemda C (Banjar, 63.03) with one accepted OPD answer whose item
 * the TKKSD prioritised: B's staff must neither read nor change nor propose from it, B's register
 * never lists it, and B cannot open the mapping picture of C's province.
 */
type RegisterOfC = { potentialId: string; secretariat: TestSession };

const worlds = new WeakMap<object, Promise<RegisterOfC>>();

const build = async ({ ctx }: IsolationKit): Promise<RegisterOfC> => {
  const tenant = await buildTenant(ctx.db, { regionCode: '63.03', name: 'Pemerintah Kabupaten Banjar' });
  const opd = await buildOrg(ctx.db, { type: 'OPD', name: 'Dinas Pariwisata Banjar', tenantId: tenant.id, parentId: tenant.id, regionCode: '63.03' });
  const secretariat = await signIn(ctx, (await buildUser(ctx.db, { orgId: tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant.id }] })).email);
  const liaison = await signIn(ctx, (await buildUser(ctx.db, { orgId: opd.id, roles: [{ role: 'PPKSD', orgId: opd.id }] })).email);
  const send = async <T>(path: string, json: unknown, session: TestSession, method = 'POST') => {
    const res = await ctx.request(path, { method, json, session });
    assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${await res.clone().text()}`);

    return (await res.json()) as T;
  };
  const year = Number(new Date(ctx.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 4));
  const cycle = await send<{ id: string; rowVersion: number }>('/api/mapping/cycles', { year }, secretariat);
  await send(`/api/mapping/cycles/${cycle.id}/advance`, { action: 'start_mapping', expectedVersion: cycle.rowVersion }, secretariat);
  const item = { judul: 'Potensi Rahasia C', uraian: 'Wisata Martapura', urusan: ['3.26'], lokasi: ['63.03'], manfaat: 'PAD' };
  const answer = await send<{ rowVersion: number }>(`/api/mapping/cycles/${cycle.id}/answers/${opd.id}`, { answers: { kesiapan: { prioritas_opd: 'tinggi', pengalaman: 0 }, potensi: [item] }, submit: true, expectedVersion: 0 }, liaison, 'PUT');
  await send(`/api/mapping/cycles/${cycle.id}/answers/${opd.id}/accept`, { expectedVersion: answer.rowVersion }, secretariat);
  const [p] = (await send<{ items: { id: string }[] }>('/api/mapping/potentials', undefined, secretariat, 'GET')).items;
  await send(`/api/mapping/potentials/${p!.id}`, { expectedVersion: 1, status: 'DIPRIORITASKAN', reason: 'Prioritas C' }, secretariat, 'PATCH');

  return { potentialId: p!.id, secretariat };
};

const registerOfC = (kit: IsolationKit) => {
  if (!worlds.has(kit.ctx)) worlds.set(kit.ctx, build(kit));

  return worlds.get(kit.ctx)!;
};

/** C's item as C sees it: still prioritised, unchanged, not followed through. */
const unchanged = async (kit: IsolationKit, w: RegisterOfC) => {
  const res = await kit.ctx.request(`/api/mapping/potentials/${w.potentialId}`, { session: w.secretariat });
  const item = (await res.json()) as { status: string; rowVersion: number; title: string; cooperations: unknown[] };
  assert.deepEqual([item.status, item.rowVersion, item.title, item.cooperations.length], ['DIPRIORITASKAN', 2, 'Potensi Rahasia C', 0]);
};

const hidden = (message: string, request: (w: RegisterOfC) => { path: string; method?: string; json?: unknown }): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const w = await registerOfC(kit);
    const r = request(w);
    const res = await kit.ctx.request(r.path, { method: r.method ?? (r.json === undefined ? 'GET' : 'POST'), json: r.json, session: kit.sessions.staffB });
    await expectHidden(res, message);
    assert.ok(!(await res.text()).includes('Rahasia'));
    await unchanged(kit, w);
  },
});

const item = (w: RegisterOfC, suffix = '') => `/api/mapping/potentials/${w.potentialId}${suffix}`;

export const potentialIsolationCases: Record<string, IsolationCase> = {
  'GET /api/mapping/potentials': {
    kind: 'check',
    run: async (kit) => {
      const w = await registerOfC(kit);
      const res = await kit.ctx.request('/api/mapping/potentials?q=Rahasia', { session: kit.sessions.staffB });
      assert.equal(res.status, 200);
      assert.ok(!(await res.text()).includes(w.potentialId), "B's register lists C's item");
    },
  },
  'GET /api/mapping/potentials/{id}': hidden("reading another pemda's register item", (w) => ({ path: item(w) })),
  'PATCH /api/mapping/potentials/{id}': hidden("changing another pemda's register item", (w) => ({ path: item(w), method: 'PATCH', json: { expectedVersion: 2, status: 'DIBATALKAN', reason: 'Oleh B' } })),
  'POST /api/mapping/potentials/{id}/proposal': hidden("proposing from another pemda's register item", (w) => ({
    path: item(w, '/proposal'),
    json: { expectedVersion: 2, kind: 'KSDD', ksddCategory: 'SUKARELA', objectCategory: 'LAINNYA', partners: [{ orgId: '00000000-0000-4000-8000-000000000001' }] },
  })),
  'GET /api/mapping/overview': {
    kind: 'check',
    run: async (kit) => {
      await registerOfC(kit);
      await expectHidden(await kit.ctx.request('/api/mapping/overview?province=63', { session: kit.sessions.staffB }), "opening another province's mapping picture");
      const own = await kit.ctx.request('/api/mapping/overview', { session: kit.sessions.staffB });
      assert.equal(own.status, 200);
      const body = (await own.json()) as { scope: { level: string }; pemda: { tenantId: string }[] };
      assert.deepEqual([body.scope.level, body.pemda.map((p) => p.tenantId)], ['pemda', [kit.tenantB.id]]);
    },
  },
};
