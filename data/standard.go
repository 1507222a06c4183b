package data

import (
	"slices"
	"strings"
	"time"
)

// SLAMeasure is what a service standard times.
type SLAMeasure string

// Measures: from opening to the first response, or to the resolution.
const (
	MeasureFirstResponse SLAMeasure = "first_response"
	MeasureResolution    SLAMeasure = "resolution"
)

// Valid reports whether m is a known measure.
func (m SLAMeasure) Valid() bool { return m == MeasureFirstResponse || m == MeasureResolution }

// Standard is a written customer-service standard with a measurable
// target. Its Versions (sorted by EffectiveFrom) hold what changed over
// time; a complaint is judged by the version in force on the day it was
// opened.
type Standard struct {
	ID      int64
	Code    string // short, unique: "FRT-1"
	Title   string
	Measure SLAMeasure
	// Goal is the compliance the department aims for, in percent of
	// finished items that meet the target (0 = DefaultSLAGoal).
	Goal     float64
	Versions []StandardVersion
}

// DefaultSLAGoal is the compliance goal of a standard that sets none.
const DefaultSLAGoal = 90.0

// GoalOrDefault is the standard's compliance goal in percent.
func (s *Standard) GoalOrDefault() float64 {
	if s.Goal > 0 {
		return s.Goal
	}
	return DefaultSLAGoal
}

// StandardVersion is a standard as it read from EffectiveFrom on.
type StandardVersion struct {
	ID            int64
	EffectiveFrom Day
	Text          string                     // the written standard
	Targets       map[Priority]time.Duration // working time allowed; a missing priority has no target
	Calendar      Calendar
	Channels      []Channel // empty = every channel
	CategoryIDs   []int64   // empty = every category; matches a complaint's category or subcategory
	Tiers         []string  // client tiers; empty = every client
}

// Validate checks the standard and each version.
func (s *Standard) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(s.Code) == "" {
		errs = append(errs, fieldErr("code", "error.required", "code is required"))
	}
	if strings.TrimSpace(s.Title) == "" {
		errs = append(errs, fieldErr("title", "error.required", "title is required"))
	}
	if !s.Measure.Valid() {
		errs = append(errs, fieldErr("measure", "error.measure", "unknown measure %q", string(s.Measure)))
	}
	if s.Goal < 0 || s.Goal > 100 {
		errs = append(errs, fieldErr("goal", "error.sla_goal", "the compliance goal must be a percentage from 0 to 100"))
	}
	if len(s.Versions) == 0 {
		errs = append(errs, fieldErr("versions", "error.standard_versions", "a standard needs at least one version"))
	}
	seen := map[Day]bool{}
	for i := range s.Versions {
		v := &s.Versions[i]
		if seen[v.EffectiveFrom] {
			errs = append(errs, fieldErr("effective_from", "error.version_date", "two versions take effect on %s", v.EffectiveFrom))
		}
		seen[v.EffectiveFrom] = true
		for p, d := range v.Targets {
			if !p.Valid() || d <= 0 {
				errs = append(errs, fieldErr("targets", "error.target", "targets must be positive durations"))
				break
			}
		}
		if len(v.Targets) == 0 {
			errs = append(errs, fieldErr("targets", "error.target_missing", "set a target for at least one priority"))
		}
		if err := v.Calendar.Validate(); err != nil {
			errs = append(errs, err.(ValidationErrors)...)
		}
	}
	return errs.orNil()
}

// SortVersions orders the versions by EffectiveFrom.
func (s *Standard) SortVersions() {
	slices.SortFunc(s.Versions, func(a, b StandardVersion) int { return int(a.EffectiveFrom - b.EffectiveFrom) })
}

// VersionAt returns the version in force on day d (Versions sorted).
func (s *Standard) VersionAt(d Day) (StandardVersion, bool) {
	if i := s.versionIndexAt(d); i >= 0 {
		return s.Versions[i], true
	}
	return StandardVersion{}, false
}

