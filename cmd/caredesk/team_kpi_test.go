package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
)

// fillTeam stores, through the store, a team of three (Vera has left),
// January 2025's complaints (Anna resolves two, one of them reopened;
// Boris one, the client satisfied), a kudos for Anna, a course done by
// Boris in January, one left open by Anna, and a budget for the quarter.
func fillTeam(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	anna := data.Employee{Name: "Anna", Position: "Agent", Status: data.EmployeeActive}
	boris := data.Employee{Name: "Boris", Position: "Agent", Status: data.EmployeeActive}
	vera := data.Employee{Name: "Vera", Position: "Agent", Status: data.EmployeeLeft}
	for _, e := range []*data.Employee{&anna, &boris, &vera} {
		must(st.SaveEmployee(ctx, e))
	}
	delivery := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	must(st.SaveCategory(ctx, &delivery))
	at := func(d, h int) time.Time { return time.Date(2025, 1, d, h, 0, 0, 0, time.UTC) }
	resolved := func(who int64, d int, verdict data.Verdict, reopen bool) data.Complaint {
		c := data.Complaint{OpenedAt: at(d, 9), Type: data.TypeComplaint, Priority: data.PriorityNormal, CategoryID: delivery.ID, Verdict: verdict,
			Events: []data.ComplaintEvent{
				{At: at(d, 9), Kind: data.EventAssign, AssigneeID: who},
				{At: at(d, 10), Kind: data.EventStatus, Status: data.StatusInProgress},
				{At: at(d, 12), Kind: data.EventStatus, Status: data.StatusResolved},
			}}
		if reopen {
			c.Events = append(c.Events,
				data.ComplaintEvent{At: at(d+1, 10), Kind: data.EventStatus, Status: data.StatusInProgress},
				data.ComplaintEvent{At: at(d+1, 11), Kind: data.EventStatus, Status: data.StatusResolved})
		}
		return c
	}
	for _, c := range []data.Complaint{
		resolved(anna.ID, 13, data.VerdictUnknown, false), resolved(anna.ID, 14, data.VerdictNotSatisfied, true),
		resolved(boris.ID, 15, data.VerdictSatisfied, false),
	} {
		must(st.CreateComplaint(ctx, &c))
	}
	must(st.SaveKudos(ctx, &data.Kudos{EmployeeID: anna.ID, At: at(20, 15), From: "manager", Text: "Calm with an angry client"}))
	empathy := data.Course{Title: "Empathy", Format: data.FormatClassroom, Hours: 6, Cost: 150000}
	must(st.SaveCourse(ctx, &empathy))
	day := func(m time.Month, d int) data.Day { return data.DateDay(2025, m, d) }
	must(st.SaveTrainingItem(ctx, &data.TrainingItem{EmployeeID: boris.ID, CourseID: empathy.ID, PlannedStart: day(1, 20),
		PlannedEnd: day(1, 25), Status: data.TrainingDone, CompletedOn: day(1, 20)}))
	must(st.SaveTrainingItem(ctx, &data.TrainingItem{EmployeeID: anna.ID, CourseID: empathy.ID, PlannedStart: day(1, 27),
		PlannedEnd: day(1, 31), Status: data.TrainingPlanned}))
	must(st.SaveTrainingBudget(ctx, &data.TrainingBudget{Title: "Q1", From: day(1, 1), To: day(3, 31), Amount: 9_000_000}))
}

