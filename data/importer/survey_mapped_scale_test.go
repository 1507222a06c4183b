package importer_test

import (
	"slices"
	"testing"
	"time"

	"caredesk/data/importer"
)

// A column the user maps to the score by hand is imported as asked, but
// when it is a rating on another scale than 0-10 — its header names one,
// or all its answers are 1 to 5, too few for star ratings — the preview
// says that NPS needs 0-10 answers.
func TestMappedScoreOnAnotherScaleWarns(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		answers    []string
		code       string
		args       map[string]any
	}{
		{"five answers 1-5", "Q3", []string{"4", "5", "2", "3", "5"}, "import.warning.rating_mapped", map[string]any{"Column": "Q3", "Rows": 5}},
		{"header names 1-7", "Оценка (1-7)", []string{"6", "7", "2"}, "import.warning.scale_mapped", map[string]any{"Column": "Оценка (1-7)", "Scale": "1–7"}},
		{"header names 0-100", "Satisfaction (0-100)", []string{"80", "95", "40"}, "import.warning.scale_mapped", map[string]any{"Column": "Satisfaction (0-100)", "Scale": "0–100"}},
		{"an answer above 5", "Q3", []string{"4", "5", "9", "3"}, "", nil},
		{"two answers only", "Q3", []string{"4", "5"}, "", nil},
		{"the recommendation question", "How likely are you to recommend us?", []string{"4", "5", "2", "3"}, "", nil},
		{"header names 0-10", "Q3 (0-10)", []string{"4", "5", "2", "3"}, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := []string{"Submitted;" + tc.head + ";Comment"}
			for i, a := range tc.answers {
				rows = append(rows, "0"+string(rune('1'+i))+".03.2024 10:00;"+a+";answer "+a)
			}
			path := writeFile(t, "csat.csv", []byte(lines(rows...)))
			opt := importer.Options{Location: time.UTC, RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: tc.head}}
			pv, err := importer.Inspect(path, opt)
			if err != nil {
				t.Fatal(err)
			}
			codes := warningCodes(pv.Warnings)
			for _, c := range []string{"import.warning.rating_mapped", "import.warning.scale_mapped", "import.warning.star_ratings"} {
				if c != tc.code && slices.Contains(codes, c) {
					t.Errorf("warnings %v: %s unexpected", codes, c)
				}
			}
			if tc.code != "" {
				w := findWarning(t, pv.Warnings, tc.code)
				for k, v := range tc.args {
					if w.Args[k] != v {
						t.Errorf("%s: %s = %v, want %v", tc.code, k, w.Args[k], v)
					}
				}
			}
			res := importFile(t, openStore(t), path, opt)
			if res.Imported+res.Rejected != len(tc.answers) {
				t.Errorf("imported %d, rejected %d of %d", res.Imported, res.Rejected, len(tc.answers))
			}
		})
	}
}

// The recommendation question asked on a 5-point scale (a dry cleaner's
// form offers «Очень вероятно»… as 1 to 5): with as many answers as tell
// stars, all 1 to 5, the preview says so whether the column was found by
// its header or chosen by hand; a few such answers are a poor NPS.
func TestRecommendOnFivePointsWarns(t *testing.T) {
	const head = "Насколько вероятно, что вы порекомендуете нашу химчистку своим друзьям и знакомым?"
	file := func(n int) string {
		rows := []string{"Дата;" + head}
		for i := range n {
			rows = append(rows, time.Date(2024, 3, 1+i%28, 10, i, 0, 0, time.UTC).Format("02.01.2006 15:04")+";"+string(rune('1'+i%5)))
		}
		return writeFile(t, "химчистка.csv", []byte(lines(rows...)))
	}
	for _, opt := range []importer.Options{{}, {Mapping: map[importer.Field]string{importer.FieldScore: head}}} {
		pv, err := importer.Inspect(file(30), opt)
		if err != nil {
			t.Fatal(err)
		}
		if w := findWarning(t, pv.Warnings, "import.warning.rating_mapped"); pv.Mapping[importer.FieldScore] != head || w.Args["Rows"] != 30 {
			t.Errorf("mapping %v, warning %+v", pv.Mapping, w)
		}
		pv, err = importer.Inspect(file(12), opt)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(warningCodes(pv.Warnings), "import.warning.rating_mapped") {
			t.Errorf("12 answers: warnings %v", warningCodes(pv.Warnings))
		}
	}
}

// Gorgias' satisfaction surveys, as its API reference names their fields
// (developers.gorgias.com, "The SatisfactionSurvey object", whose example
// gives the first row): "score" 1 to 5, "body_text" the customer's words,
// "created_datetime", "sent_datetime", then "scored_datetime" when the
// customer answered. Found by the bare "score", three answers 1 to 5 are
// imported with the 1-5 rating warning, dated when scored, with their
// words as the comment.
func TestGorgiasSatisfactionSurveys(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "satisfaction-surveys.csv", []byte(lines(
		"id,ticket_id,customer_id,score,body_text,created_datetime,sent_datetime,scored_datetime",
		`1234,15600,120,2,"Such speed, much pertinent.",2019-11-16T15:59:41.966927,2019-11-23T15:59:41.966927,2019-11-25T15:59:41.966927`,
		"1235,15601,121,5,Great help,2019-11-17T10:00:00.000000,2019-11-24T10:00:00.000000,2019-11-24T12:30:00.000000",
		"1236,15602,122,4,Fine,2019-11-18T09:00:00.000000,2019-11-25T09:00:00.000000,2019-11-26T08:15:00.000000")))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if w := findWarning(t, res.Warnings, "import.warning.rating_mapped"); res.Imported != 3 || w.Args["Column"] != "score" {
		t.Fatalf("imported %d, warning %+v", res.Imported, w)
	}
	f := byComment(t, db)["Such speed, much pertinent."]
	if f.Score != 2 || f.ExternalID != "1234" || !f.RespondedAt.Equal(time.Date(2019, 11, 25, 15, 59, 41, 0, time.UTC)) {
		t.Errorf("stored %+v", f)
	}
}
