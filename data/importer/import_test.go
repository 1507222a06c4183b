package importer_test

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"caredesk/data"
	"caredesk/data/importer"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestImportEncodings(t *testing.T) {
	ru := "Дата;Оценка;Комментарий\n05.03.2024;9;Отлично обслужили, спасибо\n06.03.2024;3;Долго ждали ответа оператора\n"
	fr := "Date,Score,Comment\n2024-03-05,9,Très agréable, à bientôt\n2024-03-06,3,Délai trop long, déçu\n"
	fr = strings.ReplaceAll(fr, ", à bientôt", " à bientôt")
	fr = strings.ReplaceAll(fr, "long, déçu", "long déçu")
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	cases := []struct {
		name    string
		content []byte
		enc     string
		want    string // a comment that must come back exactly
	}{
		{"utf8.csv", []byte(ru), importer.EncUTF8, "Отлично обслужили, спасибо"},
		{"utf8bom.csv", append([]byte("\xef\xbb\xbf"), ru...), importer.EncUTF8, "Долго ждали ответа оператора"},
		{"utf16le.csv", encode(t, utf16le, ru), importer.EncUTF16LE, "Отлично обслужили, спасибо"},
		{"utf16be.csv", encode(t, utf16be, fr), importer.EncUTF16BE, "Très agréable à bientôt"},
		{"cp1251.csv", encode(t, charmap.Windows1251, ru), importer.EncWindows1251, "Долго ждали ответа оператора"},
		{"cp1252.csv", encode(t, charmap.Windows1252, fr), importer.EncWindows1252, "Délai trop long déçu"},
		// Russian DOS (1C 7.7's "Текст DOS") and KOI8-R read as
		// Windows-1251 gave garbage; a register in capitals stays 1251.
		{"cp866.csv", encode(t, charmap.CodePage866, ru), importer.EncCP866, "Отлично обслужили, спасибо"},
		{"koi8r.csv", encode(t, charmap.KOI8R, ru), importer.EncKOI8R, "Долго ждали ответа оператора"},
		{"cp1251caps.csv", encode(t, charmap.Windows1251, strings.ToUpper(ru)), importer.EncWindows1251, "ДОЛГО ЖДАЛИ ОТВЕТА ОПЕРАТОРА"},
		{"cp866caps.csv", encode(t, charmap.CodePage866, strings.ToUpper(ru)), importer.EncCP866, "ОТЛИЧНО ОБСЛУЖИЛИ, СПАСИБО"},
		// Without a BOM (SQL Server's bcp -w): Cyrillic has no NUL bytes.
		{"utf16le_nobom.csv", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), ru), importer.EncUTF16LE, "Отлично обслужили, спасибо"},
		{"utf16be_nobom.csv", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), ru), importer.EncUTF16BE, "Долго ждали ответа оператора"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.name, c.content)
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			// Without a BOM, UTF-16 is a guess the preview warns of.
			sure := !strings.Contains(c.name, "nobom")
			if pv.Encoding != c.enc || pv.EncodingSure != sure {
				t.Errorf("encoding %q sure=%v, want %q sure=%v", pv.Encoding, pv.EncodingSure, c.enc, sure)
			}
			if pv.Mapping[importer.FieldScore] == "" || pv.Mapping[importer.FieldComment] == "" || pv.Mapping[importer.FieldDate] == "" {
				t.Errorf("mapping %v", pv.Mapping)
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{})
			if res.Imported != 2 || res.Rejected != 0 {
				t.Fatalf("imported %d rejected %d %v", res.Imported, res.Rejected, res.Rejects)
			}
			got, ok := byComment(t, db)[c.want]
			if !ok {
				t.Fatalf("comment %q not stored; have %v", c.want, byComment(t, db))
			}
			if got.RespondedAt.Day() != 5 && got.RespondedAt.Day() != 6 {
				t.Errorf("date %v", got.RespondedAt)
			}
		})
	}
}

func TestForcedUTF8OnCP1251FailsInsteadOfMangling(t *testing.T) {
	path := writeFile(t, "ru.csv", encode(t, charmap.Windows1251, "Дата;Оценка;Комментарий\n05.03.2024;9;Спасибо\n"))
	db := openStore(t)
	_, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Encoding: "utf-8", Location: time.UTC}, nil)
	if !errors.Is(err, importer.ErrEncoding) {
		t.Fatalf("err = %v, want ErrEncoding", err)
	}
	assertEmpty(t, db)
}

