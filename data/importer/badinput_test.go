package importer_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data/importer"
)

// refusedWithin imports path as feedback and as tickets, each within a
// time limit, and checks that both are refused with the message code,
// that the message names the file and that nothing is stored.
func refusedWithin(t *testing.T, path, code string, limit time.Duration) {
	t.Helper()
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	for _, kind := range []string{"feedback", "complaints"} {
		db := openStore(t)
		done := make(chan error, 1)
		go func() {
			opt := importer.Options{Location: time.UTC, RejectsPath: "-"}
			var err error
			if kind == "feedback" {
				_, err = importer.ImportFeedback(t.Context(), db, path, opt, nil)
			} else {
				_, err = importer.ImportComplaints(t.Context(), db, path, opt, nil)
			}
			done <- err
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(limit):
			t.Fatalf("%s as %s: no answer within %v", base, kind, limit)
		}
		var me *importer.MessageError
		if !errors.As(err, &me) || me.Code != code {
			t.Errorf("%s as %s: %v, want %s", base, kind, err, code)
			continue
		}
		if me.Args["File"] != base || !strings.Contains(me.Text, base) {
			t.Errorf("%s as %s: the message does not name the file: %q %v", base, kind, me.Text, me.Args)
		}
		assertEmpty(t, db)
	}
}

// A table of 100,000 columns, named or empty after the few real ones
// (a line of trailing delimiters), is refused at once with its count of
// columns; detecting its layout took minutes (the CLI hung).
func TestTooManyColumnsRefused(t *testing.T) {
	n := 100000
	named := make([]string, n)
	nines := make([]string, n)
	for i := range named {
		named[i], nines[i] = "c"+strings.Repeat("x", i%7), "9"
	}
	wide := strings.Join(named, ",") + "\n" + strings.Join(nines, ",") + "\n"
	empty := "date,score,comment" + strings.Repeat(",", n) + "\n2024-01-01,9,ok" + strings.Repeat(",", n) + "\n"
	refusedWithin(t, writeFile(t, "wide.csv", []byte(wide)), "import.error.too_many_columns", 20*time.Second)
	refusedWithin(t, writeFile(t, "trailing.csv", []byte(empty)), "import.error.too_many_columns", 20*time.Second)
}

// An .xlsx that is no readable workbook is refused with a message that
// names it and says what to do: excelize's own words were "EOF" (a ZIP
// of other files) and "zip: not a valid zip file" (a workbook cut short
// in a download, a CSV under an .xlsx name).
func TestBrokenWorkbooksRefused(t *testing.T) {
	book, err := os.ReadFile("testdata/complaints.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var other bytes.Buffer
	zw := zip.NewWriter(&other)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("hi"))
	zw.Close()
	for name, content := range map[string][]byte{
		"cut.xlsx":      book[:len(book)/2],
		"notbook.xlsx":  other.Bytes(),
		"csvnamed.xlsx": []byte("date,score,comment\n2024-01-01,9,ok\n"),
		"empty.xlsx":    nil,
	} {
		refusedWithin(t, writeFile(t, name, content), "import.error.bad_workbook", 20*time.Second)
	}
}

// A password-protected XLSX is an OLE2 container holding an
// "EncryptedPackage" stream: it was refused as an Excel 97-2003
// workbook, which sends the user to save as XLSX a file that is one.
func TestEncryptedWorkbookRefused(t *testing.T) {
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 1000)...)
	for _, r := range "EncryptedPackage" {
		ole = append(ole, byte(r), 0)
	}
	ole = append(ole, make([]byte, 1000)...)
	refusedWithin(t, writeFile(t, "locked.xlsx", ole), "import.error.encrypted", 20*time.Second)
	refusedWithin(t, writeFile(t, "locked.csv", ole), "import.error.encrypted", 20*time.Second)
}

// An archive that holds no table is refused: read as text, its binary
// "header" was quoted back as columns and the user told to map a score.
// (One holding tables is read as them: see archive_test.go.)
func TestArchiveWithoutTableRefused(t *testing.T) {
	var none bytes.Buffer
	z := zip.NewWriter(&none)
	w, _ := z.Create("report.pdf")
	w.Write([]byte("%PDF-1.7\n"))
	z.Close()
	refusedWithin(t, writeFile(t, "report.csv", none.Bytes()), "import.error.archive", 20*time.Second)
}

// A workbook saved under a .csv name is read as the workbook it is.
func TestWorkbookNamedCSV(t *testing.T) {
	book, err := os.ReadFile("testdata/complaints.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want, err := importer.InspectComplaints(writeFile(t, "book.xlsx", book), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := importer.InspectComplaints(writeFile(t, "book.csv", book), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Columns, want.Columns) || len(got.Sample) != len(want.Sample) || got.Delimiter != 0 {
		t.Errorf("book.csv read as %q (%d rows), want %q (%d rows)", got.Columns, len(got.Sample), want.Columns, len(want.Sample))
	}
}

