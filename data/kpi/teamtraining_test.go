package kpi_test

import (
	"math"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

func TestTrainingTrend(t *testing.T) {
	day := func(m, d int) data.Day { return data.DateDay(2025, time.Month(m), d) }
	in := kpi.TrainingInput{
		Courses: []data.Course{{ID: 1, Hours: 8, Cost: 10000}, {ID: 2, Hours: 4, Cost: 5000}},
		Items: []data.TrainingItem{
			{CourseID: 1, PlannedEnd: day(1, 20), Status: data.TrainingDone, CompletedOn: day(1, 18)}, // on time
			{CourseID: 2, PlannedEnd: day(1, 31), Status: data.TrainingDone, CompletedOn: day(2, 3)},  // late: overdue at January's end
			{CourseID: 1, PlannedEnd: day(2, 10), Status: data.TrainingPlanned},                       // overdue today
			{CourseID: 2, PlannedEnd: day(2, 28), Status: data.TrainingInProgress},                    // not due yet
			{CourseID: 1, PlannedEnd: day(1, 15), Status: data.TrainingCancelled},                     // counts nowhere
			{CourseID: 2, PlannedEnd: day(3, 20), Status: data.TrainingPlanned},                       // next month
		},
		Budgets: []data.TrainingBudget{
			{From: day(1, 1), To: day(3, 31), Amount: 90000},                 // 90 days: 1,000 a day
			{From: data.DateDay(2024, 12, 15), To: day(1, 14), Amount: 3100}, // 31 days, 14 in January
		},
	}
	today := day(2, 15)
	s := kpi.TrainingTrend(in, kpi.Month, day(1, 1), day(3, 31), today)
	if len(s.Periods) != 3 {
		t.Fatalf("%d periods", len(s.Periods))
	}
	type want struct {
		planned, done, overdue  int64
		hoursPlanned, hoursDone float64
		costPlanned, costDone   int64
		rate                    float64
		budget                  int64
	}
	for i, w := range []want{
		{2, 1, 1, 12, 8, 15000, 10000, 50, 32400},
		{2, 1, 1, 12, 4, 15000, 5000, 0, 28000},
		{1, 0, 0, 4, 0, 5000, 0, 0, 31000}, // March starts after today: no overdue yet
		{5, 2, 1, 28, 12, 35000, 15000, 20, 91400},
	} {
		p := s.Total
		if i < 3 {
			p = s.Periods[i]
		}
		got := want{p.Planned, p.Done, p.Overdue, p.HoursPlanned, p.HoursDone, p.CostPlanned, p.CostDone, p.CompletionRate.Value, p.Budget}
		if got != w || !p.HasBudget {
			t.Errorf("%s: got %+v, want %+v (budget %v)", p.Period.Label, got, w, p.HasBudget)
		}
	}
	if s.Periods[0].Period.Label != "2025-01" || s.Total.Period.Label != "total" {
		t.Errorf("labels %q %q", s.Periods[0].Period.Label, s.Total.Period.Label)
	}

	april := kpi.TrainingTrend(in, kpi.Month, day(4, 1), day(4, 30), today).Periods[0]
	if april.HasBudget || april.Planned != 0 || !math.IsNaN(april.CompletionRate.Value) {
		t.Errorf("April: %+v", april)
	}
	// Open bounds take the plan's range: planned ends January to March.
	open := kpi.TrainingTrend(in, kpi.Quarter, 0, 0, today)
	// The total spans the whole quarter like its one period, budget included.
	if len(open.Periods) != 1 || open.Periods[0].Period.Label != "2025-Q1" || open.Total.Planned != 5 ||
		open.Total.Period.Start != day(1, 1) || open.Total.Period.End != day(3, 31) || open.Total.Budget != open.Periods[0].Budget {
		t.Errorf("open range: %+v", open)
	}
	if empty := kpi.TrainingTrend(kpi.TrainingInput{}, kpi.Month, 0, 0, today); len(empty.Periods) != 0 || empty.Total.Planned != 0 {
		t.Errorf("empty plan: %+v", empty)
	}
}
