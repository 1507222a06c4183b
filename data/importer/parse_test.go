package importer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

func TestParseDate(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	cases := []struct {
		in    string
		order DateOrder
		want  time.Time
	}{
		{"2024-03-05T10:20:30Z", DateAuto, time.Date(2024, 3, 5, 10, 20, 30, 0, time.UTC)},
		{"2024-03-05T10:20:30.250+02:00", DateAuto, time.Date(2024, 3, 5, 8, 20, 30, 250e6, time.UTC)},
		{"2024-03-05", DateAuto, time.Date(2024, 3, 5, 0, 0, 0, 0, msk)},
		{"2024-03-05 15:04:05", DateAuto, time.Date(2024, 3, 5, 15, 4, 5, 0, msk)},
		{"2018-07-31 12:34:56 -0700", DateAuto, time.Date(2018, 7, 31, 19, 34, 56, 0, time.UTC)},
		{"1532000000", DateAuto, time.Unix(1532000000, 0)},
		{"05.03.2024", DateAuto, time.Date(2024, 3, 5, 0, 0, 0, 0, msk)},
		{"05.03.2024 14:30", DateAuto, time.Date(2024, 3, 5, 14, 30, 0, 0, msk)},
		{"5.3.2024 14:30:15", DateAuto, time.Date(2024, 3, 5, 14, 30, 15, 0, msk)},
		{"05/03/2024", DMY, time.Date(2024, 3, 5, 0, 0, 0, 0, msk)},
		{"05/03/2024", MDY, time.Date(2024, 5, 3, 0, 0, 0, 0, msk)},
		{"25/3/2024", DateAuto, time.Date(2024, 3, 25, 0, 0, 0, 0, msk)},
		{"3/25/2024 1:05 PM", DateAuto, time.Date(2024, 3, 25, 13, 5, 0, 0, msk)},
		{"31-Jul-18", DateAuto, time.Date(2018, 7, 31, 0, 0, 0, 0, msk)},
		{"31 Jul 2018", DateAuto, time.Date(2018, 7, 31, 0, 0, 0, 0, msk)},
		{"Jul 31, 2018", DateAuto, time.Date(2018, 7, 31, 0, 0, 0, 0, msk)},
		{"July 31, 2018 10:15", DateAuto, time.Date(2018, 7, 31, 10, 15, 0, 0, msk)},
		{"Mar 04, 24 09:15:00", DateAuto, time.Date(2024, 3, 4, 9, 15, 0, 0, msk)}, // Trudesk's reports
		{"31 июля 2018", DateAuto, time.Date(2018, 7, 31, 0, 0, 0, 0, msk)},
		{"2019 Jan 03 09:37:38 AM", DateAuto, time.Date(2019, 1, 3, 9, 37, 38, 0, msk)}, // Austin's 311
		{"2019 Dec 3 12:05:00 PM", DateAuto, time.Date(2019, 12, 3, 12, 5, 0, 0, msk)},
		{"2021/03/15 10:23:45 AM GMT+3", DateAuto, time.Date(2021, 3, 15, 7, 23, 45, 0, time.UTC)},
	}
	for _, c := range cases {
		r := dateReader{order: c.order, loc: msk}
		got, why := r.parse(c.in)
		if why != "" || !got.Equal(c.want) {
			t.Errorf("parse(%q, %q) = %v, %q; want %v", c.in, c.order, got, why, c.want)
		}
	}
	bad := map[string]reason{
		"31.02.2024":       reasonImpossibleDate,
		"2024-13-01":       reasonImpossibleDate,
		"05/03/2024":       reasonDateOrder,
		"yesterday":        reasonNotDate,
		"2024-03-05 25:00": reasonImpossibleDate,
		"Jul 31, 18:30":    reasonNotDate, // a day and a time: no year
	}
	for in, want := range bad {
		r := dateReader{loc: msk}
		if _, why := r.parse(in); why != want {
			t.Errorf("parse(%q) reason = %q, want %q", in, why, want)
		}
	}
	// Excel serial 43312.5 is 2018-07-31 12:00 wall time.
	r := dateReader{loc: msk, excel: true}
	if got, why := r.parse("43312.5"); why != "" || !got.Equal(time.Date(2018, 7, 31, 12, 0, 0, 0, msk)) {
		t.Errorf("excel serial = %v %q", got, why)
	}
}

