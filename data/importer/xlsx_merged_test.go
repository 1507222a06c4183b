package importer_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data"
	"caredesk/data/importer"
)

// merge merges each range "A1:B2" of refs as Excel does.
func (b *book) merge(sheet string, refs ...string) {
	b.t.Helper()
	for _, r := range refs {
		from, to, _ := strings.Cut(r, ":")
		if err := b.f.MergeCell(sheet, from, to); err != nil {
			b.t.Fatal(err)
		}
	}
}

// A manager's survey register with a two-level header: «Дата» and
// «Клиент» merged down over both header rows, «Оценка клиента» merged
// across the score and the comment named in the row below. One client
// is merged down over three answers, one date over two.
func TestXLSXMergedGroupHeadingRU(t *testing.T) {
	b := newBook(t, "Опрос")
	const dt = `dd.mm.yyyy\ hh:mm`
	b.rows("Опрос", "A1", nil,
		[]any{"Дата", "Оценка клиента", nil, "Клиент", "Канал"},
		[]any{nil, "Оценка", "Комментарий"},
	)
	b.rows("Опрос", "A3", map[int]string{0: dt},
		[]any{time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), 9, "Всё быстро", "ООО «Ромашка»", "Телефон"},
		[]any{time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC), 10, "Спасибо", nil, "Чат"},
		[]any{time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), 3, "Долго ждал", nil, "Email"},
		[]any{time.Date(2024, 3, 2, 9, 30, 0, 0, time.UTC), 7, "Нормально", "ИП Иванов", "Чат"},
		[]any{nil, 0, "Грубили", "ООО «Вектор»", "Телефон"},
	)
	b.merge("Опрос", "A1:A2", "B1:C1", "D1:D2", "E1:E2", "D3:D5", "A6:A7")
	path := b.save("Опрос март.xlsx")

	for _, headerRows := range []int{0, 2} { // detected, then as the wizard passes the preview's back
		pv, err := importer.Inspect(path, importer.Options{HeaderRows: headerRows})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Дата", "Оценка клиента - Оценка", "Оценка клиента - Комментарий", "Клиент", "Канал"}; pv.HeaderRows != 2 || !slices.Equal(pv.Columns, want) {
			t.Fatalf("header rows %d columns %q, want 2 and %q", pv.HeaderRows, pv.Columns, want)
		}
		if pv.Format != importer.FormatGeneric || pv.Mapping[importer.FieldScore] != "Оценка клиента - Оценка" || pv.Mapping[importer.FieldComment] != "Оценка клиента - Комментарий" ||
			pv.Mapping[importer.FieldDate] != "Дата" || pv.Mapping[importer.FieldClient] != "Клиент" || pv.Mapping[importer.FieldChannel] != "Канал" {
			t.Fatalf("format %q mapping %v", pv.Format, pv.Mapping)
		}
		// The preview shows the merged values in every row.
		if len(pv.Sample) != 5 || pv.Sample[1][3] != "ООО «Ромашка»" || pv.Sample[2][3] != "ООО «Ромашка»" || pv.Sample[4][0] != pv.Sample[3][0] {
			t.Errorf("sample %q", pv.Sample)
		}
	}

	db := openStore(t)
	opt := importer.Options{RejectsPath: "-"}
	res := importFile(t, db, path, opt)
	if res.Imported != 5 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	checkCodes(t, "warnings", res.Warnings, []string{"import.warning.merged_filled"})
	if w := res.Warnings[0]; w.Args["Ranges"] != "D3:D5, A6:A7" {
		t.Errorf("warning names %v, want D3:D5, A6:A7", w.Args["Ranges"])
	}
	want := map[string]struct {
		at      time.Time
		score   data.Score
		client  string
		channel data.Channel
	}{
		"Всё быстро": {time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), 9, "ООО «Ромашка»", data.ChannelPhone},
		"Спасибо":    {time.Date(2024, 3, 1, 11, 0, 0, 0, time.UTC), 10, "ООО «Ромашка»", data.ChannelChat},
		"Долго ждал": {time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), 3, "ООО «Ромашка»", data.ChannelEmail},
		"Нормально":  {time.Date(2024, 3, 2, 9, 30, 0, 0, time.UTC), 7, "ИП Иванов", data.ChannelChat},
		"Грубили":    {time.Date(2024, 3, 2, 9, 30, 0, 0, time.UTC), 0, "ООО «Вектор»", data.ChannelPhone},
	}
	got := byComment(t, db)
	for c, w := range want {
		f, ok := got[c]
		if !ok || !f.RespondedAt.Equal(w.at) || f.Score != w.score || f.ClientName != w.client || f.Channel != w.channel {
			t.Errorf("%q: %+v, want %+v", c, f, w)
		}
	}
	if len(got) != 5 {
		t.Errorf("%d stored, want 5", len(got))
	}
	if again := importFile(t, db, path, opt); again.Imported != 0 {
		t.Errorf("re-import added %d", again.Imported)
	}
}

