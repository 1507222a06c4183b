package data

import (
	"math"
	"slices"
	"time"
)

// Calendar is a working calendar: the hours a service clock runs. AllDay
// means 24/7; otherwise the clock runs on Weekdays between Start and End
// (minutes after midnight, department time) except on Holidays.
type Calendar struct {
	AllDay   bool
	Weekdays [7]bool // indexed by time.Weekday
	Start    int     // minutes after midnight
	End      int     // minutes after midnight, > Start
	Holidays []Day
}

// DefaultCalendar is Monday to Friday, 9:00 to 18:00.
func DefaultCalendar() Calendar {
	c := Calendar{Start: 9 * 60, End: 18 * 60}
	for d := time.Monday; d <= time.Friday; d++ {
		c.Weekdays[d] = true
	}
	return c
}

// AllDayCalendar is the 24/7 calendar.
func AllDayCalendar() Calendar { return Calendar{AllDay: true} }

// Validate checks the calendar's hours.
func (c *Calendar) Validate() error {
	if c.AllDay {
		return nil
	}
	var errs ValidationErrors
	if c.Start < 0 || c.End > 24*60 || c.End <= c.Start {
		errs = append(errs, fieldErr("hours", "error.calendar_hours", "working hours must end after they start, within one day"))
	}
	if !slices.Contains(c.Weekdays[:], true) {
		errs = append(errs, fieldErr("weekdays", "error.calendar_days", "pick at least one working day"))
	}
	return errs.orNil()
}

// maxCalendarDays bounds walks over a calendar (ten years) so that a
// calendar with no working time cannot loop forever.
const maxCalendarDays = 3660

// Within reports whether every working minute of c is one of o too, so
// that a clock never runs longer by c than by o. It is exact for the
// calendars this type can describe.
func (c *Calendar) Within(o *Calendar) bool {
	if o.AllDay {
		return true
	}
	if c.AllDay {
		return false
	}
	works := false
	for d, on := range c.Weekdays {
		if on && !o.Weekdays[d] {
			return false
		}
		works = works || on
	}
	if !works {
		return true
	}
	if c.Start < o.Start || c.End > o.End {
		return false
	}
	for _, h := range o.Holidays {
		if c.Weekdays[h.Weekday()] && !slices.Contains(c.Holidays, h) {
			return false
		}
	}
	return true
}

// DayBound bounds the working time a clock can hold between two days: at
// most Longest on each day of Weekdays (holidays only take time away).
type DayBound struct {
	Weekdays [7]bool // indexed by time.Weekday
	Longest  time.Duration
}

// Bound returns c's day bound in loc; false for 24/7, whose days hold all
// of plain time: plain time bounds it as well.
//
// A day's window holds End−Start, and more only on a day the clocks go
// back inside it: the transitions of loc (1970–2200) tell which.
func (c *Calendar) Bound(loc *time.Location) (DayBound, bool) {
	if c.AllDay {
		return DayBound{}, false
	}
	hours := time.Duration(c.End-c.Start) * time.Minute
	b := DayBound{Weekdays: c.Weekdays, Longest: hours}
	end := time.Date(2200, 1, 1, 0, 0, 0, 0, loc)
	for t := time.Date(1970, 1, 1, 0, 0, 0, 0, loc); t.Before(end); {
		_, next := t.ZoneBounds()
		if next.IsZero() {
			break
		}
		if !next.After(t) {
			// Past its table a zone's periods end each new year, and
			// the instant that ends one reports it again.
			t = t.Add(time.Hour)
			continue
		}
		_, before := t.Zone()
		_, after := next.Zone()
		if back := time.Duration(before-after) * time.Second; back > 0 {
			// The wall clock repeats [at, at+back) on that day.
			at := next.Hour()*60 + next.Minute()
			if at < c.End && at+int(back/time.Minute) > c.Start {
				b.Longest = max(b.Longest, hours+back)
			}
		}
		t = next
	}
	return b, true
}

// Union is the bound of clocks bound by b or o.
func (b DayBound) Union(o DayBound) DayBound {
	for d, on := range o.Weekdays {
		b.Weekdays[d] = b.Weekdays[d] || on
	}
	b.Longest = max(b.Longest, o.Longest)
	return b
}

// Max is the most working time a clock started on day from and stopped
// on day to can hold.
func (b DayBound) Max(from, to Day) time.Duration {
	n := 0
	for d := from; d <= to; d++ {
		if b.Weekdays[d.Weekday()] {
			n++
		}
	}
	return time.Duration(n) * b.Longest
}

