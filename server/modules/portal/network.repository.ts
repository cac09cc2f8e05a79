import { sql } from 'drizzle-orm';
import type { Kind } from '../../../contracts/cooperations.js';
import type { PublicRef } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import type { NetworkEntry } from './network.models.js';

export type NetworkFilter = { kind?: Kind | undefined; urusan?: string | undefined; region?: string | undefined };

/**
 * What the network needs of each public cooperation, from the projection and its latest release.
 * The parties come from the snapshot, not region_codes: those also hold the locations, which are
 * places a cooperation works in, not parties to it.
 */
export const findNetworkEntries = async (db: Db, f: NetworkFilter): Promise<NetworkEntry[]> => {
  const conditions = [
    f.kind ? sql`e.kind = ${f.kind}` : undefined,
    f.urusan ? sql`e.urusan_codes @> ARRAY[${f.urusan}]::text[]` : undefined,
    f.region ? sql`e.region_keys @> ARRAY[${f.region}]::text[]` : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const result = (await db.execute(sql`
    SELECT e.kind,
           COALESCE(r.snapshot->'urusan', '[]'::jsonb) AS urusan,
           COALESCE((SELECT jsonb_agg(DISTINCT p->>'regionCode') FROM jsonb_array_elements(r.snapshot->'parties') p WHERE p->>'regionCode' IS NOT NULL), '[]'::jsonb) AS regions
    FROM portal_entry e JOIN portal_release r ON r.id = e.release_id
    ${where}`)) as unknown as { rows: { kind: Kind; urusan: PublicRef[] | string; regions: string[] | string }[] };
  // node-postgres parses jsonb, PGlite too; a string would mean a driver that does not.
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

  return result.rows.map((r) => ({ kind: r.kind, urusan: json(r.urusan).map((u) => ({ code: u.code, name: u.name })), partyRegions: json(r.regions) }));
};