func TestDelimitersQuotesLineEnds(t *testing.T) {
	semicolon := "Дата;Балл;Отзыв;Канал\r\n" +
		"01.02.2024 09:15;10;\"Быстро; вежливо\r\nи по делу\";Телефон\r\n" +
		"02.02.2024 18:40;6;\"Сказали \"\"перезвоним\"\" — и тишина\";E-mail\r\n"
	tab := "Date\tScore\tComment\tChannel\n" +
		"2024-02-01T09:15:00Z\t10\t\"first line\nsecond, with comma\"\tchat\n" +
		"2024-02-02T18:40:00Z\t6\tslow\tweb\n"
	// Excel for Mac's "Macintosh Comma Separated" ends lines with a lone
	// "\r": the whole file read as one header row.
	mac := strings.ReplaceAll(semicolon, "\r\n", "\r")
	for name, content := range map[string]string{"semicolon.csv": semicolon, "tab.tsv": tab, "mac.csv": mac} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, name, []byte(content))
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := ';'
			if strings.HasSuffix(name, ".tsv") {
				want = '\t'
			}
			if pv.Delimiter != want || len(pv.Columns) != 4 || len(pv.Sample) != 2 {
				t.Fatalf("delimiter %q columns %q sample %d", pv.Delimiter, pv.Columns, len(pv.Sample))
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{})
			if res.Imported != 2 {
				t.Fatalf("imported %d, rejects %v", res.Imported, res.Rejects)
			}
			rows := byComment(t, db)
			if want == ';' {
				f, ok := rows["Быстро; вежливо\nи по делу"]
				if !ok || f.Score != 10 || f.Channel != data.ChannelPhone || f.RespondedAt.Hour() != 9 {
					t.Errorf("multiline row %+v (have %v)", f, rows)
				}
				if f, ok := rows[`Сказали "перезвоним" — и тишина`]; !ok || f.Channel != data.ChannelEmail {
					t.Errorf("quoted row %+v", f)
				}
			} else if f, ok := rows["first line\nsecond, with comma"]; !ok || f.Channel != data.ChannelChat {
				t.Errorf("multiline row %+v (have %v)", f, rows)
			}
		})
	}
}

// layoutCase is an export as a survey tool writes it.
type layoutCase struct {
	name     string
	content  string
	format   string
	header   int
	mapping  map[importer.Field]string
	opt      importer.Options
	rows     int
	check    string // comment of a row to look at
	score    data.Score
	at       time.Time
	client   string
	extID    string
	scoreCol string
}

