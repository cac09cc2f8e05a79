import { and, arrayContains, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { mappingCycle as cycle } from './cycles.tables.js';
import { mappingPotential as potential, type PotentialInsert, type PotentialRow } from './potentials.tables.js';
import type { PotentialListQuery } from './potentials.schemas.js';

/** The only SQL of the register of potentials and needs. */

export type PotentialFact = PotentialRow & { cycleYear: number; orgName: string };

const columns = { row: potential, cycleYear: cycle.year, orgName: organization.name };
const fact = (r: { row: PotentialRow; cycleYear: number; orgName: string }): PotentialFact => ({ ...r.row, cycleYear: r.cycleYear, orgName: r.orgName });
const joined = (db: Db) => db.select(columns).from(potential).innerJoin(cycle, eq(cycle.id, potential.cycleId)).innerJoin(organization, eq(organization.id, potential.orgId));

export const findPotential = async (db: Db, id: string, lock = false): Promise<PotentialFact | undefined> => {
  const q = joined(db).where(eq(potential.id, id)).limit(1);
  const [r] = lock ? await q.for('update', { of: potential }) : await q;

  return r && fact(r);
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const filters = (tenantIds: readonly string[], f: PotentialListQuery): SQL[] => {
  const out: SQL[] = [inArray(potential.tenantId, [...tenantIds])];
  if (f.cycleId) out.push(eq(potential.cycleId, f.cycleId));
  if (f.year) out.push(eq(cycle.year, f.year));
  if (f.kind) out.push(eq(potential.kind, f.kind));
  if (f.urusan) out.push(arrayContains(potential.urusanCodes, [f.urusan]));
  if (f.issueId) out.push(arrayContains(potential.issueIds, [f.issueId]));
  // A region filter matches the code itself and every code beneath it (63.06 matches 63.06.01).
  if (f.region) out.push(sql`exists (select 1 from unnest(${potential.locationCodes}) as l(code) where l.code = ${f.region} or l.code like ${`${escapeLike(f.region)}.%`})`);
  if (f.orgId) out.push(eq(potential.orgId, f.orgId));
  if (f.status) out.push(eq(potential.status, f.status));
  if (f.q) out.push(or(ilike(potential.title, `%${escapeLike(f.q)}%`), ilike(potential.description, `%${escapeLike(f.q)}%`))!);

  return out;
};

export const listPotentials = async (db: Db, tenantIds: readonly string[], f: PotentialListQuery) => {
  if (tenantIds.length === 0) return { rows: [] as PotentialFact[], total: 0 };
  const where = and(...filters(tenantIds, f));
  const rows = await joined(db).where(where).orderBy(desc(cycle.year), potential.kind, potential.title, potential.id).limit(f.limit).offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(potential).innerJoin(cycle, eq(cycle.id, potential.cycleId)).where(where);

  return { rows: rows.map(fact), total: Number(count?.n ?? 0) };
};

export const updatePotential = async (db: Db, id: string, rowVersion: number, patch: Partial<PotentialInsert>) =>
  (await db.update(potential).set({ ...patch, rowVersion: rowVersion + 1 }).where(and(eq(potential.id, id), eq(potential.rowVersion, rowVersion))).returning())[0];

/** The items of one answer the TKKSD already acted on (kept on a new acceptance). */
export const keptOfAnswer = (db: Db, answerId: string) =>
  db.select({ sectionId: potential.sectionId, title: potential.title, sourceTitle: potential.sourceTitle }).from(potential).where(and(eq(potential.answerId, answerId), ne(potential.status, 'DIUSULKAN')));

export const deleteProposedOfAnswer = async (db: Db, answerId: string) =>
  (await db.delete(potential).where(and(eq(potential.answerId, answerId), eq(potential.status, 'DIUSULKAN'))).returning({ id: potential.id })).map((r) => r.id);

export const insertPotentials = async (db: Db, rows: PotentialInsert[]) => (rows.length ? db.insert(potential).values(rows).returning({ id: potential.id }) : []);
