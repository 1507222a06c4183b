package importer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"caredesk/data/importer"
)

// Russian forms name a rating's scale by its points rather than its
// range: «…оценивается по 5-балльной шкале, где 1 — … 5 — …», as a
// public course-evaluation form words it, and a CES question «…по
// 7-балльной шкале»; English ones say "on a 7-point scale". Read as no
// scale at all, a 1-7 ease question, the form's only numbers, was taken
// for the 0-10 score by its values (its 6s and 7s pass for 0-10
// answers), and «Оценка (по 5-балльной шкале)» by the header «Оценка»:
// both stored as NPS scores. Such headers name their scale like
// «Оценка (1-5)»: the file is refused saying so. An 11-point scale is
// 0-10 and a 10-point one tops at 10: still scores. Answers made up; the
// sheet is a Google Forms download («Ответы на форму (1)»).
func TestPointScaleHeaders(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	at := func(d int) time.Time { return time.Date(2026, 11, d, 14, 3, 22, 0, time.UTC) }
	sheet := "Ответы на форму (1)"
	book := func(t *testing.T, head string, scores ...int) string {
		rows := [][]any{{"Отметка времени", head, "Что нам улучшить?"}}
		for i, s := range scores {
			rows = append(rows, []any{at(i + 2), s, "ответ"})
		}
		return writeWorkbook(t, "Опрос (Ответы).xlsx", []string{sheet}, map[string][][]any{sheet: rows}, map[string][]string{sheet: {"A2", "A3", "A4", "A5"}})
	}
	for _, tc := range []struct {
		head, scale string
		scores      []int
	}{
		{"Насколько легко было решить ваш вопрос? Оцените по 7-балльной шкале", "1–7", []int{7, 6, 2, 5}},
		{"Оценка (по 5-балльной шкале)", "1–5", []int{5, 4, 2, 5}},
		{"Оцените работу оператора по пятибалльной шкале", "1–5", []int{5, 4, 2, 5}},
		{"How easy was it to get your issue resolved? (7-point scale)", "1–7", []int{7, 3, 6, 1}},
	} {
		t.Run(tc.head, func(t *testing.T) {
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, book(t, tc.head, tc.scores...), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			var refused *importer.MessageError
			if !errors.Is(err, importer.ErrNoScoreColumn) || !errors.As(err, &refused) || refused.Code != "import.error.scale_ratings" ||
				refused.Args["Column"] != tc.head || refused.Args["Scale"] != tc.scale {
				t.Fatalf("import: %v (%+v), want the scale_ratings refusal naming %q, %s", err, refused, tc.head, tc.scale)
			}
			assertEmpty(t, db)
		})
	}
	for _, head := range []string{"Оцените нас по 11-балльной шкале", "Оцените нас по 10-балльной шкале"} {
		t.Run(head, func(t *testing.T) {
			if res := importFile(t, openStore(t), book(t, head, 9, 0, 10, 6), importer.Options{RejectsPath: "-"}); res.Imported != 4 {
				t.Errorf("imported %d, want 4", res.Imported)
			}
		})
	}
}
