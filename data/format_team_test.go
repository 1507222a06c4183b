package data

import "testing"

func TestFormatQuarterAndHours(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{FormatQuarter("en", 2026, 4), "Q4 2026"},
		{FormatQuarter("ru", 2026, 1), "1 кв. 2026"},
		{FormatHours("en", 8.44, 1), "8.4 h"},
		{FormatHours("ru", 1234.5, 1), "1\u202f234,5 ч"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
