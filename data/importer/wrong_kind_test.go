package importer_test

import (
	"context"
	"errors"
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// A survey export offered as tickets is refused, not stored as a complaint
// per answer, and the preview says so; once a ticket column is chosen the
// file imports. A ticket export offered as survey answers is refused with
// its own reason.
func TestEachImportRefusesTheOtherKind(t *testing.T) {
	db := openStore(t)
	survey := copyFixture(t, "tally_nps.csv")
	_, err := importer.ImportComplaints(context.Background(), db, survey, importer.Options{RejectsPath: "-"}, nil)
	var why *importer.MessageError
	if !errors.Is(err, importer.ErrSurveyAnswers) || !errors.As(err, &why) || why.Message.Args["Column"] == nil {
		t.Fatalf("survey answers as tickets: %v, want ErrSurveyAnswers naming the score column", err)
	}
	assertNoComplaints(t, db)
	pv, err := importer.InspectComplaints(survey, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	findWarning(t, pv.Warnings, "import.error.survey_answers")
	// With a ticket column chosen by hand the file is the user's call.
	res := importTickets(t, db, survey, importer.Options{RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldCategory: "Respondent ID"}})
	if res.Imported == 0 {
		t.Errorf("with a ticket column chosen: imported %d", res.Imported)
	}

	tickets := copyFixture(t, "zendesk_tickets.csv")
	_, err = importer.ImportFeedback(context.Background(), db, tickets, importer.Options{RejectsPath: "-"}, nil)
	if !errors.Is(err, importer.ErrTicketExport) {
		t.Fatalf("tickets as survey answers: %v, want ErrTicketExport", err)
	}
	if n, _ := db.CountFeedback(context.Background(), data.FeedbackFilter{}); n != 0 {
		t.Errorf("%d responses stored from a ticket export", n)
	}
}

// Kind sends a ticket export to the complaint import and anything else,
// an unreadable file too, to the survey import (whose wizard says why).
func TestKindOfFile(t *testing.T) {
	for file, want := range map[string]string{
		"zendesk_tickets.csv": importer.KindComplaints, "nyc311_requests.csv": importer.KindComplaints,
		"tally_nps.csv": importer.KindFeedback, "hubspot_nps.csv": importer.KindFeedback,
	} {
		if got := importer.Kind(copyFixture(t, file), importer.Options{}); got != want {
			t.Errorf("%s: %s, want %s", file, got, want)
		}
	}
	if got := importer.Kind(writeFile(t, "empty.csv", nil), importer.Options{}); got != importer.KindFeedback {
		t.Errorf("an empty file: %s, want feedback", got)
	}
}