// window returns the working window of day d in loc; ok is false on days
// off.
func (c *Calendar) window(d Day, loc *time.Location) (start, end time.Time, ok bool) {
	y, m, dd := d.Date()
	if c.AllDay {
		return time.Date(y, m, dd, 0, 0, 0, 0, loc), time.Date(y, m, dd+1, 0, 0, 0, 0, loc), true
	}
	if !c.Weekdays[d.Weekday()] || slices.Contains(c.Holidays, d) {
		return time.Time{}, time.Time{}, false
	}
	return time.Date(y, m, dd, 0, c.Start, 0, 0, loc), time.Date(y, m, dd, 0, c.End, 0, 0, loc), true
}

// windows gives the working window of a day: a calendar in a location,
// looked up each time (calendarIn) or remembered (calendarDays).
type windows interface {
	window(d Day) (start, end time.Time, ok bool)
	location() *time.Location
}

type calendarIn struct {
	cal *Calendar
	loc *time.Location
}

func (c calendarIn) window(d Day) (time.Time, time.Time, bool) { return c.cal.window(d, c.loc) }
func (c calendarIn) location() *time.Location                  { return c.loc }

// calendarDays remembers a calendar's windows in a location for work that
// asks for the same days over and over: judging a million complaints
// against a standard spends most of its arithmetic building the same few
// hundred days' times. It also keeps the working time of the days before
// each, so that the working time between two instants is a difference,
// not a walk over the days between. Not safe for concurrent use.
type calendarDays struct {
	calendarIn
	first Day
	days  []dayWindow // days[i] is the window of first+i, known from 0 on
}

type dayWindow struct {
	start, end time.Time
	ok         bool
	before     time.Duration // working time of the remembered days before
}

// maxRememberedDays bounds what calendarDays keeps: twenty years from a
// year before the first day asked, about 600 KB. Days outside are looked
// up each time.
const maxRememberedDays = 2 * maxCalendarDays

// day returns the remembered window of d, nil outside the days kept.
func (c *calendarDays) day(d Day) *dayWindow {
	if len(c.days) == 0 {
		c.first = d - 366 // room for the days before, as later complaints come
	}
	i := int(d) - int(c.first)
	if i < 0 || i >= maxRememberedDays {
		return nil
	}
	if i >= len(c.days) {
		n := min(max(i+1, 2*len(c.days)), maxRememberedDays)
		for k := len(c.days); k < n; k++ {
			var w dayWindow
			if k > 0 {
				prev := &c.days[k-1]
				w.before = prev.before
				if prev.ok {
					w.before += prev.end.Sub(prev.start)
				}
			}
			w.start, w.end, w.ok = c.calendarIn.window(c.first + Day(k))
			c.days = append(c.days, w)
		}
	}
	return &c.days[i]
}

func (c *calendarDays) window(d Day) (time.Time, time.Time, bool) {
	if w := c.day(d); w != nil {
		return w.start, w.end, w.ok
	}
	return c.calendarIn.window(d)
}

// upTo is the working time of the remembered days up to t; false if t's
// day is not kept.
func (c *calendarDays) upTo(t time.Time) (time.Duration, bool) {
	w := c.day(DayOf(t, c.loc))
	if w == nil {
		return 0, false
	}
	if !w.ok || !t.After(w.start) {
		return w.before, true
	}
	return w.before + earlier(t, w.end).Sub(w.start), true
}

// between is the working time between from and to less that within the
// pauses, as working computes it day by day; false if a day is not kept.
func (c *calendarDays) between(from, to time.Time, pauses []Interval) (time.Duration, bool) {
	if DayOf(to, c.loc)-DayOf(from, c.loc) >= maxCalendarDays {
		return 0, false // working stops counting there
	}
	a, okFrom := c.upTo(from)
	b, okTo := c.upTo(to)
	if !okFrom || !okTo {
		return 0, false
	}
	total := b - a
	for _, p := range pauses {
		if s, e, ok := p.within(from, to); ok {
			ps, _ := c.upTo(s)
			pe, _ := c.upTo(e)
			total -= pe - ps
		}
	}
	return total, true
}

// Working returns the working time between from and to in loc, leaving
// out pauses (sorted, non-overlapping; a pause with a zero End lasts to
// the end).
func (c *Calendar) Working(from, to time.Time, loc *time.Location, pauses []Interval) time.Duration {
	return working(calendarIn{c, loc}, from, to, pauses)
}

