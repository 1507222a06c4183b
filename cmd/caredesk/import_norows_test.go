package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"github.com/xuri/excelize/v2"
)

// importBatches counts the rows of the database's import_batch table.
func importBatches(t *testing.T, db string) int {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM import_batch").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A file with column headings and no rows was imported as an empty
// batch, listed by `import list`: it is refused, named, and nothing is
// written; a file whose every row is bad is still imported with its
// rejects reported.
func TestCLIHeaderWithoutRowsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	book := excelize.NewFile()
	for i, h := range []string{"Ticket ID", "Created", "Status", "Priority"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		book.SetCellValue("Sheet1", cell, h)
	}
	tickets := filepath.Join(dir, "tickets.xlsx")
	if err := book.SaveAs(tickets); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "feedback", writeFile(t, dir, "answers.csv", "Date,Score,Comment\n")},
		{"import", "complaints", tickets},
	} {
		base := filepath.Base(args[2])
		code, out, errOut := cli(t, db, args...)
		want := lang.L("import.error.no_rows", map[string]any{"File": base})
		if code == 0 || !strings.Contains(errOut, want) || strings.Count(errOut, base) != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want refused with %q", base, code, out, errOut, want)
		}
		if n := importBatches(t, db); n != 0 {
			t.Errorf("%s: %d import batches written", base, n)
		}
	}
	code, out, errOut := cli(t, db, "import", "feedback", writeFile(t, dir, "bad.csv", "Date,Score,Comment\n2024-01-02,eleven,x\n2024-01-03,99,y\n"))
	if code != 0 || !strings.Contains(out, "rejected: 2") || !strings.Contains(errOut, "bad.csv:2") {
		t.Errorf("every row bad: exit %d, stdout %q, stderr %q; want the rejects reported", code, out, errOut)
	}
	if n := importBatches(t, db); n != 1 {
		t.Errorf("every row bad: %d import batches, want 1 as before", n)
	}
}