func TestKnownLayouts(t *testing.T) {
	cases := []layoutCase{
		{
			name: "delighted.csv", format: "delighted", header: 1,
			content: "Response ID,Email,Name,Score,Comment,Response timestamp,Last updated timestamp,Notes,Tags,Segment\n" +
				"r-1001,ann@example.com,Ann Lee,9,\"Great support, thanks\",2024-04-02 10:11:12 -0700,2024-04-02 10:11:12 -0700,,\"vip, fast\",Enterprise\n" +
				"r-1002,bob@example.com,Bob Roy,4,Too slow,2024-04-03 08:00:00 -0700,2024-04-03 08:00:00 -0700,,,SMB\n",
			rows: 2, check: "Great support, thanks", score: 9, at: time.Date(2024, 4, 2, 17, 11, 12, 0, time.UTC), client: "Ann Lee", extID: "r-1001",
			mapping: map[importer.Field]string{importer.FieldScore: "Score", importer.FieldDate: "Response timestamp", importer.FieldExternalID: "Response ID", importer.FieldTags: "Tags", importer.FieldSegment: "Segment"},
		},
		{
			name: "surveymonkey.csv", format: "surveymonkey", header: 2,
			content: "Respondent ID,Collector ID,Start Date,End Date,IP Address,How likely is it that you would recommend our service to a friend or colleague?,What is the primary reason for your score?,Which channel did you use?,\n" +
				",,,,,Response,Open-Ended Response,Phone,Email\n" +
				"11400000001,2400001,07/31/2018 10:02:11 AM,07/31/2018 10:05:40 AM,10.0.0.1,10 - Extremely likely,Friendly staff,Phone,\n" +
				"11400000002,2400001,08/01/2018 09:00:00 AM,08/01/2018 09:03:00 AM,10.0.0.2,3,Nobody answered,,Email\n",
			rows: 2, check: "Friendly staff", score: 10, at: time.Date(2018, 7, 31, 10, 5, 40, 0, time.UTC), extID: "11400000001",
			scoreCol: "How likely is it that you would recommend our service to a friend or colleague?",
			mapping:  map[importer.Field]string{importer.FieldDate: "End Date", importer.FieldExternalID: "Respondent ID", importer.FieldComment: "What is the primary reason for your score?"},
		},
		{
			name: "typeform.csv", format: "typeform", header: 1,
			content: "#,\"On a scale from 0 to 10, how likely are you to recommend us to a friend?\",Why did you give that score?,Start Date (UTC),Submit Date (UTC),Network ID\n" +
				"a1b2c3d4,8,Good but pricey,2024-05-01 12:00:00,2024-05-01 12:03:30,net1\n" +
				"e5f6a7b8,10,Loved it,2024-05-02 13:00:00,2024-05-02 13:01:00,net2\n",
			rows: 2, check: "Good but pricey", score: 8, at: time.Date(2024, 5, 1, 12, 3, 30, 0, time.UTC), extID: "a1b2c3d4",
			// Typeform dates are UTC whatever the department's zone.
			opt:     importer.Options{Location: time.FixedZone("MSK", 3*3600)},
			mapping: map[importer.Field]string{importer.FieldDate: "Submit Date (UTC)", importer.FieldExternalID: "#", importer.FieldComment: "Why did you give that score?"},
		},
		{
			name: "qualtrics.csv", format: "qualtrics", header: 3,
			content: "StartDate,EndDate,Status,ResponseId,RecordedDate,Q1,Q1_NPS_GROUP,Q2\n" +
				"Start Date,End Date,Response Type,Response ID,Recorded Date,How likely are you to recommend Acme to a friend or colleague?,How likely are you to recommend Acme to a friend or colleague? - Group,Why did you give this score?\n" +
				`"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate"",""timeZone"":""America/Denver""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""recordedDate"",""timeZone"":""America/Denver""}","{""ImportId"":""QID1""}","{""ImportId"":""QID1_NPS_GROUP""}","{""ImportId"":""QID2_TEXT""}"` + "\n" +
				"2024-06-03 09:00:00,2024-06-03 09:04:00,IP Address,R_1abc,2024-06-03 09:04:01,7,Passive,It was fine\n" +
				"2024-06-04 09:00:00,2024-06-04 09:04:00,IP Address,R_2def,2024-06-04 09:04:01,9,Promoter,Quick delivery\n",
			rows: 2, check: "It was fine", score: 7, at: time.Date(2024, 6, 3, 15, 4, 1, 0, time.UTC), extID: "R_1abc",
			mapping: map[importer.Field]string{importer.FieldScore: "Q1", importer.FieldDate: "RecordedDate", importer.FieldExternalID: "ResponseId", importer.FieldComment: "Q2"},
		},
		{
			// Qualtrics' legacy format: variable codes above the names.
			name: "qualtrics_legacy.csv", format: "qualtrics", header: 2,
			content: "V1,V2,V3,V4,V5,V6,V7,V8,V9,V10,Q1,Q2\n" +
				"ResponseID,ResponseSet,Name,ExternalDataReference,EmailAddress,IPAddress,Status,StartDate,EndDate,Finished," +
				"\"How likely is it that you would recommend Acme to a friend or colleague?\",Why did you give this score?\n" +
				"R_abc1,Default Response Set,Anonymous,,,1.2.3.4,0,2016-05-03 09:00:00,2016-05-03 09:04:00,1,9,Fast\n" +
				"R_abc2,Default Response Set,Anonymous,,,1.2.3.5,0,2016-05-04 10:00:00,2016-05-04 10:03:00,1,4,Slow answers\n",
			rows: 2, check: "Fast", score: 9, at: time.Date(2016, 5, 3, 9, 4, 0, 0, time.UTC), extID: "R_abc1",
			scoreCol: "How likely is it that you would recommend Acme to a friend or colleague?",
			mapping:  map[importer.Field]string{importer.FieldDate: "EndDate", importer.FieldExternalID: "ResponseID", importer.FieldComment: "Why did you give this score?"},
		},
		{
			name: "google.csv", format: "google-forms", header: 1,
			content: "Отметка времени,\"Насколько вероятно, что вы порекомендуете нас друзьям?\",Почему вы поставили такую оценку?,Ваше имя\n" +
				"15.03.2024 10:23:45,9,Быстро ответили,Ирина\n" +
				"16.03.2024 11:00:00,2,Грубый оператор,Пётр\n",
			rows: 2, check: "Быстро ответили", score: 9, at: time.Date(2024, 3, 15, 7, 23, 45, 0, time.UTC), client: "Ирина",
			opt:      importer.Options{Location: time.FixedZone("MSK", 3*3600)},
			scoreCol: "Насколько вероятно, что вы порекомендуете нас друзьям?",
			mapping:  map[importer.Field]string{importer.FieldDate: "Отметка времени", importer.FieldComment: "Почему вы поставили такую оценку?", importer.FieldClient: "Ваше имя"},
		},
		{
			name: "generic_ru.csv", format: "generic", header: 1,
			content: "Дата ответа;Оценка;Комментарий;Канал;Точка контакта;Клиент;Сегмент;Теги\n" +
				"05.03.2024;10;Всё отлично;Чат;Доставка;ООО Ромашка;B2B;скорость, вежливость\n" +
				"06.03.2024;5;Долго;Телефон;Поддержка;ИП Иванов;B2C;\n",
			rows: 2, check: "Всё отлично", score: 10, at: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), client: "ООО Ромашка",
			mapping: map[importer.Field]string{importer.FieldDate: "Дата ответа", importer.FieldScore: "Оценка", importer.FieldComment: "Комментарий", importer.FieldChannel: "Канал",
				importer.FieldTouchpoint: "Точка контакта", importer.FieldClient: "Клиент", importer.FieldSegment: "Сегмент", importer.FieldTags: "Теги"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.name, []byte(c.content))
			pv, err := importer.Inspect(path, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if pv.Format != c.format || pv.HeaderRows != c.header {
				t.Errorf("format %q header rows %d, want %q %d", pv.Format, pv.HeaderRows, c.format, c.header)
			}
			if c.scoreCol != "" && pv.Mapping[importer.FieldScore] != c.scoreCol {
				t.Errorf("score column %q, want %q", pv.Mapping[importer.FieldScore], c.scoreCol)
			}
			for f, col := range c.mapping {
				if pv.Mapping[f] != col {
					t.Errorf("%s -> %q, want %q (mapping %v)", f, pv.Mapping[f], col, pv.Mapping)
				}
			}
			db := openStore(t)
			res := importFile(t, db, path, c.opt)
			if res.Imported != c.rows || res.Rejected != 0 {
				t.Fatalf("imported %d rejected %d: %v", res.Imported, res.Rejected, res.Rejects)
			}
			wantSource := c.format
			if c.format == "generic" && !strings.HasPrefix(res.Batch.Source, "generic") {
				t.Errorf("source %q, want generic or generic:<id column>", res.Batch.Source)
			} else if c.format != "generic" && res.Batch.Source != wantSource {
				t.Errorf("source %q, want %q", res.Batch.Source, wantSource)
			}
			f, ok := byComment(t, db)[c.check]
			if !ok {
				t.Fatalf("row %q not stored: %v", c.check, byComment(t, db))
			}
			if f.Score != c.score || !f.RespondedAt.Equal(c.at) {
				t.Errorf("score %d at %v, want %d at %v", f.Score, f.RespondedAt, c.score, c.at)
			}
			if c.client != "" && f.ClientName != c.client {
				t.Errorf("client %q, want %q", f.ClientName, c.client)
			}
			if c.extID != "" && f.ExternalID != c.extID {
				t.Errorf("external id %q, want %q", f.ExternalID, c.extID)
			}
		})
	}
}

