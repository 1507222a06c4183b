-- Indexes for the list sorted by score, channel or touchpoint. The list
-- orders by the column, then date, then id (the rowid rides along), so a
-- page is a seek to (value, day) plus a short walk instead of a full sort.
-- Bulk imports drop and rebuild them at commit, which avoids the page
-- splits that kept them out of version 1; each rebuild re-reads the table
-- and sorts, about 1 µs a row, so a 1M-row import takes ~15 s instead of
-- ~10 s. Small imports and typed entries update them row by row.
CREATE INDEX feedback_score ON feedback (score, day, responded_at);
CREATE INDEX feedback_channel ON feedback (channel, day, responded_at);
CREATE INDEX feedback_touchpoint ON feedback (touchpoint, day, responded_at);

-- Score counts per channel and day and per touchpoint and day, kept in the
-- same transaction as feedback_daily. Keyed by the value first, they give
-- the per-value totals and one value's per-day counts that place a page of
-- the channel or touchpoint sort (and a channel- or touchpoint-filtered
-- chart or count) by reading a few hundred rows: the same sums from
-- feedback_daily scan all of it and sort, 50-70 ms at 1M responses.
CREATE TABLE feedback_day_channel (
    channel TEXT NOT NULL,
    day INTEGER NOT NULL,
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
    PRIMARY KEY (channel, day)
) WITHOUT ROWID;

INSERT INTO feedback_day_channel (channel, day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
SELECT channel, day, sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(unscored)
FROM feedback_daily GROUP BY channel, day;

CREATE TABLE feedback_day_touchpoint (
    touchpoint TEXT NOT NULL,
    day INTEGER NOT NULL,
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
    PRIMARY KEY (touchpoint, day)
) WITHOUT ROWID;

INSERT INTO feedback_day_touchpoint (touchpoint, day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
SELECT touchpoint, day, sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(unscored)
FROM feedback_daily GROUP BY touchpoint, day;
