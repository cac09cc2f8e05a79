import { z } from '@hono/zod-openapi';
import { DOCUMENT_STATUSES, SIGNATURE_KINDS, SIGNING_METHODS, TEMPLATE_TYPES } from './documents.models.js';
import { CLAUSES, DOCUMENT_TYPES } from './rulepack.models.js';

const day = z.iso.date().openapi({ example: '2025-04-25' });
const text = (max: number) => z.string().trim().min(1).max(max);
/** Section text may be long (an article with many verses) but a draft stays well under the 1 MB body limit. */
const sectionText = z.string().max(20_000);

export const CooperationIdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const DocumentParamSchema = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  documentId: z.uuid().openapi({ param: { name: 'documentId', in: 'path' } }),
});

export const SectionSchema = z
  .strictObject({
    clause: z.enum(CLAUSES).nullable().openapi({ description: 'The clause this section fulfils (counts for the checklist when its text is not empty); null for openings and letter parts' }),
    heading: z.string().max(300).openapi({ description: 'e.g. "Pasal 3\\nJANGKA WAKTU"; may be empty' }),
    text: sectionText.openapi({ description: 'One paragraph or list item per line; {{placeholders}} in templates' }),
  })
  .openapi('DocumentSection');

const SignatorySchema = z.strictObject({
  orgId: z.uuid().nullable(),
  label: z.string().max(60),
  organization: z.string().max(300),
  name: z.string().max(160),
  position: z.string().max(300),
});

export const BodySchema = z
  .strictObject({
    titleLines: z.array(z.string().max(300)).max(20),
    sections: z.array(SectionSchema).min(1).max(80),
    signingNote: z.string().max(300),
    signatories: z.array(SignatorySchema).max(12),
    template: z.strictObject({ id: z.uuid(), version: z.number().int().positive() }).nullable(),
  })
  .openapi('DocumentBody', { description: 'A structured draft: rendered to DOCX and PDF on download' });

const WetChecklistSchema = z
  .strictObject({ paraf: z.boolean(), materai: z.boolean(), stempel: z.boolean() })
  .openapi('WetSigningChecklist', { description: 'Wet-signed copy checks: initials on every page, duty stamp (materai), seal' });

const signing = {
  signingMethod: z.enum(SIGNING_METHODS).nullable().optional(),
  signatureKind: z.enum(SIGNATURE_KINDS).nullable().optional(),
  wetChecklist: WetChecklistSchema.nullable().optional(),
  signedAt: day.nullable().optional(),
  signedPlace: text(200).nullable().optional(),
};

export const DocumentCreateSchema = z
  .strictObject({
    type: z.enum(DOCUMENT_TYPES),
    title: text(300),
    status: z.enum(DOCUMENT_STATUSES).default('DRAFT'),
    private: z.boolean().default(false).openapi({ description: 'Visible only to your own pemda (an internal memo or review)' }),
    fileId: z.uuid().optional().openapi({ description: 'A file your organisation uploaded with POST /api/files' }),
    body: BodySchema.optional().openapi({ description: 'A structured draft instead of a file, e.g. an edited version of a generated draft' }),
    number: text(120).optional().openapi({ description: "Your party's own register number for this document" }),
    ...signing,
  })
  .refine((v) => (v.fileId === undefined) !== (v.body === undefined), { message: 'fileId or body, exactly one', path: ['fileId'] })
  .openapi('DocumentCreate');
export type DocumentCreateInput = z.infer<typeof DocumentCreateSchema>;

export const DocumentNumberSchema = z.strictObject({ number: text(120) }).openapi('DocumentNumberInput');

export const DraftCreateSchema = z
  .strictObject({
    type: z.enum(TEMPLATE_TYPES),
    templateId: z.uuid().optional().openapi({ description: "Defaults to your pemda's latest template of the type, else the national one" }),
    title: text(300).optional(),
    place: text(120).optional().openapi({ description: 'Place of signing, e.g. "Kandangan"' }),
  })
  .openapi('DraftCreate');
