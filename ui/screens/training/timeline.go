package training

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/ui/widgets"
)

var timelineName = string(charts.KindTrainingPlan)

// timelineData puts items on the Gantt chart: one row per employee in
// roster order, one bar per item in planned order.
func timelineData(items []data.TrainingItem, look lookups, today data.Day) charts.TimelineData {
	byEmployee := map[int64][]charts.TimelineBar{}
	for _, it := range items {
		byEmployee[it.EmployeeID] = append(byEmployee[it.EmployeeID], charts.TimelineBar{
			Label:        look.courseTitle(it.CourseID),
			PlannedStart: it.PlannedStart, PlannedEnd: it.PlannedEnd,
			ActualStart: it.StartedOn, ActualEnd: it.CompletedOn,
			Status: it.Status, Overdue: it.Overdue(today),
		})
	}
	d := charts.TimelineData{Today: today}
	seen := map[int64]bool{}
	add := func(id int64, name string) {
		if bars := byEmployee[id]; len(bars) > 0 && !seen[id] {
			seen[id] = true
			d.Rows = append(d.Rows, charts.TimelineRow{Label: name, Bars: bars})
		}
	}
	for _, e := range look.employees {
		add(e.ID, e.Name)
	}
	for _, it := range items { // employees missing from the roster still show
		add(it.EmployeeID, look.employeeName(it.EmployeeID))
	}
	return d
}

// timelineBuilder draws the items shown over their own span (the filter
// already chose them by period: a year mostly empty would only squeeze
// the bars). On screen the tab names the chart, so the plot keeps the
// title's height.
func (p *planTab) timelineBuilder(onScreen bool) widgets.ChartBuilder {
	today := p.s.today()
	d := timelineData(p.shown, p.s.look, today)
	subtitle := ""
	if from, to := p.period.Range(today); from != 0 && to != 0 {
		subtitle = widgets.DayRange(min(from, to), max(from, to))
	}
	labels := widgets.ChartLabels(charts.KindTrainingPlan, subtitle)
	if onScreen {
		labels.Title, labels.Subtitle = "", ""
	}
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels = labels
		return charts.TrainingTimeline(d, o), nil
	}
}

// exportChart asks where to save a chart and saves it.
func (s *Screen) exportChart(name string, build widgets.ChartBuilder) {
	if s.deps.SaveChart == nil {
		return
	}
	widgets.ExportChart(s.deps.Window, name, build, s.deps.SaveChart, s.chartSaved)
}

func (s *Screen) chartSaved(path string, err error) {
	if err != nil {
		s.showError(err)
		return
	}
	dialog.ShowInformation(lang.L("export.title"), lang.L("export.saved", map[string]any{"Path": path}), s.deps.Window)
}
