package importer

import (
	"testing"
	"time"
)

// Dates as people and office programs write them out: words between the
// date and the time, day names in full, months in the nominative, English
// ordinals and a.m./p.m.
func TestParseDateWordings(t *testing.T) {
	loc := time.FixedZone("MSK", 3*3600)
	ten := time.Date(2024, 3, 5, 10, 0, 0, 0, loc)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, loc)
	checkDates(t, loc, []dateCase{
		{"05.03.2024 в 10:00", DateAuto, ten},
		{"5 марта 2024 г. в 10:00", DateAuto, ten},
		{"Вт, 5 марта 2024 г., 10:00", DateAuto, ten},
		{"вторник, 5 марта 2024 г.", DateAuto, day},
		{"Воскресенье, 3 марта 2024", DateAuto, time.Date(2024, 3, 3, 0, 0, 0, 0, loc)},
		{"5 март 2024", DateAuto, day},
		{"Март 5, 2024", DateAuto, day},
		{"5 сент. 2024", DateAuto, time.Date(2024, 9, 5, 0, 0, 0, 0, loc)},
		{"March 5th, 2024", DateAuto, day},
		{"5th March 2024", DateAuto, day},
		{"March 1st, 2024", DateAuto, time.Date(2024, 3, 1, 0, 0, 0, 0, loc)},
		{"March 05, 2024 at 10:00 AM", DateAuto, ten},
		{"5 March 2024 at 14:22", DateAuto, time.Date(2024, 3, 5, 14, 22, 0, 0, loc)},
		{"3/5/2024 2:22 p.m.", MDY, time.Date(2024, 3, 5, 14, 22, 0, 0, loc)},
		{"3/5/2024 12:05 a.m.", MDY, time.Date(2024, 3, 5, 0, 5, 0, 0, loc)},
		{"Tuesday, March 5, 2024 2:22:10 P.M.", DateAuto, time.Date(2024, 3, 5, 14, 22, 10, 0, loc)},
	})
	for _, in := range []string{
		"05.03.2024 из 10:00", // only "в" and "at" join a date to its time
		"5 мартобря 2024",
		"5xx March 2024",
		"05.03.2024 гг",
		"3/5/2024 2:22 p.x.",
	} {
		r := dateReader{order: MDY, loc: loc}
		if got, why := r.parse(in); why != reasonNotDate {
			t.Errorf("parse(%q) = %v, %q; want %q", in, got, why, reasonNotDate)
		}
	}
}

// dateCase is a date cell, the column's order, and the time it reads as.
type dateCase struct {
	in    string
	order DateOrder
	want  time.Time
}

// checkDates checks that each case reads as its time in loc.
func checkDates(t *testing.T, loc *time.Location, cases []dateCase) {
	t.Helper()
	for _, c := range cases {
		r := dateReader{order: c.order, loc: loc}
		if got, why := r.parse(c.in); why != "" || !got.Equal(c.want) {
			t.Errorf("parse(%q) = %v, %q; want %v", c.in, got, why, c.want)
		}
	}
}

// The year after the time, as C's ctime, Unix date, Java's
// Date.toString and Twitter's API write dates: with an offset, a zone's
// abbreviation or none.
func TestParseYearLastDates(t *testing.T) {
	loc := time.FixedZone("MSK", 3*3600)
	utc := time.Date(2017, 10, 31, 22, 10, 47, 0, time.UTC)
	checkDates(t, loc, []dateCase{
		{"Tue Oct 31 22:10:47 +0000 2017", DateAuto, utc},
		{"Tue Oct 31 22:10:47 UTC 2017", DateAuto, utc},
		{"Tue Oct 31 22:10:47 2017", DateAuto, time.Date(2017, 10, 31, 22, 10, 47, 0, loc)},
		{"Tue Oct  3 09:05:00 2017", DateAuto, time.Date(2017, 10, 3, 9, 5, 0, 0, loc)},
		{"Oct 31 22:10 2017", DateAuto, time.Date(2017, 10, 31, 22, 10, 0, 0, loc)},
	})
	for _, in := range []string{"Tue Oct 31 22:10:47", "Oct 31 22:10:47 +0000 17", "Oct 31 22:10:47 +0000 2017 extra"} {
		r := dateReader{loc: loc}
		if got, why := r.parse(in); why != reasonNotDate {
			t.Errorf("parse(%q) = %v, %q; want %q", in, got, why, reasonNotDate)
		}
	}
}

// Oracle's default timestamp (DD-MON-RR HH.MI.SSXFF AM), as SQL
// Developer and Oracle-based desks export it: a dotted time with six or
// nine digits of fraction. Other digits after a dotted time stay no time.
func TestParseOracleTimestamps(t *testing.T) {
	loc := time.UTC
	checkDates(t, loc, []dateCase{
		{"31-OCT-17 10.10.47.000000 PM", DateAuto, time.Date(2017, 10, 31, 22, 10, 47, 0, loc)},
		{"05-MAR-24 12.05.00.000000000 AM", DateAuto, time.Date(2024, 3, 5, 0, 5, 0, 0, loc)},
		{"31-Oct-2017 22.10.47.123456", DateAuto, time.Date(2017, 10, 31, 22, 10, 47, 123456000, loc)},
	})
	for _, in := range []string{"05.03.2024 10.00.15.1234", "05.03.2024 10.00.2024"} {
		r := dateReader{order: DMY, loc: loc}
		if got, why := r.parse(in); why == "" {
			t.Errorf("parse(%q) = %v; want no date", in, got)
		}
	}
}
