package importer_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// LimeSurvey's response exports, as its source writes them (Writer.php,
// CsvWriter.php, FormattingOptions.php of LimeSurvey/LimeSurvey): a UTF-8
// byte order mark, every cell quoted, CRLF line ends and a blank line at
// the end; headings as question codes ("id", "submitdate", "datestamp",
// then the codes), as full texts ("Response ID", "Date submitted", "Date
// last action", then the questions) or abbreviated: each text cut to its
// first 15 characters (or as many as the user chose) followed by ".. ".
// An incomplete response has no submit date. Answers are exported as
// answer codes or as full answer texts.
//
// Assumed, not documented: the NPS question is a list whose options are
// "0".."10" (as codes or texts); the survey keeps dates (so submitdate is
// not LimeSurvey's undated 1980-01-01 marker, see
// TestLimeSurveyUndatedResponses); ";" separates the cells (the old
// CsvWriter's, the newer one lets the user choose).
func TestLimeSurveyAbbreviatedHeadings(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := filepath.Join("testdata", "survey_limesurvey_abbreviated.csv")
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[importer.Field]string{
		importer.FieldExternalID: "Response ID",
		importer.FieldDate:       "Date submitted",
		importer.FieldScore:      "How likely is i..",
		importer.FieldComment:    "Please tell us ..",
		importer.FieldChannel:    "How did you con..",
	}
	for f, col := range want {
		if pv.Mapping[f] != col {
			t.Errorf("%s mapped to %q, want %q (mapping %v)", f, pv.Mapping[f], col, pv.Mapping)
		}
	}
	checkToolImport(t, path, []moreToolRow{
		{"Quick, friendly answers", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelPhone},
		{"Nobody called back", 0, utc(2026, 11, 6, 9, 15, 0), data.ChannelEmail},
		// Incomplete: dated by "Date last actio..", the cut "Date last
		// action", as the other tools' partial answers are by theirs.
		{"", 6, utc(2026, 11, 7, 18, 0, 41), ""},
		{"Did not want to rate", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
		{"Said \"wow\"\nand meant it", 10, utc(2026, 11, 9, 12, 0, 0), data.ChannelChat},
	}, 0, []string{"1", "2", "3", "4", "5"})
}

// Cuts of other lengths the user may choose: the score, the comment and
// the date an incomplete response falls back on are found all the same.
func TestLimeSurveyHeadingForms(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	rows := []moreToolRow{
		{"Great", 9, utc(2026, 11, 5, 14, 3, 22), ""},
		{"", 3, utc(2026, 11, 7, 18, 0, 41), ""},
	}
	for name, head := range map[string]string{
		"cut at 35": `"Response ID";"Date submitted";"Last page";"Start language";"Seed";"Date started";"Date last action";"How likely is it that you would rec.. ";"What could we do better to earn a 1.. "`,
		"cut at 10": `"Response..";"Date submi.. ";"Last page";"Start lang.. ";"Seed";"Date start.. ";"Date last .. ";"How likely.. ";"What could.. "`,
	} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, "results-survey845162.csv", []byte(lines(head,
				`"1";"2026-11-05 14:03:22";"2";"en";"1189432";"2026-11-05 14:01:02";"2026-11-05 14:03:22";"9";"Great"`,
				`"2";"";"1";"en";"983215";"2026-11-07 17:58:00";"2026-11-07 18:00:41";"3";"N/A"`,
			)))
			checkToolImport(t, path, rows, 0, []string{"1", "2"})
		})
	}
}

// Exported as answer codes, a list question gives the codes of its options
// (A1…A11 as LimeSurvey numbers them unless the author chose others): the
// score each stands for is in the survey, not in the file. The file is
// refused with a sentence saying so, not read as scores in some order;
// codes the author made 0..10 are the scores themselves.
func TestLimeSurveyAnswerCodes(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "results-survey845162.csv", []byte(lines(
		`"id";"submitdate";"lastpage";"startlanguage";"seed";"startdate";"datestamp";"NPS";"WHY"`,
		`"1";"2026-11-05 14:03:22";"2";"en";"1189432";"2026-11-05 14:01:02";"2026-11-05 14:03:22";"A10";"Great"`,
		`"2";"2026-11-06 09:15:00";"2";"en";"5402311";"2026-11-06 09:10:11";"2026-11-06 09:15:00";"A1";"Bad"`,
		`"3";"";"1";"en";"983215";"2026-11-07 17:58:00";"2026-11-07 18:00:41";"";""`,
	)))
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	var refused *importer.MessageError
	if !errors.Is(err, importer.ErrNoScoreColumn) || !errors.As(err, &refused) || refused.Code != "import.error.answer_codes" ||
		refused.Args["Column"] != "NPS" || refused.Args["Example"] != "A10" {
		t.Fatalf("import of answer codes: %v (%+v), want the answer_codes refusal naming NPS and A10", err, refused)
	}
	assertEmpty(t, db)
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	findWarning(t, pv.Warnings, "import.error.answer_codes")

	path = writeFile(t, "results-survey845163.csv", []byte(lines(
		`"id";"submitdate";"lastpage";"startlanguage";"seed";"startdate";"datestamp";"NPS";"WHY"`,
		`"1";"2026-11-05 14:03:22";"2";"en";"1189432";"2026-11-05 14:01:02";"2026-11-05 14:03:22";"10";"Great"`,
		`"2";"2026-11-06 09:15:00";"2";"en";"5402311";"2026-11-06 09:10:11";"2026-11-06 09:15:00";"0";"Bad"`,
	)))
	checkToolImport(t, path, []moreToolRow{
		{"Great", 10, utc(2026, 11, 5, 14, 3, 22), ""},
		{"Bad", 0, utc(2026, 11, 6, 9, 15, 0), ""},
	}, 0, []string{"1", "2"})
}
