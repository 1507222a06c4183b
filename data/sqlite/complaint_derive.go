package sqlite

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"caredesk/data"
)

// noDue is complaint.due_at when no SLA clock is running: the largest
// integer, so the due sort puts such complaints last without a NULL test.
const noDue = int64(1<<63 - 1)

// Flow marks of complaint_event.flow.
const (
	flowNone       = 0
	flowResolution = 1
	flowReopen     = 2
	flowCancel     = 3 // closed without a resolution (data.ComplaintEvent.Cancelled)
)

// judge is what a complaint is judged with: the department's zone and
// working calendar, the standards register and the moment of judging
// (running SLA clocks are measured up to it).
type judge struct {
	loc       *time.Location
	cal       data.Calendar
	standards []data.Standard
	now       time.Time
	sla       *data.SLAJudge // over standards, made when first needed
}

// derivedComplaint is everything stored about a complaint that follows
// from its fields and events.
type derivedComplaint struct {
	facts      data.Facts
	level      data.Level // current level: the last escalation event's
	openedDay  data.Day
	resDay     data.Day   // day of the final resolution; 0 while open
	eventDays  []data.Day // per event, in the order given
	eventFlows []int      // per event: flowResolution, flowReopen, flowCancel or flowNone
	durations  [numMeasures]duration
	sla        []data.SLAResult
	dueAt      int64
	breached   bool
}

// duration is one measured duration; ok is false when the measured event
// has not happened.
type duration struct {
	ok bool
	d  time.Duration
}

// The duration measures in the order of derivedComplaint.durations.
const (
	measureFRCalendar = iota
	measureFRWorking
	measureResCalendar
	measureResWorking
	numMeasures
)

var measureNames = [numMeasures]data.DurationMeasure{
	data.FirstResponseCalendar, data.FirstResponseWorking, data.ResolutionCalendar, data.ResolutionWorking,
}

// derive computes the derived state of c from events (stored order: by
// time, then id). c.Status, Level, AssigneeID and Facts are set from it.
func (j *judge) derive(c *data.Complaint, events []data.ComplaintEvent) derivedComplaint {
	d := derivedComplaint{
		facts:      data.DeriveFacts(events),
		level:      data.LevelFrontline,
		openedDay:  data.DayOf(c.OpenedAt, j.loc),
		eventDays:  make([]data.Day, len(events)),
		eventFlows: make([]int, len(events)),
		dueAt:      noDue,
	}
	// Replay the statuses in DeriveFacts' order to mark which events
	// resolved or reopened the complaint.
	order := timeOrder(events)
	status := data.StatusNew
	undatedRes := -1 // the last resolution, when its time is unknown
	for k := range events {
		i := k
		if order != nil {
			i = order[k]
		}
		e := &events[i]
		d.eventDays[i] = data.DayOf(e.At, j.loc)
		switch e.Kind {
		case data.EventEscalation:
			if e.Level.Valid() {
				d.level = e.Level
			}
		case data.EventStatus:
			if !e.Status.Valid() || e.Status == status {
				continue
			}
			switch {
			case status.Open() && !e.Status.Open() && e.Cancelled:
				d.eventFlows[i] = flowCancel
				undatedRes = -1
			case status.Open() && !e.Status.Open():
				d.eventFlows[i] = flowResolution
				undatedRes = -1
				if e.Undated {
					undatedRes = i
				}
			case !status.Open() && e.Status.Open() && e.Undated && undatedRes >= 0:
				// A resolution and reopening a source counted without
				// their times (Zendesk's "Reopens"): the import dates
				// them at the latest known time, a day they may not
				// have happened on, so neither counts in any day's
				// flows. They cancel out in the backlog, and the
				// complaint's reopens still count them.
				d.eventFlows[undatedRes] = flowNone
				undatedRes = -1
			case !status.Open() && e.Status.Open():
				d.eventFlows[i] = flowReopen
				undatedRes = -1
			}
			status = e.Status
		}
	}
	if !d.facts.ResolvedAt.IsZero() {
		d.resDay = data.DayOf(d.facts.ResolvedAt, j.loc)
	}
	c.Status, c.Level, c.AssigneeID, c.Facts = d.facts.Status, d.level, d.facts.AssigneeID, d.facts
	d.durations = j.durations(c.OpenedAt, d.facts)
	j.judgeSLA(c, &d)
	return d
}

// timeOrder returns the positions of events in time order, ties in
// their given order, or nil when that is the given order (as it is for
// a stored or imported history).
func timeOrder(events []data.ComplaintEvent) []int {
	byTime := func(a, b data.ComplaintEvent) int { return a.At.Compare(b.At) }
	if slices.IsSortedFunc(events, byTime) {
		return nil
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return byTime(events[a], events[b]) })
	return order
}

// durations measures the first response and the final resolution in
// calendar time and in the department's working hours.
func (j *judge) durations(opened time.Time, f data.Facts) [numMeasures]duration {
	var out [numMeasures]duration
	if !f.FirstResponseAt.IsZero() {
		out[measureFRCalendar] = duration{true, f.FirstResponseAt.Sub(opened)}
		out[measureFRWorking] = duration{true, j.cal.Working(opened, f.FirstResponseAt, j.loc, f.Waiting)}
	}
	if !f.ResolvedAt.IsZero() {
		out[measureResCalendar] = duration{true, f.ResolvedAt.Sub(opened)}
		out[measureResWorking] = duration{true, j.cal.Working(opened, f.ResolvedAt, j.loc, resolutionPauses(f))}
	}
	return out
}

