package kpi

import (
	"math"

	"caredesk/data"
)

// ScoreMetric names a figure of the per-agent scorecard. The names of the
// figures a goal can target are the goal metrics' (data.GoalMetric).
type ScoreMetric string

// Scorecard figures.
const (
	ScoreHandled          = ScoreMetric(data.GoalComplaintsHandled) // complaints finally resolved
	ScoreMedianResolution = ScoreMetric(data.GoalMedianResolution)  // working hours
	ScoreReopenRate       = ScoreMetric(data.GoalReopenRate)        // percent of handled
	ScoreSLACompliance    = ScoreMetric(data.GoalSLACompliance)     // percent of finished SLA items
	ScoreSatisfiedShare   = ScoreMetric(data.GoalSatisfiedShare)    // percent of verdicts
	ScoreNPS              = ScoreMetric(data.GoalNPS)               // of linked feedback
	ScoreKudos            = ScoreMetric(data.GoalKudos)             // given in the period
	ScoreTrainingHours    = ScoreMetric("training_hours")           // course hours done in the period
)

// ScoreMetrics lists the scorecard's figures in display order.
var ScoreMetrics = []ScoreMetric{ScoreHandled, ScoreMedianResolution, ScoreReopenRate, ScoreSLACompliance,
	ScoreSatisfiedShare, ScoreNPS, ScoreKudos, ScoreTrainingHours}

// Key is the translation key of the figure's name ("teamkpi.metric.nps").
func (m ScoreMetric) Key() string { return "teamkpi.metric." + string(m) }

// LowerIsBetter reports whether a smaller value of the figure is better.
func (m ScoreMetric) LowerIsBetter() bool { return data.GoalMetric(m).LowerIsBetter() }

// Format writes a value of the figure in its unit, as the employee card,
// the goals and the scorecard chart show it: counts whole (a team median
// may be halfway: 1.5), NPS signed, shares in percent, hours with one
// decimal; "—" for no data.
func (m ScoreMetric) Format(lang string, v float64) string {
	switch {
	case math.IsNaN(v):
		return "—"
	case m == ScoreHandled || m == ScoreKudos:
		if v != math.Trunc(v) {
			return data.FormatNumber(lang, v, 1)
		}
		return data.FormatNumber(lang, v, 0)
	case m == ScoreNPS:
		return data.FormatSigned(lang, v, 0)
	case m == ScoreMedianResolution || m == ScoreTrainingHours:
		return data.FormatHours(lang, v, 1)
	}
	return data.FormatNumber(lang, v, 1) + " %"
}

// ScoreValue is one figure of a scorecard with its base and its place
// against the team.
type ScoreValue struct {
	// Value is the figure; NaN when there is nothing to compute it from
	// (no complaints, no verdicts…), shown as "—".
	Value float64
	// N is the figure's base: complaints for handled and the reopen rate,
	// resolutions with a known working time for the median, finished SLA
	// items, verdicts, scored responses; the count itself for kudos; done
	// plan items for training hours. In the team row, the agents the
	// median is taken over.
	N int64
	// TeamMedian is the median of the figure over the agents who have it;
	// NaN when none has. VsTeam is Value − TeamMedian (NaN when either is).
	TeamMedian, VsTeam float64
}

// Valid reports whether the figure has a value.
func (v ScoreValue) Valid() bool { return !math.IsNaN(v.Value) }

// AgentScorecard is one employee's figures for a period. In the team row
// of TeamScorecards the Employee is zero and each Value is the team median.
type AgentScorecard struct {
	Employee data.Employee
	// Outcome sums the employee's complaint outcomes over the categories
	// (CategoryID 0); Feedback counts the scores of linked feedback; they
	// are the raw counts the before/after tests run on.
	Outcome  data.AgentOutcome
	Feedback data.ScoreCounts
	NPSStat  NPSStat // NPS of Feedback, with its interval and Thin flag

	Handled, MedianResolutionH, ReopenRate, SLACompliance ScoreValue
	SatisfiedShare, NPS, Kudos, TrainingHours             ScoreValue
}

// Value returns the figure m (a zero ScoreValue with NaNs for an unknown
// name).
func (c AgentScorecard) Value(m ScoreMetric) ScoreValue {
	if p := c.field(m); p != nil {
		return *p
	}
	return ScoreValue{Value: math.NaN(), TeamMedian: math.NaN(), VsTeam: math.NaN()}
}

