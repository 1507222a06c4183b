package data

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load zone %s: %v", name, err)
	}
	return loc
}

// March 2025: the 3rd, 10th and 17th are Mondays; Berlin moves its clocks
// forward on Sunday the 30th and back on Sunday 26 October.
func at(loc *time.Location, month time.Month, day, hour, minute int) time.Time {
	return time.Date(2025, month, day, hour, minute, 0, 0, loc)
}

func TestCalendarWorkingHandComputed(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	office := DefaultCalendar()
	withHoliday := DefaultCalendar()
	withHoliday.Holidays = []Day{DateDay(2025, time.March, 10)}
	h := time.Hour
	cases := []struct {
		name     string
		cal      Calendar
		from, to time.Time
		pauses   []Interval
		want     time.Duration
	}{
		{"within one day", office, at(msk, 3, 3, 10, 0), at(msk, 3, 3, 12, 30), nil, 2*h + 30*time.Minute},
		{"before and after hours count nothing", office, at(msk, 3, 3, 7, 0), at(msk, 3, 3, 20, 0), nil, 9 * h},
		{"evening to next morning", office, at(msk, 3, 3, 17, 0), at(msk, 3, 4, 10, 0), nil, 2 * h},
		{"over a weekend", office, at(msk, 3, 7, 17, 0), at(msk, 3, 10, 10, 0), nil, 2 * h},
		{"weekend only", office, at(msk, 3, 8, 9, 0), at(msk, 3, 9, 18, 0), nil, 0},
		{"weekend and a Monday holiday", withHoliday, at(msk, 3, 7, 17, 0), at(msk, 3, 11, 10, 0), nil, 2 * h},
		// 15-18 Mon (3h) + Tue and Wed (9h each) + 9-11 Thu (2h).
		{"several days", office, at(msk, 3, 3, 15, 0), at(msk, 3, 6, 11, 0), nil, 23 * h},
		// Mon 10-18 (8h) + Tue 9-12 (3h), minus the pause's working part:
		// Mon 16-18 and Tue 9-10 (3h); its night hours were not working time.
		{"pause over night", office, at(msk, 3, 3, 10, 0), at(msk, 3, 4, 12, 0),
			[]Interval{{Start: at(msk, 3, 3, 16, 0), End: at(msk, 3, 4, 10, 0)}}, 8 * h},
		{"two pauses", office, at(msk, 3, 3, 9, 0), at(msk, 3, 3, 18, 0),
			[]Interval{{Start: at(msk, 3, 3, 10, 0), End: at(msk, 3, 3, 11, 0)}, {Start: at(msk, 3, 3, 15, 0), End: at(msk, 3, 3, 15, 30)}}, 7*h + 30*time.Minute},
		// The open-ended pause from Tue 11:00 stops the clock for good:
		// Mon 10-18 (8h) + Tue 9-11 (2h).
		{"open-ended pause", office, at(msk, 3, 3, 10, 0), at(msk, 3, 5, 12, 0),
			[]Interval{{Start: at(msk, 3, 4, 11, 0)}}, 10 * h},
		{"pause before the span", office, at(msk, 3, 3, 10, 0), at(msk, 3, 3, 12, 0),
			[]Interval{{Start: at(msk, 3, 3, 8, 0), End: at(msk, 3, 3, 11, 0)}}, h},
		{"24/7 over a weekend", AllDayCalendar(), at(msk, 3, 7, 17, 0), at(msk, 3, 10, 10, 0), nil, 65 * h},
		{"24/7 ignores holidays", Calendar{AllDay: true, Holidays: []Day{DateDay(2025, time.March, 8)}}, at(msk, 3, 7, 0, 0), at(msk, 3, 9, 0, 0), nil, 48 * h},
		{"reversed span", office, at(msk, 3, 3, 12, 0), at(msk, 3, 3, 10, 0), nil, 0},
		{"empty span", office, at(msk, 3, 3, 12, 0), at(msk, 3, 3, 12, 0), nil, 0},
	}
	for _, c := range cases {
		if got := c.cal.Working(c.from, c.to, msk, c.pauses); got != c.want {
			t.Errorf("%s: Working = %v, want %v", c.name, got, c.want)
		}
	}
}

