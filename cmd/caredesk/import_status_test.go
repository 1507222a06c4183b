package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// The CLI shows the importer's warnings about a register without a status
// column and counts the tickets skipped as spam, deleted or merged apart.
func TestCLIImportComplaintsStatusNotes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "caredesk.db")
	plain := writeFile(t, dir, "plain.csv", "Номер,Дата,Тема\n1,2024-03-04 10:00,Доставка\n2,2024-03-05 11:00,Оплата\n")
	code, out, errOut := cli(t, db, "import", "complaints", plain)
	if code != 0 || !strings.Contains(out, "Imported: 2") || !strings.Contains(errOut, "plain.csv: No column is chosen for the status") ||
		!strings.Contains(errOut, "--map status=COLUMN") {
		t.Errorf("no status column: exit %d\n%s%s", code, out, errOut)
	}
	marked := writeFile(t, dir, "marked.csv", "Номер,Дата,Статус\n1,2024-03-04 10:00,В работе\n2,2024-03-05 11:00,Спам\n3,2024-03-05 12:00,Объединён\n")
	code, out, errOut = cli(t, db, "import", "complaints", marked)
	if code != 0 || !strings.Contains(out, "Imported: 1, duplicates skipped: 0, rejected: 0") ||
		!strings.Contains(out, "Skipped, not client appeals (spam, deleted or merged): 2") || !strings.Contains(errOut, "Row 3 is marked «Спам»") {
		t.Errorf("spam and merged: exit %d\n%s%s", code, out, errOut)
	}
}

// Counts print in the language's way: a thousand tickets are "1,000"
// in English, as the GUI writes them.
func TestCLIImportCountsPerLocale(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Номер,Дата,Тема\n")
	for i := range 1200 {
		fmt.Fprintf(&b, "%d,2024-03-04 10:%02d,Доставка\n", i, i%60)
	}
	code, out, errOut := cli(t, filepath.Join(dir, "caredesk.db"), "import", "complaints", writeFile(t, dir, "many.csv", b.String()))
	if code != 0 || !strings.Contains(out, "Imported: 1,200, duplicates skipped: 0, rejected: 0") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}
