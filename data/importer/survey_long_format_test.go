package importer_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// A survey export in long format has one row per answer. GitLab's
// analytics publish such an unpivot of their Qualtrics NPS survey
// (danieldiamond/gitlab-analytics, transform/snowflake-dbt/models/staging/
// qualtrics/qualtrics_nps_answers.sql): response_id, question_id,
// question_description, question_response, distribution_channel,
// has_finished_survey, response_recorded_at, user_language, the reason
// asked as a question of its own (its id ending in "_TEXT"). Read as it
// was, question_response took the score: every answer to every question
// (a 1-5 satisfaction, a number typed as a reason) became a response of
// its own. Each response's rows are now joined: the 0-10 question's
// answers are the scores, the reason its comment, dated by the response's
// recorded date; rows of one response need not follow each other. Values
// made up.
func TestLongFormatQualtricsUnpivot(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	const (
		nps    = "QID172787673,How likely is it that you would recommend GitLab to a friend or colleague?"
		reason = "QID172787675_TEXT,What is the primary reason for your score?"
		csat   = "QID172787680,How satisfied are you with our support (1-5)?"
	)
	path := writeFile(t, "nps_answers.csv", []byte(lines(
		"response_id,question_id,question_description,question_response,distribution_channel,has_finished_survey,response_recorded_at,user_language",
		"R_1a,"+nps+",9,email,TRUE,2026-11-05 14:03:22,EN",
		"R_2b,"+nps+",3,anonymous,TRUE,2026-11-06 09:15:00,EN",
		"R_3c,"+nps+",10,email,TRUE,2026-11-07 18:00:41,EN",
		"R_1a,"+reason+",Fast answers,email,TRUE,2026-11-05 14:03:22,EN",
		"R_2b,"+reason+",Waited two days,anonymous,TRUE,2026-11-06 09:15:00,EN",
		"R_4d,"+reason+",Skipped the scale,email,FALSE,2026-11-08 08:30:05,EN",
		"R_1a,"+csat+",4,email,TRUE,2026-11-05 14:03:22,EN",
		"R_2b,"+csat+",2,anonymous,TRUE,2026-11-06 09:15:00,EN",
		"R_3c,"+csat+",5,email,TRUE,2026-11-07 18:00:41,EN",
	)))
	pv, err := importer.Inspect(path, importer.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldScore] != "How likely is it that you would recommend GitLab to a friend or colleague?" ||
		pv.Mapping[importer.FieldComment] != "What is the primary reason for your score?" ||
		pv.Mapping[importer.FieldExternalID] != "response_id" || pv.Mapping[importer.FieldDate] != "response_recorded_at" {
		t.Errorf("mapping %v", pv.Mapping)
	}
	if !hasWarning(pv.Warnings, "import.warning.long_answers") {
		t.Errorf("warnings %+v, want the rows joined", pv.Warnings)
	}
	checkToolImport(t, path, []moreToolRow{
		{"Fast answers", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelEmail},
		{"Waited two days", 3, utc(2026, 11, 6, 9, 15, 0), data.ChannelWeb}, // Qualtrics' "anonymous" link
		{"", 10, utc(2026, 11, 7, 18, 0, 41), data.ChannelEmail},
		{"Skipped the scale", data.NoScore, utc(2026, 11, 8, 8, 30, 5), data.ChannelEmail},
	}, 0, []string{"R_1a", "R_2b", "R_3c", "R_4d"})
	db := openStore(t)
	importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if p, d, n := npsCounts(stored(t, db)); p != 2 || d != 1 || n != 3 {
		t.Errorf("promoters %d, detractors %d of %d scores; want 2, 1 of 3", p, d, n)
	}
}

