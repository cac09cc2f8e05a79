-- Progress and dormancy (issue 4). A cooperation carries its rolled-up progress (0–100) and the
-- moment it was last monitored (an evaluation finalised; later also an approved progress update),
-- written by monev through the cooperations module; "dormant" is derived from the latter and the
-- rule pack's dormantAfterMonths when the record is read.
ALTER TABLE cooperation ADD COLUMN progress numeric(5, 2) NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100);
ALTER TABLE cooperation ADD COLUMN last_monitored_at timestamptz;

-- An activity's own progress, 0–100 (a completed activity is 100).
ALTER TABLE work_plan_activity ADD COLUMN progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100);
