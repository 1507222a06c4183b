package dashboard

import (
	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/ui/widgets"
)

// export asks for format, size, scale and a file, then renders and writes
// the chart off the UI goroutine.
func (s *Screen) export(kind charts.Kind) {
	widgets.ExportChart(s.d.Window, string(kind), s.chartBuilder(kind, false), s.d.SaveChart, s.saved(nil))
}

// SaveChart renders kind with the data on screen and writes it to path
// (format by extension) in a goroutine; done, if set, runs on the UI
// goroutine afterwards with the error.
func (s *Screen) SaveChart(kind charts.Kind, path string, opt charts.Options, done func(error)) {
	widgets.SaveChartFile(path, opt, s.chartBuilder(kind, false), s.d.SaveChart, s.saved(done))
}

// saved reports a written chart on the status line, or its error.
func (s *Screen) saved(done func(error)) func(path string, err error) {
	return func(path string, err error) {
		if err != nil {
			s.d.ShowError(err)
		} else {
			s.status.SetText(lang.L("export.saved", map[string]any{"Path": path}))
		}
		if done != nil {
			done(err)
		}
	}
}

// chartBuilder builds kind from the data on screen. Exported charts carry
// their title and range; on screen the card or tab names the chart and the
// status line gives the range, so the plot keeps the height.
func (s *Screen) chartBuilder(kind charts.Kind, onScreen bool) widgets.ChartBuilder {
	if kind == charts.KindTrainingCompletion {
		return s.teamChartBuilder(onScreen)
	}
	var labels charts.Labels
	if charts.IsComplaintKind(kind) {
		labels = widgets.ChartLabels(kind, s.cmp.span)
	} else {
		labels = widgets.ChartLabels(kind, seriesRange(s.series))
	}
	inset := 0
	if onScreen {
		labels.Title, labels.Subtitle = "", ""
		inset = exportInset
	}
	if charts.IsComplaintKind(kind) {
		d := s.cmp.data
		return func(o charts.Options) (*charts.Chart, error) {
			o.Labels, o.LegendInset = labels, inset
			return charts.BuildComplaints(kind, d, o)
		}
	}
	series, target := s.series, s.targetNPS
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels, o.Target, o.LegendInset = labels, target, inset
		return charts.Build(kind, series, o)
	}
}
