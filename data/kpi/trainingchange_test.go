package kpi

import (
	"math"
	"testing"

	"caredesk/data"
)

func TestCompletionChangeTestsTheRates(t *testing.T) {
	// 20 of 40 on time, then 36 of 40: +40 points, z ≈ 3.96.
	prev := TrainingStat{CompletionRate: shareOf(20, 40)}
	cur := TrainingStat{CompletionRate: shareOf(36, 40)}
	c := CompletionChange(prev, cur)
	if !c.Has || math.Abs(c.Delta-40) > 1e-9 || !c.Significant || c.P > 0.001 {
		t.Errorf("change %+v", c)
	}
	// Nothing due in the previous period: nothing to compare.
	if c := CompletionChange(TrainingStat{CompletionRate: shareOf(0, 0)}, cur); c.Has || c.Significant {
		t.Errorf("against an empty period: %+v", c)
	}
}

func TestTrainingSpanCutsAtItsDays(t *testing.T) {
	// Due 10 October (done on time), 20 November (open) and 15 December;
	// the quarter so far on 26 November holds the first two.
	in := TrainingInput{Items: []data.TrainingItem{
		{ID: 1, PlannedStart: data.DateDay(2026, 10, 9), PlannedEnd: data.DateDay(2026, 10, 10), Status: data.TrainingDone, CompletedOn: data.DateDay(2026, 10, 10)},
		{ID: 2, PlannedStart: data.DateDay(2026, 11, 19), PlannedEnd: data.DateDay(2026, 11, 20), Status: data.TrainingPlanned},
		{ID: 3, PlannedStart: data.DateDay(2026, 12, 14), PlannedEnd: data.DateDay(2026, 12, 15), Status: data.TrainingPlanned},
	}, Budgets: []data.TrainingBudget{{From: data.DateDay(2026, 10, 1), To: data.DateDay(2026, 12, 31), Amount: 9200}}}
	today := data.DateDay(2026, 11, 26)
	s := TrainingSpan(in, data.DateDay(2026, 10, 1), today, today)
	if s.Planned != 2 || s.Done != 1 || s.Overdue != 1 || s.CompletionRate.Num != 1 || s.CompletionRate.Den != 2 {
		t.Errorf("so far %+v", s)
	}
	// 57 of the budget's 92 days.
	if !s.HasBudget || s.Budget != 5700 {
		t.Errorf("budget %d (has %v), want 5700", s.Budget, s.HasBudget)
	}
}
