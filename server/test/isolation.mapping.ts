import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildOrg, buildTenant, buildUser, signIn } from './factories.js';
import type { TestSession } from './context.js';

/**
 * Mapping routes against a pemda (Tabalong, 63.09; 63.75 is not a region code the reference data
 * knows) whose cycle is in Proses Pemetaan with one OPD's answer submitted: B's secretariat must neither read nor change its cycle, questionnaire
 * or answers, nor open a cycle or build a questionnaire for it, and B's lists never show them.
 */
type MappingOfC = { tenantId: string; cycleId: string; orgId: string; questionnaireId: string; secretariat: TestSession };

const worlds = new WeakMap<object, Promise<MappingOfC>>();

const build = async ({ ctx }: IsolationKit): Promise<MappingOfC> => {
  const tenant = await buildTenant(ctx.db, { regionCode: '63.09', name: 'Pemerintah Kabupaten Tabalong' });
  const opd = await buildOrg(ctx.db, { type: 'OPD', name: 'Dinas Rahasia C', tenantId: tenant.id, parentId: tenant.id, regionCode: '63.09' });
  const secretariat = await signIn(ctx, (await buildUser(ctx.db, { orgId: tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant.id }] })).email);
  const liaison = await signIn(ctx, (await buildUser(ctx.db, { orgId: opd.id, roles: [{ role: 'PPKSD', orgId: opd.id }] })).email);
  const send = async (path: string, json: unknown, session: TestSession, method = 'POST') => {
    const res = await ctx.request(path, { method, json, session });
    assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${await res.clone().text()}`);

    return (await res.json()) as { id: string; rowVersion: number; questionnaire: { id: string } };
  };
  const year = Number(new Date(ctx.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 4));
  const cycle = await send('/api/mapping/cycles', { year }, secretariat);
  await send(`/api/mapping/cycles/${cycle.id}/advance`, { action: 'start_mapping', expectedVersion: cycle.rowVersion }, secretariat);
  await send(`/api/mapping/cycles/${cycle.id}/answers/${opd.id}`, { answers: { kesiapan: { prioritas_opd: 'tinggi', catatan: 'Rahasia C' } }, submit: true, expectedVersion: 0 }, liaison, 'PUT');

  return { tenantId: tenant.id, cycleId: cycle.id, orgId: opd.id, questionnaireId: cycle.questionnaire.id, secretariat };
};

const mappingOfC = (kit: IsolationKit) => {
  if (!worlds.has(kit.ctx)) worlds.set(kit.ctx, build(kit));

  return worlds.get(kit.ctx)!;
};

/** C's cycle and answer as C sees them: still in Proses Pemetaan, the answer still submitted once. */
const unchanged = async (kit: IsolationKit, w: MappingOfC) => {
  const res = await kit.ctx.request(`/api/mapping/cycles/${w.cycleId}/answers/${w.orgId}`, { session: w.secretariat });
  const answer = (await res.json()) as { status: string; revision: number; stage: string; deadline: string; rowVersion: number };
  assert.deepEqual([answer.stage, answer.status, answer.revision, answer.rowVersion], ['PROSES_PEMETAAN', 'SUBMITTED', 1, 1]);
};

const hidden = (message: string, request: (w: MappingOfC) => { path: string; method?: string; json?: unknown }): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const w = await mappingOfC(kit);
    const r = request(w);
    const res = await kit.ctx.request(r.path, { method: r.method ?? (r.json === undefined ? 'GET' : 'POST'), json: r.json, session: kit.sessions.staffB });
    await expectHidden(res, message);
    assert.ok(!(await res.text()).includes('Rahasia'));
    await unchanged(kit, w);
  },
});

const cycle = (w: MappingOfC, suffix = '') => `/api/mapping/cycles/${w.cycleId}${suffix}`;
const answer = (w: MappingOfC, suffix = '') => cycle(w, `/answers/${w.orgId}${suffix}`);

export const mappingIsolationCases: Record<string, IsolationCase> = {
  'GET /api/mapping/cycles': {
    kind: 'check',
    run: async (kit) => {
      const w = await mappingOfC(kit);
      const res = await kit.ctx.request('/api/mapping/cycles', { session: kit.sessions.staffB });
      assert.equal(res.status, 200);
      assert.ok(!(await res.text()).includes(w.cycleId), "B's list shows C's cycle");
    },
  },
  'POST /api/mapping/cycles': hidden("opening a cycle for another pemda", (w) => ({ path: '/api/mapping/cycles', json: { year: 2030, tenantId: w.tenantId } })),
  'GET /api/mapping/cycles/{id}': hidden("reading another pemda's cycle", (w) => ({ path: cycle(w) })),
  'PATCH /api/mapping/cycles/{id}': hidden("changing another pemda's cycle", (w) => ({ path: cycle(w), method: 'PATCH', json: { expectedVersion: 2, answerDeadline: '2030-01-01' } })),
  'POST /api/mapping/cycles/{id}/advance': hidden("advancing another pemda's cycle", (w) => ({ path: cycle(w, '/advance'), json: { action: 'start_discussion', expectedVersion: 2 } })),
  'GET /api/mapping/cycles/{id}/answers/{orgId}': hidden("reading another pemda's OPD answer", (w) => ({ path: answer(w) })),
  'GET /api/mapping/cycles/{id}/answers/{orgId}/history': hidden("reading another pemda's answer history", (w) => ({ path: answer(w, '/history') })),
  'PUT /api/mapping/cycles/{id}/answers/{orgId}': hidden("answering for another pemda's OPD", (w) => ({ path: answer(w), method: 'PUT', json: { answers: {}, expectedVersion: 1 } })),
  'POST /api/mapping/cycles/{id}/answers/{orgId}/return': hidden("returning another pemda's answer", (w) => ({ path: answer(w, '/return'), json: { expectedVersion: 1, comment: 'Oleh B' } })),
  'GET /api/mapping/cycles/{id}/plenary': hidden("reading another pemda's plenary ranking", (w) => ({ path: cycle(w, '/plenary') })),
  'PUT /api/mapping/cycles/{id}/plenary/scores': hidden("scoring another pemda's register items", (w) => ({ path: cycle(w, '/plenary/scores'), method: 'PUT', json: { items: [{ potentialId: w.orgId, scores: { URGENCY: 5 } }] } })),
  'POST /api/mapping/cycles/{id}/plenary/decision': hidden("deciding another pemda's plenary", (w) => ({ path: cycle(w, '/plenary/decision'), json: { meetingId: w.orgId, priorityIds: [w.orgId], expectedVersion: 0 } })),
  'GET /api/mapping/cycles/{id}/plenary/{document}': hidden("downloading another pemda's Berita Acara", (w) => ({ path: cycle(w, '/plenary/berita-acara?format=pdf') })),
  'POST /api/mapping/cycles/{id}/answers/{orgId}/accept': hidden("accepting another pemda's answer", (w) => ({ path: answer(w, '/accept'), json: { expectedVersion: 1 } })),
  'POST /api/mapping/cycles/{id}/answers/{orgId}/reopen': hidden("reopening another pemda's OPD", (w) => ({ path: answer(w, '/reopen'), json: { deadline: '2030-01-01' } })),
  'GET /api/mapping/questionnaires': {
    kind: 'check',
    run: async (kit) => {
      const w = await mappingOfC(kit);
      const res = await kit.ctx.request('/api/mapping/questionnaires', { session: kit.sessions.staffB });
      assert.equal(res.status, 200);
      assert.ok(!(await res.text()).includes(w.questionnaireId), "B's list shows C's questionnaire");
    },
  },
  'GET /api/mapping/questionnaires/{id}': hidden("reading another pemda's questionnaire", (w) => ({ path: `/api/mapping/questionnaires/${w.questionnaireId}` })),
  'PUT /api/mapping/questionnaires/{id}': hidden("editing another pemda's questionnaire", (w) => ({
    path: `/api/mapping/questionnaires/${w.questionnaireId}`,
    method: 'PUT',
    json: { title: 'Oleh B', definition: { sections: [{ id: 's', title: 'S', questions: [{ id: 'q', type: 'TEXT', label: 'Q' }] }] }, expectedVersion: 1 },
  })),
  'POST /api/mapping/questionnaires': hidden('building a questionnaire for another pemda', (w) => ({
    path: '/api/mapping/questionnaires',
    json: { tenantId: w.tenantId, title: 'Oleh B', definition: { sections: [{ id: 's', title: 'S', questions: [{ id: 'q', type: 'TEXT', label: 'Q' }] }] } },
  })),
};