// versionIndexAt is the index of the version in force on d, -1 if none.
func (s *Standard) versionIndexAt(d Day) int {
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if s.Versions[i].EffectiveFrom <= d {
			return i
		}
	}
	return -1
}

// Applies reports whether the version covers complaint c.
func (v *StandardVersion) Applies(c *Complaint) bool {
	if _, ok := v.Targets[c.Priority]; !ok {
		return false
	}
	if len(v.Channels) > 0 && !slices.Contains(v.Channels, c.Channel) {
		return false
	}
	if len(v.CategoryIDs) > 0 && !slices.Contains(v.CategoryIDs, c.CategoryID) && !slices.Contains(v.CategoryIDs, c.SubcategoryID) {
		return false
	}
	if len(v.Tiers) > 0 && !slices.ContainsFunc(v.Tiers, func(t string) bool { return strings.EqualFold(t, c.ClientTier) }) {
		return false
	}
	return true
}

// SLAOutcome is where a complaint stands against one standard.
type SLAOutcome string

// Outcomes: running and paused while the measured event has not happened.
const (
	SLARunning  SLAOutcome = "running"
	SLAPaused   SLAOutcome = "paused" // waiting for the client: the clock is stopped
	SLAAchieved SLAOutcome = "achieved"
	SLABreached SLAOutcome = "breached"
)

// AtRiskShare is the share of the target after which a running item is
// "at risk".
const AtRiskShare = 0.75

// SLAResult is a complaint judged against one standard.
type SLAResult struct {
	StandardID int64
	Code       string
	VersionID  int64
	Measure    SLAMeasure
	Target     time.Duration // working time allowed
	Elapsed    time.Duration // working time used (up to now while running)
	Due        time.Time     // when the target runs out; zero when finished or paused
	RiskAt     time.Time     // when AtRiskShare of the target is used; zero when finished or paused
	Finished   time.Time     // the response or final resolution; zero while running
	Outcome    SLAOutcome
}

// Overdue reports whether an unfinished item is past its target: a running
// item whose due time is not after now, or a paused one that used up its
// target before the clock stopped (it can only end breached).
func (r SLAResult) Overdue(now time.Time) bool {
	if r.Outcome == SLAPaused {
		return r.Elapsed >= r.Target
	}
	return r.Outcome == SLARunning && !r.Due.IsZero() && !now.Before(r.Due)
}

// AtRisk reports whether a running item has used AtRiskShare of its target
// but is not overdue yet.
func (r SLAResult) AtRisk(now time.Time) bool {
	return r.Outcome == SLARunning && !r.RiskAt.IsZero() && !now.Before(r.RiskAt) && !r.Overdue(now)
}

// urgency orders results for a summary: overdue, breached, at risk,
// running, paused, met.
func (r SLAResult) urgency(now time.Time) int {
	switch {
	case r.Overdue(now):
		return 5
	case r.Outcome == SLABreached:
		return 4
	case r.AtRisk(now):
		return 3
	case r.Outcome == SLARunning:
		return 2
	case r.Outcome == SLAPaused:
		return 1
	}
	return 0
}

// WorstSLA is the result a one-line summary of a complaint shows: the most
// urgent state, and among equals the one with the least time left; ok is
// false when no standard covers the complaint.
func WorstSLA(results []SLAResult, now time.Time) (worst SLAResult, ok bool) {
	for i, r := range results {
		u, w := r.urgency(now), worst.urgency(now)
		if i == 0 || u > w || u == w && r.Target-r.Elapsed < worst.Target-worst.Elapsed {
			worst = r
		}
	}
	return worst, len(results) > 0
}