func TestGenericRussianFieldsStored(t *testing.T) {
	path := writeFile(t, "ru.csv", []byte("Дата;Балл;Отзыв;Канал;Точка контакта;Клиент;Сегмент;Теги\n"+
		"05.03.2024 14:30;10;Всё отлично;Чат;Доставка;ООО Ромашка;B2B;скорость, вежливость\n"))
	db := openStore(t)
	importFile(t, db, path, importer.Options{})
	f := stored(t, db)[0]
	if f.Channel != data.ChannelChat || f.Touchpoint != "Доставка" || f.ClientName != "ООО Ромашка" || f.Segment != "B2B" ||
		strings.Join(f.Tags, "|") != "вежливость|скорость" && strings.Join(f.Tags, "|") != "скорость|вежливость" {
		t.Errorf("stored %+v", f)
	}
	if want := time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC); !f.RespondedAt.Equal(want) {
		t.Errorf("date %v, want %v", f.RespondedAt, want)
	}
}

func TestNPSLabelColumnIsNeverTheScore(t *testing.T) {
	path := writeFile(t, "labels.csv", []byte("Date,NPS,Rating,Comment\n2024-01-01,Promoter,9,a\n2024-01-02,Detractor,2,b\n2024-01-03,Passive,7,c\n"))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldScore] != "Rating" {
		t.Fatalf("score column %q, want Rating", pv.Mapping[importer.FieldScore])
	}
	only := writeFile(t, "only.csv", []byte("Date,NPS,Comment\n2024-01-01,Promoter,a\n"))
	_, err = importer.ImportFeedback(context.Background(), openStore(t), only, importer.Options{}, nil)
	if !errors.Is(err, importer.ErrNoScoreColumn) {
		t.Errorf("err = %v, want ErrNoScoreColumn", err)
	}
}

