package importer_test

import (
	"path/filepath"
	"testing"
	"time"

	"caredesk/data/importer"
)

// Formbricks' response export (formbricks/formbricks, the responses
// download): "No.", "Response ID", "Timestamp", "Finished", "Survey ID",
// "Formbricks ID (internal)", "User ID", "Notes", "Tags", the response's
// meta ("url", "userAgent - browser"…, "country"), then the questions
// numbered "1. …". Its Timestamp has been written by
// Intl.DateTimeFormat("en-CA") in two ways: with hour12: false, which
// counts the first hour of the day as 24 ("2024-06-15 24:12:05" is
// 00:12:05 that day), and lately with the zone's short name after it
// ("UTC", "GMT+3", "EST", "EDT").
func TestFormbricksExports(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		file string
		want map[string]time.Time // by Response ID
	}{
		{"formbricks_nps.csv", map[string]time.Time{
			"clx1a2b3c0001abcd": utc(2024, 6, 15, 10, 0, 0),
			"clx1a2b3c0002abcd": utc(2024, 6, 15, 0, 12, 5),
			"clx1a2b3c0003abcd": utc(2024, 6, 16, 8, 45, 30),
			"clx1a2b3c0004abcd": utc(2024, 6, 17, 19, 3, 11),
		}},
		{"formbricks_nps_tz.csv", map[string]time.Time{
			"cm01aaa0001": utc(2025, 3, 5, 14, 22, 10),
			"cm01aaa0002": utc(2025, 3, 5, 14, 22, 10),
			"cm01aaa0003": utc(2025, 3, 5, 14, 22, 10),
			"cm01aaa0004": utc(2025, 7, 5, 14, 22, 10),
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Mapping[importer.FieldScore] != "1. How likely are you to recommend Acme to a friend or colleague?" ||
				pv.Mapping[importer.FieldDate] != "Timestamp" || pv.Mapping[importer.FieldExternalID] != "Response ID" ||
				pv.Mapping[importer.FieldComment] != "2. What is the main reason for your score?" {
				t.Fatalf("mapping %v", pv.Mapping)
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
			if res.Imported != len(tc.want) || res.Rejected != 0 {
				t.Fatalf("imported %d, rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
			}
			for _, f := range stored(t, db) {
				if want, ok := tc.want[f.ExternalID]; !ok || !f.RespondedAt.Equal(want) {
					t.Errorf("%s: at %v, want %v", f.ExternalID, f.RespondedAt, want)
				}
			}
		})
	}
}
