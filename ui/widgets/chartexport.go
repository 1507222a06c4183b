package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
)

// ExportSizes are the PNG/PDF sizes offered, in pixels at scale 1.
var ExportSizes = []fyne.Size{{Width: 1200, Height: 600}, {Width: 1600, Height: 900}, {Width: 800, Height: 400}}

// ExportChart asks for format, size and scale, then for a file named
// after name, then renders the chart with build and writes it with save
// off the UI goroutine; done runs on the UI goroutine with the path and
// the error.
func ExportChart(win fyne.Window, name string, build ChartBuilder, save func(path string, ch *charts.Chart) error, done func(path string, err error)) {
	format := widget.NewSelect([]string{"PNG", "SVG", "PDF"}, nil)
	format.SetSelected("PNG")
	size := widget.NewSelect(nil, nil)
	for _, sz := range ExportSizes {
		size.Options = append(size.Options, Int(int64(sz.Width))+" × "+Int(int64(sz.Height)))
	}
	size.SetSelectedIndex(0)
	scale := widget.NewSelect([]string{"1×", "2×", "3×"}, nil)
	scale.SetSelectedIndex(1)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("export.format"), format),
		widget.NewFormItem(lang.L("export.size"), size),
		widget.NewFormItem(lang.L("export.scale"), scale),
	)
	accepted := false
	choices := dialog.NewCustomConfirm(lang.L("export.title"), lang.L("export.next"), lang.L("dialog.cancel"), form, func(ok bool) { accepted = ok }, win)
	ShowWithEscape(win, choices)
	// The save dialog opens once the choices are closed: their Escape
	// handler is put back after their callback, over the save dialog's.
	choices.SetOnClosed(func() {
		if !accepted {
			return
		}
		ext := "." + strings.ToLower(format.Selected)
		sz := ExportSizes[max(0, size.SelectedIndex())]
		opt := charts.Options{Width: int(sz.Width), Height: int(sz.Height), Scale: float64(scale.SelectedIndex() + 1)}
		fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				if err != nil {
					done("", err)
				}
				return
			}
			path := w.URI().Path()
			_ = w.Close()
			if !strings.HasSuffix(strings.ToLower(path), ext) {
				path += ext
			}
			SaveChartFile(path, opt, build, save, done)
		}, win)
		fd.SetFileName(name + ext)
		fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
		ShowFileDialog(win, fd)
	})
}

// SaveChartFile renders a chart with build and writes it to path with
// save in a goroutine; done runs on the UI goroutine with the error.
func SaveChartFile(path string, opt charts.Options, build ChartBuilder, save func(path string, ch *charts.Chart) error, done func(path string, err error)) {
	Go(func() {
		ch, err := build(opt)
		if err == nil {
			err = save(path, ch)
		}
		Do(func() { done(path, err) })
	})
}
