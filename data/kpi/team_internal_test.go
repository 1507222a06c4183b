package kpi

import (
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
