package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"caredesk/data"
)

// Standards returns the standards register by code, versions sorted.
func (db *DB) Standards(ctx context.Context) ([]data.Standard, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list standards: %w", err)
	}
	defer tx.Rollback()
	out, err := loadStandards(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("list standards: %w", err)
	}
	return out, tx.Commit()
}

func loadStandards(ctx context.Context, tx *sql.Tx) ([]data.Standard, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, code, title, measure, goal FROM standard ORDER BY code, id`)
	if err != nil {
		return nil, err
	}
	var out []data.Standard
	index := map[int64]int{}
	for rows.Next() {
		var s data.Standard
		var measure string
		if err := rows.Scan(&s.ID, &s.Code, &s.Title, &measure, &s.Goal); err != nil {
			rows.Close()
			return nil, err
		}
		s.Measure = data.SLAMeasure(measure)
		index[s.ID] = len(out)
		out = append(out, s)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, standard_id, effective_from, text, targets, calendar, channels, category_ids, tiers
		FROM standard_version ORDER BY standard_id, effective_from`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			v                                         data.StandardVersion
			std                                       int64
			targets, cal, channels, categories, tiers string
		)
		if err := rows.Scan(&v.ID, &std, &v.EffectiveFrom, &v.Text, &targets, &cal, &channels, &categories, &tiers); err != nil {
			return nil, err
		}
		var secs map[data.Priority]int64
		for _, p := range []struct {
			src string
			dst any
		}{{targets, &secs}, {cal, &v.Calendar}, {channels, &v.Channels}, {categories, &v.CategoryIDs}, {tiers, &v.Tiers}} {
			if err := json.Unmarshal([]byte(p.src), p.dst); err != nil {
				return nil, fmt.Errorf("standard %d version %d: %w", std, v.ID, err)
			}
		}
		v.Targets = make(map[data.Priority]time.Duration, len(secs))
		for p, s := range secs {
			v.Targets[p] = time.Duration(s) * time.Second
		}
		if i, ok := index[std]; ok {
			out[i].Versions = append(out[i].Versions, v)
		}
	}
	return out, rows.Err()
}

// SaveStandard creates s (ID 0) or replaces it with all its versions, and
// in the same transaction judges every complaint against it again: its
// SLA rows, the daily SLA counts and the complaints' due times and breach
// marks.
func (db *DB) SaveStandard(ctx context.Context, s *data.Standard) error {
	s.Code, s.Title = strings.TrimSpace(s.Code), strings.TrimSpace(s.Title)
	if err := s.Validate(); err != nil {
		return err
	}
	s.SortVersions()
	conn, tx, err := db.beginWriteConn(ctx)
	if err != nil {
		return fmt.Errorf("save standard %s: %w", s.Code, err)
	}
	defer conn.Close()
	defer tx.Rollback()
	var before *data.Standard
	if s.ID != 0 {
		stds, err := loadStandards(ctx, tx)
		if err != nil {
			return fmt.Errorf("save standard %s: %w", s.Code, err)
		}
		for i := range stds {
			if stds[i].ID == s.ID {
				before = &stds[i]
			}
		}
	}
	if err := saveStandard(ctx, tx, s); err != nil {
		return fmt.Errorf("save standard %s: %w", s.Code, err)
	}
	if err := rejudgeStandard(ctx, conn, tx, db.read, s, db.Location(), time.Now(), true, changedScope(before, s, db.Location())); err != nil {
		return fmt.Errorf("save standard %s: judge the complaints again: %w", s.Code, err)
	}
	return tx.Commit()
}

