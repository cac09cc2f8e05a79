import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  approvalRequest,
  cooperation,
  cooperationCounter,
  cooperationDispute,
  cooperationDocument,
  cooperationEvent,
  cooperationFunding,
  cooperationParty,
} from './cooperations.tables.js';

export type CooperationRow = typeof cooperation.$inferSelect;
export type PartyRow = typeof cooperationParty.$inferSelect;
export type FundingRow = typeof cooperationFunding.$inferSelect;
export type EventInsert = typeof cooperationEvent.$inferInsert;
export type ApprovalRow = typeof approvalRequest.$inferSelect;
export type DisputeRow = typeof cooperationDispute.$inferSelect;

export const findCooperation = async (db: Db, id: string): Promise<CooperationRow | undefined> =>
  (await db.select().from(cooperation).where(eq(cooperation.id, id)).limit(1))[0];

/** Locks the row for the rest of the transaction: two parties acting at once are applied one after the other. */
export const lockCooperation = async (db: Db, id: string): Promise<CooperationRow | undefined> =>
  (await db.select().from(cooperation).where(eq(cooperation.id, id)).for('update').limit(1))[0];

export const insertCooperation = async (db: Db, row: typeof cooperation.$inferInsert) => {
  await db.insert(cooperation).values(row);
};

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

/** Type, status and visibility of every document: what the rule-pack guards look at. */
export const listDocumentFacts = (db: Db, cooperationId: string) =>
  db
    .select({ type: cooperationDocument.type, status: cooperationDocument.status, privateTenantId: cooperationDocument.privateTenantId })
    .from(cooperationDocument)
    .where(eq(cooperationDocument.cooperationId, cooperationId));

/** The latest version of each draft-capable document, with its structured body, for the clause checklist. */
export const latestDocumentBodies = (db: Db, cooperationId: string) =>
  db
    .selectDistinctOn([cooperationDocument.type], { type: cooperationDocument.type, body: cooperationDocument.body, extractedText: cooperationDocument.extractedText })
    .from(cooperationDocument)
    .where(and(eq(cooperationDocument.cooperationId, cooperationId), sql`${cooperationDocument.privateTenantId} IS NULL`))
    .orderBy(cooperationDocument.type, desc(cooperationDocument.version));

export const insertEvent = async (db: Db, row: EventInsert) => {
  await db.insert(cooperationEvent).values(row);
};

export const listApprovals = (db: Db, cooperationId: string) =>
  db.select().from(approvalRequest).where(eq(approvalRequest.cooperationId, cooperationId)).orderBy(asc(approvalRequest.submittedAt));

export const insertApproval = async (db: Db, row: typeof approvalRequest.$inferInsert) => {
  await db.insert(approvalRequest).values(row);
};

export const decideApproval = async (db: Db, id: string, patch: Partial<typeof approvalRequest.$inferInsert>) => {
  await db.update(approvalRequest).set(patch).where(eq(approvalRequest.id, id));
};

export const listDisputes = (db: Db, cooperationId: string) =>
  db.select().from(cooperationDispute).where(eq(cooperationDispute.cooperationId, cooperationId)).orderBy(asc(cooperationDispute.openedAt));

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

/** The party names and shared document text denormalised onto a cooperation (alias `c`). */
const derivedTexts = sql`
      party_names = coalesce((SELECT string_agg(o.name, ' · ' ORDER BY p.ordinal) FROM cooperation_party p JOIN organization o ON o.id = p.org_id WHERE p.cooperation_id = c.id), ''),
      document_text = left(coalesce((SELECT string_agg(d.extracted_text, ' ') FROM cooperation_document d WHERE d.cooperation_id = c.id AND d.private_tenant_id IS NULL AND d.extracted_text IS NOT NULL), ''), 200000)`;

/** The search vector of a cooperation row from its own columns. */
const searchVector = sql`
      setweight(to_tsvector('indonesian', code || ' ' || title), 'A') ||
      setweight(to_tsvector('indonesian', objek || ' ' || party_names), 'B') ||
      setweight(to_tsvector('indonesian', coalesce((SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(ruang_lingkup) x), '')), 'C') ||
      setweight(to_tsvector('indonesian', document_text), 'D')`;

/**
 * Rebuilds the search vector from the record, its parties and the extracted document text. Titles
 * weigh most; the Indonesian snowball configuration stems "pengelolaan" and "kelola" alike.
 */
export const refreshSearch = async (db: Db, id: string) => {
  await db.execute(sql`UPDATE cooperation c SET ${derivedTexts} WHERE c.id = ${id}`);
  await db.execute(sql`UPDATE cooperation SET search = ${searchVector} WHERE id = ${id}`);
};

/** The same rebuild for every cooperation at once, for bulk loads (the benchmark's national register). */
export const refreshSearchAll = async (db: Db) => {
  await db.execute(sql`UPDATE cooperation c SET ${derivedTexts}`);
  await db.execute(sql`UPDATE cooperation SET search = ${searchVector}`);
};

/** The extensions that continue this cooperation (new procedures linked to it). */
export const listExtensions = (db: Db, id: string) =>
  db.select({ id: cooperation.id, code: cooperation.code, state: cooperation.state }).from(cooperation).where(eq(cooperation.parentId, id)).orderBy(asc(cooperation.createdAt));
