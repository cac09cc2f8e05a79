-- The national mapping overview (issue 5) is kept per web process like the dashboards and checked
-- against the change log on every request (ADR 0027, ADR 0024). These are the tables it reads: the
-- year's cycles with their participants and answers, the register of potentials, and the pemda
-- organisations (name, region, active) it lists. No index is added: the overview is one statement
-- whose joins already use mapping_cycle (tenant_id, year), the participant and answer keys and
-- mapping_potential (tenant_id, cycle_id, status); its cost is aggregating the items (ADR 0027).
CREATE TRIGGER mapping_cycle_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mapping_cycle
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER mapping_cycle_participant_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mapping_cycle_participant
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER mapping_answer_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mapping_answer
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER mapping_potential_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mapping_potential
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER organization_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
