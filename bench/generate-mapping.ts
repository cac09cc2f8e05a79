import { sql } from 'drizzle-orm';
import type { Db } from '../server/platform/db/database.js';
import { NATIONAL_DEFAULTS } from '../server/modules/cooperations/rulepack.models.js';
import { defaultSchedule, mappingEnd, STAGES, WORK_STAGES, type Stage } from '../server/modules/mapping/cycles.models.js';
import { DEFAULT_QUESTIONNAIRE } from '../server/modules/mapping/index.js';

/**
 * This year's Pemetaan Potensi across the nation, on top of the generated pemda: about one pemda
 * in twenty-five has no cycle yet, a few are still preparing, most are mapping or discussing, and
 * about a third are determining or have determined (DITETAPKAN) their register. Each cycle has
 * the tenant's own copy of the shipped questionnaire, its OPDs as participants and their answers
 * (draft, submitted, returned or accepted), and every accepted answer's items are in the register
 * of potentials — 40 to 60 per answer, over 100,000 nationally — with real urusan codes, strategic
 * issues, the pemda as location, and the statuses the TKKSD gave them (some cancelled).
 * Set-based SQL (INSERT … SELECT), deterministic from the row ids, like generate-monev.ts.
 * The answer history (mapping_answer_event) is not generated: no overview reads it.
 */
export type MappingData = {
  year: number;
  cycles: number;
  determined: number;
  noCycle: number;
  participants: number;
  answers: number;
  accepted: number;
  potentials: number;
  cancelled: number;
  seconds: number;
};

/** A stable number 0–999 from a uuid, so the same row always gets the same figures. */
const h = (col: string, salt: number | string) => sql.raw(`(('x' || substr(md5(${col}::text || ${typeof salt === 'number' ? `'${salt}'` : salt}), 1, 6))::bit(24)::int % 1000)`);

const TITLES = {
  POTENSI: ['Wisata bahari', 'Kopi arabika', 'Sapi potong', 'Perikanan tangkap', 'Kerajinan tenun', 'Padi organik', 'Energi surya atap', 'Kawasan industri kecil', 'Hutan rakyat', 'Sumber air baku', 'Rumput laut', 'Kakao fermentasi'],
  KEBUTUHAN: ['Instalasi pengolahan lumpur tinja', 'Tenaga dokter spesialis', 'Pelatihan aparatur desa', 'Sistem informasi kepegawaian', 'Rumah potong hewan', 'Armada pemadam kebakaran', 'Laboratorium mutu pangan', 'Beasiswa vokasi'],
  PERMASALAHAN: ['Sampah di daerah aliran sungai bersama', 'Banjir lintas batas', 'Jalan penghubung antar-kabupaten rusak', 'Kebakaran hutan dan lahan', 'Stunting di wilayah perbatasan', 'Konflik tapal batas desa', 'Pencemaran pesisir', 'Kemacetan kawasan aglomerasi'],
} as const;

const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

