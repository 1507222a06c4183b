package importer_test

import (
	"path/filepath"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// extraToolCase is one tool's NPS export kept in testdata: the column the
// score must come from, the responses it must give and the rows it must
// reject.
type extraToolCase struct {
	name, file string
	scoreCol   string // the column the score is read from, never a label column
	dateCol    string // the column the responses are dated by
	rows       []moreToolRow
	rejected   int
	ids        []string // the external ids stored, sorted, when the export names them
}

// NPS exports of more survey and feedback tools, as testdata files: each is
// imported into a real store, checked row by row (score, date and time in
// the zone the tool writes, channel, comment), then imported again: nothing
// new. Every file has a blank score, a comment holding a comma, a quote and
// a line break, and a detractor, a passive and a promoter.
func TestExtraSurveyToolExports(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	cases := []extraToolCase{
		{
			// QuestionPro: "Timestamp (mm/dd/yyyy)" names its own date
			// order, and no date in the file has a day above 12.
			name: "QuestionPro", file: "questionpro_nps.csv",
			scoreCol: "How likely is it that you would recommend us to a friend or colleague?", dateCol: "Timestamp (mm/dd/yyyy)",
			rows: []moreToolRow{
				{"Easy returns, good prices", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Item arrived \"like new\" - it was not", 4, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Left the scale blank,\nsorry", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Top service", 10, utc(2026, 11, 9, 12, 0, 0), ""},
			},
			ids: []string{"118820301", "118820302", "118820303", "118820304", "118820305"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join("testdata", c.file)
			pv, err := importer.Inspect(path, importer.Options{Location: time.UTC})
			if err != nil {
				t.Fatalf("inspect: %v", err)
			}
			if got := pv.Mapping[importer.FieldScore]; got != c.scoreCol {
				t.Errorf("score read from %q, want %q", got, c.scoreCol)
			}
			if got := pv.Mapping[importer.FieldDate]; got != c.dateCol {
				t.Errorf("dated by %q, want %q", got, c.dateCol)
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
			if res.Imported != len(c.rows) || res.Rejected != c.rejected {
				t.Fatalf("imported %d, rejected %d, want %d and %d: %+v", res.Imported, res.Rejected, len(c.rows), c.rejected, res.Rejects)
			}
			if c.ids != nil {
				all := stored(t, db)
				for i, f := range all {
					if i >= len(c.ids) || f.ExternalID != c.ids[i] {
						t.Errorf("stored id %q, want the export's ids %v", f.ExternalID, c.ids)
						break
					}
				}
			}
			got := byComment(t, db)
			for _, w := range c.rows {
				f, ok := got[w.comment]
				if !ok {
					t.Errorf("no response %q in %+v", w.comment, got)
					continue
				}
				if f.Score != w.score || !f.RespondedAt.Equal(w.at) || f.Channel != w.channel {
					t.Errorf("%q: score %v at %v channel %q; want %d at %v channel %q", w.comment, f.Score, f.RespondedAt, f.Channel, w.score, w.at, w.channel)
				}
			}
			again := importFile(t, db, path, importer.Options{RejectsPath: "-"})
			if again.Imported != 0 || again.Duplicates != len(c.rows) {
				t.Errorf("re-import: imported %d, duplicates %d; want 0 and %d", again.Imported, again.Duplicates, len(c.rows))
			}
		})
	}
}
