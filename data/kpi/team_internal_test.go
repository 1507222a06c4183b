package kpi

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMedianInPlace: the selection agrees with Percentile on random
// inputs of every small size and on runs of ties.
func TestMedianInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		for _, spread := range []int{3, 1000} {
			v := make([]float64, n)
			for i := range v {
				v[i] = float64(r.IntN(spread))
			}
			want := Percentile(v, 0.5)
			got := medianInPlace(slices.Clone(v))
			if got != want && !(got != got && want != want) {
				t.Fatalf("n=%d spread=%d: %v, want %v (%v)", n, spread, got, want, v)
			}
		}
	}
}

// TestFisherExact: two-sided p-values summed with exact integers
// (Python's math.comb) for the same tables.
func TestFisherExact(t *testing.T) {
	for _, c := range []struct {
		x1, n1, x2, n2 int64
		want           float64
	}{
		{3, 4, 1, 4, 0.4857142857142857}, // Fisher's tea tasting
		{8, 10, 10, 40, 0.0022685879037093876},
		{5, 10, 10, 40, 0.14277603718747425},
		{3, 3, 10, 40, 0.02317478324284904},
	} {
		p, ok := fisherExact(c.x1, c.n1, c.x2, c.n2)
		if !ok || math.Abs(p-c.want) > 1e-9 {
			t.Errorf("%d/%d vs %d/%d: p = %v, want %v", c.x1, c.n1, c.x2, c.n2, p, c.want)
		}
	}
	if _, ok := fisherExact(6000, 20000, 6000, 20000); ok {
		t.Error("a table too large to sum must fall back")
	}
}
