import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { Logger } from '../../platform/logger.js';
import { extractDocxText } from '../../platform/render/docx.js';
import { extractPdfText } from '../../platform/render/pdf.js';
import type { AuditContext } from '../audit/index.js';
import { getFile } from '../files/index.js';
import { presentClauses } from './clauses.models.js';
import { loadForParticipant, loadVisible, recordCooperationEvent } from './cooperations.access.js';
import * as coop from './cooperations.repository.js';
import { documentErrors } from './documents.errors.js';
import { bodyText, diffTexts, type StructuredBody } from './documents.models.js';
import * as repo from './documents.repository.js';
import type { DocumentCreateInput, DocumentDto } from './documents.schemas.js';
import type { Clause, DocumentType, Rules } from './rulepack.models.js';
import { jakartaDay, rulesForTenant as effectiveRulesForTenant } from './rulepack.usecases.js';

export const EXTRACT_TEXT_JOB = 'cooperations.extract_text';
/** Extracted text kept per document: enough for search and the checklist, bounded for the row. */
const MAX_EXTRACTED_CHARS = 500_000;

/** The one place documents read the rule pack in force for a pemda (national rules for null). */
export const rulesForTenant = ({ db, tenantId, onDate }: { db: Db; tenantId: string | null; onDate: string }): Promise<Rules> =>
  effectiveRulesForTenant({ db, tenantId, onDate });

/** The party pemda of this cooperation the actor belongs to: their internal documents are visible to them. */
const ownPartyTenants = (actor: Actor, c: coop.CooperationRow) => actor.scope.tenantIds.filter((t) => c.partyTenantIds.includes(t));

/** Whose rules judge the checklist for this reader: their own party pemda, else the registering pemda. */
const checklistTenant = (actor: Actor, c: coop.CooperationRow) => ownPartyTenants(actor, c)[0] ?? c.tenantId;

const textStatusOf = (d: repo.DocumentRow): DocumentDto['textStatus'] => (d.extractedAt ? 'EXTRACTED' : d.fileId ? 'PENDING' : 'NONE');

const checklistOf = (d: repo.DocumentRow, rules: Rules) => {
  const required = rules.clauses[d.type as DocumentType] ?? [];
  if (required.length === 0) return null;
  const present = presentClauses({ body: d.body as StructuredBody | null, extractedText: d.extractedText });

  return { required, present: required.filter((c) => present.has(c)), missing: required.filter((c) => !present.has(c)) };
};

const presentDocuments = async (db: Db, rows: readonly repo.DocumentRow[], rules: Rules): Promise<DocumentDto[]> => {
  const [files, numbers] = await Promise.all([
    repo.storedFileInfo(db, rows.map((r) => r.fileId).filter((x): x is string => x !== null)),
    repo.listNumbers(db, rows.map((r) => r.id)),
  ]);

  return rows.map((d) => {
    const file = files.find((f) => f.id === d.fileId);
    const checklist = checklistOf(d, rules);

    return {
      id: d.id,
      cooperationId: d.cooperationId,
      type: d.type as DocumentType,
      title: d.title,
      version: d.version,
      status: d.status as DocumentDto['status'],
      private: d.privateTenantId !== null,
      file: file ? { id: file.id, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes } : null,
      body: (d.body as StructuredBody | null) ?? null,
      textStatus: textStatusOf(d),
      signingMethod: d.signingMethod as DocumentDto['signingMethod'],
      signatureKind: d.signatureKind as DocumentDto['signatureKind'],
      wetChecklist: (d.wetChecklist as DocumentDto['wetChecklist']) ?? null,
      signedAt: d.signedAt,
      signedPlace: d.signedPlace,
      numbers: numbers.filter((n) => n.documentId === d.id).map((n) => ({ orgId: n.orgId, orgName: n.orgName, number: n.number })),
      checklist: checklist ? { required: checklist.required.length, present: checklist.present.length, missing: checklist.missing } : null,
      createdByOrgId: d.createdByOrgId,
      createdAt: d.createdAt.toISOString(),
    };
  });
};

/** The documents of a cooperation the reader may see, newest version first within each type. */
export const listDocuments = async ({ db, clock, actor, cooperationId }: { db: Db; clock: Clock; actor: Actor; cooperationId: string }) => {
  const c = await loadVisible({ db, actor, id: cooperationId });
  const rows = await repo.listDocuments(db, c.id, ownPartyTenants(actor, c));

  return presentDocuments(db, rows, await rulesForTenant({ db, tenantId: checklistTenant(actor, c), onDate: jakartaDay(clock.now()) }));
};

