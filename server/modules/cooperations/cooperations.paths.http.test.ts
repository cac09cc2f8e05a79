import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { addDocument, buildPemdaWorld, completeDraft, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { notification } from '../notifications/notifications.tables.js';
import { NATIONAL_DEFAULTS } from './rulepack.models.js';

type Coop = {
  id: string;
  state: string;
  rowVersion: number;
  allowedActions: string[];
  approvals: { authority: string; decision: string; dueAt: string | null }[];
  disputes: { stage: string; resolvedAt: string | null; outcome: string | null }[];
  pendingAmendment: Record<string, unknown> | null;
  endDate: string | null;
};
type Result = { status: number; body: { cooperation: Coop; code?: string; guard?: string } };

describeEachDatabase('cooperations: the other kinds, after signing, partners and overseers', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let partnerSession: TestSession;
  let partner: { id: string };
  let gwpp: TestSession;
  let kemendagri: TestSession;

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    partner = await buildOrg(ctx().db, { type: 'PIHAK_KETIGA', name: 'PT Air Bersih Banua (fiktif)', legalForm: 'PT' });
    const partnerUser = await buildUser(ctx().db, { orgId: partner.id, roles: [{ role: 'PARTNER_USER', orgId: partner.id }] });
    partnerSession = await signIn(ctx(), partnerUser.email);
    const gwppOrg = await buildOrg(ctx().db, { type: 'GWPP', name: 'Gubernur Kalimantan Selatan selaku WPP', regionCode: '63' });
    const gwppUser = await buildUser(ctx().db, { orgId: gwppOrg.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwppOrg.id }] });
    gwpp = await signIn(ctx(), gwppUser.email);
    const unit = await buildOrg(ctx().db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Dekonsentrasi, TP dan Kerja Sama' });
    const viewer = await buildUser(ctx().db, { orgId: unit.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: unit.id }] });
    kemendagri = await signIn(ctx(), viewer.email);
  });

  const act = async (session: TestSession, id: string, action: string, json: Record<string, unknown> = {}): Promise<Result> => {
    const res = await ctx().request(`/api/cooperations/${id}/actions/${action}`, { method: 'POST', json, session });

    return { status: res.status, body: (await res.json()) as Result['body'] };
  };
  const must = async (session: TestSession, id: string, action: string, json: Record<string, unknown> = {}) => {
    const r = await act(session, id, action, json);
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);

    return r.body.cooperation;
  };
  const create = async (session: TestSession, json: Record<string, unknown>) => {
    const res = await ctx().request('/api/cooperations', { method: 'POST', json, session });
    assert.equal(res.status, 201, await res.clone().text());

    return (await res.json()) as Coop;
  };
  /** Through review and the offer, to the accepted state of its kind. */
  const throughOffer = async (id: string) => {
    await addDocument(ctx().db, id, 'KAK');
    await must(a.sessions.secretariat, id, 'submit');
    await must(a.sessions.tkksd, id, 'recommend');
    await addDocument(ctx().db, id, 'SURAT_PENAWARAN');
    await must(a.sessions.secretariat, id, 'send_offer');

    return must(a.sessions.secretariat, id, 'accept');
  };

  it('KSDPL: LoI, plan, DPRD within 45 working days, Mendagri and Kemlu, then the MoU', async () => {
    const city = await buildOrg(ctx().db, { type: 'FOREIGN_LOCAL_GOV', name: 'Kota Kembar Fiktif', countryCode: 'JP' });
    const coop = await create(a.sessions.secretariat, {
      kind: 'KSDPL',
      title: 'Kota kembar: pertukaran budaya dan pendidikan',
      objectCategory: 'LAINNYA',
      urusanCodes: ['2.22'],
      parties: [{ orgId: a.tenant.id, leadOpdId: a.opd.id }, { orgId: city.id }],
    });
    assert.equal((await throughOffer(coop.id)).state, 'LOI');
    await addDocument(ctx().db, coop.id, 'LOI', { status: 'SIGNED' });
    assert.equal((await must(a.sessions.secretariat, coop.id, 'sign_loi')).state, 'RENCANA_KERJA_SAMA');
    await addDocument(ctx().db, coop.id, 'SURAT_PERMOHONAN_DPRD');
    const asked = await must(a.sessions.kepala, coop.id, 'request_dprd');
    const dprd = asked.approvals.find((x) => x.authority === 'DPRD')!;
    // Requested on Monday 2 March 2026 (WIB): the 45th working day after it is Monday 4 May 2026
    // (no holidays in the national pack; a pemda lists its own).
    assert.equal(dprd.dueAt, '2026-05-04T16:59:59.000Z');
    const approved = await must(a.sessions.dprd, coop.id, 'record_dprd_decision', { decision: 'APPROVED', decidedAt: '2026-04-10' });
    assert.equal(approved.state, 'MENUNGGU_PERSETUJUAN_PUSAT');
    assert.deepEqual(approved.approvals.filter((x) => x.authority !== 'DPRD').map((x) => x.authority).sort(), ['KEMLU', 'MENDAGRI']);
    const half = await must(a.sessions.secretariat, coop.id, 'record_central_decision', { authority: 'MENDAGRI', decision: 'APPROVED', decidedAt: '2026-05-10' });
    assert.equal(half.state, 'MENUNGGU_PERSETUJUAN_PUSAT', 'still waiting for Kemlu');
    assert.equal((await must(a.sessions.secretariat, coop.id, 'record_central_decision', { authority: 'KEMLU', decision: 'APPROVED', decidedAt: '2026-06-01' })).state, 'PENYUSUNAN_PKS');
    const noMou = await act(a.sessions.tkksd, coop.id, 'finalize_pks');
    const blockers = (noMou.body as unknown as { blockers: { guard: string; details: { documentType?: string } }[] }).blockers;
    assert.ok(blockers.some((x) => x.guard === 'draft_missing' && x.details.documentType === 'MOU'), 'the foreign path drafts an MoU, not a PKS');
  });

  it('SINERGI: the Nota Kesepakatan and its rencana kerja are signed, no PKS', async () => {
    const ministry = await buildOrg(ctx().db, { type: 'KL_PUSAT', name: 'Kementerian Fiktif' });
    const coop = await create(a.sessions.secretariat, {
      kind: 'SINERGI',
      title: 'Sinergi program sanitasi',
      objectCategory: 'PELAYANAN_PUBLIK',
      urusanCodes: ['1.03'],
      burdensCommunity: true,
      parties: [{ orgId: a.tenant.id }, { orgId: ministry.id }],
    });
    assert.equal((await throughOffer(coop.id)).state, 'PENYUSUNAN_NK');
    await addDocument(ctx().db, coop.id, 'NK', { status: 'DRAFT', sections: completeDraft(NATIONAL_DEFAULTS.clauses.NK!) });
    await addDocument(ctx().db, coop.id, 'RENCANA_KERJA');
    assert.equal((await must(a.sessions.tkksd, coop.id, 'finalize_nk')).state, 'PENANDATANGANAN_NK');
    await addDocument(ctx().db, coop.id, 'NK', { status: 'SIGNED', sections: completeDraft(NATIONAL_DEFAULTS.clauses.NK!) });
    assert.equal((await must(a.sessions.kepala, coop.id, 'sign', { startDate: '2026-04-01', endDate: '2028-03-31' })).state, 'BERLAKU');
  });

  it('in force: an amendment that burdens the community goes back to the DPRD; disputes climb; termination ends it', async () => {
    const coop = await create(a.sessions.opdStaff, ksddInput(a, b, { kind: 'KSDPK', ksddCategory: null, parties: [{ orgId: a.tenant.id, leadOpdId: a.opd.id }, { orgId: partner.id }] }));
    await throughOffer(coop.id);
    await addDocument(ctx().db, coop.id, 'KSB', { status: 'SIGNED', sections: completeDraft(NATIONAL_DEFAULTS.clauses.KSB!) });
    await addDocument(ctx().db, coop.id, 'BERITA_ACARA');
    await must(a.sessions.tkksd, coop.id, 'finalize_ksb');
    await must(a.sessions.secretariat, coop.id, 'sign_ksb');
    await must(a.sessions.opdHead, coop.id, 'start_pks');
    await addDocument(ctx().db, coop.id, 'PKS', { status: 'SIGNED', sections: completeDraft(NATIONAL_DEFAULTS.clauses.PKS!) });
    const current = (await (await ctx().request(`/api/cooperations/${coop.id}`, { session: a.sessions.secretariat })).json()) as Coop;
    await ctx().request(`/api/cooperations/${coop.id}`, { method: 'PATCH', json: { expectedVersion: current.rowVersion, startDate: '2026-04-01', endDate: '2029-03-31' }, session: a.sessions.secretariat });
    await must(a.sessions.tkksd, coop.id, 'finalize_pks');
    assert.equal((await must(a.sessions.secretariat, coop.id, 'sign', { startDate: '2026-04-01', endDate: '2029-03-31' })).state, 'BERLAKU');

    // The partner sees it and may comment, but takes no step of the procedure.
    const seen = (await (await ctx().request(`/api/cooperations/${coop.id}`, { session: partnerSession })).json()) as Coop;
    assert.deepEqual(seen.allowedActions, []);
    assert.equal((await act(partnerSession, coop.id, 'amend', { reason: 'x', amendment: { summary: 'x' } })).status, 409);
    assert.equal((await ctx().request(`/api/cooperations/${coop.id}/comments`, { method: 'POST', json: { body: 'Kami siap.' }, session: partnerSession })).status, 201);

    const amended = await must(a.sessions.tkksd, coop.id, 'amend', {
      reason: 'Tarif layanan naik',
      amendment: { summary: 'Penyesuaian tarif air bersih', burdensCommunity: true, newEndDate: '2030-03-31' },
    });
    assert.equal(amended.state, 'DIADENDUM');
    assert.equal(amended.pendingAmendment?.needsDprd, true);
    await addDocument(ctx().db, coop.id, 'ADENDUM', { status: 'SIGNED' });
    const early = await act(a.sessions.kepala, coop.id, 'sign_amendment');
    assert.equal(early.body.guard, 'dprd_approval_missing');
    await addDocument(ctx().db, coop.id, 'SURAT_PERMOHONAN_DPRD');
    assert.equal((await must(a.sessions.secretariat, coop.id, 'request_dprd')).state, 'MENUNGGU_PERSETUJUAN_DPRD');
    assert.equal((await must(a.sessions.dprd, coop.id, 'record_dprd_decision', { decision: 'APPROVED', decidedAt: '2026-06-01' })).state, 'DIADENDUM');
    const done = await must(a.sessions.kepala, coop.id, 'sign_amendment');
    assert.equal(done.state, 'BERLAKU');
    assert.equal(done.endDate, '2030-03-31');

    const disputed = await must(a.sessions.secretariat, coop.id, 'raise_dispute', { dispute: { description: 'Pembayaran terlambat' } });
    assert.equal(disputed.disputes[0]!.stage, 'MUSYAWARAH');
    assert.equal((await must(a.sessions.tkksd, coop.id, 'escalate_dispute', { reason: 'Musyawarah gagal' })).disputes[0]!.stage, 'PENGADILAN_ARBITRASE');
    const noLetter = await act(a.sessions.kepala, coop.id, 'terminate', { reason: 'Wanprestasi', terminationGround: 'WANPRESTASI' });
    assert.equal(noLetter.body.guard, 'documents');
    await addDocument(ctx().db, coop.id, 'SURAT_PENGAKHIRAN');
    const ended = await must(a.sessions.kepala, coop.id, 'terminate', { reason: 'Wanprestasi', terminationGround: 'WANPRESTASI' });
    assert.equal(ended.state, 'DIAKHIRI');
    assert.equal(ended.disputes[0]!.outcome, 'TERMINATED');
  });

  it('a DPRD refusal ends the plan; a stale edit is refused; reasons are required', async () => {
    const coop = await create(a.sessions.opdStaff, ksddInput(a, b, { burdensCommunity: true }));
    await throughOffer(coop.id);
    await addDocument(ctx().db, coop.id, 'KSB', { status: 'SIGNED', sections: completeDraft(NATIONAL_DEFAULTS.clauses.KSB!) });
    await addDocument(ctx().db, coop.id, 'BERITA_ACARA');
    await must(a.sessions.tkksd, coop.id, 'finalize_ksb');
    await must(a.sessions.secretariat, coop.id, 'sign_ksb');
    await addDocument(ctx().db, coop.id, 'SURAT_PERMOHONAN_DPRD');
    await must(a.sessions.secretariat, coop.id, 'request_dprd');
    const refused = await must(b.sessions.dprd, coop.id, 'record_dprd_decision', { decision: 'REJECTED', decidedAt: '2026-04-01', reason: 'Belum dianggarkan' });
    assert.equal(refused.state, 'DITOLAK');
    assert.ok(refused.approvals.every((x) => x.decision !== 'PENDING'), "the other DPRD's request is withdrawn");

    const other = await create(a.sessions.opdStaff, ksddInput(a, b));
    const stale = await ctx().request(`/api/cooperations/${other.id}`, { method: 'PATCH', json: { expectedVersion: other.rowVersion + 5, title: 'Baru' }, session: a.sessions.secretariat });
    assert.equal(stale.status, 409);
    assert.equal(((await stale.json()) as { code: string }).code, 'cooperations.stale_version');
    const noReason = await ctx().request(`/api/cooperations/${other.id}/actions/cancel`, { method: 'POST', json: {}, session: a.sessions.tkksd });
    assert.equal(noReason.status, 400);
    const problem = (await noReason.json()) as { errors: { path: string; message: string }[] };
    assert.deepEqual(problem.errors.map((e) => e.path), ['reason']);
    assert.equal(problem.errors[0]!.message, 'Wajib diisi untuk tindakan ini.');
    const unknown = await ctx().request(`/api/cooperations/${other.id}/actions/sign_loi`, { method: 'POST', json: {}, session: a.sessions.secretariat });
    assert.equal(((await unknown.json()) as { code: string }).code, 'cooperations.action_not_available');
  });

  it('overseers read without acting; private notes stay with their pemda; mentions notify', async () => {
    const coop = await create(a.sessions.opdStaff, ksddInput(a, b));
    const asGwpp = (await (await ctx().request(`/api/cooperations/${coop.id}`, { session: gwpp })).json()) as Coop;
    assert.deepEqual(asGwpp.allowedActions, []);
    assert.equal((await ctx().request(`/api/cooperations/${coop.id}`, { session: kemendagri })).status, 200);
    assert.equal((await ctx().request(`/api/cooperations/${coop.id}/comments`, { method: 'POST', json: { body: 'x' }, session: kemendagri })).status, 403);

    const note = await ctx().request(`/api/cooperations/${coop.id}/comments`, {
      method: 'POST',
      json: { body: 'Catatan internal: tunggu Bappeda.', private: true, mentionUserIds: [a.users.tkksd.id] },
      session: a.sessions.secretariat,
    });
    assert.equal(note.status, 201, await note.clone().text());
    const crossMention = await ctx().request(`/api/cooperations/${coop.id}/comments`, {
      method: 'POST',
      json: { body: 'Rahasia', private: true, mentionUserIds: [b.users.secretariat.id] },
      session: a.sessions.secretariat,
    });
    assert.equal(crossMention.status, 422, 'a private note cannot mention the other party');
    const theirs = (await (await ctx().request(`/api/cooperations/${coop.id}/timeline`, { session: b.sessions.secretariat })).json()) as { items: { body?: string }[] };
    assert.ok(!theirs.items.some((i) => i.body?.includes('Catatan internal')));
    const ours = (await (await ctx().request(`/api/cooperations/${coop.id}/timeline`, { session: a.sessions.opdStaff })).json()) as { items: { body?: string; private: boolean }[] };
    assert.ok(ours.items.some((i) => i.body?.includes('Catatan internal') && i.private));
    const mentioned = await ctx().db.select().from(notification).where(and(eq(notification.userId, a.users.tkksd.id), eq(notification.kind, 'cooperation.mention')));
    assert.equal(mentioned.length, 1);
    const inbox = (await (await ctx().request('/api/notifications', { session: a.sessions.tkksd })).json()) as { unread: number; items: { link: string }[] };
    assert.equal(inbox.unread, 1);
    assert.equal(inbox.items[0]!.link, `/app/kerja-sama/${coop.id}`);
  });

  it('a pemda rule pack override changes behaviour from its valid-from date, without a deploy', async () => {
    const adminA = await buildUser(ctx().db, { orgId: a.tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: a.tenant.id }] });
    const session = await signIn(ctx(), adminA.email);
    const backdated = await ctx().request('/api/rule-packs', { method: 'POST', json: { tenantId: a.tenant.id, validFrom: '2020-01-01', rules: {} }, session });
    assert.equal(backdated.status, 422);
    const bad = await ctx().request('/api/rule-packs', { method: 'POST', json: { tenantId: a.tenant.id, validFrom: '2026-03-02', rules: { maxDurationYears: { PELAYANAN_PUBLIK: 0 } } }, session });
    assert.equal(bad.status, 422);
    assert.ok(((await bad.json()) as { errors: { path: string }[] }).errors.some((e) => e.path.startsWith('rules.maxDurationYears')));
    const published = await ctx().request('/api/rule-packs', {
      method: 'POST',
      json: { tenantId: a.tenant.id, validFrom: '2026-03-02', note: 'Perbup 12/2026: TKKSD tanpa KAK', rules: { requiredDocuments: { submit: [] } } },
      session,
    });
    assert.equal(published.status, 201, await published.clone().text());
    const coop = await create(a.sessions.opdStaff, ksddInput(a, b));
    assert.equal((await must(a.sessions.opdHead, coop.id, 'submit')).state, 'KAJIAN_TKKSD', 'no KAK needed under the local rule');
    const pack = (await (await ctx().request(`/api/rule-packs?tenantId=${a.tenant.id}`, { session })).json()) as { versions: { version: number }[]; effective: { requiredDocuments: { submit: unknown[] } } };
    assert.equal(pack.versions[0]!.version, 1);
    assert.deepEqual(pack.effective.requiredDocuments.submit, []);
  });
});
