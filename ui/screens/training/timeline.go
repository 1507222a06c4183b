package training

import (
	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/ui/widgets"
)

var timelineName = string(charts.KindTrainingPlan)

// timelineBuilder draws the items shown over their own span (the filter
// already chose them by period: a year mostly empty would only squeeze
// the bars). On screen the tab names the chart, so the plot keeps the
// title's height.
func (p *planTab) timelineBuilder(onScreen bool) widgets.ChartBuilder {
	today := p.s.today()
	d := charts.TimelineFromPlan(p.shown, p.s.look.employees, p.s.look.courses, today, 0, 0)
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
	widgets.Inform(lang.L("export.title"), lang.L("export.saved", map[string]any{"Path": path}), s.deps.Window)
}
