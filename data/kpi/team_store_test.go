package kpi_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

// TestTeamFiguresThroughTheStore fills a real SQLite file through the
// store and reads the team figures back through the loaders: Anna
// reopens three of her four January delivery complaints, Boris none of
// his four; Anna then takes a delivery course (done March 1) and
// resolves two March complaints without a reopen.
func TestTeamFiguresThroughTheStore(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
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
		must(db.SaveEmployee(ctx, e))
	}
	delivery := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	must(db.SaveCategory(ctx, &delivery))
	skill := data.Skill{Name: "Delivery know-how", Group: "Product"}
	must(db.SaveSkill(ctx, &skill))
	must(db.SetCategorySkills(ctx, delivery.ID, []int64{skill.ID}))
	course := data.Course{Title: "Delivery basics", SkillIDs: []int64{skill.ID}, Format: data.FormatOnline, Hours: 4, Cost: 20000}
	must(db.SaveCourse(ctx, &course))
	client := data.Client{Name: "ООО Ромашка"}
	must(db.CreateClient(ctx, &client))

	at := func(m time.Month, d, h int) time.Time { return time.Date(2025, m, d, h, 0, 0, 0, time.UTC) }
	complaint := func(who int64, m time.Month, d int, reopen bool) {
		t.Helper()
		c := data.Complaint{OpenedAt: at(m, d, 9), Type: data.TypeComplaint, Priority: data.PriorityNormal, CategoryID: delivery.ID, ClientID: client.ID,
			Events: []data.ComplaintEvent{
				{At: at(m, d, 9), Kind: data.EventAssign, AssigneeID: who},
				{At: at(m, d, 10), Kind: data.EventStatus, Status: data.StatusInProgress},
				{At: at(m, d, 12), Kind: data.EventStatus, Status: data.StatusResolved},
			}}
		if reopen {
			c.Events = append(c.Events, data.ComplaintEvent{At: at(m, d, 13), Kind: data.EventStatus, Status: data.StatusInProgress},
				data.ComplaintEvent{At: at(m, d, 15), Kind: data.EventStatus, Status: data.StatusResolved})
		}
		must(db.CreateComplaint(ctx, &c))
	}
	for d := 13; d <= 16; d++ { // Monday to Thursday
		complaint(anna.ID, time.January, d, d != 16)
		complaint(boris.ID, time.January, d, false)
	}
	complaint(anna.ID, time.March, 10, false)
	complaint(anna.ID, time.March, 11, false)
	must(db.CreateFeedback(ctx, &data.Feedback{RespondedAt: at(time.January, 20, 10), Score: 10, Channel: data.Channels[0], ClientID: client.ID, Source: "manual"}))
	must(db.SaveKudos(ctx, &data.Kudos{EmployeeID: boris.ID, At: at(time.January, 21, 11), From: "manager", Text: "Thorough"}))
	item := data.TrainingItem{EmployeeID: anna.ID, CourseID: course.ID, PlannedStart: data.DateDay(2025, 2, 20), PlannedEnd: data.DateDay(2025, 3, 5),
		Status: data.TrainingDone, CompletedOn: data.DateDay(2025, 3, 1)}
	must(db.SaveTrainingItem(ctx, &item))

	jan1, jan31 := data.DateDay(2025, 1, 1), data.DateDay(2025, 1, 31)
	today := data.DateDay(2025, 4, 1)
	sc, err := kpi.LoadScorecards(ctx, db, jan1, jan31, today)
	must(err)
	if len(sc.Agents) != 2 || sc.Partial {
		t.Fatalf("%d agents (Vera left and handled nothing), partial %v", len(sc.Agents), sc.Partial)
	}
	a, b := sc.Agents[0], sc.Agents[1]
	if a.Employee.ID != anna.ID || a.Handled.Value != 4 || a.ReopenRate.Value != 75 || b.ReopenRate.Value != 0 || sc.Team.ReopenRate.Value != 37.5 {
		t.Errorf("reopens: Anna %+v, Boris %+v, team %+v", a.ReopenRate, b.ReopenRate, sc.Team.ReopenRate)
	}
	// Opened at 9, resolved at 12: 3 working hours; reopened at 13 and
	// resolved again at 15: 5 (the hour it stood resolved does not count).
	// Anna 5, 5, 5, 3; Boris 3, 3, 3, 3.
	if a.MedianResolutionH.Value != 5 || a.MedianResolutionH.N != 4 || b.MedianResolutionH.Value != 3 || sc.Team.MedianResolutionH.Value != 4 {
		t.Errorf("resolution: Anna %+v, Boris %+v", a.MedianResolutionH, b.MedianResolutionH)
	}
	// The client of both agents answered 10 in January: linked to each.
	if a.NPS.Value != 100 || a.NPS.N != 1 || !a.NPSStat.Thin || b.NPS.N != 1 {
		t.Errorf("NPS: Anna %+v, Boris %+v", a.NPS, b.NPS)
	}
	if b.Kudos.Value != 1 || a.Kudos.Value != 0 || a.TrainingHours.Value != 0 {
		t.Errorf("kudos %v/%v, training %v", a.Kudos.Value, b.Kudos.Value, a.TrainingHours.Value)
	}

	goals := []data.Goal{
		{EmployeeID: anna.ID, From: jan1, To: jan31, Metric: data.GoalReopenRate, Target: 20},
		{EmployeeID: anna.ID, From: data.DateDay(2025, 1, 1), To: data.DateDay(2025, 3, 31), Metric: data.GoalCourse, CourseID: course.ID},
		{EmployeeID: boris.ID, From: jan1, To: jan31, Metric: data.GoalKudos, Target: 1},
	}
	progress, err := kpi.LoadGoalProgress(ctx, db, goals, today)
	must(err)
	if len(progress) != 3 || progress[0].Met || progress[0].Current.Value != 75 || !progress[1].Met || progress[1].DoneOn != item.CompletedOn ||
		!progress[2].Met || !progress[2].Final {
		t.Errorf("goals: %+v", progress)
	}

	recs, err := kpi.LoadRecommendations(ctx, db, jan1, jan31, today)
	must(err)
	if len(recs) != 1 || recs[0].EmployeeID != anna.ID || recs[0].SkillID != skill.ID || recs[0].Excess != 3 ||
		len(recs[0].Courses) != 0 {
		// Anna has done the course already: nothing left to offer.
		t.Fatalf("recommendations: %+v", recs)
	}
	if o := recs[0].Outcomes[0]; o.Measure != kpi.MeasureReopen || o.Bad != 3 || o.N != 4 || o.TeamBad != 0 || o.TeamN != 4 || !o.Thin {
		t.Errorf("reopen excess %+v", o)
	}

	effect, err := kpi.LoadTrainingEffect(ctx, db, item, today)
	must(err)
	if !effect.AfterIncomplete || effect.AfterDays != 31 || effect.Before.Outcome.Handled != 4 || effect.After.Outcome.Handled != 2 {
		t.Errorf("effect windows: %d days after, handled %d -> %d", effect.AfterDays, effect.Before.Outcome.Handled, effect.After.Outcome.Handled)
	}
	// The complaints on record start on January 13: the before window too.
	if effect.BeforeFrom != data.DateDay(2025, 1, 13) || effect.BeforeDays != 47 || !effect.BeforeIncomplete {
		t.Errorf("before window %s..%s, %d days", effect.BeforeFrom, effect.BeforeTo, effect.BeforeDays)
	}
	for _, r := range effect.Rows {
		if r.Metric == kpi.ScoreReopenRate && (r.Change.Delta != -75 || !r.Change.Has) {
			t.Errorf("reopen change %+v", r.Change)
		}
	}
	if _, err := kpi.LoadTrainingEffect(ctx, db, data.TrainingItem{ID: 9, Status: data.TrainingPlanned}, today); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("an item not done: %v", err)
	}

	series, err := kpi.LoadTraining(ctx, db, kpi.Month, 0, 0, today)
	must(err)
	if len(series.Periods) != 1 || series.Periods[0].Period.Label != "2025-03" || series.Total.Done != 1 || series.Total.CompletionRate.Value != 100 {
		t.Errorf("training: %+v", series)
	}
}
