import { sql } from 'drizzle-orm';
import type { Db } from '../server/platform/db/database.js';
import { rebuildMonevSummaries } from '../server/modules/monev/index.js';

/**
 * Monitoring data on top of the generated register: for every cooperation that was signed (in
 * force, amended, in dispute, ended or terminated) a work plan of three activities with budgets
 * and realisation, two milestones, an obligation per party, two yearly indicators with values,
 * fourteen monthly progress updates, and a monitoring history that leaves about one in five of
 * those in force quiet ("tidak aktif"). Everything is generated set-based in SQL (INSERT … SELECT over the cooperation rows),
 * deterministic from the row ids, so both engines get the same figures in seconds.
 */
export type MonevData = { activities: number; milestones: number; obligations: number; indicators: number; indicatorValues: number; updates: number; seconds: number };

const SIGNED_STATES = `('BERLAKU','DIADENDUM','SENGKETA','BERAKHIR','DIAKHIRI')`;

/** A stable number 0–999 from a uuid, so the same row always gets the same figures. */
const h = (col: string, salt: number | string) => `(('x' || substr(md5(${col}::text || ${typeof salt === 'number' ? `'${salt}'` : salt}), 1, 6))::bit(24)::int % 1000)`;

const count = async (db: Db, table: string) => {
  const result = (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as { rows: { n: number }[] };

  return Number(result.rows[0]!.n);
};

export const generateMonev = async (db: Db): Promise<MonevData> => {
  const started = performance.now();
  const by = `(SELECT id FROM app_user ORDER BY created_at LIMIT 1)`;
  // Three activities per signed cooperation, on its first party, spread over its term.
  await db.execute(
    sql.raw(`
    INSERT INTO work_plan_activity (cooperation_id, name, responsible_org_id, planned_start, planned_end, budget, realisation, outputs, status, weight, progress, created_by, created_at, updated_by, updated_at)
    SELECT c.id, 'Kegiatan ' || n || ' ' || left(c.title, 60), c.party_org_ids[1],
           coalesce(c.start_date, c.signed_at, DATE '2024-01-01') + (n - 1) * 90,
           coalesce(c.start_date, c.signed_at, DATE '2024-01-01') + (n - 1) * 90 + 180,
           (${h('c.id', 1)} + 1)::numeric * 1000000, (${h('c.id', 2)} % 800 + 1)::numeric * 1000000 * n / 3, ARRAY['Keluaran ' || n],
           CASE WHEN ${h('c.id', `'3' || n`)} < 300 THEN 'SELESAI' WHEN ${h('c.id', 4)} < 900 THEN 'BERJALAN' ELSE 'TERTUNDA' END,
           n, CASE WHEN ${h('c.id', `'3' || n`)} < 300 THEN 100 ELSE ${h('c.id', 5)} % 100 END, ${by}, now(), ${by}, now()
    FROM cooperation c CROSS JOIN generate_series(1, 3) AS n
    WHERE c.state IN ${SIGNED_STATES}`),
  );
  await db.execute(
    sql.raw(`
    INSERT INTO work_plan_milestone (cooperation_id, activity_id, name, due_date, status, created_by, created_at, updated_by, updated_at)
    SELECT a.cooperation_id, a.id, 'Tonggak ' || a.name, a.planned_end,
           CASE WHEN a.status = 'SELESAI' THEN 'TERCAPAI' WHEN a.planned_end < current_date THEN 'TIDAK_TERCAPAI' ELSE 'TERJADWAL' END,
           ${by}, now(), ${by}, now()
    FROM work_plan_activity a WHERE a.weight IN (1, 3)`),
  );
  await db.execute(
    sql.raw(`
    INSERT INTO work_plan_obligation (cooperation_id, party_org_id, description, due_date, status, created_by, created_at, updated_by, updated_at)
    SELECT c.id, p.org_id, 'Kewajiban para pihak', coalesce(c.end_date, DATE '2027-12-31') - 30,
           CASE WHEN ${h('p.org_id', 6)} < 500 THEN 'DIPENUHI' ELSE 'BELUM_JATUH_TEMPO' END, ${by}, now(), ${by}, now()
    FROM cooperation c JOIN cooperation_party p ON p.cooperation_id = c.id
    WHERE c.state IN ${SIGNED_STATES}`),
  );
  await db.execute(
    sql.raw(`
    INSERT INTO monev_indicator (cooperation_id, name, unit, baseline, target, direction, frequency, weight, created_by, created_at, updated_by, updated_at)
    SELECT c.id, CASE n WHEN 1 THEN 'Cakupan layanan' ELSE 'Jumlah penerima manfaat' END, CASE n WHEN 1 THEN '%' ELSE 'orang' END,
           0, CASE n WHEN 1 THEN 100 ELSE 1000 END, 'INCREASE', 'YEARLY', 1, ${by}, now(), ${by}, now()
    FROM cooperation c CROSS JOIN generate_series(1, 2) AS n
    WHERE c.state IN ${SIGNED_STATES}`),
  );
  await db.execute(
    sql.raw(`
    INSERT INTO monev_indicator_value (indicator_id, period, actual, recorded_by, recorded_at)
    SELECT i.id, y::text, i.target * (${h('i.id', 7)} % 130) / 100 * (y - 2023) / 3, ${by}, now()
    FROM monev_indicator i CROSS JOIN generate_series(2024, 2026) AS y`),
  );
  // Fourteen monthly progress updates per signed cooperation (about 530,000 nationally): the
  // latest waits for review in one of ten cooperations, one in twenty was returned, the rest approved.
  await db.execute(
    sql.raw(`
    WITH author AS (SELECT id, name, org_id FROM app_user ORDER BY created_at LIMIT 1)
    INSERT INTO monev_progress_update (cooperation_id, tenant_id, series_id, revision, status, as_of, narrative, activity_lines, indicator_lines, evidence,
                                       author_id, author_name, author_org_id, submitted_at, reviewed_by, reviewed_by_name, reviewed_at, approved_at, created_at, updated_at)
    SELECT c.id, coalesce(c.tenant_id, c.party_tenant_ids[1]), gen_random_uuid(), 1, st.status,
           coalesce(c.signed_at, DATE '2024-01-01') + n * 30, 'Pembaruan kemajuan bulan ke-' || n, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb,
           au.id, au.name, au.org_id, ts.at, CASE WHEN st.status = 'SUBMITTED' THEN NULL ELSE au.id END, CASE WHEN st.status = 'SUBMITTED' THEN NULL ELSE au.name END,
           CASE WHEN st.status = 'SUBMITTED' THEN NULL ELSE ts.at + interval '2 days' END, CASE WHEN st.status = 'APPROVED' THEN ts.at + interval '2 days' END, ts.at, ts.at
    FROM cooperation c CROSS JOIN generate_series(1, 14) AS n CROSS JOIN author au
    CROSS JOIN LATERAL (SELECT (coalesce(c.signed_at, DATE '2024-01-01') + n * 30)::timestamptz + interval '3 hours' AS at) ts
    CROSS JOIN LATERAL (SELECT CASE WHEN n = 14 AND ${h('c.id', 10)} < 100 THEN 'SUBMITTED' WHEN ${h('c.id', `'11' || n`)} < 50 THEN 'RETURNED' ELSE 'APPROVED' END AS status) st
    WHERE c.state IN ${SIGNED_STATES}`),
  );
  // Rolled-up progress and the last monitoring: a fifth of the signed cooperations went quiet a year ago.
  await db.execute(
    sql.raw(`
    UPDATE cooperation c SET progress = s.progress,
           last_monitored_at = CASE WHEN ${h('c.id', 8)} < 200 THEN now() - interval '400 days' ELSE now() - (${h('c.id', 9)} % 120) * interval '1 day' END
    FROM (SELECT cooperation_id, round(sum(progress * weight) / sum(weight), 2) AS progress FROM work_plan_activity GROUP BY cooperation_id) s
    WHERE s.cooperation_id = c.id`),
  );

  // The per-cooperation summary dashboards read, as the use cases would have kept it.
  await rebuildMonevSummaries(db);
  // The progress UPDATE above left a dead copy of 40,000 cooperation rows; without VACUUM every
  // register query walked them (measured: 9–17 ms → 1–4 ms per register query on PostgreSQL).
  for (const table of ['cooperation', 'work_plan_activity', 'monev_indicator', 'monev_indicator_value', 'monev_progress_update', 'monev_summary']) await db.execute(sql.raw(`VACUUM ANALYZE ${table}`));

  return {
    activities: await count(db, 'work_plan_activity'),
    milestones: await count(db, 'work_plan_milestone'),
    obligations: await count(db, 'work_plan_obligation'),
    indicators: await count(db, 'monev_indicator'),
    indicatorValues: await count(db, 'monev_indicator_value'),
    updates: await count(db, 'monev_progress_update'),
    seconds: (performance.now() - started) / 1000,
  };
};
