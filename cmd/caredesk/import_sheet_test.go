package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// `import feedback FILE --sheet NAME` reads the named sheet of a
// workbook, and names the sheets when the workbook has no such one.
func TestCLIImportSheet(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Ответы")
	f.SetSheetRow("Ответы", "A1", &[]any{"Дата", "Оценка"})
	f.SetSheetRow("Ответы", "A2", &[]any{"2024-03-01", 9})
	f.SetSheetRow("Ответы", "A3", &[]any{"2024-03-02", 10})
	if _, err := f.NewSheet("Архив"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Архив", "A1", &[]any{"Дата", "Оценка"})
	f.SetSheetRow("Архив", "A2", &[]any{"2023-03-01", 2})
	path := filepath.Join(dir, "nps.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, out, errOut := cli(t, db, "import", "feedback", path, "--sheet", "Архив")
	if code != 0 || !strings.Contains(out, "Imported: 1") {
		t.Errorf("--sheet Архив: exit %d, %q %q", code, out, errOut)
	}
	code, _, errOut = cli(t, db, "import", "complaints", path, "--sheet", "Tickets")
	if code == 0 || !strings.Contains(errOut, `"Ответы", "Архив"`) {
		t.Errorf("--sheet Tickets: exit %d, stderr %q; want the sheets named", code, errOut)
	}
}

// A refusal the importer words itself (a web page with no table saved
// as .xls) is printed in the UI language's text, not the error's
// built-in one.
func TestCLIImportRefusalIsTranslated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deals.xls")
	if err := os.WriteFile(path, []byte("<html><body><form><input name=\"login\"></form></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, filepath.Join(dir, "caredesk.db"), "import", "complaints", path)
	if code == 0 || !strings.Contains(errOut, "and import that file") {
		t.Errorf("exit %d, stderr %q; want the translated refusal", code, errOut)
	}
}
