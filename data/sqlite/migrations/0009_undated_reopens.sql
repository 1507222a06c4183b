-- complaint.reopens counts the reopens a source gave without their times
-- too (Zendesk's "Reopens"): the KPIs counted them from the events, but
-- the agents' scorecards, which read the column, did not.
UPDATE complaint SET reopens = (SELECT count(*) FROM complaint_event e WHERE e.complaint_id = complaint.id AND e.flow = 2)
WHERE EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = complaint.id AND e.flow = 2 AND e.undated = 1);
