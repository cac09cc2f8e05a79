-- Monev indicators of a cooperation (issue 4, item 2): unit, baseline and target, and the actual
-- value per period (monthly, quarterly, semester or yearly), optionally per region. Numbers are
-- exact numerics sent as strings, like IDR amounts. Rows belong to their cooperation.

CREATE TABLE monev_indicator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  -- An activity of the same cooperation the indicator measures; without one it counts for the
  -- cooperation directly. Deleting the activity keeps the indicator at the cooperation level.
  activity_id uuid REFERENCES work_plan_activity (id) ON DELETE SET NULL,
  name text NOT NULL,
  unit text NOT NULL,
  baseline numeric(18, 4) NOT NULL,
  target numeric(18, 4) NOT NULL,
  direction text NOT NULL CHECK (direction IN ('INCREASE', 'DECREASE')),
  frequency text NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'SEMESTER', 'YEARLY')),
  by_region boolean NOT NULL DEFAULT false,
  -- Share in the roll-up of its activity or cooperation.
  weight numeric(9, 3) NOT NULL DEFAULT 1 CHECK (weight > 0),
  row_version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL,
  CHECK ((direction = 'INCREASE' AND target >= baseline) OR (direction = 'DECREASE' AND target <= baseline))
);
CREATE INDEX monev_indicator_cooperation_idx ON monev_indicator (cooperation_id, created_at);
CREATE INDEX monev_indicator_activity_idx ON monev_indicator (activity_id);

-- The actual value of one period (and region, when the indicator is broken down by region).
-- A correction replaces the row; the audit log keeps the previous figure.
CREATE TABLE monev_indicator_value (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES monev_indicator (id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^(19|20|21)[0-9]{2}(-(0[1-9]|1[0-2])|-Q[1-4]|-S[12])?$'),
  region_code text REFERENCES region (code),
  -- The target of this period; null means the indicator's target.
  target numeric(18, 4),
  actual numeric(18, 4) NOT NULL,
  note text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE NULLS NOT DISTINCT (indicator_id, period, region_code)
);