func TestMappingOverrides(t *testing.T) {
	content := "When,How likely are you to recommend us?,Other score,Text\n2024-01-01,3,9,x\n"
	path := writeFile(t, "m.csv", []byte(content))
	for _, name := range []string{"Other score", "other SCORE", "#3"} {
		db := openStore(t)
		res := importFile(t, db, path, importer.Options{Mapping: map[importer.Field]string{importer.FieldScore: name, importer.FieldDate: "When"}})
		if got := stored(t, db); res.Imported != 1 || got[0].Score != 9 {
			t.Errorf("mapping %q: imported %d, score %v", name, res.Imported, got)
		}
	}
	_, err := importer.Inspect(path, importer.Options{Mapping: map[importer.Field]string{importer.FieldScore: "Nope"}})
	if !errors.Is(err, importer.ErrUnknownColumn) {
		t.Errorf("unknown column err = %v", err)
	}
}

func TestDateOrderFromWholeColumn(t *testing.T) {
	// The only day-first proof is far past the rows a preview samples.
	var b strings.Builder
	b.WriteString("Date,Score,Comment\n")
	for i := range 500 {
		fmt.Fprintf(&b, "%02d/%02d/2024,%d,row %d\n", i%12+1, i%12+1, i%11, i)
	}
	b.WriteString("25/03/2024,9,late proof\n")
	path := writeFile(t, "dmy.csv", []byte(b.String()))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.DateAmbiguous || pv.DateOrder != importer.DMY || pv.DateLayout != "dd/mm/yyyy" {
		t.Errorf("preview order %q ambiguous=%v layout %q", pv.DateOrder, pv.DateAmbiguous, pv.DateLayout)
	}
	db := openStore(t)
	if res := importFile(t, db, path, importer.Options{}); res.Imported != 501 {
		t.Fatalf("imported %d", res.Imported)
	}
	if f := byComment(t, db)["late proof"]; !f.RespondedAt.Equal(time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("late proof date %v", f.RespondedAt)
	}

	mdy := writeFile(t, "mdy.csv", []byte("Date,Score\n03/04/2024,1\n12/31/2024 10:00,2\n"))
	db = openStore(t)
	importFile(t, db, mdy, importer.Options{})
	for _, f := range stored(t, db) {
		if f.Score == 1 && f.RespondedAt.Month() != time.March {
			t.Errorf("03/04 in an mm/dd column read as %v", f.RespondedAt)
		}
	}

	ambiguous := writeFile(t, "amb.csv", []byte("Date,Score\n03/04/2024,1\n05/06/2024,2\n"))
	pv, err = importer.Inspect(ambiguous, importer.Options{})
	if err != nil || !pv.DateAmbiguous {
		t.Fatalf("ambiguous preview: %v %+v", err, pv)
	}
	db = openStore(t)
	_, err = importer.ImportFeedback(context.Background(), db, ambiguous, importer.Options{}, nil)
	if !errors.Is(err, importer.ErrAmbiguousDates) || !strings.Contains(err.Error(), "amb.csv") {
		t.Fatalf("err = %v, want ErrAmbiguousDates with the file name", err)
	}
	assertEmpty(t, db)
	importFile(t, db, ambiguous, importer.Options{DateOrder: importer.MDY})
	for _, f := range stored(t, db) {
		if f.Score == 1 && (f.RespondedAt.Month() != time.March || f.RespondedAt.Day() != 4) {
			t.Errorf("with MDY 03/04/2024 = %v", f.RespondedAt)
		}
	}
}

