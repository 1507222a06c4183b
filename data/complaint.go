package data

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ComplaintType is what a client appeal is about; only complaints count as
// negative in the KPIs.
type ComplaintType string

// Appeal types.
const (
	TypeComplaint ComplaintType = "complaint"
	TypeRequest   ComplaintType = "request"
	TypeQuestion  ComplaintType = "question"
	TypePraise    ComplaintType = "praise"
)

// ComplaintTypes lists every type in display order.
var ComplaintTypes = []ComplaintType{TypeComplaint, TypeRequest, TypeQuestion, TypePraise}

// Valid reports whether t is one of ComplaintTypes.
func (t ComplaintType) Valid() bool { return slices.Contains(ComplaintTypes, t) }

// Priority orders complaints; standards set a target per priority.
type Priority string

// Priorities, most urgent first.
const (
	PriorityCritical Priority = "critical"
	PriorityHigh     Priority = "high"
	PriorityNormal   Priority = "normal"
	PriorityLow      Priority = "low"
)

// Priorities lists every priority, most urgent first.
var Priorities = []Priority{PriorityCritical, PriorityHigh, PriorityNormal, PriorityLow}

// Valid reports whether p is one of Priorities.
func (p Priority) Valid() bool { return slices.Contains(Priorities, p) }

// Level is an escalation level.
type Level string

// Escalation levels, lowest first.
const (
	LevelFrontline Level = "frontline"
	LevelSenior    Level = "senior"
	LevelManager   Level = "manager"
)

// Levels lists the escalation levels, lowest first.
var Levels = []Level{LevelFrontline, LevelSenior, LevelManager}

// Valid reports whether l is one of Levels.
func (l Level) Valid() bool { return slices.Contains(Levels, l) }

// Next is the level an escalation moves to from l ("" counts as
// frontline); ok is false at the top.
func (l Level) Next() (next Level, ok bool) {
	i := max(slices.Index(Levels, l), 0)
	if i+1 >= len(Levels) {
		return "", false
	}
	return Levels[i+1], true
}

// Status is where a complaint is in its workflow.
type Status string

// Workflow statuses: new -> in progress -> waiting for client -> resolved
// -> closed, with reopen from resolved or closed back to in progress.
const (
	StatusNew        Status = "new"
	StatusInProgress Status = "in_progress"
	StatusWaiting    Status = "waiting"
	StatusResolved   Status = "resolved"
	StatusClosed     Status = "closed"
)

// Statuses lists the statuses in workflow order.
var Statuses = []Status{StatusNew, StatusInProgress, StatusWaiting, StatusResolved, StatusClosed}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Open reports whether a complaint in status s still needs work.
func (s Status) Open() bool { return s != StatusResolved && s != StatusClosed }

// Next lists the statuses a complaint may move to from s; the card shows
// one button per entry. Moving from resolved or closed to in progress is a
// reopen.
func (s Status) Next() []Status {
	switch s {
	case StatusNew:
		return []Status{StatusInProgress, StatusWaiting, StatusResolved}
	case StatusInProgress:
		return []Status{StatusWaiting, StatusResolved}
	case StatusWaiting:
		return []Status{StatusInProgress, StatusResolved}
	case StatusResolved:
		return []Status{StatusClosed, StatusInProgress}
	case StatusClosed:
		return []Status{StatusInProgress}
	}
	return nil
}

// CanMove reports whether the workflow allows s -> to.
func (s Status) CanMove(to Status) bool { return slices.Contains(s.Next(), to) }

// Allows reports whether a complaint in status s may take the status
// event e: a move the workflow allows, or, cancelled, the closing of an
// open complaint that resolves nothing.
func (s Status) Allows(e ComplaintEvent) bool {
	if e.Cancelled {
		return s.Open() && e.Status == StatusClosed
	}
	return s.CanMove(e.Status)
}

// Verdict is the client's view of the resolution.
type Verdict string

// Verdicts; VerdictUnknown is the zero value.
const (
	VerdictUnknown      Verdict = ""
	VerdictSatisfied    Verdict = "satisfied"
	VerdictNotSatisfied Verdict = "not_satisfied"
)

