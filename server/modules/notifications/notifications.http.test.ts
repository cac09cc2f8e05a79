import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createWorker } from '../../platform/jobs/index.js';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn, type OrgRow } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { totpCode } from '../identity/identity.tokens.js';
import { notificationJobs, sendEmail } from './index.js';

type OutboxPage = { items: { id: string; tenantId: string | null; to: string; subject: string; status: string }[]; nextBefore: string | null };
type JobPage = { items: Record<string, unknown>[] };

describeEachDatabase('admin outbox and job list API', (ctx) => {
  let tenantA: OrgRow;
  let platformAdmin: TestSession;
  let adminA: TestSession;
  let adminB: TestSession;
  const ids: Record<string, string> = {};

  const get = async <T>(url: string, session: TestSession, status = 200) => {
    const res = await ctx().request(url, { session });
    assert.equal(res.status, status, await res.clone().text());

    return (await res.json()) as T;
  };

  before(async () => {
    const c = ctx();
    tenantA = await buildTenant(c.db, { regionCode: '63.06' });
    const tenantB = await buildTenant(c.db, { regionCode: '95.01' });
    const kemendagri = await buildOrg(c.db, { type: 'KEMENDAGRI_UNIT', name: 'Ditjen Bina Administrasi Kewilayahan' });
    const users = {
      platform: await buildUser(c.db, { orgId: kemendagri.id, roles: [{ role: 'PLATFORM_ADMIN', orgId: kemendagri.id }], totpSecret: ADMIN_TOTP_SECRET }),
      a: await buildUser(c.db, { orgId: tenantA.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenantA.id }], totpSecret: ADMIN_TOTP_SECRET }),
      b: await buildUser(c.db, { orgId: tenantB.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenantB.id }], totpSecret: ADMIN_TOTP_SECRET }),
    };
    const totp = totpCode(ADMIN_TOTP_SECRET, c.clock.now());
    platformAdmin = await signIn(c, users.platform.email, { totp });
    adminA = await signIn(c, users.a.email, { totp });
    adminB = await signIn(c, users.b.email, { totp });

    for (const [key, tenantId] of [['a1', tenantA.id], ['b1', tenantB.id], ['a2', tenantA.id], ['none', null]] as const) {
      c.clock.advance(1000);
      ids[key] = (await sendEmail({ db: c.db, clock: c.clock, message: { to: `${key}@contoh.go.id`, subject: `Pesan ${key}`, text: `Isi pesan ${key}.`, tenantId } })).id;
    }
    // a3 stays queued; the others go to the outbox (no SMTP here).
    await createWorker({ db: c.db, clock: c.clock, logger: c.logger, jobs: notificationJobs({ smtpUrl: undefined, mailFrom: 'x@y.id' }), pollMs: 10, concurrency: 1, workerId: 'w' }).drain();
    c.clock.advance(1000);
    ids.a3 = (await sendEmail({ db: c.db, clock: c.clock, message: { to: 'a3@contoh.go.id', subject: 'Pesan a3', text: 'Isi pesan a3.', tenantId: tenantA.id } })).id;
  });

  it('shows a platform admin all outgoing mail newest first, including mail that belongs to no tenant', async () => {
    const page = await get<OutboxPage>('/api/admin/outbox', platformAdmin);
    const subjects = page.items.map((i) => i.subject).filter((s) => s.startsWith('Pesan '));
    assert.deepEqual(subjects, ['Pesan a3', 'Pesan none', 'Pesan a2', 'Pesan b1', 'Pesan a1']);
  });

  it("shows a tenant admin only their tenant's mail, filtered by status and paged by cursor", async () => {
    const own = await get<OutboxPage>('/api/admin/outbox', adminA);
    assert.deepEqual(own.items.map((i) => i.id), [ids.a3, ids.a2, ids.a1]);
    const parked = await get<OutboxPage>('/api/admin/outbox?status=outbox&limit=1', adminA);
    assert.deepEqual([parked.items.map((i) => i.id), parked.nextBefore], [[ids.a2], ids.a2]);
    const next = await get<OutboxPage>(`/api/admin/outbox?status=outbox&limit=1&before=${parked.nextBefore}`, adminA);
    assert.deepEqual([next.items.map((i) => i.id), next.nextBefore], [[ids.a1], null]);
    const queued = await get<OutboxPage>('/api/admin/outbox?status=queued', adminA);
    assert.deepEqual(queued.items.map((i) => i.id), [ids.a3]);
  });

  it('opens one message with its text for the admin of its tenant, and hides it from another tenant', async () => {
    const message = await get<{ id: string; to: string; text: string; html: string | null }>(`/api/admin/outbox/${ids.a1}`, adminA);
    assert.deepEqual([message.to, message.text, message.html], ['a1@contoh.go.id', 'Isi pesan a1.', null]);
    const hidden = await get<{ code: string }>(`/api/admin/outbox/${ids.a1}`, adminB, 404);
    assert.equal(hidden.code, 'notifications.message_not_found');
    await get(`/api/admin/outbox/${ids.none}`, adminA, 404);
    const page = await get<OutboxPage>(`/api/admin/outbox?before=${ids.a3}`, adminB);
    assert.deepEqual(page.items, []);
  });

  it('lists recent jobs with state and attempts but no payload for a platform admin only', async () => {
    const page = await get<JobPage>('/api/admin/jobs?status=succeeded&limit=3', platformAdmin);
    assert.equal(page.items.length, 3);
    assert.deepEqual(Object.keys(page.items[0]!).sort(), ['attempts', 'createdAt', 'finishedAt', 'id', 'lastError', 'lockedBy', 'maxAttempts', 'name', 'runAt', 'status']);
    assert.ok(page.items.every((j) => j.name === 'email.send' && j.status === 'succeeded' && j.attempts === 1 && !('payload' in j)));
    assert.equal((await get<JobPage>('/api/admin/jobs?status=queued', platformAdmin)).items.length, 1);
    const refused = await ctx().request('/api/admin/jobs', { session: adminA });
    assert.equal(refused.status, 403);
  });
});
