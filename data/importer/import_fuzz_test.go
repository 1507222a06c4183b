package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caredesk/data/importer"
	"caredesk/data/sqlite"
)

// Any bytes given as a ticket export import or are refused with a
// message: the parsing, the layouts' detection, the values and the
// events never panic (an import runs in the GUI's own process). The
// seeds are the first rows of exports of several layouts.
func FuzzImportTickets(f *testing.F) {
	fuzzImport(f, importer.ImportComplaints, "zendesk_tickets.csv", "servicenow_event_log.csv", "register_ru_cp1251.csv",
		"freshdesk_tickets.csv", "cfpb_kaggle_complaints.csv", "twitter_support_threads.csv", "jira_sm_tickets.csv", "bpic13_incidents.csv")
}

// The same for survey answers.
func FuzzImportFeedback(f *testing.F) {
	fuzzImport(f, importer.ImportFeedback, "hubspot_nps.csv", "customergauge_nps.csv", "formbricks_nps_tz.csv",
		"survey_limesurvey_abbreviated.csv", "mailchimp_nps.csv", "testograf_sfq.csv", "amazon_fine_food_reviews.csv")
}

// fuzzImport fuzzes one importer, seeded with the first rows of the
// named files of testdata.
func fuzzImport[S any](f *testing.F, importFile func(context.Context, S, string, importer.Options, func(importer.Progress)) (importer.Result, error), seeds ...string) {
	for _, name := range seeds {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		lines := bytes.SplitAfterN(b, []byte("\n"), 6)
		f.Add(bytes.Join(lines[:min(5, len(lines))], nil))
	}
	// One store for all inputs (each fuzzing process runs this function):
	// opening one per input would leave the fuzzer little time for them.
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	store := any(db).(S)
	f.Fuzz(func(t *testing.T, in []byte) {
		path := filepath.Join(t.TempDir(), "export.csv")
		if err := os.WriteFile(path, in, 0o600); err != nil {
			t.Fatal(err)
		}
		res, err := importFile(context.Background(), store, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
		if err != nil && err.Error() == "" {
			t.Fatal("an import was refused without a message")
		}
		if err == nil && res.Imported+res.Duplicates+res.Rejected+res.Skipped == 0 && len(res.Warnings) == 0 {
			t.Fatalf("an import of %d bytes read nothing and said nothing", len(in))
		}
	})
}
