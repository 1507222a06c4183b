package kpi

import (
	"math"
	"testing"
)

func TestCompletionChangeTestsTheRates(t *testing.T) {
	// 20 of 40 on time, then 36 of 40: +40 points, z ≈ 3.96.
	prev := TrainingStat{CompletionRate: shareOf(20, 40)}
	cur := TrainingStat{CompletionRate: shareOf(36, 40)}
	c := CompletionChange(prev, cur)
	if !c.Has || math.Abs(c.Delta-40) > 1e-9 || !c.Significant || c.P > 0.001 {
		t.Errorf("change %+v", c)
	}
	// Nothing due in the previous period: nothing to compare.
	if c := CompletionChange(TrainingStat{CompletionRate: shareOf(0, 0)}, cur); c.Has || c.Significant {
		t.Errorf("against an empty period: %+v", c)
	}
}
