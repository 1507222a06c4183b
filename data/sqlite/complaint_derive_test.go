package sqlite

import (
	"testing"
	"time"

	"caredesk/data"
)

// derive marks each event's flow and day by the event's place in time,
// whether the events come in time order (a stored or imported history)
// or not (a history being edited).
func TestDeriveMarksFlowsInTimeOrder(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	day := func(n int) time.Time { return t0.AddDate(0, 0, n) }
	inOrder := []data.ComplaintEvent{
		{At: day(0), Kind: data.EventStatus, Status: data.StatusNew},
		{At: day(1), Kind: data.EventStatus, Status: data.StatusResolved},
		{At: day(2), Kind: data.EventStatus, Status: data.StatusInProgress},
		{At: day(3), Kind: data.EventStatus, Status: data.StatusClosed},
	}
	wantFlows := []int{flowNone, flowResolution, flowReopen, flowResolution}
	j := &judge{loc: time.UTC, cal: data.AllDayCalendar(), now: day(10)}
	for name, perm := range map[string][]int{"in order": {0, 1, 2, 3}, "shuffled": {3, 1, 0, 2}} {
		events := make([]data.ComplaintEvent, len(perm))
		for k, p := range perm {
			events[k] = inOrder[p]
		}
		c := &data.Complaint{OpenedAt: t0, Priority: data.PriorityNormal, Type: data.TypeComplaint}
		d := j.derive(c, events)
		for k, p := range perm {
			if d.eventFlows[k] != wantFlows[p] || d.eventDays[k] != data.DayOf(inOrder[p].At, time.UTC) {
				t.Errorf("%s: event %d (%s at %s): flow %d day %d, want %d %d", name, k, events[k].Status,
					events[k].At.Format(time.DateOnly), d.eventFlows[k], d.eventDays[k], wantFlows[p], data.DayOf(inOrder[p].At, time.UTC))
			}
		}
		if c.Status != data.StatusClosed || !d.facts.ResolvedAt.Equal(day(3)) || len(d.facts.Reopens) != 1 ||
			d.durations[measureResCalendar].d != 3*24*time.Hour {
			t.Errorf("%s: status %s resolved %s reopens %d resolution %s", name, c.Status, d.facts.ResolvedAt,
				len(d.facts.Reopens), d.durations[measureResCalendar].d)
		}
	}
}

// A histogram's change keeps every bucket's count, whichever order the
// buckets come in (below, inside or above those seen) and whatever the
// sign.
func TestBucketDeltasAdd(t *testing.T) {
	var h bucketDeltas
	want := map[int32]int32{}
	for _, step := range []struct{ bucket, n int32 }{
		{40, 1}, {40, 1}, {45, 1}, {12, 1}, {0, -1}, {300, 1}, {45, -1}, {12, 1}, {299, 1}, {0, 1},
	} {
		h.add(step.bucket, step.n)
		want[step.bucket] += step.n
	}
	got := map[int32]int32{}
	for i, n := range h.counts {
		if n != 0 {
			got[h.lo+int32(i)] = n
		}
	}
	for b, n := range want {
		if n == 0 {
			delete(want, b)
		}
	}
	if h.lo != 0 || len(got) != len(want) {
		t.Fatalf("lo %d, buckets %v, want %v", h.lo, got, want)
	}
	for b, n := range want {
		if got[b] != n {
			t.Errorf("bucket %d: %d, want %d", b, got[b], n)
		}
	}
}
