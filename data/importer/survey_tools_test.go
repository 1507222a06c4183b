package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Exports of survey tools a tester brought in (headers as the tools write
// them), each checked for the score, date and channel columns chosen.
func TestSurveyToolExports(t *testing.T) {
	type want struct {
		comment string
		score   int
		at      time.Time
		channel data.Channel
	}
	cases := []struct {
		name, file string
		rows       []want
		firstID    string // the external id of the first response, when the export names it
	}{
		{
			// An unused «NPS» column (empty) must not take the score from
			// the filled «Оценка».
			name: "empty NPS column", file: "Дата;Оценка;NPS;Комментарий;Канал обращения\n" +
				"01.11.2026 10:00;9;;отлично;Телефон\n02.11.2026 11:30;3;;долго;Email\n",
			rows: []want{
				{"отлично", 9, time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC), data.ChannelPhone},
				{"долго", 3, time.Date(2026, 11, 2, 11, 30, 0, 0, time.UTC), data.ChannelEmail},
			},
		},
		{
			// AskNicely: the score is "answer", "note" is empty, and
			// "responded" (unix seconds) is when the client answered,
			// "created" when the survey was sent.
			name: "AskNicely", file: "id,name,answer,answerlabel,comment,note,responded,created,deliverymethod\n" +
				"1000,Client 0,4,detractor,slow refund,,1789915335,1789828935,email\n",
			rows: []want{{"slow refund", 4, time.Unix(1789915335, 0).UTC(), data.ChannelEmail}},
		},
		{
			// Microsoft Forms: the answer is dated by its completion time;
			// the channel is asked as a question.
			name: "Microsoft Forms", file: "ID,Start time,Completion time,Email,Name,How likely are you to recommend us?,How did you contact us?,Why?\n" +
				"1,11/23/2026 9:58:01,11/23/2026 10:02:17,anonymous,,10,Chat,fast\n",
			rows: []want{{"fast", 10, time.Date(2026, 11, 23, 10, 2, 17, 0, time.UTC), data.ChannelChat}},
		},
		{
			// Forms ask their open question in their own words; several
			// 0-10 questions, and the recommendation one is the score.
			name: "open question in a form's words", file: "Дата;Оцените качество обслуживания (0-10);Насколько вероятно, что вы порекомендуете нас друзьям?;Что понравилось?\n" +
				"05.03.2026 10:00;8;9;вежливый оператор\n",
			rows: []want{{"вежливый оператор", 9, time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC), ""}},
		},
		{
			name: "open question, English", file: "Date,Rate our support (0-10),NPS,What can we improve?\n2026-03-05,8,3,faster refunds\n",
			rows: []want{{"faster refunds", 3, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), ""}},
		},
		{
			name: "Yandex Forms", file: "ID;Время создания;Насколько вероятно, что вы порекомендуете нас?;Комментарий\n" +
				"77;05.11.2026 14:03:22;8;нормально\n",
			rows: []want{{"нормально", 8, time.Date(2026, 11, 5, 14, 3, 22, 0, time.UTC), ""}},
		},
		{
			// Testograf: the answer is dated by its end, not its start;
			// «Что нам улучшить?» is the comment.
			name: "Testograf", file: "№;Дата и время начала;Дата и время окончания;Время прохождения;" +
				"Оцените вероятность того, что вы порекомендуете нас знакомым (0 - точно нет, 10 - обязательно);Что нам улучшить?\n" +
				"1;04.11.2026 09:10:00;04.11.2026 09:15:02;00:05:02;9;Всё хорошо\n2;06.11.2026 11:55:00;06.11.2026 12:00:00;00:05:00;2;Доставка\n",
			rows: []want{
				{"Всё хорошо", 9, time.Date(2026, 11, 4, 9, 15, 2, 0, time.UTC), ""},
				{"Доставка", 2, time.Date(2026, 11, 6, 12, 0, 0, 0, time.UTC), ""},
			},
		},
		{
			// Anketolog: «ID анкеты», dated by «Дата окончания»; an
			// unfinished answer, with no end, by its start.
			name: "Anketolog", file: "ID анкеты;Статус;Дата начала;Дата окончания;Длительность;" +
				"Вопрос 1. Какова вероятность того, что Вы порекомендуете нашу компанию друзьям или коллегам?;Вопрос 2. Почему?\n" +
				"5501;Завершена;04.11.2026 09:10;04.11.2026 09:15;5 мин;10;Отлично\n5503;Завершена;06.11.2026 11:55;06.11.2026 12:00;5 мин;0;Ужасно\n" +
				"5504;Не завершена;07.11.2026 10:00;;;6;\n",
			rows: []want{
				{"Отлично", 10, time.Date(2026, 11, 4, 9, 15, 0, 0, time.UTC), ""},
				{"Ужасно", 0, time.Date(2026, 11, 6, 12, 0, 0, 0, time.UTC), ""},
				{"", 6, time.Date(2026, 11, 7, 10, 0, 0, 0, time.UTC), ""},
			},
			firstID: "5501",
		},
		{
			// Trustmary's review object, as its developer help names the
			// fields (help.trustmary.com, "Reviews (developers)"): "eid"
			// the CRM's id, "nps" the 0-10 answer, "created_at" ISO 8601
			// with the zone; "updated_at" is a later action, no answer.
			name: "Trustmary", file: "eid,nps,comment,name,company,location,title,published,created_at,updated_at\n" +
				"crm-5501,9,\"Fast, friendly onboarding\",Anna Smith,Acme Oy,Helsinki,CEO,true,2026-11-05T14:03:22+02:00,2026-11-20T08:00:00+02:00\n" +
				"crm-5502,3,Invoices late,Ivan Petrov,Beta Ltd,Tampere,CFO,false,2026-11-06T09:15:00+02:00,2026-11-21T08:00:00+02:00\n",
			rows: []want{
				{"Fast, friendly onboarding", 9, time.Date(2026, 11, 5, 12, 3, 22, 0, time.UTC), ""},
				{"Invoices late", 3, time.Date(2026, 11, 6, 7, 15, 0, 0, time.UTC), ""},
			},
			firstID: "crm-5501",
		},
		{
			// Wufoo's entries as its API v3 names them (wufoo.com/docs/api/v3/entries/get),
			// which the connectors exporting them keep: "EntryId", the
			// answers as "Field1"…, "DateCreated" before "DateUpdated"
			// (an edit). No header names the score nor the comment: the
			// one 0-10 column and the one untitled column of written
			// answers are taken, with a warning each; the names are not.
			name: "Wufoo API entries", file: "EntryId,Field1,Field2,Field3,Field4,DateCreated,CreatedBy,DateUpdated,UpdatedBy\n" +
				"7,Anna Smith,anna@example.com,9,\"Quick, helpful\",2026-11-05 14:03:22,public,2026-11-20 08:00:00,admin\n" +
				"8,Ivan,ivan@example.com,3,Rude support,2026-11-06 09:15:00,public,,\n9,Olga,olga@example.com,10,,2026-11-07 18:00:41,public,,\n",
			rows: []want{
				{"Quick, helpful", 9, time.Date(2026, 11, 5, 14, 3, 22, 0, time.UTC), ""},
				{"Rude support", 3, time.Date(2026, 11, 6, 9, 15, 0, 0, time.UTC), ""},
				{"", 10, time.Date(2026, 11, 7, 18, 0, 41, 0, time.UTC), ""},
			},
			firstID: "7",
		},
		{
			// Appcues' NPS export (docs.appcues.com, "NPS Analytics"):
			// "the attributes.score column will reflect their NPS score";
			// the feedback is the event's "feedback" attribute.
			name: "Appcues NPS", file: "timestamp,user_id,attributes.score,attributes.feedback\n" +
				"2026-11-05T14:03:22Z,u-101,9,\"Love the checklists, really\"\n2026-11-07T18:00:41Z,u-103,,Only feedback\n",
			rows: []want{
				{"Love the checklists, really", 9, time.Date(2026, 11, 5, 14, 3, 22, 0, time.UTC), ""},
				{"Only feedback", -1, time.Date(2026, 11, 7, 18, 0, 41, 0, time.UTC), ""},
			},
		},
		{
			// API-style names spell spaces with "_".
			name: "underscores", file: "response_id,created_at,nps_score,comment,survey_channel\n" +
				"a1,2026-11-06T08:00:00Z,6,meh,web\n",
			rows: []want{{"meh", 6, time.Date(2026, 11, 6, 8, 0, 0, 0, time.UTC), data.ChannelWeb}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openStore(t)
			res := importFile(t, db, writeFile(t, "export.csv", []byte(c.file)), importer.Options{RejectsPath: "-"})
			if res.Imported != len(c.rows) || res.Rejected != 0 {
				t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
			}
			if all := stored(t, db); c.firstID != "" && all[0].ExternalID != c.firstID {
				t.Errorf("first id %q, want %q", all[0].ExternalID, c.firstID)
			}
			got := byComment(t, db)
			for _, w := range c.rows {
				f, ok := got[w.comment]
				if !ok {
					t.Fatalf("no response %q in %+v", w.comment, got)
				}
				if int(f.Score) != w.score || !f.RespondedAt.Equal(w.at) || f.Channel != w.channel {
					t.Errorf("%q: score %v at %v channel %q; want %d at %v channel %q", w.comment, f.Score, f.RespondedAt, f.Channel, w.score, w.at, w.channel)
				}
			}
		})
	}
}

