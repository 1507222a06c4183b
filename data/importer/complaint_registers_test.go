package importer

import (
	"testing"
	"time"
)

// Durations as a service department types them in a register by hand.
func TestParseTypedDurations(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"2ч30м": 150 * time.Minute, "30 м": 30 * time.Minute, "1 день 4 часа": 28 * time.Hour, "1 сутки": 24 * time.Hour,
		"2 суток": 48 * time.Hour, "1 День": 24 * time.Hour, "1 неделя": 7 * 24 * time.Hour, "3 недели": 21 * 24 * time.Hour,
		"1 минуту": time.Minute, "2 секунды": 2 * time.Second,
		// Already read, kept so.
		"2 ч 30 мин": 150 * time.Minute, "1д 4ч": 28 * time.Hour, "02:30": 150 * time.Minute, "150 мин": 150 * time.Minute,
		"2,5": 150 * time.Minute, "2.5 h": 150 * time.Minute, "3 days": 72 * time.Hour, "1 сут.": 24 * time.Hour, "45 сек": 45 * time.Second,
	} {
		if got, ok := parseDuration(in, unitHours); !ok || got != want {
			t.Errorf("parseDuration(%q) = %v %v, want %v", in, got, ok, want)
		}
	}
}
