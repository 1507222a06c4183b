-- Events a source reports without their time (a CFPB complaint known to
-- be closed, a count of reopens): at is only the earliest they can have
-- happened, so no duration may start or end at them (data.ComplaintEvent.Undated).
ALTER TABLE complaint_event ADD COLUMN undated INTEGER NOT NULL DEFAULT 0 CHECK (undated IN (0, 1));
