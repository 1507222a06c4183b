package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// segmentExprs are the SQL expressions of segmentDims on complaint c, for
// recounts independent of the store's Go code.
var segmentExprs = map[data.ComplaintSegmentation]string{
	data.ComplaintsByCategory:   "coalesce(CAST(c.category_id AS TEXT), '')",
	data.ComplaintsByChannel:    "c.channel",
	data.ComplaintsByPriority:   "c.priority",
	data.ComplaintsByAssignee:   "coalesce(CAST(c.assignee_id AS TEXT), '')",
	data.ComplaintsByClientTier: "c.tier",
}

// recountSQL recounts complaint_daily (seg "”") or one segmentation's
// rows from the complaints and their events.
func recountSQL(seg string) string {
	return `WITH parts AS (
	SELECT c.opened_day AS day, ` + seg + ` AS value, 1 AS opened, c.type = 'complaint' AS negative, c.escalations > 0 AS escalated,
		c.first_response_at IS NOT NULL AS responded, 0 AS resolutions, 0 AS reopens, 0 AS resolved, 0 AS reopened, 0 AS fcr,
		0 AS fcr_reopen, 0 AS satisfied, 0 AS with_verdict, 0 AS cancellations FROM complaint c
	UNION ALL SELECT e.day, ` + seg + `, 0, 0, 0, 0, e.flow = 1, e.flow = 2, 0, 0, 0, 0, 0, 0, e.flow = 3
		FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE e.flow <> 0
	UNION ALL SELECT c.resolved_day, ` + seg + `, 0, 0, 0, 0, 0, 0, 1, c.reopens > 0,
		c.reopens = 0 AND c.escalations = 0 AND c.agents <= 1, c.reopens = 0, c.verdict = 'satisfied', c.verdict <> '', 0
		FROM complaint c WHERE c.resolved_day IS NOT NULL)
SELECT day, value, sum(opened), sum(negative), sum(escalated), sum(responded), sum(resolutions), sum(reopens), sum(resolved),
	sum(reopened), sum(fcr), sum(fcr_reopen), sum(satisfied), sum(with_verdict), sum(cancellations) FROM parts GROUP BY day, value ORDER BY day, value`
}