// EvaluateSLA judges complaint c (with facts f) against every standard
// that covers it, in the version in force on the day it was opened. The
// clock stops while the complaint waits for the client and, for the
// resolution measure, between a resolution and its reopen.
func EvaluateSLA(c *Complaint, f Facts, standards []Standard, loc *time.Location, now time.Time) []SLAResult {
	j := SLAJudge{standards: standards, loc: loc, now: now} // nothing to remember for one complaint
	return j.Evaluate(c, f)
}

// SLAJudge evaluates complaints as EvaluateSLA does, remembering the
// versions' working windows from one complaint to the next (see
// calendarDays): for judging many complaints, one judge per goroutine.
type SLAJudge struct {
	standards []Standard
	loc       *time.Location
	now       time.Time
	days      map[[2]int]*calendarDays // by standard and version index
}

// NewSLAJudge returns a judge of complaints against standards in loc, with
// running clocks measured up to now.
func NewSLAJudge(standards []Standard, loc *time.Location, now time.Time) *SLAJudge {
	return &SLAJudge{standards: standards, loc: loc, now: now, days: map[[2]int]*calendarDays{}}
}

// Evaluate judges c, whose derived facts are f, against the judge's
// standards.
func (j *SLAJudge) Evaluate(c *Complaint, f Facts) []SLAResult {
	opened := DayOf(c.OpenedAt, j.loc)
	var out []SLAResult
	for i := range j.standards {
		s := &j.standards[i]
		vi := s.versionIndexAt(opened)
		if vi < 0 {
			continue
		}
		v := &s.Versions[vi]
		if !v.Applies(c) {
			continue
		}
		r := SLAResult{StandardID: s.ID, Code: s.Code, VersionID: v.ID, Measure: s.Measure, Target: v.Targets[c.Priority]}
		pauses := f.Waiting
		var stop time.Time
		switch s.Measure {
		case MeasureFirstResponse:
			stop = f.FirstResponseAt
		case MeasureResolution:
			stop = f.ResolvedAt
			pauses = resolutionPauses(f)
		}
		cal := j.calendar(i, vi)
		if !stop.IsZero() {
			r.Finished = stop
			r.Elapsed = working(cal, c.OpenedAt, stop, pauses)
			r.Outcome = SLAAchieved
			if r.Elapsed > r.Target {
				r.Outcome = SLABreached
			}
		} else {
			if !f.Status.Open() {
				// Closed, but the source never said when it answered or
				// resolved (an undated event): the clock can't be judged,
				// and a stopped complaint must not show as running late.
				continue
			}
			r.Elapsed = working(cal, c.OpenedAt, j.now, pauses)
			r.Due = addWorking(cal, c.OpenedAt, r.Target, pauses)
			r.RiskAt = addWorking(cal, c.OpenedAt, time.Duration(float64(r.Target)*AtRiskShare), pauses)
			r.Outcome = SLARunning
			if f.Status == StatusWaiting {
				r.Outcome, r.Due, r.RiskAt = SLAPaused, time.Time{}, time.Time{}
			}
		}
		out = append(out, r)
	}
	return out
}

// calendar returns the windows of version vi of standard si: remembered,
// unless the judge keeps none (EvaluateSLA's).
func (j *SLAJudge) calendar(si, vi int) windows {
	in := calendarIn{&j.standards[si].Versions[vi].Calendar, j.loc}
	if j.days == nil {
		return in
	}
	key := [2]int{si, vi}
	cal := j.days[key]
	if cal == nil {
		cal = &calendarDays{calendarIn: in}
		j.days[key] = cal
	}
	return cal
}

// resolutionPauses merges the waiting spans with the spans between a
// resolution and its reopen, sorted.
func resolutionPauses(f Facts) []Interval {
	pauses := slices.Clone(f.Waiting)
	for i, r := range f.Reopens {
		// The i-th reopen follows the i-th resolution.
		if i < len(f.Resolutions) && f.Resolutions[i].Before(r) {
			pauses = append(pauses, Interval{Start: f.Resolutions[i], End: r})
		}
	}
	slices.SortFunc(pauses, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	return pauses
}
