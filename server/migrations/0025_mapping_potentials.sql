-- Register of potentials and needs (issue 5, items 4 and 6): the items OPDs list in repeatable
-- sections of their mapping answer, extracted when the TKKSD accepts the answer, then prioritised,
-- adopted and followed through to cooperation proposals.

CREATE TABLE mapping_potential (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  cycle_id uuid NOT NULL REFERENCES mapping_cycle (id) ON DELETE CASCADE,
  answer_id uuid NOT NULL REFERENCES mapping_answer (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organization (id),
  -- Where in the answer the item came from (section id, position in the list), for tracing.
  section_id text NOT NULL,
  item_index integer NOT NULL,
  -- The title as the OPD wrote it: a later acceptance recognises the item by it even after the
  -- TKKSD corrected the title.
  source_title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('POTENSI', 'KEBUTUHAN', 'PERMASALAHAN')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  urusan_codes text[] NOT NULL DEFAULT '{}',
  issue_ids uuid[] NOT NULL DEFAULT '{}',
  location_codes text[] NOT NULL DEFAULT '{}',
  candidate_partners text NOT NULL DEFAULT '',
  expected_benefit text NOT NULL DEFAULT '',
  cost_estimate_idr numeric(18, 2),
  status text NOT NULL CHECK (status IN ('DIUSULKAN', 'DIPRIORITASKAN', 'DITETAPKAN', 'DIBATALKAN', 'DITINDAKLANJUTI')),
  status_reason text,
  -- Cooperations proposed from this item (cooperation.potential_id points back).
  cooperation_ids uuid[] NOT NULL DEFAULT '{}',
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX mapping_potential_tenant_idx ON mapping_potential (tenant_id, cycle_id, status);
CREATE INDEX mapping_potential_answer_idx ON mapping_potential (answer_id);
CREATE INDEX mapping_potential_urusan_idx ON mapping_potential USING gin (urusan_codes);
