import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildTenant } from './factories.js';
import { postFile, readFileFixture } from './uploads.js';

/**
 * Document routes of a cooperation between tenant A and a neighbour that is not B. B must not
 * see, download, number, draft or compare its documents, nor read or use A's templates.
 */
const neighbours = new WeakMap<object, Promise<{ id: string }>>();

const cooperationOfA = async ({ ctx, sessions, tenantA }: IsolationKit) => {
  if (!neighbours.has(ctx)) neighbours.set(ctx, buildTenant(ctx.db, { regionCode: '63.11', name: 'Pemerintah Kabupaten Balangan' }));
  const other = await neighbours.get(ctx)!;
  const res = await ctx.request('/api/cooperations', {
    json: {
      kind: 'KSDD',
      ksddCategory: 'SUKARELA',
      title: 'Naskah rahasia tenant A',
      objek: 'Air minum regional',
      objectCategory: 'PELAYANAN_PUBLIK',
      urusanCodes: ['1.03'],
      parties: [{ orgId: tenantA.id }, { orgId: other.id }],
    },
    session: sessions.staffA,
  });
  assert.equal(res.status, 201, await res.clone().text());

  return ((await res.json()) as { id: string }).id;
};

/** A's cooperation with a generated draft (v1) and an edited copy (v2). */
const draftsOfA = async (kit: IsolationKit) => {
  const id = await cooperationOfA(kit);
  const v1 = (await (await kit.ctx.request(`/api/cooperations/${id}/drafts`, { json: { type: 'KSB' }, session: kit.sessions.staffA })).json()) as {
    id: string;
    title: string;
    body: unknown;
  };
  const v2 = (await (
    await kit.ctx.request(`/api/cooperations/${id}/documents`, { json: { type: 'KSB', title: v1.title, body: v1.body }, session: kit.sessions.staffA })
  ).json()) as { id: string };

  return { id, v1: v1.id, v2: v2.id };
};

export const documentIsolationCases: Record<string, IsolationCase> = {
  'GET /api/cooperations/{id}/documents': {
    kind: 'check',
    run: async (kit) => {
      const { id } = await draftsOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/documents`, { session: kit.sessions.staffB }), "listing another pemda's documents");
    },
  },
  'POST /api/cooperations/{id}/documents': {
    kind: 'check',
    run: async (kit) => {
      const id = await cooperationOfA(kit);
      const file = (await (await postFile(kit.ctx, kit.sessions.staffB, { name: 'Sisipan B.pdf', bytes: readFileFixture('sample.pdf') })).json()) as { id: string };
      const res = await kit.ctx.request(`/api/cooperations/${id}/documents`, { json: { type: 'LAINNYA', title: 'Sisipan', fileId: file.id }, session: kit.sessions.staffB });
      await expectHidden(res, "attaching a file to another pemda's cooperation");
      const listed = (await (await kit.ctx.request(`/api/cooperations/${id}/documents`, { session: kit.sessions.staffA })).json()) as { items: { title: string }[] };
      assert.ok(listed.items.every((d) => d.title !== 'Sisipan'));
    },
  },
  'PUT /api/cooperations/{id}/documents/{documentId}/numbers': {
    kind: 'check',
    run: async (kit) => {
      const { id, v1 } = await draftsOfA(kit);
      const res = await kit.ctx.request(`/api/cooperations/${id}/documents/${v1}/numbers`, { method: 'PUT', json: { number: '999/B' }, session: kit.sessions.staffB });
      await expectHidden(res, "numbering another pemda's document");
    },
  },
  'POST /api/cooperations/{id}/drafts': {
    kind: 'check',
    run: async (kit) => {
      const id = await cooperationOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/drafts`, { json: { type: 'KSB' }, session: kit.sessions.staffB }), "drafting in another pemda's cooperation");
    },
  },
  'GET /api/cooperations/{id}/documents/{documentId}/download': {
    kind: 'check',
    run: async (kit) => {
      const { id, v1 } = await draftsOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/documents/${v1}/download?format=pdf`, { session: kit.sessions.staffB }), "downloading another pemda's draft");
    },
  },
  'GET /api/cooperations/{id}/documents/{documentId}/checklist': {
    kind: 'check',
    run: async (kit) => {
      const { id, v1 } = await draftsOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/documents/${v1}/checklist`, { session: kit.sessions.staffB }), "reading another pemda's clause checklist");
    },
  },
  'GET /api/cooperations/{id}/documents/compare': {
    kind: 'check',
    run: async (kit) => {
      const { id, v1, v2 } = await draftsOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/cooperations/${id}/documents/compare?from=${v1}&to=${v2}`, { session: kit.sessions.staffB }), "comparing another pemda's versions");
    },
  },
  'GET /api/document-templates': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      const sections = [{ clause: 'PENUTUP', heading: 'PENUTUP', text: 'Templat khusus tenant A.' }];
      const created = await ctx.request('/api/document-templates', { json: { scope: 'TENANT', type: 'LOI', name: 'LoI tenant A', sections }, session: sessions.staffA });
      assert.equal(created.status, 201);
      const list = (await (await ctx.request('/api/document-templates', { session: sessions.staffB })).json()) as { items: { tenantId: string | null }[] };
      assert.ok(list.items.length > 0 && list.items.every((t) => t.tenantId !== tenantA.id));
    },
  },
  'POST /api/document-templates': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      // A new version always lands in the caller's own pemda; B's admin cannot publish for A or nationally.
      const sections = [{ clause: null, heading: '', text: 'Versi B.' }];
      const own = await ctx.request('/api/document-templates', { json: { scope: 'TENANT', type: 'BERITA_ACARA', name: 'BA B', sections }, session: sessions.adminB });
      assert.equal(own.status, 201);
      assert.notEqual(((await own.json()) as { tenantId: string }).tenantId, tenantA.id);
      const national = await ctx.request('/api/document-templates', { json: { scope: 'NATIONAL', type: 'BERITA_ACARA', name: 'BA B', sections }, session: sessions.adminB });
      assert.equal(national.status, 403);
      const seenByA = (await (await ctx.request('/api/document-templates?type=BERITA_ACARA', { session: sessions.staffA })).json()) as { items: { name: string }[] };
      assert.ok(seenByA.items.every((t) => t.name !== 'BA B'));
    },
  },
};
