import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { signIn } from '../../test/factories.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import { NATIONAL_RUBRIC } from './evaluations.models.js';

type Detail = { progress: number; dormant: boolean; lastMonitoredAt: string | null };

describeEachDatabase('monev: progress and dormancy on the cooperation record', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;

  const send = async (session: TestSession, path: string, method: string, json?: unknown) => {
    const res = await ctx().request(path, { method, json, session });
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${await res.clone().text()}`);

    return (res.status === 204 ? null : await res.json()) as Record<string, unknown>;
  };
  let reader: TestSession;
  const detail = async () => (await send(reader, `/api/cooperations/${id}`, 'GET')) as unknown as Detail;
  /** Moves the clock (months at a time) and signs in again: sessions expire on the way. */
  const at = async (iso: string) => {
    ctx().clock.set(new Date(iso));
    reader = await signIn(ctx(), a.users.secretariat.email);
  };
  const activity = (name: string, extra: Record<string, unknown>) =>
    send(a.sessions.opdStaff, `/api/cooperations/${id}/activities`, 'POST', { name, responsibleOrgId: a.tenant.id, plannedStart: '2026-04-01', plannedEnd: '2026-12-31', ...extra });

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    reader = a.sessions.secretariat;
    id = String((await send(a.sessions.opdStaff, '/api/cooperations', 'POST', ksddInput(a, b))).id);
    // In force since the test clock's day (2 March 2026), signed then.
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-03-01', endDate: '2028-02-29', signedAt: '2026-03-02' }).where(eq(cooperation.id, id));
  });

  it('rolls the activities up onto the record: weighted, completed counts 100, cancelled left out', async () => {
    assert.deepEqual(await detail().then((d) => [d.progress, d.dormant, d.lastMonitoredAt]), [0, false, null]);
    const running = await activity('Pembangunan jaringan', { status: 'BERJALAN', progress: 20, weight: 3 });
    await activity('Sosialisasi', { status: 'SELESAI', progress: 10 });
    await activity('Dibatalkan', { status: 'DIBATALKAN', progress: 0, weight: 50 });
    assert.equal(running.progress, 20);
    assert.equal((await detail()).progress, (3 * 20 + 1 * 100) / 4);
    await send(a.sessions.opdStaff, `/api/cooperations/${id}/activities/${String(running.id)}`, 'PATCH', { expectedVersion: 1, progress: 60 });
    assert.equal((await detail()).progress, (3 * 60 + 100) / 4);
    await send(a.sessions.opdStaff, `/api/cooperations/${id}/activities/${String(running.id)}`, 'DELETE');
    assert.equal((await detail()).progress, 100);
  });

  it('rolls indicators and follow-up agreements in: a KSB is the weighted mean of its own parts and its PKS', async () => {
    const inForce = { state: 'BERLAKU', startDate: '2026-03-01', endDate: '2028-02-29', signedAt: '2026-03-02' } as const;
    const ksb = String((await send(a.sessions.opdStaff, '/api/cooperations', 'POST', { ...ksddInput(a, b), title: 'KSB pengelolaan sampah regional' })).id);
    const pks = String((await send(a.sessions.opdStaff, '/api/cooperations', 'POST', { ...ksddInput(a, b), title: 'PKS TPA regional', parentId: ksb })).id);
    await ctx().db.update(cooperation).set(inForce).where(eq(cooperation.id, ksb));
    await ctx().db.update(cooperation).set(inForce).where(eq(cooperation.id, pks));
    const progressOf = async (cid: string) => ((await send(reader, `/api/cooperations/${cid}`, 'GET')) as unknown as Detail).progress;

    await send(a.sessions.opdStaff, `/api/cooperations/${pks}/activities`, 'POST', { name: 'Konstruksi sel TPA', responsibleOrgId: a.tenant.id, plannedStart: '2026-04-01', plannedEnd: '2026-12-31', status: 'BERJALAN', progress: 40 });
    assert.equal(await progressOf(pks), 40);
    assert.equal(await progressOf(ksb), 40, 'the KSB has nothing of its own yet: its PKS is all of it');

    // An indicator of the PKS half achieved: activities 40 and indicators 50 weigh 1:1 (national rule pack).
    const indicator = await send(a.sessions.secretariat, `/api/cooperations/${pks}/indicators`, 'POST', { name: 'Sampah terangkut', unit: 'ton', baseline: '0', target: '200', frequency: 'YEARLY' });
    await send(a.sessions.secretariat, `/api/cooperations/${pks}/indicators/${String(indicator.id)}/values`, 'PUT', { period: '2026', actual: '100' });
    assert.equal(await progressOf(pks), 45);
    assert.equal(await progressOf(ksb), 45);

    // The KSB's own activity joins its PKS: (own 100 + follow-ups 45) / 2.
    await send(a.sessions.opdStaff, `/api/cooperations/${ksb}/activities`, 'POST', { name: 'Rapat koordinasi', responsibleOrgId: a.tenant.id, plannedStart: '2026-04-01', plannedEnd: '2026-06-30', status: 'SELESAI' });
    assert.equal(await progressOf(ksb), 72.5);
  });

  it('turns "tidak aktif" after the rule pack’s months without monitoring, and a finalised evaluation wakes it', async () => {
    const months = 6; // dormantAfterMonths of the national rule pack
    await at('2026-09-01T16:59:00Z'); // 1 September, 23:59 WIB: not yet six months
    assert.equal((await detail()).dormant, false);
    await at('2026-09-01T17:00:00Z'); // 2 September 00:00 WIB: six months since signing
    assert.equal((await detail()).dormant, true, `${months} months after signing with no evaluation`);

    const opened = await send(reader, `/api/cooperations/${id}/evaluations`, 'POST', { period: '2026-S2' });
    await send(reader, `/api/evaluations/${String(opened.id)}/ratings`, 'PUT', {
      ratings: NATIONAL_RUBRIC.criteria.map((c) => ({ criterion: c.code, score: 3, note: '' })),
    });
    await send(reader, `/api/evaluations/${String(opened.id)}/finalise`, 'POST', { findings: 'Berjalan sesuai rencana', recommendation: 'LANJUT' });
    const after = await detail();
    assert.equal(after.dormant, false);
    assert.equal(after.lastMonitoredAt, ctx().clock.now().toISOString());
    // A record that is not in force is never dormant.
    await at('2027-12-01T00:00:00Z');
    assert.equal((await detail()).dormant, true, 'fifteen months after the evaluation');
    await ctx().db.update(cooperation).set({ state: 'BERAKHIR' }).where(eq(cooperation.id, id));
    assert.equal((await detail()).dormant, false);
  });
});
