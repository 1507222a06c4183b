package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// XLSX downloads of tools whose CSV is covered elsewhere.
//
// Google Forms: the responses sheet downloaded as .xlsx holds "Timestamp"
// as date-time cells, then "Email Address" when the form collects it
// (the header as public code reading these sheets spells it), then the
// questions.
//
// Qualtrics: the .xlsx download keeps the three header rows of the CSV
// (names, question texts, ImportId JSON with the survey's zone); the
// dates are text in that zone. Assumed from the CSV layout, which the
// Qualtrics tests already cover; the rows are made up.
func TestXLSXDownloadsOfCoveredTools(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	at := func(d, h, m, s int) time.Time { return time.Date(2026, 11, d, h, m, s, 0, time.UTC) }
	t.Run("Google Forms", func(t *testing.T) {
		path := writeWorkbook(t, "NPS survey (Responses).xlsx", []string{"Form Responses 1"}, map[string][][]any{"Form Responses 1": {
			{"Timestamp", "Email Address", "How likely are you to recommend us to a friend or colleague?", "What is the main reason for your score?"},
			{at(5, 14, 3, 22), "anna@example.com", 9, "Fast, \"friendly\"\nhelp"},
			{at(6, 9, 15, 0), "bob@example.com", 2, "Slow"},
			{at(7, 18, 0, 41), "carl@example.com", nil, "No number"},
		}}, map[string][]string{"Form Responses 1": {"A2", "A3", "A4"}})
		checkToolImport(t, path, []moreToolRow{
			{"Fast, \"friendly\"\nhelp", 9, at(5, 14, 3, 22), ""},
			{"Slow", 2, at(6, 9, 15, 0), ""},
			{"No number", data.NoScore, at(7, 18, 0, 41), ""},
		}, 0, nil)
	})
	t.Run("Qualtrics", func(t *testing.T) {
		zone := func(id string) string { return `{"ImportId":"` + id + `","timeZone":"America/Denver"}` }
		path := writeWorkbook(t, "NPS_November+2026.xlsx", []string{"Sheet0"}, map[string][][]any{"Sheet0": {
			{"StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId", "Q1", "Q1_NPS_GROUP", "Q2"},
			{"Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date", "Response ID",
				"How likely are you to recommend us?", "How likely are you to recommend us? - Group", "Why?"},
			{zone("startDate"), zone("endDate"), `{"ImportId":"status"}`, `{"ImportId":"progress"}`, `{"ImportId":"finished"}`,
				zone("recordedDate"), `{"ImportId":"_recordId"}`, `{"ImportId":"QID1"}`, `{"ImportId":"QID1_NPS_GROUP"}`, `{"ImportId":"QID2_TEXT"}`},
			{"2026-11-05 14:01:00", "2026-11-05 14:03:22", "IP Address", 100, "True", "2026-11-05 14:03:22", "R_1", 9, "Promoter", "Fast"},
			{"2026-11-06 09:10:00", "2026-11-06 09:15:00", "IP Address", 100, "True", "2026-11-06 09:15:00", "R_2", 2, "Detractor", "Slow"},
			{"2026-11-07 17:58:00", "2026-11-07 18:00:41", "IP Address", 100, "True", "2026-11-07 18:00:41", "R_3", 7, "Passive", ""},
		}}, nil)
		// November in Denver is MST, UTC-7.
		checkToolImport(t, path, []moreToolRow{
			{"Fast", 9, at(5, 21, 3, 22), ""},
			{"Slow", 2, at(6, 16, 15, 0), ""},
			{"", 7, at(8, 1, 0, 41), ""},
		}, 0, []string{"R_1", "R_2", "R_3"})
	})
}
