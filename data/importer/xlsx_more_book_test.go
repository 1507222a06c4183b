package importer_test

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book builds a workbook cell by cell as Excel saves one: values with
// their number formats, formulas with the values Excel cached.
type book struct {
	t      *testing.T
	f      *excelize.File
	styles map[string]int
}

func newBook(t *testing.T, first string) *book {
	t.Helper()
	f := excelize.NewFile()
	t.Cleanup(func() { f.Close() })
	if err := f.SetSheetName("Sheet1", first); err != nil {
		t.Fatal(err)
	}
	return &book{t: t, f: f, styles: map[string]int{}}
}

func (b *book) sheet(name string) {
	b.t.Helper()
	if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
}

// rows writes rows from cell on; a value under a format column (by
// index) gets that number format, as Excel keeps it in the file.
func (b *book) rows(sheet, cell string, formats map[int]string, rows ...[]any) {
	b.t.Helper()
	col, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		b.t.Fatal(err)
	}
	for i, r := range rows {
		for j, v := range r {
			name, _ := excelize.CoordinatesToCellName(col+j, row+i)
			if v == nil {
				continue
			}
			if err := b.f.SetCellValue(sheet, name, v); err != nil {
				b.t.Fatal(err)
			}
			if code, ok := formats[j]; ok {
				if _, isText := v.(string); !isText {
					b.format(sheet, name, code)
				}
			}
		}
	}
}

func (b *book) format(sheet, cell, code string) {
	b.t.Helper()
	s, ok := b.styles[code]
	if !ok {
		var err error
		if s, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			b.t.Fatal(err)
		}
		b.styles[code] = s
	}
	if err := b.f.SetCellStyle(sheet, cell, cell, s); err != nil {
		b.t.Fatal(err)
	}
}

// formula writes a formula cell holding the value Excel computed.
func (b *book) formula(sheet, cell, formula string, value any) {
	b.t.Helper()
	if err := b.f.SetCellValue(sheet, cell, value); err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellFormula(sheet, cell, formula); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) save(name string) string {
	b.t.Helper()
	path := filepath.Join(b.t.TempDir(), name)
	if err := b.f.SaveAs(path); err != nil {
		b.t.Fatal(err)
	}
	return path
}
