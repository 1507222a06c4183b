package kpi

import (
	"cmp"
	"math"
	"slices"

	"caredesk/data"
)

// RecommendationWindow is how many days back recommendations look by
// default.
const RecommendationWindow = 90

// OutcomeMeasure names a bad complaint outcome recommendations count.
type OutcomeMeasure string

// Bad outcomes, each out of its own base.
const (
	MeasureReopen       OutcomeMeasure = "reopen"       // reopened, of complaints handled
	MeasureSLABreach    OutcomeMeasure = "sla_breach"   // breached, of finished SLA items
	MeasureDissatisfied OutcomeMeasure = "dissatisfied" // not satisfied, of verdicts
)

// OutcomeMeasures lists the measures in display order.
var OutcomeMeasures = []OutcomeMeasure{MeasureReopen, MeasureSLABreach, MeasureDissatisfied}

// OutcomeExcess compares an employee's bad outcomes in a skill's
// categories with the rest of the team's.
type OutcomeExcess struct {
	Measure        OutcomeMeasure
	Bad, N         int64 // the employee's bad outcomes and their base
	TeamBad, TeamN int64 // the rest of the team's, in the same categories
	// Expected is what the team's rate would give on the employee's base;
	// Excess is Bad − Expected.
	Expected, Excess float64
	// Z is the two-proportion statistic of the employee against the rest
	// of the team (Z > 0: the employee's rate is higher). P is that test's
	// two-sided p-value, or Fisher's exact test's where the normal
	// approximation fails (Thin, or fewer than 5 bad outcomes expected).
	// Significant is P < 0.05 with a positive excess. With three measures
	// per skill and many skills, some "significant" flags are chance:
	// read them as a hint, not a verdict.
	Z, P        float64
	Significant bool
	Thin        bool // N < ThinSample: too few complaints to judge
}

// Rate is the employee's bad outcomes in percent of the base (NaN when
// the base is empty); TeamRate the rest of the team's.
func (o OutcomeExcess) Rate() float64     { return shareOf(o.Bad, o.N).Value }
func (o OutcomeExcess) TeamRate() float64 { return shareOf(o.TeamBad, o.TeamN).Value }

// Reason is a translatable explanation: a key of teamkpi.*.json and its
// template arguments.
type Reason struct {
	Key  string
	Args map[string]any
}

// Recommendation is a skill an employee would gain from developing, with
// the courses that develop it.
type Recommendation struct {
	EmployeeID, SkillID int64
	// Outcomes are the measures where the employee had more bad outcomes
	// in the skill's categories than the team's rates would give, largest
	// excess first; Excess is their sum.
	Outcomes    []OutcomeExcess
	Excess      float64
	Significant bool // some outcome's excess is significant
	// Gap is set when the employee is below what the position requires.
	Gap *data.SkillGap
	// Courses develop the skill and are neither done nor planned by the
	// employee (cancelled items do not count), by title.
	Courses []data.Course
}

// Reasons explains the recommendation: one reason per outcome, then the
// gap. Keys are teamkpi.reason.<measure>[_significant] and
// teamkpi.reason.gap; arguments are whole numbers (counts, percents,
// levels).
func (r Recommendation) Reasons() []Reason {
	var out []Reason
	for _, o := range r.Outcomes {
		key := "teamkpi.reason." + string(o.Measure)
		if o.Significant {
			key += "_significant"
		}
		out = append(out, Reason{Key: key, Args: map[string]any{
			"Bad": o.Bad, "N": o.N, "Rate": math.Round(o.Rate()), "TeamRate": math.Round(o.TeamRate()),
			"Excess": math.Round(o.Excess)}})
	}
	if r.Gap != nil {
		out = append(out, Reason{Key: "teamkpi.reason.gap", Args: map[string]any{
			"Current": int(r.Gap.Current), "Required": int(r.Gap.Required)}})
	}
	return out
}

// RecommendationInput is what recommendations are computed from.
type RecommendationInput struct {
	Employees      []data.Employee
	Outcomes       []data.AgentOutcome // per employee and top-level category, over the window
	CategorySkills map[int64][]int64   // top-level category -> skills
	Levels         []data.SkillAssessment
	Requirements   []data.SkillRequirement
	Courses        []data.Course
	Training       []data.TrainingItem // every item: what each employee has done or planned
}

