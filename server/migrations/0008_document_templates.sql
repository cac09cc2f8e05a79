-- Document templates (issue 3): the sections a generated naskah starts from. National defaults ship
-- as files and count as version 1; a pemda (or, for the national set, a platform administrator)
-- publishes further versions here. Rows are never edited: each change is a new version.
CREATE TABLE document_template (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL: a national template; otherwise the pemda whose drafts use it.
  tenant_id uuid REFERENCES organization (id),
  type text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  name text NOT NULL,
  -- Ordered [{clause, heading, text}] with {{placeholders}} filled from the cooperation.
  sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX document_template_version_idx ON document_template (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), type, version);
