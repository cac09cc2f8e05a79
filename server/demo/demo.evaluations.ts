import { sql } from 'drizzle-orm';
import { finaliseEvaluation, NATIONAL_RUBRIC, openEvaluation, putRatings } from '../modules/monev/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

type InForce = { id: string; party_org_ids: string[] };

/** The last three semesters up to today (WIB), oldest first: e.g. 2025-S1, 2025-S2, 2026-S1. */
const recentSemesters = (now: Date) => {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  let year = wib.getUTCFullYear();
  let half = wib.getUTCMonth() < 6 ? 1 : 2;
  const out: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    out.unshift(`${year}-S${half}`);
    if (half === 2) half = 1;
    else {
      half = 2;
      year -= 1;
    }
  }

  return out;
};

/** One score per national criterion, in rubric order. */
const ratings = (scores: readonly number[], notes: Record<number, string> = {}) =>
  NATIONAL_RUBRIC.criteria.map((c, i) => ({ criterion: c.code, score: scores[i] ?? 3, note: notes[i] ?? '', evidenceFileIds: [] }));

/**
 * Monev evaluations for the demo (issue 4, item 4): on two HSS cooperations in force, two finalised
 * semesters (so the cooperation page shows a latest score and a trend, one up and one down), and
 * on the first one the current semester open with partial ratings. Every step goes through the
 * monev use cases as the demo users, so the audit trail names them. Returns how many it opened.
 */
export const seedDemoEvaluations = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<number> => {
  const hss = orgs.get('hss');
  const as = (key: string) => {
    const user = users.get(key);
    if (!user) throw new Error(`demo evaluations need the demo user ${key}`);

    return { db: tx, clock, lang: 'id' as const, ...demoActor(user, orgs) };
  };
  if (!hss) return 0;
  const result = (await tx.execute(
    sql`SELECT id, party_org_ids FROM cooperation WHERE state IN ('BERLAKU', 'DIADENDUM') AND ${hss.id}::uuid = ANY(party_tenant_ids) ORDER BY created_at, id LIMIT 2`,
  )) as unknown as { rows: InForce[] };
  const [older, previous, current] = recentSemesters(clock.now());
  const secretariat = as('sekretariat.hss');
  const partner = orgs.get('partner.pt');
  // Semester scores per cooperation: the first improves, the second slips.
  const plans = [
    { first: [3, 2, 3, 3, 4, 3, 4], second: [4, 4, 4, 3, 4, 4, 4], recommendations: ['PERBAIKI', 'LANJUT'] as const },
    { first: [4, 4, 4, 4, 4, 3, 4], second: [3, 2, 3, 3, 3, 3, 3], recommendations: ['LANJUT', 'PERBAIKI'] as const },
  ];
  const findings = {
    PERBAIKI: 'Realisasi anggaran dan kegiatan tertinggal dari rencana; para pihak perlu menyepakati jadwal percepatan.',
    LANJUT: 'Kegiatan berjalan sesuai rencana kerja dan manfaatnya dirasakan masyarakat; kerja sama dilanjutkan.',
  };
  let opened = 0;

  for (const [index, c] of result.rows.entries()) {
    const plan = plans[index]!;
    const raters = ['tkksd.ketua.hss', 'kadis.pupr.hss', ...(partner && c.party_org_ids.includes(partner.id) ? ['mitra.banuatirta'] : [])];
    for (const [step, period] of [older!, previous!].entries()) {
      const scores = step === 0 ? plan.first : plan.second;
      const evaluation = await openEvaluation({ ...secretariat, cooperationId: c.id, input: { period } });
      await putRatings({ ...secretariat, id: evaluation.id, input: { ratings: ratings(scores, { 1: 'Berdasarkan laporan realisasi anggaran semester.' }) } });
      for (const [r, key] of raters.entries()) {
        // Raters differ a little from the secretariat, as real raters do.
        await putRatings({ ...as(key), id: evaluation.id, input: { ratings: ratings(scores.map((s, i) => Math.min(5, Math.max(1, s + ((i + r) % 3 === 0 ? 1 : (i + r) % 3 === 1 ? -1 : 0))))) } });
      }
      const recommendation = plan.recommendations[step]!;
      await finaliseEvaluation({ ...secretariat, id: evaluation.id, input: { findings: findings[recommendation], recommendation } });
      opened += 1;
    }
  }

  const first = result.rows[0];
  if (first && current) {
    // The semester under way: open, rated so far only by the TKKSD chair and the OPD head.
    const evaluation = await openEvaluation({ ...secretariat, cooperationId: first.id, input: { period: current } });
    await putRatings({ ...as('tkksd.ketua.hss'), id: evaluation.id, input: { ratings: ratings([4, 3, 4, 4, 5, 4, 4]).slice(0, 5) } });
    await putRatings({ ...as('kadis.pupr.hss'), id: evaluation.id, input: { ratings: ratings([4, 4, 3, 4, 4, 4, 5], { 0: 'Dua dari tiga kegiatan semester ini berjalan.' }).slice(0, 3) } });
    opened += 1;
  }

  return opened;
};
