package dashboard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/ui/widgets"
)

// exportSizes are the PNG/PDF sizes offered, in pixels at scale 1.
var exportSizes = []fyne.Size{{Width: 1200, Height: 600}, {Width: 1600, Height: 900}, {Width: 800, Height: 400}}

// export asks for format, size and scale, then for a file, then renders
// and writes the chart off the UI goroutine.
func (s *Screen) export(kind charts.Kind) {
	format := widget.NewSelect([]string{"PNG", "SVG", "PDF"}, nil)
	format.SetSelected("PNG")
	size := widget.NewSelect(nil, nil)
	for _, sz := range exportSizes {
		size.Options = append(size.Options, widgets.Int(int64(sz.Width))+" × "+widgets.Int(int64(sz.Height)))
	}
	size.SetSelectedIndex(0)
	scale := widget.NewSelect([]string{"1×", "2×", "3×"}, nil)
	scale.SetSelectedIndex(1)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("export.format"), format),
		widget.NewFormItem(lang.L("export.size"), size),
		widget.NewFormItem(lang.L("export.scale"), scale),
	)
	dialog.ShowCustomConfirm(lang.L("export.title"), lang.L("export.next"), lang.L("dialog.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		ext := "." + strings.ToLower(format.Selected)
		opt := charts.Options{
			Width: int(exportSizes[size.SelectedIndex()].Width), Height: int(exportSizes[size.SelectedIndex()].Height),
			Scale: float64(scale.SelectedIndex() + 1),
		}
		s.chooseFile(kind, ext, opt)
	}, s.d.Window)
}

func (s *Screen) chooseFile(kind charts.Kind, ext string, opt charts.Options) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.d.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		_ = w.Close()
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		s.SaveChart(kind, path, opt, nil)
	}, s.d.Window)
	save.SetFileName(string(kind) + ext)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	save.Show()
}

// SaveChart renders kind with the data on screen and writes it to path
// (format by extension) in a goroutine; done, if set, runs on the UI
// goroutine afterwards with the error.
func (s *Screen) SaveChart(kind charts.Kind, path string, opt charts.Options, done func(error)) {
	build := s.chartBuilder(kind, false)
	widgets.Go(func() {
		ch, err := build(opt)
		if err == nil {
			err = s.d.SaveChart(path, ch)
		}
		widgets.Do(func() {
			if err != nil {
				s.d.ShowError(err)
			} else {
				s.status.SetText(lang.L("export.saved", map[string]any{"Path": path}))
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// chartBuilder builds kind from the data on screen. Exported charts carry
// their title and range; on screen the card or tab names the chart and the
// status line gives the range, so the plot keeps the height.
func (s *Screen) chartBuilder(kind charts.Kind, onScreen bool) widgets.ChartBuilder {
	var labels charts.Labels
	if charts.IsComplaintKind(kind) {
		labels = widgets.ChartLabels(kind, s.cmp.span)
	} else {
		labels = widgets.ChartLabels(kind, seriesRange(s.series))
	}
	if onScreen {
		labels.Title, labels.Subtitle = "", ""
	}
	if charts.IsComplaintKind(kind) {
		d := s.cmp.data
		return func(o charts.Options) (*charts.Chart, error) {
			o.Labels = labels
			return charts.BuildComplaints(kind, d, o)
		}
	}
	series, target := s.series, s.targetNPS
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels, o.Target = labels, target
		return charts.Build(kind, series, o)
	}
}
