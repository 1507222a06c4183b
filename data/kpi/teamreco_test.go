package kpi_test

import (
	"math"
	"testing"

	"caredesk/data"
	"caredesk/data/kpi"
)

// TestRecommend: skill 100 (delivery) is linked to category 10, skills 200
// (payments) and 300 (empathy) to category 20, and 300 also to 30.
func TestRecommend(t *testing.T) {
	in := kpi.RecommendationInput{
		Employees: []data.Employee{
			{ID: 1, Name: "A", Position: "Agent", Status: data.EmployeeActive},
			{ID: 2, Name: "B", Position: "Agent", Status: data.EmployeeActive},
			{ID: 3, Name: "C", Position: "Senior", Status: data.EmployeeActive},
			{ID: 4, Name: "D", Position: "Senior", Status: data.EmployeeLeft},
		},
		Outcomes: []data.AgentOutcome{
			{EmployeeID: 1, CategoryID: 10, Handled: 100, Reopened: 30},
			{EmployeeID: 2, CategoryID: 10, Handled: 100, Reopened: 10},
			{EmployeeID: 3, CategoryID: 10, Handled: 100, Reopened: 10},
			{EmployeeID: 1, CategoryID: 20, Handled: 10, Reopened: 1, Satisfied: 2, WithVerdict: 10, SLAAchieved: 5, SLABreached: 5},
			{EmployeeID: 2, CategoryID: 20, Handled: 40, Reopened: 4, Satisfied: 30, WithVerdict: 40, SLAAchieved: 30, SLABreached: 10},
			{EmployeeID: 0, CategoryID: 20, Handled: 50, Reopened: 50}, // unassigned: not the team's
		},
		CategorySkills: map[int64][]int64{10: {100}, 20: {200, 300}, 30: {300}},
		Levels: []data.SkillAssessment{
			{EmployeeID: 1, SkillID: 300, Level: data.SkillLearning},
			{EmployeeID: 2, SkillID: 300, Level: data.SkillIndependent},
		},
		Requirements: []data.SkillRequirement{{Position: "Agent", SkillID: 300, Level: data.SkillIndependent},
			{Position: "Senior", SkillID: 100, Level: data.SkillCanTeach}},
		Courses: []data.Course{
			{ID: 1, Title: "Delivery basics", SkillIDs: []int64{100}},
			{ID: 2, Title: "Payment systems", SkillIDs: []int64{200}},
			{ID: 3, Title: "Empathy workshop", SkillIDs: []int64{300}},
			{ID: 4, Title: "Advanced delivery", SkillIDs: []int64{100}},
		},
		Training: []data.TrainingItem{
			{EmployeeID: 1, CourseID: 1, Status: data.TrainingPlanned},
			{EmployeeID: 1, CourseID: 3, Status: data.TrainingCancelled},
		},
	}
	recs := kpi.Recommend(in)
	type got struct {
		emp, skill int64
		excess     float64
		gap        int
		courses    string
	}
	var list []got
	for _, r := range recs {
		g := got{emp: r.EmployeeID, skill: r.SkillID, excess: math.Round(r.Excess*100) / 100}
		if r.Gap != nil {
			g.gap = r.Gap.Size()
		}
		for _, c := range r.Courses {
			g.courses += c.Title + ";"
		}
		list = append(list, g)
	}
	want := []got{
		{1, 100, 20, 0, "Advanced delivery;"},                // 30 of 100 reopened against the rest's 20 of 200
		{1, 300, 8, 2, "Empathy workshop;"},                  // 2.5 breaches + 5.5 dissatisfied, and a gap of 2
		{1, 200, 8, 0, "Payment systems;"},                   // the same excess, no gap
		{3, 100, 0, 4, "Advanced delivery;Delivery basics;"}, // no excess, a gap of 4
	}
	if len(list) != len(want) {
		t.Fatalf("recommendations %+v, want %+v", list, want)
	}
	for i := range want {
		if list[i] != want[i] {
			t.Errorf("#%d: %+v, want %+v", i, list[i], want[i])
		}
	}

	delivery := recs[0]
	if len(delivery.Outcomes) != 1 {
		t.Fatalf("delivery outcomes %+v", delivery.Outcomes)
	}
	o := delivery.Outcomes[0]
	// Pooled 50/300; z = (0.3 − 0.1) / sqrt(1/6 · 5/6 · (1/100 + 1/200)).
	nearNaN(t, "delivery z", o.Z, 0.2/math.Sqrt(1.0/6*5.0/6*(0.01+0.005)))
	if o.Measure != kpi.MeasureReopen || o.Bad != 30 || o.N != 100 || o.TeamBad != 20 || o.TeamN != 200 ||
		o.Expected != 10 || !o.Significant || o.Thin || !delivery.Significant {
		t.Errorf("delivery outcome %+v", o)
	}

	payments := recs[2]
	if len(payments.Outcomes) != 2 {
		t.Fatalf("payments outcomes %+v", payments.Outcomes)
	}
	dis, sla := payments.Outcomes[0], payments.Outcomes[1]
	if dis.Measure != kpi.MeasureDissatisfied || dis.Bad != 8 || dis.TeamBad != 10 || dis.Excess != 5.5 || !dis.Significant || !dis.Thin {
		t.Errorf("dissatisfied %+v", dis)
	}
	// Pooled 15/50: z = (0.5 − 0.25) / sqrt(0.3 · 0.7 · (1/40 + 1/10)) ≈ 1.54, not significant.
	nearNaN(t, "breach z", sla.Z, 0.25/math.Sqrt(0.3*0.7*0.125))
	if sla.Measure != kpi.MeasureSLABreach || sla.Excess != 2.5 || sla.Significant {
		t.Errorf("breach %+v", sla)
	}
	// Ten complaints are too few for the normal approximation: P is
	// Fisher's exact test (summed with exact integers elsewhere).
	nearNaN(t, "dissatisfied exact p", dis.P, 0.0022685879037093876)
	nearNaN(t, "breach exact p", sla.P, 0.14277603718747425)
	reasons := payments.Reasons()
	if len(reasons) != 2 || reasons[0].Key != "teamkpi.reason.dissatisfied_significant" || reasons[1].Key != "teamkpi.reason.sla_breach" ||
		reasons[0].Args["Rate"] != 80.0 || reasons[0].Args["TeamRate"] != 25.0 {
		t.Errorf("reasons %+v", reasons)
	}
	if r := recs[1].Reasons(); len(r) != 3 || r[2].Key != "teamkpi.reason.gap" || r[2].Args["Current"] != 1 || r[2].Args["Required"] != 3 {
		t.Errorf("empathy reasons %+v", r)
	}
}