func TestDateColumnOrder(t *testing.T) {
	cases := []struct {
		values []string
		want   DateOrder
		ok     bool
		layout string
	}{
		{[]string{"01/02/2024", "13/02/2024"}, DMY, true, "dd/mm/yyyy"},
		{[]string{"01/02/2024", "02/13/2024 10:00"}, MDY, true, "mm/dd/yyyy"},
		{[]string{"01/02/2024", "03/04/2024"}, DateAuto, false, "dd/mm/yyyy or mm/dd/yyyy"},
		{[]string{"01.02.2024 10:00"}, DateAuto, true, "dd.mm.yyyy HH:MM"},
		{[]string{"1532000000", "NA"}, DateAuto, true, "unix seconds"},
		{[]string{"31-Jul-18"}, DateAuto, true, "dd-Mon-yy"},
		// A leading day name tells the order where the numbers cannot:
		// 1 March 2024 was a Friday, 3 January a Wednesday (RingCentral's
		// call log); «пн» 4 March was a Monday.
		{[]string{"Fri 03/01/2024", "Fri 03/01/2024"}, MDY, true, "mm/dd/yyyy"},
		{[]string{"Fri, 01/03/2024 10:00"}, DMY, true, "dd/mm/yyyy HH:MM"},
		{[]string{"пн 04/03/2024"}, DMY, true, "dd/mm/yyyy"},
		{[]string{"Sun 03/01/2024"}, DateAuto, false, "dd/mm/yyyy or mm/dd/yyyy"}, // neither day fits
		{[]string{"Tue 02/02/2024"}, DateAuto, false, "dd/mm/yyyy or mm/dd/yyyy"}, // both orders are the same day
	}
	for _, c := range cases {
		var st dateColumnStats
		for _, v := range c.values {
			st.add(v, false)
		}
		got, ok := st.order()
		if got != c.want || ok != c.ok {
			t.Errorf("%v: order = %q %v, want %q %v", c.values, got, ok, c.want, c.ok)
		}
		if d := st.describe(got); d != c.layout {
			t.Errorf("%v: layout %q, want %q", c.values, d, c.layout)
		}
	}
}

func TestParseScore(t *testing.T) {
	good := map[string]data.Score{
		"9": 9, " 10 ": 10, "0": 0, "9.0": 9, "7,00": 7, "9 - Extremely likely": 9,
		"10 (Extremely likely)": 10, "0 - Not at all likely": 0,
		"": data.NoScore, "NA": data.NoScore, "N/A": data.NoScore, "n/a": data.NoScore, "?": data.NoScore,
		"null": data.NoScore, "NULL": data.NoScore, "-": data.NoScore, "—": data.NoScore,
		// the label first, the scale after: still one number
		"Extremely likely - 10": 10, "Not at all likely - 0": 0, "Точно порекомендую – 10": 10, "NPS: 9": 9, "Оценка 9": 9,
		"9 – очень вероятно": 9, "10 — обязательно порекомендую": 10, "10 баллов": 10, "9,0": 9,
		"9/10": 9, "10/10": 10, "5/10": 5, "9 из 10": 9, "9 баллов из 10": 9, "9 (из 10)": 9, "9 out of 10": 9,
	}
	for in, want := range good {
		if got, why := parseScore(in); why != "" || got != want {
			t.Errorf("parseScore(%q) = %d %q, want %d", in, got, why, want)
		}
	}
	for _, in := range []string{"11", "100", "9.5", "Promoter", "nine", "9x", "-3", "9б", "NPS9", "Q1: 9", "5/5", "4 of 5", "10/10/2024"} {
		if _, why := parseScore(in); why == "" {
			t.Errorf("parseScore(%q) accepted", in)
		}
	}
	// A range or a choice names no one score: never guessed.
	for _, in := range []string{"7-8", "7 – 8", "9 or 10", "9 или 10", "9 - 10"} {
		if got, why := parseScore(in); why != reasonScoreAmbiguous {
			t.Errorf("parseScore(%q) = %d %q, want %q", in, got, why, reasonScoreAmbiguous)
		}
	}
	// A date is no score with a fraction: a date column must not fit as one.
	if _, why := parseScore("05.03.2024"); why != reasonNotScore {
		t.Errorf("parseScore(05.03.2024) = %q, want %q", why, reasonNotScore)
	}
}

