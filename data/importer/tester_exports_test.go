package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Exports testers built as real tools write them, for the gaps they
// found in the importer.

// Typeform writes partial responses (the form left before the end) with
// an empty "Submit Date (UTC)": they are dated by their start, while a
// submitted response keeps its submit date.
func TestTypeformPartialResponsesDatedByStart(t *testing.T) {
	path := writeFile(t, "responses-partial.csv", []byte(lines(
		`#,"How likely are you to recommend us?",Why?,Start Date (UTC),Submit Date (UTC),Network ID`,
		"a1,9,done,2026-10-01 10:00:00,2026-10-01 10:04:00,n1",
		"a2,4,left early,2026-10-02 11:30:00,,n2",
		"a3,7,no dates,,,n3",
	)))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 1 || res.Rejects[0].Row != 4 || res.Rejects[0].Column != "Submit Date (UTC)" ||
		res.Rejects[0].Code != "import.reject.date_missing" {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	for comment, at := range map[string]time.Time{"done": utc(2026, 10, 1, 10, 4, 0), "left early": utc(2026, 10, 2, 11, 30, 0)} {
		if fb := got[comment]; !fb.RespondedAt.Equal(at) {
			t.Errorf("%q dated %v, want %v", comment, fb.RespondedAt, at)
		}
	}
	if got["left early"].Score != data.Score(4) {
		t.Errorf("partial response score %d", got["left early"].Score)
	}
}
