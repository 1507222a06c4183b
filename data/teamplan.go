package data

import (
	"math"
	"time"
)

// WorkdayHours is how many hours of training fit in one working day when
// a course's length in days is estimated from its hours.
const WorkdayHours = 8

// SuggestPlanDates proposes when to take a course planned on day today:
// from the next Monday, for as many working days (Monday to Friday) as
// its hours fill at WorkdayHours a day, at least one. The end is the last
// of those days.
func SuggestPlanDates(c Course, today Day) (start, end Day) {
	start = today + 1
	for start.Weekday() != time.Monday {
		start++
	}
	days := max(1, int(math.Ceil(c.Hours/WorkdayHours)))
	end = start
	for left := days - 1; left > 0; {
		end++
		if wd := end.Weekday(); wd != time.Saturday && wd != time.Sunday {
			left--
		}
	}
	return start, end
}