/** One document of a cooperation the reader may see; another pemda's internal document does not exist for them. */
export const loadDocument = async ({ db, actor, cooperationId, documentId }: { db: Db; actor: Actor; cooperationId: string; documentId: string }) => {
  const c = await loadVisible({ db, actor, id: cooperationId });
  const d = await repo.findDocument(db, c.id, documentId);
  if (!d || (d.privateTenantId !== null && !ownPartyTenants(actor, c).includes(d.privateTenantId))) throw documentErrors.notFound();

  return { cooperation: c, document: d };
};

/** The party organisation the actor acts for: their party pemda, or the partner organisation they belong to. */
export const actorPartyOrg = async (db: Db, actor: Actor, c: coop.CooperationRow, actingTenantId: string | null) => {
  const parties = await coop.listParties(db, c.id);
  const party = parties.find((p) => actingTenantId !== null && p.tenantId === actingTenantId && p.orgId === actingTenantId) ??
    parties.find((p) => actingTenantId !== null && p.tenantId === actingTenantId) ??
    parties.find((p) => actor.scope.orgIds.includes(p.orgId));

  return party?.orgId ?? null;
};

type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor };

/**
 * Adds a version of a document: an uploaded file (which the actor's organisation must have
 * uploaded) or a structured body. Versions count per type within the cooperation, under the
 * cooperation's row lock so two parties uploading at once get distinct versions. Files are
 * queued for text extraction in the same transaction.
 */
export const attachDocument = async ({ db, clock, audit, actor, cooperationId, input }: Deps & { cooperationId: string; input: DocumentCreateInput }) => {
  if (input.fileId) {
    // A file the actor cannot see is answered like one from another organisation.
    const file = await getFile({ db, actor, id: input.fileId }).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!file || file.orgId !== actor.orgId) throw documentErrors.fileNotOwn();
  }
  const created = await db.transaction(async (tx) => {
    const { cooperation: c, actingTenantId } = await loadForParticipant({ db: tx, actor, id: cooperationId, lock: true });
    if (input.private && !actingTenantId) throw documentErrors.privateNeedsPemda();
    const privateTenantId = input.private ? actingTenantId : null;
    const body = input.body ?? null;
    const doc = await repo.insertDocument(tx, {
      cooperationId: c.id,
      type: input.type,
      title: input.title,
      version: await repo.nextVersion(tx, c.id, input.type),
      status: input.status,
      privateTenantId,
      fileId: input.fileId ?? null,
      body,
      signingMethod: input.signingMethod ?? null,
      signatureKind: input.signatureKind ?? null,
      wetChecklist: input.wetChecklist ?? null,
      signedAt: input.signedAt ?? null,
      signedPlace: input.signedPlace ?? null,
      // A structured body is its own text; a file's text arrives from the extraction job.
      extractedText: body ? bodyText(body) : null,
      extractedAt: body ? clock.now() : null,
      createdBy: actor.userId,
      createdByOrgId: actor.orgId,
      createdAt: clock.now(),
    });
    if (input.number) {
      const orgId = await actorPartyOrg(tx, actor, c, actingTenantId);
      if (!orgId) throw documentErrors.noPartyOrganization();
      await repo.upsertNumber(tx, { documentId: doc.id, orgId, number: input.number });
    }
    await recordCooperationEvent({
      tx,
      clock,
      audit,
      event: {
        cooperationId: c.id,
        tenantId: actingTenantId,
        kind: 'DOCUMENT',
        action: 'document_attached',
        data: { documentId: doc.id, type: doc.type, version: doc.version, status: doc.status, title: doc.title, fileId: doc.fileId },
        privateTenantId,
      },
    });
    if (doc.fileId) await enqueue(tx, { clock, name: EXTRACT_TEXT_JOB, payload: { documentId: doc.id }, idempotencyKey: doc.id });
    else if (!privateTenantId) await coop.refreshSearch(tx, c.id);

    return doc;
  });

  return (await listDocuments({ db, clock, actor, cooperationId })).find((d) => d.id === created.id)!;
};