// Working time is real elapsed time: a 24/7 day in Berlin lasts 23 hours
// when the clocks go forward and 25 when they go back; Moscow keeps no
// daylight saving time, so the same local span is always 24 hours.
func TestCalendarDaylightSaving(t *testing.T) {
	berlin, msk := mustZone(t, "Europe/Berlin"), mustZone(t, "Europe/Moscow")
	all := AllDayCalendar()
	for _, c := range []struct {
		loc      *time.Location
		from, to time.Time
		want     time.Duration
	}{
		{berlin, at(berlin, 3, 29, 12, 0), at(berlin, 3, 30, 12, 0), 23 * time.Hour},
		{berlin, at(berlin, 10, 25, 12, 0), at(berlin, 10, 26, 12, 0), 25 * time.Hour},
		{msk, at(msk, 3, 29, 12, 0), at(msk, 3, 30, 12, 0), 24 * time.Hour},
		{msk, at(msk, 10, 25, 12, 0), at(msk, 10, 26, 12, 0), 24 * time.Hour},
	} {
		if got := all.Working(c.from, c.to, c.loc, nil); got != c.want {
			t.Errorf("24/7 %s %s: Working = %v, want %v", c.loc, c.from.Format(time.DateOnly), got, c.want)
		}
	}
	// A night shift 01:00-05:00 every day: on 30 March Berlin skips 02:00-03:00.
	night := Calendar{Start: 60, End: 300}
	for d := range night.Weekdays {
		night.Weekdays[d] = true
	}
	if got := night.Working(at(berlin, 3, 30, 0, 0), at(berlin, 3, 30, 12, 0), berlin, nil); got != 3*time.Hour {
		t.Errorf("night shift on the DST day in Berlin = %v, want 3h", got)
	}
	if got := night.Working(at(msk, 3, 30, 0, 0), at(msk, 3, 30, 12, 0), msk, nil); got != 4*time.Hour {
		t.Errorf("night shift on the same day in Moscow = %v, want 4h", got)
	}
	// Adding a day of 24/7 time across the change lands an hour later on the wall clock.
	if got, want := all.AddWorking(at(berlin, 3, 29, 12, 0), 24*time.Hour, berlin, nil), at(berlin, 3, 30, 13, 0); !got.Equal(want) {
		t.Errorf("24/7 AddWorking over DST = %v, want %v", got, want)
	}
}

func TestCalendarAddWorkingHandComputed(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	office := DefaultCalendar()
	withHoliday := DefaultCalendar()
	withHoliday.Holidays = []Day{DateDay(2025, time.March, 10)}
	h := time.Hour
	cases := []struct {
		name   string
		cal    Calendar
		from   time.Time
		d      time.Duration
		pauses []Interval
		want   time.Time
	}{
		{"same day", office, at(msk, 3, 3, 10, 0), 2 * h, nil, at(msk, 3, 3, 12, 0)},
		{"ends exactly at closing", office, at(msk, 3, 3, 10, 0), 8 * h, nil, at(msk, 3, 3, 18, 0)},
		{"before opening", office, at(msk, 3, 3, 7, 0), h, nil, at(msk, 3, 3, 10, 0)},
		{"after closing", office, at(msk, 3, 3, 19, 0), h, nil, at(msk, 3, 4, 10, 0)},
		{"over a weekend", office, at(msk, 3, 7, 17, 0), 2 * h, nil, at(msk, 3, 10, 10, 0)},
		{"over a weekend and a holiday", withHoliday, at(msk, 3, 7, 17, 0), 2 * h, nil, at(msk, 3, 11, 10, 0)},
		{"from Saturday", office, at(msk, 3, 8, 12, 0), 30 * time.Minute, nil, at(msk, 3, 10, 9, 30)},
		{"several days", office, at(msk, 3, 3, 15, 0), 23 * h, nil, at(msk, 3, 6, 11, 0)},
		{"pause inside the day", office, at(msk, 3, 3, 10, 0), 3 * h,
			[]Interval{{Start: at(msk, 3, 3, 11, 0), End: at(msk, 3, 3, 13, 0)}}, at(msk, 3, 3, 15, 0)},
		{"starting inside a pause", office, at(msk, 3, 3, 10, 0), h,
			[]Interval{{Start: at(msk, 3, 3, 9, 30), End: at(msk, 3, 3, 12, 0)}}, at(msk, 3, 3, 13, 0)},
		{"pause over night", office, at(msk, 3, 3, 15, 0), 4 * h,
			[]Interval{{Start: at(msk, 3, 3, 17, 0), End: at(msk, 3, 4, 11, 0)}}, at(msk, 3, 4, 13, 0)},
		{"done before an open-ended pause", office, at(msk, 3, 3, 10, 0), 30 * time.Minute,
			[]Interval{{Start: at(msk, 3, 3, 11, 0)}}, at(msk, 3, 3, 10, 30)},
		{"never done after an open-ended pause", office, at(msk, 3, 3, 10, 0), 3 * h,
			[]Interval{{Start: at(msk, 3, 3, 11, 0)}}, time.Time{}},
		{"no working days at all", Calendar{Start: 540, End: 1080}, at(msk, 3, 3, 10, 0), h, nil, time.Time{}},
		{"24/7", AllDayCalendar(), at(msk, 3, 7, 17, 0), 65 * h, nil, at(msk, 3, 10, 10, 0)},
	}
	for _, c := range cases {
		got := c.cal.AddWorking(c.from, c.d, msk, c.pauses)
		if !got.Equal(c.want) {
			t.Errorf("%s: AddWorking = %v, want %v", c.name, got, c.want)
		}
		// Whatever AddWorking returns, Working measures back the same span.
		if !got.IsZero() {
			if back := c.cal.Working(c.from, got, msk, c.pauses); back != c.d {
				t.Errorf("%s: Working back = %v, want %v", c.name, back, c.d)
			}
		}
	}
}

