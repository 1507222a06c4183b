package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"caredesk/data"
)

// validSegmentation checks a complaint segmentation.
func validSegmentation(by data.ComplaintSegmentation) error {
	if by == data.ComplaintsBy {
		return nil
	}
	for _, d := range segmentDims {
		if d == by {
			return nil
		}
	}
	return fmt.Errorf("unknown complaint segmentation %q: %w", by, data.ErrInvalid)
}

// ComplaintDaily returns the complaint counts per day (and segment value),
// sorted by day and segment.
func (db *DB) ComplaintDaily(ctx context.Context, q data.ComplaintQuery) ([]data.ComplaintDay, error) {
	if err := validSegmentation(q.By); err != nil {
		return nil, fmt.Errorf("daily complaints: %w", err)
	}
	w := &where{}
	query := `SELECT day, '', ` + complaintCountCols + ` FROM complaint_daily`
	if q.By != data.ComplaintsBy {
		w.add("dim = ?", string(q.By))
		query = `SELECT day, value, ` + complaintCountCols + ` FROM complaint_daily_segment`
	}
	w.addDays("day", q.From, q.To)
	return readList(ctx, db, fmt.Sprintf("daily complaints by %q", q.By), query+w.String()+` ORDER BY day, 2`, w.args,
		func(d *data.ComplaintDay) []any {
			return []any{&d.Day, &d.Segment, &d.Opened, &d.Negative, &d.Escalated, &d.Responded, &d.Resolutions,
				&d.Reopens, &d.Resolved, &d.Reopened, &d.FCR, &d.FCRReopen, &d.Satisfied, &d.WithVerdict, &d.Cancellations}
		})
}