func TestTrainingEffect(t *testing.T) {
	done := data.DateDay(2025, 3, 1)
	bf, bt, af, at := kpi.EffectWindows(done)
	if bt-bf != 89 || at-af != 89 || bt != done-1 || af != done+1 {
		t.Fatalf("windows %s..%s, %s..%s", bf, bt, af, at)
	}
	emp := []data.Employee{{ID: 7, Name: "A", Status: data.EmployeeActive}}
	card := func(o data.AgentOutcome, seconds ...int64) kpi.AgentScorecard {
		in := kpi.ScorecardInput{Employees: emp, Outcomes: data.AgentOutcomes{Outcomes: []data.AgentOutcome{o}}}
		for _, s := range seconds {
			in.Outcomes.Resolutions = append(in.Outcomes.Resolutions, data.AgentResolution{EmployeeID: 7, Seconds: s})
		}
		return kpi.Scorecards(in).Agents[0]
	}
	before := card(data.AgentOutcome{EmployeeID: 7, Handled: 90, Reopened: 18, SLAAchieved: 10}, 7200, 14400)
	after := card(data.AgentOutcome{EmployeeID: 7, Handled: 45, Reopened: 3, SLAAchieved: 0}, 3600)
	// 45 days after: the after window is half gone.
	e := kpi.TrainingEffectOf(data.TrainingItem{EmployeeID: 7, Status: data.TrainingDone, CompletedOn: done}, before, after, done+45)
	if !e.AfterIncomplete || e.AfterDays != 45 {
		t.Errorf("after window: %d days, incomplete %v", e.AfterDays, e.AfterIncomplete)
	}
	rows := map[kpi.ScoreMetric]kpi.EffectRow{}
	for _, r := range e.Rows {
		rows[r.Metric] = r
	}
	if _, ok := rows[kpi.ScoreTrainingHours]; ok || len(rows) != 7 {
		t.Errorf("rows %v", e.Rows)
	}
	// 90 in 90 days against 45 in 45: the same daily rate.
	if h := rows[kpi.ScoreHandled]; !h.Change.Has || h.Change.Delta != -45 || h.Change.Z != 0 || h.Change.Significant || !h.Tested {
		t.Errorf("handled %+v", h)
	}
	// 18/90 against 3/45: pooled 21/135.
	p := 21.0 / 135
	re := rows[kpi.ScoreReopenRate]
	nearNaN(t, "reopen delta", re.Change.Delta, 100*(3.0/45-0.2))
	nearNaN(t, "reopen z", re.Change.Z, (3.0/45-0.2)/math.Sqrt(p*(1-p)*(1.0/90+1.0/45)))
	if !re.Change.Significant {
		t.Errorf("reopen p = %v, want < 0.05", re.Change.P)
	}
	if m := rows[kpi.ScoreMedianResolution]; m.Tested || !m.Change.Has || m.Change.Delta != -2 || m.Change.Significant {
		t.Errorf("median %+v", m)
	}
	if s := rows[kpi.ScoreSLACompliance]; s.Change.Has || s.After.Valid() {
		t.Errorf("SLA with no items after must not compare: %+v", s)
	}
	if n := rows[kpi.ScoreNPS]; n.Change.Has {
		t.Errorf("NPS without feedback: %+v", n)
	}
	if full := kpi.TrainingEffectOf(e.Item, before, after, done+200); full.AfterIncomplete || full.AfterDays != 90 || full.BeforeIncomplete {
		t.Errorf("a finished window: %d days", full.AfterDays)
	}
	// Hired 30 days before the training: 30 handled in 30 days is the same
	// daily rate as 45 in the 45 days after, not three times less.
	before.Employee.HiredOn = done - 30
	before.Outcome.Handled = 30
	hired := kpi.TrainingEffectOf(e.Item, before, after, done+45)
	if !hired.BeforeIncomplete || hired.BeforeDays != 30 || hired.BeforeFrom != done-30 {
		t.Errorf("before window of a new hire: %d days", hired.BeforeDays)
	}
	for _, r := range hired.Rows {
		if r.Metric == kpi.ScoreHandled && (r.Change.Z != 0 || r.Change.Delta != 15) {
			t.Errorf("handled by a new hire: %+v", r.Change)
		}
	}
}
