-- A change log that read caches validate against (ADR 0024). Every statement that writes one of
-- the tables below appends a row in its own transaction, so the newest sequence number a reader
-- can see moves exactly when a committed change becomes visible to it. Insert-only: concurrent
-- writers never wait for each other here. The nightly maintenance job prunes all but the newest.
CREATE TABLE data_change (
  seq bigserial PRIMARY KEY,
  table_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_change (table_name) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

-- What dashboards aggregate: the cooperations (state, kind, urusan, dates, progress, monitoring,
-- parties), monev's summary row per cooperation, the rule packs (dormancy cut-offs) and urusan names.
CREATE TRIGGER cooperation_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cooperation
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER monev_summary_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON monev_summary
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER rule_pack_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rule_pack
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER urusan_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON urusan
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

INSERT INTO data_change (table_name) VALUES ('data_change');
