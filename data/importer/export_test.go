package importer

import (
	"testing"
	"time"
)

// SetClock makes imports take now as the time until the test ends.
func SetClock(t testing.TB, now time.Time) {
	old := clock
	clock = func() time.Time { return now }
	t.Cleanup(func() { clock = old })
}
