package data

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below on machines without a zone database
)

// DayOf counts from local seconds; it must agree with the local date for
// zones east and west of UTC, across daylight-saving changes, at
// midnight and before 1970.
func TestDayOfAgreesWithTheLocalDate(t *testing.T) {
	for _, name := range []string{"UTC", "Europe/Moscow", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Date(1969, 12, 25, 0, 0, 0, 0, time.UTC)
		for t0 := start; t0.Year() < 2027; t0 = t0.Add(7*time.Hour + 13*time.Minute + 29*time.Second) {
			y, m, d := t0.In(loc).Date()
			midnight := time.Date(y, m, d, 0, 0, 0, 0, loc)
			for _, at := range []time.Time{t0, t0.Truncate(time.Hour), midnight, midnight.Add(-time.Second)} {
				y, m, d := at.In(loc).Date()
				if got, want := DayOf(at, loc), DateDay(y, m, d); got != want {
					t.Fatalf("%s %s: DayOf %d, local date %d", name, at, got, want)
				}
			}
			if t0.Year() == 1970 && t0.Month() == 2 {
				t0 = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC) // skip ahead, keep the test short
			}
		}
	}
}
