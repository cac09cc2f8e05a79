-- Meetings and forums of a pemda (issue 5, item 7; ksd-domain §8.3 Meeting): forum KSD with
-- potential partners, sosialisasi, rakor OPD, pleno TKKSD, pembahasan, penandatanganan, monev.
-- A meeting belongs to one pemda (tenant_id). Its invitees are platform users or external guests
-- (name + e-mail: personal data, shown only to the pemda's meeting managers). Minutes, once
-- finalised, are locked. Follow-up actions have an owner (a user of the pemda) and a due date and
-- reach the owner's daily reminders.

CREATE TABLE meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  type text NOT NULL CHECK (type IN ('FORUM_MITRA', 'SOSIALISASI', 'RAKOR_OPD', 'RAPAT_PLENO_TKKSD', 'PEMBAHASAN', 'PENANDATANGANAN', 'MONEV')),
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'INVITED', 'HELD', 'CANCELLED')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- IANA zone the times are shown in (WIB/WITA/WIT from the pemda's province); storage is UTC.
  time_zone text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('LURING', 'DARING', 'HYBRID')),
  place text,
  online_url text,
  -- [{ title, notes|null }] in order.
  agenda jsonb NOT NULL,
  cooperation_id uuid REFERENCES cooperation (id) ON DELETE SET NULL,
  -- The mapping cycle this meeting belongs to (the mapping module); no FK across modules.
  mapping_cycle_id uuid,
  minutes text,
  -- ["decision 1", "decision 2", ...]: numbered by position.
  decisions jsonb NOT NULL,
  minutes_finalised_at timestamptz,
  minutes_finalised_by_name text,
  -- iCalendar SEQUENCE: raised on every reschedule and on cancellation.
  sequence integer NOT NULL DEFAULT 0,
  cancel_reason text,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (mode = 'DARING' OR place IS NOT NULL),
  CHECK (mode = 'LURING' OR online_url IS NOT NULL)
);
CREATE INDEX meeting_tenant_start_idx ON meeting (tenant_id, starts_at);
CREATE INDEX meeting_cooperation_idx ON meeting (cooperation_id) WHERE cooperation_id IS NOT NULL;
CREATE INDEX meeting_mapping_cycle_idx ON meeting (mapping_cycle_id) WHERE mapping_cycle_id IS NOT NULL;

CREATE TABLE meeting_invitee (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  -- A platform user, or null for an external guest or a walk-in.
  user_id uuid REFERENCES app_user (id),
  name text NOT NULL,
  email text,
  organisation text,
  walk_in boolean NOT NULL DEFAULT false,
  attendance text CHECK (attendance IN ('PRESENT', 'ABSENT', 'EXCUSED')),
  invited_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (walk_in OR email IS NOT NULL)
);
CREATE UNIQUE INDEX meeting_invitee_user_idx ON meeting_invitee (meeting_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_invitee_email_idx ON meeting_invitee (meeting_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX meeting_invitee_user_lookup_idx ON meeting_invitee (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE meeting_action (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES organization (id),
  title text NOT NULL,
  owner_id uuid NOT NULL REFERENCES app_user (id),
  owner_name text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
  done_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX meeting_action_meeting_idx ON meeting_action (meeting_id);
CREATE INDEX meeting_action_open_due_idx ON meeting_action (due_date) WHERE status = 'OPEN';

-- One reminder per action, due date and state (due soon, overdue): the daily run is idempotent.
CREATE TABLE meeting_action_reminder (
  action_id uuid NOT NULL REFERENCES meeting_action (id) ON DELETE CASCADE,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('DUE_SOON', 'OVERDUE')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (action_id, due_date, status)
);

-- The outbox carries attachments (the .ics of an invitation): [{ filename, contentType, content }],
-- content as text. Null for mail without attachments.
ALTER TABLE email_message ADD COLUMN attachments jsonb;
