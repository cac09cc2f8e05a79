import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevReminderSent, type ReminderItemKind, type ReminderStatus } from './reminders.tables.js';

const uuidArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::uuid[]`;

/** Scheduled milestones of these cooperations due by `until`, with the OPD responsible for their activity. */
export const openMilestonesDueBy = async (db: Db, cooperationIds: readonly string[], until: string) =>
  cooperationIds.length === 0
    ? []
    : ((await db.execute(sql`
    SELECT m.id, m.cooperation_id AS "cooperationId", m.name, m.due_date::text AS "dueDate", a.responsible_opd_id AS "responsibleOpdId"
    FROM work_plan_milestone m LEFT JOIN work_plan_activity a ON a.id = m.activity_id
    WHERE m.cooperation_id = ANY(${uuidArray(cooperationIds)}) AND m.status = 'TERJADWAL' AND m.due_date <= ${until}::date
    ORDER BY m.due_date, m.id`)) as unknown as { rows: { id: string; cooperationId: string; name: string; dueDate: string; responsibleOpdId: string | null }[] }).rows;

/** Obligations not (fully) met, with a due date by `until`. */
export const openObligationsDueBy = async (db: Db, cooperationIds: readonly string[], until: string) =>
  cooperationIds.length === 0
    ? []
    : ((await db.execute(sql`
    SELECT o.id, o.cooperation_id AS "cooperationId", o.description, o.due_date::text AS "dueDate", o.party_org_id AS "partyOrgId"
    FROM work_plan_obligation o
    WHERE o.cooperation_id = ANY(${uuidArray(cooperationIds)}) AND o.status IN ('BELUM_JATUH_TEMPO', 'SEBAGIAN') AND o.due_date IS NOT NULL AND o.due_date <= ${until}::date
    ORDER BY o.due_date, o.id`)) as unknown as { rows: { id: string; cooperationId: string; description: string; dueDate: string; partyOrgId: string }[] }).rows;

/** The moment each cooperation's latest evaluation was finalised. */
export const lastFinalisedEvaluations = async (db: Db, cooperationIds: readonly string[]) =>
  new Map(
    cooperationIds.length === 0
      ? []
      : ((await db.execute(sql`
    SELECT cooperation_id AS "cooperationId", max(finalised_at) AS "finalisedAt" FROM monev_evaluation
    WHERE cooperation_id = ANY(${uuidArray(cooperationIds)}) AND status = 'FINAL' GROUP BY cooperation_id`)) as unknown as {
          rows: { cooperationId: string; finalisedAt: Date | string }[];
        }).rows.map((r) => [r.cooperationId, new Date(r.finalisedAt)] as const),
  );

/** Claims one reminder; false when it was sent before (same item, due date and state). */
export const claimReminder = async (
  db: Db,
  row: { cooperationId: string; itemKind: ReminderItemKind; itemKey: string; dueDate: string; status: ReminderStatus; sentAt: Date },
) => (await db.insert(monevReminderSent).values(row).onConflictDoNothing().returning({ key: monevReminderSent.itemKey })).length > 0;