// Valid reports whether v is a known verdict (unknown included).
func (v Verdict) Valid() bool {
	return v == VerdictUnknown || v == VerdictSatisfied || v == VerdictNotSatisfied
}

// EventKind is what a complaint event records.
type EventKind string

// Event kinds. Status events drive the workflow; a reply is the agent's
// first (or later) answer to the client; escalation events carry the new
// level; assignment events the new assignee.
const (
	EventStatus     EventKind = "status"
	EventReply      EventKind = "reply"
	EventEscalation EventKind = "escalation"
	EventAssign     EventKind = "assign"
	EventNote       EventKind = "note"
)

// ComplaintEvent is one dated entry of a complaint's history. Everything
// time-related about a complaint is derived from its events (DeriveFacts),
// so the figures stay right after any edit.
type ComplaintEvent struct {
	ID          int64
	ComplaintID int64
	At          time.Time
	Kind        EventKind
	Status      Status // EventStatus: the new status
	Level       Level  // EventEscalation: the new level
	AssigneeID  int64  // EventAssign: the new assignee (0 = unassigned)
	// Assignee is, on import, the name of an EventAssign's new assignee:
	// the store finds or creates the employee and sets AssigneeID.
	Assignee string
	Note     string
	// Undated marks an event a source reports without its time (a CFPB
	// complaint known to be closed, a Zendesk reopen count): At is only the
	// earliest it can have happened and orders it. It moves the status but
	// gives no first response, resolution time or reopen day.
	Undated bool
	// Cancelled marks a closing that resolved nothing: the client withdrew
	// the complaint or the source cancelled it. The complaint leaves the
	// backlog at At but gets no resolution (nor a first response).
	Cancelled bool
}

// Complaint is one client appeal: a complaint, request, question or praise.
type Complaint struct {
	ID            int64
	Source        string // "manual", layout name; external ids are unique per source
	ExternalID    string
	BatchID       int64 // import batch, 0 when typed
	OpenedAt      time.Time
	ClientID      int64
	ClientName    string // read-only join; on import, the client to find or create
	ClientTier    string // read-only join (or with ClientName on import)
	Channel       Channel
	Type          ComplaintType
	CategoryID    int64  // 0 = uncategorised
	SubcategoryID int64  // 0 = none; a child of CategoryID
	Category      string // read-only join / import: category name to find or create
	Subcategory   string // read-only join / import
	Priority      Priority
	Subject       string
	Description   string
	AssigneeID    int64  // 0 = unassigned; follows the last assignment event
	Assignee      string // read-only join / import: employee name to find or create
	Level         Level  // current escalation level, follows the last escalation event
	Status        Status // current status, follows the last status event
	Resolution    string // resolution summary
	Compensation  int64  // in minor currency units (kopecks, cents)
	Verdict       Verdict
	Events        []ComplaintEvent // filled by Complaint(id) and on create/import
	Facts         Facts            // derived from Events; filled by reads
}

// Validate checks the complaint before it is stored.
func (c *Complaint) Validate() error {
	var errs ValidationErrors
	if c.OpenedAt.IsZero() {
		errs = append(errs, fieldErr("opened_at", "error.date_required", "date is required"))
	} else if y := c.OpenedAt.Year(); y < 1990 || y > 2100 {
		errs = append(errs, fieldErr("opened_at", "error.date_range", "date must be between 1990 and 2100"))
	}
	if c.Channel != "" && !c.Channel.Valid() {
		errs = append(errs, fieldErr("channel", "error.channel", "unknown channel %q", string(c.Channel)))
	}
	if !c.Type.Valid() {
		errs = append(errs, fieldErr("type", "error.complaint_type", "unknown type %q", string(c.Type)))
	}
	if !c.Priority.Valid() {
		errs = append(errs, fieldErr("priority", "error.priority", "unknown priority %q", string(c.Priority)))
	}
	if c.Level != "" && !c.Level.Valid() {
		errs = append(errs, fieldErr("level", "error.level", "unknown escalation level %q", string(c.Level)))
	}
	if c.Status != "" && !c.Status.Valid() {
		errs = append(errs, fieldErr("status", "error.status", "unknown status %q", string(c.Status)))
	}
	if !c.Verdict.Valid() {
		errs = append(errs, fieldErr("verdict", "error.verdict", "unknown verdict %q", string(c.Verdict)))
	}
	if c.Compensation < 0 {
		errs = append(errs, fieldErr("compensation", "error.compensation", "compensation cannot be negative"))
	}
	if longerThan(c.Description, MaxCommentLen) || longerThan(c.Resolution, MaxCommentLen) {
		errs = append(errs, fieldErr("description", "error.too_long", "text is longer than %d characters", MaxCommentLen))
	}
	if longerThan(c.Subject, MaxShortText) {
		errs = append(errs, fieldErr("subject", "error.too_long", "subject is longer than %d characters", MaxShortText))
	}
	for i := range c.Events {
		if e := &c.Events[i]; e.At.Before(c.OpenedAt) {
			errs = append(errs, fieldErr("events", "error.event_before_open", "an event at %s is before the complaint was opened", e.At.UTC().Format(time.RFC3339)))
			break
		}
	}
	return errs.orNil()
}

