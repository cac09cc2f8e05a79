import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { auditLog } from '../audit/audit.tables.js';
import type { AnswerDto, AnswerHistoryDto } from './answers.schemas.js';
import type { CycleDto } from './cycles.schemas.js';
import type { PlenaryDto } from './plenary.schemas.js';
import { extractDocxText } from '../../platform/render/docx.js';
import { extractPdfText } from '../../platform/render/pdf.js';
import type { QuestionnaireDto } from './questionnaires.schemas.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

const potensi = { judul: 'Pengelolaan sampah DAS Amandit', uraian: 'Sampah dari hulu terbawa ke hilir.', urusan: ['2.11'], lokasi: ['63.06'], manfaat: 'Sungai bersih', perkiraan_biaya: '1500000000.00' };
const wisata = { ...potensi, judul: 'Wisata susur Sungai Amandit', uraian: 'Jeram dan desa wisata Loksado.', urusan: ['3.26'], perkiraan_biaya: '750000000' };
const air = { ...potensi, judul: 'Air bersih lintas kecamatan', uraian: 'Sumber air di hulu untuk tiga kecamatan.', urusan: ['1.03'] };
const full = { kesiapan: { prioritas_opd: 'tinggi', pengalaman: 2 }, potensi: [potensi, wisata], kebutuhan: [air] };