// checkComplaints fails the test unless every complaint's derived columns
// match a derivation from its events and every complaint rollup matches a
// recount of the complaints.
func checkComplaints(t testing.TB, db *DB) {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	rows, err := db.read.Query(`SELECT id FROM complaint ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		c, err := db.Complaint(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		f := c.Facts
		var status string
		var reopens, escalations, agents int
		var resolved sql.NullInt64
		var withdrawn bool
		var flows [4]int
		if err := db.read.QueryRow(`SELECT status, reopens, escalations, agents, resolved_at, withdrawn FROM complaint WHERE id = ?`, id).
			Scan(&status, &reopens, &escalations, &agents, &resolved, &withdrawn); err != nil {
			t.Fatal(err)
		}
		if err := db.read.QueryRow(`SELECT count(*) FILTER (WHERE flow = 1), count(*) FILTER (WHERE flow = 2), count(*) FILTER (WHERE flow = 3)
			FROM complaint_event WHERE complaint_id = ?`, id).Scan(&flows[1], &flows[2], &flows[3]); err != nil {
			t.Fatal(err)
		}
		wantRes := sql.NullInt64{Int64: f.ResolvedAt.Unix(), Valid: !f.ResolvedAt.IsZero()}
		if !wantRes.Valid {
			wantRes.Int64 = 0
		}
		// Resolutions a source gave without a time count in the flows but
		// not in the dated facts, unless an undated reopening undoes them
		// (a counted pair flows on no day); cancellations flow apart.
		undatedResolutions, cancellations, pairs, open, lastUndated := 0, 0, 0, true, false
		for _, e := range c.Events {
			if e.Kind != data.EventStatus || !e.Status.Valid() || e.Status.Open() == open && !open {
				continue
			}
			switch {
			case open && !e.Status.Open() && e.Cancelled:
				cancellations++
				lastUndated = false
			case open && !e.Status.Open():
				lastUndated = e.Undated
				if e.Undated {
					undatedResolutions++
				}
			case !open && e.Status.Open():
				if e.Undated && lastUndated {
					pairs++
				}
				lastUndated = false
			}
			open = e.Status.Open()
		}
		allReopens := len(f.Reopens) + f.UndatedReopens
		if data.Status(status) != f.Status || reopens != allReopens || escalations != f.Escalations || agents != f.Agents ||
			resolved != wantRes || flows[1] != len(f.Resolutions)+undatedResolutions-pairs || flows[2] != allReopens-pairs || flows[3] != cancellations ||
			withdrawn != f.Withdrawn {
			t.Fatalf("complaint %d: stored %s reopens %d escalations %d agents %d resolved %v flows %v; derived %+v",
				id, status, reopens, escalations, agents, resolved, flows, f)
		}
	}
	got := dumpQuery(t, db, `SELECT day, '', `+complaintCountCols+` FROM complaint_daily ORDER BY day`)
	want := dumpQuery(t, db, recountSQL("''"))
	if got != want {
		t.Fatalf("complaint_daily differs from a recount:\nrollup:\n%s\nrecount:\n%s", got, want)
	}
	for _, dim := range segmentDims {
		got := dumpQuery(t, db, `SELECT day, value, `+complaintCountCols+` FROM complaint_daily_segment WHERE dim = ? ORDER BY day, value`, string(dim))
		want := dumpQuery(t, db, recountSQL(segmentExprs[dim]))
		if got != want {
			t.Fatalf("complaint counts by %s differ from a recount:\nrollup:\n%s\nrecount:\n%s", dim, got, want)
		}
	}
	gotSLA := dumpQuery(t, db, `SELECT standard_id, day, achieved, breached FROM sla_daily ORDER BY 1, 2`)
	wantSLA := dumpQuery(t, db, `SELECT standard_id, finished_day, count(*) FILTER (WHERE outcome = 'achieved'),
		count(*) FILTER (WHERE outcome = 'breached') FROM complaint_sla WHERE finished_day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`)
	if gotSLA != wantSLA {
		t.Fatalf("sla_daily differs from a recount:\nrollup:\n%s\nrecount:\n%s", gotSLA, wantSLA)
	}
	if g, w := durationDump(t, db, `SELECT dim, day, measure, value, buckets FROM complaint_duration`), durationRecount(t, db); g != w {
		t.Fatalf("duration histograms differ from a recount:\nrollup:\n%s\nrecount:\n%s", g, w)
	}
	// The summary of each complaint's SLA rows: its breach mark and its
	// earliest running due time.
	gotMarks := dumpQuery(t, db, `SELECT complaint_id FROM complaint_breached ORDER BY 1`)
	wantMarks := dumpQuery(t, db, `SELECT DISTINCT complaint_id FROM complaint_sla WHERE outcome = 'breached' ORDER BY 1`)
	if gotMarks != wantMarks {
		t.Fatalf("breach marks differ from the SLA rows:\nmarked:\n%.2000s\nbreached:\n%.2000s", gotMarks, wantMarks)
	}
	gotDue := dumpQuery(t, db, `SELECT id, due_at FROM complaint ORDER BY id`)
	wantDue := dumpQuery(t, db, `SELECT c.id, coalesce((SELECT min(s.due_at) FROM complaint_sla s
		WHERE s.standard_id IN (SELECT id FROM standard) AND s.complaint_id = c.id AND s.outcome = 'running'), ?)
		FROM complaint c ORDER BY c.id`, noDue)
	if gotDue != wantDue {
		t.Fatalf("due times differ from the SLA rows:\nstored:\n%.2000s\nrecount:\n%.2000s", gotDue, wantDue)
	}
}

// durationDump renders the stored histograms, one line per bucket.
func durationDump(t testing.TB, db *DB, query string) string {
	t.Helper()
	rows, err := db.read.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var dim, measure, value string
		var day int64
		var blob []byte
		if err := rows.Scan(&dim, &day, &measure, &value, &blob); err != nil {
			t.Fatal(err)
		}
		if err := eachBucket(blob, func(b int, n int64) {
			lines = append(lines, fmt.Sprintf("%s|%d|%s|%s|%d|%d", dim, day, measure, value, b, n))
		}); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// durationRecount buckets the stored durations of every complaint.
func durationRecount(t testing.TB, db *DB) string {
	t.Helper()
	exprs := []string{"''"}
	dims := []data.ComplaintSegmentation{""}
	for _, d := range segmentDims {
		exprs, dims = append(exprs, segmentExprs[d]), append(dims, d)
	}
	counts := map[string]int64{}
	for k, expr := range exprs {
		rows, err := db.read.Query(`SELECT ` + expr + `, c.opened_day, c.resolved_day, c.fr_calendar, c.fr_working, c.res_calendar, c.res_working FROM complaint c`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var value string
			var opened int64
			var resDay sql.NullInt64
			var d [4]sql.NullInt64
			if err := rows.Scan(&value, &opened, &resDay, &d[0], &d[1], &d[2], &d[3]); err != nil {
				t.Fatal(err)
			}
			for m, v := range d {
				if !v.Valid {
					continue
				}
				day := opened
				if m >= measureResCalendar {
					day = resDay.Int64
				}
				counts[fmt.Sprintf("%s|%d|%s|%s|%d", dims[k], day, measureNames[m], value, data.DurationBucket(time.Duration(v.Int64)*time.Second))]++
			}
		}
		rows.Close()
	}
	var lines []string
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		lines = append(lines, fmt.Sprintf("%s|%d", k, counts[k]))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// dumpComplaintTables renders every complaint table, for "nothing
// changed" checks.
func dumpComplaintTables(t testing.TB, db *DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"client", "category", "employee", "import_batch", "complaint", "complaint_event", "complaint_sla",
		"complaint_daily", "complaint_daily_segment", "complaint_duration", "sla_daily"} {
		b.WriteString("== " + table + "\n")
		b.WriteString(dumpQuery(t, db, `SELECT * FROM `+table+` ORDER BY 1, 2`))
	}
	return b.String()
}

func mustEmployee(t testing.TB, db *DB, name string) int64 {
	t.Helper()
	e := data.Employee{Name: name, Active: true}
	if err := db.SaveEmployee(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	return e.ID
}

func mustComplaint(t testing.TB, db *DB, c data.Complaint) data.Complaint {
	t.Helper()
	if c.Type == "" {
		c.Type = data.TypeComplaint
	}
	if c.Priority == "" {
		c.Priority = data.PriorityNormal
	}
	if err := db.CreateComplaint(context.Background(), &c); err != nil {
		t.Fatalf("CreateComplaint: %v", err)
	}
	return c
}

func mustEvent(t testing.TB, db *DB, id int64, e data.ComplaintEvent) data.Complaint {
	t.Helper()
	c, err := db.AddComplaintEvent(context.Background(), id, e)
	if err != nil {
		t.Fatalf("AddComplaintEvent %+v: %v", e, err)
	}
	return c
}

func move(at time.Time, s data.Status) data.ComplaintEvent {
	return data.ComplaintEvent{At: at, Kind: data.EventStatus, Status: s}
}
