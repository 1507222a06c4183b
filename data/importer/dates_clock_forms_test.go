package importer

import (
	"testing"
	"time"
)

// A time of day written before its date, a time written with dots as
// Russian documents do, and a zone's name in several words after its
// offset.
func TestParseDateClockForms(t *testing.T) {
	loc := time.FixedZone("local", 5*3600)
	msk := time.FixedZone("MSK", 3*3600)
	checkDates(t, loc, []dateCase{
		{"10:00 05.03.2024", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, loc)},
		{"10:00:15 05/03/2024", DMY, time.Date(2024, 3, 5, 10, 0, 15, 0, loc)},
		{"10:00:15 05/03/2024", MDY, time.Date(2024, 5, 3, 10, 0, 15, 0, loc)},
		{"10:00, 05.03.2024", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, loc)},
		{"2:22 PM 3/5/2024", MDY, time.Date(2024, 3, 5, 14, 22, 0, 0, loc)},
		{"10:00 5 марта 2024", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, loc)},
		{"10:00 2024-03-05 +03:00", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, msk)},
		{"10.00 05.03.2024", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, loc)},
		// A dotted date of two-digit year is read first; only when what
		// follows is no time is the lead a time ("10.03.15" has a month).
		{"10.03.15 05.03.2024", DateAuto, time.Date(2024, 3, 5, 10, 3, 15, 0, loc)},
		{"05.03.24 10.00", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, loc)},
		{"05.03.2024 10.00", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, loc)},
		{"05.03.2024 10.00.15", DateAuto, time.Date(2024, 3, 5, 10, 0, 15, 0, loc)},
		{"05.03.2024 в 9.05", DateAuto, time.Date(2024, 3, 5, 9, 5, 0, 0, loc)},
		{"2024-03-05 10:00 +03:00 Moscow Time", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, msk)},
		{"05.03.2024 10:00 UTC+03:00 Russia TZ 2 Standard Time", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, msk)},
		{"Tue Mar 05 2024 10:00:00 GMT+0300 (Russia TZ 2 Standard Time)", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, msk)},
		{"05.03.2024 10:00 +0300 Москва, стандартное время", DateAuto, time.Date(2024, 3, 5, 10, 0, 0, 0, msk)},
		{"2024-03-05 10:00 +01:00 Central European Standard Time", DateAuto, time.Date(2024, 3, 5, 12, 0, 0, 0, msk)},
	})
	for _, in := range []string{
		"10:00",                     // a time, no date
		"10:00 05.03.2024 11:00",    // two times
		"10:00 1709632800",          // unix seconds have their own time
		"10:0 05.03.2024",           // minutes are two digits
		"10:0005.03.2024",           // nothing between the time and the date
		"05.03.2024 10.0",           //
		"05.03.2024 10.00:15",       // one separator in a time
		"05.03.2024 10.00.15.250",   // a fraction only after colons
		"05.03.2024 10.03.2024",     // a second date, no time
		"12.03.2024 05.03.2024",     // nor before
		"2024-03-05 10:00 +3 days",  // words after a number, no zone's name
		"2024-03-05 10:00 +03:00 x", //
		"2024-03-05 10:00 Moscow Time",
		"2024-03-05 10:00 (Russia TZ 2 Standard Time)", // a name alone gives no offset
		"2024-03-05 10:00 +03:00 (Russia TZ 2 Standard Time) Moscow",
	} {
		r := dateReader{order: DMY, loc: loc}
		if got, why := r.parse(in); why != reasonNotDate {
			t.Errorf("parse(%q) = %v, %q; want %q", in, got, why, reasonNotDate)
		}
	}
	r := dateReader{loc: loc}
	if got, why := r.parse("25.00 05.03.2024"); why != reasonImpossibleDate {
		t.Errorf("parse(25.00 05.03.2024) = %v, %q; want %q", got, why, reasonImpossibleDate)
	}
}

// A column of times before dates has its day/month order decided by its
// values like any other, and its layout says the time comes first.
func TestDateColumnOrderClockForms(t *testing.T) {
	cases := []struct {
		values []string
		want   DateOrder
		layout string
	}{
		{[]string{"10:00:15 01/02/2024", "09:30:00 13/02/2024"}, DMY, "HH:MM:SS dd/mm/yyyy"},
		{[]string{"10:00 01/02/2024", "10:00 02/13/2024"}, MDY, "HH:MM mm/dd/yyyy"},
		{[]string{"01.02.2024 10.00", "02.02.2024 11.15"}, DateAuto, "dd.mm.yyyy HH.MM"},
		{[]string{"10.00.15 01.02.2024"}, DateAuto, "HH.MM.SS dd.mm.yyyy"},
	}
	for _, c := range cases {
		var st dateColumnStats
		for _, v := range c.values {
			st.add(v, false)
		}
		got, ok := st.order()
		if got != c.want || !ok {
			t.Errorf("%v: order = %q %v, want %q", c.values, got, ok, c.want)
		}
		if d := st.describe(got); d != c.layout {
			t.Errorf("%v: layout %q, want %q", c.values, d, c.layout)
		}
	}
}

// A time column beside the date takes colons only: «Время ответа» of
// "1.30" is more likely hours than half past one.
func TestParseClockDotted(t *testing.T) {
	if d, ok := parseClock("1.30", false); ok {
		t.Errorf("parseClock(1.30) = %v, want none", d)
	}
	if d, ok := parseClock("1:30", false); !ok || d != 90*time.Minute {
		t.Errorf("parseClock(1:30) = %v %v", d, ok)
	}
}
