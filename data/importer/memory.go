package importer

import (
	"runtime/debug"
	"slices"
	"sync"
)

// importGC sets the garbage collector's growth target while imports run.
// An import makes about a kilobyte of garbage per row (records, values,
// ids) and keeps little, so the target decides both its peak memory and
// how much of its time goes to collecting. Counted, so that overlapping
// imports keep the lowest target of those running and restore the
// setting once, after the last one.
var importGC struct {
	sync.Mutex
	running  []int // the targets of the imports running
	previous int
}

const (
	// feedbackGCPercent: at Go's default a million-row file without an
	// id column peaked at 205 MB RSS against the 200 MB the import may
	// use; at 50, at 185 MB in the same time (150 MB since).
	feedbackGCPercent = 50
	// complaintGCPercent: a ticket import keeps less per row than it
	// makes, and a small heap was collected every few megabytes: 200,000
	// tickets went 12% faster at 100 than at 50, and 8-13% faster again
	// at 200 (a million 4-6%), where a million peak at 250-263 MB RSS
	// instead of 197-219 MB. No target bounds a ticket import's memory;
	// its speed has one.
	complaintGCPercent = 200
)

// collectEvery sets the growth target to percent (or keeps a lower one
// that an import already running asked for) until the returned function
// is called.
func collectEvery(percent int) (restore func()) {
	importGC.Lock()
	defer importGC.Unlock()
	importGC.running = append(importGC.running, percent)
	if was := debug.SetGCPercent(slices.Min(importGC.running)); len(importGC.running) == 1 {
		importGC.previous = was
	}
	return func() {
		importGC.Lock()
		defer importGC.Unlock()
		k := slices.Index(importGC.running, percent)
		importGC.running = slices.Delete(importGC.running, k, k+1)
		if len(importGC.running) == 0 {
			debug.SetGCPercent(importGC.previous)
		} else {
			debug.SetGCPercent(slices.Min(importGC.running))
		}
	}
}
