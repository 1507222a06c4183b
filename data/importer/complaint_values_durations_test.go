package importer

import (
	"testing"
	"time"
)

// Durations as registers and exports write them beyond numbers with
// units: minutes left bare after hours, a clock after days, ISO 8601,
// approximate marks and the minute sign.
func TestParseDurationForms(t *testing.T) {
	checkParsed(t, "parseDuration", inHours, map[string]time.Duration{
		"2 ч 30":        150 * time.Minute,
		"2h 30":         150 * time.Minute,
		"2ч30":          150 * time.Minute,
		"1д 2ч 5":       26*time.Hour + 5*time.Minute,
		"5 мин 30":      5*time.Minute + 30*time.Second,
		"1 д 02:30":     26*time.Hour + 30*time.Minute,
		"1 д. 02:30":    26*time.Hour + 30*time.Minute,
		"1 day 2:30:15": 26*time.Hour + 30*time.Minute + 15*time.Second,
		"PT2H30M":       150 * time.Minute,
		"P1DT4H":        28 * time.Hour,
		"pt15m":         15 * time.Minute,
		"PT1.5H":        90 * time.Minute,
		"PT0,5H":        30 * time.Minute,
		"P2D":           48 * time.Hour,
		"P1W":           7 * 24 * time.Hour,
		"PT45S":         45 * time.Second,
		"~3h":           3 * time.Hour,
		"≈ 2 ч":         2 * time.Hour,
		"~ 01:30":       90 * time.Minute,
		"около 2 ч":     2 * time.Hour,
		"примерно 1,5":  90 * time.Minute, // the column's unit, hours
		"approx. 45m":   45 * time.Minute,
		"90'":           90 * time.Minute,
		"90′":           90 * time.Minute,
		"2h 30'":        150 * time.Minute,
		"1′30″":         90 * time.Second,
		// Already read, kept so.
		"2h 30m":  150 * time.Minute,
		"1:30:00": 90 * time.Minute,
		"2,5":     150 * time.Minute,
	})
	checkRefused(t, "parseDuration", inHours, "2 ч 60", "2 ч 30,5", "2 ч 30 40", "30 2 ч", "1 д 2", "1 д 2:5", // no minute count, no clock
		"P1M", "P1Y", "PT", "P", "P1DT", "PT2H30", "P2", "-PT2H", "P1 - Critical", // months and years have no length
		"> 2h", "3h+", "<1 ч", "до 2 ч", // bounds give no time
		"~", "около", "около2 ч", "'90", "90''''")
}
