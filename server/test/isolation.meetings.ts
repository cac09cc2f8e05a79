import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase, type IsolationKit } from './isolation.js';

/**
 * Meeting routes: B's secretariat must neither read A's meetings (nor their calendar file) nor
 * change, invite to, reschedule, cancel or record anything on them, and B's list never shows them.
 */
type MeetingOfA = { id: string; actionId: string | null };

const details = {
  type: 'RAKOR_OPD',
  title: 'Rakor OPD rahasia tenant A',
  startsAt: '2026-03-10T09:00:00+08:00',
  endsAt: '2026-03-10T11:00:00+08:00',
  mode: 'LURING',
  place: 'Ruang rapat Sekda',
  agenda: [{ title: 'Rahasia A' }],
};

const send = async (kit: IsolationKit, path: string, json: unknown, method = 'POST') => {
  const res = await kit.ctx.request(path, { method, json, session: kit.sessions.staffA });
  assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${await res.clone().text()}`);

  return (await res.json()) as { id: string; actions: { id: string }[] };
};

/** A's meeting: a draft, invited (a guest of region 63.74 by e-mail), or held with minutes and a follow-up action. */
const meetingOfA = async (kit: IsolationKit, stage: 'DRAFT' | 'INVITED' | 'HELD' = 'INVITED'): Promise<MeetingOfA> => {
  const { id } = await send(kit, '/api/meetings', details);
  if (stage === 'DRAFT') return { id, actionId: null };
  await send(kit, `/api/meetings/${id}/invitations`, { guests: [{ name: 'Tamu 63.74', email: `tamu.${id.slice(0, 8)}@kab6374.example.go.id` }] });
  if (stage === 'INVITED') return { id, actionId: null };
  await send(kit, `/api/meetings/${id}/minutes`, { minutes: 'Notulen rahasia A' }, 'PUT');
  const m = await send(kit, `/api/meetings/${id}/actions`, { title: 'Tindak lanjut A', ownerId: kit.staffA.id, dueDate: '2026-03-20' });

  return { id, actionId: m.actions[0]!.id };
};

/** A's meeting as A sees it: B left no trace. */
const unchanged = async (kit: IsolationKit, p: MeetingOfA, status: string) => {
  const m = (await (await kit.ctx.request(`/api/meetings/${p.id}`, { session: kit.sessions.staffA })).json()) as {
    status: string;
    title: string;
    sequence: number;
    invitees: { name: string }[];
    minutes: string | null;
    decisions: string[];
    minutesFinalisedAt: string | null;
    actions: { status: string }[];
  };
  assert.equal(m.status, status);
  assert.equal(m.title, details.title);
  assert.equal(m.sequence, 0);
  assert.ok(m.invitees.every((i) => i.name === 'Tamu 63.74'));
  assert.deepEqual(m.decisions, []);
  assert.equal(m.minutesFinalisedAt, null);
  assert.ok(m.actions.every((a) => a.status === 'OPEN'));
};

const hiddenChange = (path: (p: MeetingOfA) => string, body: unknown, what: string, stage: 'DRAFT' | 'INVITED' | 'HELD' = 'INVITED', method = 'POST'): IsolationCase => ({
  kind: 'check',
  run: async (kit) => {
    const p = await meetingOfA(kit, stage);
    await expectHidden(await kit.ctx.request(path(p), { method, json: body, session: kit.sessions.staffB }), what);
    await unchanged(kit, p, stage);
  },
});

export const meetingIsolationCases: Record<string, IsolationCase> = {
  'GET /api/meetings': {
    kind: 'check',
    run: async (kit) => {
      const p = await meetingOfA(kit);
      const res = await kit.ctx.request('/api/meetings?limit=100', { session: kit.sessions.staffB });
      assert.equal(res.status, 200);
      assert.ok(!(await res.text()).includes(p.id), "B's list shows A's meeting");
    },
  },
  'POST /api/meetings': {
    kind: 'check',
    run: async (kit) => {
      // A meeting B plans is always B's own: A never sees it.
      const res = await kit.ctx.request('/api/meetings', { json: { ...details, title: 'Rapat B' }, session: kit.sessions.staffB });
      assert.equal(res.status, 201);
      const created = (await res.json()) as { id: string; tenantId: string };
      assert.equal(created.tenantId, kit.tenantB.id);
      await expectHidden(await kit.ctx.request(`/api/meetings/${created.id}`, { session: kit.sessions.staffA }), "A reading B's meeting");
    },
  },
  'GET /api/meetings/{id}': {
    kind: 'check',
    run: async (kit) => {
      const p = await meetingOfA(kit, 'HELD');
      const res = await kit.ctx.request(`/api/meetings/${p.id}`, { session: kit.sessions.staffB });
      await expectHidden(res, "reading another pemda's meeting");
      assert.ok(!(await res.text()).includes('rahasia'));
    },
  },
  'GET /api/meetings/{id}/calendar.ics': {
    kind: 'check',
    run: async (kit) => {
      const p = await meetingOfA(kit);
      const res = await kit.ctx.request(`/api/meetings/${p.id}/calendar.ics`, { session: kit.sessions.staffB });
      await expectHidden(res, "downloading another pemda's calendar entry");
      assert.ok(!(await res.text()).includes('rahasia'));
    },
  },
  'PUT /api/meetings/{id}': hiddenChange((p) => `/api/meetings/${p.id}`, { ...details, title: 'Diubah B' }, "editing another pemda's meeting", 'DRAFT', 'PUT'),
  'POST /api/meetings/{id}/invitations': hiddenChange((p) => `/api/meetings/${p.id}/invitations`, { guests: [{ name: 'Titipan B', email: 'b@example.org' }] }, "inviting to another pemda's meeting"),
  'POST /api/meetings/{id}/reschedule': hiddenChange((p) => `/api/meetings/${p.id}/reschedule`, { startsAt: '2026-03-12T09:00:00+08:00', endsAt: '2026-03-12T10:00:00+08:00' }, "rescheduling another pemda's meeting"),
  'POST /api/meetings/{id}/cancel': hiddenChange((p) => `/api/meetings/${p.id}/cancel`, { reason: 'Oleh B' }, "cancelling another pemda's meeting"),
  'PUT /api/meetings/{id}/attendance': hiddenChange((p) => `/api/meetings/${p.id}/attendance`, { walkIns: [{ name: 'Titipan B' }] }, "recording attendance of another pemda's meeting", 'INVITED', 'PUT'),
  'PUT /api/meetings/{id}/minutes': hiddenChange((p) => `/api/meetings/${p.id}/minutes`, { minutes: 'Oleh B' }, "writing minutes of another pemda's meeting", 'INVITED', 'PUT'),
  'PUT /api/meetings/{id}/decisions': hiddenChange((p) => `/api/meetings/${p.id}/decisions`, { decisions: ['Oleh B'] }, "deciding in another pemda's meeting", 'HELD', 'PUT'),
  'POST /api/meetings/{id}/minutes/finalise': hiddenChange((p) => `/api/meetings/${p.id}/minutes/finalise`, {}, "finalising another pemda's minutes", 'HELD'),
  'POST /api/meetings/{id}/actions': hiddenChange((p) => `/api/meetings/${p.id}/actions`, { title: 'Oleh B', ownerId: '00000000-0000-4000-8000-000000000000', dueDate: '2026-03-20' }, "adding an action to another pemda's meeting", 'HELD'),
  'PUT /api/meetings/{id}/actions/{actionId}/status': hiddenChange((p) => `/api/meetings/${p.id}/actions/${p.actionId}/status`, { status: 'DONE' }, "ticking off another pemda's follow-up action", 'HELD', 'PUT'),
};
