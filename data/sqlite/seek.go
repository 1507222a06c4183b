package sqlite

import (
	"context"
	"database/sql"
	"strconv"

	"caredesk/data"
)

// sortKey is one value of the sort column (nil for a missing score) with
// the number of rows the filter keeps under it.
type sortKey struct {
	value any
	n     int64
}

// listByKey pages a list sorted by score, channel or touchpoint the way
// listByDay pages by date. Rows are ordered (value, day, responded_at, id)
// and the rollup counts them per value and day under the filters it can
// express, so two small aggregate queries place the offset: the totals per
// value give the value the page starts in, the per-day counts of that value
// give the day and how many of its rows come before the offset. The page
// query then seeks the (value, day, responded_at) index and steps over
// rows of that one day only; a page running past the last row of a value
// goes on with the next values, one index seek each.
func listByKey(ctx context.Context, tx *sql.Tx, f data.FeedbackFilter, p data.Page) ([]data.Feedback, error) {
	col, err := keyColumn(f.Sort)
	if err != nil {
		return nil, err
	}
	keys, err := sortKeys(ctx, tx, f, col)
	if err != nil {
		return nil, err
	}
	offset := int64(p.Offset)
	start := -1
	for i, k := range keys {
		if offset < k.n {
			start = i
			break
		}
		offset -= k.n
	}
	if start < 0 {
		return nil, nil
	}
	day, skip, found, err := keyDay(ctx, tx, f, col, keys[start], offset)
	if err != nil || !found {
		return nil, err
	}
	w, err := feedbackWhere(f, true)
	if err != nil {
		return nil, err
	}
	need := limitArg(p)
	var out []data.Feedback
	for i := start; i < len(keys) && need != 0; i++ {
		var query string
		var args []any
		if i == start {
			query, args = keyPageQuery(w, col, keys[i], f.Desc, &day)
			args = append(args, need, skip)
		} else {
			query, args = keyPageQuery(w, col, keys[i], f.Desc, nil)
			args = append(args, need, 0)
		}
		rows, err := queryFeedback(ctx, tx, query, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
		if need > 0 {
			need -= int64(len(rows))
		}
	}
	return out, nil
}

// keyPageQuery selects the rows of sort value k matching base, from day on
// in list order (all of them when day is nil), ending in LIMIT ? OFFSET ?
// for the caller's arguments.
func keyPageQuery(base *where, col string, k sortKey, desc bool, day *data.Day) (string, []any) {
	w := &where{clauses: append([]string(nil), base.clauses...), args: append([]any(nil), base.args...)}
	if k.value == nil {
		w.add("f." + col + " IS NULL")
	} else {
		w.add("f."+col+" = ?", k.value)
	}
	if day != nil {
		cmp := ">="
		if desc {
			cmp = "<="
		}
		w.add("f.day "+cmp+" ?", int64(*day))
	}
	order, _ := orderBy(data.SortByDate, desc) // the value is fixed per query
	return `SELECT ` + feedbackColumns + feedbackFrom + w.String() + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`, w.args
}

// scoreKeyColumn is the rollup column counting a score (unscored for
// data.NoScore).
func scoreKeyColumn(s data.Score) string {
	if !s.Valid() {
		return "unscored"
	}
	return "s" + strconv.Itoa(int(s))
}

// sortKeys returns the values of the sort column in list order with their
// row counts under f, leaving out values without rows.
func sortKeys(ctx context.Context, tx *sql.Tx, f data.FeedbackFilter, col string) ([]sortKey, error) {
	rw := rollupWhere(f.From, f.To, f.Channels, f.Touchpoint)
	if col == "score" {
		// One row of per-score sums; the group filter keeps whole scores.
		if _, err := groupCount(f.Group); err != nil {
			return nil, err
		}
		var c [12]int64
		err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(unscored), 0), coalesce(sum(s0), 0),
			coalesce(sum(s1), 0), coalesce(sum(s2), 0), coalesce(sum(s3), 0), coalesce(sum(s4), 0),
			coalesce(sum(s5), 0), coalesce(sum(s6), 0), coalesce(sum(s7), 0), coalesce(sum(s8), 0),
			coalesce(sum(s9), 0), coalesce(sum(s10), 0) FROM `+dailyTable(f.Channels, f.Touchpoint)+rw.String(), rw.args...).
			Scan(&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7], &c[8], &c[9], &c[10], &c[11])
		if err != nil {
			return nil, err
		}
		var keys []sortKey
		for i := range c {
			s := data.Score(i - 1) // c[0] is NoScore: NULL sorts first
			if c[i] == 0 || (f.Group != data.GroupAll && s.Group() != f.Group) {
				continue
			}
			k := sortKey{value: int64(s), n: c[i]}
			if !s.Valid() {
				k.value = nil
			}
			keys = append(keys, k)
		}
		if f.Desc {
			for i, j := 0, len(keys)-1; i < j; i, j = i+1, j-1 {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
		return keys, nil
	}
	count, err := groupCount(f.Group)
	if err != nil {
		return nil, err
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	// col is channel or touchpoint: the rollup's column of the same name,
	// with the same (binary) collation as feedback's.
	rows, err := tx.QueryContext(ctx, `SELECT `+col+`, sum(`+count+`) FROM `+keyTable(col, f.Channels, f.Touchpoint)+rw.String()+
		` GROUP BY 1 ORDER BY 1 `+dir, rw.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []sortKey
	for rows.Next() {
		var v string
		var n int64
		if err := rows.Scan(&v, &n); err != nil {
			return nil, err
		}
		if n > 0 {
			keys = append(keys, sortKey{value: v, n: n})
		}
	}
	return keys, rows.Err()
}

// keyDay finds the day of key k on which row number offset (counted within
// k, in list order) lies, and how many rows of k on that day precede it.
func keyDay(ctx context.Context, tx *sql.Tx, f data.FeedbackFilter, col string, k sortKey, offset int64) (day data.Day, skip int64, found bool, err error) {
	rw := rollupWhere(f.From, f.To, f.Channels, f.Touchpoint)
	var count, table string
	if col == "score" {
		s := data.NoScore
		if k.value != nil {
			s = data.Score(k.value.(int64))
		}
		count, table = scoreKeyColumn(s), dailyTable(f.Channels, f.Touchpoint)
	} else {
		if count, err = groupCount(f.Group); err != nil {
			return 0, 0, false, err
		}
		table = keyTable(col, f.Channels, f.Touchpoint)
		rw.add(col+" = ?", k.value)
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	rows, err := tx.QueryContext(ctx, `SELECT day, sum(`+count+`) FROM `+table+rw.String()+
		` GROUP BY day ORDER BY day `+dir, rw.args...)
	if err != nil {
		return 0, 0, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		if err := rows.Scan(&day, &n); err != nil {
			return 0, 0, false, err
		}
		if offset < n {
			return day, offset, true, rows.Close()
		}
		offset -= n
	}
	return 0, 0, false, rows.Err()
}
