import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parsedJson, rowFromJson } from '../../platform/db/json-rows.js';
import { organizationTable as organization } from '../organizations/index.js';
import {
  approvalRequest,
  cooperation,
  cooperationCounter,
  cooperationDispute,
  cooperationDocument,
  cooperationEvent,
  cooperationFunding,
  cooperationParty,
  rulePack,
} from './cooperations.tables.js';

/**
 * The record without its search material (vectors and excerpt): they exist only for the register's
 * full-text search and are never shown on a record.
 */
const { documentExcerpt: _excerpt, search: _search, searchHead: _searchHead, ...recordColumns } = getTableColumns(cooperation);
export type CooperationRow = Omit<typeof cooperation.$inferSelect, 'documentExcerpt' | 'search' | 'searchHead'>;
export type PartyRow = typeof cooperationParty.$inferSelect;
export type FundingRow = typeof cooperationFunding.$inferSelect;
export type EventInsert = typeof cooperationEvent.$inferInsert;
export type ApprovalRow = typeof approvalRequest.$inferSelect;
export type DisputeRow = typeof cooperationDispute.$inferSelect;

export const findCooperation = async (db: Db, id: string): Promise<CooperationRow | undefined> =>
  (await db.select(recordColumns).from(cooperation).where(eq(cooperation.id, id)).limit(1))[0];

/** Locks the row for the rest of the transaction: two parties acting at once are applied one after the other. */
export const lockCooperation = async (db: Db, id: string): Promise<CooperationRow | undefined> =>
  (await db.select(recordColumns).from(cooperation).where(eq(cooperation.id, id)).for('update').limit(1))[0];

export const insertCooperation = async (db: Db, row: typeof cooperation.$inferInsert) => {
  await db.insert(cooperation).values(row);
};

/**
 * What monitoring reports back: the rolled-up progress and when the cooperation was last
 * monitored. Not an edit of the record, so neither its version nor its updated time moves.
 */
export const setMonitoring = async (db: Db, id: string, patch: { progress?: string; lastMonitoredAt?: Date }) => {
  await db.update(cooperation).set(patch).where(eq(cooperation.id, id));
};

export const findMonitoringFacts = async (db: Db, id: string) =>
  (await db.select({ tenantId: cooperation.tenantId, parentId: cooperation.parentId }).from(cooperation).where(eq(cooperation.id, id)))[0];

export const listFollowUps = (db: Db, parentId: string) =>
  db.select({ id: cooperation.id, state: cooperation.state, progress: cooperation.progress }).from(cooperation).where(eq(cooperation.parentId, parentId));

export const updateCooperation = async (db: Db, id: string, patch: Partial<typeof cooperation.$inferInsert>) => {
  await db
    .update(cooperation)
    .set({ ...patch, rowVersion: sql`${cooperation.rowVersion} + 1` })
    .where(eq(cooperation.id, id));
};

export const listParties = (db: Db, cooperationId: string) =>
  db.select().from(cooperationParty).where(eq(cooperationParty.cooperationId, cooperationId)).orderBy(asc(cooperationParty.ordinal));

export const replaceParties = async (db: Db, cooperationId: string, rows: (typeof cooperationParty.$inferInsert)[]) => {
  await db.delete(cooperationParty).where(eq(cooperationParty.cooperationId, cooperationId));
  if (rows.length) await db.insert(cooperationParty).values(rows);
};

export const setPartyRegisterNumber = async (db: Db, cooperationId: string, orgId: string, registerNumber: string) => {
  await db
    .update(cooperationParty)
    .set({ registerNumber })
    .where(and(eq(cooperationParty.cooperationId, cooperationId), eq(cooperationParty.orgId, orgId)));
};

export const listFunding = (db: Db, cooperationId: string) =>
  db.select().from(cooperationFunding).where(eq(cooperationFunding.cooperationId, cooperationId)).orderBy(asc(cooperationFunding.ordinal));

export const replaceFunding = async (db: Db, cooperationId: string, rows: (typeof cooperationFunding.$inferInsert)[]) => {
  await db.delete(cooperationFunding).where(eq(cooperationFunding.cooperationId, cooperationId));
  if (rows.length) await db.insert(cooperationFunding).values(rows);
};

export const insertEvent = async (db: Db, row: EventInsert) => {
  await db.insert(cooperationEvent).values(row);
};