describeEachDatabase('mapping: the yearly cycle, questionnaire versions and OPD answers', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let pertanian: string;
  let liaison: TestSession;
  let otherLiaison: TestSession;
  let emails: { liaison: string; otherLiaison: string };
  let cycle: CycleDto;

  const call = async (session: TestSession | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(path, { method, json, session });

    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ok = async <T>(session: TestSession, path: string, method = 'GET', json?: unknown, status = 200): Promise<T> => {
    const res = await call(session, path, method, json);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);

    return res.body as T;
  };
  const problem = async (session: TestSession | undefined, path: string, method: string, json?: unknown) => {
    const res = await call(session, path, method, json);

    return { ...(res.body as Problem), status: res.status, fields: ((res.body as Problem).errors ?? []).map((e) => `${e.path}:${e.code}`) };
  };
  const c = (suffix = '') => `/api/mapping/cycles/${cycle.id}${suffix}`;
  const answerOf = (orgId: string, suffix = '') => c(`/answers/${orgId}${suffix}`);
  const advance = (session: TestSession, action: string, extra: Record<string, unknown> = {}) => call(session, c('/advance'), 'POST', { action, expectedVersion: cycle.rowVersion, ...extra });
  const refresh = async () => {
    cycle = await ok<CycleDto>(a.sessions.secretariat, c());
  };

  before(async () => {
    ctx().clock.set(new Date('2026-03-02T02:00:00Z'));
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    pertanian = (await buildOrg(ctx().db, { type: 'OPD', name: 'Dinas Pertanian HSS', tenantId: a.tenant.id, parentId: a.tenant.id, regionCode: '63.06' })).id;
    emails = {
      liaison: (await buildUser(ctx().db, { orgId: a.opd.id, roles: [{ role: 'PPKSD', orgId: a.opd.id }] })).email,
      otherLiaison: (await buildUser(ctx().db, { orgId: pertanian, roles: [{ role: 'PPKSD', orgId: pertanian }] })).email,
    };
    liaison = await signIn(ctx(), emails.liaison);
    otherLiaison = await signIn(ctx(), emails.otherLiaison);
  });

  /** Moves the clock and signs everyone in again (sessions time out over weeks). */
  const moveTo = async (iso: string) => {
    ctx().clock.set(new Date(iso));
    for (const key of ['secretariat', 'tkksd', 'opdStaff'] as const) a.sessions[key] = await signIn(ctx(), a.users[key].email);
    b.sessions.secretariat = await signIn(ctx(), b.users.secretariat.email);
    liaison = await signIn(ctx(), emails.liaison);
    otherLiaison = await signIn(ctx(), emails.otherLiaison);
  };

  it('opens one cycle per pemda-year with the rule pack schedule, every OPD and the default questionnaire', async () => {
    assert.equal((await call(undefined, '/api/mapping/cycles')).status, 401);
    assert.equal((await problem(a.sessions.opdStaff, '/api/mapping/cycles', 'POST', { year: 2026 })).status, 403);
    cycle = await ok<CycleDto>(a.sessions.secretariat, '/api/mapping/cycles', 'POST', { year: 2026 }, 201);
    assert.equal(cycle.stage, 'PERSIAPAN');
    assert.equal(cycle.answerDeadline, '2026-05-15');
    assert.deepEqual(cycle.schedule.map((s) => s.stage), ['PERSIAPAN', 'PROSES_PEMETAAN', 'PENYUSUNAN_PEMBAHASAN', 'PENETAPAN']);
    assert.deepEqual(cycle.participants.map((p) => p.orgId).sort(), [a.opd.id, pertanian].sort(), 'OPDs only, not the DPRD');
    assert.match(cycle.ruleNote, /bukan ketentuan hukum/);
    assert.equal(cycle.questionnaire.version, 1);
    assert.equal((await problem(a.sessions.tkksd, '/api/mapping/cycles', 'POST', { year: 2026 })).code, 'mapping.cycle_exists');
    // Another pemda neither sees it nor opens one for it.
    assert.equal((await call(b.sessions.secretariat, c())).status, 404);
    assert.equal((await call(b.sessions.secretariat, '/api/mapping/cycles', 'POST', { year: 2027, tenantId: a.tenant.id })).status, 404);
    assert.ok(!JSON.stringify((await ok(b.sessions.secretariat, '/api/mapping/cycles')) as object).includes(cycle.id));
  });

  it('starts the mapping by a named action; OPDs answer only then', async () => {
    assert.equal((await problem(liaison, answerOf(a.opd.id), 'PUT', { answers: {}, expectedVersion: 0 })).code, 'mapping.answer_not_open');
    assert.equal((await problem(a.sessions.secretariat, c('/advance'), 'POST', { action: 'start_discussion', expectedVersion: cycle.rowVersion })).code, 'mapping.cycle_wrong_stage');
    assert.equal((await advance(a.sessions.opdStaff, 'start_mapping')).status, 403);
    cycle = (await advance(a.sessions.secretariat, 'start_mapping')).body as CycleDto;
    assert.equal(cycle.stage, 'PROSES_PEMETAAN');
    assert.ok(cycle.schedule[0]!.endedAt && cycle.schedule[1]!.startedAt);
    const audit = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, cycle.id), like(auditLog.action, 'mapping.cycle.%')));
    assert.deepEqual(audit.map((r) => r.action).sort(), ['mapping.cycle.create', 'mapping.cycle.start_mapping']);
  });

  it('drafts, validates a submission per question and keeps answering to the OPD’s own liaison', async () => {
    const draft = await ok<AnswerDto>(liaison, answerOf(a.opd.id), 'PUT', { answers: { potensi: [{ judul: 'Baru judul' }] }, expectedVersion: 0 });
    assert.equal(draft.status, 'DRAFT');
    assert.ok(draft.canEdit);
    const missing = await problem(liaison, answerOf(a.opd.id), 'PUT', { answers: { potensi: [{ judul: 'Baru judul' }] }, submit: true, expectedVersion: draft.rowVersion });
    assert.equal(missing.status, 422);
    assert.ok(missing.fields.includes('answers.kesiapan.prioritas_opd:required'), missing.fields.join());
    assert.ok(missing.fields.includes('answers.potensi.0.urusan:required'));
    const unknown = await problem(liaison, answerOf(a.opd.id), 'PUT', { answers: { ...full, potensi: [{ ...potensi, urusan: ['9.99'] }] }, submit: true, expectedVersion: draft.rowVersion });
    assert.deepEqual(unknown.fields, ['answers.potensi.0.urusan.0:unknown_reference']);
    assert.equal((await problem(otherLiaison, answerOf(a.opd.id), 'PUT', { answers: full, submit: true, expectedVersion: draft.rowVersion })).code, 'mapping.answer_forbidden');
    assert.equal((await problem(a.sessions.opdStaff, answerOf(a.opd.id), 'PUT', { answers: full, expectedVersion: draft.rowVersion })).status, 403);
    assert.equal((await call(b.sessions.secretariat, answerOf(a.opd.id))).status, 404);
    const sent = await ok<AnswerDto>(liaison, answerOf(a.opd.id), 'PUT', { answers: full, submit: true, expectedVersion: draft.rowVersion });
    assert.equal(sent.status, 'SUBMITTED');
    assert.equal(sent.revision, 1);
    assert.equal((await problem(liaison, answerOf(a.opd.id), 'PUT', { answers: full, expectedVersion: sent.rowVersion })).code, 'mapping.answer_wrong_status');
  });

  it('waits for OPDs whose deadline is ahead before the discussion starts', async () => {
    await refresh();
    const res = await problem(a.sessions.secretariat, c('/advance'), 'POST', { action: 'start_discussion', expectedVersion: cycle.rowVersion });
    assert.equal(res.code, 'mapping.cycle_answers_outstanding');
    assert.equal(res.status, 409);
  });

  it('an OPD cannot submit after the deadline unless reopened; a returned answer keeps its history', async () => {
    let answer = await ok<AnswerDto>(a.sessions.tkksd, answerOf(a.opd.id));
    answer = await ok<AnswerDto>(a.sessions.tkksd, answerOf(a.opd.id, '/return'), 'POST', { expectedVersion: answer.rowVersion, comment: 'Lengkapi perkiraan biaya per tahun.' });
    assert.equal(answer.status, 'RETURNED');
    assert.equal(answer.reviewComment, 'Lengkapi perkiraan biaya per tahun.');
    assert.equal((await problem(liaison, answerOf(a.opd.id, '/accept'), 'POST', { expectedVersion: answer.rowVersion })).status, 403);
    // In-app notices: the TKKSD heard of the submission, the liaison of the return with its comment.
    const tkksdInbox = await ok<{ items: { title: string; link: string }[] }>(a.sessions.tkksd, '/api/notifications');
    assert.ok(tkksdInbox.items.some((n) => n.title.includes('menunggu tinjauan') && n.link === `/app/pemetaan-potensi/${cycle.id}/opd/${a.opd.id}`));
    const liaisonInbox = await ok<{ items: { body: string }[] }>(liaison, '/api/notifications');
    assert.ok(liaisonInbox.items.some((n) => n.body.includes('Lengkapi perkiraan biaya per tahun.')));

    await moveTo('2026-05-20T02:00:00Z');
    const late = await problem(liaison, answerOf(a.opd.id), 'PUT', { answers: full, submit: true, expectedVersion: answer.rowVersion });
    assert.equal(late.status, 409);
    assert.equal(late.code, 'mapping.answer_deadline_passed');
    // Still drafting is allowed; handing in is not.
    answer = await ok<AnswerDto>(liaison, answerOf(a.opd.id), 'PUT', { answers: { ...full, kesiapan: { prioritas_opd: 'sedang' } }, expectedVersion: answer.rowVersion });
    assert.equal(answer.status, 'RETURNED');
    await refresh();
    const byOrg = new Map(cycle.participants.map((p) => [p.orgId, p]));
    assert.deepEqual([byOrg.get(a.opd.id)!.status, byOrg.get(a.opd.id)!.late], ['RETURNED', true]);
    assert.deepEqual([byOrg.get(pertanian)!.status, byOrg.get(pertanian)!.late], ['NOT_STARTED', true]);
    assert.deepEqual(cycle.progress, { total: 2, answered: 0, accepted: 0, drafting: 1, late: 2 });

    assert.deepEqual((await problem(a.sessions.secretariat, answerOf(a.opd.id, '/reopen'), 'POST', { deadline: '2026-05-01' })).fields, ['deadline:past']);
    answer = await ok<AnswerDto>(a.sessions.secretariat, answerOf(a.opd.id, '/reopen'), 'POST', { deadline: '2026-05-25', comment: 'Dibuka kembali' });
    assert.equal(answer.deadline, '2026-05-25');
    answer = await ok<AnswerDto>(liaison, answerOf(a.opd.id), 'PUT', { answers: full, submit: true, expectedVersion: answer.rowVersion });
    assert.deepEqual([answer.status, answer.revision], ['SUBMITTED', 2]);
    assert.equal((await problem(otherLiaison, answerOf(pertanian), 'PUT', { answers: full, submit: true, expectedVersion: 0 })).code, 'mapping.answer_deadline_passed');

    const history = await ok<AnswerHistoryDto>(a.sessions.tkksd, answerOf(a.opd.id, '/history'));
    assert.deepEqual(history.submissions.map((s) => [s.revision, (s.answers.kesiapan as { prioritas_opd: string }).prioritas_opd]), [[2, 'tinggi'], [1, 'tinggi']]);
    assert.deepEqual(history.events.map((e) => e.action), ['SAVE', 'SUBMIT', 'RETURN', 'SAVE', 'REOPEN', 'SUBMIT']);
    assert.equal(history.events.find((e) => e.action === 'RETURN')!.comment, 'Lengkapi perkiraan biaya per tahun.');
  });

  it('freezes an answered questionnaire version: an edit makes the next version', async () => {
    const q = await ok<QuestionnaireDto>(a.sessions.secretariat, `/api/mapping/questionnaires/${cycle.questionnaire.id}`);
    assert.ok(q.frozen);
    const edited = { title: q.title, description: q.description, definition: { sections: [...q.definition.sections, { id: 'tambahan', title: 'Tambahan', questions: [{ id: 'catatan', type: 'TEXT', label: 'Catatan' }] }] } };
    const v2 = await ok<QuestionnaireDto>(a.sessions.tkksd, `/api/mapping/questionnaires/${q.id}`, 'PUT', { ...edited, expectedVersion: q.rowVersion });
    assert.notEqual(v2.id, q.id);
    assert.deepEqual([v2.version, v2.frozen, v2.familyId], [2, false, q.familyId]);
    assert.equal((await problem(a.sessions.tkksd, `/api/mapping/questionnaires/${q.id}`, 'PUT', { ...edited, expectedVersion: q.rowVersion })).code, 'mapping.questionnaire_not_latest');
    const bad = await problem(a.sessions.tkksd, `/api/mapping/questionnaires/${v2.id}`, 'PUT', { ...edited, definition: { sections: [{ id: 's', title: 'S', questions: [{ id: 'x', type: 'SINGLE_CHOICE', label: 'X' }] }] }, expectedVersion: v2.rowVersion });
    // Edge validation (zod, strict) answers 400 with the field that is wrong.
    assert.equal(bad.status, 400);
    assert.ok(bad.fields.some((f) => f.startsWith('definition.sections.0.questions.0.options')), bad.fields.join());
    assert.equal((await call(b.sessions.secretariat, `/api/mapping/questionnaires/${q.id}`)).status, 404);
    // The answers already given stay with version 1.
    assert.equal((await ok<AnswerDto>(liaison, answerOf(a.opd.id))).questionnaire.version, 1);
  });

  it('moves through discussion and determination with role guards and coded refusals', async () => {
    await refresh();
    cycle = (await advance(a.sessions.secretariat, 'start_discussion')).body as CycleDto;
    assert.equal(cycle.stage, 'PENYUSUNAN_PEMBAHASAN');
    const role = await problem(a.sessions.secretariat, c('/advance'), 'POST', { action: 'start_determination', expectedVersion: cycle.rowVersion });
    assert.deepEqual([role.status, role.code], [403, 'mapping.stage_role_forbidden']);
    assert.equal((await problem(a.sessions.tkksd, c('/advance'), 'POST', { action: 'start_determination', expectedVersion: cycle.rowVersion })).code, 'mapping.cycle_reviews_pending');
    const answer = await ok<AnswerDto>(a.sessions.tkksd, answerOf(a.opd.id));
    assert.equal((await ok<AnswerDto>(a.sessions.tkksd, answerOf(a.opd.id, '/accept'), 'POST', { expectedVersion: answer.rowVersion })).status, 'ACCEPTED');
    cycle = (await advance(a.sessions.tkksd, 'start_determination')).body as CycleDto;
    assert.equal(cycle.stage, 'PENETAPAN');
    assert.equal((await problem(liaison, answerOf(a.opd.id), 'PUT', { answers: full, expectedVersion: 0 })).code, 'mapping.answer_not_open');
    const early = await problem(a.sessions.tkksd, c('/advance'), 'POST', { action: 'determine', expectedVersion: cycle.rowVersion, decreeNumber: '100.3.3.2/123/2026', decreeDate: '2026-05-30' });
    assert.deepEqual([early.status, early.code], [409, 'mapping.cycle_plenary_missing']);
  });

  it('scores on the rule pack’s weighted criteria, re-ranks when the weights change, decides in a held plenary and prints it; the decree adopts the priorities', async () => {
    type Plenary = PlenaryDto;
    const p = (suffix = '') => c(`/plenary${suffix}`);
    let plenary = await ok<Plenary>(a.sessions.secretariat, p());
    assert.deepEqual(plenary.scoring.criteria.map((k) => [k.key, k.weight]), [['URGENCY', 25], ['ECONOMIC', 20], ['POLITICAL', 15], ['RPJMD', 20], ['MUTUAL_BENEFIT', 20]]);
    assert.equal(plenary.items.length, 3);
    assert.ok(plenary.items.every((i) => !i.complete && i.total === 0));
    const id = (title: string) => plenary.items.find((i) => i.title === title)!.potentialId;
    const [sampah, wisataId, airId] = [id(potensi.judul), id(wisata.judul), id(air.judul)];

    // Edge and rule checks: an unknown criterion, a score off the 1–5 scale, an item of another cycle.
    const bad = await problem(a.sessions.tkksd, p('/scores'), 'PUT', { items: [{ potentialId: sampah, scores: { URGENCY: 6, LOBBY: 3 } }, { potentialId: a.tenant.id, scores: {} }] });
    assert.deepEqual([bad.status, bad.code, bad.fields], [422, 'mapping.plenary_invalid', ['items.0.scores.URGENCY:out_of_range', 'items.0.scores.LOBBY:unknown_criterion', 'items.1.potentialId:not_found']]);
    assert.equal((await problem(liaison, p('/scores'), 'PUT', { items: [{ potentialId: sampah, scores: { URGENCY: 3 } }] })).status, 403);
    assert.equal((await problem(b.sessions.secretariat, p(), 'GET')).status, 404);

    // Sampah is urgent but weak elsewhere; wisata is strong on economics and mutual benefit.
    plenary = await ok<Plenary>(a.sessions.tkksd, p('/scores'), 'PUT', {
      items: [
        { potentialId: sampah, scores: { URGENCY: 5, ECONOMIC: 2, POLITICAL: 3, RPJMD: 3, MUTUAL_BENEFIT: 2 } },
        { potentialId: wisataId, scores: { URGENCY: 2, ECONOMIC: 5, POLITICAL: 3, RPJMD: 3, MUTUAL_BENEFIT: 5 } },
        { potentialId: airId, scores: { URGENCY: 3, ECONOMIC: 3 } },
      ],
    });
    const totals = () => Object.fromEntries(plenary.items.map((i) => [i.title, [i.rank, i.total, i.complete]]));
    // (25·1 + 20·0.25 + 15·0.5 + 20·0.5 + 20·0.25) / 100 = 52.5; wisata (25·0.25 + 20 + 7.5 + 10 + 20) = 63.75.
    assert.deepEqual(totals(), { [wisata.judul]: [1, 63.75, true], [potensi.judul]: [2, 52.5, true], [air.judul]: [3, 22.5, false] });

    // The pemda's rule pack puts urgency first: the same scores rank the other way round at once.
    const weights = plenary.scoring.criteria.map((k) => ({ key: k.key, weight: k.key === 'URGENCY' ? 60 : 10, label: { id: k.label, en: k.label } }));
    const pack = await call(a.sessions.secretariat, '/api/rule-packs', 'POST', { tenantId: a.tenant.id, validFrom: '2026-05-20', note: 'Urgensi diutamakan', rules: { plenaryScoring: { ...plenary.scoring, criteria: weights } } });
    assert.equal(pack.status, 201, JSON.stringify(pack.body));
    plenary = await ok<Plenary>(a.sessions.secretariat, p());
    // Sampah: 60 + 10·(0.25 + 0.5 + 0.5 + 0.25) = 75; wisata: 15 + 10·(1 + 0.5 + 0.5 + 1) = 45.
    assert.deepEqual(totals(), { [potensi.judul]: [1, 75, true], [wisata.judul]: [2, 45, true], [air.judul]: [3, 35, false] });

    // A plenary meeting: invited, attendance, minutes (held).
    const meeting = await ok<{ id: string }>(
      a.sessions.secretariat,
      '/api/meetings',
      'POST',
      { type: 'RAPAT_PLENO_TKKSD', title: 'Rapat Pleno TKKSD Pemetaan 2026', startsAt: '2026-05-20T09:00:00+08:00', endsAt: '2026-05-20T12:00:00+08:00', mode: 'LURING', place: 'Ruang Rapat Setda Kandangan', onlineUrl: null, agenda: [{ title: 'Skala prioritas' }], cooperationId: null, mappingCycleId: cycle.id },
      201,
    );
    const m = (suffix: string) => `/api/meetings/${meeting.id}${suffix}`;
    const decide = (priorityIds: string[], expectedVersion = plenary.rowVersion) => call(a.sessions.tkksd, p('/decision'), 'POST', { meetingId: meeting.id, priorityIds, expectedVersion });
    assert.equal(((await decide([sampah])).body as Problem).code, 'mapping.plenary_meeting_not_held');
    const invited = await ok<{ invitees: { id: string; name: string }[] }>(a.sessions.secretariat, m('/invitations'), 'POST', { userIds: [a.users.tkksd.id, a.users.secretariat.id] });
    await ok(a.sessions.secretariat, m('/minutes'), 'PUT', { minutes: 'Pleno membahas tiga usulan OPD.' });
    assert.equal(((await decide([sampah])).body as Problem).code, 'mapping.plenary_no_attendance');
    await ok(a.sessions.secretariat, m('/attendance'), 'PUT', { marks: invited.invitees.map((i, n) => ({ inviteeId: i.id, attendance: n === 0 ? 'PRESENT' : 'EXCUSED' })), walkIns: [{ name: 'Kepala Bappeda (fiktif)', organisation: 'Bappeda HSS' }] });
    await ok(a.sessions.secretariat, m('/decisions'), 'PUT', { decisions: ['Sekretariat menyiapkan rancangan KSB pengelolaan sampah'] });
    const unscored = await decide([sampah, airId]);
    assert.deepEqual([unscored.status, (unscored.body as Problem).code], [409, 'mapping.plenary_unscored']);
    assert.equal(((await call(a.sessions.tkksd, p('/berita-acara'))).body as Problem).code, 'mapping.plenary_not_decided');

    const decided = await decide([sampah, wisataId]);
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    plenary = decided.body as Plenary;
    assert.deepEqual(plenary.decision!.priorities.map((x) => [x.title, x.rank, x.total]), [[potensi.judul, 1, 75], [wisata.judul, 2, 45]]);
    assert.equal(plenary.decision!.present, 2);
    assert.equal(((await decide([sampah], 0)).body as Problem).code, 'mapping.plenary_stale');
    const statuses = async () => Object.fromEntries((await ok<{ items: { title: string; status: string }[] }>(a.sessions.secretariat, `/api/mapping/potentials?cycleId=${cycle.id}`)).items.map((i) => [i.title, i.status]));
    assert.deepEqual(await statuses(), { [potensi.judul]: 'DIPRIORITASKAN', [wisata.judul]: 'DIPRIORITASKAN', [air.judul]: 'DIUSULKAN' });

    // A second decision replaces the first: wisata goes back to DIUSULKAN.
    plenary = (await decide([sampah])).body as Plenary;
    assert.equal(plenary.rowVersion, 2);
    assert.deepEqual(await statuses(), { [potensi.judul]: 'DIPRIORITASKAN', [wisata.judul]: 'DIUSULKAN', [air.judul]: 'DIUSULKAN' });

    // The documents, in both formats, hold the priority, the weights used and the attendance.
    const text = async (doc: string, format: string) => {
      const res = await ctx().request(p(`/${doc}?format=${format}`), { session: a.sessions.opdStaff });
      assert.equal(res.status, 200);
      const bytes = new Uint8Array(await res.arrayBuffer());

      // Table cells wrap long titles over lines: compare with whitespace folded.
      return (format === 'pdf' ? await extractPdfText(bytes) : await extractDocxText(bytes)).replace(/\s+/g, ' ');
    };
    for (const format of ['pdf', 'docx']) {
      const ba = await text('berita-acara', format);
      for (const expected of ['BERITA ACARA', 'RAPAT PLENO TIM KOORDINASI KERJA SAMA DAERAH', 'KABUPATEN HULU SUNGAI SELATAN', '20 Mei 2026', potensi.judul, 'Kepala Bappeda (fiktif)', a.users.tkksd.name, 'Hadir', 'Izin', 'Urgensi', '60', 'Sekretariat menyiapkan rancangan KSB'])
        assert.ok(ba.includes(expected), `${format} Berita Acara lacks ${expected}`);
      assert.ok(!ba.includes(wisata.judul), 'the dropped item is not a priority');
      const sk = await text('keputusan', format);
      for (const expected of ['KEPUTUSAN BUPATI HULU SUNGAI SELATAN', 'RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH', 'LAMPIRAN', potensi.judul, 'Rp1.500.000.000,00', '2.11 Lingkungan Hidup', ...(format === 'pdf' ? ['RANCANGAN KEPUTUSAN'] : [])])
        assert.ok(sk.includes(expected), `${format} draft SK lacks ${expected}`);
    }

    assert.equal((await problem(a.sessions.tkksd, c('/advance'), 'POST', { action: 'determine', expectedVersion: cycle.rowVersion })).code, 'mapping.cycle_decree_missing');
    cycle = (await advance(a.sessions.tkksd, 'determine', { decreeNumber: '100.3.3.2/123/2026', decreeDate: '2026-05-30' })).body as CycleDto;
    assert.deepEqual([cycle.stage, cycle.decreeNumber, cycle.nextAction], ['DITETAPKAN', '100.3.3.2/123/2026', null]);
    assert.deepEqual(await statuses(), { [potensi.judul]: 'DITETAPKAN', [wisata.judul]: 'DIUSULKAN', [air.judul]: 'DIUSULKAN' });
    assert.ok((await text('keputusan', 'pdf')).includes('100.3.3.2/123/2026'), 'the decree number fills the draft once recorded');
    assert.equal((await problem(a.sessions.tkksd, p('/scores'), 'PUT', { items: [{ potentialId: sampah, scores: { URGENCY: 1 } }] })).code, 'mapping.plenary_not_open');
    assert.equal((await problem(a.sessions.secretariat, c(), 'PATCH', { expectedVersion: cycle.rowVersion, answerDeadline: '2026-06-30' })).code, 'mapping.cycle_not_editable');
  });
});