// A file that is missing, a folder, empty (no bytes, a byte order mark
// alone, blank lines only) or whose header is swallowed by an unclosed
// quote is refused with a message naming it, in the user's language; the
// messages were Go's own ("stat x.csv: no such file or directory", "the
// file has no header row", in English only), and a header with a quote
// never closed was called an empty file.
func TestUnreadableFilesRefused(t *testing.T) {
	dir := t.TempDir()
	refusedWithin(t, dir+"/missing.csv", "import.error.no_file", 20*time.Second)
	if err := os.Mkdir(dir+"/answers.csv", 0o700); err != nil {
		t.Fatal(err)
	}
	refusedWithin(t, dir+"/answers.csv", "import.error.is_folder", 20*time.Second)
	for name, content := range map[string]string{
		"empty.csv": "", "bom.csv": "\uFEFF", "blank.csv": "\n\n\r\n", "spaces.tsv": "\t\t\n\n",
	} {
		refusedWithin(t, writeFile(t, name, []byte(content)), "import.error.empty_file", 20*time.Second)
	}
	for name, content := range map[string]string{
		"quote_first.csv":  "\"date,score,comment\n2024-01-01,9,ok\n2024-01-02,7,fine\n",
		"quote_inside.csv": "date,\"score,comment\n2024-01-01,9,ok\n",
	} {
		refusedWithin(t, writeFile(t, name, []byte(content)), "import.error.header_quote", 20*time.Second)
	}
	if os.Geteuid() != 0 { // root reads any file
		locked := writeFile(t, "locked.csv", []byte("date,score\n2024-01-01,9\n"))
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		refusedWithin(t, locked, "import.error.no_access", 20*time.Second)
	}
}

// A workbook without any sheet, or whose only sheet is empty, is refused
// with a message naming it; "workbook has no sheets" was English only.
func TestEmptyWorkbooksRefused(t *testing.T) {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`))
	w, _ = z.Create("xl/workbook.xml")
	w.Write([]byte(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`))
	z.Close()
	refusedWithin(t, writeFile(t, "nosheets.xlsx", b.Bytes()), "import.error.no_sheets", 20*time.Second)

	f := excelize.NewFile()
	f.NewSheet("Second")
	empty := t.TempDir() + "/emptysheets.xlsx"
	if err := f.SaveAs(empty); err != nil {
		t.Fatal(err)
	}
	refusedWithin(t, empty, "import.error.empty_file", 20*time.Second)
}

// When the rejects file cannot be written (its folder is missing or
// read-only), the import still stores the good rows in one batch, keeps
// the bad ones in the result and says where the list could not be saved;
// no path of a report that does not exist is given.
func TestRejectsFileUnwritable(t *testing.T) {
	path := writeFile(t, "answers.csv", []byte("date,score,comment\n2024-01-01,9,ok\n2024-01-02,12,bad\n"))
	rejects := t.TempDir() + "/missing/answers.rejects.csv"
	db := openStore(t)
	res, err := importer.ImportFeedback(t.Context(), db, path, importer.Options{Location: time.UTC, RejectsPath: rejects}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 1 || res.Rejected != 1 || len(res.Rejects) != 1 || res.Rejects[0].Row != 3 || res.Rejects[0].Column != "score" {
		t.Errorf("result %+v", res)
	}
	if res.RejectsFile != "" {
		t.Errorf("rejects file %q reported, but none was written", res.RejectsFile)
	}
	warned := false
	for _, w := range res.Warnings {
		warned = warned || w.Code == "import.warning.rejects_file" && w.Args["Path"] == rejects
	}
	if !warned {
		t.Errorf("no warning of the unwritable rejects file: %+v", res.Warnings)
	}
	if b, _ := db.ImportBatches(t.Context()); len(b) != 1 || b[0].Imported != 1 || b[0].Rejected != 1 {
		t.Errorf("batches %+v", b)
	}
	if n := len(stored(t, db)); n != 1 {
		t.Errorf("%d responses stored, want 1", n)
	}
}

// NUL bytes inside a CSV's cells are dropped: they were stored inside
// comments and made a score "\x008" a reject shown as " 8".
func TestNULBytesDropped(t *testing.T) {
	path := writeFile(t, "nul.csv", []byte("date,score,comment\n2024-01-01,9,o\x00k\n2024-01-02,\x008,fi\x00\x00ne\n"))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	if got["ok"].Score != 9 || got["fine"].Score != 8 {
		t.Errorf("stored %+v", got)
	}
}

// A header cell longer than a spreadsheet cell can be (a 10 MB line
// without breaks, a damaged file) is refused with its row and column:
// matching it against the known headers ran for minutes, and the
// complaint import printed the 10 MB "column name" in its error.
func TestHeaderCellTooLongRefused(t *testing.T) {
	huge := strings.Repeat("x", 10<<20)
	refusedWithin(t, writeFile(t, "oneline.csv", []byte(huge)), "import.error.header_too_long", 20*time.Second)
	refusedWithin(t, writeFile(t, "bighead.csv", []byte("date,score,"+huge+"\n2024-01-01,9,ok\n")), "import.error.header_too_long", 20*time.Second)
}
