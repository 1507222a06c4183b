package complaints

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"
)

// writeODS writes a LibreOffice spreadsheet of two sheets, a summary
// first and the register second, as the wizard meets one.
func writeODS(t *testing.T, path string) {
	t.Helper()
	cell := func(typ, attr, text string) string {
		return `<table:table-cell office:value-type="` + typ + `"` + attr + `><text:p>` + text + `</text:p></table:table-cell>`
	}
	str := func(s string) string { return cell("string", "", s) }
	date := func(iso, shown string) string { return cell("date", ` office:date-value="`+iso+`"`, shown) }
	row := func(cells ...string) string {
		out := "<table:table-row>"
		for _, c := range cells {
			out += c
		}
		return out + `<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`
	}
	content := `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>` +
		`<table:table table:name="Итоги">` + row(str("Всего"), cell("float", ` office:value="2"`, "2")) + `</table:table>` +
		`<table:table table:name="Обращения">` +
		row(str("Номер"), str("Дата обращения"), str("Клиент"), str("Категория"), str("Статус")) +
		row(str("B-1"), date("2025-03-05T10:00:00", "05.03.25 10:00"), str("ООО Ромашка"), str("Доставка"), str("Решено")) +
		row(str("B-2"), date("2025-03-06T11:30:00", "06.03.25 11:30"), str("ИП Петров"), str("Оплата"), str("В работе")) +
		`<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>` +
		`</office:spreadsheet></office:body></office:document-content>`
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = z.Create("content.xml")
	w.Write([]byte(content))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// A LibreOffice register goes through the wizard as a CSV does: the
// register's sheet is taken over the summary before it, both are offered,
// and its complaints are stored.
func TestImportWizardImportsAnODSRegister(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	path := filepath.Join(t.TempDir(), "реестр.ods")
	writeODS(t, path)
	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil {
		t.Fatal("the wizard did not open a preview")
	}
	if pv := w.Preview(); pv.Sheet != "Обращения" || len(pv.Sheets) != 2 || w.MappedColumn("opened") != "Дата обращения" {
		t.Fatalf("sheet %q of %q, opened from %q", pv.Sheet, pv.Sheets, w.MappedColumn("opened"))
	}
	ui(w.Start)
	h.settle()
	res, err := w.Result()
	if res == nil || err != nil || res.Imported != 2 {
		t.Fatalf("result %+v, err %v", res, err)
	}
	if s.table.Total() != 2 {
		t.Errorf("table shows %d", s.table.Total())
	}
	ui(w.Close)
}
