package kpi_test

import (
	"math"
	"testing"

	"caredesk/data"
	"caredesk/data/kpi"
)

func nearNaN(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) != math.IsNaN(got) || !math.IsNaN(want) && math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

func jan(d int) data.Day { return data.DateDay(2025, 1, d) }

// scorecardFixture: A and B handle complaints, C has left but handled one
// in January, D has left and handled none, E is on leave.
func scorecardFixture() kpi.ScorecardInput {
	return kpi.ScorecardInput{
		From: jan(1), To: jan(31), Today: data.DateDay(2025, 2, 10),
		Employees: []data.Employee{
			{ID: 1, Name: "A", Status: data.EmployeeActive}, {ID: 2, Name: "B", Status: data.EmployeeActive},
			{ID: 3, Name: "C", Status: data.EmployeeLeft}, {ID: 4, Name: "D", Status: data.EmployeeLeft},
			{ID: 5, Name: "E", Status: data.EmployeeOnLeave},
		},
		Outcomes: data.AgentOutcomes{
			Outcomes: []data.AgentOutcome{
				{EmployeeID: 1, CategoryID: 10, Handled: 8, Reopened: 2, Satisfied: 3, WithVerdict: 4, SLAAchieved: 6, SLABreached: 2},
				{EmployeeID: 1, CategoryID: 20, Handled: 2, Satisfied: 1, WithVerdict: 1, SLAAchieved: 2},
				{EmployeeID: 2, CategoryID: 10, Handled: 4, Reopened: 2, Satisfied: 1, WithVerdict: 2, SLAAchieved: 1, SLABreached: 3},
				{EmployeeID: 3, CategoryID: 20, Handled: 1},
				{EmployeeID: 0, CategoryID: 10, Handled: 5, Reopened: 5}, // unassigned: nobody's card
			},
			Resolutions: []data.AgentResolution{{EmployeeID: 1, Seconds: 3600}, {EmployeeID: 1, Seconds: 7200}, {EmployeeID: 1, Seconds: 36000}, {EmployeeID: 2, Seconds: 3600}, {EmployeeID: 2, Seconds: 18000}, {EmployeeID: 3, Seconds: 1800}},
			Feedback:    map[int64]data.ScoreCounts{1: {Scores: [11]int64{5: 1, 9: 1, 10: 3}}},
		},
		Kudos: []data.Kudos{{EmployeeID: 1}, {EmployeeID: 1}, {EmployeeID: 5}},
		Training: []data.TrainingItem{
			{EmployeeID: 1, CourseID: 1, Status: data.TrainingDone, CompletedOn: jan(20)},
			{EmployeeID: 1, CourseID: 2, Status: data.TrainingInProgress},
			{EmployeeID: 2, CourseID: 2, Status: data.TrainingDone, CompletedOn: data.DateDay(2024, 12, 30)},
			{EmployeeID: 5, CourseID: 1, Status: data.TrainingDone, CompletedOn: jan(31)},
		},
		Courses: []data.Course{{ID: 1, Hours: 8}, {ID: 2, Hours: 4}},
	}
}

func TestScorecards(t *testing.T) {
	sc := kpi.Scorecards(scorecardFixture())
	if sc.Partial {
		t.Error("January is over by February 10: not partial")
	}
	var names []string
	for _, c := range sc.Agents {
		names = append(names, c.Employee.Name)
	}
	if len(names) != 4 || names[0] != "A" || names[1] != "B" || names[2] != "C" || names[3] != "E" {
		t.Fatalf("agents %v, want A B C E (D left and handled nothing)", names)
	}
	a, b, c, e := sc.Agents[0], sc.Agents[1], sc.Agents[2], sc.Agents[3]
	type want struct {
		name    string
		v       kpi.ScoreValue
		value   float64
		n       int64
		med, vs float64
	}
	nan := math.NaN()
	for _, w := range []want{
		{"A handled", a.Handled, 10, 10, 4, 6},
		{"A median", a.MedianResolutionH, 2, 3, 2, 0},
		{"B median", b.MedianResolutionH, 3, 2, 2, 1},
		{"A reopen", a.ReopenRate, 20, 10, 20, 0},
		{"B reopen", b.ReopenRate, 50, 4, 20, 30},
		{"C reopen", c.ReopenRate, 0, 1, 20, -20},
		{"A sla", a.SLACompliance, 80, 10, 52.5, 27.5},
		{"C sla", c.SLACompliance, nan, 0, 52.5, nan},
		{"A satisfied", a.SatisfiedShare, 80, 5, 65, 15},
		{"A nps", a.NPS, 60, 5, 60, 0},
		{"B nps", b.NPS, nan, 0, 60, nan},
		{"A kudos", a.Kudos, 2, 2, 0.5, 1.5},
		{"A training", a.TrainingHours, 8, 1, 4, 4},
		{"B training", b.TrainingHours, 0, 0, 4, -4},
		{"E training", e.TrainingHours, 8, 1, 4, 4},
		{"E handled", e.Handled, 0, 0, 4, -4},
		{"E reopen", e.ReopenRate, nan, 0, 20, nan},
	} {
		nearNaN(t, w.name+" value", w.v.Value, w.value)
		nearNaN(t, w.name+" team median", w.v.TeamMedian, w.med)
		nearNaN(t, w.name+" vs team", w.v.VsTeam, w.vs)
		if w.v.N != w.n {
			t.Errorf("%s n = %d, want %d", w.name, w.v.N, w.n)
		}
		if w.v.Valid() == math.IsNaN(w.value) {
			t.Errorf("%s valid = %v", w.name, w.v.Valid())
		}
	}
	if !a.NPSStat.Thin {
		t.Error("5 responses must be flagged thin")
	}
	// Team row: the medians, N = the agents they are taken over
	// (complaint figures: A, B, C; kudos and training: every card).
	for _, w := range []struct {
		m kpi.ScoreMetric
		v float64
		n int64
	}{{kpi.ScoreHandled, 4, 3}, {kpi.ScoreSLACompliance, 52.5, 2}, {kpi.ScoreNPS, 60, 1}, {kpi.ScoreKudos, 0.5, 4}, {kpi.ScoreTrainingHours, 4, 4}} {
		got := sc.Team.Value(w.m)
		nearNaN(t, string(w.m)+" team", got.Value, w.v)
		if got.N != w.n {
			t.Errorf("%s team n = %d, want %d", w.m, got.N, w.n)
		}
	}
}

