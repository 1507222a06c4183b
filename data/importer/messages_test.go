package importer

import (
	"encoding/json"
	"strings"
	"testing"
	"text/template"

	"caredesk/assets"
)

// Every reason and warning the importer emits has an English and a
// Russian text, and the texts use only the arguments the code passes.
func TestMessagesAreTranslated(t *testing.T) {
	msgs := []Message{
		reasonFieldCount.msg(2, 3), reasonBadQuote.msg(`bare " in non-quoted-field`), reasonUnclosedQuote.msg(3, 9, "extraneous or missing \" in quoted-field"),
		reasonTooLong.msg(200), reasonInvalid.msg("bad"),
		encodingGuess{name: EncWindows1252, why: "could be Windows-1252 or Windows-1251"}.mustWarn(t),
		encodingGuess{name: EncUTF16LE, why: "UTF-16 without a byte order mark"}.mustWarn(t),
		warning(warnNoScoreColumn, nil, "x"),
		encodingGuess{name: EncUTF8Mixed1251, why: "x", badLines: []int{21}, nBad: 1}.mustWarn(t),
		warning(warnEventLog, map[string]any{"Column": "Ticket ID"}, "x"),
		warning(warnSysIDs, map[string]any{"Column": "assigned_to"}, "x"),
		warning(warnRowNumbers, map[string]any{"Column": "№ п/п"}, "x"),
		warning(warnSharedIDs, map[string]any{"Column": "id"}, "x"),
		warning(warnTestResponse, map[string]any{"Row": 4, "Status": "Survey Preview"}, "x"),
		warning(warnMoreTests, map[string]any{"Count": 12}, "x"),
		warning(warnScoreColumnEmpty, map[string]any{"Column": "NPS", "Rows": 12}, "x"),
		warning(warnRejectsFile, map[string]any{"Path": "a.rejects.csv", "Error": "disk full"}, "x"),
		warning(warnTitleSkipped, map[string]any{"Rows": 1, "Text": "Report"}, "x"),
		warning(warnSectionsSkipped, map[string]any{"Section": "=== SUPPORT TICKETS ===", "Sections": "=== SUMMARY ==="}, "x"),
		warning(warnSectionsJoined, map[string]any{"Sections": "Новые», «Решённые"}, "x"),
		warning(warnOpenedFromIDs, map[string]any{"Column": "Card ID"}, "x"),
		warning(warnOtherSheets, map[string]any{"Sheet": "Ответы на форму (1)", "Sheets": `"Ответы на форму (2)"`}, "x"),
		mergedWarning([]cellRange{{3, 2, 5, 2}, {3, 6, 5, 6}, {6, 2, 7, 2}, {6, 6, 7, 6}}),
		warning(warnSummarySkipped, map[string]any{"Row": 9, "Text": "Итого 8,8"}, "x"),
		(&footerRows{rows: []heldRow{{rec: []string{"Grand Totals (3 records)"}, row: 5}}}).mustWarn(t),
		warning(warnDuplicateColumns, map[string]any{"Name": "Score", "Columns": "#2, #5"}, "x"),
		warning(errHTMLPage, nil, "x"),
		warning(errOldExcel, nil, "x"),
		warning(errDamagedODS, map[string]any{"File": "survey.ods"}, "x"),
		warning(errDamagedXLS, map[string]any{"File": "register.xls"}, "x"),
		warning(errPDF, nil, "x"),
		warning(errNoSheet, map[string]any{"Sheet": "Tickets", "Sheets": `"Summary", "Data"`}, "x"),
		warning(errFutureFileDate, map[string]any{"Date": "2099-01-01"}, "x"),
		warning(errAnswerCodes, map[string]any{"Column": "NPS", "Example": "A11"}, "x"),
		warning(errStarRatings, map[string]any{"Column": "Star Rating"}, "x"),
		warning(errScaleRatings, map[string]any{"Column": "Оценка (1-5)", "Scale": "1–5"}, "x"),
		warning(errReviewRatings, map[string]any{"Column": "rating", "Recommend": "recommended"}, "x"),
		warning(errOtherMetric, map[string]any{"Column": "CES"}, "x"),
		warning(warnOtherMetric, map[string]any{"Column": "Насколько легко было решить ваш вопрос?"}, "x"),
		warning(errSurveyType, map[string]any{"Type": "csat"}, "x"),
		warning(warnSurveyType, map[string]any{"Column": "score", "Type": "ces"}, "x"),
		warning(warnScoreFrom1, map[string]any{"Column": "Q1"}, "x"),
		warning(errSurveyAnswers, map[string]any{"Column": "How likely…"}, "x"),
		warning(warnLongAnswers, map[string]any{"Rows": 30, "Responses": 10, "Column": "response_id"}, "x"),
		(&plan{cols: []column{{name: "question"}, {name: "answer"}}}).longAnswers(longLayout{id: -1, question: 0, answer: 1}).Message,
		(&plan{cols: []column{{name: "id"}, {name: "question"}, {name: "answer"}}}).longAnswers(longLayout{id: 0, question: 1, answer: 2}).Message,
		warning(errTicketExport, nil, "x"),
		warning(errSLARecords, map[string]any{"Tool": "Zendesk", "Column": "metric"}, "x"),
		warning(warnStarRatings, map[string]any{"Column": "rating"}, "x"),
		warning(warnScaleMapped, map[string]any{"Column": "Оценка (1-7)", "Scale": "1–7"}, "x"),
		warning(warnRatingMapped, map[string]any{"Column": "Q3", "Rows": 4}, "x"),
		warning(warnReviewRating, map[string]any{"Column": "rating", "Recommend": "recommended"}, "x"),
		warning(warnDateByValues, map[string]any{"Column": "Создан"}, "x"),
		warning(warnScoreByValues, map[string]any{"Column": "Q1"}, "x"),
		warning(warnCommentByValues, map[string]any{"Column": "Field4"}, "x"),
		warning(warnStatusByValues, map[string]any{"Column": "Итог"}, "x"),
		warning(warnStatusFlag, map[string]any{"Column": "Resolved"}, "x"),
		warning(warnNoType, nil, "x"),
		warning(warnSegmentNoClient, map[string]any{"Column": "Plan"}, "x"),
		warning(warnTextsCut, map[string]any{"Column": "Описание", "Max": 20000, "Count": 151, "RowNumbers": "28, 6651", "More": true}, "x"),
		warning(warnTextsCut, map[string]any{"Column": "Описание", "Max": 20000, "Count": 1, "RowNumbers": "28", "More": false}, "x"),
		changeLogWarning(&plan{cols: []column{{name: "Поле"}, {name: "Новое значение"}, {name: "Дата изменения"}},
			mapping: map[Field]int{FieldChangedField: 0, FieldNewValue: 1, FieldUpdatedAt: 2}}),
		changeLogWarning(&plan{cols: []column{{name: "Field"}, {name: "To"}, {name: "Created"}, {name: "Issue created"}},
			mapping: map[Field]int{FieldChangedField: 0, FieldNewValue: 1, FieldUpdatedAt: 2, FieldOpened: 3}}),
		warning(warnOpenedByChange, map[string]any{"Count": 3}, "x"),
		warning(warnOtherChanges, map[string]any{"Count": 7, "Fields": `"Тема", "Описание"`}, "x"),
		warning(errChangeDate, map[string]any{"Columns": `"Поле", "Значение"`}, "x"),
		inKindWarning(t),
		warning(warnFreshdeskCustom, map[string]any{"Column": "status", "Values": "6, 7"}, "x"),
		warning(warnBBBStatuses, map[string]any{"Column": "Status"}, "x"),
		warning(warnCaseStateNumbers, map[string]any{"Column": "state", "Count": 2}, "x"),
		tooManyColumns("wide.csv", 100000).Message,
		badWorkbook("/nonexistent/cut.xlsx", "cut.xlsx").Message,
		warning(errEncrypted, map[string]any{"File": "locked.xlsx"}, "x"),
		warning(errArchive, map[string]any{"File": "answers.csv"}, "x"),
		warning(errEmptyFile, map[string]any{"File": "answers.csv"}, "x"),
		warning(errNoRows, map[string]any{"File": "answers.csv"}, "x"),
		refusalInFile(t),
		warning(errNoFile, map[string]any{"File": "answers.csv"}, "x"),
		warning(errNoAccess, map[string]any{"File": "answers.csv"}, "x"),
		warning(errIsFolder, map[string]any{"File": "answers"}, "x"),
		warning(errHeaderQuote, map[string]any{"File": "answers.csv", "Row": 1}, "x"),
		warning(errNoSheets, map[string]any{"File": "answers.xlsx"}, "x"),
		headerTooLong("answers.csv", 1, 2).Message,
	}
	for r := range reasonText {
		if reasonArgs[r] == nil {
			msgs = append(msgs, r.msg())
		}
	}
	for _, lng := range []string{"en", "ru"} {
		raw, err := assets.Translations.ReadFile("translations/importer." + lng + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]string
		if err := json.Unmarshal(raw, &cat); err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if m.Text == "" || strings.Contains(m.Text, "%!") {
				t.Errorf("%s: English text %q", m.Code, m.Text)
			}
			text, ok := cat[m.Code]
			if !ok {
				t.Errorf("%s: no %s text", m.Code, lng)
				continue
			}
			tpl, err := template.New(m.Code).Option("missingkey=error").Parse(text)
			if err != nil {
				t.Errorf("%s (%s): %v", m.Code, lng, err)
				continue
			}
			args := m.Args
			if args == nil {
				args = map[string]any{}
			}
			var b strings.Builder
			if err := tpl.Execute(&b, args); err != nil {
				t.Errorf("%s (%s): %v", m.Code, lng, err)
			}
		}
	}
}

// refusalInFile is a refusal whose message does not name the file, named
// by its FileError.
func refusalInFile(t *testing.T) Message {
	m, ok := (&FileError{File: "reviews.csv", Err: &MessageError{Message: warning(errTicketExport, nil, "x")}}).Refusal()
	if !ok || m.Code != errInFile {
		t.Fatalf("refusal %+v, %v", m, ok)
	}
	return m
}

// inKindWarning is the warning of compensations given in kind, as the
// builder makes it.
func inKindWarning(t *testing.T) Message {
	b := complaintBuilder{inKind: 3, inKindExample: "Промокод"}
	b.warnInKind()
	if len(b.summaries) != 1 {
		t.Fatalf("warnings %+v", b.summaries)
	}
	return b.summaries[0]
}

func (g encodingGuess) mustWarn(t *testing.T) Message {
	m, ok := g.warning()
	if !ok {
		t.Fatalf("no warning for %+v", g)
	}
	return m
}

func (f *footerRows) mustWarn(t *testing.T) Message {
	m, ok := f.warning()
	if !ok {
		t.Fatalf("no warning for %+v", f)
	}
	return m
}