// longerThan reports whether s has more than n characters; a text of
// no more than n bytes has no more characters, and is not counted
// (every row of an import is validated, a ticket twice).
func longerThan(s string, n int) bool {
	return len(s) > n && utf8.RuneCountInString(s) > n
}

// Interval is a span of time [Start, End).
type Interval struct{ Start, End time.Time }

// Facts are the complaint's times and counts derived from its events.
type Facts struct {
	Status          Status
	Level           Level // highest level reached ("" = never escalated past frontline)
	AssigneeID      int64
	FirstResponseAt time.Time // first reply, or first status move out of "new"; zero when none
	FirstResolvedAt time.Time // first move to resolved/closed; zero when never
	ResolvedAt      time.Time // the final resolution, zero while the complaint is open
	Resolutions     []time.Time
	Reopens         []time.Time
	Escalations     int        // moves up to a level above frontline
	UndatedReopens  int        // reopens a source counted without their times
	Agents          int        // distinct assignees that held the complaint, and the ones a source counted unnamed (an undated EventAssign to no one)
	Waiting         []Interval // spans in "waiting for client"; an open span ends at the zero time
	Withdrawn       bool       // closed by a cancellation (ComplaintEvent.Cancelled) while open, and not reopened since
}

// Reopened reports whether the complaint was ever reopened.
func (f Facts) Reopened() bool { return len(f.Reopens) > 0 || f.UndatedReopens > 0 }

// Escalated reports whether the complaint was ever escalated above frontline.
func (f Facts) Escalated() bool { return f.Escalations > 0 }