func saveStandard(ctx context.Context, tx *sql.Tx, s *data.Standard) error {
	if s.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO standard (code, title, measure, goal) VALUES (?, ?, ?, ?)`, s.Code, s.Title, string(s.Measure), s.Goal)
		if err != nil {
			return mapErr(err)
		}
		if s.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE standard SET code = ?, title = ?, measure = ?, goal = ? WHERE id = ?`, s.Code, s.Title, string(s.Measure), s.Goal, s.ID)
		if err != nil {
			return mapErr(err)
		}
		if err := mustAffect(res); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM standard_version WHERE standard_id = ?`, s.ID); err != nil {
			return err
		}
	}
	for i := range s.Versions {
		v := &s.Versions[i]
		secs := make(map[data.Priority]int64, len(v.Targets))
		for p, d := range v.Targets {
			secs[p] = int64(d / time.Second)
		}
		enc := make([]string, 0, 5)
		for _, x := range []any{secs, v.Calendar, nonNil(v.Channels), nonNil(v.CategoryIDs), nonNil(v.Tiers)} {
			b, err := json.Marshal(x)
			if err != nil {
				return err
			}
			enc = append(enc, string(b))
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO standard_version (standard_id, effective_from, text, targets, calendar, channels, category_ids, tiers)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, int64(v.EffectiveFrom), v.Text, enc[0], enc[1], enc[2], enc[3], enc[4])
		if err != nil {
			return mapErr(err)
		}
		if v.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// slaInsertRows is the number of complaint_sla rows per INSERT statement:
// a million tickets judged by two standards imported 5-9% faster with
// 128 than with 64 (256 was no faster).
const (
	slaInsertRows = 128
	slaArgs       = 7
)

// slaRow is a stored complaint_sla row.
type slaRow struct {
	complaint   int64
	due, risk   int64 // 0 = none
	finished    int64 // 0 = running or paused
	finishedDay data.Day
	outcome     data.SLAOutcome
}

func slaRowOf(complaintID int64, r *data.SLAResult, loc *time.Location) slaRow {
	row := slaRow{complaint: complaintID, outcome: r.Outcome}
	if !r.Due.IsZero() {
		row.due = r.Due.Unix()
	}
	if !r.RiskAt.IsZero() {
		row.risk = r.RiskAt.Unix()
	}
	if !r.Finished.IsZero() {
		row.finished, row.finishedDay = r.Finished.Unix(), data.DayOf(r.Finished, loc)
	}
	return row
}

// slaWriter inserts complaint_sla rows in groups; with upsert, a row
// already stored is overwritten.
type slaWriter struct {
	ctx     context.Context
	tx      *sql.Tx
	loc     *time.Location
	upsert  bool
	queries map[int]string
	stmts   map[int]*sql.Stmt
	pending []any
	queue   *groupWriter // an import's: the rows go through it; nil: inserted at once
	// Boxes of the values bound most often (see boxes.go).
	complaint, finishedDay intBox
	outcome                textBoxes
}

func newSLAWriter(ctx context.Context, tx *sql.Tx, loc *time.Location) *slaWriter {
	return &slaWriter{ctx: ctx, tx: tx, loc: loc, queries: map[int]string{}, stmts: map[int]*sql.Stmt{},
		pending: make([]any, 0, slaInsertRows*slaArgs)}
}

func (w *slaWriter) add(complaintID int64, r *data.SLAResult) error {
	return w.addRow(r.StandardID, slaRowOf(complaintID, r, w.loc))
}

func (w *slaWriter) addRow(standard int64, r slaRow) error {
	var finishedDay any
	if r.finished != 0 {
		finishedDay = w.finishedDay.of(int64(r.finishedDay))
	}
	w.pending = append(w.pending, standard, w.complaint.of(r.complaint), zeroNil(r.due), zeroNil(r.risk), zeroNil(r.finished), finishedDay,
		w.outcome.of(string(r.outcome)))
	if len(w.pending) >= slaInsertRows*slaArgs { // not cap: an import's writer hands back slices of every kind
		return w.flush()
	}
	return nil
}

func zeroNil(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func (w *slaWriter) flush() error {
	n := len(w.pending) / slaArgs
	if n == 0 {
		return nil
	}
	q, ok := w.queries[n]
	if !ok {
		insert := "INSERT INTO "
		if w.queue != nil {
			insert = importInsert
		}
		q = groupQuery(insert+`complaint_sla (standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome) VALUES `,
			"("+placeholders(slaArgs)+")", n)
		if w.upsert {
			q += ` ON CONFLICT (complaint_id, standard_id) DO UPDATE SET due_at = excluded.due_at, risk_at = excluded.risk_at,
				finished_at = excluded.finished_at, finished_day = excluded.finished_day, outcome = excluded.outcome`
		}
		w.queries[n] = q
	}
	if w.queue != nil {
		var err error
		w.pending, err = w.queue.queue(q, w.pending)
		return err
	}
	st := w.stmts[n]
	if st == nil {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, q); err != nil {
			return err
		}
		w.stmts[n] = st
	}
	if err := execFused(w.ctx, st, w.pending); err != nil {
		return mapErr(err)
	}
	w.pending = w.pending[:0]
	return nil
}

func (w *slaWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func unixOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// judgeCols are the complaint columns SLA evaluation reads.
const judgeCols = `id, opened_at, priority, channel, coalesce(category_id, 0), coalesce(subcategory_id, 0), tier,
	status, first_response_at, resolved_at, waiting, reopened_spans`

// scanJudged reads judgeCols into a complaint and its facts.
func scanJudged(s rowScanner) (data.Complaint, data.Facts, error) {
	var (
		c                        data.Complaint
		opened                   int64
		priority, channel        string
		status, waiting, reopens string
		fr, res                  sql.NullInt64
	)
	if err := s.Scan(&c.ID, &opened, &priority, &channel, &c.CategoryID, &c.SubcategoryID, &c.ClientTier,
		&status, &fr, &res, &waiting, &reopens); err != nil {
		return c, data.Facts{}, err
	}
	c.OpenedAt, c.Priority, c.Channel = unixTime(opened), data.Priority(priority), data.Channel(channel)
	return c, storedFacts(data.Status(status), nullPtr(fr), nullPtr(res), waiting, reopens), nil
}

func nullPtr(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	return &v.Int64
}

// changedScope returns the conditions selecting the complaints whose
// judgement by s can differ from their judgement by before (the same
// standard as stored): those opened while a version's calendar, scope or
// a priority's target differs. nil means every complaint (a new standard,
// or a changed measure).
func changedScope(before, s *data.Standard, loc *time.Location) *rejudgeScope {
	if before == nil || before.Measure != s.Measure {
		return nil
	}
	var days []data.Day
	for _, v := range append(slices.Clone(before.Versions), s.Versions...) {
		if !slices.Contains(days, v.EffectiveFrom) {
			days = append(days, v.EffectiveFrom)
		}
	}
	slices.Sort(days)
	var parts []string
	w := &rejudgeScope{}
	for i, from := range days {
		ov, oldOK := before.VersionAt(from)
		nv, newOK := s.VersionAt(from)
		if !oldOK && !newOK {
			continue
		}
		var prios []any
		all := oldOK != newOK || !sameRules(&ov, &nv)
		for _, p := range data.Priorities {
			ot, inOld := ov.Targets[p]
			nt, inNew := nv.Targets[p]
			if all || inOld != inNew || ot != nt {
				prios = append(prios, string(p))
			}
		}
		if len(prios) == 0 {
			continue
		}
		// "+": rejudgeStandard reads the complaints in id order by a table scan.
		part := "(+opened_day >= ?"
		w.args = append(w.args, int64(from))
		w.span(from, i+1 == len(days))
		if i+1 < len(days) {
			part += " AND +opened_day < ?"
			w.args = append(w.args, int64(days[i+1]))
			w.span(days[i+1]-1, false)
		}
		if len(prios) < len(data.Priorities) {
			part += " AND priority IN (" + placeholders(len(prios)) + ")"
			w.args = append(w.args, prios...)
		}
		if oldOK && newOK && sameScope(&ov, &nv) {
			cond, args := keptOutcomes(s.Measure, &ov, &nv, loc)
			part += " AND " + cond
			w.args = append(w.args, args...)
		}
		parts = append(parts, part+")")
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	w.clauses = []string{"(" + strings.Join(parts, " OR ") + ")"}
	return w
}

// sameRules reports whether two versions judge alike apart from their
// targets: the same calendar and scope.
func sameRules(a, b *data.StandardVersion) bool {
	calendar := func(v *data.StandardVersion) string {
		cal := v.Calendar
		cal.Holidays = nonNil(cal.Holidays)
		return encodeJSON(cal)
	}
	return sameScope(a, b) && calendar(a) == calendar(b)
}

// sameScope reports whether two versions apply to the same complaints of
// a priority both have targets for.
func sameScope(a, b *data.StandardVersion) bool {
	return encodeJSON(nonNil(a.Channels), nonNil(a.CategoryIDs), nonNil(a.Tiers)) ==
		encodeJSON(nonNil(b.Channels), nonNil(b.CategoryIDs), nonNil(b.Tiers))
}

func encodeJSON(values ...any) string {
	out, _ := json.Marshal(values)
	return string(out)
}

// keptOutcomes is an SQL condition leaving out the complaints whose
// stored row a version nv (applying to the same complaints as ov, the
// version stored) cannot change, so they need not be read:
//   - those whose measured event came no later after the opening, in plain
//     time, than the smaller target for their priority: working time
//     never exceeds plain time, so they were met and stay met, with the
//     same row (a finished row keeps no due time);
//   - for resolution, those resolved within as many working days (by
//     either calendar's weekdays, at the longer day: data.DayBound) as
//     hold no more than that target: met and still met;
//   - when no clock can run longer by nv's calendar (a holiday added,
//     shorter hours) and their priority's target is no shorter, those
//     finished and met: none breached (their mark is that of every
//     standard).
//
// In real data that is most complaints: most are answered and resolved
// within their target.
func keptOutcomes(m data.SLAMeasure, ov, nv *data.StandardVersion, loc *time.Location) (string, []any) {
	stop := "first_response_at"
	if m == data.MeasureResolution {
		stop = "resolved_at"
	}
	// The days a resolution spans bound its working time; the first
	// response has no day of its own.
	var days string
	var dayLength int64
	ob, oOK := ov.Calendar.Bound(loc)
	nb, nOK := nv.Calendar.Bound(loc)
	if m == data.MeasureResolution && oOK && nOK {
		b := ob.Union(nb)
		days, dayLength = workingDaysSQL(b.Weekdays, "opened_day", "resolved_day"), int64(b.Longest/time.Second)
	}
	shorterClocks := nv.Calendar.Within(&ov.Calendar)
	// Written as conditions, not a CASE, so that SQLite stops at the
	// first that decides: in a CASE it computed every term of every row.
	var kept []string
	var args []any
	for _, p := range data.Priorities {
		ot, inOld := ov.Targets[p]
		nt, inNew := nv.Targets[p]
		if !inOld || !inNew {
			continue // applies in one version only: read
		}
		target := int64(min(ot, nt) / time.Second)
		terms := []string{stop + " - opened_at <= ?"}
		args = append(args, int64(priorityRank(p)), target)
		if shorterClocks && nt >= ot {
			terms = append(terms, "id NOT IN (SELECT complaint_id FROM complaint_breached)")
		}
		if days != "" {
			terms = append(terms, days+" <= ?")
			args = append(args, target/dayLength)
		}
		kept = append(kept, "NOT (priority_rank = ? AND ("+strings.Join(terms, " OR ")+"))")
	}
	if len(kept) == 0 {
		return "1", nil
	}
	// No event, or a priority not listed: read.
	return "(" + stop + " IS NULL OR (" + strings.Join(kept, " AND ") + "))", args
}

// workingDaysSQL is an SQL expression counting the days from day column
// from to day column to (both included) that fall on weekdays: the days
// before to+1 less those before from. The days before day d are whole
// weeks and the first d%7 days of a week, counted from 1 January 1970, a
// Thursday; d is moved on by whole weeks first so that it is never
// negative (SQLite divides towards zero). The numbers are counts worked
// out here from the weekdays, no input, so they are written into the SQL.
func workingDaysSQL(weekdays [7]bool, from, to string) string {
	var before [7]int // working days among the first i days of a week
	for i := 1; i < 7; i++ {
		before[i] = before[i-1]
		if weekdays[(int(time.Thursday)+i-1)%7] {
			before[i]++
		}
	}
	perWeek := before[6]
	if weekdays[(int(time.Thursday)+6)%7] {
		perWeek++
	}
	daysBefore := func(d string) string {
		d = "(" + d + " + 700000)" // 100,000 weeks
		var b strings.Builder
		fmt.Fprintf(&b, "(%s / 7 * %d + CASE %s %% 7", d, perWeek, d)
		for i := 1; i < 7; i++ {
			fmt.Fprintf(&b, " WHEN %d THEN %d", i, before[i])
		}
		b.WriteString(" ELSE 0 END)")
		return b.String()
	}
	return "(" + daysBefore(to+" + 1") + " - " + daysBefore(from) + ")"
}

func pairs(first int64, seconds []int64) []any {
	out := make([]any, 0, 2*len(seconds))
	for _, v := range seconds {
		out = append(out, first, v)
	}
	return out
}

// refreshSLASummary recomputes the breach mark and the earliest running
// due time of the listed complaints from their SLA rows.
func refreshSLASummary(ctx context.Context, tx *sql.Tx, complaints []int64) error {
	if err := refreshBreachMark(ctx, tx, complaints); err != nil {
		return err
	}
	return refreshDueTime(ctx, tx, complaints)
}

// The summary statements take their complaints as one JSON array: a
// re-judgement can list tens of thousands. The breach mark is membership
// of complaint_breached; the due time is set only where it changes:
// setting it, even to the same value, rewrites a complaint row and its
// two index entries.

// markBreached sets the breach mark of the listed complaints, which have
// a breached SLA row.
func markBreached(ctx context.Context, tx *sql.Tx, complaints []int64) error {
	return updateListed(ctx, tx, complaints, markBreachedQuery)
}

// markBreachedQuery marks the complaints of a JSON array of ids.
const markBreachedQuery = `INSERT OR IGNORE INTO complaint_breached (complaint_id) SELECT value FROM json_each(?)`

// refreshBreachMark recomputes the breach mark of the listed complaints.
func refreshBreachMark(ctx context.Context, tx *sql.Tx, complaints []int64) error {
	const breached = `EXISTS (SELECT 1 FROM complaint_sla s WHERE s.standard_id IN (SELECT id FROM standard)
		AND s.complaint_id = listed.value AND s.outcome = 'breached')`
	if err := updateListed(ctx, tx, complaints, `DELETE FROM complaint_breached WHERE complaint_id IN
		(SELECT value FROM json_each(?) AS listed WHERE NOT `+breached+`)`); err != nil {
		return err
	}
	return updateListed(ctx, tx, complaints, `INSERT OR IGNORE INTO complaint_breached (complaint_id)
		SELECT value FROM json_each(?) AS listed WHERE `+breached)
}

// setBreachMark sets or clears the breach mark of one complaint.
func setBreachMark(ctx context.Context, tx *sql.Tx, complaint int64, breached bool) error {
	query := `DELETE FROM complaint_breached WHERE complaint_id = ?`
	if breached {
		query = `INSERT OR IGNORE INTO complaint_breached (complaint_id) VALUES (?)`
	}
	_, err := tx.ExecContext(ctx, query, complaint)
	return err
}

// refreshDueTime recomputes the earliest running due time of the listed
// complaints.
func refreshDueTime(ctx context.Context, tx *sql.Tx, complaints []int64) error {
	return updateListed(ctx, tx, complaints, `UPDATE complaint SET due_at = fresh.due
		FROM (SELECT listed.value AS id,
			coalesce((SELECT min(s.due_at) FROM complaint_sla s WHERE s.standard_id IN (SELECT id FROM standard)
				AND s.complaint_id = listed.value AND s.outcome = 'running'), ?) AS due
			FROM json_each(?) AS listed) AS fresh
		WHERE complaint.id = fresh.id AND complaint.due_at IS NOT fresh.due`, noDue)
}

// updateListed runs an update of the listed complaints (none: nothing),
// whose last argument is their ids as a JSON array.
func updateListed(ctx context.Context, tx *sql.Tx, complaints []int64, query string, args ...any) error {
	if len(complaints) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, query, append(args, jsonIDs(complaints))...)
	return err
}

// jsonIDs writes ids as a JSON array.
func jsonIDs(ids []int64) string {
	out := make([]byte, 0, 8*len(ids))
	out = append(out, '[')
	for i, id := range ids {
		if i > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, id, 10)
	}
	return string(append(out, ']'))
}

// DeleteStandard removes a standard with its versions and SLA rows.
func (db *DB) DeleteStandard(ctx context.Context, id int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete standard %d: %w", id, err)
	}
	defer tx.Rollback()
	var concerned []int64 // whose breach mark or due time may change
	rows, err := tx.QueryContext(ctx, `SELECT complaint_id FROM complaint_sla WHERE standard_id = ? AND outcome IN ('breached', 'running')`, id)
	if err != nil {
		return fmt.Errorf("delete standard %d: %w", id, err)
	}
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return fmt.Errorf("delete standard %d: %w", id, err)
		}
		concerned = append(concerned, c)
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("delete standard %d: %w", id, err)
	}
	// complaint_sla, sla_daily and the versions go by ON DELETE CASCADE.
	res, err := tx.ExecContext(ctx, `DELETE FROM standard WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete standard %d: %w", id, mapErr(err))
	}
	if err := mustAffect(res); err != nil {
		return fmt.Errorf("delete standard %d: %w", id, err)
	}
	if err := refreshSLASummary(ctx, tx, concerned); err != nil {
		return fmt.Errorf("delete standard %d: %w", id, err)
	}
	return tx.Commit()
}
