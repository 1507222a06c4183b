package main

import (
	"context"
	"strings"
	"time"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// teamChartQuery is what `caredesk chart` passes to a team chart.
type teamChartQuery struct {
	from, to data.Day // from --from/--to; 0 = the whole plan (or this month for the scorecard)
	employee string   // --employee: whose scorecard
	now      time.Time
	// grow lets the timeline's height follow its rows (PNG and SVG without
	// --height), so that every employee gets a label.
	grow bool
}

// buildTeamChart loads what a team chart draws, through the same kpi and
// conversions as the Team and Training screens, and builds it.
func buildTeamChart(ctx context.Context, st data.Store, kind charts.Kind, q teamChartQuery, opt charts.Options) (*charts.Chart, error) {
	today := data.DayOf(q.now, st.Location())
	var d charts.TeamData
	var subtitle string
	switch kind {
	case charts.KindTrainingPlan:
		items, err := st.TrainingItems(ctx, data.TrainingFilter{From: q.from, To: q.to, KeepOpen: q.from <= today})
		if err != nil {
			return nil, err
		}
		employees, err := st.Employees(ctx)
		if err != nil {
			return nil, err
		}
		courses, err := st.Courses(ctx)
		if err != nil {
			return nil, err
		}
		d.Timeline = charts.TimelineFromPlan(items, employees, courses, today, q.from, q.to)
		if q.grow {
			opt.Height = max(opt.Height, charts.TimelineHeight(len(d.Timeline.Rows)))
		}
		if q.from != 0 && q.to != 0 {
			subtitle = widgets.DayRange(q.from, q.to)
		}
	case charts.KindTrainingCompletion, charts.KindTrainingBudget:
		by := kpi.Month
		if kind == charts.KindTrainingBudget {
			by = kpi.Quarter
		}
		series, err := kpi.LoadTraining(ctx, st, by, q.from, q.to, today)
		if err != nil {
			return nil, err
		}
		d.Completion, d.Budget = charts.CompletionFromTraining(series, widgets.Lang()), charts.BudgetFromTraining(series, widgets.Lang())
		if n := len(series.Periods); n > 0 {
			subtitle = widgets.RangeLabel(series.Periods[0].Period.Start, series.Periods[n-1].Period.End, string(by))
		}
	case charts.KindSkillsMatrix:
		employees, err := st.Employees(ctx)
		if err != nil {
			return nil, err
		}
		skills, err := st.Skills(ctx)
		if err != nil {
			return nil, err
		}
		current, err := st.CurrentLevels(ctx)
		if err != nil {
			return nil, err
		}
		reqs, err := st.Requirements(ctx)
		if err != nil {
			return nil, err
		}
		d.Skills = charts.SkillsFromLevels(employees, skills, current, reqs)
		subtitle = data.FormatDate(widgets.Lang(), today.Time())
	case charts.KindScorecard:
		card, from, to, err := loadScorecard(ctx, st, q, today)
		if err != nil {
			return nil, err
		}
		d.Scorecard = card
		subtitle = card.Employee + " · " + widgets.DayRange(from, to)
	}
	opt.Labels = widgets.ChartLabels(kind, subtitle)
	return charts.BuildTeam(kind, d, opt)
}

// loadScorecard is the named employee's scorecard against the team over
// --from..--to (default: this month so far, as `caredesk kpi agents`).
func loadScorecard(ctx context.Context, st data.Store, q teamChartQuery, today data.Day) (charts.ScorecardData, data.Day, data.Day, error) {
	name := strings.TrimSpace(q.employee)
	if name == "" {
		return charts.ScorecardData{}, 0, 0, flagError("teamchart.err.employee_required", nil)
	}
	from, to := q.from, q.to
	if from == 0 {
		from = kpi.PeriodOf(today, kpi.Month).Start
	}
	if to == 0 {
		to = max(today, kpi.PeriodOf(from, kpi.Month).End)
	}
	cards, err := kpi.LoadScorecards(ctx, st, from, to, today)
	if err != nil {
		return charts.ScorecardData{}, 0, 0, err
	}
	for _, c := range cards.Agents {
		if strings.EqualFold(strings.TrimSpace(c.Employee.Name), name) {
			return charts.ScorecardFromCards(c, cards.Team, func(m kpi.ScoreMetric) string { return widgets.ScoreMetricName(string(m)) }, widgets.Lang()), from, to, nil
		}
	}
	return charts.ScorecardData{}, 0, 0, flagError("teamchart.err.employee_unknown", map[string]any{"Name": name})
}
