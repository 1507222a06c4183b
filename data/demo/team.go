package demo

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"caredesk/data"
)

// TeamResult counts what the team step of one demo run added; a re-run
// adds nothing.
type TeamResult struct {
	Employees    int // employees whose details were filled in
	Skills       int
	Links        int // categories linked to skills
	Requirements int
	Assessments  int
	Checkpoints  int
	Courses      int
	Items        int
	Budgets      int
	Goals        int
	Kudos        int
}

// Ranking of the frontline agents in a category-linked skill: agents with
// fewer handled complaints in the skill's categories are not ranked.
const minRankedHandled = 30

// teamFill writes the team part of the demo: details of the employees
// the complaints use, the skills catalogue with category links, position
// requirements and assessments, the course catalogue, a training plan
// over the period with quarterly budgets, current goals, onboarding plans
// of the recent hires and kudos. Levels follow the complaints already
// stored: an agent whose complaints in a category were reopened or left
// the client unsatisfied more often than the other agents' is assessed
// lower in the skills the category is linked to.
type teamFill struct {
	ctx   context.Context
	st    data.Store
	cg    *complaintGen
	seed  uint64
	rng   *rand.Rand // the stream of the current step and employee, see draw
	lang  int
	first data.Day
	today data.Day // the last day of the period
	res   *Result
	r     *TeamResult

	members []staffMember // team and the new hire
	empIDs  []int64       // by index into members
	hired   []data.Day
	skills  []int64 // by skill index
	courses []int64 // by index into demoCourses
	levels  [][]data.SkillLevel
}

func fillTeam(ctx context.Context, st data.Store, o Options, cg *complaintGen, res *Result) error {
	f := &teamFill{ctx: ctx, st: st, cg: cg, seed: uint64(o.Seed), lang: cg.lang,
		first: cg.dayOf(0), today: cg.dayOf(len(cg.days) - 1), res: res, r: &res.Team}
	f.members = append(slices.Clone(team), newHire)
	steps := []func() error{f.employees, f.catalogue, f.assess, f.onboarding, f.saveCourses, f.plan, f.goals, f.kudos}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return fmt.Errorf("demo team: %w", err)
		}
	}
	return nil
}

func (f *teamFill) text(p phrase) string { return p[f.lang] }

// Steps that draw random numbers, each from streams of its own.
const (
	drawAssess = iota + 1
	drawPlan
	drawKudos
)

// draw starts the random stream of a step for one employee: what is
// drawn for one never depends on what was stored or skipped for another,
// so a run that finds part of the data adds the same rest.
func (f *teamFill) draw(step, member int) {
	f.rng = rand.New(rand.NewPCG(f.seed, 0x7ea3c0de00000000|uint64(step)<<16|uint64(member)))
}

// at is the day a share of the period falls on.
func (f *teamFill) at(share float64) data.Day {
	return f.first + data.Day(float64(f.today-f.first)*share)
}

func (f *teamFill) position(m staffMember) string {
	if m.trainee {
		return f.text(traineePosition)
	}
	return f.text(positions[m.role])
}

// employees fills in the details of the demo team (once: an employee
// with a team or a hire date is left as the manager keeps it) and adds
// the new hire.
func (f *teamFill) employees() error {
	existing, err := f.st.Employees(f.ctx)
	if err != nil {
		return err
	}
	byName := map[string]data.Employee{}
	for _, e := range existing {
		byName[strings.ToLower(e.Name)] = e
	}
	for i, m := range f.members {
		hired := f.hireDay(i, m)
		f.hired = append(f.hired, hired)
		name := f.text(m.name)
		e, ok := byName[strings.ToLower(name)]
		if ok && (e.Team != "" || e.HiredOn != 0) {
			f.empIDs = append(f.empIDs, e.ID)
			continue
		}
		if !ok {
			e = data.Employee{Name: name, Position: f.position(m), Active: true}
		}
		e.Team, e.HiredOn = f.text(teamNames[m.role]), hired
		e.Contact = transliterate(f.text(m.name)) + "@" + map[int]string{langRU: "example.ru", langEN: "example.com"}[f.lang]
		e.Notes = f.text(employeeNotes[i])
		e.Status = data.EmployeeActive
		switch {
		case m.to < 1:
			e.Status = data.EmployeeLeft
		case i == onLeave:
			e.Status = data.EmployeeOnLeave
		}
		if err := f.st.SaveEmployee(f.ctx, &e); err != nil {
			return fmt.Errorf("employee %q: %w", e.Name, err)
		}
		f.empIDs = append(f.empIDs, e.ID)
		if ok {
			f.r.Employees++
		} else {
			f.res.Employees++ // the new hire joins the reference team
		}
	}
	return nil
}

