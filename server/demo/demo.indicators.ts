import { sql } from 'drizzle-orm';
import { createIndicator, recordIndicatorValue } from '../modules/monev/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

/** The last four quarters before the current one (WIB), oldest first: e.g. 2025-Q2 … 2026-Q1. */
const pastQuarters = (now: Date) => {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  let year = wib.getUTCFullYear();
  let quarter = Math.floor(wib.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
    out.unshift(`${year}-Q${quarter}`);
  }

  return out;
};

type InForce = { id: string; activity_id: string | null };

/**
 * Indicators for the demo (issue 4, item 2): on up to three HSS cooperations in force, a
 * household-connection indicator (tied to the first work plan activity when there is one) and a
 * decreasing one, with four quarters of values that move towards the target at different paces.
 * Recorded by the HSS secretariat through the monev use cases. Returns how many it created.
 */
export const seedDemoIndicators = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<number> => {
  const hss = orgs.get('hss');
  const user = users.get('sekretariat.hss');
  if (!hss || !user) return 0;
  const as = { db: tx, clock, lang: 'id' as const, ...demoActor(user, orgs) };
  const result = (await tx.execute(
    sql`SELECT c.id, (SELECT a.id FROM work_plan_activity a WHERE a.cooperation_id = c.id ORDER BY a.planned_start, a.created_at LIMIT 1) AS activity_id
        FROM cooperation c WHERE c.state IN ('BERLAKU', 'DIADENDUM') AND ${hss.id}::uuid = ANY(c.party_tenant_ids) ORDER BY c.created_at, c.id LIMIT 3`,
  )) as unknown as { rows: InForce[] };
  const quarters = pastQuarters(clock.now());
  // Actuals per quarter, per cooperation: the first is on track, the second slow, the third stalled.
  const paces = [
    { connections: ['120', '210', '300', '380'], waste: ['42', '38', '35', '31'] },
    { connections: ['40', '60', '75', '90'], waste: ['45', '44', '44', '43'] },
    { connections: ['20', '20', '20', '20'], waste: ['46', '46', '47', '47'] },
  ];
  let created = 0;
  for (const [index, c] of result.rows.entries()) {
    const pace = paces[index]!;
    const connections = await createIndicator({
      ...as,
      cooperationId: c.id,
      input: { name: 'Sambungan rumah baru terlayani', unit: 'rumah tangga', baseline: '0', target: '500', direction: 'INCREASE', frequency: 'QUARTERLY', byRegion: false, weight: 2, activityId: c.activity_id },
    });
    const waste = await createIndicator({
      ...as,
      cooperationId: c.id,
      input: { name: 'Sampah tidak terangkut', unit: '%', baseline: '48', target: '25', direction: 'DECREASE', frequency: 'QUARTERLY', byRegion: false, weight: 1 },
    });
    created += 2;
    for (const [q, period] of quarters.entries()) {
      await recordIndicatorValue({ ...as, cooperationId: c.id, indicatorId: connections.id, input: { period, actual: pace.connections[q]!, note: q === 3 ? 'Data PDAM per akhir triwulan.' : '' } });
      await recordIndicatorValue({ ...as, cooperationId: c.id, indicatorId: waste.id, input: { period, actual: pace.waste[q]!, note: '' } });
    }
  }

  return created;
};