func TestCalendarValidate(t *testing.T) {
	def := DefaultCalendar()
	if err := def.Validate(); err != nil {
		t.Errorf("default calendar: %v", err)
	}
	all := AllDayCalendar()
	if err := all.Validate(); err != nil {
		t.Errorf("24/7 calendar: %v", err)
	}
	reversed := DefaultCalendar()
	reversed.Start, reversed.End = 18*60, 9*60
	late := DefaultCalendar()
	late.End = 24*60 + 1
	for _, c := range []struct {
		name, field string
		cal         Calendar
	}{
		{"reversed hours", "hours", reversed},
		{"past midnight", "hours", late},
		{"no working day", "weekdays", Calendar{Start: 540, End: 1080}},
	} {
		err := c.cal.Validate()
		if ve, ok := err.(ValidationErrors); !ok || ve.For(c.field) == nil || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Validate = %v, want an error on %s", c.name, err, c.field)
		}
	}
}

func TestDurationBuckets(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want int
	}{
		{-time.Minute, 0},
		{0, 0},
		{30*time.Minute + 59*time.Second, 30},
		{59 * time.Minute, 59},
		{time.Hour, 60},
		// 60 + floor(ln 2 / ln 1.03) = 60 + floor(23.45).
		{2 * time.Hour, 83},
		// 60 + floor(ln 24 / ln 1.03) = 60 + floor(107.52).
		{24 * time.Hour, 167},
	} {
		if got := DurationBucket(c.d); got != c.want {
			t.Errorf("DurationBucket(%v) = %d, want %d", c.d, got, c.want)
		}
	}
	for _, d := range []time.Duration{0, 17 * time.Minute, time.Hour, 90 * time.Minute, 7 * time.Hour, 72 * time.Hour, 900 * time.Hour} {
		b := DurationBucket(d)
		lo, hi := DurationBucketRange(b)
		if d < lo || d >= hi {
			t.Errorf("%v in bucket %d = [%v, %v)", d, b, lo, hi)
		}
		if b >= 60 && float64(hi)/float64(lo) > DurationBucketRatio+1e-9 {
			t.Errorf("bucket %d is wider than the ratio: [%v, %v)", b, lo, hi)
		}
	}
}

