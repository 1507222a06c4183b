package data

import (
	"slices"
	"testing"
	"time"
)

func TestParseNPSTarget(t *testing.T) {
	for in, want := range map[string]float64{"40": 40, " +35,5 ": 35.5, "−10": -10, "-100": -100, "100": 100} {
		got, err := ParseNPSTarget(in)
		if err != nil || got == nil || *got != want {
			t.Errorf("ParseNPSTarget(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if got, err := ParseNPSTarget("  "); got != nil || err != nil {
		t.Errorf("empty target: %v, %v", got, err)
	}
	for _, bad := range []string{"abc", "101", "-100.5", "NaN"} {
		if _, err := ParseNPSTarget(bad); err == nil {
			t.Errorf("ParseNPSTarget(%q) accepted", bad)
		}
	}
}

func TestFormatNumberPerLocale(t *testing.T) {
	cases := []struct {
		lang string
		v    float64
		dec  int
		want string
	}{
		{"en", 1234567.891, 1, "1,234,567.9"},
		{"ru", 1234567.891, 1, "1\u202f234\u202f567,9"},
		{"en", -33.14, 1, "−33.1"},
		{"ru", 0.04, 1, "0,0"},
		{"en", -0.04, 1, "0.0"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.lang, c.v, c.dec); got != c.want {
			t.Errorf("FormatNumber(%s, %v) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
	if got := FormatSigned("en", 4.25, 1); got != "+4.3" && got != "+4.2" {
		t.Errorf("FormatSigned = %q", got)
	}
	if got := FormatSigned("ru", -4, 1); got != "−4,0" {
		t.Errorf("FormatSigned ru = %q", got)
	}
	for n, want := range map[int64]string{1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 112: "many", 0: "many"} {
		if got := PluralForm("ru", n); got != want {
			t.Errorf("PluralForm(ru, %d) = %s, want %s", n, got, want)
		}
	}
}

func TestParseTags(t *testing.T) {
	got := ParseTags(" delivery-delay, price;; app bug |quality\nstaff ,")
	want := []string{"delivery-delay", "price", "app bug", "quality", "staff"}
	if !slices.Equal(got, want) {
		t.Errorf("ParseTags = %q, want %q", got, want)
	}
	if ParseTags(" , ; ") != nil {
		t.Error("only separators must give no tags")
	}
}

func TestFeedbackFilterComparisons(t *testing.T) {
	if (FeedbackFilter{Sort: SortByScore, Desc: true}).Narrowed() {
		t.Error("sorting alone narrows nothing")
	}
	for _, f := range []FeedbackFilter{{From: 1}, {Channels: []Channel{ChannelChat}}, {Search: "x"}, {Group: GroupPromoters}, {ClientID: 3}} {
		if !f.Narrowed() {
			t.Errorf("%+v must narrow", f)
		}
	}
	a := FeedbackFilter{Channels: []Channel{ChannelChat}, Search: "late", Sort: SortByDate}
	b := FeedbackFilter{Channels: []Channel{ChannelChat}, Search: "late", Sort: SortByScore, Desc: true}
	if !a.Selects(b) {
		t.Error("filters differing only in sort select the same rows")
	}
	b.Channels = []Channel{ChannelEmail}
	if a.Selects(b) {
		t.Error("different channels select different rows")
	}
}

func TestParseMoney(t *testing.T) {
	cases := []struct {
		lang, in string
		want     int64
		ok       bool
	}{
		{"en", "", 0, true},
		{"en", "1,500.50", 150050, true},
		{"en", "1500", 150000, true},
		{"en", "12,5", 1250, true},
		{"ru", "1 500,50", 150050, true},
		{"ru", "1\u202f500,5", 150050, true},
		{"ru", "1500.25", 150025, true},
		{"ru", "1.500,00", 150000, true},
		{"en", "-5", 0, false},
		{"en", "five", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseMoney(c.lang, c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseMoney(%s, %q) = %d, %v; want %d, %v", c.lang, c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseCountAndMonth(t *testing.T) {
	for _, c := range []struct {
		lang, in string
		want     int64
		ok       bool
	}{
		{"en", "12500", 12500, true}, {"en", "12,500", 12500, true}, {"ru", "12\u202f500", 12500, true},
		{"en", "12'500", 12500, true}, {"en", "", 0, true}, {"ru", "12,5", 0, false}, {"en", "12.5", 0, false}, {"en", "-3", 0, false},
	} {
		if got, ok := ParseCount(c.lang, c.in); got != c.want || ok != c.ok {
			t.Errorf("ParseCount(%s, %q) = %d, %v; want %d, %v", c.lang, c.in, got, ok, c.want, c.ok)
		}
	}
	for in, want := range map[string]Day{"2025-03": DateDay(2025, 3, 1), "2025-3": DateDay(2025, 3, 1), "03.2025": DateDay(2025, 3, 1), "12/2024": DateDay(2024, 12, 1)} {
		if got, ok := ParseMonth(in); !ok || got != want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"2025-13", "March", "2025", "25-03"} {
		if _, ok := ParseMonth(bad); ok {
			t.Errorf("ParseMonth(%q) accepted", bad)
		}
	}
}

func TestDateInputRoundTripsAndReadsWhatPeopleType(t *testing.T) {
	day := time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC)
	for _, lang := range []string{"ru", "en"} {
		text := FormatDateInput(lang, day)
		if got, ok := ParseDateInput(text); !ok || !got.Equal(day) {
			t.Errorf("%s: %q reads back as %v, %v", lang, text, got, ok)
		}
	}
	if FormatDateInput("ru", day) != "31.01.2025" || FormatDateInput("en", day) != "2025-01-31" {
		t.Errorf("formats %q, %q", FormatDateInput("ru", day), FormatDateInput("en", day))
	}
	feb1 := time.Date(2025, time.February, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"31.01.2025": day, "1.2.2025": feb1, "01.02.25": feb1, " 2025-01-31 ": day, "2025-2-1": feb1,
		"Jan 31, 2025": day, "January 31, 2025": day, "31 Jan 2025": day,
		"31/01/2025": day, "01/31/2025": day, "31/1/25": day,
	} {
		if got, ok := ParseDateInput(in); !ok || !got.Equal(want) {
			t.Errorf("%q: %v, %v; want %v", in, got, ok, want)
		}
	}
	// Ambiguous or impossible: refused, not guessed.
	for _, in := range []string{"01/02/2025", "31.02.2025", "32/01/2025", "2025", "", "31-01-2025x", "13/13/2025"} {
		if got, ok := ParseDateInput(in); ok {
			t.Errorf("%q read as %v", in, got)
		}
	}
}
