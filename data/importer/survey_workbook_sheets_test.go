package importer_test

import (
	"testing"
	"time"

	"caredesk/data/importer"
)

// Google Sheets adds a second responses sheet, "Form Responses 2"
// («Ответы на форму (2)» in Russian), when a form is linked to the
// spreadsheet again, and the first keeps the older answers (public Apps
// Script code reads "Form Responses 1" and "Form Responses 2" of one
// spreadsheet). Downloaded as XLSX, the workbook holds both; only the
// bigger was imported and the other's answers were left out unsaid. They
// are still not merged (a second sheet may hold another form's answers),
// but the import says which sheets to import as well. A summary sheet
// beside the answers (a score and its count, no dates) is no such sheet.
// Answers made up.
func TestOtherAnswerSheetsAreNamed(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	at := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 14, 3, 22, 0, time.UTC) }
	header := []any{"Отметка времени", "Насколько вероятно, что вы порекомендуете нас другу или коллеге?", "Почему вы поставили такую оценку?"}
	first, second := "Ответы на форму (1)", "Ответы на форму (2)"
	path := writeWorkbook(t, "Опрос NPS (Ответы).xlsx", []string{first, second, "Сводка"}, map[string][][]any{
		first: {header,
			{at(10, 5), 9, "Хорошо"}, {at(10, 6), 2, "Плохо"}, {at(10, 7), 7, "Так себе"}, {at(10, 8), 8, "Норм"}},
		second: {header,
			{at(11, 5), 10, "Супер"}, {at(11, 6), 6, "Дорого"}},
		"Сводка": {{"Оценка", "Количество"}, {2, 1}, {6, 1}, {7, 1}, {8, 1}, {9, 1}, {10, 1}},
	}, map[string][]string{first: {"A2", "A3", "A4", "A5"}, second: {"A2", "A3"}})
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 4 {
		t.Fatalf("imported %d, want the 4 answers of the bigger sheet", res.Imported)
	}
	w := findWarning(t, res.Warnings, "import.warning.other_sheets")
	if w.Args["Sheet"] != first || w.Args["Sheets"] != `"`+second+`"` {
		t.Errorf("warning %+v, want it to name %q imported and %q left", w, first, second)
	}
	// The other sheet imports by name.
	res = importFile(t, db, path, importer.Options{RejectsPath: "-", Sheet: second})
	if res.Imported != 2 {
		t.Errorf("--sheet %s: imported %d, want 2", second, res.Imported)
	}

	// Answers and a summary only: nothing to say.
	path = writeWorkbook(t, "NPS.xlsx", []string{first, "Сводка"}, map[string][][]any{
		first:    {header, {at(10, 5), 9, "Хорошо"}, {at(10, 6), 2, "Плохо"}, {at(10, 7), 7, ""}},
		"Сводка": {{"Оценка", "Количество"}, {2, 1}, {7, 1}, {9, 1}},
	}, map[string][]string{first: {"A2", "A3", "A4"}})
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range pv.Warnings {
		if m.Code == "import.warning.other_sheets" {
			t.Errorf("a summary sheet named as answers: %+v", m)
		}
	}
}
