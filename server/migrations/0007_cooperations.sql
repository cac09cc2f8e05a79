-- Cooperations: the rule pack, the co-owned cooperation aggregate, its documents, approvals,
-- disputes, timeline and comments (issue 3). Party lists are denormalised onto the cooperation
-- (tenant ids, org ids, province codes) so that visibility filters are one indexed array test.

CREATE TABLE rule_pack (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL: the national defaults; otherwise a pemda's override (Perda/Perbup) merged over them.
  tenant_id uuid REFERENCES organization (id),
  version integer NOT NULL CHECK (version > 0),
  valid_from date NOT NULL,
  rules jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX rule_pack_version_idx ON rule_pack (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), version);
CREATE INDEX rule_pack_tenant_idx ON rule_pack (tenant_id, valid_from DESC);

-- Per-tenant yearly counters behind the register numbers each party keeps for a cooperation.
CREATE TABLE cooperation_counter (
  scope text NOT NULL,
  year integer NOT NULL,
  value integer NOT NULL,
  PRIMARY KEY (scope, year)
);

CREATE TABLE cooperation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  -- The tenant that registered it; all party tenants work on it equally.
  tenant_id uuid REFERENCES organization (id),
  kind text NOT NULL CHECK (kind IN ('KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI')),
  ksdd_category text CHECK (ksdd_category IN ('WAJIB', 'SUKARELA')),
  regime text NOT NULL CHECK (regime IN ('KSD_GENERIC', 'KPBU', 'BMD_UTILISATION', 'HIBAH', 'PBJ', 'OTHER')),
  initiator text NOT NULL CHECK (initiator IN ('DAERAH', 'MITRA')),
  title text NOT NULL,
  objek text NOT NULL DEFAULT '',
  ruang_lingkup jsonb NOT NULL DEFAULT '[]'::jsonb,
  object_category text NOT NULL CHECK (object_category IN ('PELAYANAN_PUBLIK', 'INFRASTRUKTUR', 'ASET', 'INVESTASI', 'LAINNYA')),
  urusan_codes text[] NOT NULL DEFAULT '{}',
  issue_ids uuid[] NOT NULL DEFAULT '{}',
  location_codes text[] NOT NULL DEFAULT '{}',
  burdens_community boolean NOT NULL DEFAULT false,
  dprd_required boolean NOT NULL,
  central_approval_required boolean NOT NULL,
  plan_reference text,
  plan_exception text CHECK (plan_exception IN ('DARURAT', 'PSN', 'TUGAS_PEMBANTUAN')),
  state text NOT NULL,
  state_changed_at timestamptz NOT NULL,
  state_due_at timestamptz,
  start_date date,
  end_date date,
  signed_at date,
  pending_amendment jsonb,
  potential_id uuid,
  parent_id uuid REFERENCES cooperation (id),
  party_tenant_ids uuid[] NOT NULL DEFAULT '{}',
  party_org_ids uuid[] NOT NULL DEFAULT '{}',
  party_province_codes text[] NOT NULL DEFAULT '{}',
  -- Every prefix of the locations' and party pemda's region codes ('63', '63.06', …): one GIN test per region filter.
  region_keys text[] NOT NULL DEFAULT '{}',
  -- Lead and other OPDs of every party.
  opd_ids uuid[] NOT NULL DEFAULT '{}',
  party_names text NOT NULL DEFAULT '',
  document_text text NOT NULL DEFAULT '',
  search tsvector NOT NULL DEFAULT ''::tsvector,
  row_version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (kind = 'KSDD' OR ksdd_category IS NULL),
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX cooperation_party_tenants_idx ON cooperation USING gin (party_tenant_ids);
CREATE INDEX cooperation_party_orgs_idx ON cooperation USING gin (party_org_ids);
CREATE INDEX cooperation_party_provinces_idx ON cooperation USING gin (party_province_codes);
CREATE INDEX cooperation_region_keys_idx ON cooperation USING gin (region_keys);
CREATE INDEX cooperation_opd_idx ON cooperation USING gin (opd_ids);
CREATE INDEX cooperation_urusan_idx ON cooperation USING gin (urusan_codes);
CREATE INDEX cooperation_locations_idx ON cooperation USING gin (location_codes);
CREATE INDEX cooperation_search_idx ON cooperation USING gin (search);
CREATE INDEX cooperation_updated_idx ON cooperation (updated_at DESC, id DESC);
CREATE INDEX cooperation_state_idx ON cooperation (state, end_date);
CREATE INDEX cooperation_issue_idx ON cooperation USING gin (issue_ids);
CREATE INDEX cooperation_due_idx ON cooperation (state_due_at) WHERE state_due_at IS NOT NULL;
CREATE INDEX cooperation_parent_idx ON cooperation (parent_id);

CREATE TABLE cooperation_party (
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organization (id),
  ordinal integer NOT NULL,
  -- The pemda the party organisation belongs to (NULL for external partners).
  tenant_id uuid REFERENCES organization (id),
  is_initiator boolean NOT NULL DEFAULT false,
  lead_opd_id uuid REFERENCES organization (id),
  other_opd_ids uuid[] NOT NULL DEFAULT '{}',
  register_number text,
  signatory_name text,
  signatory_position text,
  PRIMARY KEY (cooperation_id, org_id)
);
CREATE INDEX cooperation_party_org_idx ON cooperation_party (org_id);
CREATE INDEX cooperation_party_lead_opd_idx ON cooperation_party (lead_opd_id);

