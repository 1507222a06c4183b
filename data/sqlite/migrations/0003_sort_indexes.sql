-- Indexes for the list sorted by score, channel or touchpoint. The list
-- orders by the column, then date, then id (the rowid rides along), so a
-- page is a seek to (value, day) plus a short walk instead of a full sort.
-- Bulk imports drop and rebuild them at commit (about 0.4 µs a row each),
-- which removes the page splits that kept them out of version 1; small
-- imports and typed entries update them row by row.
CREATE INDEX feedback_score ON feedback (score, day, responded_at);
CREATE INDEX feedback_channel ON feedback (channel, day, responded_at);
CREATE INDEX feedback_touchpoint ON feedback (touchpoint, day, responded_at);