const count = async (db: Db, query: string) => Number(((await db.execute(sql.raw(query))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

/** A cycle's schedule as it stands in `stage`: the stages before it started and ended, the current one started. */
const scheduleAt = (start: string, stage: Stage) => {
  const current = STAGES.indexOf(stage);

  return defaultSchedule(NATIONAL_DEFAULTS.mappingStages.stages, start).map((s, i) => ({
    ...s,
    startedAt: i <= current ? `${s.plannedStart}T02:00:00.000Z` : null,
    endedAt: i < current ? `${s.plannedEnd}T09:00:00.000Z` : null,
  }));
};

export const generateMapping = async (db: Db, year: number): Promise<MappingData> => {
  const started = performance.now();
  const start = `${year}-02-02`;
  const schedules = Object.fromEntries(STAGES.map((s) => [s, scheduleAt(start, s)]));
  const answerDeadline = mappingEnd(schedules.PERSIAPAN!);
  const determinedOn = schedules.DITETAPKAN!.find((s) => s.stage === WORK_STAGES[3])!.plannedEnd;
  const pemda = sql`organization o WHERE o.type = 'PEMDA' AND o.id = o.tenant_id AND o.active`;
  // The stage of a pemda's cycle; below 40 (one in twenty-five) it has none this year.
  const stageOf = sql`CASE WHEN ${h('o.id', 101)} < 40 THEN NULL WHEN ${h('o.id', 101)} < 100 THEN 'PERSIAPAN' WHEN ${h('o.id', 101)} < 400 THEN 'PROSES_PEMETAAN'
    WHEN ${h('o.id', 101)} < 650 THEN 'PENYUSUNAN_PEMBAHASAN' WHEN ${h('o.id', 101)} < 820 THEN 'PENETAPAN' ELSE 'DITETAPKAN' END`;

  // The tenant's own copy of the shipped questionnaire (what creating a cycle makes), for the pemda with a cycle.
  await db.execute(sql`
    INSERT INTO mapping_questionnaire (tenant_id, family_id, version, title, description, definition, is_default, created_at, updated_at)
    SELECT o.id, gen_random_uuid(), 1, ${DEFAULT_QUESTIONNAIRE.title}, ${DEFAULT_QUESTIONNAIRE.description}, ${JSON.stringify(DEFAULT_QUESTIONNAIRE.definition)}::jsonb, true, now(), now()
    FROM ${pemda} AND ${stageOf} IS NOT NULL`);
  await db.execute(sql`
    INSERT INTO mapping_cycle (tenant_id, year, stage, questionnaire_id, answer_deadline, schedule, decree_number, decree_date, created_by, created_at, updated_at)
    SELECT o.id, ${year}, s.stage, q.id, ${answerDeadline}::date, ${JSON.stringify(schedules)}::jsonb -> s.stage,
           CASE WHEN s.stage = 'DITETAPKAN' THEN 'Keputusan Kepala Daerah Nomor ' || (100 + ${h('o.id', 102)}) || '/KSD/' || ${year} END,
           CASE WHEN s.stage = 'DITETAPKAN' THEN ${determinedOn}::date END,
           (SELECT u.id FROM app_user u WHERE u.org_id = o.id ORDER BY u.email LIMIT 1), now(), now()
    FROM organization o JOIN mapping_questionnaire q ON q.tenant_id = o.id
    CROSS JOIN LATERAL (SELECT ${stageOf} AS stage) s
    WHERE o.type = 'PEMDA' AND o.id = o.tenant_id AND o.active AND s.stage IS NOT NULL`);
  // Every OPD of the pemda takes part (as createCycle sets it).
  await db.execute(sql`
    INSERT INTO mapping_cycle_participant (cycle_id, org_id)
    SELECT c.id, u.id FROM mapping_cycle c JOIN organization u ON u.tenant_id = c.tenant_id AND u.type = 'OPD' AND u.active
    WHERE c.year = ${year}`);

  // Answers once the mapping runs, with their items in the answer JSON; an accepted answer's items
  // are in the register (what acceptance extracts). One statement: the items are computed once.
  await db.execute(sql`
    WITH urusan_codes AS (SELECT array_agg(code ORDER BY code) AS codes FROM urusan),
    issues AS (SELECT coalesce(array_agg(id ORDER BY sort, code), '{}') AS ids FROM strategic_issue WHERE active),
    answered AS (
      SELECT c.id AS cycle_id, c.tenant_id, c.questionnaire_id, c.stage, p.org_id, org.region_code, 40 + ${h('p.org_id', 103)} % 21 AS n,
             CASE c.stage
               WHEN 'PROSES_PEMETAAN' THEN CASE WHEN ${h('p.org_id', 104)} < 450 THEN 'ACCEPTED' WHEN ${h('p.org_id', 104)} < 650 THEN 'SUBMITTED'
                                                WHEN ${h('p.org_id', 104)} < 750 THEN 'RETURNED' WHEN ${h('p.org_id', 104)} < 900 THEN 'DRAFT' END
               WHEN 'PENYUSUNAN_PEMBAHASAN' THEN CASE WHEN ${h('p.org_id', 104)} < 850 THEN 'ACCEPTED' WHEN ${h('p.org_id', 104)} < 950 THEN 'SUBMITTED' ELSE 'RETURNED' END
               ELSE 'ACCEPTED' END AS status
      FROM mapping_cycle c JOIN mapping_cycle_participant p ON p.cycle_id = c.id JOIN organization org ON org.id = c.tenant_id
      WHERE c.year = ${year} AND c.stage <> 'PERSIAPAN'
    ),
    items AS (
      SELECT a.cycle_id, a.org_id, k.section_id, k.kind, (i - 1) / 3 AS item_index,
             (${textArray(TITLES.POTENSI)})[1 + ${h('a.org_id', `'t' || i`)} % ${TITLES.POTENSI.length}] AS potensi_title,
             (${textArray(TITLES.KEBUTUHAN)})[1 + ${h('a.org_id', `'t' || i`)} % ${TITLES.KEBUTUHAN.length}] AS kebutuhan_title,
             (${textArray(TITLES.PERMASALAHAN)})[1 + ${h('a.org_id', `'t' || i`)} % ${TITLES.PERMASALAHAN.length}] AS permasalahan_title,
             CASE WHEN ${h('a.org_id', `'u' || i`)} < 300
                  THEN ARRAY[u.codes[1 + ${h('a.org_id', `'v' || i`)} % cardinality(u.codes)], u.codes[1 + (${h('a.org_id', `'v' || i`)} + 7) % cardinality(u.codes)]]
                  ELSE ARRAY[u.codes[1 + ${h('a.org_id', `'v' || i`)} % cardinality(u.codes)]] END AS urusan_codes,
             CASE WHEN cardinality(s.ids) = 0 OR ${h('a.org_id', `'s' || i`)} < 350 THEN '{}'::uuid[]
                  WHEN ${h('a.org_id', `'s' || i`)} < 850 THEN ARRAY[s.ids[1 + ${h('a.org_id', `'w' || i`)} % cardinality(s.ids)]]
                  ELSE ARRAY[s.ids[1 + ${h('a.org_id', `'w' || i`)} % cardinality(s.ids)], s.ids[1 + (${h('a.org_id', `'w' || i`)} + 3) % cardinality(s.ids)]] END AS issue_ids,
             CASE WHEN ${h('a.org_id', `'c' || i`)} < 600 THEN ((${h('a.org_id', `'d' || i`)} + 1)::bigint * 25000000)::numeric(18, 2) END AS cost,
             CASE a.stage
               WHEN 'PROSES_PEMETAAN' THEN CASE WHEN ${h('a.org_id', `'p' || i`)} < 60 THEN 'DIBATALKAN' ELSE 'DIUSULKAN' END
               WHEN 'PENYUSUNAN_PEMBAHASAN' THEN CASE WHEN ${h('a.org_id', `'p' || i`)} < 100 THEN 'DIBATALKAN' WHEN ${h('a.org_id', `'p' || i`)} < 500 THEN 'DIPRIORITASKAN' ELSE 'DIUSULKAN' END
               WHEN 'PENETAPAN' THEN CASE WHEN ${h('a.org_id', `'p' || i`)} < 150 THEN 'DIBATALKAN' WHEN ${h('a.org_id', `'p' || i`)} < 750 THEN 'DIPRIORITASKAN' ELSE 'DIUSULKAN' END
               ELSE CASE WHEN ${h('a.org_id', `'p' || i`)} < 200 THEN 'DIBATALKAN' ELSE 'DITETAPKAN' END END AS item_status,
             a.region_code
      FROM answered a CROSS JOIN urusan_codes u CROSS JOIN issues s CROSS JOIN LATERAL generate_series(1, a.n) AS i
      CROSS JOIN LATERAL (SELECT CASE i % 3 WHEN 1 THEN 'potensi' WHEN 2 THEN 'kebutuhan' ELSE 'permasalahan' END AS section_id,
                                 CASE i % 3 WHEN 1 THEN 'POTENSI' WHEN 2 THEN 'KEBUTUHAN' ELSE 'PERMASALAHAN' END AS kind) k
      WHERE a.status IS NOT NULL
    ),
    titled AS (
      SELECT i.*, CASE i.kind WHEN 'POTENSI' THEN i.potensi_title WHEN 'KEBUTUHAN' THEN i.kebutuhan_title ELSE i.permasalahan_title END || ' ' || (i.item_index + 1) AS title
      FROM items i
    ),
    sections AS (
      SELECT cycle_id, org_id, section_id,
             jsonb_agg(jsonb_build_object('judul', title, 'uraian', 'Uraian ' || lower(title), 'urusan', to_jsonb(urusan_codes), 'isu_strategis', to_jsonb(issue_ids),
                                          'lokasi', jsonb_build_array(region_code), 'manfaat', 'Manfaat bagi masyarakat', 'perkiraan_biaya', cost::text) ORDER BY item_index) AS list
      FROM titled GROUP BY cycle_id, org_id, section_id
    ),
    answer_json AS (
      SELECT cycle_id, org_id, jsonb_object_agg(section_id, list) || jsonb_build_object('kesiapan', jsonb_build_object('prioritas_opd', 'tinggi', 'pengalaman', 1)) AS answers
      FROM sections GROUP BY cycle_id, org_id
    ),
    inserted AS (
      INSERT INTO mapping_answer (cycle_id, tenant_id, org_id, questionnaire_id, status, answers, revision, review_comment, submitted_at, submitted_by_name, reviewed_at, reviewed_by_name, created_at, updated_at)
      SELECT a.cycle_id, a.tenant_id, a.org_id, a.questionnaire_id, a.status, j.answers,
             CASE WHEN a.status = 'DRAFT' THEN 0 WHEN a.status = 'ACCEPTED' AND ${h('a.org_id', 105)} < 200 THEN 2 ELSE 1 END,
             CASE WHEN a.status = 'RETURNED' THEN 'Lengkapi uraian dan perkiraan biaya.' END,
             CASE WHEN a.status <> 'DRAFT' THEN now() - interval '20 days' END, CASE WHEN a.status <> 'DRAFT' THEN 'PPKSD OPD' END,
             CASE WHEN a.status IN ('RETURNED', 'ACCEPTED') THEN now() - interval '10 days' END, CASE WHEN a.status IN ('RETURNED', 'ACCEPTED') THEN 'Sekretaris TKKSD' END,
             now() - interval '30 days', now() - interval '10 days'
      FROM answered a JOIN answer_json j ON j.cycle_id = a.cycle_id AND j.org_id = a.org_id
      WHERE a.status IS NOT NULL
      RETURNING id, cycle_id, tenant_id, org_id, status
    )
    INSERT INTO mapping_potential (tenant_id, cycle_id, answer_id, org_id, section_id, item_index, source_title, kind, title, description, urusan_codes, issue_ids,
                                   location_codes, candidate_partners, expected_benefit, cost_estimate_idr, status, status_reason, created_at, updated_at)
    SELECT n.tenant_id, n.cycle_id, n.id, n.org_id, t.section_id, t.item_index, t.title, t.kind, t.title, 'Uraian ' || lower(t.title), t.urusan_codes, t.issue_ids,
           ARRAY[t.region_code], '', 'Manfaat bagi masyarakat', t.cost, t.item_status, CASE WHEN t.item_status = 'DIBATALKAN' THEN 'Tidak sesuai prioritas daerah' END,
           now() - interval '10 days', now() - interval '5 days'
    FROM inserted n JOIN titled t ON t.cycle_id = n.cycle_id AND t.org_id = n.org_id
    WHERE n.status = 'ACCEPTED'`);

  // Dead tuples and missing statistics would make the overview look slower than it is (BENCHMARKS.md notes).
  for (const table of ['mapping_questionnaire', 'mapping_cycle', 'mapping_cycle_participant', 'mapping_answer', 'mapping_potential']) await db.execute(sql.raw(`VACUUM ANALYZE ${table}`));

  const y = year;

  return {
    year: y,
    cycles: await count(db, `SELECT count(*)::int AS n FROM mapping_cycle WHERE year = ${y}`),
    determined: await count(db, `SELECT count(*)::int AS n FROM mapping_cycle WHERE year = ${y} AND stage = 'DITETAPKAN'`),
    noCycle: await count(db, `SELECT count(*)::int AS n FROM organization o WHERE o.type = 'PEMDA' AND o.id = o.tenant_id AND o.active AND NOT EXISTS (SELECT 1 FROM mapping_cycle c WHERE c.tenant_id = o.id AND c.year = ${y})`),
    participants: await count(db, `SELECT count(*)::int AS n FROM mapping_cycle_participant`),
    answers: await count(db, `SELECT count(*)::int AS n FROM mapping_answer`),
    accepted: await count(db, `SELECT count(*)::int AS n FROM mapping_answer WHERE status = 'ACCEPTED'`),
    potentials: await count(db, `SELECT count(*)::int AS n FROM mapping_potential`),
    cancelled: await count(db, `SELECT count(*)::int AS n FROM mapping_potential WHERE status = 'DIBATALKAN'`),
    seconds: (performance.now() - started) / 1000,
  };
};
