package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// A survey export that gathers answers from several regions writes each
// row's time zone in a column of its own: a date without a zone of its
// own is in its row's zone, not the department's; a date with an offset
// keeps it; an empty zone leaves the department's; an unknown one rejects
// the row, naming the file, row, column and value.
func TestSurveyRowTimeZones(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	yekaterinburg, err := time.LoadLocation("Asia/Yekaterinburg") // the department, UTC+5
	if err != nil {
		t.Fatal(err)
	}
	for _, header := range []string{"Time zone", "Timezone", "TZ", "Часовой пояс", "time_zone"} {
		t.Run(header, func(t *testing.T) {
			path := writeFile(t, "nps_regions.csv", []byte(lines(
				`Response ID,Submitted at,`+header+`,How likely are you to recommend us?,Comment`,
				`r1,2026-11-05 14:03:22,Europe/Moscow,9,moscow`,
				`r2,2026-11-05 14:03:22,UTC+03:00,8,utc plus three`,
				`r3,2026-11-05 14:03:22,+03:00,7,bare offset`,
				`r4,2026-11-05 14:03:22,GMT-5,6,gmt minus five`,
				`r5,2026-07-01 09:00:00,America/New_York,5,new york in summer`,
				`r6,2026-11-07T18:00:41+01:00,Asia/Tokyo,4,own offset`,
				`r7,2026-11-08 08:30:05,,3,no zone`,
				`r8,2026-11-08 08:30:05,Mars/Olympus,2,unknown zone`,
				`r9,05.11.2026 14:03,UTC,10,dotted in utc`,
			)))
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{Location: yekaterinburg, RejectsPath: "-"})
			if res.Imported != 8 || res.Rejected != 1 {
				t.Fatalf("imported %d, rejected %d, want 8 and 1: %+v", res.Imported, res.Rejected, res.Rejects)
			}
			r := res.Rejects[0]
			if r.File != "nps_regions.csv" || r.Row != 9 || r.Column != header || r.Value != "Mars/Olympus" || r.Code != "import.reject.unknown_zone" {
				t.Errorf("reject %+v, want nps_regions.csv row 9, column %q, value Mars/Olympus, unknown_zone", r, header)
			}
			got := byComment(t, db)
			for comment, want := range map[string]time.Time{
				"moscow":             utc(2026, 11, 5, 11, 3, 22),
				"utc plus three":     utc(2026, 11, 5, 11, 3, 22),
				"bare offset":        utc(2026, 11, 5, 11, 3, 22),
				"gmt minus five":     utc(2026, 11, 5, 19, 3, 22),
				"new york in summer": utc(2026, 7, 1, 13, 0, 0),
				"own offset":         utc(2026, 11, 7, 17, 0, 41),
				"no zone":            utc(2026, 11, 8, 3, 30, 5),
				"dotted in utc":      time.Date(2026, 11, 5, 14, 3, 0, 0, time.UTC),
			} {
				if f, ok := got[comment]; !ok || !f.RespondedAt.Equal(want) {
					t.Errorf("%q dated %v, want %v", comment, f.RespondedAt, want.UTC())
				}
			}
		})
	}
}

// A response left unfinished is dated by its start in its row's zone too;
// a header that names its dates' zone (Typeform's "(UTC)") says how the
// tool wrote them, and the row's zone does not move them.
func TestSurveyRowTimeZoneFallbackAndHeaderZone(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "Zoho Survey - NPS.csv", []byte(lines(
		`"Response ID","Started Time","Submitted Time","Status","Time Zone","How likely is it that you would recommend this company to a friend or colleague?","What is the reason for your score?"`,
		`"101","Nov 05, 2026 02:01 PM","Nov 05, 2026 02:03 PM","Completed","Europe/Berlin","9","Friendly"`,
		`"102","Nov 07, 2026 05:58 PM","","Partial","Asia/Tokyo","6","Left early"`,
	)))
	checkToolImport(t, path, []moreToolRow{
		{"Friendly", 9, utc(2026, 11, 5, 13, 3, 0), ""},
		{"Left early", 6, utc(2026, 11, 7, 8, 58, 0), ""},
	}, 0, []string{"101", "102"})

	path = writeFile(t, "responses-abc123.csv", []byte(lines(
		`#,How likely are you to recommend us to a friend?,What's the main reason for your score?,Start Date (UTC),Submit Date (UTC),Network ID,Time zone`,
		`x1f9k2,9,Easy to use,2026-11-05 14:01:02,2026-11-05 14:03:22,a1b2c3,Asia/Tokyo`,
	)))
	checkToolImport(t, path, []moreToolRow{{"Easy to use", 9, utc(2026, 11, 5, 14, 3, 22), data.Channel("")}}, 0, nil)
}
