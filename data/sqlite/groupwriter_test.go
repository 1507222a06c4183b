package sqlite

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

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

// The same for complaints, whose events go through the writer after them.
func TestComplaintImportFailsWholeWhenAQueuedGroupFails(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	importComplaints(t, db, "zendesk", ticketRows(50))
	rows := ticketRows(3000)
	rows[2500].Events[1].Note = "boom"
	refuse(t, db, "complaint_event", "note")
	before := dumpComplaintTables(t, db)

	imp, err := db.BeginComplaintImport(ctx, data.ImportBatch{Source: "big"})
	if err != nil {
		t.Fatal(err)
	}
	addUntilRefused(t, imp, rows)
	if dumpComplaintTables(t, db) != before {
		t.Fatal("a failed import left complaints behind")
	}
	importComplaints(t, db, "after", ticketRows(5))
}

// refuse makes SQLite refuse to insert a row of table whose column is
// "boom", as a full disk or a broken file would refuse any row.
func refuse(t *testing.T, db *DB, table, column string) {
	t.Helper()
	if _, err := db.write.ExecContext(context.Background(), `CREATE TRIGGER refuse_boom BEFORE INSERT ON `+table+`
		WHEN NEW.`+column+` = 'boom' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`); err != nil {
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
