package importer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data"
	"caredesk/data/importer"
)

// A Yandex Forms export a manager reworked in Excel: a pivot of the
// answers by channel on the first sheet (longer than the answers, a row
// per channel and score), the answers on the second under a merged title,
// the header frozen and filtered, the e-mail column hidden. Dates are
// Excel date-times in the Russian "ДД.ММ.ГГГГ чч:мм" format (stored as
// [$-419]DD.MM.YYYY hh:mm), in the 12-hour "m/d/yyyy h:mm AM/PM" one, and
// typed as text; ids are text with leading zeros; scores numbers and
// text; a long comment; an answer without a date; a totals row with
// formulas closes the table. The dates have no zone: the department's
// (Moscow) applies.
func TestXLSXMoreSurveyReworkedInExcel(t *testing.T) {
	importer.SetClock(t, time.Date(2024, 12, 1, 9, 0, 0, 0, time.UTC))
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	b := newBook(t, "Сводная")
	b.sheet("Ответы")
	const ru, us = `[$-419]DD.MM.YYYY\ hh:mm`, `m/d/yyyy\ h:mm\ AM/PM`
	b.f.SetCellValue("Ответы", "A1", "Опрос NPS, ноябрь 2024 (Яндекс Формы)")
	if err := b.f.MergeCell("Ответы", "A1", "G1"); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Оператор помог, всё подробно объяснил. ", 400) // 16 000 characters
	b.rows("Ответы", "A2", map[int]string{1: ru},
		[]any{"ID ответа", "Время создания", "Оцените от 0 до 10, насколько вероятно, что вы порекомендуете нас", "Комментарий", "Канал", "Клиент", "Email"},
		[]any{"00012345", time.Date(2024, 11, 5, 14, 30, 0, 0, time.UTC), 9, "Быстро", "Телефон", "ООО «Ромашка»", "a@example.com"},
		[]any{"00012346", time.Date(2024, 11, 6, 9, 5, 0, 0, time.UTC), "9", "Текстом", "Чат"},
		[]any{"00012347", time.Date(2024, 11, 7, 23, 59, 0, 0, time.UTC), 10, long},
		[]any{"00012348", "08.11.2024 10:15", 3, "Дата текстом", nil, "ИП Иванов"},
		[]any{"00012349", time.Date(2024, 11, 9, 18, 45, 0, 0, time.UTC), 11, "Вне шкалы"},
		[]any{"00012350", "", 8, "Без даты"},
	)
	b.format("Ответы", "B4", us) // one row typed by an American colleague
	b.rows("Ответы", "A10", nil, []any{"Итого"})
	b.formula("Ответы", "C10", "AVERAGE(C3:C8)", 8.2)
	b.formula("Ответы", "D10", "COUNTA(D3:D8)", 6)
	if err := b.f.SetColVisible("Ответы", "G", false); err != nil {
		t.Fatal(err)
	}
	if err := b.f.SetPanes("Ответы", &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		t.Fatal(err)
	}
	if err := b.f.AutoFilter("Ответы", "A2:G8", nil); err != nil {
		t.Fatal(err)
	}
	// The pivot as Excel saves it: its definition and the cells it shows.
	if err := b.f.AddPivotTable(&excelize.PivotTableOptions{DataRange: "Ответы!A2:G8", PivotTableRange: "Сводная!A3:B40",
		Rows: []excelize.PivotTableField{{Data: "Канал"}, {Data: "Время создания"}}, Data: []excelize.PivotTableField{{Data: "Комментарий", Subtotal: "Count"}}}); err != nil {
		t.Fatal(err)
	}
	b.rows("Сводная", "A3", nil, []any{"Названия строк", "Количество"})
	for i := range 30 {
		b.rows("Сводная", "A"+itoa(4+i), nil, []any{"05.11.2024", 1})
	}
	b.rows("Сводная", "A34", nil, []any{"Общий итог", 30})
	path := b.save("Опрос NPS ноябрь.xlsx")

	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Sheet != "Ответы" || pv.Mapping[importer.FieldDate] != "Время создания" || pv.Mapping[importer.FieldExternalID] != "ID ответа" ||
		pv.Mapping[importer.FieldClient] != "Клиент" || pv.DateAmbiguous {
		t.Fatalf("preview: sheet %q mapping %v ambiguous %v", pv.Sheet, pv.Mapping, pv.DateAmbiguous)
	}
	db := openStore(t)
	opt := importer.Options{Location: msk, RejectsPath: "-"}
	res := importFile(t, db, path, opt)
	if res.Imported != 4 || res.Rejected != 2 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	q := "Оцените от 0 до 10, насколько вероятно, что вы порекомендуете нас"
	for i, w := range []struct {
		row         int
		column, val string
	}{{7, q, "11"}, {8, "Время создания", ""}} {
		if r := res.Rejects[i]; r.File != "Опрос NPS ноябрь.xlsx" || r.Row != w.row || r.Column != w.column || !strings.HasPrefix(r.Value, w.val) {
			t.Errorf("reject %d: %+v, want row %d column %q value %q", i, r, w.row, w.column, w.val)
		}
	}
	checkCodes(t, "warnings", res.Warnings, []string{"import.warning.title_skipped", "import.warning.summary_skipped"})
	want := map[string]struct {
		at      time.Time
		score   data.Score
		channel data.Channel
		client  string
	}{
		"00012345": {time.Date(2024, 11, 5, 14, 30, 0, 0, msk), 9, data.ChannelPhone, "ООО «Ромашка»"},
		"00012346": {time.Date(2024, 11, 6, 9, 5, 0, 0, msk), 9, data.ChannelChat, ""},
		"00012347": {time.Date(2024, 11, 7, 23, 59, 0, 0, msk), 10, "", ""},
		"00012348": {time.Date(2024, 11, 8, 10, 15, 0, 0, msk), 3, "", "ИП Иванов"},
	}
	got := stored(t, db)
	for _, f := range got {
		w, ok := want[f.ExternalID]
		if !ok {
			continue
		}
		if !f.RespondedAt.Equal(w.at) || f.Score != w.score || w.channel != "" && f.Channel != w.channel || f.ClientName != w.client {
			t.Errorf("%s: at %v score %d channel %q client %q, want %+v", f.ExternalID, f.RespondedAt, f.Score, f.Channel, f.ClientName, w)
		}
		if f.ExternalID == "00012347" && f.Comment != strings.TrimSpace(long) {
			t.Errorf("long comment stored as %d characters, want %d", len(f.Comment), len(strings.TrimSpace(long)))
		}
		delete(want, f.ExternalID)
	}
	if len(want) > 0 || len(got) != 4 {
		t.Errorf("%d stored, missing %v", len(got), want)
	}
	if again := importFile(t, db, path, opt); again.Imported != 0 {
		t.Errorf("re-import added %d", again.Imported)
	}
	if n, _ := db.CountFeedback(context.Background(), data.FeedbackFilter{}); n != 4 {
		t.Errorf("%d stored after re-import, want 4", n)
	}
}