// judgeSLA evaluates c against the standards and sets the SLA columns.
func (j *judge) judgeSLA(c *data.Complaint, d *derivedComplaint) {
	if j.sla == nil { // one judge for all the complaints of an import: it remembers the calendars' days
		j.sla = data.NewSLAJudge(j.standards, j.loc, j.now)
	}
	d.sla = j.sla.Evaluate(c, d.facts)
	d.dueAt, d.breached = slaSummary(d.sla)
}

// slaSummary is the earliest running due time and whether any item was
// breached.
func slaSummary(results []data.SLAResult) (dueAt int64, breached bool) {
	dueAt = noDue
	for _, r := range results {
		if r.Outcome == data.SLARunning && !r.Due.IsZero() {
			dueAt = min(dueAt, r.Due.Unix())
		}
		breached = breached || r.Outcome == data.SLABreached
	}
	return dueAt, breached
}

// resolutionPauses is the waiting spans plus the spans between each
// resolution and its reopen, sorted: the resolution clock stands still in
// both (as in data.EvaluateSLA).
func resolutionPauses(f data.Facts) []data.Interval {
	pauses := slices.Clone(f.Waiting)
	pauses = append(pauses, reopenSpans(f)...)
	slices.SortFunc(pauses, func(a, b data.Interval) int { return a.Start.Compare(b.Start) })
	return pauses
}

// reopenSpans pairs the i-th resolution with the i-th reopen.
func reopenSpans(f data.Facts) []data.Interval {
	var out []data.Interval
	for i, r := range f.Reopens {
		if i < len(f.Resolutions) && f.Resolutions[i].Before(r) {
			out = append(out, data.Interval{Start: f.Resolutions[i], End: r})
		}
	}
	return out
}

// encodeSpans stores intervals as "start-end,..." in unix seconds; an
// open end is 0.
func encodeSpans(spans []data.Interval) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(s.Start.Unix(), 10))
		b.WriteByte('-')
		if !s.End.IsZero() {
			b.WriteString(strconv.FormatInt(s.End.Unix(), 10))
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

func decodeSpans(s string) []data.Interval {
	if s == "" {
		return nil
	}
	var out []data.Interval
	for _, part := range strings.Split(s, ",") {
		a, b, _ := strings.Cut(part, "-")
		start, _ := strconv.ParseInt(a, 10, 64)
		end, _ := strconv.ParseInt(b, 10, 64)
		iv := data.Interval{Start: unixTime(start)}
		if end != 0 {
			iv.End = unixTime(end)
		}
		out = append(out, iv)
	}
	return out
}

// storedFacts rebuilds the facts SLA evaluation and working durations need
// from a complaint's derived columns, without reading its events.
func storedFacts(status data.Status, firstResponse, resolved *int64, waiting, reopened string) data.Facts {
	f := data.Facts{Status: status, Waiting: decodeSpans(waiting)}
	if firstResponse != nil {
		f.FirstResponseAt = unixTime(*firstResponse)
	}
	if resolved != nil {
		f.ResolvedAt = unixTime(*resolved)
	}
	for _, s := range decodeSpans(reopened) {
		f.Resolutions = append(f.Resolutions, s.Start)
		f.Reopens = append(f.Reopens, s.End)
	}
	return f
}

// segmentDims are the segmentations kept in the per-segment rollups, in
// the order of rollupRow.segs.
var segmentDims = [...]data.ComplaintSegmentation{
	data.ComplaintsByCategory, data.ComplaintsByChannel, data.ComplaintsByPriority,
	data.ComplaintsByAssignee, data.ComplaintsByClientTier,
}

// segmentValues are a complaint's values of segmentDims.
func segmentValues(c *data.Complaint) [len(segmentDims)]string {
	return [...]string{data.SegmentKey(c.CategoryID), string(c.Channel), string(c.Priority), data.SegmentKey(c.AssigneeID), c.ClientTier}
}

// rollupRow is what one complaint contributes to the rollups.
type rollupRow struct {
	segs      [len(segmentDims)]string
	openedDay data.Day
	negative  bool
	escalated bool
	responded bool
	resolved  bool // finally resolved (closed counts too)
	resDay    data.Day
	reopened  bool
	agents    int
	verdict   data.Verdict
	durations [numMeasures]duration
	flows     []flowDay
}

type flowDay struct {
	day  data.Day
	kind int
}

// rollupRowOf is the rollup row of a complaint with its derived state.
func rollupRowOf(c *data.Complaint, d *derivedComplaint) rollupRow {
	r := rollupRow{
		segs:      segmentValues(c),
		openedDay: d.openedDay,
		negative:  c.Type == data.TypeComplaint,
		escalated: d.facts.Escalated(),
		responded: !d.facts.FirstResponseAt.IsZero(),
		resolved:  !d.facts.ResolvedAt.IsZero(),
		reopened:  d.facts.Reopened(),
		agents:    d.facts.Agents,
		verdict:   c.Verdict,
		durations: d.durations,
		resDay:    d.resDay,
	}
	for i, f := range d.eventFlows {
		if f != flowNone {
			r.flows = append(r.flows, flowDay{d.eventDays[i], f})
		}
	}
	return r
}
