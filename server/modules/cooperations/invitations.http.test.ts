import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, signIn } from '../../test/factories.js';
import { emailMessage } from '../notifications/notifications.tables.js';

describeEachDatabase('cooperations: inviting a partner contact, who then sees only their own cooperations', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
  });

  it('invites, sets a password through the one-time link, and keeps the partner to its organisation', async () => {
    const partner = await buildOrg(ctx().db, { type: 'PIHAK_KETIGA', name: 'Universitas Banua Raya (fiktif)', legalForm: 'PTN' });
    const theirs = ksddInput(a, b, { kind: 'KSDPK', ksddCategory: null, title: 'Kajian kualitas air sungai', parties: [{ orgId: a.tenant.id }, { orgId: partner.id }] });
    const coop = (await (await ctx().request('/api/cooperations', { method: 'POST', json: theirs, session: a.sessions.secretariat })).json()) as { id: string };
    const other = (await (await ctx().request('/api/cooperations', { method: 'POST', json: ksddInput(a, b), session: a.sessions.secretariat })).json()) as { id: string };

    const email = 'peneliti@banuaraya.test';
    const byStaff = await ctx().request(`/api/cooperations/${coop.id}/invitations`, { method: 'POST', json: { orgId: partner.id, email, name: 'Dr. Rahmat (fiktif)' }, session: a.sessions.opdStaff });
    assert.equal(byStaff.status, 403, 'OPD staff do not invite');
    const notParty = await ctx().request(`/api/cooperations/${coop.id}/invitations`, { method: 'POST', json: { orgId: b.tenant.id, email, name: 'Kontak Pemda' }, session: a.sessions.secretariat });
    assert.equal(notParty.status, 422, 'only non-pemda parties get partner users');
    const invited = await ctx().request(`/api/cooperations/${coop.id}/invitations`, { method: 'POST', json: { orgId: partner.id, email, name: 'Dr. Rahmat (fiktif)' }, session: a.sessions.secretariat });
    assert.equal(invited.status, 201, await invited.clone().text());
    assert.deepEqual({ ...((await invited.json()) as object), userId: undefined }, { userId: undefined, created: true, linkSent: true });

    const mail = (await ctx().db.select().from(emailMessage).where(eq(emailMessage.toAddress, email)))[0]!;
    const token = mail.textBody.match(/undangan#([\w-]+)/)![1]!;
    assert.ok(mail.textBody.includes('Kajian kualitas air sungai'));
    assert.equal((await ctx().request('/api/auth/login', { json: { email, password: 'Kata-Sandi-Mitra-2026' } })).status, 401, 'no password before accepting');
    const info = (await (await ctx().request('/api/auth/invitations/inspect', { json: { token } })).json()) as { name: string };
    assert.equal(info.name, 'Dr. Rahmat (fiktif)');
    const weak = await ctx().request('/api/auth/invitations/accept', { json: { token, password: 'pendek' } });
    assert.ok(weak.status === 422 || weak.status === 400);
    assert.equal((await ctx().request('/api/auth/invitations/accept', { json: { token, password: 'Kata-Sandi-Mitra-2026' } })).status, 204);
    assert.equal((await ctx().request('/api/auth/invitations/accept', { json: { token, password: 'Kata-Sandi-Lain-2026!' } })).status, 410, 'the link works once');

    const session = await signIn(ctx(), email, { password: 'Kata-Sandi-Mitra-2026' });
    assert.equal((await ctx().request(`/api/cooperations/${coop.id}`, { session })).status, 200);
    assert.equal((await ctx().request(`/api/cooperations/${other.id}`, { session })).status, 404);
    const list = (await (await ctx().request('/api/cooperations', { session })).json()) as { items: { id: string }[] };
    assert.deepEqual(list.items.map((i) => i.id), [coop.id]);
    assert.equal((await ctx().request(`/api/cooperations/${coop.id}/comments`, { method: 'POST', json: { body: 'Terima kasih, kami siap.' }, session })).status, 201);
    const timeline = (await (await ctx().request(`/api/cooperations/${coop.id}/timeline`, { session: a.sessions.opdStaff })).json()) as { items: { action?: string | null; body?: string }[] };
    assert.ok(timeline.items.some((i) => i.action === 'invite_partner'));
    assert.ok(timeline.items.some((i) => i.body === 'Terima kasih, kami siap.'));
  });
});