func TestCalendarWithin(t *testing.T) {
	office := DefaultCalendar()
	shorter := DefaultCalendar()
	shorter.End = 17 * 60
	holiday := DateDay(2025, time.March, 10) // a Monday
	withHoliday := DefaultCalendar()
	withHoliday.Holidays = []Day{holiday}
	saturdays := DefaultCalendar()
	saturdays.Weekdays[time.Saturday] = true
	sundayHoliday := DefaultCalendar()
	sundayHoliday.Holidays = []Day{DateDay(2025, time.March, 9)}
	allDay, none := AllDayCalendar(), Calendar{Start: 9 * 60, End: 18 * 60}
	cases := []struct {
		name string
		c, o Calendar
		want bool
	}{
		{"same", office, office, true},
		{"shorter day", shorter, office, true},
		{"longer day", office, shorter, false},
		{"a holiday added", withHoliday, office, true},
		{"a holiday removed", office, withHoliday, false},
		{"a day off that was no working day anyway", office, sundayHoliday, true},
		{"Saturdays added", saturdays, office, false},
		{"Saturdays dropped", office, saturdays, true},
		{"into 24/7", office, allDay, true},
		{"out of 24/7", allDay, office, false},
		{"no working day", none, withHoliday, true},
	}
	for _, tc := range cases {
		if got := tc.c.Within(&tc.o); got != tc.want {
			t.Errorf("%s: Within = %v, want %v", tc.name, got, tc.want)
		}
		// What Within claims holds for the windows, day by day, over
		// three weeks around the holidays.
		contained := true
		for d := holiday - 10; d <= holiday+10; d++ {
			cStart, cEnd, cok := tc.c.window(d, time.UTC)
			oStart, oEnd, ook := tc.o.window(d, time.UTC)
			if cok && (!ook || cStart.Before(oStart) || cEnd.After(oEnd)) {
				contained = false
			}
		}
		if contained != tc.want {
			t.Errorf("%s: windows contained = %v, want %v", tc.name, contained, tc.want)
		}
	}
}

func TestCalendarBound(t *testing.T) {
	berlin, msk := mustZone(t, "Europe/Berlin"), mustZone(t, "Europe/Moscow")
	office := DefaultCalendar()
	// Berlin's clocks go back at 03:00 to 02:00: an office day is not
	// touched, a night shift over it holds an hour more.
	night := Calendar{Start: 60, End: 300}
	for d := range night.Weekdays {
		night.Weekdays[d] = true
	}
	for _, c := range []struct {
		name string
		cal  Calendar
		loc  *time.Location
		want time.Duration
	}{
		{"office in Berlin", office, berlin, 9 * time.Hour},
		{"office in Moscow", office, msk, 9 * time.Hour},
		{"night shift in Berlin", night, berlin, 5 * time.Hour},
		// Moscow changed its clocks until 2011, Tokyo not since 1951.
		{"night shift in Moscow", night, msk, 5 * time.Hour},
		{"night shift in Tokyo", night, mustZone(t, "Asia/Tokyo"), 4 * time.Hour},
	} {
		b, ok := c.cal.Bound(c.loc)
		if !ok || b.Longest != c.want || b.Weekdays != c.cal.Weekdays {
			t.Errorf("%s: Bound = %+v, %v; want Longest %v and its weekdays", c.name, b, ok, c.want)
		}
	}
	if all := AllDayCalendar(); func() bool { _, ok := all.Bound(berlin); return ok }() {
		t.Error("24/7 has a day bound")
	}
	weekend := Calendar{Start: 10 * 60, End: 20 * 60}
	weekend.Weekdays[time.Saturday], weekend.Weekdays[time.Sunday] = true, true
	ob, _ := office.Bound(msk)
	wb, _ := weekend.Bound(msk)
	u := ob.Union(wb)
	if u.Longest != 10*time.Hour || slices.Contains(u.Weekdays[:], false) {
		t.Errorf("union of weekdays 9-18 and weekends 10-20 = %+v, want every day, 10h", u)
	}
	// Monday 3 March to Monday 10 March 2025: six weekdays of nine hours.
	mon, nextMon := DateDay(2025, 3, 3), DateDay(2025, 3, 10)
	if got := ob.Max(mon, nextMon); got != 54*time.Hour {
		t.Errorf("Max Monday to next Monday = %v, want 54h", got)
	}
	if got := ob.Max(nextMon, mon); got != 0 {
		t.Errorf("Max of an empty span = %v, want 0", got)
	}
}

