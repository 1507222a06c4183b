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
		shrinks, changes := direction(c)
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
	for _, r := range sumRollups {
		if err := applySums(ctx, tx, deltas, r); err != nil {
			return err
		}
	}
	return nil
}

// sumRollup is a rollup of feedback_daily summed over all but one key (or
// all keys): feedback_day_total per day, feedback_day_channel per channel
// and day, feedback_day_touchpoint per touchpoint and day.
type sumRollup struct {
	table string
	col   string // the key kept besides day; "" for none
	key   func(rollupKey) string
}

var sumRollups = []sumRollup{
	{"feedback_day_total", "", func(rollupKey) string { return "" }},
	{"feedback_day_channel", "channel", func(k rollupKey) string { return k.channel }},
	{"feedback_day_touchpoint", "touchpoint", func(k rollupKey) string { return k.touchpoint }},
}

const countNames = "s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored"

// keyCols is the key of the rollup in its INSERT column order.
func (r sumRollup) keyCols() string {
	if r.col == "" {
		return "day"
	}
	return r.col + ", day"
}

// keyWhere matches one row of the rollup by its key arguments (in keyCols
// order).
func (r sumRollup) keyWhere() string {
	if r.col == "" {
		return "day = ?"
	}
	return r.col + " = ? AND day = ?"
}

func (r sumRollup) keyArgs(key string, day data.Day) []any {
	if r.col == "" {
		return []any{int64(day)}
	}
	return []any{key, int64(day)}
}

// rebuildSQL recounts the rollup from feedback_daily.
func (r sumRollup) rebuildSQL() string {
	return `INSERT INTO ` + r.table + ` (` + r.keyCols() + `, ` + countNames + `)
SELECT ` + r.keyCols() + `, sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7),
	sum(s8), sum(s9), sum(s10), sum(unscored)
FROM feedback_daily GROUP BY ` + r.keyCols()
}

// applySums adds the deltas, summed per key of r, to r's table. Table and
// column names come from sumRollups.
func applySums(ctx context.Context, tx *sql.Tx, deltas rollupDeltas, r sumRollup) error {
	type sumKey struct {
		key string
		day data.Day
	}
	sums := map[sumKey]*[12]int64{}
	for k, c := range deltas {
		sk := sumKey{r.key(k), k.day}
		t := sums[sk]
		if t == nil {
			t = new([12]int64)
			sums[sk] = t
		}
		for i, v := range c {
			t[i] += v
		}
	}
	upsert := `INSERT INTO ` + r.table + ` (` + r.keyCols() + `, ` + countNames + `)
VALUES (` + placeholders(len(r.keyArgs("", 0))+12) + `)
ON CONFLICT (` + r.keyCols() + `) DO UPDATE SET
	s0 = s0 + excluded.s0, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2,
	s3 = s3 + excluded.s3, s4 = s4 + excluded.s4, s5 = s5 + excluded.s5,
	s6 = s6 + excluded.s6, s7 = s7 + excluded.s7, s8 = s8 + excluded.s8,
	s9 = s9 + excluded.s9, s10 = s10 + excluded.s10,
	unscored = unscored + excluded.unscored`
	// As in feedback_daily, shrinking rows are updated in place and
	// removed once empty.
	shrink := `UPDATE ` + r.table + ` SET
	s0 = s0 + ?, s1 = s1 + ?, s2 = s2 + ?, s3 = s3 + ?, s4 = s4 + ?, s5 = s5 + ?,
	s6 = s6 + ?, s7 = s7 + ?, s8 = s8 + ?, s9 = s9 + ?, s10 = s10 + ?, unscored = unscored + ?
WHERE ` + r.keyWhere()
	deleteEmpty := `DELETE FROM ` + r.table + ` WHERE ` + r.keyWhere() + `
	AND s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + unscored = 0`
	for sk, c := range sums {
		shrinks, changes := direction(c)
		if !changes {
			continue
		}
		counts := make([]any, len(c))
		for i, v := range c {
			counts[i] = v
		}
		keyArgs := r.keyArgs(sk.key, sk.day)
		if !shrinks {
			if _, err := tx.ExecContext(ctx, upsert, append(keyArgs, counts...)...); err != nil {
				return fmt.Errorf("update %s of %s: %w", r.table, sk.day, err)
			}
			continue
		}
		res, err := tx.ExecContext(ctx, shrink, append(counts, keyArgs...)...)
		if err != nil {
			return fmt.Errorf("update %s of %s: %w", r.table, sk.day, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("no %s row for %s %q to remove a response from (%d rows, %v)", r.table, sk.day, sk.key, n, err)
		}
		if _, err := tx.ExecContext(ctx, deleteEmpty, keyArgs...); err != nil {
			return fmt.Errorf("update %s of %s: %w", r.table, sk.day, err)
		}
	}
	return nil
}

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
	for _, r := range sumRollups {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+r.table); err != nil {
			return fmt.Errorf("rebuild %s: %w", r.table, err)
		}
		if _, err := tx.ExecContext(ctx, r.rebuildSQL()); err != nil {
			return fmt.Errorf("rebuild %s: %w", r.table, err)
		}
	}
	return nil
}

// dailyTable is the smallest rollup that answers a filter on channels and
// touchpoint.
func dailyTable(channels []data.Channel, touchpoint string) string {
	switch {
	case len(channels) == 0 && touchpoint == "":
		return "feedback_day_total"
	case touchpoint == "":
		return "feedback_day_channel"
	case len(channels) == 0:
		return "feedback_day_touchpoint"
	}
	return "feedback_daily"
}

// keyTable is the smallest rollup that counts rows per value of col
// ("channel" or "touchpoint") and day under a filter on channels and
// touchpoint.
func keyTable(col string, channels []data.Channel, touchpoint string) string {
	switch {
	case col == "channel" && touchpoint == "":
		return "feedback_day_channel"
	case col == "touchpoint" && len(channels) == 0:
		return "feedback_day_touchpoint"
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

// direction tells whether a change of counts removes any responses and
// whether it changes anything at all.
func direction(c *[12]int64) (shrinks, changes bool) {
	for _, v := range c {
		shrinks = shrinks || v < 0
		changes = changes || v != 0
	}
	return shrinks, changes
}