/** The actor's party records its own number for a document; no party can set another's. */
export const setDocumentNumber = async ({ db, clock, audit, actor, cooperationId, documentId, number }: Deps & { cooperationId: string; documentId: string; number: string }) => {
  await db.transaction(async (tx) => {
    const { document: d } = await loadDocument({ db: tx, actor, cooperationId, documentId });
    const { cooperation: c, actingTenantId } = await loadForParticipant({ db: tx, actor, id: cooperationId, lock: true });
    const orgId = await actorPartyOrg(tx, actor, c, actingTenantId);
    if (!orgId) throw documentErrors.noPartyOrganization();
    await repo.upsertNumber(tx, { documentId: d.id, orgId, number });
    await recordCooperationEvent({
      tx,
      clock,
      audit,
      event: { cooperationId: c.id, tenantId: actingTenantId, kind: 'DOCUMENT', action: 'document_number_recorded', data: { documentId: d.id, type: d.type, version: d.version, orgId, number }, privateTenantId: d.privateTenantId },
    });
  });

  return (await listDocuments({ db, clock, actor, cooperationId })).find((d) => d.id === documentId)!;
};

/** The required clauses of the document's type (rule pack of the reader's pemda) and which are present. */
export const documentChecklist = async ({ db, clock, actor, cooperationId, documentId }: { db: Db; clock: Clock; actor: Actor; cooperationId: string; documentId: string }) => {
  const { cooperation: c, document: d } = await loadDocument({ db, actor, cooperationId, documentId });
  const rules = await rulesForTenant({ db, tenantId: checklistTenant(actor, c), onDate: jakartaDay(clock.now()) });
  const required: readonly Clause[] = rules.clauses[d.type as DocumentType] ?? [];
  const present = presentClauses({ body: d.body as StructuredBody | null, extractedText: d.extractedText });
  const missing = required.filter((x) => !present.has(x));

  return { documentId: d.id, type: d.type as DocumentType, items: required.map((clause) => ({ clause, present: present.has(clause) })), missing, complete: missing.length === 0, textStatus: textStatusOf(d) };
};

const textOf = (d: repo.DocumentRow) => {
  if (d.body) return bodyText(d.body as StructuredBody);
  if (d.fileId && !d.extractedAt) throw documentErrors.textPending({ title: d.title });

  return d.extractedText ?? '';
};

/** A word-level comparison of two versions (drafts by their sections, files by their extracted text). */
export const compareDocuments = async ({ db, actor, cooperationId, fromId, toId }: { db: Db; actor: Actor; cooperationId: string; fromId: string; toId: string }) => {
  const { document: from } = await loadDocument({ db, actor, cooperationId, documentId: fromId });
  const { document: to } = await loadDocument({ db, actor, cooperationId, documentId: toId });
  const ref = (d: repo.DocumentRow) => ({ id: d.id, type: d.type as DocumentType, version: d.version, title: d.title });

  return { from: ref(from), to: ref(to), ...diffTexts(textOf(from), textOf(to)) };
};

const readAll = async (stream: ReadableStream<Uint8Array>): Promise<Uint8Array> => new Uint8Array(await new Response(stream).arrayBuffer());

/**
 * Reads the text of an attached file for search, the clause checklist and comparisons. Runs in
 * the worker; a second run of the same job finds the text already there and does nothing. A file
 * the parser cannot read (a scan, a damaged PDF) gets empty text rather than endless retries.
 */
export const extractDocumentText = async ({ db, clock, logger, files, documentId }: { db: Db; clock: Clock; logger: Logger; files: FileStore; documentId: string }) => {
  const d = await repo.findDocumentById(db, documentId);
  if (!d || d.extractedAt || !d.fileId) return 'skipped' as const;
  const [file] = await repo.storedFileInfo(db, [d.fileId]);
  if (!file) throw new Error(`document ${d.id} refers to missing stored file ${d.fileId}`);
  const stream = await files.get(file.sha256);
  if (!stream) throw new Error(`stored file ${file.id} has no content (sha256 ${file.sha256})`);
  const bytes = await readAll(stream);
  let text = '';
  try {
    if (file.mediaType === 'application/pdf') text = await extractPdfText(bytes);
    else if (file.mediaType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') text = await extractDocxText(bytes);
  } catch (err) {
    logger.warn({ err, documentId: d.id }, 'document text could not be read; stored as empty');
  }
  await db.transaction(async (tx) => {
    await repo.setExtractedText(tx, d.id, text.slice(0, MAX_EXTRACTED_CHARS), clock.now());
    await coop.refreshSearch(tx, d.cooperationId);
  });

  return 'extracted' as const;
};
