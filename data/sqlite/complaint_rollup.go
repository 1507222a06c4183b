package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
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
	cCancellations
	numCounts
)

const complaintCountCols = `opened, negative, escalated, responded, resolutions, reopens,
	resolved, reopened, fcr, fcr_reopen, satisfied, with_verdict, cancellations`

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

type slaKey struct {
	standard int64
	day      data.Day
}

// countRef and durRef are countKey and durKey with the dimension as its
// index (0 = total, i+1 = segmentDims[i]) and the value interned: the
// maps of a large import are hashed tens of millions of times. The maps
// are keyed by their packing into 64 bits (ref), which hashes as one
// word: as structs, hashed field by field, the durations' lookups took
// 0.8 µs a ticket.
type countRef struct {
	dim   uint8
	value int32
	day   data.Day
}

type durRef struct {
	dim, measure uint8
	value        int32
	day          data.Day
}

// ref packs a dimension index and a measure (4 bits each), an interned
// value (32 bits) and a day (24 bits, offset so that days before 1970
// keep their order: ±22,000 years).
type ref uint64

const dayOffset = 1 << 23

func packRef(dim, measure uint8, value int32, day data.Day) ref {
	return ref(uint64(dim)<<60 | uint64(measure&0xf)<<56 | uint64(uint32(value))<<24 | uint64(uint32(int32(day)+dayOffset)&0xffffff))
}

func (r ref) count() countRef {
	return countRef{dim: uint8(r >> 60), value: int32(uint32(r >> 24)), day: data.Day(int32(r&0xffffff) - dayOffset)}
}

func (r ref) dur() durRef {
	c := r.count()
	return durRef{dim: c.dim, measure: uint8(r>>56) & 0xf, value: c.value, day: c.day}
}

func (k countRef) ref() ref { return packRef(k.dim, 0, k.value, k.day) }
func (k durRef) ref() ref   { return packRef(k.dim, k.measure, k.value, k.day) }

// complaintDeltas are pending changes to the complaint rollups: a change
// subtracts the complaint's old contribution and adds the new one, and
// everything is written once at the end of the transaction.
type complaintDeltas struct {
	names  []string                  // interned segment values
	ids    map[string]int32          // ... and their indexes
	counts map[ref]*[numCounts]int64 // by countRef.ref
	durs   map[ref]*bucketDeltas     // by durRef.ref
	sla    map[slaKey]*[2]int64      // achieved, breached
}

func newComplaintDeltas() *complaintDeltas {
	return &complaintDeltas{
		names:  []string{""},
		ids:    map[string]int32{"": 0},
		counts: map[ref]*[numCounts]int64{},
		durs:   map[ref]*bucketDeltas{},
		sla:    map[slaKey]*[2]int64{},
	}
}

func (d *complaintDeltas) intern(segs *[len(segmentDims)]string) [len(segmentDims)]int32 {
	var out [len(segmentDims)]int32
	for i, s := range segs {
		id, ok := d.ids[s]
		if !ok {
			id = int32(len(d.names))
			d.names = append(d.names, s)
			d.ids[s] = id
		}
		out[i] = id
	}
	return out
}

func dimOf(i uint8) data.ComplaintSegmentation {
	if i == 0 {
		return data.ComplaintsBy
	}
	return segmentDims[i-1]
}

// addCounts adds v (times sign) on day to the total and to each segment of
// segs (interned).
func (d *complaintDeltas) addCounts(segs *[len(segmentDims)]int32, day data.Day, v *[numCounts]int64, sign int64) {
	d.addCountsRef(countRef{day: day}, v, sign)
	for i, id := range segs {
		d.addCountsRef(countRef{uint8(i + 1), id, day}, v, sign)
	}
}

func (d *complaintDeltas) addCountsRef(k countRef, v *[numCounts]int64, sign int64) {
	c := d.counts[k.ref()]
	if c == nil {
		c = new([numCounts]int64)
		d.counts[k.ref()] = c
	}
	for i, n := range v {
		c[i] += sign * n
	}
}

