-- Platform: extensions, the hash-chained audit log, durable jobs, e-mail, stored files.
-- Written for PostgreSQL 15 (PGlite is 18): no newer-only syntax or functions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Append-only audit log. Each row carries the hash of the previous one; audit_chain_head holds
-- the tip and is locked by every writer, so rows are chained in commit order.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_org_id uuid,
  tenant_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  diff jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, seq DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq DESC);

CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Durable background jobs, claimed with FOR UPDATE SKIP LOCKED so each runs once.
CREATE TABLE job (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'dead')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  idempotency_key text,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE UNIQUE INDEX job_idempotency_idx ON job (name, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX job_ready_idx ON job (run_at) WHERE status = 'queued';
CREATE INDEX job_running_idx ON job (locked_until) WHERE status = 'running';

CREATE TABLE job_schedule (
  name text PRIMARY KEY,
  cron text NOT NULL,
  job_name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  enabled boolean NOT NULL DEFAULT true
);

-- Outgoing e-mail. Without SMTP it stays readable in the admin outbox.
CREATE TABLE email_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'outbox', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX email_message_created_idx ON email_message (created_at DESC);

-- File metadata; the bytes live in the file store, addressed by SHA-256.
CREATE TABLE stored_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  media_type text NOT NULL,
  file_name text NOT NULL,
  tenant_id uuid,
  org_id uuid NOT NULL,
  uploaded_by uuid NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX stored_file_org_idx ON stored_file (org_id, created_at DESC);
CREATE INDEX stored_file_sha_idx ON stored_file (sha256);
