package sqlite

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"caredesk/data"
)

func mustSave[T any](t testing.TB, save func(context.Context, *T) error, v *T) *T {
	t.Helper()
	if err := save(context.Background(), v); err != nil {
		t.Fatalf("save %+v: %v", *v, err)
	}
	return v
}

func TestEmployeeDetailsAndStatus(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	hired := data.DayOf(at(2025, 3, 3, 0, 0), time.UTC)
	e := data.Employee{Name: "  Анна Петрова ", Position: "Agent", Team: "Tier 1", HiredOn: hired,
		Status: data.EmployeeOnLeave, Contact: " anna@example.com ", Notes: "mentor for new hires"}
	mustSave(t, db.SaveEmployee, &e)
	got, err := db.Employee(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := data.Employee{ID: e.ID, Name: "Анна Петрова", Position: "Agent", Active: true, Team: "Tier 1", HiredOn: hired,
		Status: data.EmployeeOnLeave, Contact: "anna@example.com", Notes: "mentor for new hires"}
	if got != want {
		t.Fatalf("employee\n got %+v\nwant %+v", got, want)
	}
	// Status decides Active.
	got.Status = data.EmployeeLeft
	mustSave(t, db.SaveEmployee, &got)
	if again, _ := db.Employee(ctx, e.ID); again.Active || again.Status != data.EmployeeLeft {
		t.Fatalf("after leaving: %+v", again)
	}
	// The complaint screens flip Active only: the status follows.
	again, _ := db.Employee(ctx, e.ID)
	again.Active = true
	mustSave(t, db.SaveEmployee, &again)
	if back, _ := db.Employee(ctx, e.ID); !back.Active || back.Status != data.EmployeeActive {
		t.Fatalf("after reactivating through Active: %+v", back)
	}
	// An unknown hire date stays unknown.
	n := data.Employee{Name: "Bob", Active: true}
	mustSave(t, db.SaveEmployee, &n)
	if b, _ := db.Employee(ctx, n.ID); b.HiredOn != 0 || b.Status != data.EmployeeActive {
		t.Fatalf("new employee %+v", b)
	}
	if _, err := db.Employee(ctx, 999); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("missing employee: %v", err)
	}
	if err := db.SaveEmployee(ctx, &data.Employee{Name: "x", Status: "fired"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown status: %v", err)
	}
	emps, err := db.Employees(ctx)
	if err != nil || len(emps) != 2 || emps[0].Name != "Bob" {
		t.Fatalf("employees %+v, %v", emps, err)
	}
	if err := db.DeleteEmployee(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteEmployee(ctx, n.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestOnboardingCheckpoints(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	e := mustSave(t, db.SaveEmployee, &data.Employee{Name: "Vera", Active: true})
	if _, err := db.PlanOnboarding(ctx, e.ID, [3]string{"a", "b", "c"}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("planning without a hire date: %v", err)
	}
	e.HiredOn = 20000
	mustSave(t, db.SaveEmployee, e)
	plan, err := db.PlanOnboarding(ctx, e.ID, [3]string{"Knows the products", "", "Handles escalations"})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 2 || plan[0].Due != 20030 || plan[0].Mark != 30 || plan[1].Due != 20090 || plan[1].Mark != 90 {
		t.Fatalf("plan %+v", plan)
	}
	met := true
	plan[1].Met, plan[1].Comment = &met, "early"
	plan[1].Due = 20010 // moved before the first: the list follows the due date
	mustSave(t, db.SaveCheckpoint, &plan[1])
	got, err := db.Checkpoints(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != plan[1].ID || got[0].Met == nil || !*got[0].Met || got[0].Comment != "early" || got[1].Met != nil {
		t.Fatalf("checkpoints %+v", got)
	}
	if err := db.DeleteCheckpoint(ctx, plan[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveCheckpoint(ctx, &data.OnboardingCheckpoint{EmployeeID: 999, Goal: "x", Due: 1}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("checkpoint of a missing employee: %v", err)
	}
	// Deleting the employee takes the plan along.
	if err := db.DeleteEmployee(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Checkpoints(ctx, e.ID); err != nil || len(got) != 0 {
		t.Fatalf("checkpoints after deleting the employee: %+v, %v", got, err)
	}
}

func TestSkillsAssessmentsRequirements(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	e1 := mustSave(t, db.SaveEmployee, &data.Employee{Name: "A", Position: "Agent", Active: true})
	e2 := mustSave(t, db.SaveEmployee, &data.Employee{Name: "B", Position: "agent", Active: true})
	product := mustSave(t, db.SaveSkill, &data.Skill{Name: "Product", Group: "Knowledge"})
	empathy := mustSave(t, db.SaveSkill, &data.Skill{Name: "Empathy", Group: "Communication"})
	if err := db.SaveSkill(ctx, &data.Skill{Name: "PRODUCT"}); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("duplicate skill name: %v", err)
	}
	skills, err := db.Skills(ctx)
	if err != nil || len(skills) != 2 || skills[0].ID != empathy.ID {
		t.Fatalf("skills by group: %+v, %v", skills, err)
	}
	add := func(emp, skill int64, l data.SkillLevel, day data.Day) *data.SkillAssessment {
		return mustSave(t, db.AddAssessment, &data.SkillAssessment{EmployeeID: emp, SkillID: skill, Level: l, AssessedOn: day})
	}
	add(e1.ID, product.ID, 1, 100)
	newest := add(e1.ID, product.ID, 3, 200)
	add(e1.ID, product.ID, 2, 150) // entered late, assessed earlier
	sameDay1 := add(e1.ID, empathy.ID, 2, 300)
	sameDay2 := add(e1.ID, empathy.ID, 4, 300)
	add(e2.ID, empathy.ID, 1, 50)
	cur, err := db.CurrentLevels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, a := range cur {
		got = append(got, a.ID)
	}
	// e1: product (newest by date), empathy (the later of two same-day
	// entries); e2: empathy. Sorted by employee, then skill id.
	if want := []int64{newest.ID, sameDay2.ID, 6}; !reflect.DeepEqual(got, want) || cur[0].Level != 3 || cur[1].Level != 4 {
		t.Fatalf("current levels %+v, want ids %v", cur, want)
	}
	hist, err := db.Assessments(ctx, e1.ID)
	if err != nil || len(hist) != 5 || hist[0].ID != sameDay2.ID || hist[1].ID != sameDay1.ID || hist[4].AssessedOn != 100 {
		t.Fatalf("history %+v, %v", hist, err)
	}
	if all, err := db.Assessments(ctx, 0); err != nil || len(all) != 6 {
		t.Fatalf("all assessments: %d, %v", len(all), err)
	}
	if err := db.AddAssessment(ctx, &data.SkillAssessment{EmployeeID: e1.ID, SkillID: product.ID, Level: 5, AssessedOn: 1}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("level 5: %v", err)
	}
	if err := db.DeleteAssessment(ctx, sameDay2.ID); err != nil {
		t.Fatal(err)
	}
	if cur, _ := db.CurrentLevels(ctx); cur[1].ID != sameDay1.ID {
		t.Fatalf("after deleting the newest: %+v", cur)
	}

	for _, r := range []data.SkillRequirement{{Position: "Agent", SkillID: product.ID, Level: 3}, {Position: "Agent", SkillID: empathy.ID, Level: 2}} {
		if err := db.SetRequirement(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	// Case is ignored: this replaces the level.
	if err := db.SetRequirement(ctx, data.SkillRequirement{Position: "AGENT", SkillID: empathy.ID, Level: 3}); err != nil {
		t.Fatal(err)
	}
	reqs, err := db.Requirements(ctx)
	if err != nil || len(reqs) != 2 || reqs[1].Level != 3 {
		t.Fatalf("requirements %+v, %v", reqs, err)
	}
	cur, _ = db.CurrentLevels(ctx)
	emps, _ := db.Employees(ctx)
	gaps := data.SkillGaps(emps, cur, reqs)
	// e1: product 3 >= 3, empathy 2 < 3; e2: product 0 < 3, empathy 1 < 3.
	if len(gaps) != 3 || gaps[0] != (data.SkillGap{EmployeeID: e1.ID, SkillID: empathy.ID, Required: 3, Current: 2}) {
		t.Fatalf("gaps %+v", gaps)
	}
	if err := db.SetRequirement(ctx, data.SkillRequirement{Position: "agent", SkillID: empathy.ID}); err != nil {
		t.Fatal(err)
	}
	if reqs, _ := db.Requirements(ctx); len(reqs) != 1 {
		t.Fatalf("level 0 removes: %+v", reqs)
	}

	cat := data.Category{NameEN: "Delivery"}
	if err := db.SaveCategory(ctx, &cat); err != nil {
		t.Fatal(err)
	}
	if err := db.SetCategorySkills(ctx, cat.ID, []int64{product.ID, empathy.ID, product.ID}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetCategorySkills(ctx, cat.ID, []int64{999}); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("unknown skill: %v", err)
	}
	if m, err := db.CategorySkills(ctx); err != nil || !reflect.DeepEqual(m, map[int64][]int64{cat.ID: {product.ID, empathy.ID}}) {
		t.Fatalf("category skills %v, %v", m, err)
	}
	course := mustSave(t, db.SaveCourse, &data.Course{Title: "Product basics", Format: data.FormatOnline, SkillIDs: []int64{product.ID}})
	// Deleting a category takes its links along.
	other := data.Category{NameEN: "Other"}
	if err := db.SaveCategory(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if err := db.SetCategorySkills(ctx, other.ID, []int64{empathy.ID}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCategory(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := db.CategorySkills(ctx); len(m) != 1 || m[other.ID] != nil {
		t.Fatalf("category skills after deleting a category: %v", m)
	}

	// Deleting a skill takes its assessments, requirements and links along.
	if err := db.DeleteSkill(ctx, product.ID); err != nil {
		t.Fatal(err)
	}
	if cur, _ := db.CurrentLevels(ctx); len(cur) != 2 {
		t.Fatalf("levels after deleting a skill: %+v", cur)
	}
	if reqs, _ := db.Requirements(ctx); len(reqs) != 0 {
		t.Fatalf("requirements after deleting a skill: %+v", reqs)
	}
	if m, _ := db.CategorySkills(ctx); !reflect.DeepEqual(m, map[int64][]int64{cat.ID: {empathy.ID}}) {
		t.Fatalf("category skills after deleting a skill: %v", m)
	}
	if cs, _ := db.Courses(ctx); len(cs) != 1 || cs[0].ID != course.ID || len(cs[0].SkillIDs) != 0 {
		t.Fatalf("courses after deleting a skill: %+v", cs)
	}
	if err := db.DeleteSkill(ctx, product.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
}
