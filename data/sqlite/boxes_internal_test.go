package sqlite

import "testing"

// Boxes give back the value they were given, reusing the interface of a
// repeated one.
func TestBoxesKeepValues(t *testing.T) {
	var ib intBox
	for _, n := range []int64{0, 1000, 1000, 7, 1000, -5} {
		if got := ib.of(n); got != any(n) {
			t.Fatalf("intBox.of(%d) = %v", n, got)
		}
	}
	var tb textBoxes
	words := []string{"", "status", "reply", "status", "a", "b", "c", "d", "e", "f", "g", "h", "status", "h"}
	for _, s := range words {
		if got := tb.of(s); got != any(s) {
			t.Fatalf("textBoxes.of(%q) = %v", s, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { ib.of(1000); tb.of("status") }); n != 0 {
		t.Errorf("a repeated value allocated %v times", n)
	}
}
