package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"caredesk/data"
)

// Counts of a complaint rollup row, in the column order of complaint_daily.
const (
	cOpened = iota
	cNegative
	cEscalated
	cResponded
	cResolutions
	cReopens
	cResolved
	cReopened
	cFCR
	cFCRReopen
	cSatisfied
	cWithVerdict
	numCounts
)

const complaintCountCols = `opened, negative, escalated, responded, resolutions, reopens,
	resolved, reopened, fcr, fcr_reopen, satisfied, with_verdict`

// countKey is a row of complaint_daily (dim "") or complaint_daily_segment.
type countKey struct {
	dim   data.ComplaintSegmentation
	value string
	day   data.Day
}

// durKey is a row of complaint_duration.
type durKey struct {
	dim     data.ComplaintSegmentation
	value   string
	day     data.Day
	measure int
}

type durBucketKey struct {
	durKey
	bucket int
}

type slaKey struct {
	standard int64
	day      data.Day
}

// complaintDeltas are pending changes to the complaint rollups: a change
// subtracts the complaint's old contribution and adds the new one, and
// everything is written once at the end of the transaction.
type complaintDeltas struct {
	counts map[countKey]*[numCounts]int64
	durs   map[durBucketKey]int64
	sla    map[slaKey]*[2]int64 // achieved, breached
}

func newComplaintDeltas() *complaintDeltas {
	return &complaintDeltas{
		counts: map[countKey]*[numCounts]int64{},
		durs:   map[durBucketKey]int64{},
		sla:    map[slaKey]*[2]int64{},
	}
}

// addCounts adds v (times sign) on day to the total and to each segment of
// segs.
func (d *complaintDeltas) addCounts(segs *[len(segmentDims)]string, day data.Day, v *[numCounts]int64, sign int64) {
	d.addCountsKey(countKey{day: day}, v, sign)
	for i, dim := range segmentDims {
		d.addCountsKey(countKey{dim, segs[i], day}, v, sign)
	}
}

func (d *complaintDeltas) addCountsKey(k countKey, v *[numCounts]int64, sign int64) {
	c := d.counts[k]
	if c == nil {
		c = new([numCounts]int64)
		d.counts[k] = c
	}
	for i, n := range v {
		c[i] += sign * n
	}
}

// addRow adds (sign 1) or removes (sign -1) a complaint's contribution.
func (d *complaintDeltas) addRow(r *rollupRow, sign int64) {
	var opened [numCounts]int64
	opened[cOpened] = 1
	opened[cNegative] = b2i(r.negative)
	opened[cEscalated] = b2i(r.escalated)
	opened[cResponded] = b2i(r.responded)
	d.addCounts(&r.segs, r.openedDay, &opened, sign)
	if r.resolved {
		var res [numCounts]int64
		res[cResolved] = 1
		res[cReopened] = b2i(r.reopened)
		res[cFCR] = b2i(!r.reopened && !r.escalated && r.agents <= 1)
		res[cFCRReopen] = b2i(!r.reopened)
		res[cSatisfied] = b2i(r.verdict == data.VerdictSatisfied)
		res[cWithVerdict] = b2i(r.verdict != data.VerdictUnknown)
		d.addCounts(&r.segs, r.resDay, &res, sign)
	}
	for _, f := range r.flows {
		var flow [numCounts]int64
		if f.kind == flowResolution {
			flow[cResolutions] = 1
		} else {
			flow[cReopens] = 1
		}
		d.addCounts(&r.segs, f.day, &flow, sign)
	}
	for m, dur := range r.durations {
		if !dur.ok {
			continue
		}
		day := r.openedDay // first responses count on the opening day
		if m == measureResCalendar || m == measureResWorking {
			day = r.resDay
		}
		b := data.DurationBucket(dur.d)
		d.durs[durBucketKey{durKey{"", "", day, m}, b}] += sign
		for i, dim := range segmentDims {
			d.durs[durBucketKey{durKey{dim, r.segs[i], day, m}, b}] += sign
		}
	}
}

// addSLA counts a finished SLA item on its day.
func (d *complaintDeltas) addSLA(standard int64, day data.Day, outcome data.SLAOutcome, sign int64) {
	var i int
	switch outcome {
	case data.SLAAchieved:
		i = 0
	case data.SLABreached:
		i = 1
	default:
		return
	}
	k := slaKey{standard, day}
	c := d.sla[k]
	if c == nil {
		c = new([2]int64)
		d.sla[k] = c
	}
	c[i] += sign
}

