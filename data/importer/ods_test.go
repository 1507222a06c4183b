package importer

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// Cells of a test spreadsheet besides strings, float64 and bool.
type (
	odsDate     time.Time     // a date cell (date-value)
	odsDuration time.Duration // a time cell (time-value)
	odsCode     struct {      // a number shown padded with zeros
		value int
		shown string
	}
	odsBlanks  int // a blank cell repeated
	odsRepeats struct {
		text string
		n    int
	} // a text cell repeated
	odsNoted string // a text cell with a comment
	odsSpan  struct {
		text       string
		rows, cols int
	} // a text cell merged over rows and columns
	odsCovered struct{}      // a cell a merged one covers
	odsClock   time.Duration // a time cell styled as a time of day (HH:MM)
	odsTaken   time.Duration // a time cell styled as a time taken ([HH]:MM)
	odsBare    time.Duration // a time cell with no style: its column's
	odsNamed   time.Duration // a time cell of the named style «Время» (styles.xml)
)

// odsColumnStyles, a sheet's first row, gives its columns' default cell
// styles ("ceClock", "ceTaken" or "").
type odsColumnStyles []string

// odsBlankRows in a sheet's rows is a blank row repeated.
type odsBlankRows int

// writeODS writes an OpenDocument spreadsheet as LibreOffice does: the
// mimetype stored first, content.xml with typed cells, repeated blank
// cells and rows, a trailing blank area of a million rows.
func writeODS(tb testing.TB, path string, sheets map[string][][]any, order ...string) {
	tb.Helper()
	var c strings.Builder
	c.WriteString(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.3">`)
	// LibreOffice's data styles for HH:MM and [HH]:MM, and cell styles
	// using them.
	c.WriteString(`<office:automatic-styles><number:time-style style:name="N41"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>` +
		`<number:time-style style:name="N46" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>` +
		`<style:style style:name="ceClock" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N41"/>` +
		`<style:style style:name="ceTaken" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N46"/></office:automatic-styles><office:body><office:spreadsheet>`)
	for _, name := range order {
		rows := sheets[name]
		fmt.Fprintf(&c, `<table:table table:name="%s">`, html.EscapeString(name))
		if len(rows) > 0 && len(rows[0]) == 1 {
			if cs, ok := rows[0][0].(odsColumnStyles); ok {
				for _, st := range cs {
					fmt.Fprintf(&c, `<table:table-column table:default-cell-style-name="%s"/>`, st)
				}
				rows = rows[1:]
			}
		}
		c.WriteString(`<table:table-column table:number-columns-repeated="1000"/>`)
		for _, row := range rows {
			if len(row) == 1 {
				if n, ok := row[0].(odsBlankRows); ok {
					fmt.Fprintf(&c, `<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`, n)
					continue
				}
			}
			c.WriteString(`<table:table-row>`)
			for _, v := range row {
				switch v := v.(type) {
				case nil:
					c.WriteString(`<table:table-cell/>`)
				case string:
					fmt.Fprintf(&c, `<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>%s</text:p></table:table-cell>`, odsText(v))
				case float64:
					fmt.Fprintf(&c, `<table:table-cell office:value-type="float" office:value="%v"><text:p>%s</text:p></table:table-cell>`, v, strings.Replace(fmt.Sprint(v), ".", ",", 1))
				case bool:
					fmt.Fprintf(&c, `<table:table-cell office:value-type="boolean" office:boolean-value="%v"><text:p>%s</text:p></table:table-cell>`, v, map[bool]string{true: "ИСТИНА", false: "ЛОЖЬ"}[v])
				case odsDate:
					t := time.Time(v)
					fmt.Fprintf(&c, `<table:table-cell office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>`, t.Format("2006-01-02T15:04:05"), t.Format("02.01.06 15:04"))
				case odsDuration:
					d := time.Duration(v)
					fmt.Fprintf(&c, `<table:table-cell office:value-type="time" office:time-value="PT%02dH%02dM%02dS"><text:p>%d:%02d</text:p></table:table-cell>`, int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60, int(d.Hours()), int(d.Minutes())%60)
				case odsClock, odsTaken, odsBare, odsNamed:
					var d time.Duration
					style := ""
					switch v := v.(type) {
					case odsClock:
						d, style = time.Duration(v), ` table:style-name="ceClock"`
					case odsTaken:
						d, style = time.Duration(v), ` table:style-name="ceTaken"`
					case odsBare:
						d = time.Duration(v)
					case odsNamed:
						d, style = time.Duration(v), ` table:style-name="Время"`
					}
					fmt.Fprintf(&c, `<table:table-cell%s office:value-type="time" office:time-value="PT%02dH%02dM00S"><text:p>%d:%02d</text:p></table:table-cell>`, style, int(d.Hours()), int(d.Minutes())%60, int(d.Hours()), int(d.Minutes())%60)
				case odsCode:
					fmt.Fprintf(&c, `<table:table-cell office:value-type="float" office:value="%d"><text:p>%s</text:p></table:table-cell>`, v.value, v.shown)
				case odsBlanks:
					fmt.Fprintf(&c, `<table:table-cell table:number-columns-repeated="%d"/>`, v)
				case odsRepeats:
					fmt.Fprintf(&c, `<table:table-cell table:number-columns-repeated="%d" office:value-type="string"><text:p>%s</text:p></table:table-cell>`, v.n, odsText(v.text))
				case odsSpan:
					fmt.Fprintf(&c, `<table:table-cell table:number-rows-spanned="%d" table:number-columns-spanned="%d" office:value-type="string"><text:p>%s</text:p></table:table-cell>`, v.rows, v.cols, odsText(v.text))
				case odsCovered:
					c.WriteString(`<table:covered-table-cell/>`)
				case odsNoted:
					fmt.Fprintf(&c, `<table:table-cell office:value-type="string"><office:annotation><text:p>Комментарий проверяющего</text:p></office:annotation><text:p>%s</text:p></table:table-cell>`, odsText(string(v)))
				default:
					tb.Fatalf("writeODS: no cell for %T", v)
				}
			}
			c.WriteString(`<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`)
		}
		c.WriteString(`<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`)
	}
	c.WriteString(`</office:spreadsheet></office:body></office:document-content>`)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	z := zip.NewWriter(f)
	w, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		tb.Fatal(err)
	}
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = z.Create("content.xml")
	w.Write([]byte(c.String()))
	// A named cell style, as a user's «Время», lives in styles.xml with
	// its data style.
	w, _ = z.Create("styles.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"><office:styles>` +
		`<number:time-style style:name="N60"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>` +
		`<style:style style:name="Время" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N60"/></office:styles></office:document-styles>`))
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

// odsText writes s as LibreOffice does: runs of spaces as <text:s>, line
// breaks as separate paragraphs, some words in a span.
func odsText(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		e := html.EscapeString(line)
		e = strings.ReplaceAll(e, "   ", ` <text:s text:c="2"/>`)
		e = strings.Replace(e, "«", `<text:span text:style-name="T1">«`, 1)
		if strings.Contains(e, "<text:span") {
			e += "</text:span>"
		}
		out = append(out, e)
	}
	return strings.Join(out, "</text:p><text:p>")
}

// Every kind of cell LibreOffice writes is read as the importer needs its
// text.
func TestODSCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cells.ods")
	opened := time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC)
	writeODS(t, path, map[string][][]any{"Лист1": {
		{"Номер", "Дата", "Время", "Код", "Флаг", "Сумма", "Текст", nil, "После пустой"},
		{42.0, odsDate(opened), odsDuration(26*time.Hour + 30*time.Minute), odsCode{123, "00123"}, true, 1250.75, "Две   строки\nи «кавычки»", odsBlanks(1), odsNoted("Есть комментарий")},
		{odsBlankRows(3)},
		{odsRepeats{"то же", 3}, odsDate(opened.Truncate(24 * time.Hour))},
	}}, "Лист1")
	tables, err := readODS(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || tables[0].name != "Лист1" {
		t.Fatalf("tables: %d", len(tables))
	}
	want := []string{
		"Номер;Дата;Время;Код;Флаг;Сумма;Текст;;После пустой",
		"42;2024-03-05 14:30;26:30:00;00123;TRUE;1250.75;Две   строки\nи «кавычки»;;Есть комментарий",
		"", "", "",
		"то же;то же;то же;2024-03-05",
	}
	if got := flatten(tables[0].rows); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	// Rows end in a thousand repeated blank cells, as LibreOffice writes
	// them: they were made and cut off again, and every row kept room for
	// a thousand cells (2 GB for 100,000 rows).
	for i, r := range tables[0].rows {
		if cap(r) > len(r) {
			t.Errorf("row %d holds room for %d cells, has %d", i+1, cap(r), len(r))
		}
	}
}

