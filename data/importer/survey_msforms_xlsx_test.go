package importer_test

import (
	"testing"
	"time"

	"caredesk/data/importer"
)

// Microsoft Forms exports its responses as a workbook only: "ID", "Start
// time", "Completion time", "Email", "Name", "Last modified time" (newer
// forms), then the questions; the times are Excel date-times. A form
// anyone may answer records no one: its "Email" says "anonymous" on every
// row and "Name" is empty, as public exports of such forms show ("2449,
// 11/7/2025 16:42:31,11/7/2025 16:46:31,anonymous,,…"). Taken for the
// client, "anonymous" made every answer one client's. In a Russian
// account the same columns are «ИД», «Время начала», «Время
// завершения», «Адрес электронной почты», «Имя», «Время последнего
// изменения»: the answer is dated by its completion, not its start.
// Answers and times made up.
func TestMicrosoftFormsWorkbook(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	at := func(d, h, m, s int) time.Time { return time.Date(2026, 11, d, h, m, s, 0, time.UTC) }
	dates := []string{"B2", "C2", "B3", "C3", "B4", "C4"}
	for _, tc := range []struct {
		name   string
		header []any
		texts  [3]string
	}{
		{"English", []any{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
			"How likely are you to recommend our support to a friend or colleague?", "Please tell us why"},
			[3]string{"Quick answer", "Slow", "Great"}},
		{"Russian", []any{"ИД", "Время начала", "Время завершения", "Адрес электронной почты", "Имя", "Время последнего изменения",
			"Насколько вероятно, что вы порекомендуете нашу поддержку друзьям или коллегам?", "Почему вы поставили такую оценку?"},
			[3]string{"Быстро ответили", "Долго", "Отлично"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeWorkbook(t, "Опрос NPS(1-3).xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": {
				tc.header,
				{1, at(5, 14, 1, 10), at(5, 14, 3, 22), "anonymous", nil, nil, 9, tc.texts[0]},
				{2, at(6, 9, 10, 0), at(6, 9, 15, 0), "anonymous", nil, nil, 3, tc.texts[1]},
				{3, at(7, 17, 58, 0), at(7, 18, 0, 41), "anonymous", nil, nil, 10, tc.texts[2]},
			}}, map[string][]string{"Sheet1": dates})
			checkToolImport(t, path, []moreToolRow{
				{tc.texts[0], 9, at(5, 14, 3, 22), ""},
				{tc.texts[1], 3, at(6, 9, 15, 0), ""},
				{tc.texts[2], 10, at(7, 18, 0, 41), ""},
			}, 0, nil)
			db := openStore(t)
			importFile(t, db, path, importer.Options{})
			for _, f := range stored(t, db) {
				if f.ClientName != "" || f.ClientID != 0 {
					t.Errorf("%q: client %q (#%d), want none: \"anonymous\" names no one", f.Comment, f.ClientName, f.ClientID)
				}
			}
		})
	}
}

// Microsoft Forms numbers a form's responses 1, 2, 3… in "ID", and a form
// copied for the next month («Опрос NPS — декабрь») numbers its own from 1
// again under the same headers. Taken for ids, December's answers were
// skipped as copies of November's. Numbers that only count the rows are
// no ids (as a register's «№ п/п» is not): the answers are told apart by
// their content, and each month's are imported, once.
func TestMicrosoftFormsCopiedFormIDs(t *testing.T) {
	importer.SetClock(t, time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC))
	header := []any{"ID", "Start time", "Completion time", "Email", "Name",
		"How likely are you to recommend our support to a friend or colleague?", "Please tell us why"}
	book := func(m time.Month, texts ...string) string {
		rows := [][]any{header}
		for i, c := range texts {
			at := time.Date(2026, m, 5+i, 14, 3, 22, 0, time.UTC)
			rows = append(rows, []any{i + 1, at.Add(-2 * time.Minute), at, "anonymous", nil, 9 - 3*i, c})
		}
		return writeWorkbook(t, "Опрос NPS(1-3).xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": rows},
			map[string][]string{"Sheet1": {"B2", "C2", "B3", "C3", "B4", "C4"}})
	}
	db := openStore(t)
	nov, dec := book(time.November, "Quick", "Slow", "Rude"), book(time.December, "Better", "Same", "Worse")
	if res := importFile(t, db, nov, importer.Options{RejectsPath: "-"}); res.Imported != 3 {
		t.Fatalf("November: imported %d, want 3", res.Imported)
	} else {
		findWarning(t, res.Warnings, "import.warning.row_numbers")
	}
	if res := importFile(t, db, dec, importer.Options{RejectsPath: "-"}); res.Imported != 3 || res.Duplicates != 0 {
		t.Errorf("December's copy: imported %d, duplicates %d; want 3 and 0", res.Imported, res.Duplicates)
	}
	checkReimport(t, db, nov, importer.Options{RejectsPath: "-"}, 3)
}