func TestDetectEncoding(t *testing.T) {
	cp1251 := []byte{0xCE, 0xF2, 0xEB, 0xE8, 0xF7, 0xED, 0xEE, ' ', 0xEE, 0xE1, 0xF1, 0xEB, 0xF3, 0xE6, 0xE8, 0xEB, 0xE8} // "Отлично обслужили"
	cp1252 := []byte("Tr\xe8s bien, merci. Personnel agr\xe9able, d\xe9lai court. Sch\xf6n und g\xfcnstig.")
	dos := []byte("tr\x8as bien, d\x82lai court, \x85 bient\x93t, fa\x87ade, \x82t\x82, \x82l\x8ave")
	cases := []struct {
		in   []byte
		want string
		sure bool
	}{
		{[]byte("plain ascii"), EncUTF8, true},
		{[]byte("\xef\xbb\xbfс BOM"), EncUTF8, true},
		{[]byte("без BOM, кириллица"), EncUTF8, true},
		{[]byte("\xff\xfea\x00b\x00"), EncUTF16LE, true},
		{[]byte("\xfe\xff\x00a\x00b"), EncUTF16BE, true},
		{bytes.Repeat(append(cp1251, ';'), 3), EncWindows1251, true},
		{cp1252, EncWindows1252, true},
		{dos, EncCP850, true},
		{[]byte("caf\xe9 au lait, d\x82j\x85 vu, tr\xe8s bien, r\xe9ponse, \x82t\x82 co\xfbt"), EncLatin1, true},
		{[]byte("a\xe9"), EncWindows1252, false},
		{[]byte("D\x00a\x00t\x00e\x00,\x00S\x00c\x00o\x00r\x00e\x00"), EncUTF16LE, false},
		// Cyrillic in UTF-16 without a BOM, as SQL Server's bcp -w writes
		// it: the high bytes are 0x04, not NUL.
		{[]byte("\x1d\x04>\x04<\x045\x04@\x04\t\x00\x14\x040\x04B\x040\x04"), EncUTF16LE, false},
		{[]byte("\x04\x1d\x04>\x04<\x045\x04@\x00\t\x04\x14\x040\x04B\x040"), EncUTF16BE, false},
	}
	for _, c := range cases {
		g, err := detectEncoding(bytes.NewReader(c.in))
		if err != nil || g.name != c.want || g.sure != c.sure {
			t.Errorf("detect(%q) = %+v %v, want %s sure=%v", c.in, g, err, c.want, c.sure)
		}
	}
}

func TestUTF8CheckerRefusesInvalidBytes(t *testing.T) {
	// Invalid bytes far past the first chunk must not be passed through.
	in := append(bytes.Repeat([]byte("ok,1\n"), 30000), "caf\xe9,2\n"...)
	var out bytes.Buffer
	_, err := out.ReadFrom(newDecoder(bytes.NewReader(in), EncUTF8))
	if err == nil {
		t.Fatal("invalid UTF-8 decoded without error")
	}
	if got := out.Len(); got != 150000+3 {
		t.Errorf("decoded %d bytes before the error, want %d", got, 150003)
	}
}

func TestDetectEncodingLateBytes(t *testing.T) {
	// The first non-ASCII bytes come after the first read chunk.
	in := append(bytes.Repeat([]byte("ok;1;fine\n"), 40000), []byte("\xce\xf2\xeb\xe8\xf7\xed\xee \xf1\xef\xe0\xf1\xe8\xe1\xee;2;\xcf\xeb\xee\xf5\xee\n")...)
	g, err := detectEncoding(bytes.NewReader(in))
	if err != nil || g.name != EncWindows1251 || !g.sure {
		t.Errorf("late cp1251 = %+v %v", g, err)
	}
	// A UTF-8 letter split across the chunk boundary is still UTF-8.
	in = append(bytes.Repeat([]byte("a"), 256<<10-1), "\xd0\x9e\xd0\xba\n"...) // "Ок"
	if g, err := detectEncoding(bytes.NewReader(in)); err != nil || g.name != EncUTF8 {
		t.Errorf("split UTF-8 = %+v %v", g, err)
	}
	in = append(bytes.Repeat([]byte("ok,1,fine\n"), 40000), "\xd0\x9e\xd0\xba\n"...) // "Ок" in UTF-8
	if g, err := detectEncoding(bytes.NewReader(in)); err != nil || g.name != EncUTF8 {
		t.Errorf("late UTF-8 = %+v %v", g, err)
	}
}

