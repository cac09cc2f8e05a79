import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { cooperationDocument, cooperationDocumentNumber } from './cooperations.tables.js';
import { documentTemplate } from './documents.tables.js';

export type DocumentRow = typeof cooperationDocument.$inferSelect;
export type TemplateRow = typeof documentTemplate.$inferSelect;

/** The documents of a cooperation a reader may see: shared ones and the internal ones of the reader's own pemda. */
export const listDocuments = (db: Db, cooperationId: string, ownTenantIds: readonly string[]) =>
  db
    .select()
    .from(cooperationDocument)
    .where(
      and(
        eq(cooperationDocument.cooperationId, cooperationId),
        ownTenantIds.length
          ? or(isNull(cooperationDocument.privateTenantId), inArray(cooperationDocument.privateTenantId, [...ownTenantIds]))
          : isNull(cooperationDocument.privateTenantId),
      ),
    )
    .orderBy(asc(cooperationDocument.type), desc(cooperationDocument.version));

export const findDocument = async (db: Db, cooperationId: string, id: string): Promise<DocumentRow | undefined> =>
  (await db.select().from(cooperationDocument).where(and(eq(cooperationDocument.id, id), eq(cooperationDocument.cooperationId, cooperationId))).limit(1))[0];

/** The next version of a type within a cooperation; the caller holds the cooperation's row lock. */
export const nextVersion = async (db: Db, cooperationId: string, type: string): Promise<number> => {
  const rows = await db
    .select({ max: sql<number | null>`max(${cooperationDocument.version})` })
    .from(cooperationDocument)
    .where(and(eq(cooperationDocument.cooperationId, cooperationId), eq(cooperationDocument.type, type)));

  return Number(rows[0]?.max ?? 0) + 1;
};

export const insertDocument = async (db: Db, row: typeof cooperationDocument.$inferInsert): Promise<DocumentRow> =>
  (await db.insert(cooperationDocument).values(row).returning())[0]!;

export const setExtractedText = async (db: Db, id: string, text: string, at: Date) => {
  await db.update(cooperationDocument).set({ extractedText: text, extractedAt: at }).where(eq(cooperationDocument.id, id));
};

export const findDocumentById = async (db: Db, id: string): Promise<DocumentRow | undefined> =>
  (await db.select().from(cooperationDocument).where(eq(cooperationDocument.id, id)).limit(1))[0];

/** Each party's own number per document, with the party's name. */
export const listNumbers = async (db: Db, documentIds: readonly string[]) =>
  documentIds.length === 0
    ? []
    : db
        .select({ documentId: cooperationDocumentNumber.documentId, orgId: cooperationDocumentNumber.orgId, orgName: organization.name, number: cooperationDocumentNumber.number })
        .from(cooperationDocumentNumber)
        .innerJoin(organization, eq(organization.id, cooperationDocumentNumber.orgId))
        .where(inArray(cooperationDocumentNumber.documentId, [...documentIds]))
        .orderBy(asc(organization.name));

export const upsertNumber = async (db: Db, row: { documentId: string; orgId: string; number: string }) => {
  await db
    .insert(cooperationDocumentNumber)
    .values(row)
    .onConflictDoUpdate({ target: [cooperationDocumentNumber.documentId, cooperationDocumentNumber.orgId], set: { number: row.number } });
};

export type StoredFileInfo = { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; orgId: string };

/**
 * Name, type and hash of attached files. Read-only, by the ids the cooperation's documents hold:
 * access to an attached file follows the cooperation, not the uploader's tenant (the files
 * module's own lookup would hide a partner's upload from the pemda parties).
 */
export const storedFileInfo = async (db: Db, ids: readonly string[]): Promise<StoredFileInfo[]> => {
  if (ids.length === 0) return [];
  const result = (await db.execute(
    sql`SELECT id, file_name, media_type, size_bytes, sha256, org_id FROM stored_file WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
  )) as unknown as { rows: { id: string; file_name: string; media_type: string; size_bytes: string | number; sha256: string; org_id: string }[] };

  return result.rows.map((r) => ({ id: r.id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256, orgId: r.org_id }));
};

/** Indonesian names of urusan codes, in code order, for the text of a draft. */
export const urusanNames = async (db: Db, codes: readonly string[]): Promise<string[]> => {
  if (codes.length === 0) return [];
  const result = (await db.execute(
    sql`SELECT code, name_id FROM urusan WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) ORDER BY code`,
  )) as unknown as { rows: { code: string; name_id: string }[] };

  return result.rows.map((r) => r.name_id);
};

/** The latest version of every template of the given owners (null: national). */
export const latestTemplates = (db: Db, tenantId: string | null, type?: string) =>
  db
    .selectDistinctOn([documentTemplate.tenantId, documentTemplate.type])
    .from(documentTemplate)
    .where(
      and(
        tenantId ? or(isNull(documentTemplate.tenantId), eq(documentTemplate.tenantId, tenantId)) : isNull(documentTemplate.tenantId),
        type ? eq(documentTemplate.type, type) : undefined,
      ),
    )
    .orderBy(documentTemplate.tenantId, documentTemplate.type, desc(documentTemplate.version));

export const findTemplate = async (db: Db, id: string): Promise<TemplateRow | undefined> =>
  (await db.select().from(documentTemplate).where(eq(documentTemplate.id, id)).limit(1))[0];

export const maxTemplateVersion = async (db: Db, tenantId: string | null, type: string): Promise<number> => {
  const rows = await db
    .select({ max: sql<number | null>`max(${documentTemplate.version})` })
    .from(documentTemplate)
    .where(and(tenantId ? eq(documentTemplate.tenantId, tenantId) : isNull(documentTemplate.tenantId), eq(documentTemplate.type, type)));

  return Number(rows[0]?.max ?? 0);
};

export const insertTemplate = async (db: Db, row: typeof documentTemplate.$inferInsert): Promise<TemplateRow> =>
  (await db.insert(documentTemplate).values(row).returning())[0]!;
