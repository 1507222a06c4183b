package kpi

import (
	"context"
	"fmt"

	"caredesk/data"
)

// TeamSource is the part of the store the scorecards read; data.Store
// satisfies it.
type TeamSource interface {
	Employees(ctx context.Context) ([]data.Employee, error)
	AgentOutcomes(ctx context.Context, from, to data.Day) (data.AgentOutcomes, error)
	Kudos(ctx context.Context, employeeID int64, from, to data.Day) ([]data.Kudos, error)
	TrainingItems(ctx context.Context, f data.TrainingFilter) ([]data.TrainingItem, error)
	Courses(ctx context.Context) ([]data.Course, error)
}

// TrainingSource is the part of the store the training figures read;
// data.Store satisfies it.
type TrainingSource interface {
	TrainingItems(ctx context.Context, f data.TrainingFilter) ([]data.TrainingItem, error)
	Courses(ctx context.Context) ([]data.Course, error)
	TrainingBudgets(ctx context.Context) ([]data.TrainingBudget, error)
}

// RecommendationSource is the part of the store recommendations read;
// data.Store satisfies it.
type RecommendationSource interface {
	TeamSource
	CategorySkills(ctx context.Context) (map[int64][]int64, error)
	CurrentLevels(ctx context.Context) ([]data.SkillAssessment, error)
	Requirements(ctx context.Context) ([]data.SkillRequirement, error)
}

// LoadScorecards reads what the scorecards of from..to (inclusive) need
// and computes them: the pipeline the Team screen and `caredesk kpi
// agents` share. today marks a period not over yet as Partial.
func LoadScorecards(ctx context.Context, src TeamSource, from, to, today data.Day) (TeamScorecards, error) {
	in, err := loadScorecardInput(ctx, src, from, to, today, nil, nil)
	if err != nil {
		return TeamScorecards{}, err
	}
	return Scorecards(in), nil
}

// loadScorecardInput reads one period's input; employees and courses are
// read unless given (callers computing several periods pass them).
func loadScorecardInput(ctx context.Context, src TeamSource, from, to, today data.Day, employees []data.Employee, courses []data.Course) (ScorecardInput, error) {
	in := ScorecardInput{From: from, To: to, Today: today, Employees: employees, Courses: courses}
	var err error
	if in.Employees == nil {
		if in.Employees, err = src.Employees(ctx); err != nil {
			return in, fmt.Errorf("employees: %w", err)
		}
	}
	if in.Courses == nil {
		if in.Courses, err = src.Courses(ctx); err != nil {
			return in, fmt.Errorf("courses: %w", err)
		}
	}
	if in.Outcomes, err = src.AgentOutcomes(ctx, from, to); err != nil {
		return in, fmt.Errorf("agent outcomes %s..%s: %w", from, to, err)
	}
	if in.Kudos, err = src.Kudos(ctx, 0, from, to); err != nil {
		return in, fmt.Errorf("kudos: %w", err)
	}
	if in.Training, err = src.TrainingItems(ctx, data.TrainingFilter{From: from, To: to}); err != nil {
		return in, fmt.Errorf("training items: %w", err)
	}
	return in, nil
}

// LoadGoalProgress judges each goal against the scorecard of its own
// period (read once per distinct period), in the order given.
func LoadGoalProgress(ctx context.Context, src TeamSource, goals []data.Goal, today data.Day) ([]GoalProgress, error) {
	if len(goals) == 0 {
		return nil, nil
	}
	employees, err := src.Employees(ctx)
	if err != nil {
		return nil, fmt.Errorf("employees: %w", err)
	}
	courses, err := src.Courses(ctx)
	if err != nil {
		return nil, fmt.Errorf("courses: %w", err)
	}
	type period struct{ from, to data.Day }
	inputs := map[period]ScorecardInput{}
	cards := map[period]TeamScorecards{}
	out := make([]GoalProgress, 0, len(goals))
	for _, g := range goals {
		p := period{g.From, g.To}
		if _, ok := inputs[p]; !ok {
			in, err := loadScorecardInput(ctx, src, g.From, g.To, today, employees, courses)
			if err != nil {
				return nil, err
			}
			inputs[p], cards[p] = in, Scorecards(in)
		}
		card, ok := cards[p].Agent(g.EmployeeID)
		if !ok {
			// Someone who left and handled nothing in the period has no
			// card in the team's; the goal still has its figures.
			card = bareCard(soloCard(inputs[p], g.EmployeeID))
		}
		out = append(out, GoalProgressOf(g, card, inputs[p].Training, today))
	}
	return out, nil
}

