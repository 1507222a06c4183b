package kpi

import (
	"math"

	"caredesk/data"
)

// EffectWindow is the days before and after a training its effect is
// judged over.
const EffectWindow = 90

// EffectRow is one scorecard figure before and after a training.
type EffectRow struct {
	Metric        ScoreMetric
	Before, After ScoreValue // team fields unset (NaN)
	// Change is After − Before (percentage points for shares) with its
	// test: shares with the two-proportion z-test, counts as Poisson
	// rates per day of each window, NPS with its two-sample z-test. Has is
	// false when either side lacks the figure.
	Change Change
	// Tested is false for the median resolution time: its change is
	// shown without a test, as the complaint KPIs do.
	Tested bool
}

// TrainingEffect is an employee's scorecard over the EffectWindow days
// before a training's completion against the EffectWindow days after.
type TrainingEffect struct {
	Item data.TrainingItem
	// BeforeFrom..BeforeTo is the window ending the day before completion,
	// starting no earlier than the hire date (nor, through
	// LoadTrainingEffect, the first complaint on record).
	BeforeFrom, BeforeTo data.Day
	AfterFrom, AfterTo   data.Day // the window starting the day after
	// AfterDays is how many days of the after window have passed by
	// today (the exposure of its counts); AfterIncomplete is true while it
	// is less than the window: the after figures are so far.
	AfterDays       int
	AfterIncomplete bool
	// BeforeDays is the days from BeforeFrom to BeforeTo (the exposure of
	// its counts): someone hired a month before the training has a month
	// to compare, not 90 days of zeros. BeforeIncomplete is true when it is
	// less than the window.
	BeforeDays       int
	BeforeIncomplete bool
	Before, After    AgentScorecard
	Rows             []EffectRow // in ScoreMetrics order, without training hours
}

// EffectWindows returns the before and after windows of a training
// completed on day done.
func EffectWindows(done data.Day) (beforeFrom, beforeTo, afterFrom, afterTo data.Day) {
	return done - EffectWindow, done - 1, done + 1, done + EffectWindow
}

// TrainingEffectOf compares before and after, the employee's scorecards of
// the two windows of item (see EffectWindows), as of today.
func TrainingEffectOf(item data.TrainingItem, before, after AgentScorecard, today data.Day) TrainingEffect {
	return trainingEffect(item, before, after, today, before.Employee.HiredOn)
}

// trainingEffect is TrainingEffectOf with the before window starting no
// earlier than since.
func trainingEffect(item data.TrainingItem, before, after AgentScorecard, today, since data.Day) TrainingEffect {
	e := TrainingEffect{Item: item, Before: before, After: after}
	e.BeforeFrom, e.BeforeTo, e.AfterFrom, e.AfterTo = EffectWindows(item.CompletedOn)
	e.BeforeFrom = max(e.BeforeFrom, since)
	e.AfterDays = max(0, int(min(e.AfterTo, today)-e.AfterFrom)+1)
	e.AfterIncomplete = e.AfterDays < EffectWindow
	e.BeforeDays = max(0, int(e.BeforeTo-e.BeforeFrom)+1)
	e.BeforeIncomplete = e.BeforeDays < EffectWindow
	beforeDays, afterDays := float64(e.BeforeDays), float64(e.AfterDays)
	for _, m := range ScoreMetrics {
		if m == ScoreTrainingHours {
			continue // the training itself sits between the windows
		}
		r := EffectRow{Metric: m, Before: bare(before.Value(m)), After: bare(after.Value(m)), Tested: m != ScoreMedianResolution}
		b, a := before.Outcome, after.Outcome
		switch m {
		case ScoreHandled:
			r.Change = compareCounts(b.Handled, beforeDays, a.Handled, afterDays)
		case ScoreKudos:
			r.Change = compareCounts(before.Kudos.N, beforeDays, after.Kudos.N, afterDays)
		case ScoreReopenRate:
			r.Change = compareShares(shareOf(b.Reopened, b.Handled), shareOf(a.Reopened, a.Handled))
		case ScoreSLACompliance:
			r.Change = compareShares(shareOf(b.SLAAchieved, b.SLAAchieved+b.SLABreached), shareOf(a.SLAAchieved, a.SLAAchieved+a.SLABreached))
		case ScoreSatisfiedShare:
			r.Change = compareShares(shareOf(b.Satisfied, b.WithVerdict), shareOf(a.Satisfied, a.WithVerdict))
		case ScoreNPS:
			prev, cur := before.NPSStat, after.NPSStat
			Compare(&prev, &cur)
			r.Change = Change{Has: cur.HasDelta, Delta: cur.Delta, Z: cur.Z, P: cur.P, Significant: cur.Significant}
		case ScoreMedianResolution:
			r.Change = Change{P: 1}
			if r.Before.Valid() && r.After.Valid() {
				r.Change.Has, r.Change.Delta = true, r.After.Value-r.Before.Value
			}
		}
		e.Rows = append(e.Rows, r)
	}
	return e
}

// bare drops a figure's team comparison, meaningless across windows.
func bare(v ScoreValue) ScoreValue {
	v.TeamMedian, v.VsTeam = math.NaN(), math.NaN()
	return v
}
