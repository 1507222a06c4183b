package importer_test

import (
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// moreToolRow is one stored response a survey tool's export must give,
// found by its comment.
type moreToolRow struct {
	comment string
	score   data.Score // data.NoScore for an answer without a score
	at      time.Time
	channel data.Channel
}

// moreToolCase is one tool's export: a CSV text or the rows of a
// workbook, the responses it must give and the rows it must reject.
type moreToolCase struct {
	name, file string
	csv        string
	sheet      [][]any
	dateCells  []string // workbook cells holding Excel date-times
	rows       []moreToolRow
	rejected   int
	ids        []string // the external ids stored, sorted, when the export names them
}

// Exports of more survey tools, with the columns, missing markers, date
// formats and partial responses each writes. Every file is imported into a
// real store, checked row by row, then imported again: nothing new.
func TestMoreSurveyToolExports(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	cases := []moreToolCase{
		{
			// Yandex Forms' XLSX: «ID», «Время создания» (an Excel
			// date-time, or text when the form was exported from an old
			// account), then the questions; an unanswered question is an
			// empty cell.
			name: "Yandex Forms XLSX", file: "Опрос NPS.xlsx",
			sheet: [][]any{
				{"ID", "Время создания", "Насколько вероятно, что вы порекомендуете нас друзьям и знакомым?", "Почему вы поставили такую оценку?", "Как вы с нами связывались?"},
				{1043, time.Date(2026, 11, 5, 14, 3, 22, 0, time.UTC), 9, "быстро ответили", "Телефон"},
				{1044, "2026-11-06 09:15:00", 3, "долго ждал ответа", "Чат на сайте"},
				{1045, time.Date(2026, 11, 7, 18, 0, 0, 0, time.UTC), 10, nil, nil},
				{1046, time.Date(2026, 11, 8, 8, 30, 0, 0, time.UTC), nil, "оценку не поставил", "Email"},
			},
			dateCells: []string{"B2", "B4", "B5"},
			rows: []moreToolRow{
				{"быстро ответили", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelPhone},
				{"долго ждал ответа", 3, utc(2026, 11, 6, 9, 15, 0), data.ChannelChat},
				{"", 10, utc(2026, 11, 7, 18, 0, 0), ""},
				{"оценку не поставил", data.NoScore, utc(2026, 11, 8, 8, 30, 0), data.ChannelEmail},
			},
		},
		{
			// Survio's CSV: the date and the time of a response in two
			// columns, day first.
			name: "Survio CSV", file: "survio_export.csv",
			csv: lines(
				`"Response ID";"Date";"Time";"How likely is it that you would recommend us to a friend or colleague?";"What is the main reason for your score?"`,
				`"1";"05.11.2026";"14:03:22";"9";"Fast delivery"`,
				`"2";"06.11.2026";"09:15:00";"2";"Rude operator"`,
				`"3";"07.11.2026";"18:00:41";"";"Skipped the scale"`,
				`"4";"08.11.2026";"08:30:05";"10";""`,
			),
			rows: []moreToolRow{
				{"Fast delivery", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Rude operator", 2, utc(2026, 11, 6, 9, 15, 0), ""},
				{"Skipped the scale", data.NoScore, utc(2026, 11, 7, 18, 0, 41), ""},
				{"", 10, utc(2026, 11, 8, 8, 30, 5), ""},
			},
		},
		{
			// Survio's XLSX in Russian: «Дата» an Excel date, «Время» text.
			name: "Survio XLSX", file: "survio_export.xlsx",
			sheet: [][]any{
				{"Номер ответа", "Дата", "Время", "Насколько вероятно, что вы порекомендуете нашу компанию другу или коллеге?", "Что нам стоит улучшить?"},
				{1, time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), "14:03:22", 8, "Сроки доставки"},
				{2, time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC), "09:15:00", 0, "Всё плохо"},
				{3, time.Date(2026, 11, 7, 0, 0, 0, 0, time.UTC), "18:00:41", 7, nil},
			},
			dateCells: []string{"B2", "B3", "B4"},
			rows: []moreToolRow{
				{"Сроки доставки", 8, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Всё плохо", 0, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
			},
		},
		{
			// Jotform: "Submission Date" first, the answers, "Submission
			// ID" and "Submission IP" last.
			name: "Jotform", file: "NPS_Survey2026-11-09_10_00_00.csv",
			csv: lines(
				`"Submission Date","Name","E-mail","How likely are you to recommend us to a friend or colleague?","Why did you give us this score?","How did you contact us?","Submission ID","Submission IP"`,
				`"2026-11-05 14:03:22","Anna Smith","anna@example.com","9","Helpful staff","Phone","5912345678901234567","203.0.113.5"`,
				`"2026-11-06 09:15:00","","","4","Slow refund","Email","5912345678901234568","203.0.113.6"`,
				`"2026-11-07 18:00:41","Ivan Petrov","ivan@example.com","10","","Live chat","5912345678901234569","203.0.113.7"`,
			),
			rows: []moreToolRow{
				{"Helpful staff", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelPhone},
				{"Slow refund", 4, utc(2026, 11, 6, 9, 15, 0), data.ChannelEmail},
				{"", 10, utc(2026, 11, 7, 18, 0, 41), data.ChannelChat},
			},
			ids: []string{"5912345678901234567", "5912345678901234568", "5912345678901234569"},
		},
		{
			// LimeSurvey, headings as question codes: an incomplete
			// response has no submitdate and is dated by its last action
			// (datestamp); questions not shown are "N/A".
			name: "LimeSurvey codes", file: "results-survey845162.csv",
			csv: lines(
				`"id","submitdate","lastpage","startlanguage","seed","startdate","datestamp","NPS","WHY","CHANNEL"`,
				`"1","2026-11-05 14:03:22","2","ru","1189432","2026-11-05 14:01:02","2026-11-05 14:03:22","9","Отлично","Телефон"`,
				`"2","2026-11-06 09:15:00","2","ru","5402311","2026-11-06 09:10:11","2026-11-06 09:15:00","5","Долго","Email"`,
				`"3","","1","ru","983215","2026-11-07 17:58:00","2026-11-07 18:00:41","6","N/A","N/A"`,
				`"4","2026-11-08 08:30:05","2","ru","77123","2026-11-08 08:29:00","2026-11-08 08:30:05","10","Всё понравилось",""`,
			),
			rows: []moreToolRow{
				{"Отлично", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelPhone},
				{"Долго", 5, utc(2026, 11, 6, 9, 15, 0), data.ChannelEmail},
				{"", 6, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Всё понравилось", 10, utc(2026, 11, 8, 8, 30, 5), ""},
			},
		},
		{
			// LimeSurvey, headings as full question texts.
			name: "LimeSurvey full text", file: "results-survey845162-full.csv",
			csv: lines(
				`"Response ID","Date submitted","Last page","Start language","Seed","Date started","Date last action","How likely is it that you would recommend our company to a friend or colleague?","Please tell us why you gave this score."`,
				`"1","2026-11-05 14:03:22","2","en","1189432","2026-11-05 14:01:02","2026-11-05 14:03:22","9","Great"`,
				`"2","","1","en","983215","2026-11-07 17:58:00","2026-11-07 18:00:41","3","N/A"`,
				`"3","2026-11-08 08:30:05","2","en","77123","2026-11-08 08:29:00","2026-11-08 08:30:05","","No score"`,
			),
			rows: []moreToolRow{
				{"Great", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"", 3, utc(2026, 11, 7, 18, 0, 41), ""},
				{"No score", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
			},
		},
		{
			// Alchemer (SurveyGizmo): "Response ID", "Time Started",
			// "Date Submitted", "Status", the respondent's metadata, then
			// the questions; "Comments" are the team's notes on a
			// response, empty unless someone wrote one.
			name: "Alchemer", file: "20261109100000-SurveyExport.csv",
			csv: lines(
				`"Response ID","Time Started","Date Submitted","Status","Contact ID","Legacy Comments","Comments","Language","Referer","SessionID","User Agent","Tags","IP Address","Longitude","Latitude","Country","City","State/Region","Postal","How likely are you to recommend Acme to a friend or colleague?","What is the primary reason for your score?"`,
				`"11","2026-11-05 14:01:02","2026-11-05 14:03:22","Complete","","","","English","https://example.com/","1699190462_65478","Mozilla/5.0","","203.0.113.5","-73.99","40.73","United States","New York","NY","10001","9","Quick answers"`,
				`"12","2026-11-06 09:10:11","2026-11-06 09:15:00","Complete","","","called back","English","","1699261811_65479","Mozilla/5.0","","203.0.113.6","","","","","","","6","Too expensive"`,
				`"13","2026-11-07 17:58:00","2026-11-07 18:00:41","Partial","","","","English","","1699379880_65480","Mozilla/5.0","","203.0.113.7","","","","","","","2",""`,
			),
			rows: []moreToolRow{
				{"Quick answers", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Too expensive", 6, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 2, utc(2026, 11, 7, 18, 0, 41), ""},
			},
		},
		{
			// Retently: the customer, "Score", "Feedback", the date, the
			// campaign and channel; "NPS type" is the group label.
			name: "Retently", file: "retently-responses.csv",
			csv: lines(
				`Email,First name,Last name,Company,Score,NPS type,Feedback,Date,Campaign,Channel,Tags,Topics`,
				`anna@example.com,Anna,Smith,Acme Ltd,9,Promoter,Fast support,2026-11-05 14:03:22,Relationship NPS,email,,Support`,
				`bob@example.com,Bob,Jones,,4,Detractor,Bugs everywhere,2026-11-06 09:15:00,Relationship NPS,in-app,bug,Product`,
				`carl@example.com,Carl,,Beta LLC,8,Passive,,2026-11-07 18:00:41,Relationship NPS,sms,,`,
			),
			rows: []moreToolRow{
				{"Fast support", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelEmail},
				{"Bugs everywhere", 4, utc(2026, 11, 6, 9, 15, 0), data.ChannelWeb},
				{"", 8, utc(2026, 11, 7, 18, 0, 41), data.ChannelChat},
			},
		},
		{
			// Wootric (InMoment): API-style names, "text" the comment,
			// times in UTC with the zone written out.
			name: "Wootric", file: "wootric_responses.csv",
			csv: lines(
				`id,end_user_id,email,score,text,created_at,updated_at,survey_id,excluded_from_calculations,origin_url`,
				`90211,5001,anna@example.com,10,Love it,2026-11-05 14:03:22 UTC,2026-11-05 14:03:22 UTC,7001,false,https://app.example.com/`,
				`90212,5002,bob@example.com,3,Too slow,2026-11-06 09:15:00 UTC,2026-11-06 09:16:00 UTC,7002,false,https://app.example.com/`,
				`90213,5003,carl@example.com,7,,2026-11-07 18:00:41 UTC,2026-11-07 18:00:41 UTC,7003,false,`,
			),
			rows: []moreToolRow{
				{"Love it", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Too slow", 3, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
			},
		},
		{
			// Satismeter: "Rating" the score, "Category" its group,
			// "Feedback" the comment, "Method" how it was asked.
			name: "Satismeter", file: "satismeter-responses.csv",
			csv: lines(
				`Date,User ID,Name,Email,Rating,Category,Feedback,Method,Campaign`,
				`2026-11-05T14:03:22.000Z,u-1,Anna Smith,anna@example.com,9,promoter,Nice app,In-app,NPS`,
				`2026-11-06T09:15:00.000Z,u-2,,bob@example.com,5,detractor,Crashes,Email,NPS`,
				`2026-11-07T18:00:41.000Z,u-3,Carl,,,,Dismissed,In-app,NPS`,
			),
			rows: []moreToolRow{
				{"Nice app", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelWeb},
				{"Crashes", 5, utc(2026, 11, 6, 9, 15, 0), data.ChannelEmail},
				{"Dismissed", data.NoScore, utc(2026, 11, 7, 18, 0, 41), data.ChannelWeb},
			},
		},
		{
			// Promoter.io: "score_type" is the group, "posted_date" the
			// answer's date.
			name: "Promoter.io", file: "promoter_feedback.csv",
			csv: lines(
				`id,email,first_name,last_name,score,score_type,comment,posted_date,campaign_name`,
				`3301,anna@example.com,Anna,Smith,10,promoter,Great service,2026-11-05 14:03:22,Q4 NPS`,
				`3302,bob@example.com,Bob,,0,detractor,Never again,2026-11-06 09:15:00,Q4 NPS`,
				`3303,carl@example.com,,,7,passive,,2026-11-07 18:00:41,Q4 NPS`,
			),
			rows: []moreToolRow{
				{"Great service", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Never again", 0, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
			},
		},
		{
			// Zoho Survey: "Started Time" and "Submitted Time" as
			// "Nov 05, 2026 02:03 PM"; a partial response has no
			// submitted time.
			name: "Zoho Survey", file: "Zoho Survey - NPS.csv",
			csv: lines(
				`"Response ID","Started Time","Submitted Time","Status","IP Address","Time Taken","How likely is it that you would recommend this company to a friend or colleague?","What is the reason for your score?"`,
				`"2871000000012345","Nov 05, 2026 02:01 PM","Nov 05, 2026 02:03 PM","Completed","203.0.113.5","00:02:20","9","Friendly"`,
				`"2871000000012346","Nov 06, 2026 09:10 AM","Nov 06, 2026 09:15 AM","Completed","203.0.113.6","00:04:49","1","Lost my order"`,
				`"2871000000012347","Nov 07, 2026 05:58 PM","","Partial","203.0.113.7","","6",""`,
			),
			rows: []moreToolRow{
				{"Friendly", 9, utc(2026, 11, 5, 14, 3, 0), ""},
				{"Lost my order", 1, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 6, utc(2026, 11, 7, 17, 58, 0), ""},
			},
		},
		{
			// Zoho Survey in Russian: «Время начала», «Время отправки».
			name: "Zoho Survey (Russian)", file: "Zoho Survey - NPS (ru).csv",
			csv: lines(
				`"ID ответа","Время начала","Время отправки","Статус","Насколько вероятно, что вы порекомендуете нас другу или коллеге?","Почему вы поставили такую оценку?"`,
				`"2871000000012345","05.11.2026 14:01","05.11.2026 14:03","Завершено","9","Вежливо"`,
				`"2871000000012347","07.11.2026 17:58","","Частично","6","-"`,
			),
			rows: []moreToolRow{
				{"Вежливо", 9, utc(2026, 11, 5, 14, 3, 0), ""},
				{"", 6, utc(2026, 11, 7, 17, 58, 0), ""},
			},
		},
		{
			// Typeform's XLSX: the CSV's columns with the newer "Response
			// Type", "Stage Date (UTC)" and "Ending"; dates as text; a
			// partial response has no submit date.
			name: "Typeform XLSX", file: "responses-abc123.xlsx",
			sheet: [][]any{
				{"#", "How likely are you to recommend us to a friend?", "What's the main reason for your score?", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags", "Ending"},
				{"x1f9k2", 9, "Easy to use", "completed", "2026-11-05 14:01:02", "2026-11-05 14:03:22", "2026-11-05 14:03:22", "a1b2c3", nil, "default"},
				{"p8d7s6", 4, "Support never answered", "completed", "2026-11-06 09:10:11", "2026-11-06 09:15:00", "2026-11-06 09:15:00", "d4e5f6", nil, "default"},
				{"q0w9e8", 6, nil, "partial", "2026-11-07 18:00:41", "2026-11-07 18:01:00", nil, "g7h8i9", nil, nil},
			},
			rows: []moreToolRow{
				{"Easy to use", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Support never answered", 4, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 6, utc(2026, 11, 7, 18, 0, 41), ""},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var path string
			if c.sheet != nil {
				path = writeWorkbook(t, c.file, []string{"Sheet1"}, map[string][][]any{"Sheet1": c.sheet}, map[string][]string{"Sheet1": c.dateCells})
			} else {
				path = writeFile(t, c.file, []byte(c.csv))
			}
			checkToolImport(t, path, c.rows, c.rejected, c.ids)
		})
	}
}

// A LimeSurvey survey that keeps no dates exports every submitted
// response as 1980-01-01 00:00:00: no date at all, so the date given for
// the whole file dates them, and without one they are rejected as undated
// rather than as dated before 1990.
func TestLimeSurveyUndatedResponses(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "results-survey311442.csv", []byte(lines(
		`"id","submitdate","lastpage","startlanguage","seed","NPS","WHY"`,
		`"1","1980-01-01 00:00:00","2","ru","4412","9","Хорошо"`,
		`"2","1980-01-01 00:00:00","2","ru","8133","4","Плохо"`,
	)))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 0 || res.Rejected != 2 || res.Rejects[0].Code != "import.reject.date_missing" {
		t.Fatalf("without a file date: imported %d, rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	res = importFile(t, db, path, importer.Options{RejectsPath: "-", FileDate: day})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("with a file date: imported %d, rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	for _, f := range stored(t, db) {
		if !f.RespondedAt.Equal(day) {
			t.Errorf("%q dated %v, want %v", f.Comment, f.RespondedAt, day)
		}
	}
}

// checkToolImport imports the export at path into a new store and checks
// the counts, the ids the export names (sorted; nil: not checked), each
// response's score, time and channel by its comment, and that a second
// import adds nothing.
func checkToolImport(t *testing.T, path string, rows []moreToolRow, rejected int, ids []string) {
	t.Helper()
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != len(rows) || res.Rejected != rejected {
		t.Fatalf("imported %d, rejected %d, want %d and %d: %+v", res.Imported, res.Rejected, len(rows), rejected, res.Rejects)
	}
	if ids != nil {
		for i, f := range stored(t, db) {
			if i >= len(ids) || f.ExternalID != ids[i] {
				t.Errorf("stored id %q, want the export's ids %v", f.ExternalID, ids)
				break
			}
		}
	}
	got := byComment(t, db)
	for _, w := range rows {
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
	if again.Imported != 0 || again.Duplicates != len(rows) {
		t.Errorf("re-import: imported %d, duplicates %d; want 0 and %d", again.Imported, again.Duplicates, len(rows))
	}
}
