package importer_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data/importer"
)

// headerOnlyWorkbook writes a workbook whose sheet holds the header row
// alone.
func headerOnlyWorkbook(t *testing.T, name string, header ...string) string {
	t.Helper()
	f := excelize.NewFile()
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue("Sheet1", cell, h)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file with column headings and no row under them was imported as an
// empty batch, listed among the imports: it is refused before anything
// is stored, as feedback and as tickets, by the wizard's look at the file
// as by the import, with a message that names it.
func TestHeaderWithoutRowsRefused(t *testing.T) {
	files := []string{
		writeFile(t, "survey.csv", []byte("Date,How likely are you to recommend us?,Comment\n")),
		writeFile(t, "nonewline.csv", []byte("Date,Score,Comment")),
		writeFile(t, "crlf.csv", []byte("\uFEFFDate;Score;Comment\r\n\r\n;;\r\n")),
		writeFile(t, "tickets.tsv", []byte("Id\tCreated at\tStatus\tPriority\tSubject\n")),
		headerOnlyWorkbook(t, "survey.xlsx", "Date", "Score", "Comment"),
		headerOnlyWorkbook(t, "tickets.xlsx", "Ticket ID", "Created", "Status", "Priority"),
	}
	for _, path := range files {
		refusedWithin(t, path, "import.error.no_rows", 20*time.Second)
		base := filepath.Base(path)
		for kind, inspect := range map[string]func(string, importer.Options) (*importer.Preview, error){
			"feedback": importer.Inspect, "complaints": importer.InspectComplaints,
		} {
			pv, err := inspect(path, importer.Options{Location: time.UTC})
			var me *importer.MessageError
			if !errors.Is(err, importer.ErrNoRows) || !errors.As(err, &me) || me.Args["File"] != base {
				t.Errorf("%s looked at as %s: preview %v, error %v; want it refused, naming the file", base, kind, pv != nil, err)
			}
		}
	}
	// A register's row numbering the columns under the header is no data.
	register := writeFile(t, "register.csv", []byte("№ п/п;Дата приема;Суть обращения;Статус\n1;2;3;4\n"))
	db := openStore(t)
	if _, err := importer.ImportComplaints(context.Background(), db, register, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil); !errors.Is(err, importer.ErrNoRows) {
		t.Errorf("register.csv: %v, want it refused", err)
	}
	assertEmpty(t, db)
}

// Only a file without rows is refused: a file whose every row is
// rejected (bad scores, or a row that cannot be read) is imported as
// before, its rejects reported.
func TestRowsAllRejectedStillReported(t *testing.T) {
	for name, content := range map[string]string{
		"badscores.csv": "Date,Score,Comment\n2024-01-02,eleven,x\n2024-01-03,99,y\n",
		"badquote.csv":  "Date,Score,Comment\n2024-01-02,9,\"never closed\n",
	} {
		db := openStore(t)
		path := writeFile(t, name, []byte(content))
		if _, err := importer.Inspect(path, importer.Options{Location: time.UTC}); err != nil {
			t.Errorf("%s refused when looked at: %v", name, err)
		}
		res, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
		if err != nil || res.Imported != 0 || res.Rejected == 0 || len(res.Rejects) != res.Rejected {
			t.Errorf("%s: %+v, %v; want every row rejected and reported", name, res, err)
			continue
		}
		batches, err := db.ImportBatches(context.Background())
		if err != nil || len(batches) != 1 || batches[0].Rejected != res.Rejected {
			t.Errorf("%s: batches %+v (%v), want the import listed with its rejects", name, batches, err)
		}
		for _, r := range res.Rejects {
			if strings.Contains(r.Code, "no_rows") {
				t.Errorf("%s: reject %+v", name, r)
			}
		}
	}
}
