import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { cooperationReminder } from './cooperations.tables.js';

const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export const idsToExpire = async (db: Db, states: readonly string[], today: string) =>
  ((await db.execute(sql`SELECT id FROM cooperation WHERE state = ANY(${textArray(states)}) AND end_date < ${today}::date ORDER BY end_date, id`)) as unknown as {
    rows: { id: string }[];
  }).rows.map((r) => r.id);

/** The largest reminder offset any rule pack uses: how far ahead the daily run looks. */
export const maxReminderOffset = async (db: Db) =>
  Number(
    ((await db.execute(sql`SELECT coalesce(max(x::int), 0) AS m FROM rule_pack, jsonb_array_elements_text(rules -> 'expiryReminderDays') x`)) as unknown as { rows: { m: number }[] })
      .rows[0]?.m ?? 0,
  );

export const inForceEndingBy = async (db: Db, states: readonly string[], today: string, withinDays: number) =>
  ((await db.execute(sql`
    SELECT c.id, c.code, c.title, c.end_date::text AS "endDate", c.party_tenant_ids AS "partyTenantIds",
      coalesce((SELECT array_agg(r.offset_days) FROM cooperation_reminder r WHERE r.cooperation_id = c.id AND r.end_date = c.end_date), '{}') AS "sentOffsets"
    FROM cooperation c
    WHERE c.state = ANY(${textArray(states)}) AND c.end_date >= ${today}::date AND c.end_date <= ${today}::date + ${withinDays}::int
    ORDER BY c.end_date, c.id`)) as unknown as { rows: { id: string; code: string; title: string; endDate: string; partyTenantIds: string[]; sentOffsets: number[] }[] }).rows;

export const markSent = async (db: Db, row: typeof cooperationReminder.$inferInsert) => {
  await db.insert(cooperationReminder).values(row).onConflictDoNothing();
};
