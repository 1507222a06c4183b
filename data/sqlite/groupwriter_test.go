package sqlite

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// An INSERT that fails on the writer's goroutine fails the import at a
// later Add or at Commit, and nothing of it stays: not the groups stored
// before it, not the rows queued after it.
func TestImportFailsWholeWhenAQueuedGroupFails(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustImport(t, db, "crm", makeRows(100, 21))
	rows := makeRows(5000, 22)
	rows[3000].ExternalID = "boom"
	refuse(t, db, "feedback", "external_id")
	before := dumpAll(t, db)

	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	addUntilRefused(t, imp, rows)
	if dumpAll(t, db) != before {
		t.Fatal("a failed import left rows behind")
	}
	mustImport(t, db, "after", makeRows(10, 23)) // the write connection is free again
}

// The same for complaints, whose events go through the writer after
// them; and when the refusal rolls the whole transaction back at once
// (RAISE(ROLLBACK), as a broken constraint does with INSERT OR ROLLBACK,
// see importInsert): the indexes the import dropped are back, and the
// write connection works on with its foreign keys on.
func TestComplaintImportFailsWholeWhenAQueuedGroupFails(t *testing.T) {
	for _, action := range []string{"ABORT", "ROLLBACK"} {
		t.Run(action, func(t *testing.T) {
			ctx := context.Background()
			db := openTest(t)
			importComplaints(t, db, "zendesk", ticketRows(50))
			rows := ticketRows(3000)
			rows[2500].Events[1].Note = "boom"
			refuseBy(t, db, "complaint_event", "note", action)
			before := dumpComplaintTables(t, db)
			indexes := indexNames(t, db)

			imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "big"})
			if err != nil {
				t.Fatal(err)
			}
			addUntilRefused(t, imp, rows)
			if dumpComplaintTables(t, db) != before {
				t.Fatal("a failed import left complaints behind")
			}
			if got := indexNames(t, db); got != indexes {
				t.Errorf("indexes after the rollback: %s, want %s", got, indexes)
			}
			importComplaints(t, db, "after", ticketRows(5))
			checkForeignKeys(t, db, "after a failed import")
		})
	}
}

// refuse makes SQLite refuse to insert a row of table whose column is
// "boom", as a full disk or a broken file would refuse any row.
func refuse(t *testing.T, db *DB, table, column string) {
	t.Helper()
	refuseBy(t, db, table, column, "ABORT")
}

// refuseBy refuses as refuse does, by RAISE(action): ROLLBACK ends the
// whole transaction at once, as a broken constraint does with INSERT OR
// ROLLBACK (see importInsert).
func refuseBy(t *testing.T, db *DB, table, column, action string) {
	t.Helper()
	if _, err := db.write.ExecContext(context.Background(), `CREATE TRIGGER refuse_boom BEFORE INSERT ON `+table+`
		WHEN NEW.`+column+` = 'boom' BEGIN SELECT RAISE(`+action+`, 'refused by the test'); END`); err != nil {
		t.Fatal(err)
	}
}

// anImport is what the feedback and complaint imports share.
type anImport[T any] interface {
	Add(*T) (bool, error)
	Commit() (data.ImportBatch, error)
	Rollback() error
}

// addUntilRefused adds rows until one fails, or commits them, checks that
// the import failed with the refusal, and rolls it back.
func addUntilRefused[T any](t *testing.T, imp anImport[T], rows []T) {
	t.Helper()
	var failed error
	for i := range rows {
		if _, failed = imp.Add(&rows[i]); failed != nil {
			break
		}
	}
	if failed == nil {
		_, failed = imp.Commit()
	}
	if failed == nil || !strings.Contains(failed.Error(), "refused by the test") {
		t.Fatalf("import with a refused row: %v, want the refusal", failed)
	}
	if err := imp.Rollback(); err != nil {
		t.Fatal(err)
	}
}

// A bulk import rebuilds its indexes with the sorter's threads and a small
// cache and commits without a checkpoint; afterwards the write connection
// is back to its own settings and the WAL has been copied into the file.
func TestBulkImportPutsTheConnectionBack(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustImport(t, db, "bulk", makeRows(int(bulkThreshold(0))+100, 24))
	db.background.Wait()
	for pragma, want := range map[string]int64{"threads": 0, "cache_size": writeCacheSize, "wal_autocheckpoint": 1000} {
		var got int64
		if err := db.write.QueryRowContext(ctx, `PRAGMA `+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %d after a bulk import, want %d", pragma, got, want)
		}
	}
	var pages, pageSize int64
	if err := db.write.QueryRowContext(ctx, `SELECT page_count, page_size FROM pragma_page_count, pragma_page_size`).Scan(&pages, &pageSize); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() != pages*pageSize {
		t.Errorf("after a bulk import the file holds %d bytes of the database's %d", st.Size(), pages*pageSize)
	}
}