// A summary that sums the answers with formulas, a row per score 0-10,
// is longer than a week's answers but narrower: the answers are imported.
func TestXLSXMoreSummarySheetLonger(t *testing.T) {
	b := newBook(t, "Summary")
	b.sheet("Responses")
	b.rows("Summary", "A1", nil, []any{"Score", "Answers"})
	for s := range 11 {
		b.rows("Summary", "A"+itoa(2+s), nil, []any{s})
		b.formula("Summary", "B"+itoa(2+s), `COUNTIF(Responses!C:C,A`+itoa(2+s)+`)`, 0)
	}
	b.rows("Summary", "A13", nil, []any{"Total"})
	b.formula("Summary", "B13", "SUM(B2:B12)", 3)
	b.rows("Responses", "A1", map[int]string{0: `m/d/yyyy\ h:mm\ AM/PM`},
		[]any{"Timestamp", "Email Address", "How likely are you to recommend us to a friend or colleague?", "What is the main reason for your score?"},
		[]any{time.Date(2024, 11, 5, 15, 3, 0, 0, time.UTC), "anna@example.com", 9, "Fast"},
		[]any{time.Date(2024, 11, 6, 0, 15, 0, 0, time.UTC), "bob@example.com", 2, "Slow"},
		[]any{time.Date(2024, 11, 7, 12, 0, 0, 0, time.UTC), "carl@example.com", 10, "Kind"},
	)
	path := b.save("NPS (Responses).xlsx")
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil || pv.Sheet != "Responses" {
		t.Fatalf("sheet %v, %v; want Responses", pv, err)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	at := byComment(t, db)["Slow"].RespondedAt
	if !at.Equal(time.Date(2024, 11, 6, 0, 15, 0, 0, time.UTC)) {
		t.Errorf("12:15 AM read as %v", at)
	}
}

// Excel for Mac before 2016 made workbooks in the 1904 date system: their
// serials count from 1904-01-01, 1462 days after the usual ones, and a
// reject shows the date the sheet does.
func TestXLSXMoreDate1904(t *testing.T) {
	importer.SetClock(t, time.Date(2024, 12, 1, 9, 0, 0, 0, time.UTC))
	b := newBook(t, "Sheet1")
	yes := true
	if err := b.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	b.rows("Sheet1", "A1", map[int]string{0: `dd.mm.yyyy\ hh:mm`},
		[]any{"Дата", "Оценка", "Комментарий"},
		[]any{time.Date(2024, 3, 5, 9, 15, 0, 0, time.UTC), 9, "Март"},
		[]any{time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC), 8, "Год с ошибкой"},
	)
	path := b.save("mac.xlsx")
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if res.Imported != 1 || res.Rejected != 1 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	if at := byComment(t, db)["Март"].RespondedAt; !at.Equal(time.Date(2024, 3, 5, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("1904 serial read as %v", at)
	}
	if r := res.Rejects[0]; r.Row != 3 || r.Column != "Дата" || r.Value != "2025-01-10 09:00" || r.Code != "import.reject.future_date" {
		t.Errorf("reject %+v", r)
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		if n /= 10; n == 0 {
			return s
		}
	}
}
