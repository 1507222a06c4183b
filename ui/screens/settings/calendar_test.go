package settings

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// workingResolution is the median resolution time in working hours of
// everything stored.
func workingResolution(t *testing.T, st data.Store) float64 {
	t.Helper()
	overall, _, err := kpi.LoadComplaints(context.Background(), st, kpi.ComplaintQuery{By: kpi.Month})
	if err != nil {
		t.Fatal(err)
	}
	return overall.Total.ResolutionWorking.Median
}

func TestWorkingCalendarIsSavedAndRecountsWorkingHours(t *testing.T) {
	s, st, rec := newScreen(t, nil)
	ctx := context.Background()
	// Monday 3 March 2025, 10:00 to 16:00: six working hours by the
	// default calendar (9 to 18), four when the day starts at 12:00.
	opened := time.Date(2025, 3, 3, 10, 0, 0, 0, st.Location())
	c := data.Complaint{OpenedAt: opened, Type: data.TypeComplaint, Priority: data.PriorityNormal, Channel: data.ChannelEmail,
		Events: []data.ComplaintEvent{{At: opened.Add(6 * time.Hour), Kind: data.EventStatus, Status: data.StatusResolved}}}
	if err := st.CreateComplaint(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// Histogram buckets above an hour are 3% wide.
	near := func(got, want float64) bool { return math.Abs(got-want) <= want*data.DurationBucketRatio-want }
	if h := workingResolution(t, st); !near(h, 6) {
		t.Fatalf("working resolution by the default calendar = %.2f h, want 6", h)
	}

	// Hours that cannot be read, and a calendar without working days, are
	// refused before anything is stored.
	// The editor shows the default calendar at once and the stored one
	// when the screen's load lands: edits made before it were overwritten
	// (the test failed under load).
	widgets.WaitIdle()
	eventually(t, "the stored calendar", func() bool { return s.calendar.Start.Text == "09:00" })
	widgets.Do(func() {
		s.calendar.Start.SetText("noon")
		s.SaveCalendar()
	})
	if !s.calendarMsg.Visible() || s.calendarMsg.Text != "Write working hours as HH:MM, such as 09:00 and 18:00" {
		t.Errorf("unreadable hours reported as %q", s.calendarMsg.Text)
	}
	widgets.Do(func() {
		s.calendar.Start.SetText("12:00")
		for _, w := range s.calendar.Weekdays {
			w.SetChecked(false)
		}
		s.SaveCalendar()
	})
	if !strings.Contains(s.calendarMsg.Text, "Pick at least one working day") || rec.changed != 0 {
		t.Errorf("a calendar without days: message %q, changed %d", s.calendarMsg.Text, rec.changed)
	}

	holiday := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	widgets.Do(func() {
		for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday} {
			s.calendar.Weekdays[d].SetChecked(true)
		}
		s.calendar.HolidayDay.SetDate(&holiday)
		s.calendar.AddHoliday()
		s.SaveCalendar()
	})
	eventually(t, "the calendar saved", func() bool { return rec.changed == 1 })
	if len(rec.errs) > 0 || s.calendarMsg.Visible() {
		t.Fatalf("errors %v, message %q", rec.errs, s.calendarMsg.Text)
	}
	got, err := st.WorkCalendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := data.DefaultCalendar()
	want.Start = 12 * 60
	if got.AllDay || got.Start != want.Start || got.End != want.End || got.Weekdays != want.Weekdays ||
		!slices.Equal(got.Holidays, []data.Day{data.DateDay(2025, 3, 10)}) {
		t.Errorf("stored calendar %+v", got)
	}
	if h := workingResolution(t, st); !near(h, 4) {
		t.Errorf("working resolution after the change = %.2f h, want 4", h)
	}
	if s.status.Text != "Working calendar saved; working-hour figures recounted." {
		t.Errorf("status %q", s.status.Text)
	}

	// The next time the screen opens it shows the stored calendar.
	var again *Screen
	widgets.Do(func() { again = New(s.d) })
	eventually(t, "the calendar shown again", func() bool {
		c, _ := again.calendar.Calendar()
		return again.calendar.Start.Text == "12:00" && slices.Equal(c.Holidays, got.Holidays)
	})
}