func (d *complaintDeltas) addResults(results []data.SLAResult, loc *time.Location, sign int64) {
	for _, r := range results {
		if !r.Finished.IsZero() {
			d.addSLA(r.StandardID, data.DayOf(r.Finished, loc), r.Outcome, sign)
		}
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// apply writes the deltas. CHECK constraints turn a count going below
// zero into an error instead of a silently wrong chart.
func (d *complaintDeltas) apply(ctx context.Context, tx *sql.Tx) error {
	if err := d.applyCounts(ctx, tx); err != nil {
		return fmt.Errorf("update complaint counts: %w", err)
	}
	if err := d.applyDurations(ctx, tx); err != nil {
		return fmt.Errorf("update complaint durations: %w", err)
	}
	if err := d.applySLA(ctx, tx); err != nil {
		return fmt.Errorf("update SLA counts: %w", err)
	}
	return nil
}

const countSets = `opened = opened + ?, negative = negative + ?, escalated = escalated + ?,
	responded = responded + ?, resolutions = resolutions + ?, reopens = reopens + ?,
	resolved = resolved + ?, reopened = reopened + ?, fcr = fcr + ?, fcr_reopen = fcr_reopen + ?,
	satisfied = satisfied + ?, with_verdict = with_verdict + ?`

const countsZero = `opened = 0 AND negative = 0 AND escalated = 0 AND responded = 0 AND resolutions = 0
	AND reopens = 0 AND resolved = 0 AND reopened = 0 AND fcr = 0 AND fcr_reopen = 0
	AND satisfied = 0 AND with_verdict = 0`

func (d *complaintDeltas) applyCounts(ctx context.Context, tx *sql.Tx) error {
	if len(d.counts) == 0 {
		return nil
	}
	stmts := map[string]*sql.Stmt{}
	defer func() {
		for _, s := range stmts {
			s.Close()
		}
	}()
	prep := func(q string) (*sql.Stmt, error) {
		if s := stmts[q]; s != nil {
			return s, nil
		}
		s, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		stmts[q] = s
		return s, nil
	}
	for k, c := range d.counts {
		shrinks, changes := false, false
		for _, v := range c {
			shrinks, changes = shrinks || v < 0, changes || v != 0
		}
		if !changes {
			continue
		}
		table, keyWhere, keyCols := "complaint_daily", "day = ?", "day"
		keyArgs := []any{int64(k.day)}
		if k.dim != "" {
			table, keyWhere, keyCols = "complaint_daily_segment", "dim = ? AND day = ? AND value = ?", "dim, day, value"
			keyArgs = []any{string(k.dim), int64(k.day), k.value}
		}
		args := make([]any, 0, numCounts+3)
		for _, v := range c {
			args = append(args, v)
		}
		update, err := prep(`UPDATE ` + table + ` SET ` + countSets + ` WHERE ` + keyWhere)
		if err != nil {
			return err
		}
		res, err := update.ExecContext(ctx, append(args, keyArgs...)...)
		if err != nil {
			return fmt.Errorf("%s %s %q: %w", k.day, k.dim, k.value, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			if shrinks {
				return fmt.Errorf("no counts of %s %s %q to remove a complaint from", k.day, k.dim, k.value)
			}
			insert, err := prep(`INSERT INTO ` + table + ` (` + keyCols + `, ` + complaintCountCols + `) VALUES (` +
				placeholders(len(keyArgs)+numCounts) + `)`)
			if err != nil {
				return err
			}
			if _, err := insert.ExecContext(ctx, append(keyArgs, args...)...); err != nil {
				return fmt.Errorf("%s %s %q: %w", k.day, k.dim, k.value, err)
			}
			continue
		}
		if shrinks {
			del, err := prep(`DELETE FROM ` + table + ` WHERE ` + keyWhere + ` AND ` + countsZero)
			if err != nil {
				return err
			}
			if _, err := del.ExecContext(ctx, keyArgs...); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *complaintDeltas) applyDurations(ctx context.Context, tx *sql.Tx) error {
	if len(d.durs) == 0 {
		return nil
	}
	byKey := map[durKey]map[int]int64{}
	for k, n := range d.durs {
		if n == 0 {
			continue
		}
		m := byKey[k.durKey]
		if m == nil {
			m = map[int]int64{}
			byKey[k.durKey] = m
		}
		m[k.bucket] += n
	}
	read, err := tx.PrepareContext(ctx, `SELECT buckets FROM complaint_duration WHERE dim = ? AND day = ? AND measure = ? AND value = ?`)
	if err != nil {
		return err
	}
	defer read.Close()
	write, err := tx.PrepareContext(ctx, `INSERT INTO complaint_duration (dim, day, measure, value, buckets) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (dim, day, measure, value) DO UPDATE SET buckets = excluded.buckets`)
	if err != nil {
		return err
	}
	defer write.Close()
	del, err := tx.PrepareContext(ctx, `DELETE FROM complaint_duration WHERE dim = ? AND day = ? AND measure = ? AND value = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	for k, delta := range byKey {
		args := []any{string(k.dim), int64(k.day), string(measureNames[k.measure]), k.value}
		var blob []byte
		err := read.QueryRowContext(ctx, args...).Scan(&blob)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		counts, err := decodeBuckets(blob)
		if err != nil {
			return fmt.Errorf("%s %s: %w", k.day, measureNames[k.measure], err)
		}
		for b, n := range delta {
			counts[b] += n
			if counts[b] < 0 {
				return fmt.Errorf("%s %s %s %q: bucket %d below zero", k.day, measureNames[k.measure], k.dim, k.value, b)
			}
			if counts[b] == 0 {
				delete(counts, b)
			}
		}
		if len(counts) == 0 {
			_, err = del.ExecContext(ctx, args...)
		} else {
			_, err = write.ExecContext(ctx, append(args, encodeBuckets(counts))...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// encodeBuckets writes a histogram as varint pairs (gap to the previous
// bucket, count), buckets ascending.
func encodeBuckets(counts map[int]int64) []byte {
	keys := make([]int, 0, len(counts))
	for b := range counts {
		keys = append(keys, b)
	}
	slices.Sort(keys)
	out := make([]byte, 0, 4*len(keys))
	prev := 0
	for _, b := range keys {
		out = binary.AppendUvarint(out, uint64(b-prev))
		out = binary.AppendUvarint(out, uint64(counts[b]))
		prev = b
	}
	return out
}

// eachBucket calls fn for each (bucket, count) of an encoded histogram.
func eachBucket(blob []byte, fn func(bucket int, n int64)) error {
	b := 0
	for len(blob) > 0 {
		gap, k := binary.Uvarint(blob)
		if k <= 0 {
			return errors.New("damaged duration histogram")
		}
		blob = blob[k:]
		n, k := binary.Uvarint(blob)
		if k <= 0 {
			return errors.New("damaged duration histogram")
		}
		blob = blob[k:]
		b += int(gap)
		fn(b, int64(n))
	}
	return nil
}

func decodeBuckets(blob []byte) (map[int]int64, error) {
	counts := map[int]int64{}
	err := eachBucket(blob, func(b int, n int64) { counts[b] = n })
	return counts, err
}

func (d *complaintDeltas) applySLA(ctx context.Context, tx *sql.Tx) error {
	for k, c := range d.sla {
		if c[0] == 0 && c[1] == 0 {
			continue
		}
		res, err := tx.ExecContext(ctx, `UPDATE sla_daily SET achieved = achieved + ?, breached = breached + ?
			WHERE standard_id = ? AND day = ?`, c[0], c[1], k.standard, int64(k.day))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sla_daily (standard_id, day, achieved, breached) VALUES (?, ?, ?, ?)`,
				k.standard, int64(k.day), c[0], c[1]); err != nil {
				return fmt.Errorf("standard %d on %s: %w", k.standard, k.day, err)
			}
			continue
		}
		if c[0] < 0 || c[1] < 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sla_daily WHERE standard_id = ? AND day = ? AND achieved = 0 AND breached = 0`,
				k.standard, int64(k.day)); err != nil {
				return err
			}
		}
	}
	return nil
}

// rollupCols are the complaint columns a stored rollup row is read from.
const rollupCols = `c.opened_day, c.type, c.escalations, c.first_response_at IS NOT NULL, c.resolved_day,
	c.reopens, c.agents, c.verdict, coalesce(c.category_id, 0), c.channel, c.priority,
	coalesce(c.assignee_id, 0), c.tier, c.fr_calendar, c.fr_working, c.res_calendar, c.res_working`

type rowScanner interface{ Scan(dest ...any) error }

// scanRollupRow reads rollupCols (flows are read separately).
func scanRollupRow(s rowScanner) (rollupRow, error) {
	var (
		r                   rollupRow
		typ, verdict        string
		escalations, reopen int64
		resDay              sql.NullInt64
		category, assignee  int64
		channel, priority   string
		durs                [numMeasures]sql.NullInt64
	)
	err := s.Scan(&r.openedDay, &typ, &escalations, &r.responded, &resDay, &reopen, &r.agents, &verdict,
		&category, &channel, &priority, &assignee, &r.segs[4], &durs[0], &durs[1], &durs[2], &durs[3])
	if err != nil {
		return r, err
	}
	r.negative = data.ComplaintType(typ) == data.TypeComplaint
	r.escalated = escalations > 0
	r.resolved, r.resDay = resDay.Valid, data.Day(resDay.Int64)
	r.reopened = reopen > 0
	r.verdict = data.Verdict(verdict)
	r.segs[0], r.segs[1], r.segs[2], r.segs[3] = idText(category), channel, priority, idText(assignee)
	for i, v := range durs {
		r.durations[i] = duration{v.Valid, time.Duration(v.Int64) * time.Second}
	}
	return r, nil
}

// subtractStored removes complaint id's stored contribution (counts,
// durations, flows and finished SLA items) into deltas.
func subtractStored(ctx context.Context, tx *sql.Tx, id int64, deltas *complaintDeltas) error {
	r, err := scanRollupRow(tx.QueryRowContext(ctx, `SELECT `+rollupCols+` FROM complaint c WHERE c.id = ?`, id))
	if err != nil {
		return mapErr(err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT day, flow FROM complaint_event WHERE complaint_id = ? AND flow <> 0`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var f flowDay
		if err := rows.Scan(&f.day, &f.kind); err != nil {
			rows.Close()
			return err
		}
		r.flows = append(r.flows, f)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	deltas.addRow(&r, -1)
	rows, err = tx.QueryContext(ctx, `SELECT standard_id, finished_day, outcome FROM complaint_sla
		WHERE standard_id IN (SELECT id FROM standard) AND complaint_id = ? AND finished_day IS NOT NULL`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var std int64
		var day data.Day
		var outcome string
		if err := rows.Scan(&std, &day, &outcome); err != nil {
			rows.Close()
			return err
		}
		deltas.addSLA(std, day, data.SLAOutcome(outcome), -1)
	}
	return closeRows(rows)
}

// closeRows closes rows and returns the iteration error, if any.
func closeRows(rows *sql.Rows) error {
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	return rows.Close()
}

// rebuildComplaintRollups recounts every complaint rollup from the
// complaints' derived columns, for changes that touch every complaint (a
// new time zone or working calendar).
func rebuildComplaintRollups(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []string{"complaint_daily", "complaint_daily_segment", "complaint_duration", "sla_daily"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return fmt.Errorf("rebuild %s: %w", t, err)
		}
	}
	deltas := newComplaintDeltas()
	rows, err := tx.QueryContext(ctx, `SELECT `+rollupCols+` FROM complaint c`)
	if err != nil {
		return err
	}
	for rows.Next() {
		r, err := scanRollupRow(rows)
		if err != nil {
			rows.Close()
			return err
		}
		deltas.addRow(&r, 1)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT e.day, e.flow, coalesce(c.category_id, 0), c.channel, c.priority,
		coalesce(c.assignee_id, 0), c.tier FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE e.flow <> 0`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var r rollupRow
		var f flowDay
		var category, assignee int64
		if err := rows.Scan(&f.day, &f.kind, &category, &r.segs[1], &r.segs[2], &assignee, &r.segs[4]); err != nil {
			rows.Close()
			return err
		}
		r.segs[0], r.segs[3] = idText(category), idText(assignee)
		var v [numCounts]int64
		if f.kind == flowResolution {
			v[cResolutions] = 1
		} else {
			v[cReopens] = 1
		}
		deltas.addCounts(&r.segs, f.day, &v, 1)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sla_daily (standard_id, day, achieved, breached)
		SELECT standard_id, finished_day, count(*) FILTER (WHERE outcome = 'achieved'), count(*) FILTER (WHERE outcome = 'breached')
		FROM complaint_sla WHERE finished_day IS NOT NULL GROUP BY standard_id, finished_day`); err != nil {
		return fmt.Errorf("rebuild SLA counts: %w", err)
	}
	return deltas.apply(ctx, tx)
}
