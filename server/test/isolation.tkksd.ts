import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';
import { buildUser } from './factories.js';

/**
 * TKKSD and liaison routes: tenant A keeps a team; B sees only its own team and may neither read
 * nor change A's periods, members or liaisons. (No extra tenant is needed; 63.73 is reserved.)
 */
type TeamOfA = { periodId: string; memberId: string; liaisonId: string };
const teams = new WeakMap<object, Promise<TeamOfA>>();

const buildTeam = async ({ ctx, sessions, tenantA, opdA }: IsolationKit): Promise<TeamOfA> => {
  const send = async (path: string, json: Record<string, unknown>) => {
    const res = await ctx.request(path, { json, session: sessions.staffA });
    assert.equal(res.status, 201, `${path}: ${await res.clone().text()}`);

    return ((await res.json()) as { id: string }).id;
  };
  const sekda = await buildUser(ctx.db, { orgId: tenantA.id, name: 'Sekda Rahasia A' });
  const pic = await buildUser(ctx.db, { orgId: opdA.id, name: 'Penghubung Rahasia A' });
  const periodId = await send('/api/tkksd/periods', { title: 'TKKSD Rahasia A', decreeNumber: 'SK-A/2026', decreeDate: '2026-01-02', validFrom: '2026-01-01', validTo: '2026-12-31' });
  const memberId = await send(`/api/tkksd/periods/${periodId}/members`, { position: 'KETUA', userId: sekda.id, orgId: tenantA.id });
  const liaisonId = await send('/api/liaisons', { opdId: opdA.id, userId: pic.id, decreeNumber: 'SK-PIC-A', decreeDate: '2026-01-02', validFrom: '2026-01-02' });

  return { periodId, memberId, liaisonId };
};

const teamOfA = (kit: IsolationKit): Promise<TeamOfA> => {
  if (!teams.has(kit.ctx)) teams.set(kit.ctx, buildTeam(kit));

  return teams.get(kit.ctx)!;
};

const clean = async (res: Response, what: string) => {
  assert.equal(res.status, 200, what);
  assert.ok(!(await res.text()).includes('Rahasia'), `${what} shows A's team`);
};

const hidden = (path: (t: TeamOfA, kit: IsolationKit) => string, json: (kit: IsolationKit) => Record<string, unknown>, what: string): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const t = await teamOfA(kit);
    await expectHidden(await kit.ctx.request(path(t, kit), { json: json(kit), session: kit.sessions.staffB }), what);
    await clean(await kit.ctx.request('/api/tkksd', { session: kit.sessions.staffB }), "B's team page");
  },
});

const end = () => ({ endDate: '2026-03-02' });
const handOver = (kit: IsolationKit) => ({ endDate: '2026-03-02', successorUserId: kit.staffB.id });

export const tkksdIsolationCases: Record<string, IsolationCase> = {
  'GET /api/tkksd': {
    kind: 'check',
    run: async (kit) => {
      await teamOfA(kit);
      await clean(await kit.ctx.request('/api/tkksd', { session: kit.sessions.staffB }), "B's team page");
    },
  },
  'GET /api/tkksd/periods/{periodId}': {
    kind: 'check',
    run: async (kit) => {
      const t = await teamOfA(kit);
      await expectHidden(await kit.ctx.request(`/api/tkksd/periods/${t.periodId}`, { session: kit.sessions.staffB }), "reading A's TKKSD period");
    },
  },
  'POST /api/tkksd/periods': {
    kind: 'check',
    run: async (kit) => {
      await teamOfA(kit);
      // B's own period on A's dates is no overlap: each pemda has its own series.
      const res = await kit.ctx.request('/api/tkksd/periods', {
        json: { title: 'TKKSD B', decreeNumber: 'SK-B/2026', decreeDate: '2026-01-02', validFrom: '2026-01-01', validTo: '2026-12-31' },
        session: kit.sessions.staffB,
      });
      assert.ok(res.status === 201 || res.status === 409, `B records its own period: ${res.status}`);
      await clean(await kit.ctx.request('/api/tkksd', { session: kit.sessions.staffB }), "B's team after recording");
    },
  },
  'POST /api/tkksd/periods/{periodId}/members': hidden((t) => `/api/tkksd/periods/${t.periodId}/members`, (kit) => ({ position: 'ANGGOTA', personName: 'Titipan B', orgId: kit.tenantB.id }), "adding a member to A's period"),
  'POST /api/tkksd/members/{memberId}/end': hidden((t) => `/api/tkksd/members/${t.memberId}/end`, end, "ending A's member"),
  'POST /api/tkksd/members/{memberId}/handover': hidden((t) => `/api/tkksd/members/${t.memberId}/handover`, handOver, "handing over A's member"),
  'GET /api/liaisons': {
    kind: 'check',
    run: async (kit) => {
      await teamOfA(kit);
      await clean(await kit.ctx.request('/api/liaisons', { session: kit.sessions.staffB }), "B's liaisons");
    },
  },
  'POST /api/liaisons': {
    kind: 'check',
    run: async (kit) => {
      await teamOfA(kit);
      const res = await kit.ctx.request('/api/liaisons', {
        json: { opdId: kit.opdA.id, personName: 'Titipan B', decreeNumber: 'SK-B', decreeDate: '2026-01-02', validFrom: '2026-01-02' },
        session: kit.sessions.staffB,
      });
      assert.equal(res.status, 422, "B cannot appoint a liaison in A's OPD");
      assert.ok((await res.text()).includes('org_not_in_tenant'));
    },
  },
  'POST /api/liaisons/{liaisonId}/end': hidden((t) => `/api/liaisons/${t.liaisonId}/end`, end, "ending A's liaison"),
  'POST /api/liaisons/{liaisonId}/handover': hidden((t) => `/api/liaisons/${t.liaisonId}/handover`, handOver, "handing over A's liaison"),
};
