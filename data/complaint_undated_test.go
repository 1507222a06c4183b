package data

import (
	"testing"
	"time"
)

// Undated events move the status without inventing times.
func TestDeriveFactsUndated(t *testing.T) {
	opened := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	solved := opened.Add(50 * time.Hour)
	status := func(at time.Time, s Status, undated bool) ComplaintEvent {
		return ComplaintEvent{At: at, Kind: EventStatus, Status: s, Undated: undated}
	}

	// CFPB: closed, date unknown.
	f := DeriveFacts([]ComplaintEvent{status(opened, StatusNew, false), status(opened, StatusClosed, true)})
	if f.Status != StatusClosed || !f.ResolvedAt.IsZero() || !f.FirstResolvedAt.IsZero() || len(f.Resolutions) != 0 || !f.FirstResponseAt.IsZero() {
		t.Errorf("undated close: %+v", f)
	}

	// Zendesk: two reopens counted, then solved at a known time, closed later.
	f = DeriveFacts([]ComplaintEvent{
		status(opened, StatusNew, false),
		status(opened, StatusResolved, true), status(opened, StatusInProgress, true),
		status(opened, StatusResolved, true), status(opened, StatusInProgress, true),
		{At: opened.Add(2 * time.Hour), Kind: EventReply},
		status(solved, StatusResolved, false),
		status(solved, StatusClosed, true),
	})
	if f.Status != StatusClosed || !f.ResolvedAt.Equal(solved) || f.UndatedReopens != 2 || len(f.Reopens) != 0 || !f.Reopened() ||
		!f.FirstResolvedAt.IsZero() || !f.FirstResponseAt.Equal(opened.Add(2*time.Hour)) {
		t.Errorf("undated reopens: %+v", f)
	}

	// Freshdesk: waiting on the customer since an unknown time: no open span.
	f = DeriveFacts([]ComplaintEvent{status(opened, StatusNew, false), status(opened, StatusWaiting, true)})
	if f.Status != StatusWaiting || len(f.Waiting) != 0 || !f.FirstResponseAt.IsZero() {
		t.Errorf("undated waiting: %+v", f)
	}

	// Dated events still behave as before.
	f = DeriveFacts([]ComplaintEvent{
		status(opened, StatusNew, false), status(opened.Add(time.Hour), StatusWaiting, false),
		status(opened.Add(3*time.Hour), StatusResolved, false), status(opened.Add(5*time.Hour), StatusInProgress, false),
		status(solved, StatusResolved, false),
	})
	if !f.FirstResponseAt.Equal(opened.Add(time.Hour)) || len(f.Waiting) != 1 || f.Waiting[0].End != opened.Add(3*time.Hour) ||
		len(f.Reopens) != 1 || !f.ResolvedAt.Equal(solved) || !f.FirstResolvedAt.Equal(opened.Add(3*time.Hour)) {
		t.Errorf("dated: %+v", f)
	}
}