func TestUnixSecondsAndMonthNames(t *testing.T) {
	path := writeFile(t, "u.csv", []byte("created,score,comment\n1532000000,9,unix\n"))
	db := openStore(t)
	importFile(t, db, path, importer.Options{Mapping: map[importer.Field]string{importer.FieldDate: "created"}})
	if f := byComment(t, db)["unix"]; !f.RespondedAt.Equal(time.Unix(1532000000, 0)) {
		t.Errorf("unix date %v", f.RespondedAt)
	}
	path = writeFile(t, "m.csv", []byte("Date,Score,Comment\n31-Jul-18,9,dash\n\"Aug 1, 2018\",8,comma\n"))
	db = openStore(t)
	importFile(t, db, path, importer.Options{})
	got := byComment(t, db)
	if !got["dash"].RespondedAt.Equal(time.Date(2018, 7, 31, 0, 0, 0, 0, time.UTC)) || !got["comma"].RespondedAt.Equal(time.Date(2018, 8, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("month-name dates %v / %v", got["dash"].RespondedAt, got["comma"].RespondedAt)
	}
}

func TestMissingMarkers(t *testing.T) {
	content := "Date,Score,Comment,Channel\n"
	markers := []string{"", "NA", "N/A", "n/a", "?", "null", "NULL", "-", "—"}
	for i, m := range markers {
		content += fmt.Sprintf("2024-01-%02d,%s,%s,%s\n", i+1, m, m, m)
	}
	path := writeFile(t, "missing.csv", []byte(content))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{})
	if res.Imported != len(markers) || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d %v", res.Imported, res.Rejected, res.Rejects)
	}
	for _, f := range stored(t, db) {
		if f.Score != data.NoScore || f.Comment != "" || f.Channel != "" {
			t.Errorf("missing markers stored as score %d comment %q channel %q", f.Score, f.Comment, f.Channel)
		}
	}
}

func TestRejectsReportedAndWritten(t *testing.T) {
	content := "Date;Score;Comment\n" + // row 1
		"05.03.2024;9;fine\n" + // 2
		"06.03.2024;11;too high\n" + // 3
		"07.03.2024;=cmd|' /C calc'!A0;formula\n" + // 4
		"31.02.2024;5;impossible\n" + // 5
		"08.03.2024;7\n" + // 6: a field short
		"09.03.2024;8;\"multi\nline\"\n" + // 7 (two lines, one row)
		"10.03.2024;great;text score\n" // 8
	path := writeFile(t, "bad.csv", []byte(content))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{})
	if res.Imported != 2 || res.Rejected != 5 || !res.Committed {
		t.Fatalf("imported %d rejected %d committed %v", res.Imported, res.Rejected, res.Committed)
	}
	want := []importer.Reject{
		{File: "bad.csv", Row: 3, Column: "Score", Value: "11", Reason: "score must be 0 to 10", Code: "import.reject.score_range"},
		{File: "bad.csv", Row: 4, Column: "Score", Value: "=cmd|' /C calc'!A0", Reason: "not a score", Code: "import.reject.not_score"},
		{File: "bad.csv", Row: 5, Column: "Date", Value: "31.02.2024", Reason: "impossible date", Code: "import.reject.impossible_date"},
		{File: "bad.csv", Row: 6, Column: "", Value: "08.03.2024;7", Reason: "row has 2 fields, the header has 3", Code: "import.reject.field_count",
			Args: map[string]any{"Got": 2, "Want": 3}},
		{File: "bad.csv", Row: 8, Column: "Score", Value: "great", Reason: "not a score", Code: "import.reject.not_score"},
	}
	if fmt.Sprint(res.Rejects) != fmt.Sprint(want) {
		t.Errorf("rejects\n got %v\nwant %v", res.Rejects, want)
	}
	if res.RejectsFile != filepath.Join(filepath.Dir(path), "bad.rejects.csv") {
		t.Errorf("rejects file %q", res.RejectsFile)
	}
	f, err := os.Open(res.RejectsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 6 || strings.TrimPrefix(strings.Join(recs[0], ","), "\ufeff") != "file,row,column,value,reason" {
		t.Fatalf("rejects file %q", recs)
	}
	if got := strings.Join(recs[2], ","); got != "bad.csv,4,Score,'=cmd|' /C calc'!A0,not a score" {
		t.Errorf("formula row %q", got)
	}
	if got := strings.Join(recs[3], ","); got != "bad.csv,5,Date,31.02.2024,impossible date" {
		t.Errorf("date row %q", got)
	}
	batches, _ := db.ImportBatches(context.Background())
	if len(batches) != 1 || batches[0].Imported != 2 {
		t.Errorf("batches %+v", batches)
	}
}

func TestStrictLeavesStoreUntouched(t *testing.T) {
	path := writeFile(t, "s.csv", []byte("Date,Score\n2024-01-01,9\n2024-01-02,12\n2024-01-03,8\n2024-01-04,x\n"))
	db := openStore(t)
	res, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{Strict: true, RejectsPath: "-"}, nil)
	if !errors.Is(err, importer.ErrStrict) || !strings.Contains(err.Error(), "2 invalid rows") {
		t.Fatalf("err = %v, want ErrStrict with the count", err)
	}
	if res.Committed || res.Imported != 0 || res.Rejected != 2 || res.RejectsFile != "" {
		t.Errorf("result %+v", res)
	}
	assertEmpty(t, db)
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "s.rejects.csv")); !os.IsNotExist(err) {
		t.Errorf("rejects file written with RejectsPath \"-\": %v", err)
	}
}

