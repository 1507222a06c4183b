// Package kpi holds CareDesk's metric math and periods. It does no I/O:
// stores hand it counts, it hands back statistics.
package kpi

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"caredesk/data"
)

// Granularity is the length of a reporting period.
type Granularity string

// Period lengths.
const (
	Week    Granularity = "week"
	Month   Granularity = "month"
	Quarter Granularity = "quarter"
	Year    Granularity = "year"
)

// ParseGranularity accepts week, month, quarter or year.
func ParseGranularity(s string) (Granularity, error) {
	switch g := Granularity(strings.ToLower(s)); g {
	case Week, Month, Quarter, Year:
		return g, nil
	}
	return "", fmt.Errorf("unknown period %q: want week, month, quarter or year", s)
}

// Period is a reporting period: Start and End are inclusive days.
type Period struct {
	Start, End data.Day
	Label      string // 2018-01, 2018-Q1, 2018, 2018-W05
}

// PeriodOf returns the period of granularity g that contains d. Weeks are
// ISO weeks (Monday first) labelled by their ISO year.
func PeriodOf(d data.Day, g Granularity) Period {
	y, m, _ := d.Date()
	switch g {
	case Week:
		wd := (int(d.Weekday()) + 6) % 7 // Monday = 0
		start := d - data.Day(wd)
		iy, iw := d.Time().ISOWeek()
		return Period{Start: start, End: start + 6, Label: fmt.Sprintf("%04d-W%02d", iy, iw)}
	case Quarter:
		q := (int(m)-1)/3 + 1
		start := data.DateDay(y, time.Month(3*q-2), 1)
		end := data.DateDay(y, time.Month(3*q+1), 1) - 1
		return Period{Start: start, End: end, Label: fmt.Sprintf("%04d-Q%d", y, q)}
	case Year:
		return Period{Start: data.DateDay(y, 1, 1), End: data.DateDay(y+1, 1, 1) - 1, Label: strconv.Itoa(y)}
	default:
		return Period{Start: data.DateDay(y, m, 1), End: data.DateDay(y, m+1, 1) - 1, Label: fmt.Sprintf("%04d-%02d", y, int(m))}
	}
}

// Periods lists the periods of granularity g that overlap [from, to].
func Periods(from, to data.Day, g Granularity) []Period {
	var out []Period
	for d := from; d <= to; {
		p := PeriodOf(d, g)
		out = append(out, p)
		d = p.End + 1
	}
	return out
}

// span is the first and last day seen: the range of the data, for
// queries that leave a bound open (0).
type span struct {
	lo, hi data.Day
	ok     bool
}

func (s *span) see(d data.Day) {
	if !s.ok {
		s.lo, s.hi, s.ok = d, d, true
		return
	}
	s.lo, s.hi = min(s.lo, d), max(s.hi, d)
}

// bounds returns from and to with an open bound taken from the span; ok
// is false when one was open and nothing was seen.
func (s span) bounds(from, to data.Day) (data.Day, data.Day, bool) {
	if from != 0 && to != 0 {
		return from, to, true
	}
	if !s.ok {
		return from, to, false
	}
	if from == 0 {
		from = s.lo
	}
	if to == 0 {
		to = s.hi
	}
	return from, to, true
}

// periodIndex maps a day of [from, to] to the index of its period. Rollups
// have a row per day (and segment, and histogram bucket): a table lookup
// per row instead of a search.
type periodIndex struct {
	from data.Day
	of   []int32
}

func newPeriodIndex(periods []Period, from, to data.Day) periodIndex {
	x := periodIndex{from: from, of: make([]int32, int(to-from)+1)}
	for i, p := range periods {
		for d := max(p.Start, from); d <= min(p.End, to); d++ {
			x.of[d-from] = int32(i)
		}
	}
	return x
}

func (x periodIndex) at(d data.Day) int { return int(x.of[d-x.from]) }

// ParseMonth parses YYYY-MM (or YYYY-MM-DD) as the first day of the month,
// or with end=true as its last day: the CLI's --from and --to.
func ParseMonth(s string, end bool) (data.Day, error) {
	if d, err := data.ParseDay(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, fmt.Errorf("month %q: want YYYY-MM", s)
	}
	d := data.DateDay(t.Year(), t.Month(), 1)
	if end {
		return PeriodOf(d, Month).End, nil
	}
	return d, nil
}