// An English workbook: a report title merged across the table (skipped
// as a title, as before), "Date" and "Customer" merged down over the two
// header rows, "Customer feedback" merged over "Score | Comment". A
// totals row merged across its first columns closes the table.
func TestXLSXMergedGroupHeadingEN(t *testing.T) {
	b := newBook(t, "NPS")
	b.rows("NPS", "A1", nil,
		[]any{"NPS survey, Q1 2024"},
		[]any{"Date", "Customer feedback", nil, "Customer"},
		[]any{nil, "Score", "Comment"},
		[]any{"2024-01-15", 10, "Great support", "Acme Ltd"},
		[]any{"2024-01-16", 6, "Slow delivery", "Globex"},
		[]any{"2024-01-17", 8, nil, "Initech"},
		[]any{},
		[]any{"Average", nil, nil, nil},
	)
	b.formula("NPS", "B8", "AVERAGE(B4:B6)", 8)
	b.merge("NPS", "A1:D1", "A2:A3", "B2:C2", "D2:D3", "A8:C8")
	path := b.save("nps-q1.xlsx")

	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Date", "Customer feedback - Score", "Customer feedback - Comment", "Customer"}; pv.HeaderRows != 2 || !slices.Equal(pv.Columns, want) ||
		pv.Mapping[importer.FieldScore] != "Customer feedback - Score" || pv.Mapping[importer.FieldComment] != "Customer feedback - Comment" || pv.Mapping[importer.FieldDate] != "Date" ||
		pv.Mapping[importer.FieldClient] != "Customer" {
		t.Fatalf("header rows %d columns %q mapping %v", pv.HeaderRows, pv.Columns, pv.Mapping)
	}
	checkCodes(t, "preview warnings", pv.Warnings, []string{"import.warning.title_skipped"})

	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	checkCodes(t, "warnings", res.Warnings, []string{"import.warning.title_skipped", "import.warning.summary_skipped"})
	got := stored(t, db)
	scores := map[string]data.Score{}
	for _, f := range got {
		scores[f.ClientName] = f.Score
	}
	if len(got) != 3 || scores["Acme Ltd"] != 10 || scores["Globex"] != 6 || scores["Initech"] != 8 {
		t.Errorf("stored %+v", got)
	}
}

// Two groups with the same names under them: each column is shown with
// its group, so that the user tells them apart; the score is the first
// group's unless the user maps another, by the name shown.
func TestXLSXMergedGroupsRepeatNames(t *testing.T) {
	b := newBook(t, "Лист1")
	b.rows("Лист1", "A1", nil,
		[]any{"Дата", "Сервис", nil, "Доставка", nil},
		[]any{nil, "Оценка", "Комментарий", "Оценка", "Комментарий"},
		[]any{"05.03.2024", 9, "Вежливо", 4, "Опоздали"},
		[]any{"06.03.2024", 10, "Быстро", 8, "В срок"},
	)
	b.merge("Лист1", "A1:A2", "B1:C1", "D1:E1")
	path := b.save("Оценки.xlsx")

	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Дата", "Сервис - Оценка", "Сервис - Комментарий", "Доставка - Оценка", "Доставка - Комментарий"}
	if !slices.Equal(pv.Columns, want) || pv.Mapping[importer.FieldScore] != "Сервис - Оценка" || pv.Mapping[importer.FieldComment] != "Сервис - Комментарий" {
		t.Fatalf("columns %q mapping %v", pv.Columns, pv.Mapping)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: "Доставка - Оценка", importer.FieldComment: "Доставка - Комментарий"}})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	if got := byComment(t, db); got["Опоздали"].Score != 4 || got["В срок"].Score != 8 {
		t.Errorf("stored %+v", got)
	}
}

