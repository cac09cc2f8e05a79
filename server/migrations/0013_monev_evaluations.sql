-- Monev: periodic evaluations of a cooperation in force, rated 1–5 per criterion by several
-- roles against a configurable rubric (issue 4, item 4; ksd-domain.md §8.6).

-- A pemda's own rubric versions; the national default ships as a file, so no row means "national".
CREATE TABLE monev_rubric (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  version integer NOT NULL CHECK (version > 0),
  valid_from date NOT NULL,
  rubric jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  UNIQUE (tenant_id, version)
);
CREATE INDEX monev_rubric_tenant_idx ON monev_rubric (tenant_id, valid_from DESC);

-- One evaluation of one cooperation for one period by one party pemda. The rubric in force when it
-- was opened is copied in, so a later rubric never changes a past score.
CREATE TABLE monev_evaluation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  period text NOT NULL CHECK (period ~ '^(19|20|21)[0-9]{2}(-S[12])?$'),
  is_final boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('OPEN', 'FINAL')),
  rubric_version integer,
  rubric jsonb NOT NULL,
  score numeric(3, 2) CHECK (score BETWEEN 1 AND 5),
  findings text,
  recommendation text CHECK (recommendation IN ('LANJUT', 'PERBAIKI', 'HENTIKAN')),
  opened_by uuid REFERENCES app_user (id),
  opened_at timestamptz NOT NULL,
  finalised_by uuid REFERENCES app_user (id),
  finalised_at timestamptz,
  CHECK ((status = 'FINAL') = (finalised_at IS NOT NULL AND recommendation IS NOT NULL))
);
CREATE UNIQUE INDEX monev_evaluation_open_idx ON monev_evaluation (cooperation_id, period, tenant_id) WHERE status = 'OPEN';
CREATE INDEX monev_evaluation_cooperation_idx ON monev_evaluation (cooperation_id, opened_at DESC);

-- A rater's score for one criterion; a rater's whole set is replaced at once.
CREATE TABLE monev_rating (
  evaluation_id uuid NOT NULL REFERENCES monev_evaluation (id),
  criterion text NOT NULL,
  rater_user_id uuid NOT NULL REFERENCES app_user (id),
  rater_name text NOT NULL,
  rater_role text NOT NULL CHECK (rater_role IN ('OPD', 'MITRA', 'TKKSD', 'SEKRETARIAT')),
  rater_org_id uuid NOT NULL REFERENCES organization (id),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  note text NOT NULL DEFAULT '',
  -- [{ "fileId": uuid, "fileName": text }]: stored files the rater's organisation uploaded.
  evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (evaluation_id, rater_user_id, criterion)
);
