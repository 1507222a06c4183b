-- Score counts per day over all channels and touchpoints: the default
-- views (unfiltered charts, counts and the date-sorted list) read a few
-- hundred rows here instead of tens of thousands in feedback_daily. Kept
-- in the same transaction as feedback_daily.
CREATE TABLE feedback_day_total (
    day INTEGER PRIMARY KEY,
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
    unscored INTEGER NOT NULL DEFAULT 0 CHECK (unscored >= 0)
);

INSERT INTO feedback_day_total (day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
SELECT day, sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(unscored)
FROM feedback_daily GROUP BY day;
