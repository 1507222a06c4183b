-- The compliance a standard aims for, in percent (0 = data.DefaultSLAGoal):
-- charts and tiles judge each standard's compliance against its own goal.
ALTER TABLE standard ADD COLUMN goal REAL NOT NULL DEFAULT 0 CHECK (goal BETWEEN 0 AND 100);