func (d *complaintDeltas) addDuration(k durRef, bucket int32, sign int64) {
	h := d.durs[k.ref()]
	if h == nil {
		h = &bucketDeltas{}
		d.durs[k.ref()] = h
	}
	h.add(bucket, int32(sign))
}

// bucketDeltas is a histogram's change: counts for the buckets from lo
// on. An import changes a few thousand histograms (per day, segment value
// and measure), each over a run of neighbouring buckets: a map per
// histogram took 170 MB for a million tickets, and most of the time
// spent on the rollups. A count fits an int32: it is at most the number
// of complaints of one day.
type bucketDeltas struct {
	lo     int32
	counts []int32
}

func (h *bucketDeltas) add(bucket, n int32) {
	switch {
	case len(h.counts) == 0:
		h.lo, h.counts = bucket, append(h.counts, 0)
	case bucket < h.lo:
		grown := make([]int32, int(h.lo-bucket)+len(h.counts), int(h.lo-bucket)+cap(h.counts))
		copy(grown[h.lo-bucket:], h.counts)
		h.lo, h.counts = bucket, grown
	case int(bucket-h.lo) >= len(h.counts):
		h.counts = append(h.counts, make([]int32, int(bucket-h.lo)+1-len(h.counts))...)
	}
	h.counts[bucket-h.lo] += n
}

// addRow adds (sign 1) or removes (sign -1) a complaint's contribution.
func (d *complaintDeltas) addRow(r *rollupRow, sign int64) {
	segs := d.intern(&r.segs)
	var opened [numCounts]int64
	opened[cOpened] = 1
	opened[cNegative] = b2i(r.negative)
	opened[cEscalated] = b2i(r.escalated)
	opened[cResponded] = b2i(r.responded)
	d.addCounts(&segs, r.openedDay, &opened, sign)
	if r.resolved {
		var res [numCounts]int64
		res[cResolved] = 1
		res[cReopened] = b2i(r.reopened)
		res[cFCR] = b2i(!r.reopened && !r.escalated && r.agents <= 1)
		res[cFCRReopen] = b2i(!r.reopened)
		res[cSatisfied] = b2i(r.verdict == data.VerdictSatisfied)
		res[cWithVerdict] = b2i(r.verdict != data.VerdictUnknown)
		d.addCounts(&segs, r.resDay, &res, sign)
	}
	for _, f := range r.flows {
		d.addFlow(&segs, f, sign)
	}
	for m, dur := range r.durations {
		if !dur.ok {
			continue
		}
		day := r.openedDay // first responses count on the opening day
		if m == measureResCalendar || m == measureResWorking {
			day = r.resDay
		}
		b := int32(data.DurationBucket(dur.d))
		d.addDuration(durRef{0, uint8(m), 0, day}, b, sign)
		for i, id := range segs {
			d.addDuration(durRef{uint8(i + 1), uint8(m), id, day}, b, sign)
		}
	}
}

// addFlow counts a resolution, reopen or cancellation on its day.
func (d *complaintDeltas) addFlow(segs *[len(segmentDims)]int32, f flowDay, sign int64) {
	var flow [numCounts]int64
	switch f.kind {
	case flowResolution:
		flow[cResolutions] = 1
	case flowCancel:
		flow[cCancellations] = 1
	default:
		flow[cReopens] = 1
	}
	d.addCounts(segs, f.day, &flow, sign)
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
	w := &rollupWrites{}
	if err := d.merge(ctx, tx, w); err != nil {
		return err
	}
	return d.write(ctx, tx, w)
}

