package demo_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"caredesk/data"
	"caredesk/data/demo"
)

// teamDemo fills a store with a small demo data set.
func teamDemo(t *testing.T, lang string) (data.Store, demo.Options, demo.Result) {
	t.Helper()
	st := openStore(t)
	o := fixedOptions(3000)
	o.Complaints = 6000
	o.Lang = lang
	r, err := demo.Fill(context.Background(), st, o, nil)
	if err != nil {
		t.Fatalf("fill: %v", err)
	}
	return st, o, r
}

// teamSnapshot is everything the team step writes, for comparing runs.
type teamSnapshot struct {
	Employees    []data.Employee
	Skills       []data.Skill
	Links        map[int64][]int64
	Requirements []data.SkillRequirement
	Assessments  []data.SkillAssessment
	Courses      []data.Course
	Items        []data.TrainingItem
	Budgets      []data.TrainingBudget
	Goals        []data.Goal
	Kudos        []data.Kudos
	Checkpoints  []data.OnboardingCheckpoint
}

func snapshot(t *testing.T, st data.Store) teamSnapshot {
	t.Helper()
	ctx := context.Background()
	var s teamSnapshot
	var err error
	check := func(what string, err error) {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	s.Employees, err = st.Employees(ctx)
	check("employees", err)
	s.Skills, err = st.Skills(ctx)
	check("skills", err)
	s.Links, err = st.CategorySkills(ctx)
	check("links", err)
	s.Requirements, err = st.Requirements(ctx)
	check("requirements", err)
	s.Assessments, err = st.Assessments(ctx, 0)
	check("assessments", err)
	s.Courses, err = st.Courses(ctx)
	check("courses", err)
	s.Items, err = st.TrainingItems(ctx, data.TrainingFilter{})
	check("items", err)
	s.Budgets, err = st.TrainingBudgets(ctx)
	check("budgets", err)
	s.Goals, err = st.Goals(ctx, 0)
	check("goals", err)
	s.Kudos, err = st.Kudos(ctx, 0, 0, 0)
	check("kudos", err)
	for _, e := range s.Employees {
		cps, err := st.Checkpoints(ctx, e.ID)
		check("checkpoints", err)
		s.Checkpoints = append(s.Checkpoints, cps...)
	}
	return s
}

func TestTeamDemo(t *testing.T) {
	ctx := context.Background()
	st, o, r := teamDemo(t, "ru")
	s := snapshot(t, st)
	today := data.DayOf(o.End, st.Location())

	tr := r.Team
	if tr.Employees != 14 || tr.Skills != 12 || tr.Links != 6 || tr.Courses != 12 || tr.Checkpoints != 6 ||
		tr.Requirements == 0 || tr.Assessments == 0 || tr.Items == 0 || tr.Budgets == 0 || tr.Goals == 0 || tr.Kudos == 0 {
		t.Errorf("team result: %+v", tr)
	}
	if len(s.Skills) != tr.Skills || len(s.Courses) != tr.Courses || len(s.Items) != tr.Items || len(s.Assessments) != tr.Assessments ||
		len(s.Budgets) != tr.Budgets || len(s.Goals) != tr.Goals || len(s.Kudos) != tr.Kudos || len(s.Checkpoints) != tr.Checkpoints {
		t.Errorf("stored counts differ from the result %+v", tr)
	}

	// The team: everyone placed in a team with a hire date and a contact;
	// one on leave, one who left, two hired recently with onboarding.
	statuses := map[data.EmployeeStatus]int{}
	for _, e := range s.Employees {
		statuses[e.Status]++
		if e.Team == "" || e.HiredOn == 0 || e.HiredOn > today || e.Contact == "" || !hasCyrillic(e.Team) {
			t.Errorf("employee details: %+v", e)
		}
	}
	if statuses[data.EmployeeOnLeave] != 1 || statuses[data.EmployeeLeft] != 1 || len(s.Employees) != 15 {
		t.Errorf("statuses %v of %d employees", statuses, len(s.Employees))
	}
	onboarded := map[int64][]int{}
	for _, c := range s.Checkpoints {
		onboarded[c.EmployeeID] = append(onboarded[c.EmployeeID], c.Mark)
		if c.Due < today && c.Met == nil || c.Due >= today && c.Met != nil {
			t.Errorf("checkpoint due %s assessed %v on %s", c.Due, c.Met, today)
		}
	}
	for id, marks := range onboarded {
		if !slices.Equal(marks, []int{30, 60, 90}) {
			t.Errorf("employee %d checkpoints %v", id, marks)
		}
	}
	if len(onboarded) != 2 {
		t.Errorf("%d employees with onboarding, want 2", len(onboarded))
	}

	// Skills in groups with history: two dates per employee and skill.
	groups := map[string]bool{}
	for _, sk := range s.Skills {
		groups[sk.Group] = true
	}
	if len(groups) < 3 {
		t.Errorf("skill groups: %v", groups)
	}
	dates := map[[2]int64]map[data.Day]bool{}
	for _, a := range s.Assessments {
		k := [2]int64{a.EmployeeID, a.SkillID}
		if dates[k] == nil {
			dates[k] = map[data.Day]bool{}
		}
		dates[k][a.AssessedOn] = true
	}
	twice := 0
	for _, d := range dates {
		if len(d) == 2 {
			twice++
		}
	}
	if twice < len(dates)*3/4 {
		t.Errorf("%d of %d employee skills assessed twice", twice, len(dates))
	}

	// Courses in every format; a plan with every status, some overdue,
	// every planned start inside a quarterly budget.
	formats := map[data.CourseFormat]bool{}
	for _, c := range s.Courses {
		formats[c.Format] = true
		if c.Hours <= 0 || c.Provider == "" || len(c.SkillIDs) == 0 {
			t.Errorf("course %+v", c)
		}
	}
	if len(formats) != len(data.CourseFormats) {
		t.Errorf("formats %v", formats)
	}
	byStatus := map[data.TrainingStatus]int{}
	overdue := 0
	for _, it := range s.Items {
		byStatus[it.Status]++
		if it.Overdue(today) {
			overdue++
		}
		if err := it.Validate(); err != nil {
			t.Errorf("item %+v: %v", it, err)
		}
		if it.CompletedOn > today {
			t.Errorf("completed in the future: %+v", it)
		}
		if !slices.ContainsFunc(s.Budgets, func(b data.TrainingBudget) bool { return b.From <= it.PlannedStart && it.PlannedStart <= b.To }) {
			t.Errorf("no budget for the item starting %s", it.PlannedStart)
		}
	}
	for _, st := range data.TrainingStatuses {
		if byStatus[st] == 0 {
			t.Errorf("no %s items: %v", st, byStatus)
		}
	}
	if overdue == 0 {
		t.Error("no overdue items")
	}
	for _, g := range s.Goals {
		if g.From > today || g.To < today {
			t.Errorf("goal outside the current quarter: %+v", g)
		}
	}

	// Kudos point at complaints the employee resolved to the client's
	// satisfaction, or at feedback of a client.
	linked := 0
	for _, k := range s.Kudos {
		switch {
		case k.ComplaintID != 0:
			c, err := st.Complaint(ctx, k.ComplaintID)
			if err != nil || c.AssigneeID != k.EmployeeID || c.Verdict != data.VerdictSatisfied {
				t.Errorf("kudos %+v: complaint %+v (%v)", k, c, err)
			}
		case k.FeedbackID != 0:
			linked++
		default:
			t.Errorf("kudos without a link: %+v", k)
		}
	}
	if linked == 0 {
		t.Error("no kudos linked to feedback")
	}

	// Re-running adds nothing and changes nothing.
	again, err := demo.Fill(ctx, st, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Team != (demo.TeamResult{}) || again.Employees != 0 {
		t.Errorf("second run added %+v, %d employees", again.Team, again.Employees)
	}
	if s2 := snapshot(t, st); !reflect.DeepEqual(s, s2) {
		t.Error("second run changed the team data")
	}
}

// The levels follow the complaints: in each skill a complaint category is
// linked to, a frontline agent whose complaints in those categories were
// reopened or left the client unsatisfied more often is never assessed
// higher than one whose went better.
func TestTeamDemoLevelsFollowComplaints(t *testing.T) {
	ctx := context.Background()
	st, o, _ := teamDemo(t, "en")
	s := snapshot(t, st)
	first := data.DayOf(o.End.AddDate(0, -o.Months, 1), st.Location())
	out, err := st.AgentOutcomes(ctx, first, data.DayOf(o.End, st.Location()))
	if err != nil {
		t.Fatal(err)
	}
	agents := map[int64]bool{}
	for _, e := range s.Employees {
		if e.Position == "Support specialist" {
			agents[e.ID] = true
		}
		if hasCyrillic(e.Name + e.Team + e.Notes) {
			t.Errorf("English demo has Russian text: %+v", e)
		}
	}
	skillCats := map[int64][]int64{}
	for cat, skills := range s.Links {
		for _, sk := range skills {
			skillCats[sk] = append(skillCats[sk], cat)
		}
	}
	current, err := st.CurrentLevels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	level := map[[2]int64]data.SkillLevel{}
	for _, a := range current {
		level[[2]int64{a.EmployeeID, a.SkillID}] = a.Level
	}
	differing := 0
	for sk, cats := range skillCats {
		type rate struct{ handled, bad int64 }
		rates := map[int64]rate{}
		for _, oc := range out.Outcomes {
			if agents[oc.EmployeeID] && slices.Contains(cats, oc.CategoryID) {
				r := rates[oc.EmployeeID]
				r.handled += oc.Handled
				r.bad += oc.Reopened + oc.WithVerdict - oc.Satisfied
				rates[oc.EmployeeID] = r
			}
		}
		var ids []int64
		for id, r := range rates {
			if r.handled >= 30 {
				ids = append(ids, id)
			}
		}
		if len(ids) < 5 {
			t.Fatalf("skill %d: only %d ranked agents", sk, len(ids))
		}
		levels := map[data.SkillLevel]bool{}
		for _, a := range ids {
			levels[level[[2]int64{a, sk}]] = true
			for _, b := range ids {
				ra := float64(rates[a].bad) / float64(rates[a].handled)
				rb := float64(rates[b].bad) / float64(rates[b].handled)
				if ra > rb && level[[2]int64{a, sk}] > level[[2]int64{b, sk}] {
					t.Errorf("skill %d: agent %d (bad %.3f) at level %d above agent %d (bad %.3f) at %d",
						sk, a, ra, level[[2]int64{a, sk}], b, rb, level[[2]int64{b, sk}])
				}
			}
		}
		if len(levels) > 1 {
			differing++
		}
	}
	if differing == 0 {
		t.Error("no skill tells the agents apart")
	}
}
