package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDeriveFactsFullHistory(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	ev := func(h, m int, e ComplaintEvent) ComplaintEvent {
		e.At = at(msk, 3, 17, h, m)
		return e
	}
	events := []ComplaintEvent{
		// Given out of order on purpose: facts follow the times.
		ev(15, 0, ComplaintEvent{Kind: EventStatus, Status: StatusResolved}),
		ev(9, 0, ComplaintEvent{Kind: EventStatus, Status: StatusNew}),
		ev(9, 5, ComplaintEvent{Kind: EventAssign, AssigneeID: 1}),
		ev(9, 20, ComplaintEvent{Kind: EventReply}),
		ev(9, 40, ComplaintEvent{Kind: EventStatus, Status: StatusInProgress}),
		ev(10, 0, ComplaintEvent{Kind: EventStatus, Status: StatusWaiting}),
		ev(11, 30, ComplaintEvent{Kind: EventStatus, Status: StatusInProgress}),
		ev(12, 0, ComplaintEvent{Kind: EventEscalation, Level: LevelSenior}),
		ev(12, 1, ComplaintEvent{Kind: EventAssign, AssigneeID: 2}),
		ev(13, 0, ComplaintEvent{Kind: EventEscalation, Level: LevelManager}),
		ev(14, 0, ComplaintEvent{Kind: EventEscalation, Level: LevelSenior}), // back down
		ev(16, 0, ComplaintEvent{Kind: EventStatus, Status: StatusClosed}),
		ev(17, 0, ComplaintEvent{Kind: EventStatus, Status: StatusInProgress}), // reopen
		ev(17, 10, ComplaintEvent{Kind: EventAssign, AssigneeID: 1}),
		ev(17, 15, ComplaintEvent{Kind: EventStatus, Status: StatusWaiting}),
		ev(17, 45, ComplaintEvent{Kind: EventStatus, Status: StatusResolved}),
		ev(17, 50, ComplaintEvent{Kind: EventNote, Note: "called back"}),
	}
	f := DeriveFacts(events)
	if f.Status != StatusResolved || f.AssigneeID != 1 || f.Agents != 2 {
		t.Errorf("status %s assignee %d agents %d, want resolved, 1, 2", f.Status, f.AssigneeID, f.Agents)
	}
	if !f.FirstResponseAt.Equal(at(msk, 3, 17, 9, 20)) {
		t.Errorf("first response %v, want the reply at 9:20", f.FirstResponseAt)
	}
	wantRes := []time.Time{at(msk, 3, 17, 15, 0), at(msk, 3, 17, 17, 45)}
	if !slices.EqualFunc(f.Resolutions, wantRes, time.Time.Equal) || !f.FirstResolvedAt.Equal(wantRes[0]) || !f.ResolvedAt.Equal(wantRes[1]) {
		t.Errorf("resolutions %v first %v final %v, want %v (closing is not a second resolution)", f.Resolutions, f.FirstResolvedAt, f.ResolvedAt, wantRes)
	}
	if len(f.Reopens) != 1 || !f.Reopens[0].Equal(at(msk, 3, 17, 17, 0)) || !f.Reopened() {
		t.Errorf("reopens %v, want one at 17:00", f.Reopens)
	}
	wantWait := []Interval{{at(msk, 3, 17, 10, 0), at(msk, 3, 17, 11, 30)}, {at(msk, 3, 17, 17, 15), at(msk, 3, 17, 17, 45)}}
	if !slices.EqualFunc(f.Waiting, wantWait, func(a, b Interval) bool { return a.Start.Equal(b.Start) && a.End.Equal(b.End) }) {
		t.Errorf("waiting %v, want %v", f.Waiting, wantWait)
	}
	// Senior then manager are two escalations; handing back to senior is none.
	if f.Escalations != 2 || f.Level != LevelManager || !f.Escalated() {
		t.Errorf("escalations %d level %s, want 2 and the highest, manager", f.Escalations, f.Level)
	}
}

