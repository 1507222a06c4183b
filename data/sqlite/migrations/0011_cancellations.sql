-- A complaint cancelled or withdrawn is closed without a resolution: its
-- closing event is marked (data.ComplaintEvent.Cancelled), flows as 3, and
-- is counted in the rollups' own column, so that "resolved" counts only
-- resolutions while the backlog still loses the complaint. Cancellations
-- imported before this version were stored as closings without a time
-- and keep counting as resolutions: nothing tells them apart.
ALTER TABLE complaint_event ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1));
ALTER TABLE complaint_daily ADD COLUMN cancellations INTEGER NOT NULL DEFAULT 0 CHECK (cancellations >= 0);
ALTER TABLE complaint_daily_segment ADD COLUMN cancellations INTEGER NOT NULL DEFAULT 0 CHECK (cancellations >= 0);
