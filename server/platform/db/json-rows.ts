import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Turns a row that PostgreSQL serialised with row_to_json/json_agg (snake_case keys) back into
 * the typed row drizzle would have returned, through each column's own driver mapping. It lets a
 * repository fetch a record and its children in one round trip without hand-written mappers.
 * Numeric columns must be cast to text in the SQL: JSON numbers lose the scale ("1500000.00").
 */
export const rowFromJson = <T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] => {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }

  return out as T['$inferSelect'];
};

/** A json/jsonb value as the driver returned it: PGlite and node-postgres parse it, but be sure. */
export const parsedJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
