package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// openTest opens a fresh store in a temporary folder, in UTC so that days
// are predictable.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "store", "caredesk.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SetLocation(context.Background(), time.UTC); err != nil {
		t.Fatalf("SetLocation: %v", err)
	}
	return db
}

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// checkRollup fails the test unless feedback_daily equals a recount of the
// raw rows.
func checkRollup(t testing.TB, db *DB) {
	t.Helper()
	got := dumpQuery(t, db, `SELECT day, channel, touchpoint, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored
		FROM feedback_daily ORDER BY 1, 2, 3`)
	want := dumpQuery(t, db, `SELECT day, channel, touchpoint, `+scoreCountColumns+`
		FROM feedback GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
	if got != want {
		t.Fatalf("rollup differs from a recount of the rows:\nrollup:\n%s\nrecount:\n%s", got, want)
	}
	gotTotals := dumpQuery(t, db, `SELECT day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored
		FROM feedback_day_total ORDER BY 1`)
	wantTotals := dumpQuery(t, db, `SELECT day, `+scoreCountColumns+` FROM feedback GROUP BY 1 ORDER BY 1`)
	if gotTotals != wantTotals {
		t.Fatalf("day totals differ from a recount of the rows:\ntotals:\n%s\nrecount:\n%s", gotTotals, wantTotals)
	}
	for _, col := range []string{"channel", "touchpoint"} {
		got := dumpQuery(t, db, `SELECT `+col+`, day, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored
			FROM feedback_day_`+col+` ORDER BY 1, 2`)
		want := dumpQuery(t, db, `SELECT `+col+`, day, `+scoreCountColumns+` FROM feedback GROUP BY 1, 2 ORDER BY 1, 2`)
		if got != want {
			t.Fatalf("counts per %s and day differ from a recount of the rows:\nrollup:\n%s\nrecount:\n%s", col, got, want)
		}
	}
}

// dumpQuery renders every row of a query as text.
func dumpQuery(t testing.TB, db *DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.read.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('|')
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// dumpAll renders every table, for "nothing changed" checks.
func dumpAll(t testing.TB, db *DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"client", "import_batch", "feedback", "feedback_tag", "feedback_daily", "feedback_day_total", "feedback_day_channel", "feedback_day_touchpoint", "setting"} {
		b.WriteString("== " + table + "\n")
		b.WriteString(dumpQuery(t, db, `SELECT * FROM `+table+` ORDER BY 1, 2`))
	}
	return b.String()
}

func countRows(t testing.TB, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func ids(rows []data.Feedback) []int64 {
	out := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

func mustImport(t testing.TB, db *DB, source string, rows []data.Feedback) data.ImportBatch {
	t.Helper()
	imp, err := db.BeginFeedbackImport(context.Background(), data.ImportBatch{Source: source, FileName: source + ".csv"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		f := rows[i]
		if _, err := imp.Add(&f); err != nil {
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

// checkKeysOf fails t when a stored row names a row that is not there:
// imports write with foreign keys off (see importInsert).
func checkKeysOf(t testing.TB, db *DB) {
	t.Helper()
	if got := dumpQuery(t, db, `SELECT "table", rowid, parent FROM pragma_foreign_key_check`); got != "" {
		t.Errorf("rows naming missing rows (table, rowid, parent):\n%s", got)
	}
}

// openAtVersion opens a new file in t's temp folder with the migrations up
// to version only, as an older CareDesk left it; Open(path) migrates it.
func openAtVersion(t testing.TB, version int) (string, *DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caredesk.db")
	migs, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := open(context.Background(), path, migs[:version])
	if err != nil {
		t.Fatal(err)
	}
	return path, db
}

// migrated closes old, left at an older version by openAtVersion, and
// opens its file again: the migrations since run.
func migrated(t testing.TB, old *DB, path string) *DB {
	t.Helper()
	old.Close()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// withLaterColumns runs write on db, left at an older version by
// openAtVersion, with the columns and tables later migrations add that
// the current code writes, and takes them away again (breach marks back
// into their column): the file then holds what that version stored.
func withLaterColumns(t testing.TB, db *DB, write func()) {
	t.Helper()
	later := []struct{ table, column, decl string }{
		{"complaint_event", "cancelled", "INTEGER NOT NULL DEFAULT 0"},
		{"complaint_daily", "cancellations", "INTEGER NOT NULL DEFAULT 0"},
		{"complaint_daily_segment", "cancellations", "INTEGER NOT NULL DEFAULT 0"},
		{"complaint", "withdrawn", "INTEGER NOT NULL DEFAULT 0"},
	}
	var added [][2]string
	// Breach marks: a set of their own since version 13, a column before.
	var setAdded bool
	if err := db.write.QueryRow(`SELECT count(*) = 0 FROM sqlite_schema WHERE name = 'complaint_breached'`).Scan(&setAdded); err != nil {
		t.Fatal(err)
	}
	if setAdded {
		if _, err := db.write.Exec(`CREATE TABLE complaint_breached (complaint_id INTEGER PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range later {
		var n int
		if err := db.write.QueryRow(`SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, c.table, c.column).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			continue // the version has it
		}
		if _, err := db.write.Exec(`ALTER TABLE ` + c.table + ` ADD COLUMN ` + c.column + ` ` + c.decl); err != nil {
			t.Fatal(err)
		}
		added = append(added, [2]string{c.table, c.column})
	}
	write()
	if setAdded {
		if _, err := db.write.Exec(`UPDATE complaint SET sla_breached = 1 WHERE id IN (SELECT complaint_id FROM complaint_breached)`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.Exec(`DROP TABLE complaint_breached`); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range added {
		if _, err := db.write.Exec(`ALTER TABLE ` + c[0] + ` DROP COLUMN ` + c[1]); err != nil {
			t.Fatal(err)
		}
	}
}