func TestCLIKPITraining(t *testing.T) {
	db := filepath.Join(t.TempDir(), "caredesk.db")
	fillTeam(t, db)
	code, out, errOut := cli(t, db, "kpi", "training", "--from", "2025-01", "--to", "2025-03", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep kpi.TrainingReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Periods) != 3 {
		t.Fatalf("%d periods:\n%s", len(rep.Periods), out)
	}
	jan, total := rep.Periods[0], rep.Total
	// Anna's item, still open, was overdue at January's end; Boris's was
	// done by its planned end: one of two on time.
	if jan.Period != "2025-01" || jan.Planned != 2 || jan.Done != 1 || jan.Overdue != 1 || *jan.CompletionRate != 50 ||
		jan.Hours != 6 || jan.Cost != 1500 || jan.HoursPlanned != 12 || jan.CostPlanned != 3000 || *jan.Budget != 31000 {
		t.Errorf("January: %+v", jan)
	}
	if total.Planned != 2 || total.Done != 1 || total.Overdue != 1 || *total.Budget != 90000 || rep.Periods[1].Planned != 0 {
		t.Errorf("total: %+v, February %+v", total, rep.Periods[1])
	}

	code, out, errOut = cli(t, db, "kpi", "training", "--by", "quarter")
	if code != 0 {
		t.Fatalf("table: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"On time %", "2025-Q1", "Total", "1,500.00", "overdue: open past the planned end"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// The quarter's budget on its row and on the total's.
	if strings.Count(out, "90,000.00") != 2 {
		t.Errorf("budget:\n%s", out)
	}

	code, _, errOut = cli(t, db, "kpi", "training", "--by", "fortnight")
	if code == 0 || !strings.Contains(errOut, "fortnight") {
		t.Errorf("bad --by: exit %d, %q", code, errOut)
	}
}

func TestCLIKPIAgents(t *testing.T) {
	db := filepath.Join(t.TempDir(), "caredesk.db")
	fillTeam(t, db)
	code, out, errOut := cli(t, db, "kpi", "agents", "--from", "2025-01", "--to", "2025-01", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep kpi.ScorecardReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.From != "2025-01-01" || rep.To != "2025-01-31" || rep.Partial || len(rep.Agents) != 2 {
		t.Fatalf("report: %s", out)
	}
	anna, boris := rep.Agents[0], rep.Agents[1]
	if anna.Name != "Anna" || boris.Name != "Boris" {
		t.Fatalf("agents %q %q (Vera left and handled nothing)", anna.Name, boris.Name)
	}
	val := func(r kpi.ScorecardRow, m kpi.ScoreMetric) float64 {
		t.Helper()
		f := r.Figures[m]
		if f.Value == nil {
			t.Fatalf("%s %s undefined", r.Name, m)
		}
		return *f.Value
	}
	if val(anna, kpi.ScoreHandled) != 2 || val(anna, kpi.ScoreReopenRate) != 50 || val(anna, kpi.ScoreKudos) != 1 ||
		val(anna, kpi.ScoreSatisfiedShare) != 0 || anna.Figures[kpi.ScoreSatisfiedShare].N != 1 {
		t.Errorf("Anna: %+v", anna.Figures)
	}
	if val(boris, kpi.ScoreHandled) != 1 || val(boris, kpi.ScoreReopenRate) != 0 || val(boris, kpi.ScoreTrainingHours) != 6 ||
		val(boris, kpi.ScoreSatisfiedShare) != 100 {
		t.Errorf("Boris: %+v", boris.Figures)
	}
	if f := anna.Figures[kpi.ScoreNPS]; f.Value != nil || f.N != 0 {
		t.Errorf("no feedback: NPS must be null, got %+v", f)
	}
	if f := rep.Team.Figures[kpi.ScoreReopenRate]; *f.Value != 25 || f.N != 2 || *anna.Figures[kpi.ScoreReopenRate].VsTeam != 25 {
		t.Errorf("team reopen %+v", f)
	}

	code, out, errOut = cli(t, db, "kpi", "agents", "--from", "2025-01", "--to", "2025-01")
	if code != 0 {
		t.Fatalf("table: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Scorecards 2025-01-01 – 2025-01-31", "Reopen %", "Anna", "50.0 (+25.0)", "Team median", "—"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Vera") {
		t.Errorf("Vera left and handled nothing:\n%s", out)
	}
	code, _, errOut = cli(t, db, "kpi", "agents", "--from", "2025-13")
	if code == 0 || !strings.Contains(errOut, "--from 2025-13") {
		t.Errorf("bad --from: exit %d, %q", code, errOut)
	}
}
