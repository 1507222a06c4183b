-- CareDesk schema, version 1: clients, NPS feedback with tags, import
-- batches, settings and the per-day rollup the charts read.

CREATE TABLE client (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL COLLATE NOCASE UNIQUE,
    segment TEXT NOT NULL DEFAULT ''
);

CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    source      TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    imported_at INTEGER NOT NULL, -- unix seconds
    imported    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feedback (
    id           INTEGER PRIMARY KEY,
    responded_at INTEGER NOT NULL, -- unix seconds, UTC
    day          INTEGER NOT NULL, -- data.Day in the department time zone
    score        INTEGER CHECK (score BETWEEN 0 AND 10), -- NULL = no score
    comment      TEXT NOT NULL DEFAULT '',
    channel      TEXT NOT NULL DEFAULT '',
    touchpoint   TEXT NOT NULL DEFAULT '',
    client_id    INTEGER REFERENCES client (id) ON DELETE SET NULL,
    batch_id     INTEGER REFERENCES import_batch (id),
    source       TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    UNIQUE (source, external_id)
);

-- Date order (the default list view and the day seek of paging); the rowid
-- rides along, so ORDER BY day, responded_at, id needs no sort.
CREATE INDEX feedback_day ON feedback (day, responded_at);
-- Indexes for the score, channel and touchpoint sorts came later, in
-- 0003, once bulk imports rebuilt indexes instead of updating them.
CREATE INDEX feedback_client ON feedback (client_id) WHERE client_id IS NOT NULL;

CREATE TABLE feedback_tag (
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (feedback_id, tag)
) WITHOUT ROWID;

CREATE INDEX feedback_tag_tag ON feedback_tag (tag, feedback_id);

-- Score counts per day, channel and touchpoint, kept in the same
-- transaction as every change to feedback so charts and counts never read
-- the raw rows.
CREATE TABLE feedback_daily (
    day        INTEGER NOT NULL,
    channel    TEXT NOT NULL,
    touchpoint TEXT NOT NULL,
    s0 INTEGER NOT NULL DEFAULT 0 CHECK (s0 >= 0),
    s1 INTEGER NOT NULL DEFAULT 0 CHECK (s1 >= 0),
    s2 INTEGER NOT NULL DEFAULT 0 CHECK (s2 >= 0),
    s3 INTEGER NOT NULL DEFAULT 0 CHECK (s3 >= 0),
    s4 INTEGER NOT NULL DEFAULT 0 CHECK (s4 >= 0),
    s5 INTEGER NOT NULL DEFAULT 0 CHECK (s5 >= 0),
    s6 INTEGER NOT NULL DEFAULT 0 CHECK (s6 >= 0),
    s7 INTEGER NOT NULL DEFAULT 0 CHECK (s7 >= 0),
    s8 INTEGER NOT NULL DEFAULT 0 CHECK (s8 >= 0),
    s9 INTEGER NOT NULL DEFAULT 0 CHECK (s9 >= 0),
    s10 INTEGER NOT NULL DEFAULT 0 CHECK (s10 >= 0),
    unscored INTEGER NOT NULL DEFAULT 0 CHECK (unscored >= 0),
    PRIMARY KEY (day, channel, touchpoint)
) WITHOUT ROWID;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
