package importer

import (
	"testing"
	"time"
)

func TestObjectIDTime(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	for id, want := range map[string]time.Time{
		"65e1a9e0c2a4f1a2b3c4d5e6":   time.Unix(0x65e1a9e0, 0),
		" 4f1a2b3c4d5e6f7a8b9c0d1e ": time.Unix(0x4f1a2b3c, 0), // 2012
		"65e1a9e0c2a4f1a2b3c4d5e":    {},                       // 23 digits
		"65e1a9e0c2a4f1a2b3c4d5ez":   {},                       // no hex
		"1000000000000000000000ab":   {},                       // 1978: before ObjectIds
		"7f000000c2a4f1a2b3c4d5e6":   {},                       // 2037: after now
		"12345":                      {},
	} {
		got, ok := objectIDTime(id, now)
		if ok != !want.IsZero() || !got.Equal(want) {
			t.Errorf("objectIDTime(%q) = %v %v, want %v", id, got, ok, want)
		}
	}
}
