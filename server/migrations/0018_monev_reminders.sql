-- Reminders and dormancy escalation (issue 4, items 5 and 6).

-- Daily digest e-mail. A notice sent with email 'digest' writes its in-app row at once and leaves
-- the e-mail to the daily digest: the row remembers where and in which language the person reads
-- mail and under which heading the item is listed; digested_at is set in the same transaction that
-- queues the digest, so a re-run sends nothing twice and a crash loses nothing.
ALTER TABLE notification ADD COLUMN digest_to text;
ALTER TABLE notification ADD COLUMN digest_lang text;
ALTER TABLE notification ADD COLUMN digest_group text;
ALTER TABLE notification ADD COLUMN digested_at timestamptz;
CREATE INDEX notification_digest_pending_idx ON notification (user_id, created_at) WHERE digest_to IS NOT NULL AND digested_at IS NULL;

-- Dormancy escalation: one row per step of an episode (the day the cooperation became dormant).
-- A step is told once per episode; steps a late run jumped over are recorded as skipped.
CREATE TABLE monev_dormancy_step (
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  episode_start date NOT NULL,
  step smallint NOT NULL CHECK (step >= 0),
  role text NOT NULL,
  notified_at timestamptz NOT NULL,
  skipped boolean NOT NULL,
  recipients integer NOT NULL CHECK (recipients >= 0),
  PRIMARY KEY (cooperation_id, episode_start, step)
);

-- Reminders already sent: each item (milestone, obligation, update or evaluation of a cooperation)
-- once per state (DUE_SOON, OVERDUE) and due date, so a moved due date reminds again.
CREATE TABLE monev_reminder_sent (
  cooperation_id uuid NOT NULL REFERENCES cooperation (id) ON DELETE CASCADE,
  item_kind text NOT NULL CHECK (item_kind IN ('MILESTONE', 'OBLIGATION', 'UPDATE', 'EVALUATION')),
  item_key text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('DUE_SOON', 'OVERDUE')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (cooperation_id, item_kind, item_key, due_date, status)
);
