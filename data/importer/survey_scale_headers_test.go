package importer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"caredesk/data/importer"
)

// A survey whose only rating column is headed on another scale than 0-10
// («Оценка (1-5)», "Rating 1-5") is refused saying so, not with the bare
// "no score column": the header is why none was found.
func TestScaleHeaderExplainsNoScore(t *testing.T) {
	for _, tc := range []struct {
		head, scale string
		rows        []string
	}{
		{"Оценка (1-5)", "1–5", []string{"05.03.2024;5;хорошо", "06.03.2024;3;так себе", "07.03.2024;1;плохо"}},
		{"Rating 1-5", "1–5", []string{"05.03.2024;4;good", "06.03.2024;2;bad"}},
		{"Оценка от 1 до 5", "1–5", []string{"05.03.2024;5;a", "06.03.2024;4;b"}},
		{"Оцените нас по шкале 0-5", "0–5", []string{"05.03.2024;0;a", "06.03.2024;5;b"}},
		{"Score (0-100)", "0–100", []string{"05.03.2024;85;a", "06.03.2024;40;b"}},
	} {
		t.Run(tc.head, func(t *testing.T) {
			path := writeFile(t, "csat.csv", []byte(lines(append([]string{"Дата;" + tc.head + ";Комментарий"}, tc.rows...)...)))
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			var refused *importer.MessageError
			if !errors.Is(err, importer.ErrNoScoreColumn) || !errors.As(err, &refused) || refused.Code != "import.error.scale_ratings" ||
				refused.Args["Column"] != tc.head || refused.Args["Scale"] != tc.scale {
				t.Fatalf("import: %v (%+v), want the scale_ratings refusal naming %q, %s", err, refused, tc.head, tc.scale)
			}
			assertEmpty(t, db)
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			findWarning(t, pv.Warnings, "import.error.scale_ratings")
		})
	}

	// Answers that do not fit the scale named are no reason to give:
	// the plain message stays.
	_, err := importer.ImportFeedback(context.Background(), openStore(t), writeFile(t, "odd.csv", []byte(lines("Дата;Оценка (1-5);Комментарий",
		"05.03.2024;9;a", "06.03.2024;7;b"))), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	var refused *importer.MessageError
	if !errors.Is(err, importer.ErrNoScoreColumn) || errors.As(err, &refused) && refused.Code == "import.error.scale_ratings" {
		t.Errorf("answers off the scale: %v", err)
	}

	// Beside a 0-10 question the 1-5 one is another question: imported.
	res := importFile(t, openStore(t), writeFile(t, "both.csv", []byte(lines("Дата;Оценка доставки (1-5);Насколько вероятно, что вы порекомендуете нас?",
		"05.03.2024;5;9", "06.03.2024;2;3"))), importer.Options{RejectsPath: "-"})
	if res.Imported != 2 {
		t.Errorf("with a 0-10 column: imported %d, want 2", res.Imported)
	}
}
