package widgets

import (
	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/data"
)

// teamLabels fills the texts of the team charts (timeline, completions,
// skills matrix, scorecard, hours and budget).
func teamLabels(l *charts.Labels) {
	l.Planned = lang.L("training.status.planned")
	l.InProgress = lang.L("training.status.in_progress")
	l.Done = lang.L("training.status.done")
	l.Cancelled = lang.L("training.status.cancelled")
	l.Overdue = lang.L("training.overdue")
	l.Plan = lang.L("chart.team.plan")
	l.Actual = lang.L("chart.team.actual")
	l.Today = lang.L("chart.team.today")
	l.Trainings = lang.L("chart.team.trainings")
	for i := range l.SkillLevels {
		l.SkillLevels[i] = lang.L(data.SkillLevel(i).Key())
	}
	l.NotAssessed = lang.L("chart.team.not_assessed")
	l.Gap = lang.L("chart.team.gap")
	l.TeamMedian = lang.L("chart.team.team_median")
	l.Better = lang.L("chart.team.better")
	l.Worse = lang.L("chart.team.worse")
	l.Cost = lang.L("chart.team.cost")
	l.Spent = lang.L("chart.team.spent")
	l.Budget = lang.L("chart.team.budget")
	l.TrainingHours = lang.L("chart.team.hours")
	l.HoursPlanned = lang.L("chart.team.hours_planned")
	l.HoursDone = lang.L("chart.team.hours_done")
	l.Employee = lang.L("chart.team.col.employee")
	l.Course = lang.L("chart.team.col.course")
	l.Status = lang.L("chart.team.col.status")
	l.Metric = lang.L("chart.team.col.metric")
	l.Skill = lang.L("chart.team.col.skill")
	l.PlannedStart = lang.L("chart.team.col.planned_start")
	l.PlannedEnd = lang.L("chart.team.col.planned_end")
	l.Started = lang.L("chart.team.col.started")
	l.Completed = lang.L("chart.team.col.completed")
	l.Empty = lang.L("chart.team.empty")
}

// ScoreMetricName is a scorecard figure's name (a kpi.ScoreMetric) as the
// employee card and its chart show it: the goal metric's, or training
// hours, which no goal targets.
func ScoreMetricName(metric string) string {
	if metric == "training_hours" {
		return lang.L("team.metric.training_hours")
	}
	return lang.L("goal.metric." + metric)
}