// hireDay spreads the hire dates of those who were there from the start
// over the years before; the others joined when the complaints show them.
func (f *teamFill) hireDay(i int, m staffMember) data.Day {
	switch {
	case i == len(team):
		return f.today - newHireDays
	case m.from > 0:
		return f.at(m.from)
	}
	years := []int{6, 4, 3, 3, 2, 2, 1, 2, 1, 3, 1, 0, 0, 5}[i]
	return f.first - data.Day(years*365+(i*37)%200+20)
}

// catalogue saves the skills, their category links and the position
// requirements that are missing.
func (f *teamFill) catalogue() error {
	existing, err := f.st.Skills(f.ctx)
	if err != nil {
		return err
	}
	for _, def := range demoSkills {
		name := f.text(def.name)
		i := slices.IndexFunc(existing, func(s data.Skill) bool { return strings.EqualFold(s.Name, name) })
		if i >= 0 {
			f.skills = append(f.skills, existing[i].ID)
			continue
		}
		s := data.Skill{Name: name, Group: f.text(def.group)}
		if err := f.st.SaveSkill(f.ctx, &s); err != nil {
			return fmt.Errorf("skill %q: %w", name, err)
		}
		f.skills = append(f.skills, s.ID)
		f.r.Skills++
	}
	links, err := f.st.CategorySkills(f.ctx)
	if err != nil {
		return err
	}
	for cat, skills := range categorySkills {
		id := f.cg.ids.categories[cat]
		if len(links[id]) > 0 {
			continue
		}
		ids := make([]int64, len(skills))
		for i, s := range skills {
			ids[i] = f.skills[s]
		}
		if err := f.st.SetCategorySkills(f.ctx, id, ids); err != nil {
			return err
		}
		f.r.Links++
	}
	reqs, err := f.st.Requirements(f.ctx)
	if err != nil {
		return err
	}
	set := func(position string, want map[int]data.SkillLevel) error {
		for s := range demoSkills {
			level, ok := want[s]
			if !ok || slices.ContainsFunc(reqs, func(r data.SkillRequirement) bool {
				return strings.EqualFold(r.Position, position) && r.SkillID == f.skills[s]
			}) {
				continue
			}
			if err := f.st.SetRequirement(f.ctx, data.SkillRequirement{Position: position, SkillID: f.skills[s], Level: level}); err != nil {
				return err
			}
			f.r.Requirements++
		}
		return nil
	}
	for _, r := range []role{roleHead, roleSenior, roleAgent, roleQuality} {
		if err := set(f.text(positions[r]), requirements[r]); err != nil {
			return err
		}
	}
	return set(f.text(traineePosition), traineeRequirements)
}