// A complaints register kept by hand: a merged title, one date and one
// «Ответственный» merged down over the complaints of a day, a client
// merged over two complaints, a description merged across the empty
// «Категория» beside it, and one merged over two complaints and across
// their categories (filled down, not across: the categories stay
// empty), the assignee's range drawn past the last complaint over
// bordered empty rows (which stay empty), a totals row merged across.
func TestXLSXMergedRegisterFillsDown(t *testing.T) {
	importer.SetClock(t, time.Date(2024, 4, 1, 9, 0, 0, 0, time.UTC))
	b := newBook(t, "Реестр")
	const dt = `dd.mm.yyyy\ hh:mm`
	b.rows("Реестр", "A1", nil, []any{"Реестр жалоб, март 2024"})
	b.rows("Реестр", "A2", map[int]string{1: dt},
		[]any{"№", "Дата", "Клиент", "Описание", "Категория", "Статус", "Ответственный"},
		[]any{1, time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC), "ООО «Ромашка»", "Опоздал курьер", "Доставка", "Закрыта", "Иванов"},
		[]any{2, nil, "ИП Петров", "Привезли не тот товар, просит замену", nil, "В работе"},
		[]any{3, nil, nil, "Грубый оператор", "Сервис", "Закрыта"},
		[]any{4, time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC), "ООО «Альфа»", "Долго ждали ответа", nil, "Новая", "Сидорова"},
		[]any{5, nil, "ООО «Бета»", nil, nil, "Закрыта"},
	)
	b.rows("Реестр", "A10", nil, []any{"Итого", nil, nil, nil, nil, 5})
	b.merge("Реестр", "A1:G1", "B3:B5", "G3:G5", "C4:C5", "D4:E4", "D6:E7", "B6:B7", "G6:G9", "A10:E10")
	border, err := b.f.NewStyle(&excelize.Style{Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.f.SetCellStyle("Реестр", "A8", "G9", border); err != nil {
		t.Fatal(err)
	}
	path := b.save("Реестр жалоб март.xlsx")

	got, res := importBook(t, path, importer.Options{}, 5, 0)
	checkCodes(t, "warnings", res.Warnings[:2], []string{"import.warning.title_skipped", "import.warning.merged_filled"})
	if !slices.ContainsFunc(res.Warnings, func(m importer.Message) bool { return m.Code == "import.warning.summary_skipped" }) {
		t.Errorf("the merged totals row was not skipped as one: %v", res.Warnings)
	}
	want := map[string]struct {
		opened             time.Time
		client, assignee   string
		category, descript string
	}{
		"1": {time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC), "ООО «Ромашка»", "Иванов", "Доставка", "Опоздал курьер"},
		"2": {time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC), "ИП Петров", "Иванов", "", "Привезли не тот товар, просит замену"},
		"3": {time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC), "ИП Петров", "Иванов", "Сервис", "Грубый оператор"},
		"4": {time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC), "ООО «Альфа»", "Сидорова", "", "Долго ждали ответа"},
		"5": {time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC), "ООО «Бета»", "Сидорова", "", "Долго ждали ответа"},
	}
	for id, w := range want {
		c, ok := got[id]
		if !ok {
			t.Errorf("complaint %s missing", id)
			continue
		}
		if !c.OpenedAt.Equal(w.opened) || c.ClientName != w.client || c.Assignee != w.assignee || c.Category != w.category ||
			c.Description != w.descript && c.Subject != w.descript {
			t.Errorf("complaint %s: opened %v client %q assignee %q category %q description %q, want %+v",
				id, c.OpenedAt, c.ClientName, c.Assignee, c.Category, c.Description, w)
		}
	}
}

// A cell merged from the header down into the data should not be there;
// the import reads on: its text is no row's value.
func TestXLSXMergedAcrossHeaderAndData(t *testing.T) {
	b := newBook(t, "Лист1")
	b.rows("Лист1", "A1", nil,
		[]any{"Дата", "Оценка", "Комментарий"},
		[]any{nil, 9, "Первый"},
		[]any{nil, 7, "Второй"},
		[]any{"07.03.2024", 10, "Третий"},
	)
	b.merge("Лист1", "A1:A3")
	path := b.save("Сломанный.xlsx")
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || res.Rejected != 2 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	for _, r := range res.Rejects {
		if r.Column != "Дата" || r.Value != "" || r.Code != "import.reject.date_missing" {
			t.Errorf("reject %+v, want a missing date", r)
		}
	}
	if got := byComment(t, db); got["Третий"].Score != 10 {
		t.Errorf("stored %+v", got)
	}
}

