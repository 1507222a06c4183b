package sqlite

import (
	"testing"

	"caredesk/data"
)

// A rollup's key survives its packing whole: every dimension and
// measure, interned values up to the largest, days before 1970 and far
// ahead.
func TestRefPacking(t *testing.T) {
	for _, k := range []durRef{
		{0, 0, 0, 0},
		{uint8(len(segmentDims)), uint8(len(measureNames) - 1), 1<<31 - 1, data.Day(-25_567)},
		{3, 2, 70_000, data.Day(20_785)},
		{5, 1, 1, data.Day(1<<23 - 1)},
	} {
		if got := k.ref().dur(); got != k {
			t.Errorf("%+v came back as %+v", k, got)
		}
		c := countRef{k.dim, k.value, k.day}
		if got := c.ref().count(); got != c {
			t.Errorf("%+v came back as %+v", c, got)
		}
	}
}