// DeriveFacts computes a complaint's facts from its events (any order;
// ties keep their given order).
func DeriveFacts(events []ComplaintEvent) Facts {
	evs := sortedEvents(events)
	f := Facts{Status: StatusNew}
	var agents []int64 // distinct; a complaint passes through few hands
	unknownAgents := 0
	var waitStart time.Time
	// unresolvedEnd: the last closing has no known time or resolved
	// nothing (a cancellation), so ResolvedAt stays zero rather than
	// naming an earlier resolution.
	unresolvedEnd := false
	var current Level // the level as the events go
	levelRank := func(l Level) int { return slices.Index(Levels, l) }
	for i := range evs {
		e := &evs[i] // not copied: a ticket import derives every ticket's facts
		switch e.Kind {
		case EventReply:
			if f.FirstResponseAt.IsZero() {
				f.FirstResponseAt = e.At
			}
		case EventEscalation:
			// Only moves up count: handing back from manager to senior is
			// no new escalation.
			if levelRank(e.Level) > max(levelRank(current), 0) {
				f.Escalations++
			}
			if levelRank(e.Level) > levelRank(f.Level) {
				f.Level = e.Level
			}
			current = e.Level
		case EventAssign:
			if e.Undated && e.AssigneeID == 0 {
				// A source counted an agent it does not name nor date
				// (a reassignment count): one more agent, the current
				// assignee unchanged.
				unknownAgents++
				continue
			}
			f.AssigneeID = e.AssigneeID
			if e.AssigneeID != 0 && !slices.Contains(agents, e.AssigneeID) {
				agents = append(agents, e.AssigneeID)
			}
		case EventStatus:
			if !e.Status.Valid() || e.Status == f.Status {
				continue
			}
			prev := f.Status
			f.Status = e.Status
			f.Withdrawn = e.Cancelled && prev.Open() && !e.Status.Open()
			if e.Undated {
				// Known to have happened, not when: no duration may
				// start or end here.
				waitStart = time.Time{}
				switch {
				case prev.Open() && !e.Status.Open():
					unresolvedEnd = true
				case !prev.Open() && e.Status.Open():
					f.UndatedReopens++
				}
				continue
			}
			if e.Cancelled && !e.Status.Open() {
				// Closed at a known time, resolving nothing.
				if prev == StatusWaiting && !waitStart.IsZero() {
					f.Waiting = append(f.Waiting, Interval{Start: waitStart, End: e.At})
				}
				waitStart = time.Time{}
				unresolvedEnd = unresolvedEnd || prev.Open()
				continue
			}
			if prev == StatusNew && f.FirstResponseAt.IsZero() {
				f.FirstResponseAt = e.At
			}
			if prev == StatusWaiting && !waitStart.IsZero() {
				f.Waiting = append(f.Waiting, Interval{Start: waitStart, End: e.At})
			}
			waitStart = time.Time{}
			if e.Status == StatusWaiting {
				waitStart = e.At
			}
			switch {
			case prev.Open() && !e.Status.Open():
				unresolvedEnd = false
				f.Resolutions = append(f.Resolutions, e.At)
				if f.FirstResolvedAt.IsZero() && f.UndatedReopens == 0 {
					f.FirstResolvedAt = e.At
				}
			case !prev.Open() && e.Status.Open():
				f.Reopens = append(f.Reopens, e.At)
			}
		}
	}
	if f.Status == StatusWaiting && !waitStart.IsZero() {
		f.Waiting = append(f.Waiting, Interval{Start: waitStart})
	}
	if !f.Status.Open() && len(f.Resolutions) > 0 && !unresolvedEnd {
		f.ResolvedAt = f.Resolutions[len(f.Resolutions)-1]
	}
	f.Agents = len(agents) + unknownAgents
	return f
}

// sortedEvents returns events in time order, ties in their given order:
// events themselves when they are in order already, as a stored or
// imported history is, else a sorted copy.
func sortedEvents(events []ComplaintEvent) []ComplaintEvent {
	byTime := func(a, b ComplaintEvent) int { return a.At.Compare(b.At) }
	if slices.IsSortedFunc(events, byTime) {
		return events
	}
	evs := slices.Clone(events)
	slices.SortStableFunc(evs, byTime)
	return evs
}

// ComplaintSort names the column a complaint list is ordered by.
type ComplaintSort string

// Sort columns of the complaints register.
const (
	SortComplaintOpened   ComplaintSort = "opened"
	SortComplaintPriority ComplaintSort = "priority"
	SortComplaintStatus   ComplaintSort = "status"
	SortComplaintDue      ComplaintSort = "due" // earliest SLA due time first
)

// ComplaintView is a saved view of the register.
type ComplaintView string

// Saved views.
const (
	ViewAll        ComplaintView = ""
	ViewOverdue    ComplaintView = "overdue"     // open, an SLA due time has passed
	ViewBreached   ComplaintView = "breached"    // any SLA breached, open or finished
	ViewEscalated  ComplaintView = "escalated"   // escalated above frontline at some point
	ViewKeyClients ComplaintView = "key_clients" // client tier is the key tier
	ViewMine       ComplaintView = "mine"        // assigned to the current user (ComplaintFilter.Me)
)

// ComplaintViews lists the saved views in display order.
var ComplaintViews = []ComplaintView{ViewAll, ViewOverdue, ViewBreached, ViewEscalated, ViewKeyClients, ViewMine}

// KeyTier is the client tier the "key clients" view selects.
const KeyTier = "key"