// A survey kept in LibreOffice: the answers sheet is found beside a
// summary, imported into a real store, and again adds nothing; a
// complaints register with dates, a duration and a padded number.
func TestImportODS(t *testing.T) {
	dir := t.TempDir()
	answers := [][]any{{"Дата", "Оценка", "Комментарий"}}
	for i := range 30 {
		answers = append(answers, []any{odsDate(time.Date(2024, 4, 1+i, 10, 0, 0, 0, time.UTC)), float64(i % 11), fmt.Sprintf("Ответ %d", i)})
	}
	survey := filepath.Join(dir, "опрос.ods")
	writeODS(t, survey, map[string][][]any{"Итоги": {{"NPS", 12.0}}, "Ответы": answers}, "Итоги", "Ответы")
	db := openXLSStore(t)
	opt := Options{Location: time.UTC, RejectsPath: "-"}
	res, err := ImportFeedback(context.Background(), db, survey, opt, nil)
	if err != nil || res.Imported != 30 || res.Rejected != 0 {
		t.Fatalf("survey: %+v, %v", res, err)
	}
	if again, err := ImportFeedback(context.Background(), db, survey, opt, nil); err != nil || again.Imported != 0 {
		t.Errorf("again: %+v, %v", again, err)
	}

	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, time.UTC) }
	register := filepath.Join(dir, "реестр.ods")
	writeODS(t, register, map[string][][]any{"Обращения": {
		{"Реестр обращений, март 2024"},
		{odsBlankRows(1)},
		{"Номер", "Дата обращения", "Клиент", "Приоритет", "Статус", "Дата решения", "Время реакции"},
		{odsCode{7, "0007"}, odsDate(at(4, 9, 15)), "ООО «Ромашка»", "Высокий", "Решено", odsDate(at(4, 16, 40)), odsDuration(26 * time.Minute)},
		{odsCode{8, "0008"}, "31.02.2024", "Петров П.", "Низкий", "В работе", nil, nil},
	}}, "Обращения")
	res, err = ImportComplaints(context.Background(), db, register, Options{Location: time.UTC}, nil)
	if err != nil || res.Imported != 1 || res.Rejected != 1 {
		t.Fatalf("register: %+v, %v", res, err)
	}
	rejects, err := os.ReadFile(RejectsPath(register))
	if err != nil || !strings.Contains(string(rejects), "реестр.ods,5,Дата обращения,31.02.2024,") {
		t.Errorf("rejects (%v):\n%s", err, rejects)
	}
	stored := storedByID(t, db)
	c := stored["0007"]
	f := data.DeriveFacts(c.Events)
	if len(stored) != 1 {
		t.Errorf("%d complaints stored", len(stored))
	}
	if c.ExternalID != "0007" || c.ClientName != "ООО «Ромашка»" || !c.OpenedAt.Equal(at(4, 9, 15)) ||
		!f.ResolvedAt.Equal(at(4, 16, 40)) || !f.FirstResponseAt.Equal(at(4, 9, 41)) {
		t.Errorf("complaint %+v, facts %+v", c, f)
	}
}

