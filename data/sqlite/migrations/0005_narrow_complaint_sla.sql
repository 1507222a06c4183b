-- complaint_sla keeps only what the store reads back (open clocks, finished
-- outcomes): the version, measure, target and elapsed time are judged live
-- by SLA(id). Without them a standard saved again leaves the rows of most
-- complaints as they were, so re-judging a million complaints rewrites
-- only the ones whose outcome or due time changed.
CREATE TABLE complaint_sla_narrow (
    standard_id  INTEGER NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
    complaint_id INTEGER NOT NULL,
    due_at       INTEGER,
    risk_at      INTEGER,
    finished_at  INTEGER,
    finished_day INTEGER,
    outcome      TEXT NOT NULL,
    PRIMARY KEY (standard_id, complaint_id)
) WITHOUT ROWID;

INSERT INTO complaint_sla_narrow (standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome)
SELECT standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome FROM complaint_sla;

DROP TABLE complaint_sla;
ALTER TABLE complaint_sla_narrow RENAME TO complaint_sla;
CREATE INDEX complaint_sla_open ON complaint_sla (standard_id, outcome, due_at, risk_at) WHERE outcome IN ('running', 'paused');
