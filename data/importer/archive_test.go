package importer_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data/importer"
)

// noUnpackedLeft points the temporary folder at a folder of the test's
// and checks, when the test ends, that nothing unpacked was left in it.
func noUnpackedLeft(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Cleanup(func() {
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("left in the temporary folder: %v", left)
		}
	})
}

// Google Forms downloads its responses as a ZIP holding one CSV (here
// beside a Mac's __MACOSX copy and a folder): it is imported as that CSV,
// its bad row reported in a rejects file beside the ZIP, and the
// unpacked copy removed.
func TestImportZippedResponses(t *testing.T) {
	noUnpackedLeft(t)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	z.Create("Опрос/")
	for _, name := range []string{"Опрос/Опрос (Ответы).csv", "__MACOSX/Опрос/._Опрос (Ответы).csv"} {
		w, _ := z.Create(name)
		w.Write([]byte("Отметка времени,Оцените нас от 0 до 10,Комментарий\n01.03.2024 10:00:00,9,Отлично\n02.03.2024 11:00:00,11,Опечатка\n03.03.2024 12:00:00,4,Долго\n"))
	}
	z.Close()
	db := openStore(t)
	path := writeFile(t, "responses.zip", buf.Bytes())
	pv, err := importer.Inspect(path, importer.Options{Location: time.UTC})
	if err != nil || len(pv.Sample) != 3 {
		t.Fatalf("preview: %v, %+v", err, pv)
	}
	res, err := importer.ImportFeedback(t.Context(), db, path, importer.Options{Location: time.UTC}, nil)
	if err != nil || res.Imported != 2 || res.Rejected != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	rejects, err := os.ReadFile(filepath.Join(filepath.Dir(path), "responses.zip.rejects.csv"))
	if err != nil || !strings.Contains(string(rejects), "responses.zip,3,") {
		t.Errorf("rejects beside the archive (%v):\n%s", err, rejects)
	}
	if got := byComment(t, db); got["Долго"].Score != 4 {
		t.Errorf("answers %+v", got)
	}
}

// A dump compressed with gzip, named .csv.gz or even .csv, is read as the
// table inside.
func TestImportGzippedTickets(t *testing.T) {
	noUnpackedLeft(t)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("Id,Created at,Status,Subject\n1,2024-03-04 10:00,Closed,Late\n2,2024-03-05 11:00,Open,Broken\n"))
	zw.Close()
	for _, name := range []string{"tickets.csv.gz", "gz.csv"} {
		db := openStore(t)
		path := writeFile(t, name, buf.Bytes())
		if _, err := importer.InspectComplaints(path, importer.Options{Location: time.UTC}); err != nil {
			t.Fatalf("%s: preview: %v", name, err)
		}
		if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 2 {
			t.Errorf("%s: imported %d", name, res.Imported)
		}
	}
}

// Intercom zips several CSVs: the one that maps the most fields is read,
// the others offered as a workbook's sheets are, and the one the user
// names is read instead.
func TestImportArchiveOfSeveralTables(t *testing.T) {
	noUnpackedLeft(t)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"export/users.csv":         "user_id,name,email\n1,Анна,a@b.ru\n",
		"export/conversations.csv": "Conversation ID,Created at,State,Priority,Assignee\n501,2024-03-04 10:00,closed,priority,Olga\n502,2024-03-05 11:00,open,not_priority,\n",
	} {
		w, _ := z.Create(name)
		w.Write([]byte(content))
	}
	z.Close()
	path := writeFile(t, "intercom.zip", buf.Bytes())
	pv, err := importer.InspectComplaints(path, importer.Options{Location: time.UTC})
	if err != nil || pv.Sheet != "conversations.csv" || len(pv.Sheets) != 2 || !strings.HasSuffix(pv.File, "intercom.zip") {
		t.Fatalf("preview: %v, table %q of %q, file %q", err, pv.Sheet, pv.Sheets, pv.File)
	}
	db := openStore(t)
	if res := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); res.Imported != 2 {
		t.Errorf("imported %d: %+v", res.Imported, res.Rejects)
	}
	pv, err = importer.InspectComplaints(path, importer.Options{Location: time.UTC, Sheet: "users.csv"})
	if err != nil || pv.Sheet != "users.csv" || pv.Columns[0] != "user_id" {
		t.Errorf("the table chosen: %v, %q, columns %q", err, pv.Sheet, pv.Columns)
	}
	if _, err := importer.InspectComplaints(path, importer.Options{Location: time.UTC, Sheet: "tickets.csv"}); !errors.Is(err, importer.ErrUnknownSheet) {
		t.Errorf("a table the archive lacks: %v", err)
	}
}