func TestCancelLeavesStoreUntouched(t *testing.T) {
	var b strings.Builder
	b.WriteString("Date,Score,Comment\n")
	for i := range 40000 {
		fmt.Fprintf(&b, "2024-01-%02d,%d,c%d\n", i%28+1, i%11, i)
	}
	path := writeFile(t, "big.csv", []byte(b.String()))
	db := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, err := importer.ImportFeedback(ctx, db, path, importer.Options{Location: time.UTC}, func(p importer.Progress) {
		calls++
		if p.Rows >= 10000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls == 0 {
		t.Error("progress never reported")
	}
	assertEmpty(t, db)
}

func TestProgressReported(t *testing.T) {
	var b strings.Builder
	b.WriteString("Date,Score\n")
	for i := range 25000 {
		fmt.Fprintf(&b, "2024-01-%02d,%d\n", i%28+1, i%11)
	}
	path := writeFile(t, "p.csv", []byte(b.String()))
	var got []importer.Progress
	var at []time.Time
	_, err := importer.ImportFeedback(context.Background(), openStore(t), path, importer.Options{Location: time.UTC}, func(p importer.Progress) {
		got = append(got, p)
		at = append(at, time.Now())
	})
	if err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	if last.Rows != 25000 || last.Bytes != last.TotalBytes || last.TotalBytes != int64(b.Len()) {
		t.Errorf("last progress %+v, file %d bytes", last, b.Len())
	}
	// At most every 10,000 rows or 100 ms (the final report excepted).
	for i := 1; i < len(got)-1; i++ {
		if got[i].Rows-got[i-1].Rows < 10000 && at[i].Sub(at[i-1]) < 90*time.Millisecond {
			t.Errorf("progress too often: %+v then %+v after %v", got[i-1], got[i], at[i].Sub(at[i-1]))
		}
	}
}

func TestReimportAddsNothing(t *testing.T) {
	// Two identical answers in one file are two responses, not one.
	content := "Date,Score,Comment\n2024-01-01,9,same\n2024-01-01,9,same\n2024-01-02,3,other\n"
	path := writeFile(t, "dup.csv", []byte(content))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{})
	if res.Imported != 3 || res.Duplicates != 0 {
		t.Fatalf("first import %d/%d", res.Imported, res.Duplicates)
	}
	res = importFile(t, db, path, importer.Options{})
	if res.Imported != 0 || res.Duplicates != 3 || !res.Committed {
		t.Fatalf("re-import imported %d duplicates %d", res.Imported, res.Duplicates)
	}
	if n, _ := db.CountFeedback(context.Background(), data.FeedbackFilter{}); n != 3 {
		t.Errorf("%d rows stored, want 3", n)
	}
	// Same content under another source is not a duplicate.
	res = importFile(t, db, path, importer.Options{Source: "other"})
	if res.Imported != 3 {
		t.Errorf("other source imported %d", res.Imported)
	}
}

func TestNeedFileDate(t *testing.T) {
	path := writeFile(t, "nodate.csv", []byte("Score,Comment\n9,a\n7,b\n"))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil || !pv.NeedsFileDate {
		t.Fatalf("preview %v %+v", err, pv)
	}
	db := openStore(t)
	if _, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{}, nil); !errors.Is(err, importer.ErrNeedFileDate) {
		t.Fatalf("err = %v, want ErrNeedFileDate", err)
	}
	assertEmpty(t, db)
	// A whole-file date in the future (a mistyped year) is refused before
	// any row is read, for surveys and for tickets alike.
	importer.SetClock(t, time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC))
	typo := importer.Options{FileDate: time.Date(2042, 2, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := importer.ImportFeedback(context.Background(), db, path, typo, nil); !errors.Is(err, importer.ErrFutureFileDate) {
		t.Fatalf("err = %v, want ErrFutureFileDate", err)
	}
	tickets := writeFile(t, "tickets.csv", []byte("Ticket ID,Subject,Priority\n1,Refund,normal\n"))
	if _, err := importer.ImportComplaints(context.Background(), db, tickets, typo, nil); !errors.Is(err, importer.ErrFutureFileDate) {
		t.Fatalf("tickets: err = %v, want ErrFutureFileDate", err)
	}
	assertEmpty(t, db)
	day := time.Date(2024, 2, 1, 12, 0, 0, 0, time.UTC)
	importFile(t, db, path, importer.Options{FileDate: day})
	for _, f := range stored(t, db) {
		if !f.RespondedAt.Equal(day) {
			t.Errorf("date %v, want file date", f.RespondedAt)
		}
	}
}

func TestUnclosedQuoteIsReportedWithItsExtent(t *testing.T) {
	path := writeFile(t, "q.csv", []byte("Date,Score,Comment\n2024-01-01,9,ok\n2024-01-02,8,\"never closed\n2024-01-03,7,lost\n2024-01-04,6,lost too\n"))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || res.Rejected != 1 || !strings.Contains(res.Rejects[0].Reason, "lines 3-") || res.Rejects[0].Row != 3 {
		t.Errorf("imported %d, rejects %v", res.Imported, res.Rejects)
	}
}

func TestStoreZoneIsTheDefault(t *testing.T) {
	db := openStore(t)
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetLocation(context.Background(), msk); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "z.csv", []byte("Date,Score\n2024-03-05 10:00,9\n2024-03-05T10:00:00Z,8\n"))
	res, err := importer.ImportFeedback(context.Background(), db, path, importer.Options{}, nil)
	if err != nil || res.Imported != 2 {
		t.Fatalf("import: %v %+v", err, res)
	}
	for _, f := range stored(t, db) {
		want := time.Date(2024, 3, 5, 7, 0, 0, 0, time.UTC) // 10:00 in Moscow
		if f.Score == 8 {
			want = time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
		}
		if !f.RespondedAt.Equal(want) {
			t.Errorf("score %d at %v, want %v", f.Score, f.RespondedAt, want)
		}
	}
}

