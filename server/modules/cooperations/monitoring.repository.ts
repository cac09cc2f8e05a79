import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { IN_FORCE_STATES } from './cooperations.machine.js';

/** A cooperation in force with what monitoring jobs need: its dates and each party pemda's lead OPD. */
export type InForceCooperation = {
  id: string;
  code: string;
  title: string;
  tenantId: string | null;
  state: string;
  signedAt: string | null;
  stateChangedAt: Date;
  lastMonitoredAt: Date | null;
  parties: { tenantId: string; leadOpdId: string | null }[];
};

const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
const asDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

/**
 * Read-only, for other modules' daily jobs (monev's reminders and dormancy escalation): every
 * cooperation in force, one query, parties of pemda only (partners have no role holders).
 */
export const listInForceCooperations = async (db: Db): Promise<InForceCooperation[]> => {
  const rows = ((await db.execute(sql`
    SELECT c.id, c.code, c.title, c.tenant_id AS "tenantId", c.state, c.signed_at::text AS "signedAt",
      c.state_changed_at AS "stateChangedAt", c.last_monitored_at AS "lastMonitoredAt",
      coalesce((SELECT json_agg(json_build_object('tenantId', p.tenant_id, 'leadOpdId', p.lead_opd_id) ORDER BY p.ordinal)
        FROM cooperation_party p WHERE p.cooperation_id = c.id AND p.tenant_id IS NOT NULL), '[]'::json) AS parties
    FROM cooperation c WHERE c.state = ANY(${textArray(IN_FORCE_STATES)}) ORDER BY c.code, c.id`)) as unknown as {
    rows: (Omit<InForceCooperation, 'stateChangedAt' | 'lastMonitoredAt' | 'parties'> & { stateChangedAt: Date | string; lastMonitoredAt: Date | string | null; parties: unknown })[];
  }).rows;

  return rows.map((r) => ({
    ...r,
    stateChangedAt: asDate(r.stateChangedAt)!,
    lastMonitoredAt: asDate(r.lastMonitoredAt),
    parties: (typeof r.parties === 'string' ? JSON.parse(r.parties) : r.parties) as InForceCooperation['parties'],
  }));
};