CREATE TABLE cooperation_funding (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  source text NOT NULL CHECK (source IN ('APBD', 'APBN', 'MITRA', 'HIBAH', 'LAINNYA')),
  party_org_id uuid REFERENCES organization (id),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
  budgeted boolean NOT NULL
);
CREATE INDEX cooperation_funding_idx ON cooperation_funding (cooperation_id, ordinal);

-- Every document of a cooperation, versioned per (type, party): drafts, uploads and signed copies.
CREATE TABLE cooperation_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  type text NOT NULL,
  title text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('DRAFT', 'FINAL', 'SIGNED')),
  -- A document only one party sees (its internal memo); NULL: all parties.
  private_tenant_id uuid REFERENCES organization (id),
  file_id uuid REFERENCES stored_file (id),
  body jsonb,
  signing_method text CHECK (signing_method IN ('DESK_TO_DESK', 'CEREMONIAL', 'HYBRID')),
  signature_kind text CHECK (signature_kind IN ('WET', 'TTE_BSRE', 'OTHER')),
  wet_checklist jsonb,
  signed_at date,
  signed_place text,
  extracted_text text,
  extracted_at timestamptz,
  created_by uuid REFERENCES app_user (id),
  created_by_org_id uuid REFERENCES organization (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX cooperation_document_idx ON cooperation_document (cooperation_id, type, version DESC);
CREATE INDEX cooperation_document_pending_text_idx ON cooperation_document (created_at) WHERE file_id IS NOT NULL AND extracted_at IS NULL;

-- Each party records the number it gave a signed document in its own numbering.
CREATE TABLE cooperation_document_number (
  document_id uuid NOT NULL REFERENCES cooperation_document (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organization (id),
  number text NOT NULL,
  PRIMARY KEY (document_id, org_id)
);

CREATE TABLE approval_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  authority text NOT NULL CHECK (authority IN ('DPRD', 'MENDAGRI', 'GUBERNUR', 'KEMLU')),
  -- For DPRD: the pemda whose DPRD decides (each party has its own).
  tenant_id uuid REFERENCES organization (id),
  purpose text NOT NULL DEFAULT 'PLAN' CHECK (purpose IN ('PLAN', 'AMENDMENT')),
  request_document_id uuid REFERENCES cooperation_document (id),
  submitted_at timestamptz NOT NULL,
  due_at timestamptz,
  decision text NOT NULL DEFAULT 'PENDING' CHECK (decision IN ('PENDING', 'APPROVED', 'REJECTED', 'REVISE', 'WITHDRAWN')),
  decision_document_id uuid REFERENCES cooperation_document (id),
  decision_note text,
  decided_at date,
  recorded_by uuid REFERENCES app_user (id)
);
CREATE INDEX approval_request_idx ON approval_request (cooperation_id, submitted_at);
CREATE INDEX approval_request_pending_idx ON approval_request (due_at) WHERE decision = 'PENDING';

CREATE TABLE cooperation_dispute (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  raised_by_org_id uuid NOT NULL REFERENCES organization (id),
  description text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('MUSYAWARAH', 'GUBERNUR', 'MENTERI', 'PENGADILAN_ARBITRASE', 'NEGOSIASI')),
  opened_at timestamptz NOT NULL,
  resolved_at timestamptz,
  outcome text CHECK (outcome IN ('RESOLVED', 'TERMINATED')),
  resolution text
);
CREATE INDEX cooperation_dispute_idx ON cooperation_dispute (cooperation_id, opened_at);

-- One sequence orders events and comments that share a timestamp (a frozen clock, one transaction).
CREATE SEQUENCE cooperation_timeline_seq;

-- The timeline: transitions, edits, uploads, decisions (comments live in their own table).
CREATE TABLE cooperation_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint NOT NULL DEFAULT nextval('cooperation_timeline_seq'),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('CREATED', 'TRANSITION', 'EDIT', 'DOCUMENT', 'APPROVAL', 'DISPUTE', 'REMINDER', 'IMPORTED')),
  action text,
  from_state text,
  to_state text,
  reason text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  private_tenant_id uuid REFERENCES organization (id),
  actor_user_id uuid REFERENCES app_user (id),
  actor_name text NOT NULL,
  actor_org_id uuid REFERENCES organization (id)
);
CREATE INDEX cooperation_event_idx ON cooperation_event (cooperation_id, at);

CREATE TABLE cooperation_comment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint NOT NULL DEFAULT nextval('cooperation_timeline_seq'),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  author_user_id uuid NOT NULL REFERENCES app_user (id),
  author_name text NOT NULL,
  author_org_id uuid NOT NULL REFERENCES organization (id),
  body text NOT NULL,
  mention_user_ids uuid[] NOT NULL DEFAULT '{}',
  -- A private note only the author's pemda sees; NULL: every party sees it.
  private_tenant_id uuid REFERENCES organization (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX cooperation_comment_idx ON cooperation_comment (cooperation_id, created_at);

-- One row per reminder sent, so the daily job never repeats one (the end date is part of the key:
-- an amendment that moves the end date re-arms the reminders).
CREATE TABLE cooperation_reminder (
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  end_date date NOT NULL,
  offset_days integer NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (cooperation_id, end_date, offset_days)
);

CREATE TABLE saved_filter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name text NOT NULL,
  query jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX saved_filter_name_idx ON saved_filter (user_id, lower(name));
