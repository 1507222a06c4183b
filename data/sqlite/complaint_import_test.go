package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// ticketRows are n imported tickets: every third resolved the next day,
// every fifth still waiting, every seventh reopened, named clients,
// categories and assignees.
func ticketRows(n int) []data.Complaint {
	out := make([]data.Complaint, n)
	for i := range out {
		opened := monday.Add(time.Duration(i) * 37 * time.Minute)
		c := data.Complaint{
			ExternalID:  fmt.Sprintf("T-%05d", i),
			OpenedAt:    opened,
			ClientName:  fmt.Sprintf("Клиент %d", i%4),
			Channel:     data.Channels[i%len(data.Channels)],
			Type:        data.ComplaintTypes[i%len(data.ComplaintTypes)],
			Category:    []string{"Delivery", "Оплата"}[i%2],
			Subcategory: []string{"Late", "Карта"}[i%2],
			Priority:    data.Priorities[i%len(data.Priorities)],
			Subject:     "Ticket",
			Assignee:    []string{"Анна", "Boris", ""}[i%3],
			Verdict:     []data.Verdict{data.VerdictUnknown, data.VerdictSatisfied, data.VerdictNotSatisfied}[i%3],
		}
		if i%4 == 0 {
			c.ClientTier = data.KeyTier
		}
		c.Events = []data.ComplaintEvent{{At: opened, Kind: data.EventStatus, Status: data.StatusNew},
			{At: opened.Add(30 * time.Minute), Kind: data.EventStatus, Status: data.StatusInProgress}}
		switch {
		case i%5 == 0:
			c.Events = append(c.Events, data.ComplaintEvent{At: opened.Add(time.Hour), Kind: data.EventStatus, Status: data.StatusWaiting})
		case i%3 == 0:
			c.Events = append(c.Events, data.ComplaintEvent{At: opened.Add(24 * time.Hour), Kind: data.EventStatus, Status: data.StatusResolved})
			if i%7 == 0 {
				c.Events = append(c.Events,
					data.ComplaintEvent{At: opened.Add(25 * time.Hour), Kind: data.EventStatus, Status: data.StatusInProgress},
					data.ComplaintEvent{At: opened.Add(26 * time.Hour), Kind: data.EventStatus, Status: data.StatusClosed})
			}
		}
		out[i] = c
	}
	return out
}

