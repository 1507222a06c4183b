package importer

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every kind of cell a workbook writes is read as the importer needs its
// text: shared and inline strings, numbers, RK and MULRK, formula
// results, booleans, dates, durations, times of day and padded codes.
func TestXLSCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cells.xls")
	opened := time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC)
	writeXLS(t, path, 0, xlsTestSheet{name: "Обращения", rows: [][]any{
		{"Номер", "Дата", "День", "Время решения", "Время", "Код", "Флаг", "Сумма", "Текст", "Формула", "Счёт", "Д"},
		{xlsRK(101), xlsDate(opened), xlsDay(opened.Truncate(24 * time.Hour)), xlsElapsed(26*time.Hour + 30*time.Minute), xlsClock(12*time.Hour + 15*time.Minute), xlsPadded(123), true, 1250.75, xlsLabel("Посылка «повреждена»"), xlsFormula("Иванов И."), xlsNumFunc(42), xlsRussianD(opened.Truncate(24 * time.Hour))},
		{xlsMulRK{7, -3, 1 << 20}},
	}})
	b, err := readXLS(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.sheets) != 1 || b.sheets[0].name != "Обращения" {
		t.Fatalf("sheets %+v", b.sheets)
	}
	sheet, err := b.sheetRows(b.sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	rows := sheet.rows
	want := [][]string{
		{"Номер", "Дата", "День", "Время решения", "Время", "Код", "Флаг", "Сумма", "Текст", "Формула", "Счёт", "Д"},
		{"101", "2024-03-05 14:30", "2024-03-05", "26:30:00", "12:15:00", "00123", "TRUE", "1250.75", "Посылка «повреждена»", "Иванов И.", "42", "2024-03-05"},
		{"7", "-3", "1048576", "", "", "", "", "", "", "", "", ""},
	}
	if got, exp := strings.Join(flatten(rows), "|"), strings.Join(flatten(want), "|"); got != exp {
		t.Errorf("cells\n got %s\nwant %s", got, exp)
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ";"))
	}
	return out
}

// Any bytes in a workbook stream are read without a panic: a damaged or
// hostile file is refused or read for what it holds.
func FuzzXLSStream(f *testing.F) {
	f.Add(xlsStream(f, 0, xlsTestSheet{name: "S", rows: [][]any{{"a", xlsRK(1), xlsDate(time.Date(2024, 1, 2, 3, 4, 0, 0, time.UTC))}, {xlsMulRK{1, 2}, xlsFormula("x"), true}}}))
	f.Add(xlsStream(f, 40, xlsTestSheet{name: "Лист", rows: [][]any{{strings.Repeat("длинная строка ", 9), xlsElapsed(time.Hour), xlsPadded(7)}}}))
	f.Fuzz(func(t *testing.T, stream []byte) {
		b := &xlsBook{stream: stream, formats: map[uint16]string{}}
		if b.readGlobals() != nil {
			return
		}
		for _, sh := range b.sheets {
			b.sheetRows(sh)
		}
	})
}

// Sheets' names are read from their tags alone, wherever the chunks the
// reader takes cut the file, prefixed or not.
func TestSheetTags(t *testing.T) {
	var b strings.Builder
	var want []string
	for i := range 40 {
		name := fmt.Sprintf("Лист %d", i)
		want = append(want, name)
		b.WriteString(`<ss:Worksheet ss:Name="` + name + `"><Table>`)
		b.WriteString(strings.Repeat("<Row><Cell><Data>x</Data></Cell></Row>", 200+i*37)) // tags fall across chunk ends
		b.WriteString(`</Table></ss:Worksheet><WorksheetOptions/>`)
	}
	got, ok := sheetTags(strings.NewReader(b.String()), "Worksheet ")
	if !ok || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names %q (ok %v), want %q", got, ok, want)
	}
	ods, ok := sheetTags(strings.NewReader(`<office:spreadsheet><table:table table:name="Ответы" table:style-name="ta1"><table:table-row/></table:table></office:spreadsheet>`), "table:table ")
	if !ok || len(ods) != 1 || ods[0] != "Ответы" {
		t.Errorf("ODS: %q, %v", ods, ok)
	}
}
