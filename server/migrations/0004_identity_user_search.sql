-- User administration searches people by any part of their name or e-mail address (ILIKE '%…%');
-- trigram indexes keep that fast once every pemda's staff are registered.
CREATE INDEX app_user_name_trgm_idx ON app_user USING gin (name gin_trgm_ops);
CREATE INDEX app_user_email_trgm_idx ON app_user USING gin (email gin_trgm_ops);
