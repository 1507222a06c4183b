package data

import (
	"fmt"
	"time"
)

// Day is a calendar date in the department's time zone, counted in days
// since 1970-01-01. Grouping queries and periods work on days so that a
// response late in the evening counts on the day the department saw it.
type Day int32

// DayOf returns the calendar day of t in loc: the days since 1970-01-01
// of its local date, counted from its local seconds rather than through
// the date, a fifth of a ticket import's day work.
func DayOf(t time.Time, loc *time.Location) Day {
	_, offset := t.In(loc).Zone()
	s := t.Unix() + int64(offset)
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return Day(d)
}

// DateDay returns the day of a calendar date.
func DateDay(year int, month time.Month, day int) Day {
	return Day(time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ParseDay parses YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Day(t.Unix() / 86400), nil
}

// Time returns midnight UTC of the day; use Date for calendar fields.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the calendar fields of the day.
func (d Day) Date() (int, time.Month, int) { return d.Time().Date() }

// Start returns the first instant of the day in loc.
func (d Day) Start(loc *time.Location) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// Weekday returns the day of the week.
func (d Day) Weekday() time.Weekday { return d.Time().Weekday() }

func (d Day) String() string { return d.Time().Format(time.DateOnly) }
