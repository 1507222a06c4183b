package charts

import (
	"math"
	"strconv"

	"caredesk/data"
	"caredesk/data/kpi"
)

// Team chart inputs from what the store and kpi return; the screens and
// the CLI both build them here, so an exported chart draws the same from
// either.

// TimelineFromPlan puts plan items on the Gantt chart: one row per
// employee with items, in roster order (employees missing from the roster
// after them), one bar per item in the order given.
func TimelineFromPlan(items []data.TrainingItem, employees []data.Employee, courses []data.Course, today, from, to data.Day) TimelineData {
	titles := make(map[int64]string, len(courses))
	for _, c := range courses {
		titles[c.ID] = c.Title
	}
	bars := map[int64][]TimelineBar{}
	for _, it := range items {
		bars[it.EmployeeID] = append(bars[it.EmployeeID], TimelineBar{
			Label: titles[it.CourseID], PlannedStart: it.PlannedStart, PlannedEnd: it.PlannedEnd,
			ActualStart: it.StartedOn, ActualEnd: it.CompletedOn, Status: it.Status, Overdue: it.Overdue(today),
		})
	}
	d := TimelineData{Today: today, From: from, To: to}
	seen := map[int64]bool{}
	add := func(id int64, name string) {
		if b := bars[id]; len(b) > 0 && !seen[id] {
			seen[id] = true
			d.Rows = append(d.Rows, TimelineRow{Label: name, Bars: b})
		}
	}
	for _, e := range employees {
		add(e.ID, e.Name)
	}
	for _, it := range items {
		add(it.EmployeeID, "#"+strconv.FormatInt(it.EmployeeID, 10))
	}
	return d
}

// CompletionFromTraining is a monthly training series as the completions
// chart, months named in lang.
func CompletionFromTraining(s kpi.TrainingSeries, lang string) CompletionData {
	var d CompletionData
	for _, p := range s.Periods {
		y, m, _ := p.Period.Start.Date()
		d.Months = append(d.Months, CompletionMonth{Label: data.FormatMonth(lang, y, m), Planned: p.Planned, Done: p.Done})
	}
	return d
}

// BudgetFromTraining is a quarterly training series as the hours and
// budget chart, quarters named in lang.
func BudgetFromTraining(s kpi.TrainingSeries, lang string) TrainingBudgetData {
	var d TrainingBudgetData
	for _, p := range s.Periods {
		y, m, _ := p.Period.Start.Date()
		q := BudgetQuarter{Label: data.FormatQuarter(lang, y, (int(m)-1)/3+1),
			HoursPlanned: p.HoursPlanned, HoursDone: p.HoursDone, CostPlanned: p.CostPlanned, CostDone: p.CostDone}
		if p.HasBudget {
			q.Budget = p.Budget
		}
		d.Quarters = append(d.Quarters, q)
	}
	return d
}

// SkillsFromLevels is the skills matrix of the employees who have not left
// (in the order given) over the catalogue (by group, as the store sorts
// it); only gaps carry their required level.
func SkillsFromLevels(employees []data.Employee, skills []data.Skill, current []data.SkillAssessment, reqs []data.SkillRequirement) SkillsMatrixData {
	var d SkillsMatrixData
	for _, k := range skills {
		d.Skills = append(d.Skills, SkillColumn{Name: k.Name, Group: k.Group})
	}
	type key struct{ emp, skill int64 }
	levels := make(map[key]data.SkillLevel, len(current))
	for _, a := range current {
		levels[key{a.EmployeeID, a.SkillID}] = a.Level
	}
	required := map[key]data.SkillLevel{}
	for _, g := range data.SkillGaps(employees, current, reqs) {
		required[key{g.EmployeeID, g.SkillID}] = g.Required
	}
	for _, e := range employees {
		if e.Status == data.EmployeeLeft {
			continue
		}
		d.Employees = append(d.Employees, e.Name)
		row := make([]SkillCell, len(skills))
		for j, k := range skills {
			lv, ok := levels[key{e.ID, k.ID}]
			row[j] = SkillCell{Level: lv, Assessed: ok, Required: required[key{e.ID, k.ID}]}
		}
		d.Cells = append(d.Cells, row)
	}
	return d
}

// ScorecardFromCards is one employee's scorecard against the team medians,
// each figure named by name and written in lang as the employee card
// writes it.
func ScorecardFromCards(card, team kpi.AgentScorecard, name func(kpi.ScoreMetric) string, lang string) ScorecardData {
	d := ScorecardData{Employee: card.Employee.Name}
	text := func(m kpi.ScoreMetric, v float64) string {
		if math.IsNaN(v) {
			return "" // the chart writes its own dash
		}
		return m.Format(lang, v)
	}
	for _, m := range kpi.ScoreMetrics {
		v, t := card.Value(m).Value, team.Value(m).Value
		d.Metrics = append(d.Metrics, ScorecardMetric{Label: name(m), Agent: v, Team: t,
			AgentText: text(m, v), TeamText: text(m, t), LowerIsBetter: m.LowerIsBetter()})
	}
	return d
}
