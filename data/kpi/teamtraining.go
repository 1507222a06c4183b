package kpi

import (
	"math"

	"caredesk/data"
)

// TrainingStat is the training plan against what was done in one period
// (or a whole range). Costs and budgets are in minor units.
type TrainingStat struct {
	Period Period // Label "total" for a whole range
	// Planned counts the items, not cancelled, whose planned end falls in
	// the period; HoursPlanned and CostPlanned are their courses' hours
	// and cost.
	Planned      int64
	HoursPlanned float64
	CostPlanned  int64
	// Done counts the items completed in the period, whatever their plan
	// said; HoursDone and CostDone are their courses' hours and cost.
	Done      int64
	HoursDone float64
	CostDone  int64
	// Overdue counts the items that were open past their planned end at
	// the end of the period (today for the current period); 0 for periods
	// that start after today.
	Overdue int64
	// CompletionRate is the planned items done on or before their planned
	// end, out of Planned.
	CompletionRate Share
	// Budget is the training budgets overlapping the period, each
	// prorated by the days it shares with it; HasBudget is false when no
	// budget overlaps (shown as "—", not 0).
	Budget    int64
	HasBudget bool
}

// TrainingSeries is the training figures of consecutive periods: with
// Month, the plan against actual completions the chart draws.
type TrainingSeries struct {
	By      Granularity
	Periods []TrainingStat
	Total   TrainingStat
}

// TrainingInput is the plan the training figures are computed from.
type TrainingInput struct {
	Items   []data.TrainingItem
	Courses []data.Course
	Budgets []data.TrainingBudget
}

// TrainingTrend computes the training figures per period of granularity
// by over from..to (inclusive; 0 takes the range of the plan's planned
// ends and completions): whole periods, the first and last included even
// where from and to cut them. Periods with nothing in them are kept.
func TrainingTrend(in TrainingInput, by Granularity, from, to, today data.Day) TrainingSeries {
	out := TrainingSeries{By: by}
	var seen span
	for _, t := range in.Items {
		if t.Status != data.TrainingCancelled {
			seen.see(t.PlannedEnd)
		}
		if t.Status == data.TrainingDone {
			seen.see(t.CompletedOn)
		}
	}
	from, to, ok := seen.bounds(from, to)
	if !ok || to < from {
		out.Total = trainingStat(in, Period{Label: "total"}, today)
		return out
	}
	periods := Periods(from, to, by)
	for _, p := range periods {
		out.Periods = append(out.Periods, trainingStat(in, p, today))
	}
	// The periods are whole even where from and to cut them: so is the
	// total, or its budget would not be the periods' sum.
	out.Total = trainingStat(in, Period{Start: periods[0].Start, End: periods[len(periods)-1].End, Label: "total"}, today)
	return out
}

// trainingStat computes one period's figures. Plans hold thousands of
// items, not millions: a pass over them per period costs nothing.
func trainingStat(in TrainingInput, p Period, today data.Day) TrainingStat {
	s := TrainingStat{Period: p}
	courses := make(map[int64]data.Course, len(in.Courses))
	for _, c := range in.Courses {
		courses[c.ID] = c
	}
	// An item was overdue at the end of the period if it was still open on
	// the day after it (or today, for the current period): open now, or
	// completed on or after that day.
	asOf := min(p.End+1, today)
	future := p.Start > today
	var onTime int64
	for _, t := range in.Items {
		c := courses[t.CourseID]
		if t.Status != data.TrainingCancelled && t.PlannedEnd >= p.Start && t.PlannedEnd <= p.End {
			s.Planned++
			s.HoursPlanned += c.Hours
			s.CostPlanned += c.Cost
			if t.Status == data.TrainingDone && t.CompletedOn <= t.PlannedEnd {
				onTime++
			}
		}
		if t.Status == data.TrainingDone && t.CompletedOn >= p.Start && t.CompletedOn <= p.End {
			s.Done++
			s.HoursDone += c.Hours
			s.CostDone += c.Cost
		}
		openAsOf := t.Status.Open() || t.Status == data.TrainingDone && t.CompletedOn >= asOf
		if !future && openAsOf && t.PlannedEnd < asOf {
			s.Overdue++
		}
	}
	s.CompletionRate = shareOf(onTime, s.Planned)
	var budget float64
	for _, b := range in.Budgets {
		lo, hi := max(b.From, p.Start), min(b.To, p.End)
		if hi < lo || b.To < b.From {
			continue
		}
		budget += float64(b.Amount) * float64(hi-lo+1) / float64(b.To-b.From+1)
		s.HasBudget = true
	}
	s.Budget = int64(math.Round(budget))
	return s
}
