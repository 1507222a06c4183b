package importer_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/data/sqlite"

	_ "github.com/mattn/go-sqlite3" // checkKeys reads the file apart from the store
)

// openStore opens a real SQLite store in a temporary folder, in UTC.
func openStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SetLocation(context.Background(), time.UTC); err != nil {
		t.Fatalf("set location: %v", err)
	}
	return db
}

// writeFile writes a fixture and returns its path.
func writeFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkKeys fails t when a stored row names a row that is not there: an
// import writes with foreign keys off (see importInsert in data/sqlite),
// so every import of these tests checks them afterwards.
func checkKeys(t testing.TB, store any) {
	t.Helper()
	db, ok := store.(*sqlite.DB)
	if !ok {
		return
	}
	conn, err := sql.Open("sqlite3", "file:"+db.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT "table", rowid, parent FROM pragma_foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		if err := rows.Scan(&table, &rowid, &parent); err != nil {
			t.Fatal(err)
		}
		t.Errorf("row %d of %s names a missing row of %s", rowid.Int64, table, parent)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// importFile imports with rejects kept out of the way unless the test
// sets RejectsPath.
func importFile(t testing.TB, db data.FeedbackStore, path string, opt importer.Options) importer.Result {
	t.Helper()
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	res, err := importer.ImportFeedback(context.Background(), db, path, opt, nil)
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	checkKeys(t, db)
	return res
}

// starsRefusal reports whether err refuses a file as star ratings,
// naming column.
func starsRefusal(err error, column string) bool {
	var refused *importer.MessageError
	return errors.Is(err, importer.ErrNoScoreColumn) && errors.As(err, &refused) &&
		refused.Code == "import.error.star_ratings" && refused.Args["Column"] == column
}

// checkReimport imports path again and checks it adds nothing: every one
// of its want answers is a duplicate.
func checkReimport(t testing.TB, db data.FeedbackStore, path string, opt importer.Options, want int) {
	t.Helper()
	if res := importFile(t, db, path, opt); res.Imported != 0 || res.Duplicates != want {
		t.Errorf("%s again: imported %d, duplicates %d; want 0 and %d", filepath.Base(path), res.Imported, res.Duplicates, want)
	}
}

// stored returns every stored response, sorted by external id.
func stored(t testing.TB, db data.FeedbackStore) []data.Feedback {
	t.Helper()
	rows, err := db.ListFeedback(context.Background(), data.FeedbackFilter{}, data.Page{})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].ExternalID < rows[j].ExternalID })
	return rows
}

// byComment indexes stored rows by comment.
func byComment(t testing.TB, db data.FeedbackStore) map[string]data.Feedback {
	t.Helper()
	m := map[string]data.Feedback{}
	for _, f := range stored(t, db) {
		m[f.Comment] = f
	}
	return m
}

// assertEmpty fails unless the store has no responses and no batches.
func assertEmpty(t testing.TB, db data.FeedbackStore) {
	t.Helper()
	n, err := db.CountFeedback(context.Background(), data.FeedbackFilter{})
	if err != nil || n != 0 {
		t.Errorf("store has %d responses (%v), want 0", n, err)
	}
	b, err := db.ImportBatches(context.Background())
	if err != nil || len(b) != 0 {
		t.Errorf("store has %d import batches (%v), want 0", len(b), err)
	}
}
