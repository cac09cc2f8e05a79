import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDatabase } from '../../test/context.js';
import type { TestSession } from '../../test/context.js';
import { addDocument, buildPemdaWorld, completeDraft, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { NATIONAL_DEFAULTS } from './rulepack.models.js';

type Coop = {
  id: string;
  state: string;
  rowVersion: number;
  allowedActions: string[];
  actions: { name: string; allowed: boolean; blockers: { guard: string; message: string }[] }[];
  parties: { orgId: string; registerNumber: string | null }[];
  approvals: { authority: string; decision: string; tenantId: string | null }[];
  dprdRequired: boolean;
  startDate: string | null;
  endDate: string | null;
};

describeEachDatabase('cooperations: a KSDD from proposal to in force, through the API', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
  });

  const act = async (session: TestSession, id: string, action: string, json: Record<string, unknown> = {}) => {
    const res = await ctx().request(`/api/cooperations/${id}/actions/${action}`, { method: 'POST', json, session });
    const body = (await res.json()) as { cooperation: Coop; code?: string; guard?: string; blockers?: { guard: string }[]; detail?: string };

    return { status: res.status, body };
  };
  const get = async (session: TestSession, id: string) => (await (await ctx().request(`/api/cooperations/${id}`, { session })).json()) as Coop;

  it('runs every step, each party keeps its own number, and refusals name their guard', async () => {
    const created = await ctx().request('/api/cooperations', { method: 'POST', json: ksddInput(a, b, { burdensCommunity: true }), session: a.sessions.opdStaff });
    assert.equal(created.status, 201, await created.clone().text());
    const coop = (await created.json()) as Coop;
    assert.equal(coop.state, 'USULAN');
    assert.equal(coop.dprdRequired, true, 'burdening the community needs the DPRD (PP 28/2018 Art. 6(2))');
    assert.ok(coop.parties.every((p) => p.registerNumber), 'each pemda party gets its own register number');
    assert.notEqual(coop.parties[0]!.registerNumber, coop.parties[1]!.registerNumber);
    const id = coop.id;

    // Staff may not submit; the head may, but only with a KAK attached.
    assert.ok(!(await get(a.sessions.opdStaff, id)).allowedActions.includes('submit'));
    const noKak = await act(a.sessions.opdHead, id, 'submit');
    assert.equal(noKak.status, 409);
    assert.equal(noKak.body.code, 'cooperations.action_refused');
    assert.equal(noKak.body.guard, 'documents');
    await addDocument(ctx().db, id, 'KAK');
    assert.equal((await act(a.sessions.opdHead, id, 'submit')).body.cooperation.state, 'KAJIAN_TKKSD');

    // The other party's TKKSD sees it and may review it too; the proposer's secretariat may not review.
    assert.equal((await act(a.sessions.secretariat, id, 'recommend')).status, 409);
    assert.equal((await act(a.sessions.tkksd, id, 'recommend')).body.cooperation.state, 'PENAWARAN');
    await addDocument(ctx().db, id, 'SURAT_PENAWARAN');
    assert.equal((await act(a.sessions.secretariat, id, 'send_offer')).body.cooperation.state, 'MENUNGGU_TANGGAPAN');
    assert.equal((await act(b.sessions.secretariat, id, 'accept')).body.cooperation.state, 'PENYUSUNAN_KSB');

    // KSB: drafted with every clause, discussed (berita acara), signed.
    const ksbClauses = NATIONAL_DEFAULTS.clauses.KSB!;
    await addDocument(ctx().db, id, 'KSB', { status: 'DRAFT', sections: completeDraft(ksbClauses.slice(1)) });
    await addDocument(ctx().db, id, 'BERITA_ACARA');
    const gaps = await act(a.sessions.tkksd, id, 'finalize_ksb');
    assert.equal(gaps.status, 409);
    assert.equal(gaps.body.guard, 'clauses', 'the draft lacks PARA_PIHAK');
    await addDocument(ctx().db, id, 'KSB', { status: 'DRAFT', sections: completeDraft(ksbClauses) });
    assert.equal((await act(a.sessions.tkksd, id, 'finalize_ksb')).body.cooperation.state, 'PENANDATANGANAN_KSB');
    await addDocument(ctx().db, id, 'KSB', { status: 'SIGNED', sections: completeDraft(ksbClauses) });
    const ksb = await act(a.sessions.kepala, id, 'sign_ksb');
    assert.equal(ksb.body.cooperation.state, 'KSB_BERLAKU');
    assert.ok(!ksb.body.cooperation.allowedActions.includes('start_pks'), 'the DPRD comes first');

    // DPRD of both parties.
    await addDocument(ctx().db, id, 'SURAT_PERMOHONAN_DPRD');
    const asked = await act(a.sessions.secretariat, id, 'request_dprd');
    assert.equal(asked.body.cooperation.state, 'MENUNGGU_PERSETUJUAN_DPRD');
    assert.equal(asked.body.cooperation.approvals.filter((x) => x.authority === 'DPRD').length, 2);
    assert.equal((await act(a.sessions.secretariat, id, 'record_dprd_decision', { decision: 'APPROVED', decidedAt: '2026-03-10' })).status, 409, 'only the DPRD secretariat records');
    const missing = await act(a.sessions.dprd, id, 'record_dprd_decision', { decision: 'APPROVED' });
    assert.equal(missing.status, 400);
    const first = await act(a.sessions.dprd, id, 'record_dprd_decision', { decision: 'APPROVED', decidedAt: '2026-03-10' });
    assert.equal(first.body.cooperation.state, 'MENUNGGU_PERSETUJUAN_DPRD', 'waits for the other DPRD');
    assert.equal((await act(a.sessions.dprd, id, 'record_dprd_decision', { decision: 'APPROVED', decidedAt: '2026-03-10' })).status, 409, 'one decision per DPRD');
    const second = await act(b.sessions.dprd, id, 'record_dprd_decision', { decision: 'APPROVED', decidedAt: '2026-03-12' });
    assert.equal(second.body.cooperation.state, 'PENYUSUNAN_PKS');

    // PKS: the term must fit the rule pack (public services: 5 years).
    const pksClauses = NATIONAL_DEFAULTS.clauses.PKS!;
    await addDocument(ctx().db, id, 'PKS', { status: 'DRAFT', sections: completeDraft(pksClauses) });
    const current = await get(a.sessions.tkksd, id);
    const long = await ctx().request(`/api/cooperations/${id}`, {
      method: 'PATCH',
      json: { expectedVersion: current.rowVersion, startDate: '2026-04-01', endDate: '2032-04-01' },
      session: a.sessions.secretariat,
    });
    assert.equal(long.status, 422);
    assert.equal(((await long.json()) as { code: string }).code, 'cooperations.duration_exceeded');
    const ok = await ctx().request(`/api/cooperations/${id}`, {
      method: 'PATCH',
      json: { expectedVersion: current.rowVersion, startDate: '2026-04-01', endDate: '2031-03-31' },
      session: a.sessions.secretariat,
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.equal((await act(a.sessions.tkksd, id, 'finalize_pks')).body.cooperation.state, 'PENANDATANGANAN_PKS');
    await addDocument(ctx().db, id, 'PKS', { status: 'SIGNED', sections: completeDraft(pksClauses) });
    const tooLong = await act(a.sessions.secretariat, id, 'sign', { startDate: '2026-04-01', endDate: '2031-04-01' });
    assert.equal(tooLong.status, 409);
    assert.equal(tooLong.body.guard, 'duration');
    const signed = await act(a.sessions.secretariat, id, 'sign', { startDate: '2026-04-01', endDate: '2031-03-31', signedAt: '2026-03-30' });
    assert.equal(signed.body.cooperation.state, 'BERLAKU');

    // Both parties see it in force; a third pemda does not see it at all.
    assert.equal((await get(b.sessions.opdStaff, id)).state, 'BERLAKU');
    const c = await buildPemdaWorld(ctx(), '95.01', 'Kabupaten Jayawijaya');
    assert.equal((await ctx().request(`/api/cooperations/${id}`, { session: c.sessions.secretariat })).status, 404);
    const list = (await (await ctx().request('/api/cooperations?state=BERLAKU', { session: c.sessions.secretariat })).json()) as { items: unknown[] };
    assert.equal(list.items.length, 0);

    // The timeline tells the story in order, with who acted.
    const timeline = (await (await ctx().request(`/api/cooperations/${id}/timeline`, { session: b.sessions.secretariat })).json()) as { items: { toState?: string | null }[] };
    const states = timeline.items.map((e) => e.toState).filter(Boolean);
    assert.deepEqual(states.slice(0, 3), ['USULAN', 'KAJIAN_TKKSD', 'PENAWARAN']);
    assert.equal(states.at(-1), 'BERLAKU');
  });

  it('finds cooperations by Indonesian full text with a highlighted snippet, and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await ctx().request('/api/cooperations', {
        method: 'POST',
        json: ksddInput(a, b, { title: `Kerja sama pengelolaan air minum ${i}`, objek: 'Penyediaan air minum lintas kabupaten' }),
        session: a.sessions.opdStaff,
      });
    const hit = (await (await ctx().request(`/api/cooperations?q=${encodeURIComponent('pengelolaan air')}&limit=2`, { session: b.sessions.secretariat })).json()) as {
      items: { title: string; snippet: string }[];
      nextCursor: string | null;
    };
    assert.equal(hit.items.length, 2);
    assert.ok(hit.items[0]!.snippet.includes('<mark>'), hit.items[0]!.snippet);
    assert.ok(hit.nextCursor);
    const rest = (await (await ctx().request(`/api/cooperations?q=${encodeURIComponent('pengelolaan air')}&limit=2&cursor=${hit.nextCursor}`, { session: b.sessions.secretariat })).json()) as {
      items: { title: string }[];
    };
    assert.ok(rest.items.length >= 1);
    assert.ok(!rest.items.some((r) => hit.items.some((h) => h.title === r.title)));
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await ctx().request(`/api/cooperations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { session: a.sessions.secretariat })).json()) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      all.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(all).size, all.length, 'no row twice across pages');
    assert.ok(all.length >= 4);
  });
});
