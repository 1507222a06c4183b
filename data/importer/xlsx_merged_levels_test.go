package importer_test

import (
	"slices"
	"testing"
	"time"

	"caredesk/data/importer"
)

// A lone group heading — «Оценка клиента» merged over the score and the
// comment, every other name in the row below — is the header's first
// row, not a title to skip with a warning; a title above it still is one,
// and a title merged over all the names stays a title.
func TestXLSXMergedLoneGroupHeading(t *testing.T) {
	const dt = `dd.mm.yyyy\ hh:mm`
	for _, tc := range []struct {
		name   string
		title  bool // a title row above the heading
		merges []string
		want   []string
		titles string // the title warning's text, "" for none
	}{
		{"lone heading", false, []string{"B1:C1"},
			[]string{"Дата", "Оценка клиента - Оценка", "Оценка клиента - Комментарий", "Клиент"}, ""},
		{"title above", true, []string{"B2:C2"},
			[]string{"Дата", "Оценка клиента - Оценка", "Оценка клиента - Комментарий", "Клиент"}, "Опрос клиентов, март 2024"},
		{"title over all", false, []string{"A1:D1"},
			[]string{"Дата", "Оценка", "Комментарий", "Клиент"}, "Оценка клиента"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t, "Опрос")
			heading := []any{nil, "Оценка клиента", nil, nil}
			if tc.name == "title over all" {
				heading = []any{"Оценка клиента", nil, nil, nil}
			}
			rows := [][]any{heading, {"Дата", "Оценка", "Комментарий", "Клиент"}}
			if tc.title {
				rows = append([][]any{{"Опрос клиентов, март 2024"}}, rows...)
			}
			b.rows("Опрос", "A1", nil, rows...)
			first := "A" + string(rune('1'+len(rows)))
			b.rows("Опрос", first, map[int]string{0: dt},
				[]any{time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), 9, "Всё быстро", "ООО «Ромашка»"},
				[]any{time.Date(2024, 3, 2, 11, 30, 0, 0, time.UTC), 3, "Долго ждал", "ИП Иванов"},
			)
			b.merge("Опрос", tc.merges...)
			path := b.save("опрос.xlsx")
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(pv.Columns, tc.want) || pv.Mapping[importer.FieldScore] != tc.want[1] || pv.Mapping[importer.FieldComment] != tc.want[2] {
				t.Fatalf("columns %q mapping %v, want %q", pv.Columns, pv.Mapping, tc.want)
			}
			var titles []string
			for _, w := range pv.Warnings {
				if w.Code == "import.warning.title_skipped" {
					titles = append(titles, w.Args["Text"].(string))
				}
			}
			if want := []string{tc.titles}; tc.titles == "" && len(titles) > 0 || tc.titles != "" && !slices.Equal(titles, want) {
				t.Errorf("title warnings %q, want %q", titles, tc.titles)
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-", HeaderRows: pv.HeaderRows})
			if res.Imported != 2 || res.Rejected != 0 {
				t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
			}
			got := byComment(t, db)
			if f := got["Долго ждал"]; f.Score != 3 || !f.RespondedAt.Equal(time.Date(2024, 3, 2, 11, 30, 0, 0, time.UTC)) {
				t.Errorf("stored %+v", f)
			}
		})
	}
}

// A header of three levels: «Результаты опроса» over «Готовность
// рекомендовать» and «Удовлетворённость», each over its «Балл» and
// «Комментарий»; «Дата» and «Клиент» merged down over the three rows.
// The names carry both groups, the 0-10 question's «Балл» is the score,
// and no header row is read as an answer.
func TestXLSXMergedThreeLevelHeader(t *testing.T) {
	b := newBook(t, "NPS")
	b.rows("NPS", "A1", nil,
		[]any{"Дата", "Клиент", "Результаты опроса", nil, nil, nil},
		[]any{nil, nil, "Готовность рекомендовать", nil, "Удовлетворённость", nil},
		[]any{nil, nil, "Балл", "Комментарий", "Балл", "Комментарий"},
	)
	b.rows("NPS", "A4", map[int]string{0: `dd.mm.yyyy\ hh:mm`},
		[]any{time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), "ООО «Ромашка»", 9, "Всё быстро", 5, "Вежливо"},
		[]any{time.Date(2024, 3, 2, 11, 30, 0, 0, time.UTC), "ИП Иванов", 2, "Долго ждал", 1, "Грубо"},
		[]any{time.Date(2024, 3, 3, 9, 0, 0, 0, time.UTC), "ООО «Вектор»", 7, "Нормально", 4, "Хорошо"},
	)
	b.merge("NPS", "A1:A3", "B1:B3", "C1:F1", "C2:D2", "E2:F2")
	path := b.save("nps.xlsx")
	want := []string{"Дата", "Клиент",
		"Результаты опроса - Готовность рекомендовать - Балл", "Результаты опроса - Готовность рекомендовать - Комментарий",
		"Результаты опроса - Удовлетворённость - Балл", "Результаты опроса - Удовлетворённость - Комментарий"}
	for _, headerRows := range []int{0, 3} { // detected, then as the wizard passes the preview's back
		pv, err := importer.Inspect(path, importer.Options{HeaderRows: headerRows})
		if err != nil {
			t.Fatal(err)
		}
		if pv.HeaderRows != 3 || !slices.Equal(pv.Columns, want) {
			t.Fatalf("header rows %d columns %q, want 3 and %q", pv.HeaderRows, pv.Columns, want)
		}
		if pv.Mapping[importer.FieldScore] != want[2] || pv.Mapping[importer.FieldDate] != "Дата" || pv.Mapping[importer.FieldClient] != "Клиент" {
			t.Fatalf("mapping %v", pv.Mapping)
		}
		if len(pv.Sample) != 3 || pv.Sample[0][2] != "9" {
			t.Errorf("sample %q", pv.Sample)
		}
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	for comment, score := range map[string]int{"Всё быстро": 9, "Долго ждал": 2, "Нормально": 7} {
		if f, ok := got[comment]; !ok || int(f.Score) != score || f.ClientID == 0 {
			t.Errorf("%q: stored %+v, want score %d and a client", comment, f, score)
		}
	}
}
