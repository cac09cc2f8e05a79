import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildUser, signIn } from '../../test/factories.js';
import { auditLog } from '../audit/audit.tables.js';
import type { AnswerDto, AnswerHistoryDto } from './answers.schemas.js';
import type { CycleDto } from './cycles.schemas.js';
import type { QuestionnaireDto } from './questionnaires.schemas.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

const potensi = { judul: 'Pengelolaan sampah DAS Amandit', uraian: 'Sampah dari hulu terbawa ke hilir.', urusan: ['2.11'], lokasi: ['63.06'], manfaat: 'Sungai bersih', perkiraan_biaya: '1500000000.00' };
const full = { kesiapan: { prioritas_opd: 'tinggi', pengalaman: 2 }, potensi: [potensi] };

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
    assert.equal((await problem(a.sessions.tkksd, c('/advance'), 'POST', { action: 'determine', expectedVersion: cycle.rowVersion })).code, 'mapping.cycle_decree_missing');
    cycle = (await advance(a.sessions.tkksd, 'determine', { decreeNumber: '100.3.3.2/123/2026', decreeDate: '2026-05-30' })).body as CycleDto;
    assert.deepEqual([cycle.stage, cycle.decreeNumber, cycle.nextAction], ['DITETAPKAN', '100.3.3.2/123/2026', null]);
    assert.equal((await problem(a.sessions.secretariat, c(), 'PATCH', { expectedVersion: cycle.rowVersion, answerDeadline: '2026-06-30' })).code, 'mapping.cycle_not_editable');
  });
});
