package widgets

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"caredesk/data"
)

func TestCalendarEditorRoundTripsACalendar(t *testing.T) {
	test.NewTempApp(t)
	e := NewCalendarEditor()
	if c, problems := e.Calendar(); len(problems) > 0 || c.AllDay || c.Start != 9*60 || c.End != 18*60 || c.Weekdays != data.DefaultCalendar().Weekdays {
		t.Fatalf("a new editor reads %+v %v, want the default calendar", c, problems)
	}

	in := data.Calendar{Start: 8*60 + 30, End: 24 * 60, Holidays: []data.Day{data.DateDay(2025, 5, 9), data.DateDay(2025, 1, 1)}}
	in.Weekdays[time.Saturday] = true
	e.Set(in)
	if e.Start.Text != "08:30" || e.End.Text != "24:00" || !e.Weekdays[time.Saturday].Checked || e.Weekdays[time.Monday].Checked {
		t.Errorf("fields %q..%q, Sat %v, Mon %v", e.Start.Text, e.End.Text, e.Weekdays[time.Saturday].Checked, e.Weekdays[time.Monday].Checked)
	}
	// A holiday added twice is kept once; the list stays in date order.
	for _, d := range []time.Time{time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC)} {
		e.HolidayDay.SetDate(&d)
		e.AddHoliday()
	}
	e.Holidays.Select(2) // May 9
	e.RemoveHoliday()
	out, problems := e.Calendar()
	if len(problems) > 0 {
		t.Fatalf("problems %v", problems)
	}
	want := []data.Day{data.DateDay(2025, 1, 1), data.DateDay(2025, 3, 8)}
	if out.Start != in.Start || out.End != in.End || out.Weekdays != in.Weekdays || !slices.Equal(out.Holidays, want) {
		t.Errorf("read back %+v, want hours %d..%d and holidays %v", out, in.Start, in.End, want)
	}
	// Editing never reaches the calendar that was shown.
	if !slices.Equal(in.Holidays, []data.Day{data.DateDay(2025, 5, 9), data.DateDay(2025, 1, 1)}) {
		t.Errorf("the caller's holidays changed: %v", in.Holidays)
	}
}

func TestCalendarEditorHoursAndTwentyFourSeven(t *testing.T) {
	test.NewTempApp(t)
	e := NewCalendarEditor()
	e.Start.SetText("9.00")
	if _, problems := e.Calendar(); len(problems) != 1 {
		t.Errorf("unreadable hours gave problems %v", problems)
	}
	e.AllDay.SetChecked(true)
	if !e.Start.Disabled() || !e.End.Disabled() || !e.Weekdays[time.Wednesday].Disabled() {
		t.Error("hours and days stay editable on a 24/7 calendar")
	}
	if c, problems := e.Calendar(); !c.AllDay || len(problems) > 0 {
		t.Errorf("24/7 reads %+v %v", c, problems)
	}
	// A stored 24/7 calendar has no hours: the fields offer the usual day.
	e.Set(data.AllDayCalendar())
	if e.Start.Text != "09:00" || e.End.Text != "18:00" || !e.AllDay.Checked {
		t.Errorf("24/7 shows %q..%q", e.Start.Text, e.End.Text)
	}
	e.AllDay.SetChecked(false)
	if e.Start.Disabled() || e.Weekdays[time.Wednesday].Disabled() {
		t.Error("hours stay locked after unticking 24/7")
	}
}