func TestDeriveFactsEdgeCases(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	opened := at(msk, 3, 17, 9, 0)
	// Only the opening event: nothing happened yet.
	f := DeriveFacts([]ComplaintEvent{statusAt(opened, StatusNew)})
	if f.Status != StatusNew || !f.FirstResponseAt.IsZero() || !f.ResolvedAt.IsZero() || f.Agents != 0 || f.Reopened() || f.Escalated() || f.Level != "" {
		t.Errorf("fresh complaint: %+v", f)
	}
	// A status move out of "new" is a response even without a reply event.
	f = DeriveFacts([]ComplaintEvent{statusAt(at(msk, 3, 17, 9, 30), StatusInProgress), {At: at(msk, 3, 17, 10, 0), Kind: EventReply}})
	if !f.FirstResponseAt.Equal(at(msk, 3, 17, 9, 30)) {
		t.Errorf("first response %v, want the move to in progress at 9:30", f.FirstResponseAt)
	}
	// Waiting now: the span is open; reopened and open: no final resolution.
	f = DeriveFacts([]ComplaintEvent{
		statusAt(at(msk, 3, 17, 10, 0), StatusResolved),
		statusAt(at(msk, 3, 17, 11, 0), StatusInProgress),
		statusAt(at(msk, 3, 17, 12, 0), StatusWaiting),
	})
	if len(f.Waiting) != 1 || !f.Waiting[0].Start.Equal(at(msk, 3, 17, 12, 0)) || !f.Waiting[0].End.IsZero() {
		t.Errorf("open waiting span %v", f.Waiting)
	}
	if !f.ResolvedAt.IsZero() || !f.FirstResolvedAt.Equal(at(msk, 3, 17, 10, 0)) || len(f.Reopens) != 1 || !f.Status.Open() {
		t.Errorf("reopened open complaint: resolved %v first %v reopens %v status %s", f.ResolvedAt, f.FirstResolvedAt, f.Reopens, f.Status)
	}
	// Repeated statuses, unknown statuses and unassignment change nothing
	// they should not; escalating to frontline is no escalation.
	f = DeriveFacts([]ComplaintEvent{
		statusAt(at(msk, 3, 17, 10, 0), StatusInProgress),
		statusAt(at(msk, 3, 17, 10, 5), StatusInProgress),
		statusAt(at(msk, 3, 17, 10, 6), "lost"),
		{At: at(msk, 3, 17, 10, 7), Kind: EventAssign, AssigneeID: 4},
		{At: at(msk, 3, 17, 10, 8), Kind: EventAssign, AssigneeID: 0},
		{At: at(msk, 3, 17, 10, 9), Kind: EventEscalation, Level: LevelFrontline},
	})
	if f.Status != StatusInProgress || f.AssigneeID != 0 || f.Agents != 1 || f.Escalations != 0 {
		t.Errorf("noise: status %s assignee %d agents %d escalations %d", f.Status, f.AssigneeID, f.Agents, f.Escalations)
	}
	// Events at the same instant keep their given order.
	same := at(msk, 3, 17, 10, 0)
	f = DeriveFacts([]ComplaintEvent{statusAt(same, StatusResolved), statusAt(same, StatusClosed)})
	if f.Status != StatusClosed || len(f.Resolutions) != 1 || !f.ResolvedAt.Equal(same) {
		t.Errorf("tie: status %s resolutions %v", f.Status, f.Resolutions)
	}
}

func TestWorkflow(t *testing.T) {
	allowed := map[Status][]Status{
		StatusNew:        {StatusInProgress, StatusWaiting, StatusResolved},
		StatusInProgress: {StatusWaiting, StatusResolved},
		StatusWaiting:    {StatusInProgress, StatusResolved},
		StatusResolved:   {StatusClosed, StatusInProgress},
		StatusClosed:     {StatusInProgress},
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			if want := slices.Contains(allowed[from], to); from.CanMove(to) != want {
				t.Errorf("%s -> %s: CanMove = %v, want %v", from, to, !want, want)
			}
		}
	}
	if Status("lost").Next() != nil || Status("lost").CanMove(StatusNew) {
		t.Error("an unknown status has moves")
	}
	for s, open := range map[Status]bool{StatusNew: true, StatusInProgress: true, StatusWaiting: true, StatusResolved: false, StatusClosed: false} {
		if s.Open() != open {
			t.Errorf("%s.Open() = %v", s, !open)
		}
	}
}

func TestComplaintValidate(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	valid := func() Complaint {
		return Complaint{
			OpenedAt: at(msk, 3, 17, 9, 0), Channel: ChannelEmail, Type: TypeComplaint, Priority: PriorityNormal,
			Subject: "Доставка опоздала", Verdict: VerdictSatisfied,
			Events: []ComplaintEvent{statusAt(at(msk, 3, 17, 9, 0), StatusNew)},
		}
	}
	c := valid()
	if err := c.Validate(); err != nil {
		t.Fatalf("valid complaint: %v", err)
	}
	for field, change := range map[string]func(*Complaint){
		"opened_at":    func(c *Complaint) { c.OpenedAt = time.Time{} },
		"channel":      func(c *Complaint) { c.Channel = "fax" },
		"type":         func(c *Complaint) { c.Type = "" },
		"priority":     func(c *Complaint) { c.Priority = "urgent" },
		"level":        func(c *Complaint) { c.Level = "boss" },
		"status":       func(c *Complaint) { c.Status = "lost" },
		"verdict":      func(c *Complaint) { c.Verdict = "meh" },
		"compensation": func(c *Complaint) { c.Compensation = -1 },
		"description":  func(c *Complaint) { c.Description = strings.Repeat("я", MaxCommentLen+1) },
		"subject":      func(c *Complaint) { c.Subject = strings.Repeat("я", MaxShortText+1) },
		"events":       func(c *Complaint) { c.Events = append(c.Events, statusAt(at(msk, 3, 17, 8, 59), StatusInProgress)) },
	} {
		c := valid()
		change(&c)
		err := c.Validate()
		ve, _ := err.(ValidationErrors)
		if !errors.Is(err, ErrInvalid) || ve.For(field) == nil {
			t.Errorf("%s: Validate = %v, want an error on it", field, err)
		}
	}
	old := valid()
	old.OpenedAt = time.Date(1989, 12, 31, 0, 0, 0, 0, time.UTC)
	if ve, _ := old.Validate().(ValidationErrors); ve.For("opened_at") == nil {
		t.Error("a complaint from 1989 passes")
	}
	// Optional fields may stay empty.
	bare := Complaint{OpenedAt: at(msk, 3, 17, 9, 0), Type: TypeQuestion, Priority: PriorityLow}
	if err := bare.Validate(); err != nil {
		t.Errorf("bare complaint: %v", err)
	}
}