func working(w windows, from, to time.Time, pauses []Interval) time.Duration {
	if !to.After(from) {
		return 0
	}
	if days, ok := w.(*calendarDays); ok {
		if d, ok := days.between(from, to, pauses); ok {
			return d
		}
	}
	var total time.Duration
	loc := w.location()
	last := DayOf(to, loc)
	for d, n := DayOf(from, loc), 0; d <= last && n < maxCalendarDays; d, n = d+1, n+1 {
		ws, we, ok := w.window(d)
		if !ok {
			continue
		}
		total += runningBetween(later(ws, from), earlier(we, to), pauses)
	}
	return total
}

// AddWorking returns when d of working time, counted from from, has run
// out, the clock stopping during pauses. It returns the zero time when the
// clock never gets there: an open-ended pause, or no working time within
// ten years.
func (c *Calendar) AddWorking(from time.Time, d time.Duration, loc *time.Location, pauses []Interval) time.Time {
	return addWorking(calendarIn{c, loc}, from, d, pauses)
}

func addWorking(w windows, from time.Time, d time.Duration, pauses []Interval) time.Time {
	left := d
	for day, n := DayOf(from, w.location()), 0; n < maxCalendarDays; day, n = day+1, n+1 {
		ws, we, ok := w.window(day)
		if !ok {
			continue
		}
		t := later(ws, from)
		for t.Before(we) {
			if p, in := pauseAt(pauses, t); in {
				if p.End.IsZero() {
					return time.Time{}
				}
				t = p.End
				continue
			}
			stop := we
			if next, ok := nextPause(pauses, t); ok && next.Before(stop) {
				stop = next
			}
			if span := stop.Sub(t); span >= left {
				return t.Add(left)
			} else {
				left -= span
			}
			t = stop
		}
	}
	return time.Time{}
}

// runningBetween is the length of [a, b) minus the pauses.
func runningBetween(a, b time.Time, pauses []Interval) time.Duration {
	if !b.After(a) {
		return 0
	}
	d := b.Sub(a)
	for _, p := range pauses {
		if s, e, ok := p.within(a, b); ok {
			d -= e.Sub(s)
		}
	}
	return d
}

// within is the part of the pause between a and b, if any; a pause with
// no end lasts to b.
func (p Interval) within(a, b time.Time) (start, end time.Time, ok bool) {
	end = p.End
	if end.IsZero() {
		end = b
	}
	start, end = later(p.Start, a), earlier(end, b)
	return start, end, end.After(start)
}

func pauseAt(pauses []Interval, t time.Time) (Interval, bool) {
	for _, p := range pauses {
		if !t.Before(p.Start) && (p.End.IsZero() || t.Before(p.End)) {
			return p, true
		}
	}
	return Interval{}, false
}

func nextPause(pauses []Interval, t time.Time) (time.Time, bool) {
	for _, p := range pauses {
		if p.Start.After(t) {
			return p.Start, true
		}
	}
	return time.Time{}, false
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Duration histograms: resolution and response times are kept per day in
// buckets so that percentiles over a million complaints read a few
// thousand rows. Below an hour a bucket is one minute; above, buckets grow
// by DurationBucketRatio, so a percentile read from them is off by at most
// half a bucket (1.5%) before interpolation.
const (
	exactBucketMinutes  = 60
	DurationBucketRatio = 1.03
)

// DurationBucket returns the histogram bucket of d (negative d counts as 0).
func DurationBucket(d time.Duration) int {
	m := d.Minutes()
	if m < exactBucketMinutes {
		return int(math.Max(m, 0))
	}
	return exactBucketMinutes + int(math.Log(m/exactBucketMinutes)/math.Log(DurationBucketRatio))
}

// DurationBucketRange returns the durations bucket b covers, [lo, hi).
func DurationBucketRange(b int) (lo, hi time.Duration) {
	if b < exactBucketMinutes {
		return time.Duration(b) * time.Minute, time.Duration(b+1) * time.Minute
	}
	k := float64(b - exactBucketMinutes)
	lo = time.Duration(exactBucketMinutes * math.Pow(DurationBucketRatio, k) * float64(time.Minute))
	hi = time.Duration(exactBucketMinutes * math.Pow(DurationBucketRatio, k+1) * float64(time.Minute))
	return lo, hi
}