export const insertApproval = async (db: Db, row: typeof approvalRequest.$inferInsert) => {
  await db.insert(approvalRequest).values(row);
};

export const decideApproval = async (db: Db, id: string, patch: Partial<typeof approvalRequest.$inferInsert>) => {
  await db.update(approvalRequest).set(patch).where(eq(approvalRequest.id, id));
};

export const insertDispute = async (db: Db, row: typeof cooperationDispute.$inferInsert) => {
  await db.insert(cooperationDispute).values(row);
};

export const updateDispute = async (db: Db, id: string, patch: Partial<typeof cooperationDispute.$inferInsert>) => {
  await db.update(cooperationDispute).set(patch).where(eq(cooperationDispute.id, id));
};

/** The next number in a yearly sequence, atomically (the row lock serialises concurrent callers). */
export const nextCounter = async (db: Db, scope: string, year: number): Promise<number> => {
  const rows = await db
    .insert(cooperationCounter)
    .values({ scope, year, value: 1 })
    .onConflictDoUpdate({ target: [cooperationCounter.scope, cooperationCounter.year], set: { value: sql`${cooperationCounter.value} + 1` } })
    .returning({ value: cooperationCounter.value });

  return rows[0]!.value;
};

/** The party names denormalised onto a cooperation (alias `c`). */
const partyNames = sql`
      party_names = coalesce((SELECT string_agg(o.name, ' · ' ORDER BY p.ordinal) FROM cooperation_party p JOIN organization o ON o.id = p.org_id WHERE p.cooperation_id = c.id), '')`;

/** What a record says about itself — code and title, objek and parties, ruang lingkup — weighted A, B, C. */
const headVector = sql`
      setweight(to_tsvector('indonesian', code || ' ' || title), 'A') ||
      setweight(to_tsvector('indonesian', objek || ' ' || party_names), 'B') ||
      setweight(to_tsvector('indonesian', coalesce((SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(ruang_lingkup) x), '')), 'C')`;

/** The text extracted from the cooperation's shared documents (alias `c`), bounded. */
const documentsText = sql`
      left(coalesce((SELECT string_agg(d.extracted_text, ' ' ORDER BY d.created_at, d.id) FROM cooperation_document d
        WHERE d.cooperation_id = c.id AND d.private_tenant_id IS NULL AND d.extracted_text IS NOT NULL), ''), 200000)`;

/**
 * The search material: `search` (head plus the documents' text, weight D) decides what matches;
 * `search_head` alone is what results are ranked on, because ranking reads the vector of every
 * match and the documents make it tens of times larger; `document_excerpt` feeds the snippet. The
 * documents' full text is not kept on the row: it would make every row of the table several
 * times wider for lists that never show it.
 */
const searchColumns = sql`(search_head, search, document_excerpt) = (
      SELECT x.h, x.h || setweight(to_tsvector('indonesian', x.t), 'D'), left(x.t, 1000) FROM (SELECT ${headVector} AS h, ${documentsText} AS t) x)`;

/**
 * Rebuilds the search vectors from the record, its parties and the extracted document text. Titles
 * weigh most; the Indonesian snowball configuration stems "pengelolaan" and "kelola" alike.
 */
export const refreshSearch = async (db: Db, id: string) => {
  await db.execute(sql`UPDATE cooperation c SET ${partyNames} WHERE c.id = ${id}`);
  await db.execute(sql`UPDATE cooperation c SET ${searchColumns} WHERE c.id = ${id}`);
};

/** The same rebuild for every cooperation at once, for bulk loads (the benchmark's national register). */
export const refreshSearchAll = async (db: Db) => {
  await db.execute(sql`UPDATE cooperation c SET ${partyNames}`);
  await db.execute(sql`UPDATE cooperation c SET ${searchColumns}`);
};

type Json = Record<string, unknown>;
type BundleRow = { parties: Json[]; funding: Json[]; extensions: Json[]; documents: Json[]; bodies: Json[]; approvals: Json[]; disputes: Json[]; orgs: Json[]; packs: Json[] };

/**
 * Everything a record page and the action guards read besides the record itself — parties,
 * funding, extensions, document facts and latest bodies, approvals, disputes, the organisations
 * named, the rule packs of the party pemda — in one round trip. On the embedded database each
 * query is a turn of the one thread that serves every request, so eleven small queries cost
 * eleven turns; one query with JSON sub-selects costs one.
 */