// Delighted exports a customer property under the company's own name:
// "Customer Plan" is the client's segment, given with the client.
func TestDelightedCustomerPlanIsTheSegment(t *testing.T) {
	path := writeFile(t, "delighted_plan.csv", []byte("Response ID,Email,Name,Score,Comment,Response timestamp,Delighted Source,Customer Plan\n"+
		"r-1,ann@example.com,Ann Lee,9,Great,2024-04-02 10:11:12 -0700,email,Enterprise\n"+
		"r-2,bob@example.com,Bob Roy,3,Slow,2024-04-03 08:00:00 -0700,web,Тариф «Старт»\n"))
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil || pv.Mapping[importer.FieldSegment] != "Customer Plan" {
		t.Fatalf("segment column %q (%v), want Customer Plan", pv.Mapping[importer.FieldSegment], err)
	}
	db := openStore(t)
	importFile(t, db, path, importer.Options{})
	segments := map[string]string{}
	for _, f := range stored(t, db) {
		segments[f.ClientName] = f.Segment
	}
	if segments["Ann Lee"] != "Enterprise" || segments["Bob Roy"] != "Тариф «Старт»" {
		t.Errorf("segments by client %v", segments)
	}
}

// Excel writes and reads a first line "sep=;" naming the delimiter: it is
// skipped without a word, the header below it read as the header.
func TestExcelSeparatorLine(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "sep.csv", []byte("sep=;\r\nДата;Оценка;Комментарий\r\n04.03.2024;9;Хорошо\r\n05.03.2024;3;Плохо\r\n"))
	res := importFile(t, db, path, importer.Options{})
	if res.Imported != 2 || res.Rejected != 0 || len(res.Warnings) != 0 {
		t.Errorf("imported %d, rejected %d, warnings %+v; want 2, 0, none", res.Imported, res.Rejected, res.Warnings)
	}
	if f := byComment(t, db)["Плохо"]; f.Score != 3 {
		t.Errorf("score %v, want 3", f.Score)
	}
}

// A comment longer than a response keeps is cut, not the answer refused:
// the score counts, and the cut is said.
func TestLongCommentCutNotRejected(t *testing.T) {
	long := strings.Repeat("ы", data.MaxCommentLen+10)
	path := writeFile(t, "long.csv", []byte("date,score,comment\n2024-03-05 10:00,9,"+long+"\n2024-03-05 11:00,3,short\n"))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	w := findWarning(t, res.Warnings, "import.warning.texts_cut")
	if w.Args["Column"] != "comment" || w.Args["Count"] != 1 || w.Args["RowNumbers"] != "2" {
		t.Errorf("warning %+v", w.Args)
	}
	list, err := db.ListFeedback(t.Context(), data.FeedbackFilter{}, data.Page{})
	if err != nil || len(list) != 2 {
		t.Fatalf("stored %d (%v)", len(list), err)
	}
	for _, f := range list {
		if f.Score == 9 && utf8.RuneCountInString(f.Comment) != data.MaxCommentLen {
			t.Errorf("the long comment kept %d characters", utf8.RuneCountInString(f.Comment))
		}
	}
}
