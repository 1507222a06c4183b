-- complaint_sla is keyed by complaint first. Keyed by standard first, an
-- import wrote each ticket's rows into as many places of the tree as
-- there are standards: all but the last split pages in the middle,
-- leaving them half full. By complaint, an import appends. A complaint's
-- rows stay one seek; a standard's are read by its complaints or, to
-- take the standard away, by a scan.
CREATE TABLE complaint_sla_by_complaint (
    standard_id  INTEGER NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
    complaint_id INTEGER NOT NULL,
    due_at       INTEGER,
    risk_at      INTEGER,
    finished_at  INTEGER,
    finished_day INTEGER,
    outcome      TEXT NOT NULL,
    PRIMARY KEY (complaint_id, standard_id)
) WITHOUT ROWID;

INSERT INTO complaint_sla_by_complaint (standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome)
SELECT standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome FROM complaint_sla ORDER BY complaint_id, standard_id;

DROP TABLE complaint_sla;
ALTER TABLE complaint_sla_by_complaint RENAME TO complaint_sla;
CREATE INDEX complaint_sla_open ON complaint_sla (standard_id, outcome, due_at, risk_at) WHERE outcome IN ('running', 'paused');
