package widgets

import (
	"math"

	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
)

// Team chart inputs from what the store and kpi return, so that a chart
// exported from the CLI draws the same as on screen.

// TimelineChartData puts plan items on the Gantt chart: one row per
// employee with items, in roster order (employees missing from the roster
// after them), one bar per item in the order given.
func TimelineChartData(items []data.TrainingItem, employees []data.Employee, courses []data.Course, today, from, to data.Day) charts.TimelineData {
	titles := make(map[int64]string, len(courses))
	for _, c := range courses {
		titles[c.ID] = c.Title
	}
	bars := map[int64][]charts.TimelineBar{}
	for _, it := range items {
		bars[it.EmployeeID] = append(bars[it.EmployeeID], charts.TimelineBar{
			Label: titles[it.CourseID], PlannedStart: it.PlannedStart, PlannedEnd: it.PlannedEnd,
			ActualStart: it.StartedOn, ActualEnd: it.CompletedOn, Status: it.Status, Overdue: it.Overdue(today),
		})
	}
	d := charts.TimelineData{Today: today, From: from, To: to}
	seen := map[int64]bool{}
	add := func(id int64, name string) {
		if b := bars[id]; len(b) > 0 && !seen[id] {
			seen[id] = true
			d.Rows = append(d.Rows, charts.TimelineRow{Label: name, Bars: b})
		}
	}
	for _, e := range employees {
		add(e.ID, e.Name)
	}
	for _, it := range items {
		add(it.EmployeeID, "#"+Int(it.EmployeeID))
	}
	return d
}

// CompletionChartData is a monthly training series as the completions chart.
func CompletionChartData(s kpi.TrainingSeries) charts.CompletionData {
	var d charts.CompletionData
	for _, p := range s.Periods {
		y, m, _ := p.Period.Start.Date()
		d.Months = append(d.Months, charts.CompletionMonth{Label: data.FormatMonth(Lang(), y, m), Planned: p.Planned, Done: p.Done})
	}
	return d
}

// BudgetChartData is a quarterly training series as the hours and budget chart.
func BudgetChartData(s kpi.TrainingSeries) charts.TrainingBudgetData {
	var d charts.TrainingBudgetData
	for _, p := range s.Periods {
		y, m, _ := p.Period.Start.Date()
		q := charts.BudgetQuarter{Label: lang.L("training.quarter", map[string]any{"Q": (int(m)-1)/3 + 1, "Year": y}),
			HoursPlanned: p.HoursPlanned, HoursDone: p.HoursDone, CostPlanned: p.CostPlanned, CostDone: p.CostDone}
		if p.HasBudget {
			q.Budget = p.Budget
		}
		d.Quarters = append(d.Quarters, q)
	}
	return d
}

// SkillsChartData is the skills matrix of the employees who have not left
// (in the order given) over the catalogue (by group, as the store sorts it).
func SkillsChartData(employees []data.Employee, skills []data.Skill, current []data.SkillAssessment, reqs []data.SkillRequirement) charts.SkillsMatrixData {
	var d charts.SkillsMatrixData
	for _, k := range skills {
		d.Skills = append(d.Skills, charts.SkillColumn{Name: k.Name, Group: k.Group})
	}
	type key struct{ emp, skill int64 }
	levels := make(map[key]data.SkillLevel, len(current))
	for _, a := range current {
		levels[key{a.EmployeeID, a.SkillID}] = a.Level
	}
	// Only gaps are marked, so the requirements an employee falls short of are enough.
	required := map[key]data.SkillLevel{}
	for _, g := range data.SkillGaps(employees, current, reqs) {
		required[key{g.EmployeeID, g.SkillID}] = g.Required
	}
	for _, e := range employees {
		if e.Status == data.EmployeeLeft {
			continue
		}
		d.Employees = append(d.Employees, e.Name)
		row := make([]charts.SkillCell, len(skills))
		for j, k := range skills {
			lv, ok := levels[key{e.ID, k.ID}]
			row[j] = charts.SkillCell{Level: lv, Assessed: ok, Required: required[key{e.ID, k.ID}]}
		}
		d.Cells = append(d.Cells, row)
	}
	return d
}

// ScorecardChartData is one employee's scorecard against the team
// medians, named and written as the employee card's scorecard shows it.
func ScorecardChartData(card, team kpi.AgentScorecard) charts.ScorecardData {
	d := charts.ScorecardData{Employee: card.Employee.Name}
	for _, m := range kpi.ScoreMetrics {
		v, t := card.Value(m).Value, team.Value(m).Value
		d.Metrics = append(d.Metrics, charts.ScorecardMetric{Label: scoreName(m), Agent: v, Team: t,
			AgentText: scoreFigure(m, v), TeamText: scoreFigure(m, t), LowerIsBetter: m.LowerIsBetter()})
	}
	return d
}

// scoreName is a scorecard figure's name: the goal metric's, or
// training hours (no goal targets those).
func scoreName(m kpi.ScoreMetric) string {
	if m == kpi.ScoreTrainingHours {
		return lang.L("team.metric.training_hours")
	}
	return lang.L("goal.metric." + string(m))
}

// scoreFigure writes a scorecard figure: counts whole, NPS signed, shares
// in percent and hours with one decimal ("" when unknown: the chart
// writes a dash).
func scoreFigure(m kpi.ScoreMetric, v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case m == kpi.ScoreHandled || m == kpi.ScoreKudos:
		return Num(v, 0)
	case m == kpi.ScoreNPS:
		return data.FormatSigned(Lang(), v, 0)
	case m == kpi.ScoreMedianResolution || m == kpi.ScoreTrainingHours:
		return lang.L("team.hours", map[string]any{"Hours": Num(v, 1)})
	case m == kpi.ScoreReopenRate || m == kpi.ScoreSLACompliance || m == kpi.ScoreSatisfiedShare:
		return Num(v, 1) + " %"
	}
	return Num(v, 1)
}