// SurveyMonkey's XLSX with its questions merged across their answer
// options and the respondent's fields merged down over both header rows:
// still read as SurveyMonkey's two rows, an option column no field, and
// the merges of the header not copied into the answers.
func TestXLSXMergedSurveyMonkeyHeader(t *testing.T) {
	q := "How likely is it that you would recommend us to a friend?"
	b := newBook(t, "Sheet")
	b.rows("Sheet", "A1", nil,
		[]any{"Respondent ID", "End Date", q, "How did you contact us?", nil, nil},
		[]any{nil, nil, "Response", "Phone", "Email", "Chat"},
		[]any{"1001", "2024-11-21 15:06:10", 10, "Phone", nil, nil},
		[]any{"1002", "2024-11-22 09:20:00", 6, nil, "Email", nil},
		[]any{"1003", "2024-11-23 12:02:00", 9, nil, nil, "Chat"},
	)
	b.merge("Sheet", "A1:A2", "B1:B2", "D1:F1")
	path := b.save("CareDesk NPS.xlsx")
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.HeaderRows != 2 || pv.Format != importer.FormatSurveyMonkey || pv.Mapping[importer.FieldScore] != q ||
		pv.Columns[4] != "How did you contact us? - Email" {
		t.Fatalf("header rows %d format %q columns %q mapping %v", pv.HeaderRows, pv.Format, pv.Columns, pv.Mapping)
	}
	if _, ok := pv.Mapping[importer.FieldClient]; ok {
		t.Errorf("the answer option Email mapped as the client: %v", pv.Mapping)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	checkCodes(t, "warnings", res.Warnings, nil)
}

// A one-row header with one name merged across two columns is no group
// heading, even over a first row without a number or a date: the row
// fills columns named in the header's own row.
func TestXLSXMergedWideHeaderCellIsNoGroup(t *testing.T) {
	b := newBook(t, "Жалобы")
	b.rows("Жалобы", "A1", nil,
		[]any{"Клиент", "Описание", nil, "Статус", "Дата"},
		[]any{"ООО «Ромашка»", "Курьер опоздал", nil, "Закрыта", "нет"},
		[]any{"ИП Петров", "Не тот товар", nil, "В работе", "05.03.2024 10:00"},
		[]any{"ООО «Вектор»", "Грубость", nil, "Новая", "06.03.2024 11:30"},
	)
	b.merge("Жалобы", "B1:C1", "B2:C2", "B3:C3", "B4:C4")
	path := b.save("Жалобы.xlsx")
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 1 || res.Rejects[0].Row != 2 || res.Rejects[0].Column != "Дата" {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	if got := storedTickets(t, db); len(got) != 2 {
		t.Errorf("stored %v", got)
	}
}

// A register whose «Решение» heads the resolution's «Дата | Ответственный
// | Статус» beside «Дата обращения» merged down over both header rows:
// the date under the group is no opening date (the header names that
// whole), and a complaint not yet resolved is no row without a date. In
// English, "Resolution" over "Date" reads as the resolution date.
func TestXLSXMergedRegisterGroups(t *testing.T) {
	importer.SetClock(t, time.Date(2024, 4, 1, 9, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		lang           string
		upper, lower   []any
		mapping        map[importer.Field]string
		opened, closed string // the columns mapped
	}{
		{"ru", []any{"№", "Дата обращения", "Описание", "Решение", nil, nil},
			[]any{nil, nil, nil, "Дата", "Ответственный", "Статус"},
			map[importer.Field]string{importer.FieldResolvedAt: "Решение - Дата"}, "Дата обращения", "Решение - Дата"},
		{"en", []any{"#", "Opened", "Description", "Resolution", nil, nil},
			[]any{nil, nil, nil, "Date", "Agent", "Status"},
			nil, "Opened", "Resolution - Date"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b := newBook(t, "Sheet1")
			b.rows("Sheet1", "A1", nil, tc.upper, tc.lower,
				[]any{101, "04.03.2024 09:00", "Опоздал курьер", "05.03.2024 12:00", "Иванов", "Закрыта"},
				[]any{102, "04.03.2024 10:00", "Не тот товар", nil, "Петрова", "В работе"},
			)
			b.merge("Sheet1", "A1:A2", "B1:B2", "C1:C2", "D1:F1")
			path := b.save("register-" + tc.lang + ".xlsx")
			detected, err := importer.InspectComplaints(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if detected.HeaderRows != 2 || detected.Mapping[importer.FieldOpened] != tc.opened {
				t.Fatalf("detected: header rows %d columns %q mapping %v", detected.HeaderRows, detected.Columns, detected.Mapping)
			}
			pv, err := importer.InspectComplaints(path, importer.Options{Mapping: tc.mapping})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Mapping[importer.FieldOpened] != tc.opened || pv.Mapping[importer.FieldResolvedAt] != tc.closed {
				t.Fatalf("mapped: columns %q mapping %v", pv.Columns, pv.Mapping)
			}
			got, _ := importBook(t, path, importer.Options{Mapping: tc.mapping}, 2, 0)
			done, open := got["101"], got["102"]
			if !done.OpenedAt.Equal(time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)) ||
				!done.Facts.ResolvedAt.Equal(time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)) || done.Assignee != "Иванов" {
				t.Errorf("resolved complaint: opened %v resolved %v assignee %q", done.OpenedAt, done.Facts.ResolvedAt, done.Assignee)
			}
			if !open.OpenedAt.Equal(time.Date(2024, 3, 4, 10, 0, 0, 0, time.UTC)) || !open.Facts.ResolvedAt.IsZero() || open.Status != data.StatusInProgress {
				t.Errorf("open complaint: opened %v resolved %v status %q", open.OpenedAt, open.Facts.ResolvedAt, open.Status)
			}
		})
	}
}