export type DraftCreateInput = z.infer<typeof DraftCreateSchema>;

export const DownloadQuerySchema = z.strictObject({ format: z.enum(['docx', 'pdf', 'original']).default('pdf') });
export const CompareQuerySchema = z.strictObject({ from: z.uuid(), to: z.uuid() });

export const DocumentSchema = z
  .object({
    id: z.uuid(),
    cooperationId: z.uuid(),
    type: z.enum(DOCUMENT_TYPES),
    title: z.string(),
    version: z.number().int(),
    status: z.enum(DOCUMENT_STATUSES),
    private: z.boolean(),
    file: z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).nullable(),
    body: BodySchema.nullable(),
    textStatus: z.enum(['NONE', 'PENDING', 'EXTRACTED']).openapi({ description: 'Whether the text of an uploaded file has been read (for search, checklist and compare)' }),
    signingMethod: z.enum(SIGNING_METHODS).nullable(),
    signatureKind: z.enum(SIGNATURE_KINDS).nullable(),
    wetChecklist: WetChecklistSchema.nullable(),
    signedAt: z.string().nullable(),
    signedPlace: z.string().nullable(),
    numbers: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), number: z.string() })),
    checklist: z
      .object({ required: z.number().int(), present: z.number().int(), missing: z.array(z.enum(CLAUSES)) })
      .nullable()
      .openapi({ description: 'Null when the rule pack requires no clauses for this type' }),
    createdByOrgId: z.uuid().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('CooperationDocument');
export type DocumentDto = z.infer<typeof DocumentSchema>;

export const DocumentListSchema = z.object({ items: z.array(DocumentSchema) }).openapi('CooperationDocumentList');

export const ChecklistSchema = z
  .object({
    documentId: z.uuid(),
    type: z.enum(DOCUMENT_TYPES),
    items: z.array(z.object({ clause: z.enum(CLAUSES), present: z.boolean() })),
    missing: z.array(z.enum(CLAUSES)),
    complete: z.boolean(),
    textStatus: z.enum(['NONE', 'PENDING', 'EXTRACTED']),
  })
  .openapi('DocumentChecklist');

const versionRef = z.object({ id: z.uuid(), type: z.enum(DOCUMENT_TYPES), version: z.number().int(), title: z.string() });
export const CompareSchema = z
  .object({
    from: versionRef,
    to: versionRef,
    granularity: z.enum(['word', 'line']).openapi({ description: 'Word level unless the texts differ too much, then line level' }),
    segments: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  })
  .openapi('DocumentComparison');

export const DownloadSchema = z.string().openapi({ format: 'binary', description: 'The document, sent as an attachment' });

export const TemplateSchema = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid().nullable(),
    scope: z.enum(['NATIONAL', 'TENANT']),
    type: z.enum(TEMPLATE_TYPES),
    version: z.number().int(),
    name: z.string(),
    sections: z.array(SectionSchema),
    builtIn: z.boolean().openapi({ description: 'Shipped with Jejaring (national version 1)' }),
    editable: z.boolean().openapi({ description: 'Whether the reader may publish a new version of it' }),
    createdAt: z.string().nullable(),
  })
  .openapi('DocumentTemplate');
export type TemplateDto = z.infer<typeof TemplateSchema>;

export const TemplateListSchema = z.object({ items: z.array(TemplateSchema) }).openapi('DocumentTemplateList');
export const TemplateQuerySchema = z.strictObject({ type: z.enum(TEMPLATE_TYPES).optional() });

export const TemplateCreateSchema = z
  .strictObject({
    scope: z.enum(['NATIONAL', 'TENANT']).openapi({ description: 'TENANT: a new version for your own pemda; NATIONAL: platform administrators only' }),
    type: z.enum(TEMPLATE_TYPES),
    name: text(200),
    sections: z.array(SectionSchema).min(1).max(80),
  })
  .openapi('DocumentTemplateCreate');
export type TemplateCreateInput = z.infer<typeof TemplateCreateSchema>;
