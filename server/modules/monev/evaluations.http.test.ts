import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { postFile, readFileFixture } from '../../test/uploads.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import { computeScore, NATIONAL_RUBRIC } from './evaluations.models.js';
import type { EvaluationDetailDto, EvaluationListDto } from './evaluations.schemas.js';

type Problem = { code: string; errors?: { path: string; code: string }[] };

const json = async <T>(res: Response, status: number): Promise<T> => {
  assert.equal(res.status, status, await res.clone().text());

  return (await res.json()) as T;
};

const codes = NATIONAL_RUBRIC.criteria.map((c) => c.code);
/** One score per national criterion, in rubric order. */
const rate = (scores: number[], extra: Record<string, unknown> = {}) => ({
  ratings: scores.map((score, i) => ({ criterion: codes[i]!, score, ...extra })),
});

describeEachDatabase('monev evaluations: open, rate with evidence, finalise, lock, trend and rubric', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let partner: TestSession;
  let ksddId: string;
  let ksdpkId: string;

  const setState = async (id: string, state: string) => {
    await ctx().db.update(cooperation).set({ state }).where(eq(cooperation.id, id));
  };
  const open = (session: TestSession, id: string, period: string) => ctx().request(`/api/cooperations/${id}/evaluations`, { json: { period }, session });
  const put = (session: TestSession, id: string, body: unknown) => ctx().request(`/api/evaluations/${id}/ratings`, { method: 'PUT', json: body, session });
  const finalise = (session: TestSession, id: string, body: unknown) => ctx().request(`/api/evaluations/${id}/finalise`, { json: body, session });
  const get = async (session: TestSession, id: string) => json<EvaluationDetailDto>(await ctx().request(`/api/evaluations/${id}`, { session }), 200);
  const list = async (session: TestSession, id: string) => json<EvaluationListDto>(await ctx().request(`/api/cooperations/${id}/evaluations`, { session }), 200);
  const upload = async (session: TestSession, name: string) => (await json<{ id: string }>(await postFile(ctx(), session, { name, bytes: readFileFixture('sample.pdf') }), 201)).id;

  before(async () => {
    const c = ctx();
    a = await buildPemdaWorld(c, '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(c, '63.07', 'Kabupaten Hulu Sungai Tengah');
    ksddId = (await json<{ id: string }>(await c.request('/api/cooperations', { json: ksddInput(a, b), session: a.sessions.secretariat }), 201)).id;
    const company = await buildOrg(c.db, { type: 'PIHAK_KETIGA', name: 'PT Banua Lestari Energi' });
    const partnerUser = await buildUser(c.db, { orgId: company.id, roles: [{ role: 'PARTNER_USER', orgId: company.id }] });
    partner = await signIn(c, partnerUser.email);
    const ksdpk = {
      ...ksddInput(a, b),
      kind: 'KSDPK',
      ksddCategory: null,
      title: 'Pengolahan sampah menjadi energi',
      parties: [
        { orgId: a.tenant.id, leadOpdId: a.opd.id, signatoryName: 'Bupati A', signatoryPosition: 'Bupati' },
        { orgId: company.id, signatoryName: 'Direktur Utama', signatoryPosition: 'Direktur' },
      ],
      funding: [],
    };
    ksdpkId = (await json<{ id: string }>(await c.request('/api/cooperations', { json: ksdpk, session: a.sessions.secretariat }), 201)).id;
  });

  it('opens only on a cooperation in force, only by a party secretariat, once per period and pemda', async () => {
    assert.equal((await json<Problem>(await open(a.sessions.secretariat, ksdpkId, '2026-S1'), 409)).code, 'monev.evaluation_not_in_force');
    await setState(ksdpkId, 'BERLAKU');
    await setState(ksddId, 'BERLAKU');
    assert.equal((await json<Problem>(await open(a.sessions.opdStaff, ksdpkId, '2026-S1'), 403)).code, 'monev.evaluation_open_forbidden');
    assert.equal((await open(b.sessions.secretariat, ksdpkId, '2026-S1')).status, 404, 'B is no party of the KSDPK and may not read it');
    const bad = await json<Problem>(await open(a.sessions.secretariat, ksdpkId, '2026-S3'), 400);
    assert.deepEqual(bad.errors?.map((e) => e.path), ['period']);
    const opened = await json<EvaluationDetailDto>(await open(a.sessions.secretariat, ksdpkId, '2026-S1'), 201);
    assert.equal(opened.status, 'OPEN');
    assert.equal(opened.rubricVersion, null, 'no pemda rubric yet: the national default is snapshotted');
    assert.deepEqual(opened.criteria.map((c) => c.code), codes);
    assert.equal(opened.score, null);
    assert.equal(opened.tenantName, a.tenant.name);
    assert.equal((await json<Problem>(await open(a.sessions.secretariat, ksdpkId, '2026-S1'), 409)).code, 'monev.evaluation_already_open');
    // The other party pemda runs its own evaluation of the same period.
    assert.equal((await open(b.sessions.secretariat, ksddId, '2026-S1')).status, 201);
    assert.equal((await open(a.sessions.secretariat, ksddId, '2026-S1')).status, 201);
  });

  it('lets each rater role rate with evidence, computes the score, and keeps other pemda and readers out', async () => {
    const { items } = await list(a.sessions.secretariat, ksdpkId);
    const id = items[0]!.id;
    const evidence = await upload(a.sessions.opdStaff, 'Laporan realisasi.pdf');
    const saved = await json<EvaluationDetailDto>(await put(a.sessions.opdStaff, id, { ratings: [{ criterion: codes[0], score: 4, note: 'Sesuai jadwal.', evidenceFileIds: [evidence] }] }), 200);
    assert.deepEqual(saved.mine.roles, ['OPD']);
    assert.equal(saved.mine.role, 'OPD');
    assert.deepEqual(saved.mine.ratings[0]!.evidence, [{ fileId: evidence, fileName: 'Laporan realisasi.pdf' }]);
    assert.equal((await put(partner, id, rate([2, 2, 2, 2, 2, 2, 2]))).status, 200);
    assert.equal((await put(a.sessions.tkksd, id, rate([5, 4, 3, 4, 5, 3, 4]))).status, 200);
    assert.equal((await put(a.sessions.secretariat, id, rate([3, 3, 3, 3, 3, 3, 3]))).status, 200);

    const detail = await get(a.sessions.kepala, id);
    assert.equal(detail.ratings.length, 1 + 7 * 3);
    assert.deepEqual([...new Set(detail.ratings.map((r) => r.raterRole))].sort(), ['MITRA', 'OPD', 'SEKRETARIAT', 'TKKSD']);
    const expected = computeScore(NATIONAL_RUBRIC.criteria, detail.ratings);
    assert.equal(detail.score, expected!.toFixed(2));
    assert.equal(detail.criteria[0]!.raters, 4);
    assert.equal(detail.criteria[0]!.mean, 3.5);
    assert.equal(detail.canRate, false, 'the Kepala Daerah reads but does not rate');
    assert.equal((await json<Problem>(await put(a.sessions.kepala, id, rate([5])), 403)).code, 'monev.evaluation_not_rater');
    assert.equal((await json<Problem>(await ctx().request(`/api/evaluations/${id}`, { session: b.sessions.secretariat }), 404)).code, 'monev.evaluation_not_found');

    // On the KSDD, B's OPD is a party but rates only in B's own evaluation.
    const ksdd = await list(a.sessions.secretariat, ksddId);
    const ofA = ksdd.items.find((e) => e.tenantId === a.tenant.id)!;
    const ofB = ksdd.items.find((e) => e.tenantId === b.tenant.id)!;
    assert.equal((await json<Problem>(await put(b.sessions.opdStaff, ofA.id, rate([5])), 403)).code, 'monev.evaluation_not_rater');
    assert.equal((await put(b.sessions.opdStaff, ofB.id, rate([5]))).status, 200);
    assert.equal((await get(a.sessions.opdStaff, ofB.id)).canRate, false);
  });

  it('refuses foreign evidence, unknown criteria and repeats per field, and lets a rater change their own ratings', async () => {
    const id = (await list(a.sessions.secretariat, ksdpkId)).items[0]!.id;
    const othersFile = await upload(a.sessions.secretariat, 'Milik sekretariat.pdf');
    const refused = await json<Problem>(
      await put(a.sessions.opdStaff, id, {
        ratings: [
          { criterion: codes[0], score: 4, evidenceFileIds: [othersFile] },
          { criterion: 'TIDAK_ADA', score: 3 },
          { criterion: codes[0], score: 5 },
        ],
      }),
      422,
    );
    assert.equal(refused.code, 'monev.ratings_invalid');
    assert.deepEqual(
      refused.errors?.map((e) => [e.path, e.code]),
      [
        ['ratings.0.evidenceFileIds.0', 'file_not_own'],
        ['ratings.1.criterion', 'unknown_criterion'],
        ['ratings.2.criterion', 'duplicate'],
      ],
    );
    const shape = await json<Problem>(await put(a.sessions.opdStaff, id, { ratings: [{ criterion: codes[0], score: 6 }] }), 400);
    assert.deepEqual(shape.errors?.map((e) => e.path), ['ratings.0.score']);
    assert.equal((await json<Problem>(await put(a.sessions.opdStaff, id, { role: 'SEKRETARIAT', ratings: [] }), 403)).code, 'monev.evaluation_not_rater');

    const before = await get(a.sessions.opdStaff, id);
    const kept = before.mine.ratings[0]!.evidence.map((e) => e.fileId);
    const changed = await json<EvaluationDetailDto>(await put(a.sessions.opdStaff, id, { ratings: [{ criterion: codes[0], score: 5, evidenceFileIds: kept }, { criterion: codes[1], score: 4 }] }), 200);
    assert.deepEqual(changed.mine.ratings.map((r) => [r.criterion, r.score]).sort(), [[codes[0], 5], [codes[1], 4]].sort());
    assert.deepEqual(changed.mine.ratings.find((r) => r.criterion === codes[0])!.evidence.map((e) => e.fileId), kept);
    assert.equal(changed.ratings.filter((r) => r.raterRole === 'OPD').length, 2);
  });

  it('finalises with findings and a recommendation, then locks; the list shows the latest score and its trend', async () => {
    const first = (await list(a.sessions.secretariat, ksdpkId)).items[0]!.id;
    assert.equal((await json<Problem>(await finalise(a.sessions.opdStaff, first, { findings: 'x', recommendation: 'LANJUT' }), 403)).code, 'monev.evaluation_finalise_forbidden');
    const missing = await json<Problem>(await finalise(a.sessions.secretariat, first, { findings: '', recommendation: 'TERUS' }), 400);
    assert.deepEqual(missing.errors?.map((e) => e.path).sort(), ['findings', 'recommendation']);
    const done = await json<EvaluationDetailDto>(
      await finalise(a.sessions.secretariat, first, { findings: 'Realisasi anggaran rendah di semester pertama.', recommendation: 'PERBAIKI' }),
      200,
    );
    assert.equal(done.status, 'FINAL');
    assert.equal(done.recommendation, 'PERBAIKI');
    assert.equal(done.score, computeScore(NATIONAL_RUBRIC.criteria, done.ratings)!.toFixed(2));
    assert.equal(done.canRate, false);
    assert.equal(done.canFinalise, false);
    assert.equal((await json<Problem>(await put(a.sessions.opdStaff, first, rate([1])), 409)).code, 'monev.evaluation_finalised');
    assert.equal((await json<Problem>(await finalise(a.sessions.secretariat, first, { findings: 'lagi', recommendation: 'LANJUT' }), 409)).code, 'monev.evaluation_finalised');

    const empty = await json<EvaluationDetailDto>(await open(a.sessions.secretariat, ksdpkId, '2026-S2'), 201);
    assert.equal((await json<Problem>(await finalise(a.sessions.secretariat, empty.id, { findings: 'x', recommendation: 'LANJUT' }), 409)).code, 'monev.evaluation_not_rated');
    assert.equal((await put(a.sessions.secretariat, empty.id, rate([5, 5, 5, 5, 5, 5, 5]))).status, 200);
    assert.equal((await finalise(a.sessions.secretariat, empty.id, { findings: 'Membaik.', recommendation: 'LANJUT' })).status, 200);

    const summary = await list(a.sessions.kepala, ksdpkId);
    assert.deepEqual(summary.latest, { period: '2026-S2', score: '5.00' });
    assert.deepEqual(summary.previous, { period: '2026-S1', score: done.score });
    assert.equal(summary.trend, 'UP');
    assert.equal(summary.canOpen, false, 'the Kepala Daerah reads only');
    assert.equal((await list(a.sessions.secretariat, ksdpkId)).canOpen, true);

    const timeline = await json<{ items: { kind?: string; data?: Record<string, unknown> }[] }>(await ctx().request(`/api/cooperations/${ksdpkId}/timeline`, { session: a.sessions.kepala }), 200);
    assert.deepEqual(
      timeline.items.filter((i) => i.kind === 'MONITORING').map((i) => i.data).sort((x, y) => String(x?.score).localeCompare(String(y?.score))),
      [{ what: 'EVALUATION_FINALISED', score: done.score, recommendation: 'PERBAIKI' }, { what: 'EVALUATION_FINALISED', score: '5.00', recommendation: 'LANJUT' }].sort((x, y) => x.score!.localeCompare(y.score!)),
    );
    const audit = await json<{ items: { action: string; entityId: string }[] }>(await ctx().request('/api/audit?entityType=monev_evaluation&limit=100', { session: a.sessions.secretariat }), 200);
    const actions = audit.items.filter((i) => i.entityId === first).map((i) => i.action);
    assert.ok(actions.includes('monev.evaluation.open') && actions.includes('monev.evaluation.rate') && actions.includes('monev.evaluation.finalise'), actions.join(', '));
  });

  it('publishes a pemda rubric from a date, validated per field, and snapshots it into new evaluations', async () => {
    const view = await json<{ effective: { version: number | null }; canEdit: boolean; versions: unknown[] }>(await ctx().request('/api/monev/rubric', { session: a.sessions.secretariat }), 200);
    assert.equal(view.effective.version, null);
    assert.equal(view.canEdit, true);
    assert.equal((await json<{ canEdit: boolean }>(await ctx().request('/api/monev/rubric', { session: a.sessions.opdStaff }), 200)).canEdit, false);

    const publish = (session: TestSession, body: unknown) => ctx().request('/api/monev/rubric', { method: 'PUT', json: body, session });
    const rubric = {
      criteria: [
        { code: 'REALISASI_KEGIATAN', name: { id: 'Realisasi kegiatan', en: 'Activities realised' }, weight: 60 },
        { code: 'KUALITAS_KOORDINASI', name: { id: 'Koordinasi', en: 'Coordination' }, weight: 40, raterRoles: ['SEKRETARIAT', 'TKKSD'] },
      ],
    };
    assert.equal((await json<Problem>(await publish(a.sessions.opdStaff, { validFrom: '2026-03-02', rubric }), 403)).code, 'monev.rubric_forbidden');
    const backdated = await json<Problem>(await publish(a.sessions.secretariat, { validFrom: '2026-03-01', rubric }), 422);
    assert.deepEqual(backdated.errors?.map((e) => e.path), ['validFrom']);
    const weights = await json<Problem>(await publish(a.sessions.secretariat, { validFrom: '2026-03-02', rubric: { criteria: [{ ...rubric.criteria[0], weight: 70 }, rubric.criteria[1]] } }), 422);
    assert.equal(weights.code, 'monev.rubric_invalid');
    assert.deepEqual(weights.errors?.map((e) => [e.path, e.code]), [['rubric.criteria', 'weights_not_100']]);
    const published = await json<{ version: number }>(await publish(a.sessions.secretariat, { validFrom: '2026-03-02', note: 'Perbup 12/2026', rubric }), 201);
    assert.equal(published.version, 1);

    const opened = await json<EvaluationDetailDto>(await open(a.sessions.secretariat, ksdpkId, '2026'), 201);
    assert.equal(opened.rubricVersion, 1);
    assert.deepEqual(opened.criteria.map((c) => c.code), ['REALISASI_KEGIATAN', 'KUALITAS_KOORDINASI']);
    const refused = await json<Problem>(await put(partner, opened.id, { ratings: [{ criterion: 'KUALITAS_KOORDINASI', score: 4 }] }), 422);
    assert.deepEqual(refused.errors?.map((e) => [e.path, e.code]), [['ratings.0.criterion', 'role_not_rater']]);
    // Evaluations opened before keep the rubric they were opened with.
    const older = (await list(a.sessions.secretariat, ksdpkId)).items.find((e) => e.period === '2026-S1')!;
    assert.equal((await get(a.sessions.secretariat, older.id)).criteria.length, 7);
    const otherPemda = await json<{ effective: { version: number | null }; versions: unknown[] }>(await ctx().request('/api/monev/rubric', { session: b.sessions.secretariat }), 200);
    assert.equal(otherPemda.effective.version, null);
    assert.deepEqual(otherPemda.versions, []);
  });

  it('opens a final evaluation on an ended cooperation', async () => {
    await setState(ksddId, 'BERAKHIR');
    const opened = await json<EvaluationDetailDto>(await open(a.sessions.secretariat, ksddId, '2027'), 201);
    assert.equal(opened.isFinal, true);
    await setState(ksddId, 'BATAL');
    assert.equal((await json<Problem>(await open(a.sessions.secretariat, ksddId, '2028'), 409)).code, 'monev.evaluation_not_in_force');
  });
});
