package kpi_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
)

// BenchmarkScorecardsMillion is the figure: every agent's
// scorecard for a month and for a quarter of the million-complaint file
// that data/sqlite's complaint benchmarks build (24 months from
// 2023-01-02, 40 assignees).
func BenchmarkScorecardsMillion(b *testing.B) {
	path := filepath.Join(os.TempDir(), "caredesk-complaints-bench-v2.db")
	if _, err := os.Stat(path); err != nil {
		b.Skipf("%s is missing: build it with go test -run X -bench ComplaintKPIs24Months ./data/sqlite", path)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, p := range []kpi.Period{kpi.PeriodOf(data.DateDay(2024, 6, 1), kpi.Month), kpi.PeriodOf(data.DateDay(2024, 6, 1), kpi.Quarter)} {
		b.Run(p.Label, func(b *testing.B) {
			for b.Loop() {
				sc, err := kpi.LoadScorecards(ctx, db, p.Start, p.End, p.End+1)
				if err != nil || len(sc.Agents) != 40 || sc.Team.Handled.Value == 0 {
					b.Fatalf("%d agents, %v", len(sc.Agents), err)
				}
			}
		})
	}
}

// BenchmarkScorecardsCompute is the computation alone on a quarter's
// worth of outcomes (125,000 resolutions, 40 agents, 8 categories).
func BenchmarkScorecardsCompute(b *testing.B) {
	r := rand.New(rand.NewPCG(4, 4))
	in := kpi.ScorecardInput{From: data.DateDay(2024, 4, 1), To: data.DateDay(2024, 6, 30)}
	for e := int64(1); e <= 40; e++ {
		in.Employees = append(in.Employees, data.Employee{ID: e, Status: data.EmployeeActive})
		for c := int64(1); c <= 8; c++ {
			in.Outcomes.Outcomes = append(in.Outcomes.Outcomes, data.AgentOutcome{EmployeeID: e, CategoryID: c,
				Handled: 390, Reopened: 20, Satisfied: 200, WithVerdict: 290, SLAAchieved: 600, SLABreached: 100})
		}
	}
	for range 125_000 {
		in.Outcomes.Resolutions = append(in.Outcomes.Resolutions, data.AgentResolution{EmployeeID: 1 + r.Int64N(40), Seconds: r.Int64N(200_000)})
	}
	for b.Loop() {
		if sc := kpi.Scorecards(in); len(sc.Agents) != 40 {
			b.Fatal(len(sc.Agents))
		}
	}
}