func TestGoalProgress(t *testing.T) {
	in := scorecardFixture()
	sc := kpi.Scorecards(in)
	a, _ := sc.Agent(1)
	b, _ := sc.Agent(2)
	e, _ := sc.Agent(5)
	today := data.DateDay(2025, 2, 10)
	for _, tc := range []struct {
		name  string
		g     data.Goal
		card  kpi.AgentScorecard
		value float64
		met   bool
	}{
		{"reopen at most 25%", data.Goal{EmployeeID: 1, Metric: data.GoalReopenRate, Target: 25}, a, 20, true},
		{"reopen at most 15%", data.Goal{EmployeeID: 1, Metric: data.GoalReopenRate, Target: 15}, a, 20, false},
		{"median at most 2 h", data.Goal{EmployeeID: 1, Metric: data.GoalMedianResolution, Target: 2}, a, 2, true},
		{"SLA at least 50%", data.Goal{EmployeeID: 2, Metric: data.GoalSLACompliance, Target: 50}, b, 25, false},
		{"NPS at least -10 without feedback", data.Goal{EmployeeID: 2, Metric: data.GoalNPS, Target: -10}, b, math.NaN(), false},
		{"course done in the period", data.Goal{EmployeeID: 5, Metric: data.GoalCourse, CourseID: 1}, e, 1, true},
		{"course not done", data.Goal{EmployeeID: 1, Metric: data.GoalCourse, CourseID: 2}, a, 0, false},
	} {
		tc.g.From, tc.g.To = jan(1), jan(31)
		p := kpi.GoalProgressOf(tc.g, tc.card, in.Training, today)
		nearNaN(t, tc.name, p.Current.Value, tc.value)
		if p.Met != tc.met || !p.Final {
			t.Errorf("%s: met %v final %v, want met %v, final", tc.name, p.Met, p.Final, tc.met)
		}
	}
	g := data.Goal{EmployeeID: 5, Metric: data.GoalCourse, CourseID: 1, From: jan(1), To: data.DateDay(2025, 3, 31)}
	if p := kpi.GoalProgressOf(g, e, in.Training, today); p.Final || !p.Met || p.DoneOn != jan(31) {
		t.Errorf("running course goal: %+v", p)
	}
}

func TestScoreMetricFormat(t *testing.T) {
	for _, c := range []struct {
		m    kpi.ScoreMetric
		lang string
		v    float64
		want string
	}{
		{kpi.ScoreHandled, "en", 12, "12"},
		{kpi.ScoreKudos, "en", 1.5, "1.5"}, // a team median of counts can be halfway
		{kpi.ScoreNPS, "en", 37, "+37"},
		{kpi.ScoreMedianResolution, "ru", 8.44, "8,4 ч"},
		{kpi.ScoreSatisfiedShare, "en", 67.26, "67.3 %"},
		{kpi.ScoreReopenRate, "en", math.NaN(), "—"},
	} {
		if got := c.m.Format(c.lang, c.v); got != c.want {
			t.Errorf("%s %v in %s = %q, want %q", c.m, c.v, c.lang, got, c.want)
		}
	}
}
