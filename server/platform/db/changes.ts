import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * The newest change a reader can see in the tables that carry the note_data_change trigger
 * (migration 0023, ADR 0024): a cache entry made at version v is still right while this returns v.
 * One backward step of the primary key index, so it is cheap enough to ask on every request.
 */
export const latestDataChange = async (db: Db): Promise<string> => {
  const result = (await db.execute(sql`SELECT max(seq)::text AS seq FROM data_change`)) as unknown as { rows: { seq: string | null }[] };

  return result.rows[0]?.seq ?? '0';
};

/** Drops every change row but the newest: only the newest number is ever compared. */
export const pruneDataChanges = async (db: Db) => {
  await db.execute(sql`DELETE FROM data_change WHERE seq < (SELECT max(seq) FROM data_change)`);
};
