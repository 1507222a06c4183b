package importer

import (
	"runtime/debug"
	"testing"
)

// Overlapping imports lower the GC target while any runs and restore the
// caller's setting once, after the last.
func TestCollectMoreOftenRestoresAfterTheLast(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(130))
	first := collectMoreOften()
	second := collectMoreOften()
	first()
	if got := debug.SetGCPercent(importGCPercent); got != importGCPercent {
		t.Errorf("GC percent %d while an import still runs, want %d", got, importGCPercent)
	}
	second()
	if got := debug.SetGCPercent(130); got != 130 {
		t.Errorf("GC percent %d after both imports, want the caller's 130", got)
	}
}
