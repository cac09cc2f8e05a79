import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const rulePack = pgTable('rule_pack', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id'),
  version: integer('version').notNull(),
  validFrom: day('valid_from').notNull(),
  rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
  note: text('note').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

export const cooperationCounter = pgTable(
  'cooperation_counter',
  { scope: text('scope').notNull(), year: integer('year').notNull(), value: integer('value').notNull() },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);

export const cooperation = pgTable('cooperation', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  tenantId: uuid('tenant_id'),
  kind: text('kind').notNull(),
  ksddCategory: text('ksdd_category'),
  regime: text('regime').notNull(),
  initiator: text('initiator').notNull(),
  title: text('title').notNull(),
  objek: text('objek').notNull(),
  ruangLingkup: jsonb('ruang_lingkup').$type<string[]>().notNull(),
  objectCategory: text('object_category').notNull(),
  urusanCodes: text('urusan_codes').array().notNull(),
  issueIds: uuid('issue_ids').array().notNull(),
  locationCodes: text('location_codes').array().notNull(),
  burdensCommunity: boolean('burdens_community').notNull(),
  dprdRequired: boolean('dprd_required').notNull(),
  centralApprovalRequired: boolean('central_approval_required').notNull(),
  planReference: text('plan_reference'),
  planException: text('plan_exception'),
  state: text('state').notNull(),
  stateChangedAt: ts('state_changed_at').notNull(),
  stateDueAt: ts('state_due_at'),
  startDate: day('start_date'),
  endDate: day('end_date'),
  signedAt: day('signed_at'),
  pendingAmendment: jsonb('pending_amendment').$type<Record<string, unknown>>(),
  potentialId: uuid('potential_id'),
  parentId: uuid('parent_id'),
  partyTenantIds: uuid('party_tenant_ids').array().notNull(),
  partyOrgIds: uuid('party_org_ids').array().notNull(),
  partyProvinceCodes: text('party_province_codes').array().notNull(),
  regionKeys: text('region_keys').array().notNull(),
  opdIds: uuid('opd_ids').array().notNull(),
  partyNames: text('party_names').notNull(),
  documentExcerpt: text('document_excerpt').notNull(),
  search: tsvector('search').notNull(),
  searchHead: tsvector('search_head').notNull(),
  rowVersion: integer('row_version').notNull(),
  progress: numeric('progress', { precision: 5, scale: 2 }).notNull().default('0'),
  lastMonitoredAt: ts('last_monitored_at'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const cooperationParty = pgTable(
  'cooperation_party',
  {
    cooperationId: uuid('cooperation_id').notNull(),
    orgId: uuid('org_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    tenantId: uuid('tenant_id'),
    isInitiator: boolean('is_initiator').notNull(),
    leadOpdId: uuid('lead_opd_id'),
    otherOpdIds: uuid('other_opd_ids').array().notNull(),
    registerNumber: text('register_number'),
    signatoryName: text('signatory_name'),
    signatoryPosition: text('signatory_position'),
  },
  (t) => [primaryKey({ columns: [t.cooperationId, t.orgId] })],
);

export const cooperationFunding = pgTable('cooperation_funding', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  ordinal: integer('ordinal').notNull(),
  source: text('source').notNull(),
  partyOrgId: uuid('party_org_id'),
  year: integer('year').notNull(),
  amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
  budgeted: boolean('budgeted').notNull(),
});

export const cooperationDocument = pgTable('cooperation_document', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  type: text('type').notNull(),
  title: text('title').notNull(),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  privateTenantId: uuid('private_tenant_id'),
  fileId: uuid('file_id'),
  body: jsonb('body').$type<Record<string, unknown>>(),
  signingMethod: text('signing_method'),
  signatureKind: text('signature_kind'),
  wetChecklist: jsonb('wet_checklist').$type<Record<string, boolean>>(),
  signedAt: day('signed_at'),
  signedPlace: text('signed_place'),
  extractedText: text('extracted_text'),
  extractedAt: ts('extracted_at'),
  createdBy: uuid('created_by'),
  createdByOrgId: uuid('created_by_org_id'),
  createdAt: ts('created_at').notNull(),
});

export const cooperationDocumentNumber = pgTable(
  'cooperation_document_number',
  { documentId: uuid('document_id').notNull(), orgId: uuid('org_id').notNull(), number: text('number').notNull() },
  (t) => [primaryKey({ columns: [t.documentId, t.orgId] })],
);

export const approvalRequest = pgTable('approval_request', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  authority: text('authority').notNull(),
  tenantId: uuid('tenant_id'),
  purpose: text('purpose').notNull(),
  requestDocumentId: uuid('request_document_id'),
  submittedAt: ts('submitted_at').notNull(),
  dueAt: ts('due_at'),
  decision: text('decision').notNull(),
  decisionDocumentId: uuid('decision_document_id'),
  decisionNote: text('decision_note'),
  decidedAt: day('decided_at'),
  recordedBy: uuid('recorded_by'),
});

export const cooperationDispute = pgTable('cooperation_dispute', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  raisedByOrgId: uuid('raised_by_org_id').notNull(),
  description: text('description').notNull(),
  stage: text('stage').notNull(),
  openedAt: ts('opened_at').notNull(),
  resolvedAt: ts('resolved_at'),
  outcome: text('outcome'),
  resolution: text('resolution'),
});

export const cooperationEvent = pgTable('cooperation_event', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('cooperation_timeline_seq')`),
  cooperationId: uuid('cooperation_id').notNull(),
  at: ts('at').notNull(),
  kind: text('kind').notNull(),
  action: text('action'),
  fromState: text('from_state'),
  toState: text('to_state'),
  reason: text('reason'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  privateTenantId: uuid('private_tenant_id'),
  actorUserId: uuid('actor_user_id'),
  actorName: text('actor_name').notNull(),
  actorOrgId: uuid('actor_org_id'),
});

export const cooperationComment = pgTable('cooperation_comment', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('cooperation_timeline_seq')`),
  cooperationId: uuid('cooperation_id').notNull(),
  authorUserId: uuid('author_user_id').notNull(),
  authorName: text('author_name').notNull(),
  authorOrgId: uuid('author_org_id').notNull(),
  body: text('body').notNull(),
  mentionUserIds: uuid('mention_user_ids').array().notNull(),
  privateTenantId: uuid('private_tenant_id'),
  createdAt: ts('created_at').notNull(),
});

export const cooperationReminder = pgTable(
  'cooperation_reminder',
  {
    cooperationId: uuid('cooperation_id').notNull(),
    endDate: day('end_date').notNull(),
    offsetDays: integer('offset_days').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cooperationId, t.endDate, t.offsetDays] })],
);

export const savedFilter = pgTable('saved_filter', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  query: jsonb('query').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull(),
});
