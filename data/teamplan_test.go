package data

import "testing"

func TestSuggestPlanDatesStartsNextMondayAndSkipsWeekends(t *testing.T) {
	// 26 November 2026 is a Thursday; the next Monday is 30 November.
	today := DateDay(2026, 11, 26)
	cases := []struct {
		hours      float64
		start, end Day
	}{
		{0, DateDay(2026, 11, 30), DateDay(2026, 11, 30)},
		{8, DateDay(2026, 11, 30), DateDay(2026, 11, 30)},
		{12, DateDay(2026, 11, 30), DateDay(2026, 12, 1)},
		{40, DateDay(2026, 11, 30), DateDay(2026, 12, 4)},
		{48, DateDay(2026, 11, 30), DateDay(2026, 12, 7)}, // the sixth working day is the next Monday
	}
	for _, c := range cases {
		start, end := SuggestPlanDates(Course{Hours: c.hours}, today)
		if start != c.start || end != c.end {
			t.Errorf("%v hours: %v – %v, want %v – %v", c.hours, start, end, c.start, c.end)
		}
	}
	// On a Monday the plan starts a week later, not today.
	if start, _ := SuggestPlanDates(Course{Hours: 1}, DateDay(2026, 11, 30)); start != DateDay(2026, 12, 7) {
		t.Errorf("from a Monday: start %v", start)
	}
}
