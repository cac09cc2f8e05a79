import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { Actor } from '../../platform/http/context.js';
import { renderDocx } from '../../platform/render/docx.js';
import { renderPdf } from '../../platform/render/pdf.js';
import type { AuditContext } from '../audit/index.js';
import { loadForParticipant, recordCooperationEvent } from './cooperations.access.js';
import * as coop from './cooperations.repository.js';
import { documentErrors } from './documents.errors.js';
import { bodyText, buildDraft, renderableOf, TYPE_PROFILES, type StructuredBody } from './documents.models.js';
import * as repo from './documents.repository.js';
import type { DraftCreateInput } from './documents.schemas.js';
import { actorPartyOrg, listDocuments, loadDocument, rulesForTenant } from './documents.usecases.js';
import { orgFacts } from './parties.repository.js';
import { jakartaDay } from './rulepack.usecases.js';
import { templateForDraft } from './templates.usecases.js';

/** "KESEPAKATAN BERSAMA" → "Kesepakatan Bersama", for a document's default title. */
const titleCase = (s: string) => s.toLocaleLowerCase('id-ID').replace(/(^|\s)\p{L}/gu, (m) => m.toLocaleUpperCase('id-ID'));

/**
 * Generates a DRAFT version of a document from the pemda's latest template of the type (else the
 * national one), filled with the cooperation as it stands: parties and signatories, object,
 * scope, term, funding in Rupiah, urusan and the legal basis of the acting pemda's rule pack.
 */
export const generateDraft = async ({ db, clock, audit, actor, cooperationId, input }: { db: Db; clock: Clock; audit: AuditContext; actor: Actor; cooperationId: string; input: DraftCreateInput }) => {
  const id = await db.transaction(async (tx) => {
    const { cooperation: c, actingTenantId } = await loadForParticipant({ db: tx, actor, id: cooperationId, lock: true });
    const today = jakartaDay(clock.now());
    const [template, parties, funding, rules, urusan] = await Promise.all([
      templateForDraft({ db: tx, tenantId: actingTenantId, type: input.type, templateId: input.templateId }),
      coop.listParties(tx, c.id),
      coop.listFunding(tx, c.id),
      rulesForTenant({ db: tx, tenantId: actingTenantId ?? c.tenantId, onDate: today }),
      repo.urusanNames(tx, c.urusanCodes),
    ]);
    if (parties.length === 0) throw documentErrors.partyMissing();
    const names = new Map((await orgFacts(tx, parties.map((p) => p.orgId))).map((o) => [o.id, o.name]));
    const body: StructuredBody = buildDraft(input.type, template, {
      code: c.code,
      title: c.title,
      objek: c.objek,
      ruangLingkup: c.ruangLingkup,
      startDate: c.startDate,
      endDate: c.endDate,
      urusan,
      parties: parties.map((p) => ({ orgId: p.orgId, name: names.get(p.orgId) ?? '', signatoryName: p.signatoryName, signatoryPosition: p.signatoryPosition })),
      funding: funding.map((f) => ({ source: f.source, year: f.year, amount: f.amount, budgeted: f.budgeted, partyName: f.partyOrgId ? (names.get(f.partyOrgId) ?? null) : null })),
      regulationRefs: rules.regulationRefs,
      senderOrgId: await actorPartyOrg(tx, actor, c, actingTenantId),
      place: input.place ?? null,
      today,
    });
    const title = input.title ?? `${titleCase(TYPE_PROFILES[input.type].title.split(' (')[0]!)} – ${c.title}`;
    const doc = await repo.insertDocument(tx, {
      cooperationId: c.id,
      type: input.type,
      title,
      version: await repo.nextVersion(tx, c.id, input.type),
      status: 'DRAFT',
      privateTenantId: null,
      fileId: null,
      body,
      extractedText: bodyText(body),
      extractedAt: clock.now(),
      createdBy: actor.userId,
      createdByOrgId: actor.orgId,
      createdAt: clock.now(),
    });
    await recordCooperationEvent({
      tx,
      clock,
      audit,
      event: {
        cooperationId: c.id,
        tenantId: actingTenantId,
        kind: 'DOCUMENT',
        action: 'draft_generated',
        data: { documentId: doc.id, type: doc.type, version: doc.version, templateId: template.id, templateVersion: template.version },
      },
    });
    await coop.refreshSearch(tx, c.id);

    return doc.id;
  });

  return (await listDocuments({ db, clock, actor, cooperationId })).find((d) => d.id === id)!;
};

const MEDIA_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/** A download name people recognise in their folder: type, cooperation code and version. */
const downloadName = (type: string, code: string, version: number, ext: string) => `${type}_${code.replace(/[^\p{L}\p{N}-]+/gu, '-')}_v${version}.${ext}`;

/**
 * The bytes of a document: an uploaded file as stored, or a structured draft rendered to DOCX or
 * PDF with each party's register number as recorded now.
 */
export const downloadDocument = async ({ db, actor, files, cooperationId, documentId, format }: { db: Db; actor: Actor; files: FileStore; cooperationId: string; documentId: string; format: 'docx' | 'pdf' | 'original' }) => {
  const { cooperation: c, document: d } = await loadDocument({ db, actor, cooperationId, documentId });
  if (d.fileId) {
    const [file] = await repo.storedFileInfo(db, [d.fileId]);
    if (!file) throw new Error(`document ${d.id} refers to missing stored file ${d.fileId}`);
    if (format !== 'original' && file.mediaType !== MEDIA_TYPES[format]) throw documentErrors.formatUnavailable({ format: format.toUpperCase() });
    const content = await files.get(file.sha256);
    // A row without its bytes means the store was damaged or restored incompletely: an operator problem.
    if (!content) throw new Error(`stored file ${file.id} has no content (sha256 ${file.sha256})`);

    return { fileName: file.fileName, mediaType: file.mediaType, size: file.sizeBytes, content };
  }
  if (format === 'original' || !d.body) throw documentErrors.formatUnavailable({ format: format.toUpperCase() });
  const numbers = (await repo.listNumbers(db, [d.id])).map((n) => ({ orgId: n.orgId, number: n.number }));
  const renderable = renderableOf(d.body as StructuredBody, { title: d.title, status: d.status, version: d.version, numbers });
  const bytes = format === 'docx' ? await renderDocx(renderable) : await renderPdf(renderable);

  return { fileName: downloadName(d.type, c.code, d.version, format), mediaType: MEDIA_TYPES[format], size: bytes.byteLength, content: bytes };
};
