import { z } from '@hono/zod-openapi';
import { LEGAL_FORMS } from '../organizations/index.js';
import { KINDS, OBJECT_CATEGORIES, STATES } from './cooperations.machine.js';
import { CREATABLE_PARTNER_TYPES, IMPORT_FIELDS } from './import.models.js';

const field = z.enum(IMPORT_FIELDS);

const ConfirmationSchema = z
  .union([
    z.strictObject({ partyOrgId: z.uuid().openapi({ description: 'Use this existing organisation as the partner' }) }),
    z.strictObject({
      createPartner: z
        .strictObject({
          type: z.enum(CREATABLE_PARTNER_TYPES).optional().openapi({ description: 'Defaults to the type the kind needs' }),
          name: z.string().trim().min(2).max(200).optional().openapi({ description: 'Defaults to the name in the file' }),
          countryCode: z.string().regex(/^[A-Z]{2}$/).optional().openapi({ description: 'ISO 3166-1 alpha-2; required for foreign partners', example: 'AU' }),
          legalForm: z.enum(LEGAL_FORMS).optional(),
        })
        .openapi({ description: 'Register the partner as a new organisation in the same transaction' }),
    }),
  ])
  .openapi('ImportConfirmation');

export const ImportPreviewInputSchema = z
  .strictObject({
    fileId: z.uuid().openapi({ description: 'An XLSX or CSV uploaded through POST /api/files' }),
    sheet: z.string().trim().min(1).max(100).optional().openapi({ description: 'Sheet name (XLSX); the first sheet with data by default' }),
    headerRow: z.number().int().min(1).max(100_000).optional().openapi({ description: 'Row holding the column headers; detected by default' }),
    mapping: z
      .record(z.string().regex(/^[A-Z]{1,2}$/), z.union([field, z.literal('ignore')]))
      .optional()
      .openapi({ description: 'Column letter → field; replaces the suggested mapping', example: { B: 'title', C: 'partner', D: 'kind' } }),
    confirmations: z
      .record(z.string().regex(/^\d{1,6}$/), ConfirmationSchema)
      .optional()
      .openapi({ description: 'Row number → the partner chosen for it (probable or missing matches)' }),
  })
  .openapi('ImportPreviewInput');
export type ImportPreviewInput = z.infer<typeof ImportPreviewInputSchema>;

export const ImportRunInputSchema = ImportPreviewInputSchema.extend({
  dryRun: z.boolean().openapi({ description: 'true: run everything and roll back, reporting counts' }),
}).openapi('ImportRunInput');
export type ImportRunInput = z.infer<typeof ImportRunInputSchema>;

const IssueSchema = z
  .object({ field: z.string().openapi({ description: 'An import field, or "row"' }), code: z.string(), message: z.string() })
  .openapi('ImportIssue');

const CandidateSchema = z
  .object({ id: z.uuid(), name: z.string(), type: z.string(), score: z.number().openapi({ description: 'Name similarity 0–1 (1: same name or code)' }) })
  .openapi('ImportCandidate');

const ChoiceSchema = z
  .object({
    kind: z.enum(['existing', 'create']),
    orgId: z.uuid().nullable(),
    name: z.string(),
    type: z.string(),
  })
  .openapi('ImportPartnerChoice');

const PartnerMatchSchema = z
  .object({
    name: z.string(),
    expectedType: z.string().nullable().openapi({ description: 'The organisation type the kind needs' }),
    status: z.enum(['exact', 'probable', 'none']),
    candidates: z.array(CandidateSchema),
    chosen: ChoiceSchema.nullable(),
    canCreate: z.boolean().openapi({ description: 'Whether "register as a new partner" is possible for this kind' }),
  })
  .openapi('ImportPartnerMatch');

const RowSchema = z
  .object({
    rowNumber: z.number().int(),
    status: z.enum(['ready', 'invalid', 'needs_confirmation']),
    values: z.object({
      title: z.string(),
      partner: z.string(),
      kind: z.enum(KINDS).nullable(),
      ksddCategory: z.enum(['WAJIB', 'SUKARELA']).nullable(),
      state: z.enum(STATES).nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      ownNumber: z.string().nullable(),
      partnerNumber: z.string().nullable(),
      amount: z.string().nullable(),
      fundingSource: z.string(),
      objek: z.string(),
      ruangLingkup: z.array(z.string()),
      urusanCodes: z.array(z.string()),
      leadOpd: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      objectCategory: z.enum(OBJECT_CATEGORIES),
    }),
    errors: z.array(IssueSchema),
    warnings: z.array(IssueSchema),
    partner: PartnerMatchSchema,
  })
  .openapi('ImportRow');

export const ImportPreviewSchema = z
  .object({
    fileName: z.string(),
    sheets: z.array(z.string()),
    sheet: z.string(),
    headerRow: z.number().int().nullable(),
    fields: z.array(z.object({ name: field, required: z.boolean() })),
    columns: z.array(z.object({ key: z.string(), header: z.string(), samples: z.array(z.string()), suggested: field.nullable() })),
    mapping: z.record(z.string(), field),
    missingFields: z.array(field),
    skippedRows: z.array(z.number().int()).openapi({ description: 'Rows below the header that hold no cooperation (blank lines, signatures, totals)' }),
    rows: z.array(RowSchema),
    summary: z.object({ total: z.number().int(), ready: z.number().int(), invalid: z.number().int(), needsConfirmation: z.number().int() }),
  })
  .openapi('ImportPreview');

export const ImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    imported: z.number().int().openapi({ description: 'Cooperations recorded (or that would be, in a dry run)' }),
    createdPartners: z.number().int(),
    cooperationIds: z.array(z.uuid()).openapi({ description: 'Empty in a dry run' }),
  })
  .openapi('ImportResult');
