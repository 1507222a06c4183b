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
			// Tally: "Submission ID", "Respondent ID", "Submitted at"
			// (UTC), then the questions. A respondent who answers again
			// keeps their Respondent ID: the submission is the answer.
			name: "Tally", file: "tally_nps.csv",
			scoreCol: "How likely are you to recommend Acme to a friend or colleague?", dateCol: "Submitted at",
			rows: []moreToolRow{
				{"Fast, friendly support", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Fine overall", 7, utc(2026, 11, 6, 9, 15, 0), ""},
				{"Skipped the scale", data.NoScore, utc(2026, 11, 7, 18, 0, 41), ""},
				{"", 10, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Invoices are always wrong", 0, utc(2026, 11, 9, 12, 0, 0), ""},
				{"Support said \"we'll call back\"\nand never did", 6, utc(2026, 11, 19, 10, 41, 7), ""},
			},
			ids: []string{"J9dKe2", "Qe4rT6", "XoV7s1", "mRk2a9", "pL3oZ8", "wA7bN1"},
		},
		{
			// CustomerGauge: "Date Sent" (the invitation) before "Date
			// Responded" (the answer); "NPS Group" is the label. Its
			// "Number" is not taken for an id: a register's "Number" may
			// count rows.
			name: "CustomerGauge", file: "customergauge_nps.csv",
			scoreCol: "Likelihood to Recommend", dateCol: "Date Responded",
			rows: []moreToolRow{
				{"Great account team, quick answers", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelEmail},
				{"The \"new\" portal\nkeeps logging me out", 3, utc(2026, 11, 6, 9, 15, 0), data.ChannelWeb},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), data.ChannelChat},
				{"Only left a comment", data.NoScore, utc(2026, 11, 8, 8, 30, 5), data.ChannelEmail},
				{"Best vendor we have", 10, utc(2026, 11, 12, 16, 45, 10), data.ChannelEmail},
			},
		},
		{
			// Survicate: ISO dates in UTC, questions numbered "Q1.".
			name: "Survicate", file: "survicate_nps.csv",
			scoreCol: "Q1. How likely is it that you would recommend Acme to a friend or colleague?", dateCol: "Date",
			rows: []moreToolRow{
				{"Clear pricing, no surprises", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Checkout \"failed\" three times", 2, utc(2026, 11, 6, 9, 15, 0), ""},
				{"Closed the scale, answered this", data.NoScore, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Good\nbut slow on mobile", 8, utc(2026, 11, 8, 8, 30, 5), ""},
				{"", 10, utc(2026, 11, 9, 12, 0, 0), ""},
			},
			ids: []string{"88120451", "88120452", "88120453", "88120454", "88120455"},
		},
		{
			// Refiner: API-style names, questions by their identifiers;
			// an answer the user left before the last question has no
			// completed_at and is dated by the last data received.
			name: "Refiner", file: "refiner_nps.csv",
			scoreCol: "how_likely_are_you_to_recommend_us", dateCol: "completed_at",
			rows: []moreToolRow{
				{"Dark mode, please", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Exports \"time out\" on big files", 4, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 8, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Skipped the score,\nwrote this", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Too many clicks", 6, utc(2026, 11, 9, 12, 0, 0), ""},
			},
			ids: []string{
				"3f1c0a52-1b7e-4c1e-9d51-0d2b6f7f4a01", "3f1c0a52-1b7e-4c1e-9d51-0d2b6f7f4a02", "3f1c0a52-1b7e-4c1e-9d51-0d2b6f7f4a03",
				"3f1c0a52-1b7e-4c1e-9d51-0d2b6f7f4a04", "3f1c0a52-1b7e-4c1e-9d51-0d2b6f7f4a05",
			},
		},
		{
			// Pendo's NPS responses: dated by "Browser Time" written
			// "Nov 5, 2026 2:03:22 PM"; in-app or e-mail backup.
			name: "Pendo", file: "pendo_nps.csv",
			scoreCol: "NPS Score", dateCol: "Browser Time",
			rows: []moreToolRow{
				{"Reports are great, exports less so", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelWeb},
				{"It \"forgets\" my filters", 1, utc(2026, 11, 6, 9, 15, 0), data.ChannelEmail},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), data.ChannelWeb},
				{"Dismissed the score\nbut left a note", data.NoScore, utc(2026, 11, 8, 8, 30, 5), data.ChannelWeb},
				{"Love it", 10, utc(2026, 11, 19, 12, 0, 0), data.ChannelWeb},
			},
		},
		{
			// Nicereply: "Created", "Score", "Comment", the customer and
			// the agent rated.
			name: "Nicereply", file: "nicereply_nps.csv",
			scoreCol: "Score", dateCol: "Created",
			rows: []moreToolRow{
				{"Quick, polite, solved it", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Agent said \"not my department\"", 5, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 8, utc(2026, 11, 7, 18, 0, 41), ""},
				{"No score,\njust a remark", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Never again", 0, utc(2026, 11, 9, 12, 0, 0), ""},
			},
			ids: []string{"71001", "71002", "71003", "71004", "71005"},
		},
		{
			// SurveySparrow: "Start Time" and "Submission Time" as
			// "05 Nov 2026, 02:03:22 PM"; a partial response has no
			// submission time and is dated by its start.
			name: "SurveySparrow", file: "surveysparrow_nps.csv",
			scoreCol: "How likely are you to recommend us to a friend or colleague?", dateCol: "Submission Time",
			rows: []moreToolRow{
				{"Friendly staff, fair prices", 9, utc(2026, 11, 5, 14, 3, 22), data.ChannelEmail},
				{"Delivery \"next day\" took a week", 6, utc(2026, 11, 6, 9, 15, 0), data.ChannelWeb},
				{"", 8, utc(2026, 11, 7, 18, 0, 41), data.ChannelChat},
				{"Just wanted to say\nthanks to Olga", data.NoScore, utc(2026, 11, 8, 8, 30, 5), data.ChannelChat},
				{"Lost my parcel", 0, utc(2026, 11, 9, 12, 0, 0), data.ChannelEmail},
			},
			ids: []string{"6612001", "6612002", "6612003", "6612004", "6612005"},
		},
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
		{
			// HubSpot feedback submissions: "Record ID", "Date",
			// "Rating", "Sentiment" (the label), "Survey channel".
			name: "HubSpot", file: "hubspot_nps.csv",
			scoreCol: "Rating", dateCol: "Date",
			rows: []moreToolRow{
				{"Helpful, fast, honest", 9, utc(2026, 11, 5, 14, 3, 0), data.ChannelEmail},
				{"Your \"24/7\" line closes at 6", 2, utc(2026, 11, 6, 9, 15, 0), data.ChannelWeb},
				{"", 8, utc(2026, 11, 7, 18, 0, 0), data.ChannelChat},
				{"Did not pick a number\nbut wanted to write", data.NoScore, utc(2026, 11, 8, 8, 30, 0), data.ChannelEmail},
				{"Great product", 10, utc(2026, 11, 9, 12, 0, 0), data.ChannelWeb},
			},
			ids: []string{"9021345501", "9021345502", "9021345503", "9021345504", "9021345505"},
		},
		{
			// Mailchimp surveys: "Submitted At", the contact, then the
			// questions; the follow-up asks what to do better.
			name: "Mailchimp", file: "mailchimp_nps.csv",
			scoreCol: "How likely are you to recommend us to a friend or colleague?", dateCol: "Submitted At",
			rows: []moreToolRow{
				{"Nothing, keep going", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Stop sending \"last chance\" emails", 3, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Skipped the scale,\nbut: cheaper shipping", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"More colours", 9, utc(2026, 11, 9, 12, 0, 0), ""},
			},
			ids: []string{"c81f5a01", "c81f5a02", "c81f5a03", "c81f5a04", "c81f5a05"},
		},
		{
			// Formstack: "Time" first, "Unique ID" the submission.
			name: "Formstack", file: "formstack_nps.csv",
			scoreCol: "How likely are you to recommend us to a friend or colleague?", dateCol: "Time",
			rows: []moreToolRow{
				{"Clear forms, quick approval", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Upload \"failed\" twice", 5, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 8, utc(2026, 11, 7, 18, 0, 41), ""},
				{"No score, just:\nthanks", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Lost my application", 0, utc(2026, 11, 9, 12, 0, 0), ""},
			},
			ids: []string{"1098765401", "1098765402", "1098765403", "1098765404", "1098765405"},
		},
		{
			// Userpilot: "Score", "Response Type" (the label),
			// "Feedback", "Submitted at" in UTC.
			name: "Userpilot", file: "userpilot_nps.csv",
			scoreCol: "Score", dateCol: "Submitted at",
			rows: []moreToolRow{
				{"Onboarding checklist, loved it", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"The \"save\" button is hidden", 4, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Closed the survey\nafter typing this", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Solid", 9, utc(2026, 11, 9, 12, 0, 0), ""},
			},
		},
		{
			// Gainsight PX: US dates, month first.
			name: "Gainsight PX", file: "gainsight_px_nps.csv",
			scoreCol: "Score", dateCol: "Date",
			rows: []moreToolRow{
				{"Dashboards, alerts, all good", 9, utc(2026, 11, 5, 14, 3, 0), ""},
				{"Sync \"randomly\" stops", 2, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 8, utc(2026, 11, 7, 18, 0, 0), ""},
				{"No score,\nonly this", data.NoScore, utc(2026, 11, 8, 8, 30, 0), ""},
				{"Essential tool", 10, utc(2026, 11, 19, 12, 0, 0), ""},
			},
		},
		{
			// WebAsk: UTF-8 with BOM, ";", «Дата начала» before «Дата
			// завершения»; an unfinished answer has no end. «№» counts
			// rows 1, 2, 3…: the rows are told apart by their content.
			name: "WebAsk", file: "webask_nps.csv",
			scoreCol: "Насколько вероятно, что вы порекомендуете нас друзьям и коллегам?", dateCol: "Дата завершения",
			rows: []moreToolRow{
				{"Всё быстро, спасибо", 9, utc(2026, 11, 5, 14, 3, 0), data.ChannelPhone},
				{"Оператор сказал \"ждите\" и пропал", 3, utc(2026, 11, 6, 9, 15, 0), data.ChannelChat},
				{"", 7, utc(2026, 11, 7, 17, 58, 0), ""},
				{"Оценку не ставлю;\nпросто пишу", data.NoScore, utc(2026, 11, 8, 8, 30, 0), data.ChannelEmail},
				{"Отлично", 10, utc(2026, 11, 19, 12, 0, 0), data.ChannelPhone},
			},
		},
		{
			// OnlineTestPad: Windows-1251, ";", CRLF, the day in «Дата»
			// and its time in «Время».
			name: "OnlineTestPad", file: "onlinetestpad_nps.csv",
			scoreCol: "Оцените по шкале от 0 до 10, насколько вероятно, что вы порекомендуете нас знакомым", dateCol: "Дата",
			rows: []moreToolRow{
				{"Всё понравилось, приду ещё", 10, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Курьер сказал \"не моя зона\"", 2, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 8, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Без оценки,\nпросто спасибо", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Дорого", 6, utc(2026, 11, 19, 12, 0, 0), ""},
			},
		},
		{
			// Simpoll's XLSX: «Дата прохождения» an Excel date-time, the
			// questions numbered.
			name: "Simpoll XLSX", file: "simpoll_nps.xlsx",
			scoreCol: "1. Какова вероятность того, что вы порекомендуете нас друзьям? (0 — точно нет, 10 — точно да)", dateCol: "Дата прохождения",
			rows: []moreToolRow{
				{"Вежливо, быстро, по делу", 9, utc(2026, 11, 5, 14, 3, 22), ""},
				{"Обещали «перезвоним» и тишина", 1, utc(2026, 11, 6, 9, 15, 0), ""},
				{"", 7, utc(2026, 11, 7, 18, 0, 41), ""},
				{"Без оценки,\nно с пожеланием: работайте дольше", data.NoScore, utc(2026, 11, 8, 8, 30, 5), ""},
				{"Лучший сервис", 10, utc(2026, 11, 19, 12, 0, 0), ""},
			},
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
			checkToolImport(t, path, c.rows, c.rejected, c.ids)
		})
	}
}