func TestUTF8CheckerKeepsSplitLetters(t *testing.T) {
	in := append(bytes.Repeat([]byte("a"), 64<<10-1), "Ок, ça"...)
	var out bytes.Buffer
	if _, err := out.ReadFrom(newDecoder(bytes.NewReader(append([]byte("\xef\xbb\xbf"), in...)), EncUTF8)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), in) {
		t.Errorf("decoded tail %q", out.Bytes()[len(out.Bytes())-10:])
	}
}

func TestDetectHeaderRows(t *testing.T) {
	cases := []struct {
		rows [][]string
		want int
	}{
		{[][]string{{"Respondent ID", "How likely…?"}, {"", "Response"}, {"1", "9"}}, 2},
		{[][]string{{"Type", "Score"}, {"Response", "9"}, {"Response", "7"}}, 1},
		{[][]string{{"Q1", "Q2"}, {"How likely…?", "Why?"}, {`{"ImportId":"QID1"}`, `{"ImportId":"QID2_TEXT"}`}}, 3},
		{[][]string{{"Date", "Score"}, {"2024-01-01", "9"}}, 1},
	}
	for _, c := range cases {
		if got := detectHeaderRows(c.rows); got != c.want {
			t.Errorf("%q: %d header rows, want %d", c.rows, got, c.want)
		}
	}
}

// A UTF-8 file with a line pasted in from a Windows-1251 export is read
// line by line: the UTF-8 lines stay UTF-8 (read as one code page they
// were all garbled), the odd line is decoded as Windows-1251, and the
// guess names it.
func TestMixedUTF8AndWindows1251(t *testing.T) {
	var in bytes.Buffer
	in.WriteString("\xef\xbb\xbfДата,Оценка,Комментарий\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&in, "2026-11-%02d 10:00,9,Отличный сервис %d\n", i, i)
	}
	in.Write([]byte("2026-11-25 10:00,3,\xcf\xeb\xee\xf5\xee\n")) // "Плохо" in Windows-1251
	in.WriteString("2026-11-26 10:00,10,Спасибо")                 // no final line break
	g, err := detectEncoding(bytes.NewReader(in.Bytes()))
	if err != nil || g.name != EncUTF8Mixed1251 || g.sure || !slices.Equal(g.badLines, []int{22}) || g.nBad != 1 {
		t.Fatalf("mixed file = %+v %v", g, err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(newDecoder(bytes.NewReader(in.Bytes()), g.name)); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"Дата,Оценка", "Отличный сервис 20\n", ",3,Плохо\n", ",10,Спасибо"} {
		if !strings.Contains(text, want) {
			t.Errorf("decoded text lacks %q:\n%s", want, text)
		}
	}
	if strings.HasPrefix(text, "\ufeff") {
		t.Error("byte order mark kept")
	}
	// Mostly Windows-1251 with a line that happens to be valid UTF-8 is a
	// Windows-1251 file.
	cp := bytes.Repeat([]byte("\xce\xf2\xeb\xe8\xf7\xed\xee;1\n"), 10)
	if g, err := detectEncoding(bytes.NewReader(append(cp, "Ок;2\n"...))); err != nil || g.name != EncWindows1251 {
		t.Errorf("cp1251 with one UTF-8 line = %+v %v", g, err)
	}
}

// Total rows under a table, in any case, alone or before their figure;
// data rows never.
func TestIsSummaryRow(t *testing.T) {
	for _, rec := range [][]string{{"Итого:", "", "5"}, {"", "TOTAL"}, {"Grand Total", "12"}, {"Итого ответов: 2"}, {"NPS: 50%"},
		{"Средний балл по всем каналам 6"}, {"в среднем", "7,5"}, {"Average score 8.5"}, {"ВСЕГО", "12"}, {"«Итого»"}, {"- total -"}} {
		if !isSummaryRow(rec) {
			t.Errorf("%q is a total row", rec)
		}
	}
	for _, rec := range [][]string{{"R00000001", "2024-03-05", "9"}, {"05.03.2024", "Итого"}, {"Иванов", "Итого"}, {"Totally great"},
		{"Summer sale", "9"}, {""}, {"Grand", "Total"}, {"Xtotal"}, {"Фамилия", "Итого"}} {
		if isSummaryRow(rec) {
			t.Errorf("%q is a data row", rec)
		}
	}
}