// A spreadsheet that cannot be read is refused with what to do, and
// nothing is stored; an OpenDocument file under a .csv name is read as
// the spreadsheet it is.
func TestODSDamagedAndMisnamed(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.ods")
	writeODS(t, good, map[string][][]any{"Лист1": {{"Дата", "Оценка"}, {odsDate(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)), 9.0}}}, "Лист1")
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"cut.ods": raw[:len(raw)-40], "half.ods": raw[:len(raw)/2]} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, content, 0o644)
		db := openXLSStore(t)
		_, err := ImportFeedback(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
		var me *MessageError
		if !errors.Is(err, ErrOtherFormat) || !errors.As(err, &me) || me.Message.Code != errDamagedODS {
			t.Errorf("%s: %v", name, err)
		}
		if n, _ := db.CountFeedback(context.Background(), data.FeedbackFilter{}); n != 0 {
			t.Errorf("%s: %d stored", name, n)
		}
	}
	// A package of no sheets (a spreadsheet cleared of them) has nothing
	// to read.
	empty := filepath.Join(dir, "empty.ods")
	writeODS(t, empty, nil)
	if _, err := ImportFeedback(context.Background(), openXLSStore(t), empty, Options{Location: time.UTC, RejectsPath: "-"}, nil); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("no sheets: %v", err)
	}
	misnamed := filepath.Join(dir, "answers.csv")
	os.WriteFile(misnamed, raw, 0o644)
	if res, err := ImportFeedback(context.Background(), openXLSStore(t), misnamed, Options{Location: time.UTC, RejectsPath: "-"}, nil); err != nil || res.Imported != 1 {
		t.Errorf("misnamed: %+v, %v", res, err)
	}
}

