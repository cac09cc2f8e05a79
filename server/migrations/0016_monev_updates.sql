-- Progress updates of a cooperation (issue 4, item 3): an OPD liaison or a partner reports
-- figures per activity (and indicator actuals) with evidence; the secretariat approves or returns
-- it. Approved figures are locked: a correction is a new revision of the same series with a
-- reason, and approving it supersedes the previous approved revision. Rows belong to their
-- cooperation; the reviewing pemda (tenant_id) drives the secretariat's queue.

CREATE TABLE monev_progress_update (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  -- The party pemda whose secretariat reviews the update.
  tenant_id uuid NOT NULL REFERENCES organization (id),
  -- Every revision of one report shares the series id of its first revision.
  series_id uuid NOT NULL,
  revision integer NOT NULL CHECK (revision >= 1),
  supersedes_id uuid REFERENCES monev_progress_update (id),
  status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED')),
  as_of date NOT NULL,
  narrative text NOT NULL,
  -- [{ activityId, progress, realisationIdr|null }] and [{ indicatorId, periodKey, value }]:
  -- the figures as reported; they reach the work plan only when approved.
  activity_lines jsonb NOT NULL,
  indicator_lines jsonb NOT NULL,
  evidence jsonb NOT NULL,
  -- Why a correction was made (revision > 1 only).
  reason text,
  review_comment text,
  author_id uuid NOT NULL REFERENCES app_user (id),
  author_name text NOT NULL,
  author_org_id uuid NOT NULL REFERENCES organization (id),
  submitted_at timestamptz,
  reviewed_by uuid REFERENCES app_user (id),
  reviewed_by_name text,
  reviewed_at timestamptz,
  approved_at timestamptz,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (series_id, revision),
  CHECK ((revision = 1) = (reason IS NULL))
);
CREATE INDEX monev_progress_update_cooperation_idx ON monev_progress_update (cooperation_id, status);
CREATE INDEX monev_progress_update_queue_idx ON monev_progress_update (tenant_id, status, submitted_at);
CREATE INDEX monev_progress_update_approved_idx ON monev_progress_update (approved_at);
CREATE INDEX monev_progress_update_series_idx ON monev_progress_update (series_id);

-- The history of an update: who did what, when, with which comment.
-- The identity orders events written within the same instant (one transaction's clock).
CREATE TABLE monev_progress_update_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  update_id uuid NOT NULL REFERENCES monev_progress_update (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  action text NOT NULL CHECK (action IN ('SAVE', 'SUBMIT', 'RETURN', 'APPROVE', 'SUPERSEDE', 'REVISE')),
  status text NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  actor_name text NOT NULL,
  comment text
);
CREATE INDEX monev_progress_update_event_update_idx ON monev_progress_update_event (update_id, at);

-- The approved update an activity's progress and realisation come from: those figures are no
-- longer edited in place, only corrected by a new revision.
ALTER TABLE work_plan_activity ADD COLUMN figures_update_id uuid REFERENCES monev_progress_update (id);
