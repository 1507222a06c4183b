package importer

import (
	"runtime/debug"
	"testing"
)

// Overlapping imports keep the lowest GC target of those running and
// restore the caller's setting once, after the last.
func TestCollectEveryRestoresAfterTheLast(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(130))
	tickets := collectEvery(complaintGCPercent)
	if got := debug.SetGCPercent(complaintGCPercent); got != complaintGCPercent {
		t.Errorf("GC percent %d while a ticket import runs, want %d", got, complaintGCPercent)
	}
	responses := collectEvery(feedbackGCPercent)
	if got := debug.SetGCPercent(feedbackGCPercent); got != feedbackGCPercent {
		t.Errorf("GC percent %d while both run, want the lower %d", got, feedbackGCPercent)
	}
	responses()
	if got := debug.SetGCPercent(complaintGCPercent); got != complaintGCPercent {
		t.Errorf("GC percent %d once the responses are in, want the tickets' %d", got, complaintGCPercent)
	}
	tickets()
	if got := debug.SetGCPercent(130); got != 130 {
		t.Errorf("GC percent %d after both imports, want the caller's 130", got)
	}
}
