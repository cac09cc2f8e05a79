-- Pemetaan Potensi (issue 5, items 2 and 3): the yearly mapping cycle of a pemda, the
-- questionnaire its OPDs answer, and the answers with every submission kept. The stages come from
-- the source articles (configuration in the rule pack, not law): PERSIAPAN → PROSES_PEMETAAN →
-- PENYUSUNAN_PEMBAHASAN → PENETAPAN → DITETAPKAN.

-- A questionnaire version. Versions of one questionnaire share family_id; a version that has
-- answers is frozen and an edit makes the next version.
CREATE TABLE mapping_questionnaire (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  family_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  description text,
  -- { sections: [{ id, title, repeatable, itemKind?, questions: [{ id, type, label, required, ... }] }] }
  definition jsonb NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (family_id, version)
);
CREATE INDEX mapping_questionnaire_tenant_idx ON mapping_questionnaire (tenant_id, family_id, version);

CREATE TABLE mapping_cycle (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  stage text NOT NULL CHECK (stage IN ('PERSIAPAN', 'PROSES_PEMETAAN', 'PENYUSUNAN_PEMBAHASAN', 'PENETAPAN', 'DITETAPKAN')),
  questionnaire_id uuid NOT NULL REFERENCES mapping_questionnaire (id),
  -- The last day (WIB) an OPD may submit, unless the cycle reopens it for that OPD.
  answer_deadline date NOT NULL,
  -- [{ stage, plannedStart, plannedEnd, responsibleRoles[], startedAt|null, endedAt|null }]
  schedule jsonb NOT NULL,
  decree_number text,
  decree_date date,
  created_by uuid REFERENCES app_user (id),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, year)
);

-- The OPDs that answer in a cycle; deadline is set when the cycle reopens submission for one OPD.
CREATE TABLE mapping_cycle_participant (
  cycle_id uuid NOT NULL REFERENCES mapping_cycle (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organization (id),
  deadline date,
  PRIMARY KEY (cycle_id, org_id)
);

-- One answer per OPD per cycle; revision counts submissions.
CREATE TABLE mapping_answer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id uuid NOT NULL REFERENCES mapping_cycle (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES organization (id),
  org_id uuid NOT NULL REFERENCES organization (id),
  questionnaire_id uuid NOT NULL REFERENCES mapping_questionnaire (id),
  status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
  answers jsonb NOT NULL,
  revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
  review_comment text,
  submitted_at timestamptz,
  submitted_by_name text,
  reviewed_at timestamptz,
  reviewed_by_name text,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (cycle_id, org_id)
);
CREATE INDEX mapping_answer_questionnaire_idx ON mapping_answer (questionnaire_id);

-- The history of an answer: every save, submission (with the answers as submitted), return with
-- its comment, acceptance and reopening.
CREATE TABLE mapping_answer_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  answer_id uuid NOT NULL REFERENCES mapping_answer (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  action text NOT NULL CHECK (action IN ('SAVE', 'SUBMIT', 'RETURN', 'ACCEPT', 'REOPEN')),
  status text NOT NULL,
  revision integer NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  actor_name text NOT NULL,
  comment text,
  answers jsonb
);
CREATE INDEX mapping_answer_event_answer_idx ON mapping_answer_event (answer_id, id);
