import assert from 'node:assert/strict';
import { expectHidden, type IsolationCase } from './isolation.js';
import { TEST_PASSWORD } from './factories.js';
import { totpCode } from '../modules/identity/identity.tokens.js';
import { postFile, readFileFixture } from './uploads.js';
import { recordAudit } from '../modules/audit/index.js';
import { sendEmail } from '../modules/notifications/index.js';
import { cooperationIsolationCases } from './isolation.cooperations.js';
import { documentIsolationCases } from './isolation.documents.js';
import { monevIsolationCases } from './isolation.monev.js';
import { reportIsolationCases } from './isolation.reports.js';
import { updateIsolationCases } from './isolation.updates.js';
import { dashboardIsolationCases } from './isolation.dashboards.js';
import { tkksdIsolationCases } from './isolation.tkksd.js';
import { meetingIsolationCases } from './isolation.meetings.js';
import { mappingIsolationCases } from './isolation.mapping.js';
import { potentialIsolationCases } from './isolation.potentials.js';
import { portalIsolationCases } from './isolation.portal.js';

/**
 * Tenant-isolation cases, one per non-public route, keyed "METHOD /api/path/{param}" exactly as
 * in the OpenAPI document. Add the case in the same change that adds the route.
 */
export const isolationCases: Record<string, IsolationCase> = {
  ...cooperationIsolationCases,
  ...documentIsolationCases,
  ...monevIsolationCases,
  ...reportIsolationCases,
  ...updateIsolationCases,
  ...dashboardIsolationCases,
  ...tkksdIsolationCases,
  ...meetingIsolationCases,
  ...mappingIsolationCases,
  ...potentialIsolationCases,
  ...portalIsolationCases,
  'GET /api/me': {
    kind: 'self',
    run: async ({ ctx, sessions, staffA, tenantB }) => {
      const me = (await (await ctx.request('/api/me', { session: sessions.staffB })).json()) as { user: { id: string }; organization: { id: string } };
      assert.notEqual(me.user.id, staffA.id);
      assert.equal(me.organization.id, tenantB.id);
    },
  },
  'GET /api/auth/sessions': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const body = (await (await ctx.request('/api/auth/sessions', { session: sessions.staffB })).json()) as { items: { current: boolean }[] };
      assert.equal(body.items.filter((s) => s.current).length, 1);
      assert.ok(body.items.every((s) => typeof s.current === 'boolean'));
    },
  },
  'POST /api/auth/logout': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      // Signing out B must leave A signed in.
      const other = await ctx.request('/api/auth/logout', { method: 'POST', session: sessions.staffB });
      assert.equal(other.status, 204);
      assert.equal((await ctx.request('/api/me', { session: sessions.staffA })).status, 200);
    },
  },
  'POST /api/auth/logout-all': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const res = await ctx.request('/api/auth/logout-all', { method: 'POST', session: sessions.adminB });
      assert.equal(res.status, 200);
      assert.equal((await ctx.request('/api/me', { session: sessions.adminA })).status, 200);
    },
  },
  'PATCH /api/me': {
    kind: 'self',
    run: async ({ ctx, sessions, staffA }) => {
      const res = await ctx.request('/api/me', { method: 'PATCH', json: { name: 'Nama Baru B' }, session: sessions.staffB });
      assert.notEqual(((await res.json()) as { user: { id: string } }).user.id, staffA.id);
      const a = (await (await ctx.request('/api/me', { session: sessions.staffA })).json()) as { user: { name: string } };
      assert.equal(a.user.name, staffA.name);
    },
  },
  'POST /api/auth/totp/setup': {
    kind: 'self',
    run: async ({ ctx, sessions, staffA, staffB }) => {
      const res = await ctx.request('/api/auth/totp/setup', { method: 'POST', session: sessions.staffB });
      const { otpauthUri } = (await res.json()) as { otpauthUri: string };
      assert.ok(otpauthUri.includes(encodeURIComponent(staffB.email)));
      assert.ok(!otpauthUri.includes(encodeURIComponent(staffA.email)));
    },
  },
  'POST /api/auth/totp/enable': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const setup = (await (await ctx.request('/api/auth/totp/setup', { method: 'POST', session: sessions.staffB })).json()) as { secret: string };
      const enabled = await ctx.request('/api/auth/totp/enable', { json: { code: totpCode(setup.secret, ctx.clock.now()) }, session: sessions.staffB });
      assert.equal(enabled.status, 200);
      const a = (await (await ctx.request('/api/me', { session: sessions.staffA })).json()) as { twoFactor: { enabled: boolean } };
      assert.equal(a.twoFactor.enabled, false);
      // Leave B as found, so the next cases can sign B in with the password alone.
      assert.equal((await ctx.request('/api/auth/totp/disable', { json: { password: TEST_PASSWORD }, session: sessions.staffB })).status, 204);
    },
  },
  'POST /api/auth/totp/disable': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const res = await ctx.request('/api/auth/totp/disable', { json: { password: TEST_PASSWORD }, session: sessions.adminB });
      assert.equal(res.status, 409);
      const a = (await (await ctx.request('/api/me', { session: sessions.adminA })).json()) as { twoFactor: { enabled: boolean } };
      assert.equal(a.twoFactor.enabled, true);
    },
  },
  'POST /api/auth/recovery-codes': {
    kind: 'self',
    run: async ({ ctx, sessions, adminA }) => {
      const res = await ctx.request('/api/auth/recovery-codes', { json: { password: TEST_PASSWORD }, session: sessions.adminB });
      const { recoveryCodes } = (await res.json()) as { recoveryCodes: string[] };
      assert.equal(recoveryCodes.length, 10);
      const asA = await ctx.request('/api/auth/login', { json: { email: adminA.email, password: TEST_PASSWORD, totp: recoveryCodes[0] } });
      assert.equal(asA.status, 401, "B's recovery code must not sign A in");
    },
  },
  'POST /api/auth/password': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      const change = (from: string, to: string) =>
        ctx.request('/api/auth/password', { json: { currentPassword: from, newPassword: to }, session: sessions.staffB });
      assert.equal((await change(TEST_PASSWORD, 'kata-sandi-sementara-b')).status, 204);
      assert.equal((await ctx.request('/api/me', { session: sessions.staffA })).status, 200, "B's change must not end A's session");
      assert.equal((await change('kata-sandi-sementara-b', TEST_PASSWORD)).status, 204);
    },
  },
  'GET /api/users': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA, opdA, staffA }) => {
      type UserList = { items: { tenantId: string | null }[]; total: number };
      const byOrg = (await (await ctx.request(`/api/users?orgId=${tenantA.id}`, { session: sessions.adminB })).json()) as UserList;
      assert.equal(byOrg.total, 0);
      const byOpd = (await (await ctx.request(`/api/users?orgId=${opdA.id}`, { session: sessions.adminB })).json()) as UserList;
      assert.equal(byOpd.total, 0);
      const byName = (await (await ctx.request(`/api/users?q=${encodeURIComponent(staffA.email)}`, { session: sessions.staffB })).json()) as UserList;
      assert.equal(byName.total, 0);
      const all = (await (await ctx.request('/api/users?limit=200', { session: sessions.adminB })).json()) as UserList;
      assert.ok(all.items.length > 0 && all.items.every((u) => u.tenantId !== tenantA.id));
    },
  },
  'GET /api/users/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA }) => {
      await expectHidden(await ctx.request(`/api/users/${staffA.id}`, { session: sessions.adminB }), "reading another pemda's user");
    },
  },
  'POST /api/users': {
    kind: 'check',
    run: async ({ ctx, sessions, opdA }) => {
      // Answered like an organisation that does not exist.
      const res = await ctx.request('/api/users', { json: { email: 'titipan.b@test.jejaring.id', name: 'Titipan B', orgId: opdA.id, password: 'kopi-susu-di-wamena' }, session: sessions.adminB });
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as { code: string }).code, 'identity.org_not_allowed');
    },
  },
  'PATCH /api/users/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA, staffB, opdA }) => {
      await expectHidden(await ctx.request(`/api/users/${staffA.id}`, { method: 'PATCH', json: { status: 'DISABLED' }, session: sessions.adminB }), "disabling another pemda's user");
      const move = await ctx.request(`/api/users/${staffB.id}`, { method: 'PATCH', json: { orgId: opdA.id }, session: sessions.adminB });
      assert.equal(move.status, 422, "moving B's user into A's OPD");
      assert.equal((await ctx.request('/api/me', { session: sessions.staffA })).status, 200);
    },
  },
  'POST /api/users/{id}/reset-password': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA }) => {
      const res = await ctx.request(`/api/users/${staffA.id}/reset-password`, { json: { newPassword: 'kopi-susu-di-wamena' }, session: sessions.adminB });
      await expectHidden(res, "resetting another pemda's user's password");
      assert.equal((await ctx.request('/api/me', { session: sessions.staffA })).status, 200);
    },
  },
  'POST /api/users/{id}/reset-two-factor': {
    kind: 'check',
    run: async ({ ctx, sessions, adminA }) => {
      const res = await ctx.request(`/api/users/${adminA.id}/reset-two-factor`, { method: 'POST', session: sessions.adminB });
      await expectHidden(res, "turning off two-factor of another pemda's admin");
      assert.equal((await ctx.request('/api/me', { session: sessions.adminA })).status, 200);
    },
  },
  'GET /api/users/{id}/roles': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA }) => {
      await expectHidden(await ctx.request(`/api/users/${staffA.id}/roles`, { session: sessions.adminB }), "listing another pemda's user's roles");
    },
  },
  'POST /api/users/{id}/roles': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA, staffB, opdA }) => {
      const toA = await ctx.request(`/api/users/${staffA.id}/roles`, { json: { role: 'OPD_STAFF', orgId: opdA.id, validFrom: '2026-01-01' }, session: sessions.adminB });
      await expectHidden(toA, "granting a role to another pemda's user");
      const inA = await ctx.request(`/api/users/${staffB.id}/roles`, { json: { role: 'OPD_STAFF', orgId: opdA.id, validFrom: '2026-01-01' }, session: sessions.adminB });
      assert.equal(inA.status, 403, "granting B's user a role in A's OPD");
    },
  },
  'POST /api/role-assignments/{id}/end': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA }) => {
      const roles = (await (await ctx.request(`/api/users/${staffA.id}/roles`, { session: sessions.adminA })).json()) as { items: { id: string }[] };
      const res = await ctx.request(`/api/role-assignments/${roles.items[0]!.id}/end`, { json: { validTo: '2026-03-02' }, session: sessions.adminB });
      await expectHidden(res, "ending another pemda's role assignment");
    },
  },
  'POST /api/role-assignments/{id}/revoke': {
    kind: 'check',
    run: async ({ ctx, sessions, staffA }) => {
      const roles = (await (await ctx.request(`/api/users/${staffA.id}/roles`, { session: sessions.adminA })).json()) as { items: { id: string }[] };
      const res = await ctx.request(`/api/role-assignments/${roles.items[0]!.id}/revoke`, { method: 'POST', session: sessions.adminB });
      await expectHidden(res, "revoking another pemda's role assignment");
      const after = (await (await ctx.request(`/api/users/${staffA.id}/roles`, { session: sessions.adminA })).json()) as { items: { active: boolean }[] };
      assert.equal(after.items[0]?.active, true);
    },
  },
  'GET /api/roles': {
    kind: 'self',
    run: async ({ ctx, sessions }) => {
      // The same catalogue for everyone: role definitions only, no tenant data.
      const body = (await (await ctx.request('/api/roles', { session: sessions.staffB })).json()) as { items: { code: string }[] };
      assert.equal(body.items.length, 16);
    },
  },
  'GET /api/organizations': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA, opdA }) => {
      // B may see A's pemda record (to pick it as a partner) but never A's OPD, even when asking by tenant.
      const res = await ctx.request(`/api/organizations?tenantId=${tenantA.id}&limit=200`, { session: sessions.staffB });
      assert.equal(res.status, 200);
      const ids = ((await res.json()) as { items: { id: string }[] }).items.map((o) => o.id);
      assert.deepEqual(ids, [tenantA.id]);
      const all = (await (await ctx.request('/api/organizations?limit=200', { session: sessions.staffB })).json()) as { items: { id: string }[] };
      assert.ok(!all.items.some((o) => o.id === opdA.id));
    },
  },
  'GET /api/organizations/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions, opdA }) => {
      await expectHidden(await ctx.request(`/api/organizations/${opdA.id}`, { session: sessions.staffB }), "reading another pemda's OPD");
    },
  },
  'POST /api/organizations': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA, opdA }) => {
      const underOpd = await ctx.request('/api/organizations', { json: { type: 'UNIT', name: 'Unit Titipan', parentId: opdA.id }, session: sessions.adminB });
      await expectHidden(underOpd, "adding a unit under another pemda's OPD");
      const underPemda = await ctx.request('/api/organizations', { json: { type: 'OPD', name: 'Dinas Titipan', parentId: tenantA.id }, session: sessions.adminB });
      await expectHidden(underPemda, 'adding an OPD to another pemda');
    },
  },
  'PATCH /api/organizations/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA, opdA }) => {
      await expectHidden(
        await ctx.request(`/api/organizations/${opdA.id}`, { method: 'PATCH', json: { name: 'Diubah B' }, session: sessions.adminB }),
        "renaming another pemda's OPD",
      );
      await expectHidden(
        await ctx.request(`/api/organizations/${tenantA.id}`, { method: 'PATCH', json: { name: 'Diubah B' }, session: sessions.adminB }),
        'renaming another pemda',
      );
      const seen = (await (await ctx.request(`/api/organizations/${opdA.id}`, { session: sessions.staffA })).json()) as { name: string };
      assert.equal(seen.name, opdA.name);
    },
  },
  'GET /api/tenants': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantB }) => {
      const body = (await (await ctx.request('/api/tenants', { session: sessions.staffB })).json()) as { items: { id: string; access: string }[] };
      assert.deepEqual(body.items.map((t) => [t.id, t.access]), [[tenantB.id, 'write']]);
    },
  },
  'POST /api/files': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantB }) => {
      // An upload always lands in the uploader's tenant, and the other tenant cannot see it.
      const res = await postFile(ctx, sessions.staffB, { name: 'Isolasi B.pdf', bytes: readFileFixture('sample.pdf') });
      assert.equal(res.status, 201);
      const created = (await res.json()) as { id: string; tenantId: string };
      assert.equal(created.tenantId, tenantB.id);
      await expectHidden(await ctx.request(`/api/files/${created.id}`, { session: sessions.staffA }), "tenant A reading tenant B's upload");
    },
  },
  'GET /api/files/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const created = (await (await postFile(ctx, sessions.staffA, { name: 'Isolasi A.pdf', bytes: readFileFixture('sample.pdf') })).json()) as { id: string };
      await expectHidden(await ctx.request(`/api/files/${created.id}`, { session: sessions.staffB }), "tenant B reading tenant A's file metadata");
      await expectHidden(await ctx.request(`/api/files/${created.id}`, { session: sessions.adminB }), "tenant B's admin reading tenant A's file metadata");
    },
  },
  'GET /api/files/{id}/content': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const created = (await (await postFile(ctx, sessions.staffA, { name: 'Isolasi A.png', bytes: readFileFixture('sample.png') })).json()) as { id: string };
      await expectHidden(await ctx.request(`/api/files/${created.id}/content`, { session: sessions.staffB }), "tenant B downloading tenant A's file");
      await expectHidden(await ctx.request(`/api/files/${created.id}/content`, { session: sessions.adminB }), "tenant B's admin downloading tenant A's file");
    },
  },
  'GET /api/audit': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA, staffA }) => {
      await ctx.db.transaction((tx) =>
        recordAudit({ tx, clock: ctx.clock, context: { actorUserId: staffA.id, actorOrgId: tenantA.id, actorName: staffA.name, requestId: null, ip: null }, entry: { action: 'isolation.audit', entityType: 'isolation', tenantId: tenantA.id } }),
      );
      type Page = { items: { tenantId: string | null; action: string }[] };
      const own = (await (await ctx.request('/api/audit?entityType=isolation', { session: sessions.staffB })).json()) as Page;
      assert.ok(own.items.every((i) => i.tenantId !== tenantA.id), "tenant B's secretariat saw tenant A's audit rows");
      const asked = await ctx.request(`/api/audit?tenantId=${tenantA.id}`, { session: sessions.adminB });
      assert.equal(asked.status, 200);
      assert.deepEqual(((await asked.json()) as Page).items, []);
    },
  },
  'GET /api/admin/outbox': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      const { id } = await sendEmail({ db: ctx.db, clock: ctx.clock, message: { to: 'isolasi@hss.go.id', subject: 'Isolasi', text: 'Rahasia tenant A.', tenantId: tenantA.id } });
      type Page = { items: { id: string; tenantId: string | null }[] };
      const list = (await (await ctx.request('/api/admin/outbox', { session: sessions.adminB })).json()) as Page;
      assert.ok(list.items.every((i) => i.id !== id && i.tenantId !== tenantA.id), "tenant B's admin saw tenant A's mail");
      const paged = (await (await ctx.request(`/api/admin/outbox?before=${id}`, { session: sessions.adminB })).json()) as Page;
      assert.deepEqual(paged.items, []);
    },
  },
  'GET /api/admin/outbox/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions, tenantA }) => {
      const { id } = await sendEmail({ db: ctx.db, clock: ctx.clock, message: { to: 'isolasi@hss.go.id', subject: 'Isolasi', text: 'Rahasia tenant A.', tenantId: tenantA.id } });
      await expectHidden(await ctx.request(`/api/admin/outbox/${id}`, { session: sessions.adminB }), "tenant B's admin reading tenant A's mail");
      assert.equal((await ctx.request(`/api/admin/outbox/${id}`, { session: sessions.adminA })).status, 200);
    },
  },
  'GET /api/admin/jobs': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      // The queue is shared by all tenants: no tenant admin may list it.
      assert.equal((await ctx.request('/api/admin/jobs', { session: sessions.adminB })).status, 403);
    },
  },
  'POST /api/strategic-issues': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      // Platform-wide list: only a platform admin may change it; a tenant admin is refused.
      const res = await ctx.request('/api/strategic-issues', { json: { code: 'UJI_ISOLASI', nameId: 'Uji', nameEn: 'Test' }, session: sessions.adminB });
      assert.equal(res.status, 403);
    },
  },
  'PATCH /api/strategic-issues/{id}': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const list = (await (await ctx.request('/api/strategic-issues')).json()) as { items: { id: string }[] };
      const res = await ctx.request(`/api/strategic-issues/${list.items[0]!.id}`, { method: 'PATCH', json: { nameEn: 'Changed' }, session: sessions.adminB });
      await expectHidden(res, 'tenant admin editing the platform issue list');
    },
  },
  'POST /api/cooperations/import/preview': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      // A's register file is not there for B: neither its rows nor its existence leak.
      const upload = await postFile(ctx, sessions.staffA, { name: 'register-a.csv', bytes: new TextEncoder().encode('Judul Kerja Sama;Mitra;Jenis\nRahasia tenant A;Kab. Tapin;KSDD\n') });
      const { id } = (await upload.json()) as { id: string };
      const res = await ctx.request('/api/cooperations/import/preview', { json: { fileId: id }, session: sessions.staffB });
      await expectHidden(res, "tenant B previewing tenant A's register file");
      assert.ok(!(await res.text()).includes('Rahasia'));
      assert.equal((await ctx.request('/api/cooperations/import/preview', { json: { fileId: id }, session: sessions.staffA })).status, 200);
    },
  },
  'POST /api/cooperations/import': {
    kind: 'check',
    run: async ({ ctx, sessions }) => {
      const upload = await postFile(ctx, sessions.staffA, { name: 'register-a.csv', bytes: new TextEncoder().encode('Judul Kerja Sama;Mitra;Jenis\nRahasia tenant A;Kab. Tapin;KSDD\n') });
      const { id } = (await upload.json()) as { id: string };
      for (const dryRun of [true, false]) {
        const res = await ctx.request('/api/cooperations/import', { json: { fileId: id, dryRun }, session: sessions.staffB });
        await expectHidden(res, "tenant B importing tenant A's register file");
      }
      const list = (await (await ctx.request('/api/cooperations?q=Rahasia%20tenant', { session: sessions.staffB })).json()) as { items: unknown[] };
      assert.deepEqual(list.items.filter((i) => JSON.stringify(i).includes('Rahasia tenant A')), []);
    },
  },
};
