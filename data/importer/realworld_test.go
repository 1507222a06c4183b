package importer_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"caredesk/data"
	"caredesk/data/importer"
)

// The fixtures below copy the column layouts, header rows, date formats,
// encodings and line endings that survey tools and spreadsheet programs
// write, so that the importer is checked on files like the ones users will
// bring, not on tidy CSV.

// rowWant is a stored response a fixture must produce; key is its
// external id, or its comment when the file has no id column.
type rowWant struct {
	key     string
	at      time.Time
	score   data.Score
	channel data.Channel
	client  string
	tags    string // sorted, joined with "|"
}

type rejectWant struct {
	row    int
	column string
	code   string
}

type exportCase struct {
	name    string
	content []byte
	opt     importer.Options

	// What Inspect must find.
	encoding   string
	delimiter  rune
	headerRows int
	format     string
	mapping    map[importer.Field]string
	unmapped   []importer.Field
	dateLayout string
	previewW   []string // warning codes, in order

	// What the import must store and report.
	imported int
	rejects  []rejectWant
	resultW  []string
	rows     []rowWant
}

const crlf = "\r\n"

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func utc(y int, m time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, m, d, h, mi, s, 0, time.UTC)
}

func exportCases(t *testing.T) []exportCase {
	msk := time.FixedZone("MSK", 3*3600)
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	return []exportCase{
		{
			// Delighted: "Response timestamp" with the account's offset,
			// "Delighted Source" for the channel, person properties at the
			// end.
			name: "delighted-responses.csv",
			content: []byte(lines(
				"Response ID,Email,Name,Score,Comment,Response timestamp,Last updated timestamp,Notes,Tags,Delighted Source,Delighted Device Type,Delighted Operating System,Delighted Browser,Delighted Country,Plan,Customer ID",
				`812345678,ann@example.com,Ann Lee,9,"Great support, thanks",2024-11-21 15:04:05 -0800,2024-11-21 15:04:05 -0800,,"vip, fast",Email,Desktop,Mac OS X,Chrome,US,Enterprise,C-1001`,
				`812345679,bob@example.com,,4,,2024-11-22 08:00:00 -0800,2024-11-23 09:00:00 -0800,Called back,,Web,Mobile,iOS,Mobile Safari,GB,Starter,C-1002`,
				`812345680,cy@example.com,Cy Young,10,"Line one`,
				`line two",2024-11-23 10:00:00 -0800,2024-11-23 10:00:00 -0800,,,SMS,Mobile,Android,Chrome Mobile,CA,Starter,C-1003`,
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatDelighted,
			mapping: map[importer.Field]string{importer.FieldExternalID: "Response ID", importer.FieldScore: "Score", importer.FieldComment: "Comment",
				importer.FieldDate: "Response timestamp", importer.FieldTags: "Tags", importer.FieldChannel: "Delighted Source", importer.FieldClient: "Name", importer.FieldSegment: "Plan"},
			dateLayout: "yyyy-mm-dd HH:MM:SS with zone",
			imported:   3,
			rows: []rowWant{
				{key: "812345678", at: utc(2024, 11, 21, 23, 4, 5), score: 9, channel: data.ChannelEmail, client: "Ann Lee", tags: "fast|vip"},
				{key: "812345679", at: utc(2024, 11, 22, 16, 0, 0), score: 4, channel: data.ChannelWeb},
				// An SMS is a text conversation: chat, not a call.
				{key: "812345680", at: utc(2024, 11, 23, 18, 0, 0), score: 10, channel: data.ChannelChat, client: "Cy Young"},
			},
		},
		{
			// SurveyMonkey "expanded" CSV: BOM, CRLF, two header rows,
			// answer options of a multiple-choice question as
			// sub-headers, 12-hour dates without a leading zero, a
			// respondent who skipped the score.
			name: "CareDesk NPS.csv",
			content: []byte("\uFEFF" + strings.ReplaceAll(lines(
				"Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,How likely is it that you would recommend CareDesk to a friend or colleague?,What is the main reason for your score?,How did you contact us?,,,",
				",,,,,,,,,Response,Open-Ended Response,Phone,Email,Chat,Other (please specify)",
				`114987654321,432109876,11/21/2024 3:04:05 PM,11/21/2024 3:06:10 PM,203.0.113.5,,,,,10,"Quick, polite",Phone,,,`,
				"114987654322,432109876,11/22/2024 9:15:00 AM,11/22/2024 9:20:00 AM,203.0.113.6,,,,,6,,,,Chat,",
				"114987654323,432109876,11/23/2024 12:01:00 PM,11/23/2024 12:02:00 PM,203.0.113.7,,,,,,,,Email,,",
				"114987654324,432109876,11/24/2024 12:30:00 AM,11/24/2024 12:31:00 AM,203.0.113.8,,,,,11,typo,,,,",
			), "\n", crlf)),
			opt:      importer.Options{Location: msk},
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 2, format: importer.FormatSurveyMonkey,
			mapping: map[importer.Field]string{importer.FieldExternalID: "Respondent ID", importer.FieldDate: "End Date",
				importer.FieldScore:   "How likely is it that you would recommend CareDesk to a friend or colleague?",
				importer.FieldComment: "What is the main reason for your score?"},
			// "Email" is an answer option, not the respondent's address.
			unmapped:   []importer.Field{importer.FieldClient, importer.FieldChannel},
			dateLayout: "mm/dd/yyyy HH:MM:SS AM/PM",
			imported:   3,
			rejects:    []rejectWant{{6, "How likely is it that you would recommend CareDesk to a friend or colleague?", "import.reject.score_range"}},
			rows: []rowWant{
				{key: "114987654321", at: utc(2024, 11, 21, 12, 6, 10), score: 10},
				{key: "114987654322", at: utc(2024, 11, 22, 6, 20, 0), score: 6},
				{key: "114987654323", at: utc(2024, 11, 23, 9, 2, 0), score: data.NoScore},
			},
		},
		{
			// Typeform: "#" is the response token, the dates are UTC
			// whatever the department's zone, tags comma-separated.
			name: "responses-abc123.csv",
			content: []byte(lines(
				`#,"On a scale from 0 to 10, how likely are you to recommend CareDesk to a friend or colleague?",What's the main reason for your score?,Start Date (UTC),Submit Date (UTC),Network ID,Tags`,
				`hx0ds3k7x1ab2c,9,Helpful team,2024-11-21 12:04:05,2024-11-21 12:05:30,8f3a9c2e1b,"vip,renewal"`,
				"k2p9q8r7s6t5u4,3,Slow replies,2024-11-22 06:00:00,2024-11-22 06:01:10,1a2b3c4d5e,",
			)),
			opt:      importer.Options{Location: msk},
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatTypeform,
			mapping: map[importer.Field]string{importer.FieldExternalID: "#", importer.FieldDate: "Submit Date (UTC)", importer.FieldTags: "Tags",
				importer.FieldScore:   "On a scale from 0 to 10, how likely are you to recommend CareDesk to a friend or colleague?",
				importer.FieldComment: "What's the main reason for your score?"},
			dateLayout: "yyyy-mm-dd HH:MM:SS",
			imported:   2,
			rows: []rowWant{
				{key: "hx0ds3k7x1ab2c", at: utc(2024, 11, 21, 12, 5, 30), score: 9, tags: "renewal|vip"},
				{key: "k2p9q8r7s6t5u4", at: utc(2024, 11, 22, 6, 1, 10), score: 3},
			},
		},
		{
			// Qualtrics: three header rows, the ImportId row names the
			// zone, the NPS group column holds 1/2/3 (numeric export),
			// recipient name columns hold parts of a person's name, a
			// partial response has no score.
			name: "CareDesk_NPS_November 2024_12.01.csv",
			content: []byte(lines(
				"StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,ExternalReference,LocationLatitude,LocationLongitude,DistributionChannel,UserLanguage,Q1,Q1_NPS_GROUP,Q2,Q3",
				"Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,Recipient Last Name,Recipient First Name,Recipient Email,External Data Reference,Location Latitude,Location Longitude,Distribution Channel,User Language,How likely are you to recommend CareDesk to a friend or colleague?,How likely are you to recommend CareDesk to a friend or colleague? - Group,What is the main reason for your score?,Which team helped you?",
				`"{""ImportId"":""startDate"",""timeZone"":""Europe/Moscow""}","{""ImportId"":""endDate"",""timeZone"":""Europe/Moscow""}","{""ImportId"":""status""}","{""ImportId"":""ipAddress""}","{""ImportId"":""progress""}","{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""Europe/Moscow""}","{""ImportId"":""_recordId""}","{""ImportId"":""recipientLastName""}","{""ImportId"":""recipientFirstName""}","{""ImportId"":""recipientEmail""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""locationLatitude""}","{""ImportId"":""locationLongitude""}","{""ImportId"":""distributionChannel""}","{""ImportId"":""userLanguage""}","{""ImportId"":""QID1""}","{""ImportId"":""QID1_NPS_GROUP""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3""}"`,
				"2024-11-21 15:04:05,2024-11-21 15:06:10,IP Address,203.0.113.5,100,125,True,2024-11-21 15:06:11,R_3PjZ8qYxK1aB2cD,,,,,55.7522,37.6156,anonymous,RU,9,3,Всё быстро,Поддержка",
				"2024-11-22 10:00:00,2024-11-22 10:03:00,IP Address,203.0.113.6,100,180,True,2024-11-22 10:03:01,R_1aB2cD3eF4gH5iJ,Petrova,Anna,anna@example.com,,55.7522,37.6156,email,RU,2,1,Долго,Продажи",
				"2024-11-23 11:00:00,2024-11-23 11:00:40,IP Address,203.0.113.7,50,40,False,2024-11-30 11:00:41,R_9zY8xW7vU6tS5rQ,,,,,,,anonymous,RU,,,,",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 3, format: importer.FormatQualtrics,
			mapping: map[importer.Field]string{importer.FieldExternalID: "ResponseId", importer.FieldDate: "RecordedDate", importer.FieldScore: "Q1", importer.FieldComment: "Q2"},
			// A last name is not a client.
			unmapped:   []importer.Field{importer.FieldClient},
			dateLayout: "yyyy-mm-dd HH:MM:SS",
			imported:   3,
			rows: []rowWant{
				// DistributionChannel: "anonymous" is its survey link.
				{key: "R_3PjZ8qYxK1aB2cD", at: utc(2024, 11, 21, 12, 6, 11), score: 9, channel: data.ChannelWeb},
				{key: "R_1aB2cD3eF4gH5iJ", at: utc(2024, 11, 22, 7, 3, 1), score: 2, channel: data.ChannelEmail},
				{key: "R_9zY8xW7vU6tS5rQ", at: utc(2024, 11, 30, 8, 0, 41), score: data.NoScore, channel: data.ChannelWeb},
			},
		},
		{
			// Google Forms, English account: "Timestamp" with the form's
			// GMT offset and a 12-hour clock; the collected "Email
			// Address" tells the client.
			name: "NPS survey (Responses) - Form responses 1.csv",
			content: []byte(lines(
				"Timestamp,Email Address,How likely are you to recommend us to a friend or colleague?,What is the main reason for your score?",
				"2024/11/21 3:04:05 PM GMT+3,ann@example.com,9,Fast and friendly",
				"2024/11/21 11:59:59 PM GMT+3,bob@example.com,6,Too expensive",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGoogleForms,
			mapping: map[importer.Field]string{importer.FieldDate: "Timestamp", importer.FieldClient: "Email Address",
				importer.FieldScore:   "How likely are you to recommend us to a friend or colleague?",
				importer.FieldComment: "What is the main reason for your score?"},
			dateLayout: "yyyy/mm/dd HH:MM:SS AM/PM with zone",
			imported:   2,
			rows: []rowWant{
				{key: "Fast and friendly", at: utc(2024, 11, 21, 12, 4, 5), score: 9, client: "ann@example.com"},
				{key: "Too expensive", at: utc(2024, 11, 21, 20, 59, 59), score: 6, client: "bob@example.com"},
			},
		},
		{
			// Google Forms, Russian account: «Отметка времени», day-first
			// dates, hours without a leading zero, no zone.
			name: "Опрос NPS (Ответы) - Ответы на форму (1).csv",
			content: []byte(lines(
				`Отметка времени,Адрес электронной почты,"Насколько вероятно, что вы порекомендуете нас другу или коллеге?",Почему вы поставили такую оценку?,Ваше имя`,
				"21.11.2024 15:04:05,anna@example.ru,10,Всё отлично,Анна",
				"22.11.2024 9:30:00,petr@example.ru,5,Долго ждал,Пётр",
			)),
			opt:      importer.Options{Location: msk},
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGoogleForms,
			mapping: map[importer.Field]string{importer.FieldDate: "Отметка времени", importer.FieldClient: "Ваше имя",
				importer.FieldScore:   "Насколько вероятно, что вы порекомендуете нас другу или коллеге?",
				importer.FieldComment: "Почему вы поставили такую оценку?"},
			dateLayout: "dd.mm.yyyy HH:MM:SS",
			imported:   2,
			rows: []rowWant{
				{key: "Всё отлично", at: utc(2024, 11, 21, 12, 4, 5), score: 10, client: "Анна"},
				{key: "Долго ждал", at: utc(2024, 11, 22, 6, 30, 0), score: 5, client: "Пётр"},
			},
		},
		{
			// Hotjar survey export: visitor metadata columns before the
			// questions.
			name: "hotjar-survey-responses.csv",
			content: []byte(lines(
				`Number,User,Date Submitted,Country,Source URL,Device,Browser,OS,Hotjar User ID,"How likely are you to recommend CareDesk to a friend or colleague?",What's the main reason for your score?`,
				"1,,2024-11-21 15:04:05,Russia,https://caredesk.example/help,Desktop,Chrome 131,Windows 10,a1b2c3d4,8,Good docs",
				"2,,2024-11-22 10:00:00,Germany,https://caredesk.example/pricing,Mobile,Safari 18,iOS 18,e5f6a7b8,2,Pricing page is confusing",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping: map[importer.Field]string{importer.FieldDate: "Date Submitted",
				importer.FieldScore:   "How likely are you to recommend CareDesk to a friend or colleague?",
				importer.FieldComment: "What's the main reason for your score?"},
			imported: 2,
			rows: []rowWant{
				{key: "Good docs", at: utc(2024, 11, 21, 15, 4, 5), score: 8},
				{key: "Pricing page is confusing", at: utc(2024, 11, 22, 10, 0, 0), score: 2},
			},
		},
		{
			// Medallia-style: "Likelihood to Recommend", "LTR Comment",
			// dd-Mon-yyyy dates, a segment column but no client column.
			name: "medallia_ltr_export.csv",
			content: []byte(lines(
				"Survey ID,Response Date,Likelihood to Recommend,LTR Comment,Channel,Branch,Customer Segment",
				"S-000981,21-Nov-2024 15:04,9,Branch staff were helpful,Branch,Moscow Tverskaya,Retail",
				"S-000982,22-Nov-2024 09:10,4,Queue too long,Phone,,SME",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping: map[importer.Field]string{importer.FieldDate: "Response Date", importer.FieldScore: "Likelihood to Recommend",
				importer.FieldComment: "LTR Comment", importer.FieldChannel: "Channel", importer.FieldSegment: "Customer Segment"},
			dateLayout: "dd-Mon-yyyy HH:MM",
			previewW:   []string{"import.warning.segment_without_client"},
			resultW:    []string{"import.warning.segment_without_client"},
			imported:   2,
			rows: []rowWant{
				{key: "Branch staff were helpful", at: utc(2024, 11, 21, 15, 4, 0), score: 9, channel: data.ChannelOther},
				{key: "Queue too long", at: utc(2024, 11, 22, 9, 10, 0), score: 4, channel: data.ChannelPhone},
			},
		},
		{
			// Zendesk-style: "Rating", "Responded at" with a long month
			// name.
			name: "zendesk-nps-ratings.csv",
			content: []byte(lines(
				"Ticket ID,Requester,Requester email,Rating,Comment,Responded at,Channel",
				`51234,Ann Lee,ann@example.com,10,Solved in minutes,"November 21, 2024 15:04",email`,
				`51235,Bob Roy,bob@example.com,3,,"November 22, 2024 09:00",chat`,
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping: map[importer.Field]string{importer.FieldDate: "Responded at", importer.FieldScore: "Rating",
				importer.FieldComment: "Comment", importer.FieldChannel: "Channel"},
			dateLayout: "Mon dd, yyyy HH:MM",
			imported:   2,
			rows: []rowWant{
				{key: "Solved in minutes", at: utc(2024, 11, 21, 15, 4, 0), score: 10, channel: data.ChannelEmail},
				{key: "", at: utc(2024, 11, 22, 9, 0, 0), score: 3, channel: data.ChannelChat},
			},
		},
		{
			// A report saved from 1C or Excel as "CSV (разделители —
			// точка с запятой)": Windows-1251, CRLF, a title line and an
			// empty line above the header, trailing empty columns,
			// decimal commas, a score padded with spaces, a total row and
			// empty rows at the end.
			name: "Отчёт NPS ноябрь.csv",
			content: encode(t, charmap.Windows1251, strings.ReplaceAll(lines(
				"Отчёт по опросу NPS за ноябрь 2024;;;;;;",
				";;;;;;",
				"Дата;Оценка;Комментарий;Канал;;;",
				"21.11.2024;9,0;Всё хорошо;Телефон;;;",
				`22.11.2024; 10 ;"Оператор ответил быстро; спасибо";Чат;;;`,
				"23.11.2024;7,5;Средне;Почта;;;",
				"24.11.2024;8;;Сайт;;;",
				"Итого;8,8;;;;;",
				";;;;;;",
				";;;;;;",
			), "\n", crlf)),
			encoding: importer.EncWindows1251, delimiter: ';', headerRows: 1, format: importer.FormatGeneric,
			mapping: map[importer.Field]string{importer.FieldDate: "Дата", importer.FieldScore: "Оценка",
				importer.FieldComment: "Комментарий", importer.FieldChannel: "Канал"},
			dateLayout: "dd.mm.yyyy",
			previewW:   []string{"import.warning.title_skipped"},
			resultW:    []string{"import.warning.title_skipped", "import.warning.summary_skipped"},
			imported:   3,
			rejects:    []rejectWant{{6, "Оценка", "import.reject.score_fraction"}},
			rows: []rowWant{
				{key: "Всё хорошо", at: utc(2024, 11, 21, 0, 0, 0), score: 9, channel: data.ChannelPhone},
				{key: "Оператор ответил быстро; спасибо", at: utc(2024, 11, 22, 0, 0, 0), score: 10, channel: data.ChannelChat},
				{key: "", at: utc(2024, 11, 24, 0, 0, 0), score: 8, channel: data.ChannelWeb},
			},
		},
		{
			// Excel "Unicode Text": UTF-16LE with a BOM, tabs, CRLF, a
			// quoted cell with a line break.
			name: "nps.txt",
			content: encode(t, utf16le, strings.ReplaceAll(lines(
				"Дата\tОценка\tКомментарий\tКанал",
				"21.11.2024 15:04\t9\t\"Многострочный",
				"комментарий\"\tТелефон",
				"22.11.2024 09:30\tпять\tПлохо\tЧат",
				"23.11.2024 18:00\t3\tПлохо\tЧат",
			), "\n", crlf)),
			encoding: importer.EncUTF16LE, delimiter: '\t', headerRows: 1, format: importer.FormatGeneric,
			mapping:    map[importer.Field]string{importer.FieldDate: "Дата", importer.FieldScore: "Оценка", importer.FieldComment: "Комментарий", importer.FieldChannel: "Канал"},
			dateLayout: "dd.mm.yyyy HH:MM",
			imported:   2,
			// The multi-line cell is one spreadsheet row: "пять" is on
			// row 3.
			rejects: []rejectWant{{3, "Оценка", "import.reject.not_score"}},
			rows: []rowWant{
				{key: "Многострочный\nкомментарий", at: utc(2024, 11, 21, 15, 4, 0), score: 9, channel: data.ChannelPhone},
				{key: "Плохо", at: utc(2024, 11, 23, 18, 0, 0), score: 3, channel: data.ChannelChat},
			},
		},
		{
			// Title lines and a blank line above the header; the blank
			// line still counts as a spreadsheet row.
			name: "export.csv",
			content: []byte(lines(
				"NPS export - generated 2024-11-30",
				"Survey: Support Q4",
				"",
				"Date,Score,Comment",
				"2024-11-21,9,ok",
				"",
				"2024-11-22,12,too high",
				"2024-11-23,7,fine",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping:  map[importer.Field]string{importer.FieldDate: "Date", importer.FieldScore: "Score", importer.FieldComment: "Comment"},
			previewW: []string{"import.warning.title_skipped"},
			resultW:  []string{"import.warning.title_skipped"},
			imported: 2,
			rejects:  []rejectWant{{7, "Score", "import.reject.score_range"}},
			rows: []rowWant{
				{key: "ok", at: utc(2024, 11, 21, 0, 0, 0), score: 9},
				{key: "fine", at: utc(2024, 11, 23, 0, 0, 0), score: 7},
			},
		},
		{
			// Duplicate column names: the first of each is used, and
			// every one is shown with its number.
			name: "dup.csv",
			content: []byte(lines(
				"Date,Score,Comment,Comment,Score",
				"2024-11-21,9,first,second,1",
				"2024-11-22,x,third,fourth,2",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping:  map[importer.Field]string{importer.FieldDate: "Date", importer.FieldScore: "Score (#2)", importer.FieldComment: "Comment (#3)"},
			previewW: []string{"import.warning.duplicate_columns", "import.warning.duplicate_columns"},
			resultW:  []string{"import.warning.duplicate_columns", "import.warning.duplicate_columns"},
			imported: 1,
			rejects:  []rejectWant{{3, "Score (#2)", "import.reject.not_score"}},
			rows:     []rowWant{{key: "first", at: utc(2024, 11, 21, 0, 0, 0), score: 9}},
		},
		{
			// Total and average rows under the data are skipped, not
			// rejected; a comment that merely starts with "Total" is an
			// answer.
			name: "with-totals.csv",
			content: []byte(lines(
				"Date,Score,Comment",
				"2024-11-21,9,ok",
				"2024-11-22,2,Total disaster",
				"Total,,",
				"Average:,5.5,",
				"NPS,0,",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping:  map[importer.Field]string{importer.FieldDate: "Date", importer.FieldScore: "Score", importer.FieldComment: "Comment"},
			resultW:  []string{"import.warning.summary_skipped", "import.warning.summary_skipped", "import.warning.summary_skipped"},
			imported: 2,
			rows: []rowWant{
				{key: "ok", at: utc(2024, 11, 21, 0, 0, 0), score: 9},
				{key: "Total disaster", at: utc(2024, 11, 22, 0, 0, 0), score: 2},
			},
		},
		{
			// Spaces, non-breaking spaces (Excel and 1C pad numbers with
			// U+00A0) and scores written "9.0", "9,0", " 10 ".
			name: "spaces.csv",
			content: []byte(lines(
				"Date , Score\u00a0,Comment",
				" 2024-11-21 ,\u00a010\u00a0,  padded  ",
				"\u00a021.11.2024\u00a0,\"9,0\",nbsp",
				"2024-11-23,9.0,dot",
				"2024-11-24, 10 ,spaces",
				"2024-11-25 3:04\u202fPM,7,narrow nbsp",
			)),
			encoding: importer.EncUTF8, delimiter: ',', headerRows: 1, format: importer.FormatGeneric,
			mapping:  map[importer.Field]string{importer.FieldDate: "Date", importer.FieldScore: "Score", importer.FieldComment: "Comment"},
			imported: 5,
			rows: []rowWant{
				{key: "padded", at: utc(2024, 11, 21, 0, 0, 0), score: 10},
				{key: "nbsp", at: utc(2024, 11, 21, 0, 0, 0), score: 9},
				{key: "dot", at: utc(2024, 11, 23, 0, 0, 0), score: 9},
				{key: "spaces", at: utc(2024, 11, 24, 0, 0, 0), score: 10},
				{key: "narrow nbsp", at: utc(2024, 11, 25, 15, 4, 0), score: 7},
			},
		},
	}
}

func TestRealWorldExports(t *testing.T) {
	for _, c := range exportCases(t) {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.name, c.content)
			opt := c.opt
			if opt.Location == nil {
				opt.Location = time.UTC
			}
			pv, err := importer.Inspect(path, opt)
			if err != nil {
				t.Fatal(err)
			}
			if pv.Encoding != c.encoding || !pv.EncodingSure || pv.Delimiter != c.delimiter || pv.HeaderRows != c.headerRows || pv.Format != c.format {
				t.Errorf("detected encoding %q sure=%v delimiter %q header rows %d format %q; want %q %q %d %q",
					pv.Encoding, pv.EncodingSure, pv.Delimiter, pv.HeaderRows, pv.Format, c.encoding, c.delimiter, c.headerRows, c.format)
			}
			for f, col := range c.mapping {
				if pv.Mapping[f] != col {
					t.Errorf("%s -> %q, want %q", f, pv.Mapping[f], col)
				}
			}
			for _, f := range c.unmapped {
				if col, ok := pv.Mapping[f]; ok {
					t.Errorf("%s mapped to %q, want unmapped", f, col)
				}
			}
			if c.dateLayout != "" && pv.DateLayout != c.dateLayout {
				t.Errorf("date layout %q, want %q", pv.DateLayout, c.dateLayout)
			}
			if pv.DateAmbiguous || pv.NeedsFileDate {
				t.Errorf("ambiguous=%v needs file date=%v", pv.DateAmbiguous, pv.NeedsFileDate)
			}
			checkCodes(t, "preview warnings", pv.Warnings, c.previewW)

			db := openStore(t)
			opt.RejectsPath = "-"
			res := importFile(t, db, path, opt)
			if res.Imported != c.imported || res.Rejected != len(c.rejects) || res.Duplicates != 0 {
				t.Errorf("imported %d rejected %d duplicates %d; want %d %d 0: %v", res.Imported, res.Rejected, res.Duplicates, c.imported, len(c.rejects), res.Rejects)
			}
			for i, w := range c.rejects {
				if i >= len(res.Rejects) {
					break
				}
				r := res.Rejects[i]
				if r.Row != w.row || r.Column != w.column || r.Code != w.code || r.File != c.name || r.Reason == "" {
					t.Errorf("reject %d = %+v, want row %d column %q code %s", i, r, w.row, w.column, w.code)
				}
			}
			checkCodes(t, "result warnings", res.Warnings, c.resultW)
			checkRows(t, db, c.rows)
		})
	}
}

func checkCodes(t *testing.T, what string, got []importer.Message, want []string) {
	t.Helper()
	var codes []string
	for _, m := range got {
		codes = append(codes, m.Code)
		if m.Text == "" {
			t.Errorf("%s: %s has no English text", what, m.Code)
		}
	}
	if strings.Join(codes, " ") != strings.Join(want, " ") {
		t.Errorf("%s %q, want %q (%v)", what, codes, want, got)
	}
}

func checkRows(t *testing.T, db data.FeedbackStore, want []rowWant) {
	t.Helper()
	got := stored(t, db)
	if len(got) != len(want) {
		t.Errorf("%d rows stored, want %d", len(got), len(want))
	}
	for _, w := range want {
		var f *data.Feedback
		for i := range got {
			if got[i].ExternalID == w.key || got[i].Comment == w.key {
				f = &got[i]
				break
			}
		}
		if f == nil {
			t.Errorf("row %q not stored", w.key)
			continue
		}
		tags := append([]string(nil), f.Tags...)
		sort.Strings(tags)
		if !f.RespondedAt.Equal(w.at) || f.Score != w.score || f.Channel != w.channel || f.ClientName != w.client || strings.Join(tags, "|") != w.tags {
			t.Errorf("row %q: at %v score %d channel %q client %q tags %q; want %v %d %q %q %q",
				w.key, f.RespondedAt.UTC(), f.Score, f.Channel, f.ClientName, tags, w.at, w.score, w.channel, w.client, w.tags)
		}
	}
}

// A re-import of a real export adds nothing, and an export of the same
// survey taken later adds only the new answers.
func TestRealWorldReimport(t *testing.T) {
	c := exportCases(t)[1] // SurveyMonkey
	db := openStore(t)
	path := writeFile(t, c.name, c.content)
	opt := importer.Options{Location: time.UTC, RejectsPath: "-"}
	importFile(t, db, path, opt)
	later := append(append([]byte(nil), c.content...), "114987654325,432109876,11/25/2024 1:00:00 PM,11/25/2024 1:01:00 PM,203.0.113.9,,,,,8,,,,,\r\n"...)
	res := importFile(t, db, writeFile(t, c.name, later), opt)
	if res.Imported != 1 || res.Duplicates != 3 || res.Rejected != 1 {
		t.Errorf("later export: imported %d duplicates %d rejected %d", res.Imported, res.Duplicates, res.Rejected)
	}
	if n, err := db.CountFeedback(context.Background(), data.FeedbackFilter{}); err != nil || n != 4 {
		t.Errorf("%d rows stored (%v), want 4", n, err)
	}
}