func (c *AgentScorecard) field(m ScoreMetric) *ScoreValue {
	switch m {
	case ScoreHandled:
		return &c.Handled
	case ScoreMedianResolution:
		return &c.MedianResolutionH
	case ScoreReopenRate:
		return &c.ReopenRate
	case ScoreSLACompliance:
		return &c.SLACompliance
	case ScoreSatisfiedShare:
		return &c.SatisfiedShare
	case ScoreNPS:
		return &c.NPS
	case ScoreKudos:
		return &c.Kudos
	case ScoreTrainingHours:
		return &c.TrainingHours
	}
	return nil
}

// TeamScorecards is every agent's scorecard for one period with the team
// medians.
type TeamScorecards struct {
	From, To data.Day // inclusive
	// Partial is true when the period reaches past today: the figures so
	// far, not the period's.
	Partial bool
	Agents  []AgentScorecard // in the order of ScorecardInput.Employees
	Team    AgentScorecard   // medians; Employee is zero
}

// Agent returns the scorecard of employee id.
func (t TeamScorecards) Agent(id int64) (AgentScorecard, bool) {
	for _, c := range t.Agents {
		if c.Employee.ID == id {
			return c, true
		}
	}
	return AgentScorecard{}, false
}

// ScorecardInput is what the scorecards of a period are computed from.
type ScorecardInput struct {
	From, To, Today data.Day
	Employees       []data.Employee     // the roster, in display order
	Outcomes        data.AgentOutcomes  // complaints finally resolved From..To
	Kudos           []data.Kudos        // given From..To (the caller selects them)
	Training        []data.TrainingItem // any items; done ones completed From..To count
	Courses         []data.Course
}

// Scorecards computes one scorecard per employee who has not left or who
// handled complaints in the period, and the team medians. A figure's team
// median is taken over the agents who have it; complaint figures only
// over agents who handled complaints in the period, so that employees
// with no complaints (a trainer, someone on leave) do not pull the
// handled median down.
func Scorecards(in ScorecardInput) TeamScorecards {
	out := TeamScorecards{From: in.From, To: in.To, Partial: in.Today != 0 && in.To >= in.Today}
	outcome := map[int64]*data.AgentOutcome{}
	for _, o := range in.Outcomes.Outcomes {
		a := outcome[o.EmployeeID]
		if a == nil {
			a = &data.AgentOutcome{EmployeeID: o.EmployeeID}
			outcome[o.EmployeeID] = a
		}
		addOutcome(a, o)
	}
	seconds := map[int64][]float64{}
	for _, r := range in.Outcomes.Resolutions {
		seconds[r.EmployeeID] = append(seconds[r.EmployeeID], float64(r.Seconds))
	}
	kudos := map[int64]int64{}
	for _, k := range in.Kudos {
		kudos[k.EmployeeID]++
	}
	hours := courseHours(in.Courses)
	trained := map[int64]ScoreValue{}
	for _, t := range in.Training {
		if t.Status == data.TrainingDone && t.CompletedOn >= in.From && t.CompletedOn <= in.To {
			v := trained[t.EmployeeID]
			v.Value += hours[t.CourseID]
			v.N++
			trained[t.EmployeeID] = v
		}
	}
	for _, e := range in.Employees {
		o := outcome[e.ID]
		if e.Status == data.EmployeeLeft && (o == nil || o.Handled == 0) {
			continue
		}
		c := AgentScorecard{Employee: e}
		if o != nil {
			c.Outcome = *o
		}
		c.Outcome.EmployeeID = e.ID
		c.Feedback = in.Outcomes.Feedback[e.ID]
		c.NPSStat = NPS(c.Feedback)
		h := c.Outcome.Handled
		c.Handled = figure(float64(h), h)
		c.MedianResolutionH = figure(medianInPlace(seconds[e.ID])/3600, int64(len(seconds[e.ID])))
		c.ReopenRate = percentFigure(c.Outcome.Reopened, h)
		c.SLACompliance = percentFigure(c.Outcome.SLAAchieved, c.Outcome.SLAAchieved+c.Outcome.SLABreached)
		c.SatisfiedShare = percentFigure(c.Outcome.Satisfied, c.Outcome.WithVerdict)
		c.NPS = figure(c.NPSStat.NPS, c.NPSStat.N)
		c.Kudos = figure(float64(kudos[e.ID]), kudos[e.ID])
		t := trained[e.ID]
		c.TrainingHours = figure(t.Value, t.N)
		out.Agents = append(out.Agents, c)
	}
	out.Team = teamMedians(out.Agents)
	return out
}

