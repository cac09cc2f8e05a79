-- TKKSD plenary (issue 5, item 5): the TKKSD scores register items on the rule pack's weighted
-- criteria, ranks them and decides the priority list in a recorded plenary meeting; the Berita
-- Acara and the draft Keputusan Kepala Daerah are rendered from the decision.

-- One score per item and criterion (the plenary's agreed value). Weighted totals are not stored:
-- they follow the weights of the rule pack in force, so a change of weights re-ranks at once.
CREATE TABLE mapping_score (
  potential_id uuid NOT NULL REFERENCES mapping_potential (id) ON DELETE CASCADE,
  criterion text NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  scored_by uuid REFERENCES app_user (id),
  scored_at timestamptz NOT NULL,
  PRIMARY KEY (potential_id, criterion)
);

-- The plenary's decision for a cycle. What the documents print is kept as decided (criteria and
-- weights, ranked items with their scores, attendance), so a later edit of an item, of the
-- weights or of the meeting never changes a Berita Acara already signed. A new decision before
-- the cycle is determined replaces it; the audit log keeps every one.
CREATE TABLE mapping_plenary (
  cycle_id uuid PRIMARY KEY REFERENCES mapping_cycle (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES organization (id),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  decided_at timestamptz NOT NULL,
  decided_by uuid REFERENCES app_user (id),
  decided_by_name text NOT NULL,
  notes text,
  snapshot jsonb NOT NULL,
  row_version integer NOT NULL DEFAULT 1
);
CREATE INDEX mapping_plenary_meeting_idx ON mapping_plenary (meeting_id);