// ComplaintDurations returns the duration histograms per day, measure and
// segment value, sorted by day, measure, segment and bucket.
func (db *DB) ComplaintDurations(ctx context.Context, q data.ComplaintQuery) ([]data.DurationCount, error) {
	if err := validSegmentation(q.By); err != nil {
		return nil, fmt.Errorf("complaint durations: %w", err)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("complaint durations: %w", err)
	}
	defer tx.Rollback()
	w := &where{}
	w.add("dim = ?", string(q.By))
	w.addDays("day", q.From, q.To)
	rows, err := tx.QueryContext(ctx, `SELECT day, measure, value, buckets FROM complaint_duration`+w.String()+
		` ORDER BY day, measure, value`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("complaint durations by %q: %w", q.By, err)
	}
	defer rows.Close()
	// The histograms are read first and the result allocated once: growing
	// a slice of half a million entries (with strings the collector scans)
	// cost more than the query.
	type histogram struct {
		day            data.Day
		measure, value string
		blob           []byte
	}
	var hists []histogram
	total := 0
	for rows.Next() {
		var h histogram
		if err := rows.Scan(&h.day, &h.measure, &h.value, &h.blob); err != nil {
			return nil, fmt.Errorf("complaint durations by %q: %w", q.By, err)
		}
		for _, c := range h.blob {
			if c < 0x80 { // the last byte of each varint
				total++
			}
		}
		hists = append(hists, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("complaint durations by %q: %w", q.By, err)
	}
	out := make([]data.DurationCount, 0, total/2)
	for _, h := range hists {
		err := eachBucket(h.blob, func(b int, n int64) {
			out = append(out, data.DurationCount{Day: h.day, Segment: h.value, Measure: data.DurationMeasure(h.measure), Bucket: b, N: n})
		})
		if err != nil {
			return nil, fmt.Errorf("complaint durations of %s: %w", h.day, err)
		}
	}
	return out, tx.Commit()
}

// ComplaintBacklogBefore is the number of complaints open at the start of
// day d: opened minus resolutions and cancellations plus reopens before
// it, per segment
// value when segmented ("" unsegmented).
func (db *DB) ComplaintBacklogBefore(ctx context.Context, d data.Day, by data.ComplaintSegmentation) (map[string]int64, error) {
	if err := validSegmentation(by); err != nil {
		return nil, fmt.Errorf("complaint backlog: %w", err)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("complaint backlog: %w", err)
	}
	defer tx.Rollback()
	query, args := `SELECT '', coalesce(sum(opened - resolutions - cancellations + reopens), 0) FROM complaint_daily WHERE day < ?`, []any{int64(d)}
	if by != data.ComplaintsBy {
		query = `SELECT value, sum(opened - resolutions - cancellations + reopens) FROM complaint_daily_segment WHERE dim = ? AND day < ? GROUP BY value`
		args = []any{string(by), int64(d)}
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("complaint backlog before %s: %w", d, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var v string
		var n int64
		if err := rows.Scan(&v, &n); err != nil {
			return nil, fmt.Errorf("complaint backlog before %s: %w", d, err)
		}
		if n != 0 || by == data.ComplaintsBy {
			out[v] = n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("complaint backlog before %s: %w", d, err)
	}
	return out, tx.Commit()
}

// ComplaintRange returns the first and last day with complaint counts.
func (db *DB) ComplaintRange(ctx context.Context) (first, last data.Day, ok bool, err error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return 0, 0, false, fmt.Errorf("complaint range: %w", err)
	}
	defer tx.Rollback()
	var lo, hi sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(day), max(day) FROM complaint_daily`).Scan(&lo, &hi); err != nil {
		return 0, 0, false, fmt.Errorf("complaint range: %w", err)
	}
	return data.Day(lo.Int64), data.Day(hi.Int64), lo.Valid, tx.Commit()
}

// SLADaily returns achieved and breached items per standard and day of
// the measured event, sorted by day and standard.
func (db *DB) SLADaily(ctx context.Context, q data.SLAQuery) ([]data.SLADay, error) {
	w := &where{}
	if q.StandardID != 0 {
		w.add("standard_id = ?", q.StandardID)
	}
	w.addDays("day", q.From, q.To)
	return readList(ctx, db, "daily SLA", `SELECT day, standard_id, achieved, breached FROM sla_daily`+w.String()+
		` ORDER BY day, standard_id`, w.args,
		func(d *data.SLADay) []any { return []any{&d.Day, &d.StandardID, &d.Achieved, &d.Breached} })
}

// OpenSLA counts each standard's unfinished items at now: running (not
// yet at risk), at risk, past due and paused. Standards without open
// items are left out.
func (db *DB) OpenSLA(ctx context.Context, now time.Time) ([]data.SLAOpen, error) {
	t := now.Unix()
	return readList(ctx, db, "open SLA items", `SELECT standard_id,
			count(*) FILTER (WHERE outcome = 'running'),
			count(*) FILTER (WHERE outcome = 'running' AND risk_at <= ? AND (due_at IS NULL OR due_at > ?)),
			count(*) FILTER (WHERE outcome = 'running' AND due_at <= ?),
			count(*) FILTER (WHERE outcome = 'paused')
		FROM complaint_sla WHERE outcome IN ('running', 'paused') GROUP BY standard_id ORDER BY standard_id`, []any{t, t, t},
		func(o *data.SLAOpen) []any {
			return []any{&o.StandardID, &o.Running, &o.AtRisk, &o.Breached, &o.Paused}
		})
}

// Denominators returns the monthly denominators by month.
func (db *DB) Denominators(ctx context.Context) ([]data.Denominator, error) {
	return readList(ctx, db, "list denominators", `SELECT month, clients, orders FROM complaint_denominator ORDER BY month`, nil,
		func(d *data.Denominator) []any { return []any{&d.Month, &d.Clients, &d.Orders} })
}

// SetDenominator stores the denominators of d.Month (moved to the first
// of its month); both zero removes the month.
func (db *DB) SetDenominator(ctx context.Context, d data.Denominator) error {
	if d.Clients < 0 || d.Orders < 0 {
		return fmt.Errorf("set denominator: negative count: %w", data.ErrInvalid)
	}
	y, m, _ := d.Month.Date()
	d.Month = data.DateDay(y, m, 1)
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set denominator of %s: %w", d.Month, err)
	}
	defer tx.Rollback()
	if d.Clients == 0 && d.Orders == 0 {
		_, err = tx.ExecContext(ctx, `DELETE FROM complaint_denominator WHERE month = ?`, int64(d.Month))
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO complaint_denominator (month, clients, orders) VALUES (?, ?, ?)
			ON CONFLICT (month) DO UPDATE SET clients = excluded.clients, orders = excluded.orders`, int64(d.Month), d.Clients, d.Orders)
	}
	if err != nil {
		return fmt.Errorf("set denominator of %s: %w", d.Month, mapErr(err))
	}
	return tx.Commit()
}
