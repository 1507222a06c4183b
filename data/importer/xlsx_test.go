package importer_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data"
	"caredesk/data/importer"
)

func TestImportXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	// The first sheet is a short summary; the responses are on the
	// second, longer one.
	f.SetSheetName("Sheet1", "Summary")
	f.SetCellValue("Summary", "A1", "NPS")
	f.SetCellValue("Summary", "A2", 42)
	if _, err := f.NewSheet("Responses"); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yy: shown without the time
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Дата", "Оценка", "Комментарий", "ID"},
		{time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC), 9, "Отлично", "x-1"},
		{45357.75, 4, "Serial with a date format", "x-2"},
		{"31.07.2018", "N/A", "Date typed as text", "x-3"},
		{time.Date(2024, 3, 7, 9, 0, 0, 0, time.UTC), 12, "Out of range", "x-4"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Responses", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellStyle("Responses", "A3", "A3", style)
	path := filepath.Join(t.TempDir(), "survey.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Sheet != "Responses" || pv.Mapping[importer.FieldDate] != "Дата" || pv.Mapping[importer.FieldScore] != "Оценка" || pv.Mapping[importer.FieldExternalID] != "ID" {
		t.Fatalf("preview sheet %q mapping %v", pv.Sheet, pv.Mapping)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 1 || res.Rejects[0].Row != 5 || res.Rejects[0].Column != "Оценка" {
		t.Fatalf("imported %d rejected %d %v", res.Imported, res.Rejected, res.Rejects)
	}
	want := map[string]struct {
		at    time.Time
		score data.Score
	}{
		"x-1": {time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC), 9},
		"x-2": {time.Date(2024, 3, 6, 18, 0, 0, 0, time.UTC), 4},
		"x-3": {time.Date(2018, 7, 31, 0, 0, 0, 0, time.UTC), data.NoScore},
	}
	for _, fb := range stored(t, db) {
		w, ok := want[fb.ExternalID]
		if !ok || !fb.RespondedAt.Equal(w.at) || fb.Score != w.score {
			t.Errorf("%s: %v score %d, want %v score %d", fb.ExternalID, fb.RespondedAt, fb.Score, w.at, w.score)
		}
	}
}