// teamMedians fills the team row and each agent's place against it.
func teamMedians(agents []AgentScorecard) AgentScorecard {
	team := AgentScorecard{}
	for _, m := range ScoreMetrics {
		var values []float64
		for i := range agents {
			v := agents[i].field(m)
			complaintFigure := m != ScoreKudos && m != ScoreTrainingHours
			if v.Valid() && (!complaintFigure || agents[i].Outcome.Handled > 0) {
				values = append(values, v.Value)
			}
		}
		med := Percentile(values, 0.5)
		*team.field(m) = ScoreValue{Value: med, N: int64(len(values)), TeamMedian: med, VsTeam: math.NaN()}
		for i := range agents {
			v := agents[i].field(m)
			v.TeamMedian, v.VsTeam = med, v.Value-med
		}
	}
	team.NPSStat = NPS(data.ScoreCounts{})
	return team
}

// figure is a value with its base; the team fields are filled later.
func figure(v float64, n int64) ScoreValue {
	return ScoreValue{Value: v, N: n, TeamMedian: math.NaN(), VsTeam: math.NaN()}
}

func percentFigure(num, den int64) ScoreValue { return figure(shareOf(num, den).Value, den) }

func addOutcome(a *data.AgentOutcome, o data.AgentOutcome) {
	a.Handled += o.Handled
	a.Reopened += o.Reopened
	a.Satisfied += o.Satisfied
	a.WithVerdict += o.WithVerdict
	a.SLAAchieved += o.SLAAchieved
	a.SLABreached += o.SLABreached
}

func courseHours(courses []data.Course) map[int64]float64 {
	h := make(map[int64]float64, len(courses))
	for _, c := range courses {
		h[c.ID] = c.Hours
	}
	return h
}

// GoalProgress is where a goal stands: the figure it targets over the
// goal's period.
type GoalProgress struct {
	Goal data.Goal
	// Current is the figure over the goal's period; for a course goal 1
	// when the course was done within the period, 0 otherwise (N = 1).
	Current ScoreValue
	DoneOn  data.Day // course goals: when the course was completed (0 = not in the period)
	// Met reports whether Current reaches the target (at or below it for
	// lower-is-better figures); false when Current is undefined.
	Met bool
	// Final is true once the goal's period is over: Met is the outcome
	// rather than the standing so far.
	Final bool
}

// GoalProgressOf judges goal g against card, the employee's scorecard of
// the goal's period; a course goal looks for the course done within the
// period among items.
func GoalProgressOf(g data.Goal, card AgentScorecard, items []data.TrainingItem, today data.Day) GoalProgress {
	p := GoalProgress{Goal: g, Final: today > g.To}
	if g.Metric == data.GoalCourse {
		p.Current = figure(0, 1)
		for _, t := range items {
			if t.EmployeeID == g.EmployeeID && t.CourseID == g.CourseID && t.Status == data.TrainingDone &&
				t.CompletedOn >= g.From && t.CompletedOn <= g.To {
				p.Current.Value, p.DoneOn, p.Met = 1, t.CompletedOn, true
				break
			}
		}
		return p
	}
	p.Current = card.Value(ScoreMetric(g.Metric))
	if p.Current.Valid() {
		if g.Metric.LowerIsBetter() {
			p.Met = p.Current.Value <= g.Target
		} else {
			p.Met = p.Current.Value >= g.Target
		}
	}
	return p
}

// medianInPlace is Percentile(v, 0.5), reordering v: a selection in
// linear time instead of a sort, since a quarter of a large department
// has a hundred thousand resolutions to take medians of.
func medianInPlace(v []float64) float64 {
	n := len(v)
	if n == 0 {
		return math.NaN()
	}
	k := (n - 1) / 2
	selectKth(v, k)
	if n%2 == 1 {
		return v[k]
	}
	next := v[k+1]
	for _, x := range v[k+2:] {
		next = min(next, x)
	}
	return (v[k] + next) / 2
}

// selectKth reorders v so that v[k] is its k-th smallest value, with
// nothing larger before it and nothing smaller after it (Hoare's
// selection with a median-of-three pivot).
func selectKth(v []float64, k int) {
	lo, hi := 0, len(v)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if v[mid] < v[lo] {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if v[hi] < v[lo] {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if v[hi] < v[mid] {
			v[hi], v[mid] = v[mid], v[hi]
		}
		pivot := v[mid]
		i, j := lo, hi
		for i <= j {
			for v[i] < pivot {
				i++
			}
			for v[j] > pivot {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
