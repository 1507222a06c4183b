package importer_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data"
	"caredesk/data/importer"
)

// writeWorkbook saves sheets of rows (first sheet first) and returns the
// path; dateCells get a date-time number format as Excel shows them.
func writeWorkbook(t *testing.T, name string, sheets []string, rows map[string][][]any, dateCells map[string][]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheets[0])
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sheets {
		for i, r := range rows[s] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(s, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range dateCells[s] {
			if err := f.SetCellStyle(s, c, c, style); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// SurveyMonkey's XLSX export: two header rows as in the CSV, dates as
// Excel date-times, one typed as text.
func TestRealWorldSurveyMonkeyXLSX(t *testing.T) {
	q := "How likely is it that you would recommend CareDesk to a friend or colleague?"
	path := writeWorkbook(t, "CareDesk NPS.xlsx", []string{"Sheet"}, map[string][][]any{"Sheet": {
		{"Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", q, "What is the main reason for your score?", "How did you contact us?", nil},
		{nil, nil, nil, nil, nil, nil, "Response", "Open-Ended Response", "Phone", "Email"},
		{114987654321, 432109876, time.Date(2024, 11, 21, 15, 4, 5, 0, time.UTC), time.Date(2024, 11, 21, 15, 6, 10, 0, time.UTC), "203.0.113.5", nil, 10, "Quick, polite", "Phone", nil},
		{114987654322, 432109876, time.Date(2024, 11, 22, 9, 15, 0, 0, time.UTC), "11/22/2024 9:20:00 AM", "203.0.113.6", nil, 6, nil, nil, "Email"},
		{114987654323, 432109876, time.Date(2024, 11, 23, 12, 1, 0, 0, time.UTC), time.Date(2024, 11, 23, 12, 2, 0, 0, time.UTC), "203.0.113.7", nil, "9.0", "ok", nil, nil},
	}}, map[string][]string{"Sheet": {"C3", "D3", "C4", "C5", "D5"}})

	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.HeaderRows != 2 || pv.Format != importer.FormatSurveyMonkey || pv.Mapping[importer.FieldScore] != q ||
		pv.Mapping[importer.FieldDate] != "End Date" || pv.Mapping[importer.FieldExternalID] != "Respondent ID" || pv.DateAmbiguous {
		t.Fatalf("preview: header rows %d format %q mapping %v ambiguous %v", pv.HeaderRows, pv.Format, pv.Mapping, pv.DateAmbiguous)
	}
	if _, ok := pv.Mapping[importer.FieldClient]; ok {
		t.Errorf("the answer option Email mapped as the client: %v", pv.Mapping)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %v", res.Imported, res.Rejected, res.Rejects)
	}
	want := map[string]struct {
		at    time.Time
		score data.Score
	}{
		"114987654321": {time.Date(2024, 11, 21, 15, 6, 10, 0, time.UTC), 10},
		"114987654322": {time.Date(2024, 11, 22, 9, 20, 0, 0, time.UTC), 6},
		"114987654323": {time.Date(2024, 11, 23, 12, 2, 0, 0, time.UTC), 9},
	}
	for _, f := range stored(t, db) {
		w, ok := want[f.ExternalID]
		if !ok || !f.RespondedAt.Equal(w.at) || f.Score != w.score {
			t.Errorf("%s: %v score %d, want %v score %d", f.ExternalID, f.RespondedAt, f.Score, w.at, w.score)
		}
	}
}

// A workbook as a manager keeps it: a chart summary first, the answers on
// the second sheet under a title line, dates as Excel dates and as text,
// scores as numbers and as padded text, a total row at the bottom.
func TestRealWorldWorkbookSecondSheet(t *testing.T) {
	path := writeWorkbook(t, "Опрос NPS 2024.xlsx", []string{"Сводка", "Ответы"}, map[string][][]any{
		"Сводка": {{"NPS", 33}, {"Ответов", 5}},
		"Ответы": {
			{"Опрос клиентов, ноябрь 2024"},
			{},
			{"Дата", "Оценка", "Комментарий", "Канал", "Клиент"},
			{time.Date(2024, 11, 21, 10, 0, 0, 0, time.UTC), 9, "Отлично", "Телефон", "ООО Ромашка"},
			{"22.11.2024", " 10 ", "Текстом", "Чат", "ИП Иванов"},
			{time.Date(2024, 11, 23, 0, 0, 0, 0, time.UTC), 8.0, "Дробное число", "Почта", nil},
			{45620.5, "7,5", "Половинка", "Сайт", nil},
			{"Итого", 8.5, nil, nil, nil},
		},
	}, map[string][]string{"Ответы": {"A4", "A6"}})

	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Sheet != "Ответы" || pv.HeaderRows != 1 || pv.Mapping[importer.FieldDate] != "Дата" || pv.Mapping[importer.FieldScore] != "Оценка" ||
		pv.Mapping[importer.FieldClient] != "Клиент" || pv.DateLayout != "Excel date" {
		t.Fatalf("preview: sheet %q header rows %d mapping %v date %q", pv.Sheet, pv.HeaderRows, pv.Mapping, pv.DateLayout)
	}
	checkCodes(t, "preview warnings", pv.Warnings, []string{"import.warning.title_skipped"})
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 1 {
		t.Fatalf("imported %d rejected %d %v", res.Imported, res.Rejected, res.Rejects)
	}
	if r := res.Rejects[0]; r.Row != 7 || r.Column != "Оценка" || r.Value != "7,5" || r.Code != "import.reject.score_fraction" {
		t.Errorf("reject %+v", r)
	}
	checkCodes(t, "result warnings", res.Warnings, []string{"import.warning.title_skipped", "import.warning.summary_skipped"})
	checkRows(t, db, []rowWant{
		{key: "Отлично", at: utc(2024, 11, 21, 10, 0, 0), score: 9, channel: data.ChannelPhone, client: "ООО Ромашка"},
		{key: "Текстом", at: utc(2024, 11, 22, 0, 0, 0), score: 10, channel: data.ChannelChat, client: "ИП Иванов"},
		{key: "Дробное число", at: utc(2024, 11, 23, 0, 0, 0), score: 8, channel: data.ChannelEmail},
	})
}
