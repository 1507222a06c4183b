package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Alchemer (formerly SurveyGizmo) CSV export: "Response ID", "Time
// Started", "Date Submitted", "Status" (Complete, Partial or Disqualified,
// the values its API documents for a response's status), the respondent's
// metadata, then the questions. Partial and disqualified responses are
// imported like the other tools' partial answers, a partial one without
// "Date Submitted" dated by "Time Started". Alchemer's API documents its
// dates as US Eastern (EST/EDT); what zone its CSV export writes is not
// documented, so the dates are read in the department's zone (here
// Moscow), and a "Time zone" column would say otherwise row by row.
func TestAlchemerStatusesAndZone(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "20261109100000-SurveyExport.csv", []byte(lines(
		`"Response ID","Time Started","Date Submitted","Status","Contact ID","Legacy Comments","Comments","Language","Referer","SessionID","User Agent","Tags","IP Address","Longitude","Latitude","Country","City","State/Region","Postal","How likely are you to recommend Acme to a friend or colleague?","What is the primary reason for your score?"`,
		`"11","2026-11-05 14:01:02","2026-11-05 14:03:22","Complete","","","","English","","1699190462_65478","Mozilla/5.0","","203.0.113.5","","","","","","","9","Quick answers"`,
		`"12","2026-11-06 09:10:11","2026-11-06 09:15:00","Partial","","","called back","English","","1699261811_65479","Mozilla/5.0","","203.0.113.6","","","","","","","3","Too slow"`,
		`"13","2026-11-07 17:58:00","","Partial","","","","English","","1699379880_65480","Mozilla/5.0","","203.0.113.7","","","","","","","6","Left early"`,
		`"14","2026-11-08 08:29:00","2026-11-08 08:30:05","Disqualified","","","","English","","1699421340_65481","Mozilla/5.0","","203.0.113.8","","","","","","","10","Not our client"`,
	)))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: msk, RejectsPath: "-"})
	if res.Imported != 4 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d, want 4 and 0: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	for _, w := range []moreToolRow{
		{"Quick answers", 9, utc(2026, 11, 5, 11, 3, 22), ""},
		{"Too slow", 3, utc(2026, 11, 6, 6, 15, 0), ""},
		{"Left early", 6, utc(2026, 11, 7, 14, 58, 0), ""},
		{"Not our client", 10, utc(2026, 11, 8, 5, 30, 5), ""},
	} {
		f, ok := got[w.comment]
		if !ok || f.Score != w.score || !f.RespondedAt.Equal(w.at) || f.Channel != data.Channel("") {
			t.Errorf("%q: %+v, want score %d at %v", w.comment, f, w.score, w.at)
		}
	}
	if _, ok := got["called back"]; ok {
		t.Error(`the team's "Comments" were taken for the respondent's comment`)
	}
	if ids := stored(t, db); len(ids) != 4 || ids[0].ExternalID != "11" || ids[3].ExternalID != "14" {
		t.Errorf("stored ids %+v, want the Response IDs 11-14", ids)
	}
}
