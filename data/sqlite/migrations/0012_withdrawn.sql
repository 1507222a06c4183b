-- Whether a complaint was withdrawn (data.Facts.Withdrawn) is kept with
-- the other derived columns, so that the register reads it with the row
-- instead of working it out again from the events.
ALTER TABLE complaint ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1));
UPDATE complaint SET withdrawn = 1
WHERE status = 'closed' AND resolved_at IS NULL
	AND (SELECT e.cancelled FROM complaint_event e WHERE e.complaint_id = complaint.id AND e.kind = 'status'
		ORDER BY e.at DESC, e.id DESC LIMIT 1) = 1;
