import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { buildIsolationKit } from '../../test/isolation.js';
import { updateIsolationCases } from '../../test/isolation.updates.js';
import { postFile, readFileFixture } from '../../test/uploads.js';
import { auditLog } from '../audit/audit.tables.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import type { UpdateDto, UpdateListDto } from './updates.schemas.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };
type Detail = { progress: number; dormant: boolean; lastMonitoredAt: string | null };
type Activity = { id: string; progress: number; realisation: string; rowVersion: number; figuresLocked: boolean };

describeEachDatabase('monev: progress updates with evidence, approval, locking and revisions', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;
  let liaison: TestSession;
  let pipes: string;
  let survey: string;
  let indicator: string;
  let evidence: string;

  const call = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(path, { method, json, session });

    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ok = async <T>(session: TestSession, path: string, method = 'GET', json?: unknown, status = 200): Promise<T> => {
    const res = await call(session, path, method, json);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);

    return res.body as T;
  };
  const problem = async (session: TestSession | undefined, path: string, method: string, json: unknown) => {
    const res = await call(session, path, method, json);

    return { ...(res.body as Problem), status: res.status, fields: ((res.body as Problem).errors ?? []).map((e) => [e.path, e.code]) };
  };
  const updates = `/api/cooperations/{id}/updates`;
  const u = (suffix = '') => `${updates.replace('{id}', id)}${suffix}`;
  const activities = async () => (await ok<{ activities: Activity[] }>(a.sessions.secretariat, `/api/cooperations/${id}/work-plan`)).activities;
  const activity = async (aid: string) => (await activities()).find((x) => x.id === aid)!;
  const detail = () => ok<Detail>(a.sessions.secretariat, `/api/cooperations/${id}`);
  const upload = async (session: TestSession, name: string) => ((await (await postFile(ctx(), session, { name, bytes: readFileFixture('sample.pdf') })).json()) as { id: string }).id;

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const ppksd = await buildUser(ctx().db, { orgId: a.opd.id, roles: [{ role: 'PPKSD', orgId: a.opd.id }] });
    liaison = await signIn(ctx(), ppksd.email);
    id = (await ok<{ id: string }>(a.sessions.opdStaff, '/api/cooperations', 'POST', ksddInput(a, b), 201)).id;
    // In force, signed nine months before the test clock's day (2 March 2026): "tidak aktif" already.
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2025-06-01', endDate: '2028-02-29', signedAt: '2025-06-01' }).where(eq(cooperation.id, id));
    const add = async (name: string, extra: Record<string, unknown>) =>
      (await ok<{ id: string }>(a.sessions.secretariat, `/api/cooperations/${id}/activities`, 'POST', { name, responsibleOrgId: a.tenant.id, plannedStart: '2025-07-01', plannedEnd: '2026-12-31', ...extra }, 201)).id;
    pipes = await add('Pemasangan pipa transmisi', { status: 'BERJALAN', progress: 10, weight: 3, budget: '2000000000.00', realisation: '100000000.00' });
    survey = await add('Survei pelanggan', { status: 'BERJALAN', progress: 0, weight: 1, responsibleOrgId: b.tenant.id });
    indicator = (
      await ok<{ id: string }>(a.sessions.secretariat, `/api/cooperations/${id}/indicators`, 'POST', { name: 'Sambungan rumah', unit: 'SR', baseline: '0', target: '1000', frequency: 'QUARTERLY', activityId: pipes }, 201)
    ).id;
    evidence = await upload(liaison, 'Foto pemasangan pipa.pdf');
  });

  const first = () => ({
    asOf: '2026-02-28',
    narrative: 'Pipa transmisi terpasang 4 km dari 10 km.',
    activityLines: [{ activityId: pipes, progress: 40, realisationIdr: '800000000.00' }],
    indicatorLines: [{ indicatorId: indicator, periodKey: '2026-Q1', value: '250' }],
    evidenceFileIds: [evidence],
  });
  let seriesId: string;
  let updateId: string;

  it('a liaison submits with evidence; the secretariat is told; the figures wait for approval', async () => {
    assert.equal((await detail()).dormant, true, 'nine months after signing with no monitoring');
    const sent = await ok<UpdateDto>(liaison, u(), 'POST', first(), 201);
    assert.deepEqual([sent.status, sent.revision, sent.reason], ['SUBMITTED', 1, null]);
    assert.deepEqual(sent.evidence, [{ fileId: evidence, fileName: 'Foto pemasangan pipa.pdf' }]);
    assert.deepEqual(sent.activityLines, [{ activityId: pipes, activityName: 'Pemasangan pipa transmisi', progress: 40, realisationIdr: '800000000.00' }]);
    assert.equal(sent.canReview, false, 'the sender does not review');
    seriesId = sent.seriesId;
    updateId = sent.id;
    assert.equal((await activity(pipes)).progress, 10, 'nothing applied before approval');
    const inbox = await ok<{ items: { title: string; link: string }[] }>(a.sessions.secretariat, '/api/notifications');
    assert.ok(inbox.items.some((n) => n.title.includes('menunggu persetujuan') && n.link === `/app/kerja-sama/${id}`), JSON.stringify(inbox.items));
    const queue = await ok<{ items: { id: string }[]; total: number }>(a.sessions.secretariat, '/api/progress-updates?status=SUBMITTED');
    assert.deepEqual(queue.items.map((i) => i.id), [updateId]);
    assert.equal((await ok<{ total: number }>(b.sessions.secretariat, '/api/progress-updates')).total, 0, "B's secretariat does not review A's update");
    assert.equal((await problem(liaison, '/api/progress-updates', 'GET', undefined)).code, 'monev.update_queue_forbidden');
  });

  it('the secretariat returns it with a comment; a return without one is refused per field', async () => {
    const bare = await problem(a.sessions.secretariat, u(`/${updateId}/return`), 'POST', { expectedVersion: 1, comment: ' ' });
    assert.equal(bare.status, 400);
    assert.deepEqual(bare.fields.map((f) => f[0]), ['comment']);
    const fromB = await problem(b.sessions.secretariat, u(`/${updateId}/return`), 'POST', { expectedVersion: 1, comment: 'Bukan urusan B' });
    assert.deepEqual([fromB.status, fromB.code], [403, 'monev.update_review_forbidden']);
    const byOpd = await problem(a.sessions.opdHead, u(`/${updateId}/approve`), 'POST', { expectedVersion: 1 });
    assert.deepEqual([byOpd.status, byOpd.code], [403, 'monev.update_review_forbidden']);
    const returned = await ok<UpdateDto>(a.sessions.secretariat, u(`/${updateId}/return`), 'POST', { expectedVersion: 1, comment: 'Lampirkan berita acara pemasangan.' });
    assert.deepEqual([returned.status, returned.reviewComment, returned.reviewedBy?.name], ['RETURNED', 'Lampirkan berita acara pemasangan.', a.users.secretariat.name]);
    const stale = await problem(liaison, u(`/${updateId}`), 'PUT', { ...first(), expectedVersion: 1 });
    assert.deepEqual([stale.status, stale.code], [409, 'monev.update_stale']);
    const inbox = await ok<{ items: { title: string; body: string }[] }>(liaison, '/api/notifications');
    assert.ok(inbox.items.some((n) => n.title.includes('dikembalikan') && n.body.includes('berita acara')));
  });

  it('the liaison corrects and resubmits; the secretariat approves: figures applied, roll-up and dormancy reset', async () => {
    const report = await upload(liaison, 'Berita acara pemasangan.pdf');
    const resent = await ok<UpdateDto>(liaison, u(`/${updateId}`), 'PUT', { ...first(), evidenceFileIds: [evidence, report], expectedVersion: 2 });
    assert.deepEqual([resent.status, resent.evidence.length], ['SUBMITTED', 2]);
    const twice = await problem(a.sessions.secretariat, u(`/${updateId}/approve`), 'POST', { expectedVersion: 2 });
    assert.deepEqual([twice.status, twice.code], [409, 'monev.update_stale']);
    const secretariat = a.sessions.secretariat;
    const now = ctx().clock.now().toISOString();
    const approved = await ok<UpdateDto>(secretariat, u(`/${updateId}/approve`), 'POST', { expectedVersion: 3 });
    assert.deepEqual([approved.status, approved.approvedAt], ['APPROVED', now]);
    assert.deepEqual(approved.history.map((h) => [h.action, h.status]), [
      ['SUBMIT', 'SUBMITTED'],
      ['RETURN', 'RETURNED'],
      ['SUBMIT', 'SUBMITTED'],
      ['APPROVE', 'APPROVED'],
    ]);
    assert.equal(approved.history[1]!.comment, 'Lampirkan berita acara pemasangan.');
    const pipe = await activity(pipes);
    assert.deepEqual([pipe.progress, pipe.realisation, pipe.figuresLocked], [40, '800000000.00', true]);
    assert.equal((await activity(survey)).figuresLocked, false);
    const d = await ok<Detail>(secretariat, `/api/cooperations/${id}`);
    assert.deepEqual([d.dormant, d.lastMonitoredAt, d.progress], [false, now, ((3 * 40 + 0) / 4 + 25) / 2]); // activities 30 and the indicator at 250 of 1,000 (25), weighed 1:1
    const ind = await ok<{ indicators: { id: string; values: { period: string; actual: string }[] }[] }>(secretariat, `/api/cooperations/${id}/indicators`);
    assert.deepEqual(ind.indicators.find((i) => i.id === indicator)!.values.map((v) => [v.period, Number(v.actual)]), [['2026-Q1', 250]]);
    const audits = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, updateId), eq(auditLog.entityType, 'monev_progress_update')));
    assert.deepEqual(audits.map((r) => r.action).sort(), ['monev.update.approve', 'monev.update.resubmit', 'monev.update.return', 'monev.update.submit']);
    // Both parties read the approval on the cooperation's timeline, with its date and the progress it brought.
    const timeline = await ok<{ items: { kind?: string; data?: Record<string, unknown>; at?: string }[] }>(secretariat, `/api/cooperations/${id}/timeline`);
    const monitoring = timeline.items.filter((i) => i.kind === 'MONITORING');
    assert.equal(monitoring.length, 1);
    assert.deepEqual(monitoring[0]!.data, { what: 'UPDATE_APPROVED', asOf: approved.asOf, revision: 1, progress: Math.round(d.progress) });
  });

  it('locks approved figures: no edit of the update, no PATCH of the activity’s progress or realisation', async () => {
    const edit = await problem(liaison, u(`/${updateId}`), 'PUT', { ...first(), expectedVersion: 4 });
    assert.deepEqual([edit.status, edit.code], [409, 'monev.update_locked']);
    const again = await problem(a.sessions.secretariat, u(`/${updateId}/approve`), 'POST', { expectedVersion: 4 });
    assert.deepEqual([again.status, again.code], [409, 'monev.update_locked']);
    const pipe = await activity(pipes);
    const patch = await problem(a.sessions.secretariat, `/api/cooperations/${id}/activities/${pipes}`, 'PATCH', { expectedVersion: pipe.rowVersion, progress: 90, realisation: '1.00' });
    assert.deepEqual([patch.status, patch.code, patch.fields], [
      409,
      'monev.activity_figures_locked',
      [
        ['progress', 'figure_locked'],
        ['realisation', 'figure_locked'],
      ],
    ]);
    // A whole-form save with the figures unchanged, and other fields, still work.
    await ok(a.sessions.secretariat, `/api/cooperations/${id}/activities/${pipes}`, 'PATCH', { expectedVersion: pipe.rowVersion, name: 'Pemasangan pipa transmisi 10 km', progress: 40, realisation: '800000000' });
    assert.equal((await activity(pipes)).progress, 40);
  });

  it('a correction is a new revision with a reason; approving it supersedes the previous one and the history shows both', async () => {
    const noReason = await problem(liaison, u(`/${updateId}/revisions`), 'POST', { ...first() });
    assert.deepEqual([noReason.status, noReason.fields.map((f) => f[0])], [400, ['reason']]);
    const fixed = { ...first(), activityLines: [{ activityId: pipes, progress: 35, realisationIdr: '750000000.00' }], indicatorLines: [], reason: 'Salah hitung: 3,5 km terpasang, bukan 4 km.' };
    const rev = await ok<UpdateDto>(liaison, u(`/${updateId}/revisions`), 'POST', fixed, 201);
    assert.deepEqual([rev.status, rev.revision, rev.seriesId, rev.supersedesId, rev.reason], ['SUBMITTED', 2, seriesId, updateId, fixed.reason]);
    assert.deepEqual(rev.evidence.length, 1, 'evidence already attached to the approved revision may be carried over');
    const open = await problem(liaison, u(`/${updateId}/revisions`), 'POST', fixed);
    assert.deepEqual([open.status, open.code], [409, 'monev.update_revision_open']);
    assert.equal((await activity(pipes)).progress, 40, 'the approved figure holds until the correction is approved');
    await ok(a.sessions.secretariat, u(`/${rev.id}/approve`), 'POST', { expectedVersion: 1 });
    const pipe = await activity(pipes);
    assert.deepEqual([pipe.progress, pipe.realisation, pipe.figuresLocked], [35, '750000000.00', true]);
    const list = await ok<UpdateListDto>(a.sessions.secretariat, u());
    const series = list.series.find((s) => s.seriesId === seriesId)!;
    assert.deepEqual(series.revisions.map((r) => [r.revision, r.status, r.reason]), [
      [2, 'APPROVED', fixed.reason],
      [1, 'SUPERSEDED', null],
    ]);
    assert.deepEqual(series.revisions[0]!.history.map((h) => h.action), ['REVISE', 'SUBMIT', 'APPROVE']);
    assert.equal(series.revisions[0]!.history[0]!.comment, fixed.reason);
    assert.deepEqual(series.revisions[1]!.history.map((h) => h.action).at(-1), 'SUPERSEDE');
    assert.equal(series.revisions[0]!.canRevise, true);
    assert.equal(series.revisions[1]!.canRevise, false, 'only the approved revision is corrected');
    assert.deepEqual(list.lockedActivityIds, [pipes]);
    const old = await problem(liaison, u(`/${updateId}/revisions`), 'POST', fixed);
    assert.deepEqual([old.status, old.code], [409, 'monev.update_wrong_status']);
    // Readable by the other party and by id.
    assert.equal((await ok<UpdateDto>(b.sessions.opdStaff, u(`/${updateId}`))).status, 'SUPERSEDED');
  });

  it('a submitter never approves their own update', async () => {
    const own = await ok<UpdateDto>(a.sessions.secretariat, u(), 'POST', { asOf: '2026-03-03', narrative: 'Survei dimulai.', activityLines: [{ activityId: survey, progress: 5 }] }, 201);
    assert.equal(own.canReview, false);
    const self = await problem(a.sessions.secretariat, u(`/${own.id}/approve`), 'POST', { expectedVersion: 1 });
    assert.deepEqual([self.status, self.code], [403, 'monev.update_own_review']);
    // A draft is not in the queue until it is sent.
    const draft = await ok<UpdateDto>(b.sessions.opdStaff, u(), 'POST', { asOf: '2026-03-03', narrative: 'Draf.', activityLines: [{ activityId: survey, progress: 5 }], submit: false }, 201);
    assert.equal(draft.status, 'DRAFT');
    assert.equal((await ok<{ total: number }>(b.sessions.secretariat, '/api/progress-updates')).total, 0);
    const sent = await ok<UpdateDto>(b.sessions.opdStaff, u(`/${draft.id}`), 'PUT', { asOf: '2026-03-03', narrative: 'Survei dimulai di 3 desa.', activityLines: [{ activityId: survey, progress: 5 }], expectedVersion: 1 });
    assert.equal(sent.status, 'SUBMITTED');
    assert.equal((await ok<{ total: number }>(b.sessions.secretariat, '/api/progress-updates')).total, 1, "B's secretariat reviews B's OPD");
  });

  it('bad input is refused per field', async () => {
    const shape = await problem(liaison, u(), 'POST', {
      asOf: '28-02-2026',
      narrative: '',
      activityLines: [{ activityId: pipes, progress: 150 }],
      evidenceFileIds: Array.from({ length: 11 }, () => evidence),
    });
    assert.equal(shape.status, 400);
    assert.deepEqual(new Set(shape.fields.map((f) => f[0])), new Set(['asOf', 'narrative', 'activityLines.0.progress', 'evidenceFileIds']));
    const long = await problem(liaison, u(), 'POST', { ...first(), narrative: 'x'.repeat(4001) });
    assert.deepEqual(long.fields.map((f) => f[0]), ['narrative']);
    const foreign = await upload(b.sessions.opdStaff, 'Bukan milik A.pdf');
    const rules = await problem(liaison, u(), 'POST', {
      ...first(),
      activityLines: [{ activityId: pipes, progress: 50 }, { activityId: pipes, progress: 60 }, { activityId: '00000000-0000-4000-8000-000000000000', progress: 1 }],
      indicatorLines: [{ indicatorId: indicator, periodKey: '2026-05', value: '1' }],
      evidenceFileIds: [foreign],
    });
    assert.deepEqual([rules.status, rules.code], [422, 'monev.update_invalid']);
    assert.deepEqual(rules.fields, [
      ['activityLines.1.activityId', 'duplicate'],
      ['activityLines.2.activityId', 'activity_not_found'],
      ['indicatorLines.0.periodKey', 'period_format'],
      ['evidenceFileIds.0', 'file_not_own'],
    ]);
    assert.ok(rules.errors!.every((e) => e.message.length > 0));
    const empty = await problem(liaison, u(), 'POST', { asOf: '2026-03-01', narrative: 'Tanpa angka.' });
    assert.deepEqual(empty.fields, [['activityLines', 'no_lines']]);
    assert.equal((await call(undefined, u(), 'POST', first())).status, 401);
    const stranger = await buildPemdaWorld(ctx(), '63.09', 'Kabupaten Tapin');
    assert.equal((await call(stranger.sessions.opdStaff, u(), 'POST', first())).status, 404);
    assert.equal((await call(a.sessions.dprd, u(), 'POST', first())).status, 403);
  });

  it('a partner reports only on the activities its organisation is responsible for', async () => {
    const partner = await buildOrg(ctx().db, { type: 'PIHAK_KETIGA', name: 'PT Air Bersih Banua (fiktif)', legalForm: 'PT' });
    const partnerUser = await buildUser(ctx().db, { orgId: partner.id, roles: [{ role: 'PARTNER_USER', orgId: partner.id }] });
    const ps = await signIn(ctx(), partnerUser.email);
    const coop = (
      await ok<{ id: string }>(
        a.sessions.opdStaff,
        '/api/cooperations',
        'POST',
        ksddInput(a, b, { kind: 'KSDPK', ksddCategory: null, parties: [{ orgId: a.tenant.id, leadOpdId: a.opd.id }, { orgId: partner.id }] }),
        201,
      )
    ).id;
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31' }).where(eq(cooperation.id, coop));
    const add = async (name: string, org: string) =>
      (await ok<{ id: string }>(a.sessions.secretariat, `/api/cooperations/${coop}/activities`, 'POST', { name, responsibleOrgId: org, plannedStart: '2026-02-01', plannedEnd: '2026-12-31' }, 201)).id;
    const theirs = await add('Pengadaan pompa oleh mitra', partner.id);
    const ours = await add('Perizinan oleh pemda', a.tenant.id);
    const refused = await problem(ps, `/api/cooperations/${coop}/updates`, 'POST', {
      asOf: '2026-03-01',
      narrative: 'Pompa tiba.',
      activityLines: [{ activityId: theirs, progress: 30 }, { activityId: ours, progress: 100 }],
    });
    assert.deepEqual([refused.status, refused.code, refused.fields], [403, 'monev.update_activity_not_own', [['activityLines.1.activityId', 'activity_not_own']]]);
    const sent = await ok<UpdateDto>(ps, `/api/cooperations/${coop}/updates`, 'POST', { asOf: '2026-03-01', narrative: 'Pompa tiba.', activityLines: [{ activityId: theirs, progress: 30 }] }, 201);
    assert.equal(sent.status, 'SUBMITTED');
    const queue = await ok<{ items: { id: string }[] }>(a.sessions.secretariat, '/api/progress-updates');
    assert.ok(queue.items.some((i) => i.id === sent.id), "the registering pemda's secretariat reviews a partner's update");
    await ok(a.sessions.secretariat, `/api/cooperations/${coop}/updates/${sent.id}/approve`, 'POST', { expectedVersion: 1 });
    const plan = await ok<{ activities: Activity[] }>(ps, `/api/cooperations/${coop}/work-plan`);
    assert.equal(plan.activities.find((x) => x.id === theirs)!.progress, 30);
  });
});

describeEachDatabase('monev: tenant isolation of the progress update routes', (ctx) => {
  it('keeps other tenants out of every progress update route', async () => {
    const kit = await buildIsolationKit(ctx());
    const cases = Object.entries(updateIsolationCases);
    assert.equal(cases.length, 8);
    for (const [key, c] of cases) {
      await kit.refreshSessions();
      await c.run(kit).catch((err: unknown) => assert.fail(`${key}: ${String(err)}`));
    }
  });
});
