-- Periodic reports (issue 4, item 7): a pemda's semester or yearly report to its Gubernur, and a
-- province's to the Menteri Dalam Negeri. The figures are computed from the register when the
-- report is generated and kept as a snapshot; an accepted report is locked.

CREATE TABLE periodic_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The reporting pemda (a kabupaten/kota, or the province whose report rolls up its kab/kota).
  tenant_id uuid NOT NULL REFERENCES organization (id),
  level text NOT NULL CHECK (level IN ('PEMDA', 'PROVINCE')),
  recipient text NOT NULL CHECK (recipient IN ('GUBERNUR', 'MENDAGRI')),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  period text NOT NULL CHECK (period IN ('SEMESTER_1', 'SEMESTER_2', 'YEARLY')),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  -- From the rule pack (reporting.dueDaysAfterPeriodEnd) in force when the report was first made.
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
  figures jsonb NOT NULL,
  xlsx_file_id uuid REFERENCES stored_file (id),
  pdf_file_id uuid REFERENCES stored_file (id),
  generated_by uuid NOT NULL REFERENCES app_user (id),
  generated_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES app_user (id),
  submitted_at timestamptz,
  reviewed_by uuid REFERENCES app_user (id),
  reviewed_at timestamptz,
  -- Why a report was returned (required then); kept after acceptance as the last review note.
  review_comment text,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT periodic_report_one_per_period UNIQUE (tenant_id, year, period),
  CHECK ((level = 'PEMDA' AND recipient = 'GUBERNUR') OR (level = 'PROVINCE' AND recipient = 'MENDAGRI'))
);
CREATE INDEX periodic_report_period_idx ON periodic_report (year, period, status);
