-- The actor's name as it was when they acted, so the log reads "who" without a lookup and keeps
-- its meaning after a person is renamed or removed.
ALTER TABLE audit_log ADD COLUMN actor_name text;
