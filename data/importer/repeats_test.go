package importer

import "testing"

func TestRepeatCounterCountsEachHash(t *testing.T) {
	var r repeatCounter
	const n = 5000 // several doublings
	for round := uint32(1); round <= 3; round++ {
		for h := uint64(0); h < n; h++ {
			// Multiples of 1024 share their low bits: long probe runs.
			if got := r.add(h * 1024); got != round {
				t.Fatalf("round %d, hash %d: count %d", round, h*1024, got)
			}
		}
	}
	if r.n != n-1 { // hash 0 is counted apart
		t.Errorf("%d hashes stored, want %d", r.n, n-1)
	}
}
