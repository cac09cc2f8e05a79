-- Portal publication and open data (issue 6 items 2 and 4, ADR 0028). Nothing is public until the
-- owning pemda's secretariat publishes it. Each publication appends a dated release holding the
-- snapshot the public sees (never a person); the portal and the open-data API read releases and
-- the current projection (portal_entry) only, never the internal tables.

-- The secretariat's choices per cooperation. Who published is in the audit log, not here.
CREATE TABLE portal_publication (
  cooperation_id uuid PRIMARY KEY REFERENCES cooperation (id),
  -- The owning pemda (the cooperation's tenant) whose secretariat decides.
  tenant_id uuid NOT NULL REFERENCES organization (id),
  status text NOT NULL CHECK (status IN ('PUBLISHED', 'WITHDRAWN')),
  -- { "<optional field>": true|false } for each OPTIONAL_PUBLIC_FIELDS key (contracts/portal.ts).
  visibility jsonb NOT NULL,
  -- Document versions (cooperation_document ids) ticked public; none until the secretariat ticks them.
  public_document_ids uuid[] NOT NULL DEFAULT '{}',
  first_published_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX portal_publication_tenant_idx ON portal_publication (tenant_id);

-- Append-only history, in the spirit of OCDS releases: a later change never overwrites a release.
CREATE TABLE portal_release (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id),
  ocid text NOT NULL,
  sequence integer NOT NULL CHECK (sequence >= 1),
  tag text NOT NULL CHECK (tag IN ('publication', 'update', 'withdrawal')),
  released_at timestamptz NOT NULL,
  -- The PublicCooperation as published; null for a withdrawal.
  snapshot jsonb,
  -- SHA-256 of the canonical JSON (RFC 8785) of the snapshot; a refresh appends only when it differs.
  snapshot_hash text NOT NULL,
  UNIQUE (cooperation_id, sequence),
  CHECK ((tag = 'withdrawal') = (snapshot IS NULL))
);
CREATE INDEX portal_release_released_idx ON portal_release (released_at, id);

CREATE FUNCTION portal_release_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'portal_release is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER portal_release_no_update BEFORE UPDATE OR DELETE ON portal_release
  FOR EACH ROW EXECUTE FUNCTION portal_release_append_only();
CREATE TRIGGER portal_release_no_truncate BEFORE TRUNCATE ON portal_release
  FOR EACH STATEMENT EXECUTE FUNCTION portal_release_append_only();

-- The current public projection of each published cooperation, for listing, search and the
-- change feed. Built from the latest release's snapshot only; deleted on withdrawal.
CREATE TABLE portal_entry (
  cooperation_id uuid PRIMARY KEY REFERENCES cooperation (id),
  release_id uuid NOT NULL REFERENCES portal_release (id),
  sequence integer NOT NULL,
  ocid text NOT NULL,
  code text NOT NULL,
  title text NOT NULL,
  kind text NOT NULL,
  state text NOT NULL,
  urusan_codes text[] NOT NULL,
  -- Kemendagri codes of the party pemda and the locations as published.
  region_codes text[] NOT NULL,
  -- region_codes with every prefix ('63.06' → '63', '63.06'): a province filter matches its kab/kota.
  region_keys text[] NOT NULL,
  party_names text[] NOT NULL,
  start_date date,
  end_date date,
  inactive boolean NOT NULL,
  released_at timestamptz NOT NULL,
  -- Title, objek, public ruang lingkup and party names, stemmed like the register (Indonesian snowball).
  search_text text NOT NULL,
  search tsvector NOT NULL
);
CREATE INDEX portal_entry_search_idx ON portal_entry USING gin (search);
CREATE INDEX portal_entry_region_idx ON portal_entry USING gin (region_keys);
CREATE INDEX portal_entry_urusan_idx ON portal_entry USING gin (urusan_codes);
CREATE INDEX portal_entry_kind_idx ON portal_entry (kind);
CREATE INDEX portal_entry_released_idx ON portal_entry (released_at, cooperation_id);
CREATE INDEX portal_entry_title_idx ON portal_entry (title, cooperation_id);
