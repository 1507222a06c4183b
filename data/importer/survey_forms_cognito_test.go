package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Cognito Forms exports entries to Excel under its fields' internal names:
// the labels run together ("HowLikelyIsItThatYouWouldRecommendUs…"), a
// "<Form>_Id" column first and "Entry_Status", "Entry_DateCreated",
// "Entry_DateSubmitted", "Entry_DateUpdated" last. Documented by the code
// of several public projects that read these exports (dates as Excel
// date-times, "M/D/YYYY H:MM AM" as text); the rows are made up and the
// zone (the organisation's, read as the department's) is assumed.
//
// The entry is dated when submitted, not when started; its "_Id" names
// the form, so it is no comment for holding "Feedback"; an incomplete
// entry has no submission date and is rejected for it.
func TestCognitoFormsExport(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	path := writeWorkbook(t, "CustomerFeedback.xlsx", []string{"CustomerFeedback"}, map[string][][]any{"CustomerFeedback": {
		{"CustomerFeedback_Id", "Name_First", "Name_Last", "Email", "HowLikelyIsItThatYouWouldRecommendUsToAFriendOrColleague",
			"WhatIsTheMainReasonForYourScore", "Entry_Status", "Entry_DateCreated", "Entry_DateSubmitted", "Entry_DateUpdated"},
		{1, "Anna", "Smith", "anna@example.com", 9, "Fast", "Submitted", at(5, 14, 1), at(5, 14, 3), at(5, 14, 3)},
		{2, "Bob", "Roy", "bob@example.com", 2, "Slow, \"rude\"\nand late", "Submitted", at(6, 9, 10), at(6, 9, 15), at(7, 9, 15)},
		{4, "Dana", "Lee", "dana@example.com", nil, "No number", "Submitted", at(7, 11, 0), at(7, 11, 2), at(7, 11, 2)},
		{5, "Carl", "", "", 7, "", "Incomplete", at(7, 18, 0), nil, at(7, 18, 0)},
	}}, map[string][]string{"CustomerFeedback": {"H2", "I2", "J2", "H3", "I3", "J3", "H4", "I4", "J4", "H5", "J5"}})
	pv, err := importer.Inspect(path, importer.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldDate] != "Entry_DateSubmitted" || pv.Mapping[importer.FieldComment] != "WhatIsTheMainReasonForYourScore" {
		t.Errorf("mapping %v: want the date from Entry_DateSubmitted and the comment from the reason question", pv.Mapping)
	}
	checkToolImport(t, path, []moreToolRow{
		{"Fast", 9, at(5, 14, 3), ""},
		{"Slow, \"rude\"\nand late", 2, at(6, 9, 15), ""},
		{"No number", data.NoScore, at(7, 11, 2), ""},
	}, 1, nil)
}

// "Feedback ID" is the id of a feedback, not the feedback.
func TestFeedbackIDIsNoComment(t *testing.T) {
	path := writeFile(t, "f.csv", []byte(lines("Feedback ID,Date,Score,Why did you give this score?", "fb-1,2026-11-05,9,Quick")))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldComment] != "Why did you give this score?" {
		t.Errorf("comment from %q", pv.Mapping[importer.FieldComment])
	}
}
