package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"caredesk/data"
)

// rollupKey is a row of feedback_daily.
type rollupKey struct {
	day        data.Day
	channel    string
	touchpoint string
}

// rollupDeltas are pending changes to feedback_daily: per key, the change
// of s0..s10 (index 0..10) and of unscored (index 11).
type rollupDeltas map[rollupKey]*[12]int64

// add counts n responses (n < 0 removes them) with score s under k.
func (d rollupDeltas) add(k rollupKey, s data.Score, n int64) {
	c := d[k]
	if c == nil {
		c = new([12]int64)
		d[k] = c
	}
	if s.Valid() {
		c[s] += n
	} else {
		c[11] += n
	}
}

const upsertRollupSQL = `
INSERT INTO feedback_daily (day, channel, touchpoint, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, channel, touchpoint) DO UPDATE SET
	s0 = s0 + excluded.s0, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2,
	s3 = s3 + excluded.s3, s4 = s4 + excluded.s4, s5 = s5 + excluded.s5,
	s6 = s6 + excluded.s6, s7 = s7 + excluded.s7, s8 = s8 + excluded.s8,
	s9 = s9 + excluded.s9, s10 = s10 + excluded.s10,
	unscored = unscored + excluded.unscored`

// Empty rollup rows are removed so that Touchpoints and FeedbackRange,
// which read the rollup, forget values whose last response is gone.
const deleteEmptyRollupSQL = `
DELETE FROM feedback_daily
WHERE day = ? AND channel = ? AND touchpoint = ?
	AND s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + unscored = 0`

// A key whose counts shrink already has its row (the rows being removed
// were counted in it), so it is updated in place: the upsert would trip the
// CHECK constraints on its negative VALUES before seeing the conflict.
const shrinkRollupSQL = `
UPDATE feedback_daily SET
	s0 = s0 + ?, s1 = s1 + ?, s2 = s2 + ?, s3 = s3 + ?, s4 = s4 + ?, s5 = s5 + ?,
	s6 = s6 + ?, s7 = s7 + ?, s8 = s8 + ?, s9 = s9 + ?, s10 = s10 + ?, unscored = unscored + ?
WHERE day = ? AND channel = ? AND touchpoint = ?`

// applyRollup writes deltas into feedback_daily inside tx. The CHECK
// constraints of the table turn a count going below zero into an error
// instead of a silently wrong chart.
func applyRollup(ctx context.Context, tx *sql.Tx, deltas rollupDeltas) error {
	if len(deltas) == 0 {
		return nil
	}
	upsert, err := tx.PrepareContext(ctx, upsertRollupSQL)
	if err != nil {
		return fmt.Errorf("update daily counts: %w", err)
	}
	defer upsert.Close()
	args := make([]any, 15)
	for k, c := range deltas {
		shrinks, changes := false, false
		for _, v := range c {
			shrinks = shrinks || v < 0
			changes = changes || v != 0
		}
		if !changes {
			continue
		}
		if shrinks {
			if err := shrinkRollup(ctx, tx, k, c); err != nil {
				return fmt.Errorf("update daily counts of %s: %w", k.day, err)
			}
			continue
		}
		args[0], args[1], args[2] = int64(k.day), k.channel, k.touchpoint
		for i, v := range c {
			args[3+i] = v
		}
		if _, err := upsert.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("update daily counts of %s: %w", k.day, err)
		}
	}
	return applyDayTotals(ctx, tx, deltas)
}