// Merged cells in a spreadsheet: a client's name over the rows of its
// complaints fills them all.
func TestImportODSMergedCells(t *testing.T) {
	at := func(d, h int) odsDate { return odsDate(time.Date(2024, 3, d, h, 0, 0, 0, time.UTC)) }
	path := filepath.Join(t.TempDir(), "реестр.ods")
	writeODS(t, path, map[string][][]any{"Лист1": {
		{"Номер", "Клиент", "Дата обращения", "Статус"},
		{1.0, odsSpan{"ООО «Ромашка»", 2, 1}, at(4, 9), "Решено"},
		{2.0, odsCovered{}, at(5, 10), "В работе"},
		{3.0, "ИП Петров", at(6, 11), "Новое"},
	}}, "Лист1")
	db := openXLSStore(t)
	res, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if err != nil || res.Imported != 3 {
		t.Fatalf("%+v, %v", res, err)
	}
	got := storedByID(t, db)
	if got["1"].ClientName != "ООО «Ромашка»" || got["2"].ClientName != "ООО «Ромашка»" || got["3"].ClientName != "ИП Петров" {
		t.Errorf("clients %q, %q, %q", got["1"].ClientName, got["2"].ClientName, got["3"].ClientName)
	}
}

// «Время решения» beside a date-only «Дата решения» is its time of day
// when styled HH:MM, by the cell (an automatic style or a named one in
// styles.xml) or by its column, and the time taken
// when styled [HH]:MM (or not styled as a time at all).
func TestImportODSDatesApart(t *testing.T) {
	day := func(d int) odsDate { return odsDate(time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC)) }
	opened := time.Date(2024, 3, 5, 9, 15, 0, 0, time.UTC)
	// A time taken is read with a resolution dated the opening's day: it
	// times it (see TestXLSXDatesApartWithElapsedTimes).
	for name, c := range map[string]struct {
		styles   odsColumnStyles
		resolved odsDate
		took     any
		want     time.Time
	}{
		"cell clock":   {nil, day(6), odsClock(11*time.Hour + 45*time.Minute), time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC)},
		"named clock":  {nil, day(6), odsNamed(11*time.Hour + 45*time.Minute), time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC)},
		"column clock": {odsColumnStyles{"", "", "", "", "ceClock"}, day(6), odsBare(11*time.Hour + 45*time.Minute), time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC)},
		"taken":        {nil, day(5), odsTaken(2 * time.Hour), opened.Add(2 * time.Hour)},
		"no style":     {nil, day(5), odsBare(2 * time.Hour), opened.Add(2 * time.Hour)},
	} {
		rows := [][]any{
			{"Номер", "Дата обращения", "Время обращения", "Дата решения", "Время решения"},
			{1.0, day(5), odsClock(9*time.Hour + 15*time.Minute), c.resolved, c.took},
		}
		if c.styles != nil {
			rows = append([][]any{{c.styles}}, rows...)
		}
		path := filepath.Join(t.TempDir(), "реестр.ods")
		writeODS(t, path, map[string][][]any{"Лист1": rows}, "Лист1")
		checkResolvedAt(t, name, path, opened, c.want)
	}
}
