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

// A complaint closed at an unknown time is not judged against a standard:
// it is neither met nor breached, and above all not running late forever.
func TestEvaluateSLAUndatedCloseIsNotJudged(t *testing.T) {
	opened := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	c := &Complaint{OpenedAt: opened, Priority: PriorityNormal, Type: TypeComplaint}
	events := []ComplaintEvent{
		{At: opened, Kind: EventStatus, Status: StatusNew},
		{At: opened, Kind: EventStatus, Status: StatusClosed, Undated: true},
	}
	std := Standard{ID: 1, Code: "RES-1", Measure: MeasureResolution, Versions: []StandardVersion{{
		EffectiveFrom: DateDay(2024, 1, 1), Calendar: AllDayCalendar(),
		Targets: map[Priority]time.Duration{PriorityNormal: 8 * time.Hour}}}}
	if res := EvaluateSLA(c, DeriveFacts(events), []Standard{std}, time.UTC, opened.Add(30*24*time.Hour)); len(res) != 0 {
		t.Errorf("an undated close was judged: %+v", res)
	}
	// The same complaint still open runs late as usual.
	if res := EvaluateSLA(c, DeriveFacts(events[:1]), []Standard{std}, time.UTC, opened.Add(30*24*time.Hour)); len(res) != 1 || !res[0].Overdue(opened.Add(30*24*time.Hour)) {
		t.Errorf("an open complaint past its target: %+v", res)
	}
}

// An undated assignment to no one is an agent a source counted without
// naming or dating (ServiceNow's "Reassignment count", Zendesk's
// "Assignee stations"): one more agent, the current assignee unchanged.
func TestDeriveFactsUndatedAgents(t *testing.T) {
	opened := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	f := DeriveFacts([]ComplaintEvent{
		{At: opened, Kind: EventStatus, Status: StatusNew},
		{At: opened, Kind: EventAssign, Undated: true},
		{At: opened, Kind: EventAssign, AssigneeID: 7},
		{At: opened.Add(time.Hour), Kind: EventStatus, Status: StatusResolved},
	})
	if f.Agents != 2 || f.AssigneeID != 7 {
		t.Errorf("counted agent: agents %d assignee %d, want 2 and 7", f.Agents, f.AssigneeID)
	}
}
