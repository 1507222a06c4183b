-- The uniqueness of (source, external_id) moves from a table constraint to
-- a named index, feedback_external. A constraint's index cannot be dropped;
-- a named one can, so a bulk import drops it with the other secondary
-- indexes and builds it again at commit. Kept up to date row by row, it
-- made a million-row file whose ids are random (most survey tools, and
-- every file without an id column, whose ids are content hashes) take
-- twice as long as one with ascending ids. The table is rebuilt with
-- foreign keys off (see applyMigration), so its tags and kudos stay.
CREATE TABLE feedback_rebuilt (
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
    external_id  TEXT NOT NULL
);

INSERT INTO feedback_rebuilt (id, responded_at, day, score, comment, channel, touchpoint, client_id, batch_id, source, external_id)
SELECT id, responded_at, day, score, comment, channel, touchpoint, client_id, batch_id, source, external_id FROM feedback;

DROP TABLE feedback;
ALTER TABLE feedback_rebuilt RENAME TO feedback;

CREATE UNIQUE INDEX feedback_external ON feedback (source, external_id);
CREATE INDEX feedback_day ON feedback (day, responded_at);
CREATE INDEX feedback_client ON feedback (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX feedback_score ON feedback (score, day, responded_at);
CREATE INDEX feedback_channel ON feedback (channel, day, responded_at);
CREATE INDEX feedback_touchpoint ON feedback (touchpoint, day, responded_at);
CREATE INDEX feedback_scorecard ON feedback (day, client_id, score) WHERE client_id IS NOT NULL;