// applyDayTotals adds the deltas, summed per day, to feedback_day_total.
func applyDayTotals(ctx context.Context, tx *sql.Tx, deltas rollupDeltas) error {
	perDay := map[data.Day]*[12]int64{}
	for k, c := range deltas {
		t := perDay[k.day]
		if t == nil {
			t = new([12]int64)
			perDay[k.day] = t
		}
		for i, v := range c {
			t[i] += v
		}
	}
	for day, c := range perDay {
		shrinks, changes := false, false
		for _, v := range c {
			shrinks = shrinks || v < 0
			changes = changes || v != 0
		}
		if !changes {
			continue
		}
		counts := make([]any, len(c))
		for i, v := range c {
			counts[i] = v
		}
		if !shrinks {
			if _, err := tx.ExecContext(ctx, upsertDayTotalSQL, append([]any{int64(day)}, counts...)...); err != nil {
				return fmt.Errorf("update day totals of %s: %w", day, err)
			}
			continue
		}
		res, err := tx.ExecContext(ctx, shrinkDayTotalSQL, append(counts, int64(day))...)
		if err != nil {
			return fmt.Errorf("update day totals of %s: %w", day, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("no day totals for %s to remove a response from (%d rows, %v)", day, n, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM feedback_day_total WHERE day = ?
			AND s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + unscored = 0`, int64(day)); err != nil {
			return fmt.Errorf("update day totals of %s: %w", day, err)
		}
	}
	return nil
}

const upsertDayTotalSQL = `
INSERT INTO feedback_day_total (day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day) DO UPDATE SET
	s0 = s0 + excluded.s0, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2,
	s3 = s3 + excluded.s3, s4 = s4 + excluded.s4, s5 = s5 + excluded.s5,
	s6 = s6 + excluded.s6, s7 = s7 + excluded.s7, s8 = s8 + excluded.s8,
	s9 = s9 + excluded.s9, s10 = s10 + excluded.s10,
	unscored = unscored + excluded.unscored`

const shrinkDayTotalSQL = `
UPDATE feedback_day_total SET
	s0 = s0 + ?, s1 = s1 + ?, s2 = s2 + ?, s3 = s3 + ?, s4 = s4 + ?, s5 = s5 + ?,
	s6 = s6 + ?, s7 = s7 + ?, s8 = s8 + ?, s9 = s9 + ?, s10 = s10 + ?, unscored = unscored + ?
WHERE day = ?`

func shrinkRollup(ctx context.Context, tx *sql.Tx, k rollupKey, c *[12]int64) error {
	args := make([]any, 0, 15)
	for _, v := range c {
		args = append(args, v)
	}
	args = append(args, int64(k.day), k.channel, k.touchpoint)
	res, err := tx.ExecContext(ctx, shrinkRollupSQL, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("no daily counts for %s/%s/%s to remove a response from (%d rows, %v)", k.day, k.channel, k.touchpoint, n, err)
	}
	_, err = tx.ExecContext(ctx, deleteEmptyRollupSQL, int64(k.day), k.channel, k.touchpoint)
	return err
}

// rebuildRollup recounts feedback_daily from the rows, for changes that
// touch every row (a new department time zone).
func rebuildRollup(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM feedback_daily`); err != nil {
		return fmt.Errorf("rebuild daily counts: %w", err)
	}
	_, err := tx.ExecContext(ctx, `
INSERT INTO feedback_daily (day, channel, touchpoint, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
SELECT day, channel, touchpoint,
	`+scoreCountColumns+`
FROM feedback
GROUP BY day, channel, touchpoint`)
	if err != nil {
		return fmt.Errorf("rebuild daily counts: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feedback_day_total`); err != nil {
		return fmt.Errorf("rebuild day totals: %w", err)
	}
	_, err = tx.ExecContext(ctx, `
INSERT INTO feedback_day_total (day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
SELECT day, sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(unscored)
FROM feedback_daily GROUP BY day`)
	if err != nil {
		return fmt.Errorf("rebuild day totals: %w", err)
	}
	return nil
}

// dailyTable is the rollup that answers a filter on channels and
// touchpoint: the per-day totals when there is none.
func dailyTable(channels []data.Channel, touchpoint string) string {
	if len(channels) == 0 && touchpoint == "" {
		return "feedback_day_total"
	}
	return "feedback_daily"
}

// scoreCountColumns counts rows per score (s0..s10) and without a score,
// in the column order of feedback_daily.
const scoreCountColumns = `count(*) FILTER (WHERE score = 0), count(*) FILTER (WHERE score = 1),
	count(*) FILTER (WHERE score = 2), count(*) FILTER (WHERE score = 3),
	count(*) FILTER (WHERE score = 4), count(*) FILTER (WHERE score = 5),
	count(*) FILTER (WHERE score = 6), count(*) FILTER (WHERE score = 7),
	count(*) FILTER (WHERE score = 8), count(*) FILTER (WHERE score = 9),
	count(*) FILTER (WHERE score = 10), count(*) FILTER (WHERE score IS NULL)`
