package sqlite

import (
	"fmt"
	"slices"
	"testing"
)

func TestKeySetKeepsEveryPairThroughGrowth(t *testing.T) {
	var s keySet
	const n = 5000 // several doublings from 1024 slots
	for i := 1; i <= n; i++ {
		s.add(hashID("src", fmt.Sprint(i)), int64(i))
	}
	for i := 1; i <= n; i++ {
		if got := slices.Collect(s.ids(hashID("src", fmt.Sprint(i)))); !slices.Contains(got, int64(i)) {
			t.Fatalf("pair %d: candidates %v, want %d among them", i, got, i)
		}
	}
	misses := 0
	for i := n + 1; i <= 2*n; i++ {
		misses += len(slices.Collect(s.ids(hashID("src", fmt.Sprint(i)))))
	}
	if misses > 0 {
		t.Errorf("%d candidates for pairs never added; 32-bit tags make that about 1 in a million", misses)
	}
}

func TestKeySetSharedTagYieldsBothCandidates(t *testing.T) {
	var s keySet
	// Same low and high halves folded: 0x1_0000_0001 and 0 fold alike
	// (1^1 = 0); any two hashes with equal folds must both be returned.
	a, b := uint64(0x0000_0001_0000_0001), uint64(0)
	if fold(a) != fold(b) {
		t.Fatal("test hashes must share a tag")
	}
	s.add(a, 7)
	s.add(b, 9)
	if got := slices.Collect(s.ids(a)); !slices.Equal(got, []int64{7, 9}) {
		t.Errorf("candidates = %v, want [7 9]", got)
	}
}

func TestKeySetLargeIDIsUnknown(t *testing.T) {
	var s keySet
	s.add(42, 1<<40)
	if got := slices.Collect(s.ids(42)); !slices.Equal(got, []int64{unknownID}) {
		t.Errorf("candidates = %v, want the unknown id", got)
	}
}