// assess gives every employee without assessments two: half a year ago
// (or a month after joining) and a month ago. Frontline agents are ranked
// in each category-linked skill by how often their complaints in those
// categories were reopened or left the client unsatisfied.
func (f *teamFill) assess() error {
	f.levels = f.baseLevels()
	if err := f.rankAgents(); err != nil {
		return err
	}
	for i := range f.members {
		f.draw(drawAssess, i)
		have, err := f.st.Assessments(f.ctx, f.empIDs[i])
		if err != nil {
			return err
		}
		if len(have) > 0 {
			continue
		}
		recent := max(f.today-30, f.hired[i]+30)
		earlier := max(f.today-180, f.hired[i]+30)
		if f.members[i].to < 1 {
			// Assessed while they were still there.
			recent = f.at(f.members[i].to) - 30
			earlier = recent - 150
		}
		for s, level := range f.levels[i] {
			if earlier < recent {
				before := level
				if level >= 2 && f.rng.Float64() < 0.4 {
					before-- // the history shows growth
				}
				if err := f.addAssessment(i, s, before, earlier); err != nil {
					return err
				}
			}
			if err := f.addAssessment(i, s, level, recent); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *teamFill) addAssessment(i, s int, level data.SkillLevel, on data.Day) error {
	a := data.SkillAssessment{EmployeeID: f.empIDs[i], SkillID: f.skills[s], Level: level, AssessedOn: on}
	if err := f.st.AddAssessment(f.ctx, &a); err != nil {
		return err
	}
	f.r.Assessments++
	return nil
}

// baseLevels are the levels by role: the head can teach the soft skills,
// seniors are independent, agents between "with help" and "independent"
// by speed, trainees learning.
func (f *teamFill) baseLevels() [][]data.SkillLevel {
	out := make([][]data.SkillLevel, len(f.members))
	for i, m := range f.members {
		lv := make([]data.SkillLevel, len(demoSkills))
		for s := range lv {
			switch {
			case m.trainee:
				lv[s] = data.SkillLearning
			case m.role == roleHead:
				lv[s] = data.SkillIndependent
				if s >= skillEmpathy {
					lv[s] = data.SkillCanTeach
				}
			case m.role == roleSenior:
				lv[s] = data.SkillIndependent
			case m.role == roleQuality:
				lv[s] = data.SkillWithHelp
				if s == skillStandards || s == skillWriting {
					lv[s] = data.SkillCanTeach
				}
			case m.speed <= 0.95:
				lv[s] = data.SkillIndependent
			default:
				lv[s] = data.SkillWithHelp
			}
		}
		if m.role != roleHead && m.role != roleSenior {
			lv[skillCoaching] = data.SkillNone
		}
		if i == 1 {
			lv[skillCoaching] = data.SkillIndependent // the mentor
		}
		out[i] = lv
	}
	return out
}

// badRate is the share of an agent's handled complaints that were
// reopened or left the client unsatisfied.
type badRate struct{ handled, bad int64 }

func (b badRate) rate() float64 { return float64(b.bad) / float64(b.handled) }

// rankAgents sets the category-linked skills of the frontline agents
// (trainees aside) by their rank: the best third independent, the worst
// third learning, the rest with help.
func (f *teamFill) rankAgents() error {
	out, err := f.st.AgentOutcomes(f.ctx, f.first, f.today)
	if err != nil {
		return err
	}
	member := map[int64]int{}
	for i, id := range f.empIDs {
		if m := f.members[i]; m.role == roleAgent && !m.trainee {
			member[id] = i
		}
	}
	perSkill := make([]map[int]badRate, len(demoSkills))
	for s := range perSkill {
		perSkill[s] = map[int]badRate{}
	}
	for _, o := range out.Outcomes {
		i, ok := member[o.EmployeeID]
		if !ok {
			continue
		}
		cat := slices.Index(f.cg.ids.categories, o.CategoryID)
		for _, s := range categorySkills[cat] {
			b := perSkill[s][i]
			b.handled += o.Handled
			b.bad += skillBad(o)
			perSkill[s][i] = b
		}
	}
	for s, rates := range perSkill {
		var ranked []int
		for i, b := range rates {
			if b.handled >= minRankedHandled {
				ranked = append(ranked, i)
			}
		}
		if len(ranked) < 3 {
			continue
		}
		slices.SortFunc(ranked, func(a, b int) int { return cmp.Or(cmp.Compare(rates[a].rate(), rates[b].rate()), cmp.Compare(a, b)) })
		for k, i := range ranked {
			switch {
			case k < len(ranked)/3:
				f.levels[i][s] = data.SkillIndependent
			case k >= len(ranked)-len(ranked)/3:
				f.levels[i][s] = data.SkillLearning
			default:
				f.levels[i][s] = data.SkillWithHelp
			}
		}
	}
	return nil
}

// skillBad counts an outcome's complaints that went badly: reopened or
// with an unsatisfied client (a complaint can be both; counted once per
// reason, as the recommendations weigh them).
func skillBad(o data.AgentOutcome) int64 { return o.Reopened + o.WithVerdict - o.Satisfied }

// onboarding plans the 30/60/90-day checkpoints of the two recent hires
// and assesses those already due.
func (f *teamFill) onboarding() error {
	for i, m := range f.members {
		if !m.trainee {
			continue
		}
		have, err := f.st.Checkpoints(f.ctx, f.empIDs[i])
		if err != nil {
			return err
		}
		if len(have) > 0 {
			continue
		}
		var goals [3]string
		for k, g := range onboardingGoals {
			goals[k] = f.text(g)
		}
		cps, err := f.st.PlanOnboarding(f.ctx, f.empIDs[i], goals)
		if err != nil {
			return err
		}
		f.r.Checkpoints += len(cps)
		for k := range cps {
			c := &cps[k]
			if c.Due >= f.today {
				continue
			}
			met := k < 2 || i != len(team) && f.levels[i][skillDelivery] > data.SkillLearning
			c.Met, c.Comment = &met, f.text(onboardingComments[k])
			if err := f.st.SaveCheckpoint(f.ctx, c); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *teamFill) saveCourses() error {
	existing, err := f.st.Courses(f.ctx)
	if err != nil {
		return err
	}
	for _, def := range demoCourses {
		title := f.text(def.title)
		if i := slices.IndexFunc(existing, func(c data.Course) bool { return strings.EqualFold(c.Title, title) }); i >= 0 {
			f.courses = append(f.courses, existing[i].ID)
			continue
		}
		c := data.Course{Title: title, Format: def.format, Hours: def.hours, Provider: f.text(def.provider), Cost: def.cost[f.lang] * 100}
		for _, s := range def.skills {
			c.SkillIDs = append(c.SkillIDs, f.skills[s])
		}
		if err := f.st.SaveCourse(f.ctx, &c); err != nil {
			return fmt.Errorf("course %q: %w", title, err)
		}
		f.courses = append(f.courses, c.ID)
		f.r.Courses++
	}
	return nil
}

// courseFor is the course that develops skill s.
func courseFor(s int) int {
	for i, c := range demoCourses {
		if c.skills[0] == s {
			return i
		}
	}
	return slices.IndexFunc(demoCourses, func(c courseDef) bool { return slices.Contains(c.skills, s) })
}

// plannedItem is a plan item before it is stored.
type plannedItem struct {
	course int
	item   data.TrainingItem
}

// plan builds a training plan over the period: each employee takes a
// course every few months in their weakest skills; what ended before
// today is mostly done (some cancelled, some overdue), what runs now is
// in progress, what lies ahead is planned. Quarterly budgets cover it.
func (f *teamFill) plan() error {
	var items []plannedItem
	for i, m := range f.members {
		f.draw(drawPlan, i)
		weak := f.weakest(i)
		start := max(f.first, f.hired[i]+14)
		end := f.today + 75
		if m.to < 1 {
			end = f.at(m.to)
		}
		if m.trainee {
			weak = append([]int{skillStandards, skillCRM}, weak...)
		}
		taken := map[int]bool{}
		for k, d := 0, start+data.Day(f.rng.IntN(30)); d < end && k < len(weak); k++ {
			ci := courseFor(weak[k])
			if taken[ci] {
				continue // one course develops several of the weak skills
			}
			taken[ci] = true
			def := demoCourses[ci]
			length := data.Day(max(1, int(def.hours/4))) + data.Day(f.rng.IntN(10))
			if def.format == data.FormatMentoring || def.format == data.FormatShadowing {
				length += 20
			}
			it := f.status(data.TrainingItem{EmployeeID: f.empIDs[i], CourseID: f.courses[ci], PlannedStart: d, PlannedEnd: d + length})
			if it.Status == data.TrainingDone {
				it.Result = fmt.Sprintf(f.text(resultPassed), 70+f.rng.IntN(30))
				if def.format == data.FormatClassroom {
					it.Certificate = fmt.Sprintf(f.text(certificate), transliterate(f.text(m.name)), it.CompletedOn)
				}
			}
			items = append(items, plannedItem{course: ci, item: it})
			d += length + data.Day(45+f.rng.IntN(60))
		}
	}
	for _, p := range items {
		have, err := f.st.TrainingItems(f.ctx, data.TrainingFilter{EmployeeID: p.item.EmployeeID, CourseID: p.item.CourseID})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, func(t data.TrainingItem) bool { return t.PlannedStart == p.item.PlannedStart }) {
			continue
		}
		it := p.item
		if err := f.st.SaveTrainingItem(f.ctx, &it); err != nil {
			return err
		}
		f.r.Items++
	}
	return f.budgets(items)
}

// status sets an item's status from its dates against today.
func (f *teamFill) status(t data.TrainingItem) data.TrainingItem {
	t.Status = data.TrainingPlanned
	switch {
	case t.PlannedStart > f.today:
	case t.PlannedEnd >= f.today:
		t.Status, t.StartedOn = data.TrainingInProgress, t.PlannedStart
	default:
		switch p := f.rng.Float64(); {
		case p < 0.08:
			t.Status = data.TrainingCancelled
		case p < 0.45 && t.PlannedEnd > f.today-75:
			// Overdue: still running, or never started; the older
			// ones have been closed by now.
			if f.rng.IntN(2) == 0 {
				t.Status, t.StartedOn = data.TrainingInProgress, t.PlannedStart
			}
		default:
			// Most finish on time, a quarter up to a week late.
			t.Status, t.StartedOn = data.TrainingDone, t.PlannedStart
			t.CompletedOn = t.PlannedEnd - data.Day(f.rng.IntN(4))
			if f.rng.Float64() < 0.25 {
				t.CompletedOn = t.PlannedEnd + 1 + data.Day(f.rng.IntN(7))
			}
			t.CompletedOn = max(min(t.CompletedOn, f.today), t.PlannedStart)
		}
	}
	return t
}

// weakest lists an employee's skills from the weakest, ties by catalogue
// order, only those below "can teach".
func (f *teamFill) weakest(i int) []int {
	var out []int
	for s, l := range f.levels[i] {
		if l < data.SkillCanTeach && (s != skillCoaching || f.members[i].role == roleSenior) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(f.levels[i][a], f.levels[i][b]) })
	return out
}

// budgets sets each quarter of the plan a budget a little above what its
// items cost, rounded up to a round sum.
func (f *teamFill) budgets(items []plannedItem) error {
	have, err := f.st.TrainingBudgets(f.ctx)
	if err != nil {
		return err
	}
	costs := map[data.Day]int64{}
	var quarters []data.Day
	for _, p := range items {
		q := quarterStart(p.item.PlannedStart)
		if _, ok := costs[q]; !ok {
			quarters = append(quarters, q)
		}
		costs[q] += demoCourses[p.course].cost[f.lang] * 100
	}
	slices.Sort(quarters)
	round := map[int]int64{langRU: 10_000_00, langEN: 500_00}[f.lang]
	for _, q := range quarters {
		if slices.ContainsFunc(have, func(b data.TrainingBudget) bool { return b.From == q }) {
			continue
		}
		y, m, _ := q.Date()
		b := data.TrainingBudget{From: q, To: quarterStart(q+95) - 1, Amount: (costs[q]*6/5/round + 1) * round,
			Title: fmt.Sprintf(map[int]string{langRU: "%d кв. %d", langEN: "Q%d %d"}[f.lang], (int(m)-1)/3+1, y)}
		if err := f.st.SaveTrainingBudget(f.ctx, &b); err != nil {
			return err
		}
		f.r.Budgets++
	}
	return nil
}

func quarterStart(d data.Day) data.Day {
	y, m, _ := d.Date()
	return data.DateDay(y, m-(m-1)%3, 1)
}

// goals set the frontline agents of today targets for the current
// quarter: satisfied share and reopen rate, and the course they are
// taking when it ends this quarter.
func (f *teamFill) goals() error {
	from := quarterStart(f.today)
	to := quarterStart(from+95) - 1
	for i, m := range f.members {
		if m.to < 1 || m.role != roleAgent || i == onLeave {
			continue
		}
		have, err := f.st.Goals(f.ctx, f.empIDs[i])
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, func(g data.Goal) bool { return g.From == from }) {
			continue
		}
		goals := []data.Goal{
			{Metric: data.GoalSatisfiedShare, Target: 80},
			{Metric: data.GoalReopenRate, Target: 5},
		}
		if m.trainee {
			goals = []data.Goal{{Metric: data.GoalComplaintsHandled, Target: 60}}
		}
		items, err := f.st.TrainingItems(f.ctx, data.TrainingFilter{EmployeeID: f.empIDs[i]})
		if err != nil {
			return err
		}
		if k := slices.IndexFunc(items, func(t data.TrainingItem) bool {
			return t.Status.Open() && t.PlannedEnd >= from && t.PlannedEnd <= to
		}); k >= 0 {
			goals = append(goals, data.Goal{Metric: data.GoalCourse, CourseID: items[k].CourseID})
		}
		for _, g := range goals {
			g.EmployeeID, g.From, g.To = f.empIDs[i], from, to
			if err := f.st.SaveGoal(f.ctx, &g); err != nil {
				return err
			}
			f.r.Goals++
		}
	}
	return nil
}

// kudos thank agents still in the team for complaints of the last
// months resolved to the client's satisfaction, and for the feedback of
// a client they helped who then recommended the company.
func (f *teamFill) kudos() error {
	since := f.today - 120
	for i, m := range f.members {
		if m.to < 1 || m.role == roleQuality || m.role == roleHead {
			continue
		}
		f.draw(drawKudos, i)
		have, err := f.st.Kudos(f.ctx, f.empIDs[i], 0, 0)
		if err != nil {
			return err
		}
		if len(have) > 0 {
			continue
		}
		cs, err := f.st.ListComplaints(f.ctx, data.ComplaintFilter{From: since, AssigneeID: f.empIDs[i],
			Statuses: []data.Status{data.StatusResolved, data.StatusClosed}, Types: []data.ComplaintType{data.TypeComplaint}}, data.Page{Limit: 300})
		if err != nil {
			return err
		}
		var good []data.Complaint
		for _, c := range cs {
			if c.Verdict == data.VerdictSatisfied && c.ClientID != 0 {
				good = append(good, c)
			}
		}
		pick := f.rng.Perm(len(good))
		for k := range min(len(good), 1+f.rng.IntN(3)) {
			c := good[pick[k]]
			kd := data.Kudos{EmployeeID: f.empIDs[i], At: f.resolvedAt(c), From: f.text(kudosManager),
				Text: f.text(kudosTexts[(i+k)%len(kudosTexts)]), ComplaintID: c.ID}
			if err := f.st.SaveKudos(f.ctx, &kd); err != nil {
				return err
			}
			f.r.Kudos++
			if k > 0 {
				continue
			}
			fb, err := f.st.ListFeedback(f.ctx, data.FeedbackFilter{ClientID: c.ClientID, From: data.DayOf(kd.At, f.st.Location()),
				Group: data.GroupPromoters}, data.Page{Limit: 1})
			if err != nil {
				return err
			}
			if len(fb) == 0 {
				continue
			}
			kd = data.Kudos{EmployeeID: f.empIDs[i], At: fb[0].RespondedAt, From: f.text(kudosClient), Text: f.text(kudosFeedback),
				FeedbackID: fb[0].ID}
			if err := f.st.SaveKudos(f.ctx, &kd); err != nil {
				return err
			}
			f.r.Kudos++
		}
	}
	return nil
}

// resolvedAt is when a complaint was last resolved (its opening as a
// fallback).
func (f *teamFill) resolvedAt(c data.Complaint) time.Time {
	at := c.OpenedAt
	for _, e := range c.Events {
		if e.Kind == data.EventStatus && e.Status == data.StatusResolved {
			at = e.At
		}
	}
	return at
}

// translit spells Russian letters in Latin for e-mail addresses.
var translit = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", ' ': "."}

// transliterate turns "Анна Белова" into "anna.belova".
func transliterate(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if t, ok := translit[r]; ok {
			b.WriteString(t)
		} else if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