// LoadTraining reads the whole plan and computes the training figures per
// period of granularity by over from..to (0 = the plan's range).
func LoadTraining(ctx context.Context, src TrainingSource, by Granularity, from, to, today data.Day) (TrainingSeries, error) {
	var in TrainingInput
	var err error
	// Every item: overdue counts look at items planned before the range.
	if in.Items, err = src.TrainingItems(ctx, data.TrainingFilter{}); err != nil {
		return TrainingSeries{}, fmt.Errorf("training items: %w", err)
	}
	if in.Courses, err = src.Courses(ctx); err != nil {
		return TrainingSeries{}, fmt.Errorf("courses: %w", err)
	}
	if in.Budgets, err = src.TrainingBudgets(ctx); err != nil {
		return TrainingSeries{}, fmt.Errorf("training budgets: %w", err)
	}
	return TrainingTrend(in, by, from, to, today), nil
}

// LoadRecommendations reads the outcomes of from..to (from = 0: the
// RecommendationWindow days up to to; to = 0: today) and recommends.
func LoadRecommendations(ctx context.Context, src RecommendationSource, from, to, today data.Day) ([]Recommendation, error) {
	if to == 0 {
		to = today
	}
	if from == 0 {
		from = to - RecommendationWindow + 1
	}
	var in RecommendationInput
	var err error
	if in.Employees, err = src.Employees(ctx); err != nil {
		return nil, fmt.Errorf("employees: %w", err)
	}
	outcomes, err := src.AgentOutcomes(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("agent outcomes %s..%s: %w", from, to, err)
	}
	in.Outcomes = outcomes.Outcomes
	if in.CategorySkills, err = src.CategorySkills(ctx); err != nil {
		return nil, fmt.Errorf("category skills: %w", err)
	}
	if in.Levels, err = src.CurrentLevels(ctx); err != nil {
		return nil, fmt.Errorf("skill levels: %w", err)
	}
	if in.Requirements, err = src.Requirements(ctx); err != nil {
		return nil, fmt.Errorf("skill requirements: %w", err)
	}
	if in.Courses, err = src.Courses(ctx); err != nil {
		return nil, fmt.Errorf("courses: %w", err)
	}
	if in.Training, err = src.TrainingItems(ctx, data.TrainingFilter{}); err != nil {
		return nil, fmt.Errorf("training items: %w", err)
	}
	return Recommend(in), nil
}

// LoadTrainingEffect reads the employee's scorecards of the windows
// before and after a done plan item and compares them (data.ErrInvalid
// when the item is not done).
func LoadTrainingEffect(ctx context.Context, src TeamSource, item data.TrainingItem, today data.Day) (TrainingEffect, error) {
	if item.Status != data.TrainingDone || item.CompletedOn == 0 {
		return TrainingEffect{}, fmt.Errorf("training effect of item %d: not done: %w", item.ID, data.ErrInvalid)
	}
	employees, err := src.Employees(ctx)
	if err != nil {
		return TrainingEffect{}, fmt.Errorf("employees: %w", err)
	}
	courses, err := src.Courses(ctx)
	if err != nil {
		return TrainingEffect{}, fmt.Errorf("courses: %w", err)
	}
	bf, bt, af, at := EffectWindows(item.CompletedOn)
	card := func(from, to data.Day) (AgentScorecard, error) {
		in, err := loadScorecardInput(ctx, src, from, to, today, employees, courses)
		if err != nil {
			return AgentScorecard{}, err
		}
		c := soloCard(in, item.EmployeeID)
		if c.Employee.ID == 0 {
			return c, fmt.Errorf("training effect: employee %d: %w", item.EmployeeID, data.ErrNotFound)
		}
		return c, nil
	}
	before, err := card(bf, bt)
	if err != nil {
		return TrainingEffect{}, err
	}
	after, err := card(af, at)
	if err != nil {
		return TrainingEffect{}, err
	}
	since := before.Employee.HiredOn
	if r, ok := src.(complaintRanger); ok {
		first, _, any, err := r.ComplaintRange(ctx)
		if err != nil {
			return TrainingEffect{}, fmt.Errorf("complaint range: %w", err)
		}
		if any {
			since = max(since, first)
		}
	}
	return trainingEffect(item, before, after, today, since), nil
}

// complaintRanger is a source that knows when its complaints start: the
// before window of a training done soon after is shorter than 90 days.
type complaintRanger interface {
	ComplaintRange(ctx context.Context) (first, last data.Day, ok bool, err error)
}

// soloCard is employee id's scorecard whatever their status (zero when
// the roster lacks them); its team fields compare the employee with
// themselves only.
func soloCard(in ScorecardInput, id int64) AgentScorecard {
	for _, e := range in.Employees {
		if e.ID == id {
			e.Status = data.EmployeeActive
			in.Employees = []data.Employee{e}
			return Scorecards(in).Agents[0]
		}
	}
	return AgentScorecard{}
}

// bareCard drops the team comparison of every figure.
func bareCard(c AgentScorecard) AgentScorecard {
	for _, m := range ScoreMetrics {
		if f := c.field(m); f != nil {
			*f = bare(*f)
		}
	}
	return c
}