// A score column with no score at all in the sample is imported (the rows
// are kept) with a warning naming the column.
func TestEmptyScoreColumnWarns(t *testing.T) {
	db := openStore(t)
	res := importFile(t, db, writeFile(t, "empty.csv", []byte("Date,Score,Comment\n2026-11-01 10:00,,a\n2026-11-02 10:00,,b\n")),
		importer.Options{RejectsPath: "-"})
	if res.Imported != 2 {
		t.Fatalf("imported %d", res.Imported)
	}
	found := false
	for _, w := range res.Warnings {
		if w.Code == "import.warning.score_column_empty" && w.Args["Column"] == "Score" {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning about the empty score column: %+v", res.Warnings)
	}
}

// A generic export imported again under another name, or grown by new
// rows (a register exported every month), adds only its new rows: its
// columns, not the file name, are the dedup namespace. A file without ids
// is recognised row by row from the content. Another register with other
// columns but the same numbers is not taken for the first.
func TestGenericExportRenamedAddsOnlyNewRows(t *testing.T) {
	importer.SetClock(t, time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)) // December's export is read in January
	db := openStore(t)
	november := "ID;Дата;Оценка;Комментарий\n1;01.11.2026 10:00;9;a\n2;02.11.2026 10:00;3;b\n"
	if res := importFile(t, db, writeFile(t, "nps_november.csv", []byte(november)), importer.Options{RejectsPath: "-"}); res.Imported != 2 {
		t.Fatalf("first import: %d", res.Imported)
	}
	december := "ID;Дата;Оценка;Комментарий\n1;01.11.2026 10:00;9;a\n2;02.11.2026 10:00;3;b\n3;01.12.2026 10:00;10;c\n"
	res := importFile(t, db, writeFile(t, "nps_december.csv", []byte(december)), importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || res.Duplicates != 2 {
		t.Errorf("cumulative export under a new name: imported %d, duplicates %d; want 1 and 2", res.Imported, res.Duplicates)
	}
	noIDs := "Date,Score,Comment\n2026-11-05 10:00,7,x\n2026-11-06 10:00,8,y\n"
	importFile(t, db, writeFile(t, "survey.csv", []byte(noIDs)), importer.Options{RejectsPath: "-"})
	res = importFile(t, db, writeFile(t, "survey (1).csv", []byte(noIDs)), importer.Options{RejectsPath: "-"})
	if res.Imported != 0 || res.Duplicates != 2 {
		t.Errorf("a copy of a file without ids: imported %d, duplicates %d; want 0 and 2", res.Imported, res.Duplicates)
	}
	other := "ID;Дата;Оценка;Канал\n1;03.11.2026 10:00;8;web\n"
	if res := importFile(t, db, writeFile(t, "branch.csv", []byte(other)), importer.Options{RejectsPath: "-"}); res.Imported != 1 {
		t.Errorf("another register numbered the same: imported %d, duplicates %d; want 1 and 0", res.Imported, res.Duplicates)
	}
	if n := len(stored(t, db)); n != 6 {
		t.Errorf("%d responses stored, want 6", n)
	}
}

// A transactional survey's name or trigger says after which interaction
// it was sent: the touchpoint, as «Точка касания» is.
func TestTouchpointHeaders(t *testing.T) {
	for _, header := range []string{"Точка касания", "Survey name", "Название опроса", "Trigger", "Тип взаимодействия"} {
		path := writeFile(t, "answers.csv", []byte("Дата;Оценка;"+header+"\n05.03.2026 10:00;9;После доставки\n"))
		pv, err := importer.Inspect(path, importer.Options{})
		if err != nil || pv.Mapping[importer.FieldTouchpoint] != header {
			t.Errorf("%s: touchpoint mapped to %q (%v)", header, pv.Mapping[importer.FieldTouchpoint], err)
		}
	}
}

// A register's kind of client («Категория клиента», "Customer type") is
// the segment; «Ярлыки» are tags.
func TestSegmentAndTagHeaders(t *testing.T) {
	for header, field := range map[string]importer.Field{"Категория клиента": importer.FieldSegment, "Тип клиента": importer.FieldSegment,
		"Customer type": importer.FieldSegment, "Ярлыки": importer.FieldTags} {
		path := writeFile(t, "answers.csv", []byte("Дата;Оценка;Клиент;"+header+"\n05.03.2026 10:00;9;ООО Ромашка;VIP\n"))
		pv, err := importer.Inspect(path, importer.Options{})
		if err != nil || pv.Mapping[field] != header {
			t.Errorf("%s: %s mapped to %q (%v)", header, field, pv.Mapping[field], err)
		}
	}
}