// The same shape from a spreadsheet made in Russian, as a BI tool's or
// Google Sheets' unpivot gives it: «Номер ответа», «Дата», «Вопрос»,
// «Ответ». A question answered twice in one response is not guessed at:
// both scores are kept («10; 9») and the response is rejected, not one
// of them picked. Values made up.
func TestLongFormatRussianUnpivot(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	const q = "Насколько вероятно, что вы порекомендуете нас друзьям?"
	path := writeFile(t, "ответы.csv", []byte(lines(
		"Номер ответа;Дата;Вопрос;Ответ",
		"101;05.11.2026 14:03;"+q+";8",
		"101;05.11.2026 14:03;Что нам улучшить?;Сроки доставки",
		"102;06.11.2026 09:15;"+q+";2",
		"102;06.11.2026 09:15;Что нам улучшить?;Вежливость",
		"103;07.11.2026 18:00;"+q+";10",
		"103;07.11.2026 18:00;"+q+";9",
		"104;20.11.2026 10:00;"+q+";6",
		"105;21.11.2026 11:00;"+q+";7",
		"106;22.11.2026 12:00;"+q+";9",
	)))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 5 || res.Rejected != 1 {
		t.Fatalf("imported %d, rejected %d; want 5 and 1: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	if r := res.Rejects[0]; r.Row != 6 || r.Value != "10; 9" || r.Code != "import.reject.not_score" {
		t.Errorf("reject %+v, want row 6 (response 103's first) with both answers", r)
	}
	got := byComment(t, db)
	if f := got["Сроки доставки"]; f.Score != 8 || f.ExternalID != "101" || !f.RespondedAt.Equal(utc(2026, 11, 5, 14, 3, 0)) {
		t.Errorf("101: %+v", f)
	}
	if f := got["Вежливость"]; f.Score != 2 || f.ExternalID != "102" {
		t.Errorf("102: %+v", f)
	}
	if p, d, n := npsCounts(stored(t, db)); p != 1 || d != 2 || n != 5 {
		t.Errorf("promoters %d, detractors %d of %d scores; want 1, 2 of 5", p, d, n)
	}
}

// A long file with no column of response ids cannot be joined: which
// comment goes with which score is unknown. Nextcloud Forms' CSV export
// was such a file (nextcloud/forms#898: a row per question and answer, "it
// would be helpful to have an Id for each filled form"). It is refused,
// saying what to export, rather than each answer taken for a response.
func TestLongFormatWithoutIDsRefused(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "answers.csv", []byte(lines(
		"Date,Question,Answer",
		"2026-11-05,How likely are you to recommend us?,9",
		"2026-11-05,Why?,Friendly staff",
		"2026-11-06,How likely are you to recommend us?,4",
		"2026-11-06,Why?,Slow",
	)))
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	var refused *importer.MessageError
	if !errors.Is(err, importer.ErrLongAnswers) || !errors.As(err, &refused) || refused.Code != "import.error.long_answers" ||
		refused.Args["Question"] != "Question" || refused.Args["Answer"] != "Answer" {
		t.Fatalf("import: %v, want refused as answers that cannot be joined", err)
	}
	assertEmpty(t, db)
}

// A long survey's sample of rows may hold a single response, each row a
// different question: the response id that comes with several questions
// tells the layout, not repeated questions. An unpivot that times each
// answer ("timestamp", in a workbook as Excel date-times) still dates
// the response, by its first row. Values made up.
func TestLongFormatLongSurveyWorkbook(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	const questions = 150
	rows := [][]any{{"respondent_id", "question", "answer", "timestamp"}}
	var dates []string
	for r, want := range []struct {
		score   int
		comment string
	}{{9, "Полезные советы"}, {2, "Не дозвонился"}} {
		start := time.Date(2026, 11, 5+r, 10, 0, 0, 0, time.UTC)
		for q := range questions {
			var text string
			var answer any = q % 5
			switch q {
			case 0:
				text, answer = "Насколько вероятно, что вы порекомендуете нас друзьям?", want.score
			case 1:
				text, answer = "Почему вы поставили такую оценку?", want.comment
			default:
				text = "Вопрос " + string(rune('А'+q%30)) + time.Duration(q).String()
			}
			rows = append(rows, []any{1000 + r, text, answer, start.Add(time.Duration(q) * time.Second)})
			dates = append(dates, "D"+strconv.Itoa(len(rows)))
		}
	}
	path := writeWorkbook(t, "answers.xlsx", []string{"Ответы"}, map[string][][]any{"Ответы": rows}, map[string][]string{"Ответы": dates})
	checkToolImport(t, path, []moreToolRow{
		{"Полезные советы", 9, utc(2026, 11, 5, 10, 0, 0), ""},
		{"Не дозвонился", 2, utc(2026, 11, 6, 10, 0, 0), ""},
	}, 0, []string{"1000", "1001"})
}

// npsCounts counts the promoters, detractors and scores among rows.
func npsCounts(rows []data.Feedback) (promoters, detractors, scored int) {
	for _, f := range rows {
		if f.Score == data.NoScore {
			continue
		}
		scored++
		switch {
		case f.Score >= 9:
			promoters++
		case f.Score <= 6:
			detractors++
		}
	}
	return
}
