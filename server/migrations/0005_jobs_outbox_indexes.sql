-- Indexes for the admin views of the job queue and the e-mail outbox (newest first, per tenant).
CREATE INDEX job_created_idx ON job (created_at DESC, id DESC);
CREATE INDEX email_message_tenant_idx ON email_message (tenant_id, created_at DESC, id DESC);