// write runs the writes merge kept in w, then the SLA counts' changes.
func (d *complaintDeltas) write(ctx context.Context, tx *sql.Tx, w *rollupWrites) error {
	if err := w.flush(ctx, tx); err != nil {
		return fmt.Errorf("update complaint rollups: %w", err)
	}
	if err := d.applySLA(ctx, tx); err != nil {
		return fmt.Errorf("update SLA counts: %w", err)
	}
	return nil
}

// merge reads the stored count and duration rollup rows the deltas
// change through read and adds the deltas to them, handing the rows to
// write to w. An import's commit merges through the read connection
// while the indexes are rebuilt (nothing writes the rollups until the
// import commits, and it holds the write lock) and writes afterwards.
func (d *complaintDeltas) merge(ctx context.Context, read rollupReader, w *rollupWrites) error {
	if err := d.applyCounts(ctx, read, w); err != nil {
		return fmt.Errorf("update complaint counts: %w", err)
	}
	if err := d.applyDurations(ctx, read, w); err != nil {
		return fmt.Errorf("update complaint durations: %w", err)
	}
	return nil
}

// rollupReader reads stored rollup rows: a transaction, or the store's
// read connections.
type rollupReader interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// rollupWrites keeps the writes of merged rollup rows for flush.
type rollupWrites struct {
	kept []func(context.Context, *sql.Tx) error
}

// groups keeps an execGroups.
func (w *rollupWrites) groups(head, tail string, perRow int, args []any) {
	w.kept = append(w.kept, func(ctx context.Context, tx *sql.Tx) error { return execGroups(ctx, tx, head, tail, perRow, args) })
}

// each keeps an execEach.
func (w *rollupWrites) each(query string, perRow int, args []any) {
	w.kept = append(w.kept, func(ctx context.Context, tx *sql.Tx) error { return execEach(ctx, tx, query, perRow, args) })
}