// TestCalendarBoundHolds checks that no clock holds more working time
// than its calendar's bound, over random calendars, spans, holidays and
// pauses, in zones with and without clock changes inside the hours.
func TestCalendarBoundHolds(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 11))
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Moscow"), mustZone(t, "Europe/Berlin"),
		mustZone(t, "America/New_York"), mustZone(t, "Australia/Lord_Howe")}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 2000; i++ {
		loc := zones[i%len(zones)]
		cal := Calendar{Start: rnd.IntN(24*60 - 30)}
		cal.End = cal.Start + 1 + rnd.IntN(24*60-cal.Start)
		for d := range cal.Weekdays {
			cal.Weekdays[d] = rnd.IntN(3) > 0
		}
		from := base.Add(time.Duration(rnd.Int64N(int64(365 * 24 * time.Hour))))
		to := from.Add(time.Duration(rnd.Int64N(int64(20 * 24 * time.Hour))))
		if rnd.IntN(4) == 0 {
			cal.Holidays = []Day{DayOf(from, loc) + 1}
		}
		var pauses []Interval
		if rnd.IntN(4) == 0 {
			pauses = []Interval{{Start: from.Add(time.Hour), End: from.Add(30 * time.Hour)}}
		}
		b, _ := cal.Bound(loc)
		got, bound := cal.Working(from, to, loc, pauses), b.Max(DayOf(from, loc), DayOf(to, loc))
		if got > bound {
			t.Fatalf("%s %+v from %s to %s: working %v > bound %v", loc, cal, from.In(loc), to.In(loc), got, bound)
		}
	}
	// The days the clocks go back, with the hours over the change.
	ny := mustZone(t, "America/New_York")
	allHours := Calendar{Start: 0, End: 24 * 60}
	for d := range allHours.Weekdays {
		allHours.Weekdays[d] = true
	}
	b, _ := allHours.Bound(ny)
	from, to := time.Date(2025, 11, 2, 0, 0, 0, 0, ny), time.Date(2025, 11, 2, 23, 59, 0, 0, ny)
	if got := allHours.Working(from, to, ny, nil); got > b.Max(DayOf(from, ny), DayOf(to, ny)) || got <= 24*time.Hour {
		t.Errorf("New York, 2 November 2025, all hours: working %v, bound %v", got, b.Max(DayOf(from, ny), DayOf(to, ny)))
	}
}

// TestRememberedCalendarWorksLikeTheWalk checks the judge's remembered
// days (differences of running totals) against the walk over the days,
// over random calendars, spans and pauses, open ones included, in zones
// with clock changes.
func TestRememberedCalendarWorksLikeTheWalk(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 5))
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Moscow"), mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	instant := func(from time.Time, within time.Duration) time.Time {
		return from.Add(time.Duration(rnd.Int64N(int64(within))))
	}
	for i := 0; i < 3000; i++ {
		loc := zones[i%len(zones)]
		cal := DefaultCalendar()
		if rnd.IntN(3) == 0 {
			cal.Start = rnd.IntN(24*60 - 30)
			cal.End = cal.Start + 1 + rnd.IntN(24*60-cal.Start)
			for d := range cal.Weekdays {
				cal.Weekdays[d] = rnd.IntN(3) > 0
			}
		}
		if rnd.IntN(5) == 0 {
			cal = AllDayCalendar()
		}
		from := instant(base, 2*365*24*time.Hour)
		to := instant(from, 30*24*time.Hour)
		if rnd.IntN(3) == 0 {
			cal.Holidays = []Day{DayOf(from, loc), DayOf(from, loc) + 2}
		}
		var pauses []Interval
		for at := from.Add(-time.Hour); rnd.IntN(3) > 0; {
			start := instant(at, 3*24*time.Hour)
			end := instant(start, 2*24*time.Hour)
			if rnd.IntN(6) == 0 {
				end = time.Time{} // still waiting
			}
			pauses = append(pauses, Interval{Start: start, End: end})
			if end.IsZero() {
				break
			}
			at = end
		}
		in := calendarIn{&cal, loc}
		days := &calendarDays{calendarIn: in}
		if rnd.IntN(2) == 0 {
			days.window(DayOf(from, loc) - Day(rnd.IntN(400))) // remembered from another day first
		}
		if got, want := working(days, from, to, pauses), working(in, from, to, pauses); got != want {
			t.Fatalf("%s %+v from %s to %s, pauses %v: remembered %v, walked %v", loc, cal, from.In(loc), to.In(loc), pauses, got, want)
		}
	}
}
