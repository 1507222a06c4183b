package importer_test

import (
	"testing"
	"time"

	"caredesk/data/importer"
)

// A Google Form made a quiz writes its total points as "Score" after
// "Timestamp" and "Email Address": "4 / 5", "28.00 / 30", or a bare "0"
// when no question earns points (public Google Forms exports show all
// three). "Score" named the NPS score exactly, so a quiz worth 10 points
// ("7 / 10") or none ("0") had its totals imported as the answers, every
// respondent a detractor, while the recommendation question was left
// out. In a Google Forms export "Score" is the quiz's total: the score
// is the recommendation question's. Answers made up.
func TestGoogleFormsQuizScoreIsNoNPS(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	at := func(d int) time.Time { return time.Date(2026, 11, d, 14, 3, 22, 0, time.UTC) }
	for _, tc := range []struct {
		name   string
		totals []any
	}{
		{"no points", []any{0, 0, 0}},
		{"ten points", []any{"7 / 10", "10 / 10", "3 / 10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sheet := "Form Responses 1"
			path := writeWorkbook(t, "Feedback (Responses).xlsx", []string{sheet}, map[string][][]any{sheet: {
				{"Timestamp", "Email Address", "Score", "How likely are you to recommend us to a friend or colleague?", "What is the main reason for your score?"},
				{at(5), "anna@example.com", tc.totals[0], 9, "Fast"},
				{at(6), "bob@example.com", tc.totals[1], 2, "Slow"},
				{at(7), "carl@example.com", tc.totals[2], 7, "Fine"},
			}}, map[string][]string{sheet: {"A2", "A3", "A4"}})
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := pv.Mapping[importer.FieldScore]; got != "How likely are you to recommend us to a friend or colleague?" {
				t.Errorf("score read from %q, want the recommendation question (mapping %v)", got, pv.Mapping)
			}
			checkToolImport(t, path, []moreToolRow{{"Fast", 9, at(5), ""}, {"Slow", 2, at(6), ""}, {"Fine", 7, at(7), ""}}, 0, nil)
		})
	}
}