func TestLevelNext(t *testing.T) {
	for l, want := range map[Level]Level{"": LevelSenior, LevelFrontline: LevelSenior, LevelSenior: LevelManager} {
		if got, ok := l.Next(); !ok || got != want {
			t.Errorf("%q.Next() = %q, %v; want %q", l, got, ok, want)
		}
	}
	if _, ok := LevelManager.Next(); ok {
		t.Error("nothing is above the manager")
	}
}

func TestComplaintFilterNarrowedAndSelects(t *testing.T) {
	now := time.Now()
	all := ComplaintFilter{Now: now, Sort: SortComplaintDue, Desc: true, Me: 3}
	if all.Narrowed() {
		t.Error("sorting, the clock and the user do not narrow the register")
	}
	for _, f := range []ComplaintFilter{{View: ViewOverdue}, {Search: "x"}, {Statuses: []Status{StatusNew}}, {OpenOnly: true}, {AssigneeID: -1}} {
		if !f.Narrowed() {
			t.Errorf("%+v should narrow the register", f)
		}
		if f.Selects(ComplaintFilter{}) {
			t.Errorf("%+v selects the same as no filter", f)
		}
	}
	if !all.Selects(ComplaintFilter{Me: 3}) || all.Selects(ComplaintFilter{Me: 4}) {
		t.Error("the clock and the sort do not change the selection; the user does (the mine view)")
	}
}

// A cancellation closes a complaint at its time without resolving it,
// responding to it, or leaving its waiting span open.
func TestDeriveFactsCancellation(t *testing.T) {
	msk := mustZone(t, "Europe/Moscow")
	cancel := func(h int) ComplaintEvent {
		return ComplaintEvent{At: at(msk, 3, 17, h, 0), Kind: EventStatus, Status: StatusClosed, Cancelled: true}
	}
	// Withdrawn while still new: no first response, no resolution.
	f := DeriveFacts([]ComplaintEvent{statusAt(at(msk, 3, 17, 9, 0), StatusNew), cancel(11)})
	if f.Status != StatusClosed || !f.FirstResponseAt.IsZero() || !f.ResolvedAt.IsZero() || !f.FirstResolvedAt.IsZero() || len(f.Resolutions) != 0 || !f.Withdrawn {
		t.Errorf("withdrawn new complaint: %+v", f)
	}
	// Reopened after the withdrawal: no longer withdrawn.
	if f := DeriveFacts([]ComplaintEvent{statusAt(at(msk, 3, 17, 9, 0), StatusNew), cancel(11), statusAt(at(msk, 3, 17, 12, 0), StatusInProgress)}); f.Withdrawn {
		t.Errorf("reopened after a withdrawal: %+v", f)
	}
	// An ordinary closing is no withdrawal.
	if f := DeriveFacts([]ComplaintEvent{statusAt(at(msk, 3, 17, 10, 0), StatusResolved), statusAt(at(msk, 3, 17, 11, 0), StatusClosed)}); f.Withdrawn {
		t.Errorf("resolved and closed: withdrawn")
	}
	// Withdrawn while waiting for the client: the wait ends then.
	f = DeriveFacts([]ComplaintEvent{statusAt(at(msk, 3, 17, 9, 0), StatusInProgress), statusAt(at(msk, 3, 17, 10, 0), StatusWaiting), cancel(12)})
	if len(f.Waiting) != 1 || !f.Waiting[0].End.Equal(at(msk, 3, 17, 12, 0)) || !f.ResolvedAt.IsZero() {
		t.Errorf("withdrawn while waiting: waiting %v resolved %v", f.Waiting, f.ResolvedAt)
	}
	// Resolved, reopened, then cancelled: the earlier resolution is no
	// final one.
	f = DeriveFacts([]ComplaintEvent{statusAt(at(msk, 3, 17, 9, 0), StatusInProgress), statusAt(at(msk, 3, 17, 10, 0), StatusResolved),
		statusAt(at(msk, 3, 17, 11, 0), StatusInProgress), cancel(12)})
	if !f.ResolvedAt.IsZero() || !f.FirstResolvedAt.Equal(at(msk, 3, 17, 10, 0)) || len(f.Reopens) != 1 {
		t.Errorf("cancelled after a reopen: resolved %v first %v reopens %v", f.ResolvedAt, f.FirstResolvedAt, f.Reopens)
	}
}
