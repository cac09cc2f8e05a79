import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import type { Candidate, PartnerCode, UrusanRef } from './import.models.js';

/**
 * Read-only look-ups for importing a register: partner candidates by code or name similarity
 * (pg_trgm on lower(name), organization_name_trgm_idx), the importing pemda's own units, urusan
 * names, and register numbers already used.
 */

const candidateColumns = { id: organization.id, name: organization.name, shortName: organization.shortName, type: organization.type };

/** Active organisations of these types whose name resembles the text (trigram similarity), best first. */
export const findCandidatesByName = async (
  db: Db,
  q: { raw: string; normalized: string; types: readonly string[]; excludeIds: readonly string[]; limit: number },
): Promise<Candidate[]> => {
  if (q.types.length === 0) return [];
  const raw = q.raw.toLowerCase();
  const norm = q.normalized;
  const result = await db.execute(sql`
    SELECT id, name, short_name, type,
           greatest(similarity(lower(name), ${raw}), similarity(lower(name), ${norm}), similarity(lower(coalesce(short_name, '')), ${raw})) AS score
    FROM organization
    WHERE active
      AND type IN (${sql.join(q.types.map((t) => sql`${t}`), sql`, `)})
      ${q.excludeIds.length ? sql`AND id NOT IN (${sql.join(q.excludeIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
      AND (lower(name) % ${raw} OR lower(name) % ${norm} OR lower(short_name) = ${raw})
    ORDER BY score DESC, name
    LIMIT ${q.limit}`);
  const rows = (result as unknown as { rows: { id: string; name: string; short_name: string | null; type: string; score: number | string }[] }).rows;

  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, type: r.type, score: Math.round(Number(r.score) * 100) / 100 }));
};

/** The organisation a code names: a pemda by region code, a partner by NIB or NPWP, or any by id. */
export const findByCode = async (db: Db, code: PartnerCode): Promise<Omit<Candidate, 'score'> | undefined> => {
  const active = eq(organization.active, true);
  const where =
    code.kind === 'region'
      ? and(active, eq(organization.type, 'PEMDA'), eq(organization.regionCode, code.value))
      : code.kind === 'id'
        ? and(active, eq(organization.id, code.value))
        : and(active, sql`${organization.registryIds} ->> ${code.kind} = ${code.value}`);

  return (await db.select(candidateColumns).from(organization).where(where).limit(1))[0];
};

export const findOrgsByIds = async (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? [] : db.select({ ...candidateColumns, tenantId: organization.tenantId, active: organization.active }).from(organization).where(inArray(organization.id, [...ids]));

/** The OPD and units of the importing pemda, for the "OPD Pelaksana" column. */
export const listTenantUnits = (db: Db, tenantId: string) =>
  db
    .select({ id: organization.id, name: organization.name, shortName: organization.shortName })
    .from(organization)
    .where(and(eq(organization.tenantId, tenantId), eq(organization.active, true), inArray(organization.type, ['OPD', 'UNIT'])));

/** Urusan codes and names (reference data, read as a plain table). */
export const listUrusanRefs = async (db: Db): Promise<UrusanRef[]> =>
  ((await db.execute(sql`SELECT code, name_id, name_en FROM urusan ORDER BY sort`)) as unknown as { rows: { code: string; name_id: string; name_en: string }[] }).rows.map((r) => ({
    code: r.code,
    nameId: r.name_id,
    nameEn: r.name_en,
  }));

/** Own register numbers of this pemda already recorded, with the cooperation code that holds each. */
export const findRegisteredNumbers = async (db: Db, tenantId: string, numbers: readonly string[]) =>
  numbers.length === 0
    ? []
    : (
        (await db.execute(sql`
          SELECT p.register_number, c.code
          FROM cooperation_party p JOIN cooperation c ON c.id = p.cooperation_id
          WHERE p.tenant_id = ${tenantId} AND lower(p.register_number) IN (${sql.join(numbers.map((n) => sql`${n.toLowerCase()}`), sql`, `)})`)) as unknown as { rows: { register_number: string; code: string }[] }
      ).rows.map((r) => ({ number: r.register_number, code: r.code }));