func importComplaints(t testing.TB, db *DB, source string, rows []data.Complaint) data.ImportBatch {
	t.Helper()
	imp, err := db.BeginComplaintImport(context.Background(), data.ImportBatch{Source: source, FileName: source + ".csv"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		c := rows[i]
		if _, err := imp.Add(&c); err != nil && !errors.Is(err, data.ErrInvalid) {
			t.Fatalf("Add %d: %v", i, err)
		}
	}
	b, err := imp.Commit()
	if err != nil {
		t.Fatal(err)
	}
	checkKeysOf(t, db)
	return b
}

func TestComplaintImportDedupRollbackUndo(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	rows := ticketRows(60)
	rows[10].Priority = "urgent" // rejected
	b := importComplaints(t, db, "zendesk", rows)
	if b.Kind != "complaints" || b.Imported != 59 || b.Rejected != 1 || b.Duplicates != 0 {
		t.Fatalf("first import %+v", b)
	}
	checkComplaints(t, db)
	clients, _ := db.Clients(ctx)
	if len(clients) != 4 || clients[0].Tier != data.KeyTier {
		t.Fatalf("clients %+v", clients)
	}
	cats, _ := db.Categories(ctx)
	emps, _ := db.Employees(ctx)
	if len(cats) != 4 || len(emps) != 2 {
		t.Fatalf("%d categories, %d employees", len(cats), len(emps))
	}
	// A complaint imported the same as one typed in.
	list, err := db.ListComplaints(ctx, data.ComplaintFilter{Search: "T-00021"}, data.Page{})
	if err != nil || len(list) != 1 {
		t.Fatalf("search: %d, %v", len(list), err)
	}
	got, _ := db.Complaint(ctx, list[0].ID)
	if got.Status != data.StatusClosed || len(got.Facts.Reopens) != 1 || got.BatchID != b.ID || got.Assignee != "Анна" {
		t.Fatalf("imported complaint %+v", got)
	}

	before := dumpComplaintTables(t, db)
	again := importComplaints(t, db, "zendesk", rows)
	if again.Imported != 0 || again.Duplicates != 59 {
		t.Fatalf("re-import %+v", again)
	}
	if _, err := db.DeleteImportBatch(ctx, again.ID); err != nil {
		t.Fatal(err)
	}
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "freshdesk"})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range ticketRows(20) {
		if _, err := imp.Add(&c); err != nil {
			t.Fatalf("Add %d: %v", i, err)
		}
	}
	if err := imp.Rollback(); err != nil {
		t.Fatal(err)
	}
	if after := dumpComplaintTables(t, db); after != before {
		t.Fatalf("a rolled back import changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}

	batches, err := db.ImportBatches(ctx)
	if err != nil || len(batches) != 1 || batches[0].Kind != "complaints" {
		t.Fatalf("batches %+v, %v", batches, err)
	}
	n, err := db.DeleteImportBatch(ctx, b.ID)
	if err != nil || n != 59 {
		t.Fatalf("undo: %d, %v", n, err)
	}
	checkComplaints(t, db)
	if c := countRows(t, db, "complaint") + countRows(t, db, "complaint_daily") + countRows(t, db, "complaint_duration"); c != 0 {
		t.Fatalf("%d rows left after taking the import back", c)
	}
}

// The rollups come out the same when apply reads whole tables (the path
// of large imports) as when it reads row by row.
func TestComplaintRollupsBulkPath(t *testing.T) {
	bothReadPaths(t, func(t *testing.T) {
		db := openTest(t)
		ctx := context.Background()
		b := importComplaints(t, db, "bulk", ticketRows(90))
		checkComplaints(t, db)
		list, _ := db.ListComplaints(ctx, data.ComplaintFilter{OpenOnly: true}, data.Page{Limit: 3})
		for _, c := range list {
			c.Verdict = data.VerdictSatisfied
			c.Type = data.TypePraise
			if err := db.UpdateComplaint(ctx, &c); err != nil {
				t.Fatal(err)
			}
			mustEvent(t, db, c.ID, move(time.Time{}, data.StatusResolved))
		}
		checkComplaints(t, db)
		if _, err := db.DeleteImportBatch(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		checkComplaints(t, db)
		if n := countRows(t, db, "complaint_daily_segment") + countRows(t, db, "complaint_duration"); n != 0 {
			t.Fatalf("%d rollup rows left", n)
		}
	})
}

// bothReadPaths runs test with the stored rollup rows read whole tables
// at a time and row by row (see readStored).
func bothReadPaths(t *testing.T, test func(t *testing.T)) {
	for _, keys := range []int{0, 1 << 30} {
		t.Run(fmt.Sprint(keys), func(t *testing.T) {
			old := bulkKeys
			bulkKeys = keys
			t.Cleanup(func() { bulkKeys = old })
			test(t)
		})
	}
}

// A bulk complaint import drops the indexes of complaint and of
// complaint_sla and builds them again at Commit (a rollback brings them
// back untouched); the open SLA items are then counted through their
// index, and the stored SLA rows match the complaints.
func TestBulkComplaintImportRebuildsSLAIndex(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	res := resolutionStandard(8*time.Hour, 16*time.Hour)
	if err := db.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	want := indexDDL(t, db)
	rows := ticketRows(int(complaintBulkThreshold(0)) + 300)

	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "bulk", FileName: "bulk.csv"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		c := rows[i]
		if _, err := imp.Add(&c); err != nil {
			t.Fatal(err)
		}
	}
	if err := imp.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := indexDDL(t, db); got != want {
		t.Fatalf("indexes after rollback:\n%s\nwant:\n%s", got, want)
	}

	importComplaints(t, db, "bulk", rows)
	if got := indexDDL(t, db); got != want {
		t.Fatalf("indexes after a bulk import:\n%s\nwant:\n%s", got, want)
	}
	checkComplaints(t, db)
	plan := dumpQuery(t, db, `EXPLAIN QUERY PLAN SELECT count(*) FROM complaint_sla WHERE outcome IN ('running', 'paused')`)
	if !strings.Contains(plan, "complaint_sla_open") {
		t.Errorf("open SLA items are no longer counted through their index:\n%s", plan)
	}
	open, err := db.OpenSLA(ctx, time.Now())
	if err != nil || len(open) != 1 {
		t.Fatalf("open SLA: %+v, %v", open, err)
	}
	var running, paused int64
	if err := db.read.QueryRow(`SELECT count(*) FILTER (WHERE outcome = 'running'), count(*) FILTER (WHERE outcome = 'paused')
		FROM complaint_sla NOT INDEXED`).Scan(&running, &paused); err != nil {
		t.Fatal(err)
	}
	if open[0].Running != running || open[0].Paused != paused || running == 0 || paused == 0 {
		t.Errorf("open SLA %+v, the rows hold %d running and %d paused", open[0], running, paused)
	}
}

// An import's commit reads the stored rollup rows through the read
// connection while the indexes are rebuilt: a second bulk import over
// the days of a first adds to what the first stored, by row and by whole
// table, and the rollups match a recount.
func TestComplaintImportMergesStoredRollups(t *testing.T) {
	bothReadPaths(t, func(t *testing.T) {
		db := openTest(t)
		importComplaints(t, db, "first", ticketRows(2500))
		second := ticketRows(2500)
		for i := range second {
			second[i].ExternalID = "S-" + second[i].ExternalID
		}
		importComplaints(t, db, "second", second)
		checkComplaints(t, db)
		if n := countRows(t, db, "complaint"); n != 5000 {
			t.Fatalf("%d complaints, want 5000", n)
		}
	})
}
