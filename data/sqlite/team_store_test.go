package sqlite

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// TestMigrationToTeamBackfillsStatus writes employees into a version-7
// file and opens it with every migration: active ones become active, the
// others left, and nothing else about them changes.
func TestMigrationToTeamBackfillsStatus(t *testing.T) {
	ctx := context.Background()
	path, old := openAtVersion(t, 7)
	if _, err := old.write.Exec(`INSERT INTO employee (name, position, active) VALUES ('Вера', 'Agent', 1), ('Олег', 'Lead', 0)`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	emps, err := db.Employees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Employee{
		{ID: 1, Name: "Вера", Position: "Agent", Active: true, Status: data.EmployeeActive},
		{ID: 2, Name: "Олег", Position: "Lead", Active: false, Status: data.EmployeeLeft},
	}
	if !reflect.DeepEqual(emps, want) {
		t.Fatalf("employees after migrating\n got %+v\nwant %+v", emps, want)
	}
	// The scorecard indexes exist and the queries can name them.
	if _, err := db.AgentOutcomes(ctx, 1, 100000); err != nil {
		t.Fatal(err)
	}
}

func TestCoursesAndTrainingPlan(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	e1 := mustSave(t, db.SaveEmployee, &data.Employee{Name: "A", Active: true})
	e2 := mustSave(t, db.SaveEmployee, &data.Employee{Name: "B", Active: true})
	s1 := mustSave(t, db.SaveSkill, &data.Skill{Name: "Product"})
	s2 := mustSave(t, db.SaveSkill, &data.Skill{Name: "Empathy"})
	c1 := mustSave(t, db.SaveCourse, &data.Course{Title: "Product basics", Format: data.FormatOnline, Hours: 4.5,
		Provider: "LMS", Cost: 150000, SkillIDs: []int64{s2.ID, s1.ID, s2.ID}})
	c2 := mustSave(t, db.SaveCourse, &data.Course{Title: "Active listening", Format: data.FormatClassroom, Hours: 8})
	if err := db.SaveCourse(ctx, &data.Course{Title: "PRODUCT BASICS", Format: data.FormatOnline}); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("duplicate title: %v", err)
	}
	if err := db.SaveCourse(ctx, &data.Course{Title: "x", Format: "webinar"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown format: %v", err)
	}
	if err := db.SaveCourse(ctx, &data.Course{Title: "y", Format: data.FormatOnline, SkillIDs: []int64{999}}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown skill: %v", err)
	}
	courses, err := db.Courses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Course{*c2, {ID: c1.ID, Title: "Product basics", Format: data.FormatOnline, Hours: 4.5, Provider: "LMS", Cost: 150000,
		SkillIDs: []int64{s1.ID, s2.ID}}}
	if !reflect.DeepEqual(courses, want) {
		t.Fatalf("courses\n got %+v\nwant %+v", courses, want)
	}
	c1.SkillIDs = []int64{s1.ID}
	mustSave(t, db.SaveCourse, c1)
	if courses, _ := db.Courses(ctx); !reflect.DeepEqual(courses[1].SkillIDs, []int64{s1.ID}) {
		t.Fatalf("skills after an update: %+v", courses[1])
	}

	item := func(emp, course int64, start, end data.Day, st data.TrainingStatus, done data.Day) *data.TrainingItem {
		return mustSave(t, db.SaveTrainingItem, &data.TrainingItem{EmployeeID: emp, CourseID: course, PlannedStart: start,
			PlannedEnd: end, Status: st, CompletedOn: done})
	}
	i1 := item(e1.ID, c1.ID, 100, 110, data.TrainingDone, 130) // finished late
	i2 := item(e1.ID, c2.ID, 200, 210, data.TrainingPlanned, 0)
	i3 := item(e2.ID, c1.ID, 50, 60, data.TrainingCancelled, 0)
	if err := db.SaveTrainingItem(ctx, &data.TrainingItem{EmployeeID: 999, CourseID: c1.ID, PlannedStart: 1, PlannedEnd: 2,
		Status: data.TrainingPlanned}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("item of a missing employee: %v", err)
	}
	ids := func(f data.TrainingFilter) []int64 {
		t.Helper()
		items, err := db.TrainingItems(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out := []int64{}
		for _, it := range items {
			out = append(out, it.ID)
		}
		return out
	}
	for _, c := range []struct {
		f    data.TrainingFilter
		want []int64
	}{
		{data.TrainingFilter{}, []int64{i3.ID, i1.ID, i2.ID}},
		{data.TrainingFilter{EmployeeID: e1.ID}, []int64{i1.ID, i2.ID}},
		{data.TrainingFilter{CourseID: c1.ID}, []int64{i3.ID, i1.ID}},
		{data.TrainingFilter{From: 105, To: 105}, []int64{i1.ID}},        // inside the planned period
		{data.TrainingFilter{From: 120, To: 150}, []int64{i1.ID}},        // completed in the range
		{data.TrainingFilter{From: 111, To: 129}, []int64{}},             // between plan and completion
		{data.TrainingFilter{From: 205}, []int64{i2.ID}},                 // open end
		{data.TrainingFilter{To: 55}, []int64{i3.ID}},                    // open start
		{data.TrainingFilter{From: 300}, []int64{}},                      // all ended before
		{data.TrainingFilter{From: 300, KeepOpen: true}, []int64{i2.ID}}, // ... but i2 is still to do
		{data.TrainingFilter{EmployeeID: e2.ID, From: 100}, []int64{}},   // both filters
	} {
		if got := ids(c.f); !reflect.DeepEqual(got, c.want) {
			t.Errorf("items %+v = %v, want %v", c.f, got, c.want)
		}
	}
	got, _ := db.TrainingItems(ctx, data.TrainingFilter{EmployeeID: e1.ID, CourseID: c1.ID})
	if len(got) != 1 || got[0] != *i1 {
		t.Fatalf("item read back %+v, want %+v", got, *i1)
	}
	i2.Status, i2.StartedOn, i2.Result, i2.Certificate = data.TrainingInProgress, 201, " going well ", "/tmp/cert.pdf"
	mustSave(t, db.SaveTrainingItem, i2)
	if got, _ := db.TrainingItems(ctx, data.TrainingFilter{CourseID: c2.ID}); got[0].Result != "going well" || got[0].StartedOn != 201 {
		t.Fatalf("item update %+v", got[0])
	}

	// A course in use cannot go; nor can an employee with plan items.
	if err := db.DeleteCourse(ctx, c1.ID); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("deleting a course in the plan: %v", err)
	}
	if err := db.DeleteEmployee(ctx, e2.ID); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("deleting an employee with plan items: %v", err)
	}
	if err := db.DeleteTrainingItem(ctx, i3.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteTrainingItem(ctx, i3.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting an item twice: %v", err)
	}
	if err := db.DeleteEmployee(ctx, e2.ID); err != nil {
		t.Fatalf("deleting an employee without plan items: %v", err)
	}
	// A course goal holds its course too.
	g := mustSave(t, db.SaveGoal, &data.Goal{EmployeeID: e1.ID, From: 1, To: 90, Metric: data.GoalCourse, CourseID: c2.ID})
	if err := db.DeleteTrainingItem(ctx, i2.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCourse(ctx, c2.ID); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("deleting a course a goal names: %v", err)
	}
	if err := db.DeleteGoal(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCourse(ctx, c2.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCourse(ctx, c2.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting a course twice: %v", err)
	}

	// Budgets.
	q2 := mustSave(t, db.SaveTrainingBudget, &data.TrainingBudget{Title: "Q2", From: 91, To: 181, Amount: 5_000_000})
	q1 := mustSave(t, db.SaveTrainingBudget, &data.TrainingBudget{Title: "Q1", From: 1, To: 90, Amount: 3_000_000})
	if err := db.SaveTrainingBudget(ctx, &data.TrainingBudget{From: 10, To: 5}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("budget ending before it starts: %v", err)
	}
	q1.Amount = 3_500_000
	mustSave(t, db.SaveTrainingBudget, q1)
	if bs, err := db.TrainingBudgets(ctx); err != nil || !reflect.DeepEqual(bs, []data.TrainingBudget{*q1, *q2}) {
		t.Fatalf("budgets %+v, %v", bs, err)
	}
	if err := db.DeleteTrainingBudget(ctx, q1.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveTrainingBudget(ctx, q1); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("updating a deleted budget: %v", err)
	}
}

func TestGoalsAndKudos(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if err := db.SetLocation(ctx, time.FixedZone("UTC+3", 3*3600)); err != nil {
		t.Fatal(err)
	}
	e1 := mustSave(t, db.SaveEmployee, &data.Employee{Name: "A", Active: true})
	e2 := mustSave(t, db.SaveEmployee, &data.Employee{Name: "B", Active: true})
	course := mustSave(t, db.SaveCourse, &data.Course{Title: "C", Format: data.FormatMentoring})
	g1 := mustSave(t, db.SaveGoal, &data.Goal{EmployeeID: e1.ID, From: 200, To: 290, Metric: data.GoalSatisfiedShare, Target: 85, Note: " q2 "})
	g2 := mustSave(t, db.SaveGoal, &data.Goal{EmployeeID: e2.ID, From: 100, To: 190, Metric: data.GoalNPS, Target: -10})
	// A course id on another metric is dropped.
	g3 := mustSave(t, db.SaveGoal, &data.Goal{EmployeeID: e1.ID, From: 100, To: 190, Metric: data.GoalKudos, Target: 3, CourseID: course.ID})
	if err := db.SaveGoal(ctx, &data.Goal{EmployeeID: e1.ID, From: 1, To: 2, Metric: data.GoalCourse}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("course goal without a course: %v", err)
	}
	all, err := db.Goals(ctx, 0)
	if err != nil || len(all) != 3 || all[0].ID != g2.ID || all[1].ID != g3.ID || all[2].Note != "q2" || all[1].CourseID != 0 {
		t.Fatalf("goals %+v, %v", all, err)
	}
	if mine, _ := db.Goals(ctx, e1.ID); len(mine) != 2 || mine[0].ID != g3.ID || mine[1] != *g1 {
		t.Fatalf("goals of A %+v", mine)
	}

	c := mustComplaint(t, db, data.Complaint{OpenedAt: at(2024, 3, 1, 10, 0)})
	f := data.Feedback{RespondedAt: at(2024, 3, 2, 10, 0), Score: 10, Channel: data.ChannelWeb}
	if err := db.CreateFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	// 22:30 UTC on 1 March is 2 March in the department's zone (UTC+3).
	k1 := mustSave(t, db.SaveKudos, &data.Kudos{EmployeeID: e1.ID, At: at(2024, 3, 1, 22, 30), From: "Manager", Text: "Calm under fire",
		ComplaintID: c.ID})
	k2 := mustSave(t, db.SaveKudos, &data.Kudos{EmployeeID: e1.ID, At: at(2024, 3, 5, 9, 0), From: "Client", Text: "Named in a review",
		FeedbackID: f.ID})
	k3 := mustSave(t, db.SaveKudos, &data.Kudos{EmployeeID: e2.ID, At: at(2024, 3, 3, 9, 0), Text: "Helped a colleague"})
	if err := db.SaveKudos(ctx, &data.Kudos{EmployeeID: e1.ID, At: at(2024, 3, 1, 9, 0), Text: "x", ComplaintID: 999}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("kudos for a missing complaint: %v", err)
	}
	kudosIDs := func(emp int64, from, to data.Day) []int64 {
		t.Helper()
		ks, err := db.Kudos(ctx, emp, from, to)
		if err != nil {
			t.Fatal(err)
		}
		out := []int64{}
		for _, k := range ks {
			out = append(out, k.ID)
		}
		return out
	}
	if got := kudosIDs(0, 0, 0); !reflect.DeepEqual(got, []int64{k2.ID, k3.ID, k1.ID}) {
		t.Fatalf("all kudos newest first: %v", got)
	}
	if got := kudosIDs(e1.ID, 0, 0); !reflect.DeepEqual(got, []int64{k2.ID, k1.ID}) {
		t.Fatalf("kudos of A: %v", got)
	}
	if got := kudosIDs(0, data.DateDay(2024, 3, 2), data.DateDay(2024, 3, 2)); !reflect.DeepEqual(got, []int64{k1.ID}) {
		t.Fatalf("kudos of 2 March in UTC+3: %v", got)
	}
	if got := kudosIDs(0, data.DateDay(2024, 3, 3), 0); !reflect.DeepEqual(got, []int64{k2.ID, k3.ID}) {
		t.Fatalf("kudos from 3 March: %v", got)
	}
	ks, _ := db.Kudos(ctx, e1.ID, 0, 0)
	if k := ks[1]; !k.At.Equal(k1.At) || k.At.Location() != time.UTC || k.From != "Manager" || k.ComplaintID != c.ID {
		t.Fatalf("kudos read back %+v", k)
	}

	// An employee with kudos cannot be deleted; their goals go with them otherwise.
	if err := db.DeleteEmployee(ctx, e2.ID); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("deleting an employee with kudos: %v", err)
	}
	if err := db.DeleteKudos(ctx, k3.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteEmployee(ctx, e2.ID); err != nil {
		t.Fatal(err)
	}
	if gs, _ := db.Goals(ctx, e2.ID); len(gs) != 0 {
		t.Fatalf("goals of a deleted employee: %+v", gs)
	}
	// The recognition outlives the complaint and the response it points to.
	if err := db.DeleteComplaint(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteFeedback(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	ks, _ = db.Kudos(ctx, e1.ID, 0, 0)
	if len(ks) != 2 || ks[0].FeedbackID != 0 || ks[1].ComplaintID != 0 {
		t.Fatalf("kudos after deleting their complaint and feedback: %+v", ks)
	}
	ks[0].Text = "Edited"
	mustSave(t, db.SaveKudos, &ks[0])
	if edited, _ := db.Kudos(ctx, e1.ID, 0, 0); edited[0].Text != "Edited" || edited[0].ID != k2.ID {
		t.Fatalf("kudos after editing %+v", edited)
	}
	if err := db.DeleteKudos(ctx, k3.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting kudos twice: %v", err)
	}
}

// TestDeleteEmployeeWithComplaints: a current or past assignee stays.
func TestDeleteEmployeeWithComplaints(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	now, past := mustEmployee(t, db, "Now"), mustEmployee(t, db, "Past")
	opened := at(2024, 3, 1, 10, 0)
	c := mustComplaint(t, db, data.Complaint{OpenedAt: opened, Events: []data.ComplaintEvent{
		move(opened, data.StatusNew),
		{At: opened.Add(time.Minute), Kind: data.EventAssign, AssigneeID: past},
		{At: opened.Add(time.Hour), Kind: data.EventAssign, AssigneeID: now},
	}})
	if c.AssigneeID != now {
		t.Fatalf("assignee %d, want %d", c.AssigneeID, now)
	}
	for _, id := range []int64{now, past} {
		if err := db.DeleteEmployee(ctx, id); !errors.Is(err, data.ErrConflict) {
			t.Fatalf("deleting employee %d of a complaint: %v", id, err)
		}
	}
	if err := db.DeleteComplaint(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{now, past} {
		if err := db.DeleteEmployee(ctx, id); err != nil {
			t.Fatalf("deleting employee %d: %v", id, err)
		}
	}
}

func TestImportTeam(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	// Already stored: Вера (to be updated), Олег (left; the file leaves him
	// alone), a course and a skill.
	vera := mustSave(t, db.SaveEmployee, &data.Employee{Name: "Вера Иванова", Position: "Agent", Team: "A", Contact: "v@x", Active: true})
	oleg := mustSave(t, db.SaveEmployee, &data.Employee{Name: "Олег", Position: "Lead", Status: data.EmployeeLeft})
	empathy := mustSave(t, db.SaveSkill, &data.Skill{Name: "Эмпатия", Group: "Soft"})
	listening := mustSave(t, db.SaveCourse, &data.Course{Title: "Активное слушание", Format: data.FormatClassroom, Hours: 8, Provider: "HR",
		SkillIDs: []int64{empathy.ID}})
	old := mustSave(t, db.SaveTrainingItem, &data.TrainingItem{EmployeeID: vera.ID, CourseID: listening.ID, PlannedStart: 100, PlannedEnd: 110,
		Status: data.TrainingPlanned, Result: "kept"})

	in := data.TeamImport{
		FileName: "team.xlsx",
		Employees: []data.Employee{
			{Name: "ВЕРА ИВАНОВА", Position: "Senior agent", Active: true},                             // updated; team and contact kept
			{Name: "олег", Active: true},                                                               // unchanged: status stays left
			{Name: "Пётр", Position: "Agent", Team: "B", HiredOn: 19800, Status: data.EmployeeOnLeave}, // created
		},
		Courses: []data.CourseImport{
			{Course: data.Course{Title: "активное СЛУШАНИЕ", Format: data.FormatClassroom}, Skills: nil},                                              // unchanged
			{Course: data.Course{Title: "Продукт", Format: data.FormatOnline, Hours: 2, Cost: 99000}, Skills: []string{"эмпатия", "Знание продукта"}}, // created, one new skill
		},
		Items: []data.TrainingItemImport{
			{Row: 2, Employee: "вера иванова", Course: "Активное слушание", TrainingItem: data.TrainingItem{PlannedStart: 100, PlannedEnd: 120,
				Status: data.TrainingDone, CompletedOn: 118}}, // updated, result kept
			{Row: 3, Employee: "Пётр", Course: "продукт", TrainingItem: data.TrainingItem{PlannedStart: 200, PlannedEnd: 210,
				Status: data.TrainingPlanned}}, // created: both named in the same file
		},
	}
	res, err := db.ImportTeam(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.TeamImportResult{Created: 3, Updated: 2, Unchanged: 2}); res != want {
		t.Fatalf("result %+v, want %+v", res, want)
	}
	emps, _ := db.Employees(ctx)
	if len(emps) != 3 {
		t.Fatalf("employees %+v", emps)
	}
	v, _ := db.Employee(ctx, vera.ID)
	if v.Name != "Вера Иванова" || v.Position != "Senior agent" || v.Team != "A" || v.Contact != "v@x" || v.Status != data.EmployeeActive {
		t.Fatalf("Вера after the import %+v", v)
	}
	if o, _ := db.Employee(ctx, oleg.ID); o.Status != data.EmployeeLeft || o.Position != "Lead" {
		t.Fatalf("Олег after the import %+v", o)
	}
	var petr data.Employee
	for _, e := range emps {
		if e.Name == "Пётр" {
			petr = e
		}
	}
	if petr.HiredOn != 19800 || petr.Status != data.EmployeeOnLeave || petr.Team != "B" {
		t.Fatalf("Пётр %+v", petr)
	}
	skills, _ := db.Skills(ctx)
	if len(skills) != 2 {
		t.Fatalf("skills %+v", skills)
	}
	courses, _ := db.Courses(ctx)
	if len(courses) != 2 || courses[0].Title != "Активное слушание" || courses[0].Hours != 8 || courses[0].Provider != "HR" ||
		!reflect.DeepEqual(courses[0].SkillIDs, []int64{empathy.ID}) || courses[1].Cost != 99000 || len(courses[1].SkillIDs) != 2 {
		t.Fatalf("courses %+v", courses)
	}
	items, _ := db.TrainingItems(ctx, data.TrainingFilter{})
	if len(items) != 2 || items[0].ID != old.ID || items[0].Status != data.TrainingDone || items[0].CompletedOn != 118 ||
		items[0].PlannedEnd != 120 || items[0].Result != "kept" || items[1].EmployeeID != petr.ID {
		t.Fatalf("items %+v", items)
	}

	// The same file again changes nothing.
	again, err := db.ImportTeam(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.TeamImportResult{Unchanged: 7}); again != want {
		t.Fatalf("second import %+v, want %+v", again, want)
	}

	// An unknown employee fails the whole file: the new employee, course
	// and skill of the same file are not stored.
	before := dumpTeam(t, db)
	bad := data.TeamImport{
		Employees: []data.Employee{{Name: "Новый", Active: true}},
		Courses:   []data.CourseImport{{Course: data.Course{Title: "Новый курс", Format: data.FormatOnline}, Skills: []string{"Новый навык"}}},
		Items: []data.TrainingItemImport{
			{Row: 5, Employee: "Новый", Course: "Новый курс", TrainingItem: data.TrainingItem{PlannedStart: 1, PlannedEnd: 2, Status: data.TrainingPlanned}},
			{Row: 12, Employee: "Незнакомец", Course: "Новый курс", TrainingItem: data.TrainingItem{PlannedStart: 1, PlannedEnd: 2, Status: data.TrainingPlanned}},
		},
	}
	_, err = db.ImportTeam(ctx, bad)
	if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), `row 12, column employee: no employee named "Незнакомец"`) {
		t.Fatalf("unknown employee: %v", err)
	}
	if after := dumpTeam(t, db); after != before {
		t.Fatalf("a failed import left changes:\nbefore\n%s\nafter\n%s", before, after)
	}
	bad.Items = []data.TrainingItemImport{{Row: 7, Employee: "Пётр", Course: "Нет такого", TrainingItem: data.TrainingItem{PlannedStart: 1, PlannedEnd: 2, Status: data.TrainingPlanned}}}
	if _, err := db.ImportTeam(ctx, bad); !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), `row 7, column course: no course titled "Нет такого"`) {
		t.Fatalf("unknown course: %v", err)
	}
	bad.Items = []data.TrainingItemImport{{Row: 9, Employee: "Пётр", Course: "Продукт", TrainingItem: data.TrainingItem{PlannedStart: 5, PlannedEnd: 2, Status: data.TrainingPlanned}}}
	if _, err := db.ImportTeam(ctx, bad); !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), "row 9") {
		t.Fatalf("invalid item: %v", err)
	}
	if after := dumpTeam(t, db); after != before {
		t.Fatalf("failed imports left changes:\nbefore\n%s\nafter\n%s", before, after)
	}
}

// dumpTeam renders the team tables as text.
func dumpTeam(t *testing.T, db *DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"employee", "skill", "course", "course_skill", "training_item"} {
		b.WriteString("== " + table + "\n")
		b.WriteString(dumpQuery(t, db, `SELECT * FROM `+table+` ORDER BY 1, 2`))
	}
	return b.String()
}