// Recommend finds, for each employee who has not left, the skills whose
// linked complaint categories show more reopens, SLA breaches or
// dissatisfied clients than the rest of the team's rates would give, and
// the skills below the position's requirement. Outcomes are pooled over
// every category linked to a skill. The result is ranked by excess bad
// outcomes (largest first), then gap size, then roster order and skill.
func Recommend(in RecommendationInput) []Recommendation {
	skillCats := map[int64][]int64{}
	for cat, skills := range in.CategorySkills {
		for _, s := range skills {
			skillCats[s] = append(skillCats[s], cat)
		}
	}
	type key struct{ emp, cat int64 }
	byEmpCat := map[key]data.AgentOutcome{}
	byCat := map[int64]data.AgentOutcome{}
	for _, o := range in.Outcomes {
		if o.EmployeeID == 0 {
			continue // unassigned: nobody's skill
		}
		a := byEmpCat[key{o.EmployeeID, o.CategoryID}]
		addOutcome(&a, o)
		byEmpCat[key{o.EmployeeID, o.CategoryID}] = a
		t := byCat[o.CategoryID]
		addOutcome(&t, o)
		byCat[o.CategoryID] = t
	}
	gaps := map[int64]map[int64]data.SkillGap{} // employee -> skill -> gap
	for _, g := range data.SkillGaps(in.Employees, in.Levels, in.Requirements) {
		if gaps[g.EmployeeID] == nil {
			gaps[g.EmployeeID] = map[int64]data.SkillGap{}
		}
		gaps[g.EmployeeID][g.SkillID] = g
	}
	type taking struct{ emp, course int64 }
	taken := map[taking]bool{}
	for _, t := range in.Training {
		if t.Status != data.TrainingCancelled {
			taken[taking{t.EmployeeID, t.CourseID}] = true
		}
	}
	courses := slices.Clone(in.Courses)
	slices.SortStableFunc(courses, func(a, b data.Course) int { return cmp.Compare(a.Title, b.Title) })

	rank := map[int64]int{}
	var out []Recommendation
	for i, e := range in.Employees {
		if e.Status == data.EmployeeLeft {
			continue
		}
		rank[e.ID] = i
		skills := map[int64]bool{}
		for s := range skillCats {
			skills[s] = true
		}
		for s := range gaps[e.ID] {
			skills[s] = true
		}
		for s := range skills {
			r := Recommendation{EmployeeID: e.ID, SkillID: s}
			var mine, team data.AgentOutcome
			for _, c := range skillCats[s] {
				m := byEmpCat[key{e.ID, c}]
				addOutcome(&mine, m)
				all := byCat[c]
				team.Handled += all.Handled - m.Handled
				team.Reopened += all.Reopened - m.Reopened
				team.Satisfied += all.Satisfied - m.Satisfied
				team.WithVerdict += all.WithVerdict - m.WithVerdict
				team.SLAAchieved += all.SLAAchieved - m.SLAAchieved
				team.SLABreached += all.SLABreached - m.SLABreached
			}
			for _, m := range OutcomeMeasures {
				if o := excessOf(m, mine, team); o.Excess > 0 {
					r.Outcomes = append(r.Outcomes, o)
					r.Excess += o.Excess
					r.Significant = r.Significant || o.Significant
				}
			}
			if g, ok := gaps[e.ID][s]; ok {
				r.Gap = &g
			}
			if len(r.Outcomes) == 0 && r.Gap == nil {
				continue
			}
			slices.SortStableFunc(r.Outcomes, func(a, b OutcomeExcess) int { return cmp.Compare(b.Excess, a.Excess) })
			for _, c := range courses {
				if slices.Contains(c.SkillIDs, s) && !taken[taking{e.ID, c.ID}] {
					r.Courses = append(r.Courses, c)
				}
			}
			out = append(out, r)
		}
	}
	gapSize := func(r Recommendation) int {
		if r.Gap == nil {
			return 0
		}
		return r.Gap.Size()
	}
	slices.SortFunc(out, func(a, b Recommendation) int {
		return cmp.Or(cmp.Compare(b.Excess, a.Excess), cmp.Compare(gapSize(b), gapSize(a)),
			cmp.Compare(rank[a.EmployeeID], rank[b.EmployeeID]), cmp.Compare(a.SkillID, b.SkillID))
	})
	return out
}

// excessOf compares the employee's bad outcomes of measure m with the
// rest of the team's.
func excessOf(m OutcomeMeasure, mine, team data.AgentOutcome) OutcomeExcess {
	o := OutcomeExcess{Measure: m}
	switch m {
	case MeasureReopen:
		o.Bad, o.N, o.TeamBad, o.TeamN = mine.Reopened, mine.Handled, team.Reopened, team.Handled
	case MeasureSLABreach:
		o.Bad, o.N = mine.SLABreached, mine.SLAAchieved+mine.SLABreached
		o.TeamBad, o.TeamN = team.SLABreached, team.SLAAchieved+team.SLABreached
	case MeasureDissatisfied:
		o.Bad, o.N = mine.WithVerdict-mine.Satisfied, mine.WithVerdict
		o.TeamBad, o.TeamN = team.WithVerdict-team.Satisfied, team.WithVerdict
	}
	o.Thin = o.N < ThinSample
	if o.N == 0 || o.TeamN == 0 {
		return o // nothing to compare: no excess
	}
	o.Expected = float64(o.N) * float64(o.TeamBad) / float64(o.TeamN)
	o.Excess = float64(o.Bad) - o.Expected
	o.Z, o.P = ProportionTest(o.TeamBad, o.TeamN, o.Bad, o.N)
	if o.Thin || o.Expected < 5 {
		if p, ok := fisherExact(o.Bad, o.N, o.TeamBad, o.TeamN); ok {
			o.P = p
		}
	}
	o.Significant = o.P < 0.05 && o.Excess > 0
	return o
}

// fisherExactMax bounds the tables Fisher's test sums over.
const fisherExactMax = 5000

// fisherExact is the two-sided p-value of Fisher's exact test of x1 of n1
// against x2 of n2: the total probability, with the margins fixed, of
// the tables no more likely than the observed one. ok is false when there
// are more than fisherExactMax tables to sum.
func fisherExact(x1, n1, x2, n2 int64) (p float64, ok bool) {
	k, n := x1+x2, n1+n2
	lo, hi := max(0, n1-(n-k)), min(k, n1)
	if hi-lo > fisherExactMax {
		return 0, false
	}
	lchoose := func(a, b int64) float64 {
		x, _ := math.Lgamma(float64(a + 1))
		y, _ := math.Lgamma(float64(b + 1))
		z, _ := math.Lgamma(float64(a - b + 1))
		return x - y - z
	}
	total := lchoose(n, n1)
	logP := func(x int64) float64 { return lchoose(k, x) + lchoose(n-k, n1-x) - total }
	observed := logP(x1)
	for x := lo; x <= hi; x++ {
		if l := logP(x); l <= observed+1e-7 {
			p += math.Exp(l)
		}
	}
	return math.Min(1, p), true
}