// The writer works beneath database/sql, where a statement would run
// outside a transaction that has ended (cancelled, rolled back) and store
// its rows for good: it refuses instead.
func TestGroupWriterRefusesOutsideATransaction(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	conn, err := db.write.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := newGroupWriter(ctx, conn)
	defer w.close()
	query := `INSERT INTO client (name) VALUES (?)`
	if _, err := w.queue(query, []any{"Inside"}); err != nil {
		t.Fatal(err)
	}
	if err := w.wait(); err != nil {
		t.Fatalf("a group inside the transaction: %v", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.queue(query, []any{"Outside"}); err != nil {
		t.Fatal(err)
	}
	if err := w.wait(); !errors.Is(err, errOutsideTransaction) {
		t.Fatalf("a group after the rollback: %v, want %v", err, errOutsideTransaction)
	}
	if n := countRows(t, db, "client"); n != 0 {
		t.Fatalf("%d clients stored, want none", n)
	}
}

// Every group an import hands the writer has its set number of rows, the
// last one of each kind aside. The writer hands back slices of any kind
// for reuse (a complaint group's for events, say); while a group was
// closed when its slice was full, a slice of another kind's size let
// groups grow to thousands of rows, each size a new statement, until one
// passed SQLite's limit of 32,766 parameters and the import failed.
func TestComplaintImportGroupsKeepTheirSize(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	setUpComplaintBench(t, db) // standards: SLA rows go through the writer too
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	r := rand.New(rand.NewPCG(7, 8))
	const n = 20_000
	for i := range n {
		c := genComplaint(r, i, n, complaintBenchStart)
		if _, err := imp.Add(&c); err != nil {
			t.Fatalf("complaint %d: %v", i, err)
		}
	}
	ci := imp.(*complaintImport)
	if err := ci.flush(); err != nil {
		t.Fatal(err)
	}
	largest := max(complaintsPerInsert*complaintArgs, eventsPerInsert*eventArgs, slaInsertRows*slaArgs)
	for q, st := range ci.writer.stmts { // the writer is idle after flush
		if st.NumInput() > largest {
			t.Errorf("a group of %d parameters (at most %d): %.80s…", st.NumInput(), largest, q)
		}
	}
	// The complaints' and SLA rows' full groups and last ones at each of
	// the two flushes (when the indexes went, and here), the breach marks;
	// the events' of both shapes and the new clients' full groups and
	// rests in powers of two.
	if len(ci.writer.stmts) > 7+bits.Len(uint(ci.events.rows))+bits.Len(uint(ci.fullEvents.rows))+bits.Len(uint(ci.names.clients.rows.rows)) {
		t.Errorf("%d statements prepared for %d complaints: groups of changing sizes", len(ci.writer.stmts), n)
	}
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
}

// The same for a feedback import, whose responses carry from none to
// seven tags: the tags of each 64 responses went as one group, a new
// statement for each count of tags.
func TestFeedbackImportGroupsKeepTheirSize(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	rows := makeRows(20_000, 9)
	r := rand.New(rand.NewPCG(9, 10))
	wantTags := 0
	for i := range rows {
		rows[i].Tags = nil
		for k := range r.IntN(8) {
			rows[i].Tags = append(rows[i].Tags, fmt.Sprintf("tag %d", k))
		}
		wantTags += len(rows[i].Tags)
		if _, err := imp.Add(&rows[i]); err != nil {
			t.Fatalf("response %d: %v", i, err)
		}
	}
	fi := imp.(*feedbackImport)
	if err := fi.flush(); err != nil {
		t.Fatal(err)
	}
	largest := max(rowsPerInsert*feedbackArgs, fi.tags.width*fi.tags.rows)
	for q, st := range fi.writer.stmts {
		if st.NumInput() > largest {
			t.Errorf("a group of %d parameters (at most %d): %.80s…", st.NumInput(), largest, q)
		}
	}
	// The responses' full group and last one; the tags' and the new
	// clients' full groups and rests in powers of two.
	if len(fi.writer.stmts) > 2+bits.Len(uint(fi.tags.rows))+bits.Len(uint(fi.clients.rows.rows)) {
		t.Errorf("%d statements prepared for %d responses: groups of changing sizes", len(fi.writer.stmts), len(rows))
	}
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
	var tags int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM feedback_tag`).Scan(&tags); err != nil || tags != wantTags {
		t.Errorf("%d tags stored, want %d (%v)", tags, wantTags, err)
	}
}

// Rolled back by the caller after SQLite rolled it back, before any
// call saw the failure (a user cancelling just then), the import is
// rolled back without an error: there is nothing left to undo.
func TestRollbackAfterSQLiteRolledBack(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	rows := ticketRows(3000)
	rows[2500].Events[1].Note = "boom"
	refuseBy(t, db, "complaint_event", "note", "ROLLBACK")
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows[:2700] {
		if _, err := imp.Add(&rows[i]); err != nil {
			t.Fatalf("add %d: %v", i, err)
		}
	}
	ci := imp.(*complaintImport)
	if err := ci.queue(true); err != nil {
		t.Fatal(err)
	}
	ci.writer.pending.Wait()
	if ci.writer.failed() == nil {
		t.Fatal("the writer did not meet the refused row")
	}
	if err := imp.Rollback(); err != nil {
		t.Errorf("rollback: %v", err)
	}
	if n, err := db.CountComplaints(ctx, data.ComplaintFilter{}); err != nil || n != 0 {
		t.Errorf("%d complaints stored (%v)", n, err)
	}
	checkForeignKeys(t, db, "after the rollback")
}

// An import turns foreign keys off on its own connection (see
// importInsert); committed or rolled back, small or bulk, it leaves the
// write connection checking them again.
func TestImportTurnsForeignKeysBackOn(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	importComplaints(t, db, "small", ticketRows(5))
	checkForeignKeys(t, db, "after a small import")
	mustImport(t, db, "bulk", makeRows(int(bulkThreshold(0))+100, 24))
	checkForeignKeys(t, db, "after a bulk import")
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "dropped"})
	if err != nil {
		t.Fatal(err)
	}
	rows := ticketRows(10)
	for i := range rows {
		if _, err := imp.Add(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := imp.Rollback(); err != nil {
		t.Fatal(err)
	}
	checkForeignKeys(t, db, "after a rolled back import")
}

// checkForeignKeys fails t unless the write connection refuses an event
// of no complaint.
func checkForeignKeys(t *testing.T, db *DB, when string) {
	t.Helper()
	ctx := context.Background()
	var on int
	if err := db.write.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
		t.Errorf("%s: foreign_keys = %d (%v)", when, on, err)
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO complaint_event (complaint_id, id, at, kind, day) VALUES (987654, 1, 0, 'status', 0)`); err == nil {
		t.Errorf("%s: an event of no complaint was stored", when)
	}
}

// indexNames lists the store's indexes.
func indexNames(t *testing.T, db *DB) string {
	t.Helper()
	var names string
	if err := db.write.QueryRowContext(context.Background(),
		`SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)`).Scan(&names); err != nil {
		t.Fatal(err)
	}
	return names
}

// A bulk import keeps a partial index that holds few of its rows (here
// the escalated complaints: one in 3,000) up to date row by row instead
// of dropping it and scanning the table to build it again; the others go
// and come back. The kept index lists what a scan finds.
func TestBulkImportKeepsSparseIndexes(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	rows := ticketRows(3000)
	c := &rows[2990]
	c.Events = append(c.Events, data.ComplaintEvent{At: c.OpenedAt.Add(40 * time.Minute), Kind: data.EventEscalation, Level: data.LevelSenior})
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if _, err := imp.Add(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	dropped := strings.Join(imp.(*complaintImport).droppedIndexes, "\n")
	if strings.Contains(dropped, "complaint_escalated") || !strings.Contains(dropped, "complaint_opened") {
		t.Errorf("dropped for the import:\n%s\nwant complaint_opened and not complaint_escalated", dropped)
	}
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
	byIndex := dumpQuery(t, db, `SELECT id FROM complaint INDEXED BY complaint_escalated WHERE escalations > 0`)
	if scan := dumpQuery(t, db, `SELECT id FROM complaint NOT INDEXED WHERE escalations > 0`); byIndex != scan || strings.Count(scan, "\n") != 1 {
		t.Errorf("escalated by the index %q, by a scan %q", byIndex, scan)
	}
	if got, want := indexNames(t, db), indexNames(t, openTest(t)); got != want {
		t.Errorf("indexes after the import: %s, want %s", got, want)
	}
}

// Before it commits, a bulk import counts the clients it numbered: its
// connection checks no foreign key, and a client missing (here deleted
// behind its back) fails the import instead of leaving complaints that
// name nobody.
func TestBulkImportChecksItsClients(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	rows := ticketRows(3000)
	for i := range rows {
		rows[i].ClientName = fmt.Sprintf("Client %d", i) // new ones after the import turns bulk
	}
	before := dumpComplaintTables(t, db)
	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if _, err := imp.Add(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	ci := imp.(*complaintImport)
	if err := ci.flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := ci.tx.ExecContext(ctx, `DELETE FROM client WHERE id = (SELECT max(id) FROM client)`); err != nil {
		t.Fatal(err)
	}
	if _, err := imp.Commit(); err == nil || !strings.Contains(err.Error(), "new clients but") {
		t.Fatalf("commit with a client missing: %v", err)
	}
	if dumpComplaintTables(t, db) != before {
		t.Fatal("the failed import left rows behind")
	}
	checkForeignKeys(t, db, "after the failed import")
}