export const loadRecordBundle = async (db: Db, row: CooperationRow) => {
  const orgIds = [...new Set([...row.partyOrgIds, ...row.partyTenantIds, ...row.opdIds])];
  const id = row.id;
  const uuids = (values: readonly string[]) => sql`ARRAY[${values.length ? sql.join(values.map((v) => sql`${v}`), sql`, `) : sql``}]::uuid[]`;
  const result = (await db.execute(sql`
    SELECT
      (SELECT coalesce(json_agg(p ORDER BY p.ordinal), '[]') FROM ${cooperationParty} p WHERE p.cooperation_id = ${id}) AS parties,
      (SELECT coalesce(json_agg(f ORDER BY f.ordinal), '[]') FROM (
        SELECT id, cooperation_id, ordinal, source, party_org_id, year, amount::text AS amount, budgeted FROM ${cooperationFunding} WHERE cooperation_id = ${id}) f) AS funding,
      (SELECT coalesce(json_agg(x ORDER BY x.created_at), '[]') FROM (SELECT id, code, state, created_at FROM ${cooperation} WHERE parent_id = ${id}) x) AS extensions,
      (SELECT coalesce(json_agg(d), '[]') FROM (SELECT type, status, private_tenant_id FROM ${cooperationDocument} WHERE cooperation_id = ${id}) d) AS documents,
      (SELECT coalesce(json_agg(b), '[]') FROM (
        SELECT DISTINCT ON (type) type, body, extracted_text FROM ${cooperationDocument}
        WHERE cooperation_id = ${id} AND private_tenant_id IS NULL ORDER BY type, version DESC) b) AS bodies,
      (SELECT coalesce(json_agg(a ORDER BY a.submitted_at), '[]') FROM ${approvalRequest} a WHERE a.cooperation_id = ${id}) AS approvals,
      (SELECT coalesce(json_agg(s ORDER BY s.opened_at), '[]') FROM ${cooperationDispute} s WHERE s.cooperation_id = ${id}) AS disputes,
      (SELECT coalesce(json_agg(o), '[]') FROM (
        SELECT id, type, name, tenant_id, region_code, active FROM ${organization} WHERE id = ANY(${uuids(orgIds)})) o) AS orgs,
      (SELECT coalesce(json_agg(r ORDER BY r.valid_from DESC, r.version DESC), '[]') FROM ${rulePack} r
        WHERE r.tenant_id IS NULL OR r.tenant_id = ANY(${uuids(row.partyTenantIds)})) AS packs`)) as unknown as { rows: BundleRow[] };
  const r = result.rows[0]!;
  const list = (v: unknown) => parsedJson<Json[]>(v);

  return {
    parties: list(r.parties).map((j) => rowFromJson(cooperationParty, j)),
    funding: list(r.funding).map((j) => rowFromJson(cooperationFunding, j)),
    extensions: list(r.extensions).map((j) => ({ id: String(j.id), code: String(j.code), state: String(j.state) })),
    documents: list(r.documents).map((j) => ({ type: String(j.type), status: String(j.status), privateTenantId: (j.private_tenant_id as string | null) ?? null })),
    bodies: list(r.bodies).map((j) => ({ type: String(j.type), body: (j.body as Json | null) ?? null, extractedText: (j.extracted_text as string | null) ?? null })),
    approvals: list(r.approvals).map((j) => rowFromJson(approvalRequest, j)),
    disputes: list(r.disputes).map((j) => rowFromJson(cooperationDispute, j)),
    orgs: list(r.orgs).map((j) => ({
      id: String(j.id),
      type: String(j.type),
      name: String(j.name),
      tenantId: (j.tenant_id as string | null) ?? null,
      regionCode: (j.region_code as string | null) ?? null,
      active: Boolean(j.active),
    })),
    packs: list(r.packs).map((j) => rowFromJson(rulePack, j)),
  };
};

export type RecordBundle = Awaited<ReturnType<typeof loadRecordBundle>>;

/** Where cooperations stand (state, progress), for modules that link to them (the mapping register). */
export const cooperationStates = async (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db.select({ id: cooperation.id, code: cooperation.code, title: cooperation.title, state: cooperation.state, progress: cooperation.progress }).from(cooperation).where(inArray(cooperation.id, [...ids]));
