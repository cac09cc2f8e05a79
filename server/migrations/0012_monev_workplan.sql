-- The work plan of a cooperation (issue 4, item 1): activities with the responsible party and OPD,
-- schedule, budget and realisation in IDR, outputs and status; the obligations (hak dan kewajiban)
-- of each party; and milestones. Rows belong to their cooperation and go with it.

CREATE TABLE work_plan_activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  -- The PKS, NK or RENCANA_KERJA document the activity implements, if named.
  agreement_document_id uuid REFERENCES cooperation_document (id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  responsible_org_id uuid NOT NULL REFERENCES organization (id),
  responsible_opd_id uuid REFERENCES organization (id),
  planned_start date NOT NULL,
  planned_end date NOT NULL,
  budget numeric(18, 2) NOT NULL DEFAULT 0 CHECK (budget >= 0),
  realisation numeric(18, 2) NOT NULL DEFAULT 0 CHECK (realisation >= 0),
  outputs text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('DIRENCANAKAN', 'BERJALAN', 'SELESAI', 'TERTUNDA', 'DIBATALKAN')),
  -- For progress roll-ups: an activity's share of its cooperation.
  weight numeric(9, 3) NOT NULL DEFAULT 1 CHECK (weight > 0),
  row_version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL,
  CHECK (planned_start <= planned_end)
);
CREATE INDEX work_plan_activity_cooperation_idx ON work_plan_activity (cooperation_id, planned_start);

CREATE TABLE work_plan_obligation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  party_org_id uuid NOT NULL REFERENCES organization (id),
  description text NOT NULL,
  due_date date,
  status text NOT NULL CHECK (status IN ('BELUM_JATUH_TEMPO', 'DIPENUHI', 'SEBAGIAN', 'TIDAK_DIPENUHI')),
  note text NOT NULL DEFAULT '',
  fulfilled_at timestamptz,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX work_plan_obligation_cooperation_idx ON work_plan_obligation (cooperation_id, due_date);

CREATE TABLE work_plan_milestone (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  -- An activity of the same cooperation; the use case refuses to delete an activity with milestones.
  activity_id uuid REFERENCES work_plan_activity (id),
  name text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('TERJADWAL', 'TERCAPAI', 'TIDAK_TERCAPAI', 'TERCAPAI_SEBAGIAN')),
  note text NOT NULL DEFAULT '',
  decided_at timestamptz,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX work_plan_milestone_cooperation_idx ON work_plan_milestone (cooperation_id, due_date);
CREATE INDEX work_plan_milestone_activity_idx ON work_plan_milestone (activity_id) WHERE activity_id IS NOT NULL;
