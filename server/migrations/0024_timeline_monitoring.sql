-- Approved progress updates and finalised evaluations appear on the cooperation's timeline.
ALTER TABLE cooperation_event DROP CONSTRAINT cooperation_event_kind_check;
ALTER TABLE cooperation_event ADD CONSTRAINT cooperation_event_kind_check
  CHECK (kind IN ('CREATED', 'TRANSITION', 'EDIT', 'DOCUMENT', 'APPROVAL', 'DISPUTE', 'REMINDER', 'IMPORTED', 'MONITORING'));
