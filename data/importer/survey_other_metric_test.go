package importer_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"caredesk/data/importer"
)

// A service survey often asks the Customer Effort Score ("How easy was it
// to get your issue resolved?", answered 1-7) or satisfaction (CSAT)
// beside or instead of the recommendation. Such a column, the only one
// holding small whole numbers, was taken for the 0-10 score by its values
// and stored as NPS with no word of what it asks (its 6s and 7s pass for
// 0-10 answers). A header naming effort, ease or satisfaction asks
// another question: the file is refused saying so, and mapped by hand
// the column is imported with a warning. Beside a recommendation
// question it changes nothing. Answers made up.
func TestEffortAndSatisfactionAreNoNPS(t *testing.T) {
	for _, head := range []string{"CES", "Customer Effort Score", "How easy was it to get your issue resolved?",
		"Насколько легко было решить ваш вопрос?", "Насколько вы удовлетворены работой поддержки?", "CSAT (0-10)"} {
		t.Run(head, func(t *testing.T) {
			path := writeFile(t, "answers.csv", []byte(lines("Дата;"+head+";Комментарий",
				"05.11.2026;7;a", "06.11.2026;2;b", "07.11.2026;6;c", "08.11.2026;5;d")))
			db := openStore(t)
			_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
			var refused *importer.MessageError
			if !errors.Is(err, importer.ErrNoScoreColumn) || !errors.As(err, &refused) || refused.Code != "import.error.other_metric" || refused.Args["Column"] != head {
				t.Fatalf("import: %v (%+v), want the other_metric refusal naming %q", err, refused, head)
			}
			assertEmpty(t, db)
			res := importFile(t, db, path, importer.Options{RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: head}})
			if res.Imported != 4 {
				t.Fatalf("mapped by hand: imported %d, want 4", res.Imported)
			}
			if w := findWarning(t, res.Warnings, "import.warning.other_metric"); w.Args["Column"] != head {
				t.Errorf("warning names %v, want %q", w.Args["Column"], head)
			}
		})
	}
	// Beside the recommendation question, the effort question is left be.
	path := writeFile(t, "both.csv", []byte(lines("Дата;Насколько легко было решить ваш вопрос?;Насколько вероятно, что вы порекомендуете нас?",
		"05.11.2026;7;9", "06.11.2026;2;3", "07.11.2026;6;10")))
	res := importFile(t, openStore(t), path, importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || len(res.Warnings) != 0 {
		t.Errorf("with an NPS column: imported %d, warnings %v; want 3 and none", res.Imported, res.Warnings)
	}
}