// ComplaintFilter selects complaints. Zero values match everything.
type ComplaintFilter struct {
	From, To   Day // opened day, inclusive; 0 = unbounded
	View       ComplaintView
	Me         int64 // employee id of the current user, for ViewMine
	Now        time.Time
	Statuses   []Status
	OpenOnly   bool
	Types      []ComplaintType
	CategoryID int64
	Channel    Channel
	Priority   Priority
	AssigneeID int64 // -1 = unassigned
	ClientID   int64
	Tier       string
	Search     string // case-insensitive substring of subject, description, client or external id
	Sort       ComplaintSort
	Desc       bool
}

// Narrowed reports whether the filter selects fewer complaints than the
// whole register (sorting, the clock and the current user aside).
func (f ComplaintFilter) Narrowed() bool {
	return f.From != 0 || f.To != 0 || f.View != ViewAll || len(f.Statuses) > 0 || f.OpenOnly ||
		len(f.Types) > 0 || f.CategoryID != 0 || f.Channel != "" || f.Priority != "" || f.AssigneeID != 0 ||
		f.ClientID != 0 || f.Tier != "" || f.Search != ""
}

// Selects reports whether f and o select the same complaints (sorting
// and the clock aside).
func (f ComplaintFilter) Selects(o ComplaintFilter) bool {
	return slices.Equal(f.Statuses, o.Statuses) && slices.Equal(f.Types, o.Types) &&
		f.From == o.From && f.To == o.To && f.View == o.View && f.Me == o.Me && f.OpenOnly == o.OpenOnly &&
		f.CategoryID == o.CategoryID && f.Channel == o.Channel && f.Priority == o.Priority &&
		f.AssigneeID == o.AssigneeID && f.ClientID == o.ClientID && f.Tier == o.Tier && f.Search == o.Search
}

// Category is a complaint category or, with a ParentID, a subcategory.
// Names are kept in both languages.
type Category struct {
	ID       int64
	ParentID int64
	NameEN   string
	NameRU   string
}

// Name returns the name in lang, falling back to the other language.
func (c Category) Name(lang string) string {
	if isRussian(lang) && c.NameRU != "" || c.NameEN == "" {
		return c.NameRU
	}
	return c.NameEN
}

// SegmentKey is how complaint rollups name an id-valued segment
// (category, assignee): the id as text, "" for none (0).
func SegmentKey(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// CategoryNames maps the category segment values of complaint rollups to
// the categories' names in lang.
func CategoryNames(cats []Category, lang string) map[string]string {
	names := make(map[string]string, len(cats))
	for _, c := range cats {
		names[SegmentKey(c.ID)] = c.Name(lang)
	}
	return names
}

// Validate checks the category before it is stored.
func (c *Category) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(c.NameEN) == "" && strings.TrimSpace(c.NameRU) == "" {
		errs = append(errs, fieldErr("name", "error.required", "name is required"))
	}
	return errs.orNil()
}

// Employee is a member of the department.
type Employee struct {
	ID       int64
	Name     string
	Position string
	// Active mirrors Status for the complaint screens' assignee pickers:
	// false only for someone who has left. The store keeps the two in
	// step (an empty Status follows Active).
	Active  bool
	Team    string
	HiredOn Day // 0 = unknown
	Status  EmployeeStatus
	Contact string // e-mail or phone, free text
	Notes   string // the manager's notes
}

// Normalize fills Status from Active when it is empty and sets Active from
// Status, trimming the text fields.
func (e *Employee) Normalize() {
	e.Name, e.Position, e.Team = strings.TrimSpace(e.Name), strings.TrimSpace(e.Position), strings.TrimSpace(e.Team)
	e.Contact = strings.TrimSpace(e.Contact)
	if e.Status == "" {
		e.Status = EmployeeActive
		if !e.Active {
			e.Status = EmployeeLeft
		}
	}
	e.Active = e.Status != EmployeeLeft
}

// Validate checks the employee before it is stored.
func (e *Employee) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(e.Name) == "" {
		errs = append(errs, fieldErr("name", "error.required", "name is required"))
	}
	if e.Status != "" && !e.Status.Valid() {
		errs = append(errs, fieldErr("status", "error.employee_status", "unknown employee status %q", string(e.Status)))
	}
	return errs.orNil()
}
