-- The breach mark (some finished SLA item of the complaint was breached)
-- moves out of the complaint row into a set of its own. Saving a
-- standard sets or clears tens of thousands of marks, and each rewrote a
-- complaint row, a page of the largest table apiece; the set is a
-- hundredth of its size.
CREATE TABLE complaint_breached (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaint (id) ON DELETE CASCADE
);
INSERT INTO complaint_breached (complaint_id) SELECT id FROM complaint WHERE sla_breached = 1;
ALTER TABLE complaint DROP COLUMN sla_breached;
