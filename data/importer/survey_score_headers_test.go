package importer_test

import (
	"testing"

	"caredesk/data/importer"
)

// The score question as Russian and English surveys head it: a header
// naming NPS, «посоветуете» or a 0-10 scale is the score when its values
// are scores; one naming another scale (1-5, 0-100) never is.
func TestScoreQuestionHeaders(t *testing.T) {
	rows := "\n05.03.2024;7;a\n06.03.2024;10;b\n07.03.2024;3;c\n"
	for _, h := range []string{
		"Оцените по шкале от 0 до 10 вероятность того, что вы посоветуете нас друзьям",
		"Посоветуете ли вы нас друзьям?",
		"Индекс NPS",
		"NPS-оценка",
		"Оценка по шкале 0–10",
		"Q1. Оцените нас от 0 до 10",
		"Готовность рекомендовать",
		"Likelihood to recommend (0-10)",
	} {
		pv, err := importer.Inspect(writeFile(t, "nps.csv", []byte("Дата;"+h+";Комментарий"+rows)), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if pv.Mapping[importer.FieldScore] != h {
			t.Errorf("%q: mapping %v", h, pv.Mapping)
		}
	}
	for _, h := range []string{"Оценка (1-5)", "Оценка от 1 до 5", "Score (0-100)"} {
		pv, err := importer.Inspect(writeFile(t, "csat.csv", []byte("Дата;"+h+";Комментарий"+rows)), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := pv.Mapping[importer.FieldScore]; ok {
			t.Errorf("%q: %q taken for the 0-10 score", h, got)
		}
	}
	// The recommendation question goes before a 0-10 question beside it.
	q := "Насколько вероятно, что вы порекомендуете нас?"
	pv, err := importer.Inspect(writeFile(t, "two.csv", []byte("Дата;Оцените скорость доставки от 0 до 10;"+q+";Комментарий"+
		"\n05.03.2024;9;7;a\n06.03.2024;8;10;b\n")), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldScore] != q {
		t.Errorf("score column %q, want %q", pv.Mapping[importer.FieldScore], q)
	}
}