// flush runs the kept writes in tx.
func (w *rollupWrites) flush(ctx context.Context, tx *sql.Tx) error {
	for _, write := range w.kept {
		if err := write(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// bulkKeys is the number of changed rows of a rollup above which
// readStored reads the table whole instead of row by row.
var bulkKeys = 512

func (d *complaintDeltas) applyCounts(ctx context.Context, read rollupReader, w *rollupWrites) error {
	total, segments := map[countKey]*[numCounts]int64{}, map[countKey]*[numCounts]int64{}
	for packed, c := range d.counts {
		if *c == ([numCounts]int64{}) {
			continue
		}
		r := packed.count()
		k := countKey{dimOf(r.dim), d.names[r.value], r.day}
		if k.dim == "" {
			total[k] = c
		} else {
			segments[k] = c
		}
	}
	if err := applyCountTable(ctx, read, w, false, total); err != nil {
		return err
	}
	return applyCountTable(ctx, read, w, true, segments)
}

// applyCountTable adds deltas to complaint_daily or, segmented, to
// complaint_daily_segment: it reads the current counts, checks that none
// goes below zero, and writes the sums (rows summing to nothing go).
func applyCountTable(ctx context.Context, read rollupReader, w *rollupWrites, segmented bool, deltas map[countKey]*[numCounts]int64) error {
	if len(deltas) == 0 {
		return nil
	}
	table, keySelect, keyWhere, keyCols := "complaint_daily", "'', day, ''", "day = ?", "day"
	keyArgs := func(k countKey) []any { return []any{int64(k.day)} }
	if segmented {
		table, keySelect, keyWhere, keyCols = "complaint_daily_segment", "dim, day, value", "dim = ? AND day = ? AND value = ?", "dim, day, value"
		keyArgs = func(k countKey) []any { return []any{string(k.dim), int64(k.day), k.value} }
	}
	current := map[countKey]*[numCounts]int64{}
	scan := func(rows *sql.Rows) error {
		for rows.Next() {
			var k countKey
			var c [numCounts]int64
			dest := []any{&k.dim, &k.day, &k.value}
			for i := range c {
				dest = append(dest, &c[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return err
			}
			if _, ok := deltas[k]; ok {
				current[k] = &c
			}
		}
		return closeRows(rows)
	}
	if err := readStored(ctx, read, `SELECT `+keySelect+`, `+complaintCountCols+` FROM `+table, keyWhere, deltas, keyArgs, scan); err != nil {
		return err
	}
	// Rows are written in primary key order: appending to a B-tree costs
	// far less than inserting all over it.
	keys := slices.Collect(maps.Keys(deltas))
	slices.SortFunc(keys, func(a, b countKey) int {
		return cmp.Or(strings.Compare(string(a.dim), string(b.dim)), cmp.Compare(a.day, b.day), strings.Compare(a.value, b.value))
	})
	var upserts, deletes []any
	for _, k := range keys {
		delta := deltas[k]
		sum := *delta
		cur, existed := current[k]
		if existed {
			for i := range sum {
				sum[i] += cur[i]
			}
		}
		for i, v := range sum {
			if v < 0 {
				return fmt.Errorf("%s %s %q: count %d would go below zero", k.day, k.dim, k.value, i)
			}
		}
		if sum == ([numCounts]int64{}) {
			if existed {
				deletes = append(deletes, keyArgs(k)...)
			}
			continue
		}
		upserts = append(upserts, keyArgs(k)...)
		for _, v := range sum {
			upserts = append(upserts, v)
		}
	}
	nKeys := len(keyArgs(countKey{}))
	w.groups(`INSERT INTO `+table+` (`+keyCols+`, `+complaintCountCols+`) VALUES `,
		`ON CONFLICT (`+keyCols+`) DO UPDATE SET opened = excluded.opened, negative = excluded.negative,
		escalated = excluded.escalated, responded = excluded.responded, resolutions = excluded.resolutions,
		reopens = excluded.reopens, resolved = excluded.resolved, reopened = excluded.reopened, fcr = excluded.fcr,
		fcr_reopen = excluded.fcr_reopen, satisfied = excluded.satisfied, with_verdict = excluded.with_verdict,
		cancellations = excluded.cancellations`,
		nKeys+numCounts, upserts)
	w.each(`DELETE FROM `+table+` WHERE `+keyWhere, nKeys, deletes)
	return nil
}

// readStored passes the stored rows of a rollup that deltas change to
// scan: the whole table (query) when many keys changed, as a large import
// touches most of its rows anyway and one scan costs less than a lookup
// per row; else one lookup per key (query WHERE keyWhere).
func readStored[K comparable, V any](ctx context.Context, tx rollupReader, query, keyWhere string, deltas map[K]V,
	keyArgs func(K) []any, scan func(*sql.Rows) error) error {
	if len(deltas) > bulkKeys {
		rows, err := tx.QueryContext(ctx, query)
		if err != nil {
			return err
		}
		return scan(rows)
	}
	read, err := tx.PrepareContext(ctx, query+` WHERE `+keyWhere)
	if err != nil {
		return err
	}
	defer read.Close()
	for k := range deltas {
		rows, err := read.QueryContext(ctx, keyArgs(k)...)
		if err != nil {
			return err
		}
		if err := scan(rows); err != nil {
			return err
		}
	}
	return nil
}

// execGroups runs INSERT head VALUES (row), (row)... tail over args,
// perRow arguments a row, up to 64 rows a statement.
func execGroups(ctx context.Context, tx *sql.Tx, head, tail string, perRow int, args []any) error {
	const rowsPerStmt = 64
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	row := "(" + placeholders(perRow) + ")"
	for len(args) > 0 {
		n := min(rowsPerStmt, len(args)/perRow)
		st := stmts[n]
		if st == nil {
			var err error
			if st, err = tx.PrepareContext(ctx, groupQuery(head, row, n)+" "+tail); err != nil {
				return err
			}
			stmts[n] = st
		}
		if _, err := st.ExecContext(ctx, args[:n*perRow]...); err != nil {
			return err
		}
		args = args[n*perRow:]
	}
	return nil
}

// execEach runs query once per perRow arguments of args.
func execEach(ctx context.Context, tx *sql.Tx, query string, perRow int, args []any) error {
	if len(args) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer st.Close()
	for ; len(args) > 0; args = args[perRow:] {
		if _, err := st.ExecContext(ctx, args[:perRow]...); err != nil {
			return err
		}
	}
	return nil
}

func (d *complaintDeltas) applyDurations(ctx context.Context, read rollupReader, w *rollupWrites) error {
	if len(d.durs) == 0 {
		return nil
	}
	byKey := make(map[durKey]*bucketDeltas, len(d.durs))
	for packed, h := range d.durs {
		r := packed.dur()
		byKey[durKey{dimOf(r.dim), d.names[r.value], r.day, int(r.measure)}] = h
	}
	measureIndex := map[string]int{}
	for i, m := range measureNames {
		measureIndex[string(m)] = i
	}
	current := map[durKey][]byte{}
	scan := func(rows *sql.Rows) error {
		for rows.Next() {
			var k durKey
			var measure string
			var blob []byte
			if err := rows.Scan(&k.dim, &k.day, &measure, &k.value, &blob); err != nil {
				rows.Close()
				return err
			}
			k.measure = measureIndex[measure]
			if _, ok := byKey[k]; ok {
				current[k] = blob
			}
		}
		return closeRows(rows)
	}
	const query = `SELECT dim, day, measure, value, buckets FROM complaint_duration`
	keyArgs := func(k durKey) []any {
		return []any{string(k.dim), int64(k.day), string(measureNames[k.measure]), k.value}
	}
	if err := readStored(ctx, read, query, `dim = ? AND day = ? AND measure = ? AND value = ?`, byKey, keyArgs, scan); err != nil {
		return err
	}
	keys := slices.Collect(maps.Keys(byKey))
	slices.SortFunc(keys, func(a, b durKey) int {
		return cmp.Or(strings.Compare(string(a.dim), string(b.dim)), cmp.Compare(a.day, b.day),
			strings.Compare(string(measureNames[a.measure]), string(measureNames[b.measure])), strings.Compare(a.value, b.value))
	})
	var upserts, deletes []any
	for _, k := range keys {
		delta := byKey[k]
		blob, existed := current[k]
		counts, err := decodeBuckets(blob)
		if err != nil {
			return fmt.Errorf("%s %s: %w", k.day, measureNames[k.measure], err)
		}
		for i, n := range delta.counts {
			if n == 0 {
				continue
			}
			b := int(delta.lo) + i
			counts[b] += int64(n)
			if counts[b] < 0 {
				return fmt.Errorf("%s %s %s %q: bucket %d would go below zero", k.day, measureNames[k.measure], k.dim, k.value, b)
			}
			if counts[b] == 0 {
				delete(counts, b)
			}
		}
		switch {
		case len(counts) > 0:
			upserts = append(append(upserts, keyArgs(k)...), encodeBuckets(counts))
		case existed:
			deletes = append(deletes, keyArgs(k)...)
		}
	}
	w.groups(`INSERT INTO complaint_duration (dim, day, measure, value, buckets) VALUES `,
		`ON CONFLICT (dim, day, measure, value) DO UPDATE SET buckets = excluded.buckets`, 5, upserts)
	w.each(`DELETE FROM complaint_duration WHERE dim = ? AND day = ? AND measure = ? AND value = ?`, 4, deletes)
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
	r.segs[0], r.segs[1], r.segs[2], r.segs[3] = data.SegmentKey(category), channel, priority, data.SegmentKey(assignee)
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
		r.segs[0], r.segs[3] = data.SegmentKey(category), data.SegmentKey(assignee)
		segs := deltas.intern(&r.segs)
		deltas.addFlow(&segs, f, 1)
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
