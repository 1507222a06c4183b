package complaints

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

// progressInterval throttles progress updates so a fast import is not
// slowed down by redrawing.
const progressInterval = 100 * time.Millisecond

// shownRejects is how many bad rows the result dialog lists.
const shownRejects = 50

var delimiters = []struct {
	r   rune
	key string
}{{',', "feedback.wizard.delim.comma"}, {';', "feedback.wizard.delim.semicolon"}, {'\t', "feedback.wizard.delim.tab"}, {'|', "feedback.wizard.delim.pipe"}}

// importWizard walks the user from a ticket export to imported complaints:
// preview and mapping, progress with cancel, then the result. It follows
// the feedback screen's wizard step for step, with the complaint fields
// and importer entry points.
type importWizard struct {
	s    *Screen
	path string
	opt  importer.Options
	pv   *importer.Preview

	dlg  *dialog.CustomDialog
	body *fyne.Container // the current step

	// preview step
	encoding    *widget.Select
	delimiter   *widget.Select
	headerRows  *widget.Select
	dateOrder   *widget.RadioGroup
	fileDate    *widget.DateEntry
	fileDateRow *fyne.Container
	mapping     map[importer.Field]*widget.Select
	strict      *widget.Check
	message     *widget.Label
	startBtn    *widget.Button

	// progress step
	progress     *widget.ProgressBar
	progressText *widget.Label
	cancel       context.CancelFunc
	onProgress   func(importer.Progress) // test hook, called after each update

	result    *importer.Result
	err       error // the import's error, if it failed or was cancelled
	cancelled bool
}

// Import asks for a ticket export, then opens the import wizard for it.
func (s *Screen) Import() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if r == nil {
			return // the user closed the dialog
		}
		path := r.URI().Path()
		r.Close()
		s.ImportFile(path)
	}, s.deps.Window)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".txt", ".xlsx"}))
	fd.Resize(fyne.NewSize(800, 560))
	fd.Show()
}

// ImportFile opens the import wizard for a known file.
func (s *Screen) ImportFile(path string) {
	w := &importWizard{s: s, path: path, opt: importer.Options{Location: s.deps.Store.Location()}}
	s.wizard = w
	w.inspect()
}

// inspect reads the file with the current options off the UI goroutine
// and shows what it found.
func (w *importWizard) inspect() {
	s := w.s
	opt := w.opt
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		pv, err := importer.InspectComplaints(w.path, opt)
		widgets.Do(func() {
			if err != nil {
				if w.dlg == nil {
					s.showError(err) // nothing to show yet: the file is unreadable
					if s.wizard == w {
						s.wizard = nil
					}
					return
				}
				w.message.SetText(err.Error())
				w.message.Show()
				return
			}
			w.pv = pv
			w.showPreview()
		})
	})
}

func (w *importWizard) open(content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	if w.dlg == nil {
		w.body = container.NewStack()
		w.dlg = dialog.NewCustomWithoutButtons(lang.L("complaints.wizard.title"), w.body, w.s.deps.Window)
		size := w.s.deps.Window.Canvas().Size()
		w.dlg.Resize(fyne.NewSize(min(1000, size.Width-40), min(680, size.Height-20)))
	}
	w.body.Objects = []fyne.CanvasObject{content}
	w.body.Refresh()
	w.dlg.SetButtons(buttons)
	w.dlg.Show()
}

func (w *importWizard) close() {
	if w.dlg != nil {
		w.dlg.Hide()
	}
	if w.s.wizard == w {
		w.s.wizard = nil
	}
}

func (w *importWizard) showPreview() {
	pv := w.pv
	w.message = widget.NewLabel("")
	w.message.Importance = widget.DangerImportance
	w.message.Wrapping = fyne.TextWrapWord
	w.message.Hide()

	w.encoding = widget.NewSelect(importer.Encodings, nil)
	w.encoding.SetSelected(pv.Encoding)
	w.encoding.OnChanged = func(enc string) {
		w.opt.Encoding = enc
		w.reinspect()
	}
	encodingRow := fyne.CanvasObject(w.encoding)
	if !pv.EncodingSure {
		warn := widget.NewIcon(theme.WarningIcon())
		hint := widget.NewLabel(lang.L("feedback.wizard.encoding_unsure"))
		hint.Importance = widget.WarningImportance
		hint.Wrapping = fyne.TextWrapWord
		encodingRow = container.NewBorder(nil, nil, container.NewHBox(w.encoding, warn), nil, hint)
	}

	delimNames := make([]string, len(delimiters))
	for i, d := range delimiters {
		delimNames[i] = lang.L(d.key)
	}
	w.delimiter = widget.NewSelect(delimNames, nil)
	for i, d := range delimiters {
		if d.r == pv.Delimiter {
			w.delimiter.SetSelectedIndex(i)
		}
	}
	w.delimiter.OnChanged = func(string) {
		w.opt.Delimiter = delimiters[w.delimiter.SelectedIndex()].r
		w.reinspect()
	}
	if pv.Delimiter == 0 {
		w.delimiter.Disable() // a spreadsheet has cells, not delimiters
	}

	w.headerRows = widget.NewSelect([]string{"1", "2", "3"}, nil)
	w.headerRows.SetSelected(strconv.Itoa(pv.HeaderRows))
	w.headerRows.OnChanged = func(v string) {
		w.opt.HeaderRows, _ = strconv.Atoi(v)
		w.reinspect()
	}

	format := pv.Format
	if format == importer.FormatGeneric || format == "" {
		format = lang.L("feedback.wizard.format.generic")
	}
	dates := pv.DateLayout
	if dates == "" {
		dates = lang.L("feedback.wizard.dates_none")
	}

	left := container.New(layout.NewFormLayout(),
		boldLabel("feedback.wizard.file"), widget.NewLabel(filepath.Base(pv.File)+"  ("+sizeText(pv.Size)+")"),
		boldLabel("feedback.wizard.encoding"), encodingRow,
		boldLabel("feedback.wizard.delimiter"), container.NewHBox(widgets.FixedWidth(w.delimiter, 230), widgets.FixedWidth(w.headerRows, 60), widget.NewLabel(lang.L("feedback.wizard.header_rows"))),
	)
	right := container.New(layout.NewFormLayout(),
		boldLabel("feedback.wizard.format"), widget.NewLabel(format),
		boldLabel("feedback.wizard.dates"), widget.NewLabel(dates),
	)

	w.dateOrder = widget.NewRadioGroup([]string{lang.L("feedback.wizard.dmy"), lang.L("feedback.wizard.mdy")}, func(string) {
		switch w.dateOrder.Selected {
		case lang.L("feedback.wizard.dmy"):
			w.opt.DateOrder = importer.DMY
		case lang.L("feedback.wizard.mdy"):
			w.opt.DateOrder = importer.MDY
		}
	})
	w.dateOrder.Horizontal = true
	if pv.DateAmbiguous {
		hint := widget.NewLabel(lang.L("feedback.wizard.date_order_required"))
		hint.Importance = widget.WarningImportance
		hint.Wrapping = fyne.TextWrapWord
		right.Add(boldLabel("feedback.wizard.date_order"))
		right.Add(container.NewVBox(w.dateOrder, hint))
	}

	w.fileDate = widget.NewDateEntry()
	if !w.opt.FileDate.IsZero() {
		d := w.opt.FileDate
		w.fileDate.SetDate(&d)
	}
	fileDateHint := widget.NewLabel(lang.L("complaints.wizard.file_date_required"))
	fileDateHint.Importance = widget.WarningImportance
	fileDateHint.Wrapping = fyne.TextWrapWord
	w.fileDateRow = container.NewVBox(
		container.NewHBox(boldLabel("complaints.wizard.file_date"), widgets.FixedWidth(w.fileDate, 180)),
		fileDateHint)

	choices := []string{lang.L("feedback.wizard.not_imported")}
	for i, c := range pv.Columns {
		if c == "" {
			c = "#" + strconv.Itoa(i+1)
		}
		choices = append(choices, c)
	}
	w.mapping = map[importer.Field]*widget.Select{}
	mapGrid := container.New(layout.NewGridLayoutWithColumns(4))
	for _, f := range pv.Fields {
		sel := widget.NewSelect(choices, nil)
		sel.SetSelectedIndex(0)
		if name, ok := pv.Mapping[f]; ok {
			for i, c := range pv.Columns {
				if c == name {
					sel.SetSelectedIndex(i + 1)
					break
				}
			}
		}
		sel.OnChanged = func(string) { w.updateFileDateRow() }
		w.mapping[f] = sel
		mapGrid.Add(widget.NewLabelWithStyle(lang.L("complaints.import_field."+string(f)), fyne.TextAlignTrailing, fyne.TextStyle{}))
		mapGrid.Add(sel)
	}
	w.updateFileDateRow()

	w.strict = widget.NewCheck(lang.L("feedback.wizard.strict"), func(on bool) { w.opt.Strict = on })
	w.strict.SetChecked(w.opt.Strict)

	top := container.NewVBox(
		container.NewGridWithColumns(2, left, right),
		w.fileDateRow,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("feedback.wizard.mapping"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		mapGrid,
		widget.NewSeparator(),
	)
	bottom := container.NewVBox(w.strict, w.message)
	if pv.EventLog {
		l := widget.NewLabel(lang.L("complaints.wizard.event_log"))
		l.Wrapping = fyne.TextWrapWord
		bottom.Add(l)
	}
	for _, warning := range pv.Warnings {
		l := widget.NewLabel(widgets.Translated(warning.Code, warning.Args, warning.Text))
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		bottom.Add(l)
	}
	// The sample takes the height left; the table scrolls on its own.
	content := container.NewBorder(top, bottom, nil, nil, w.sampleTable())
	cancel := widget.NewButton(lang.L("feedback.wizard.cancel"), w.close)
	w.startBtn = widget.NewButtonWithIcon(lang.L("feedback.wizard.start"), theme.UploadIcon(), w.start)
	w.startBtn.Importance = widget.HighImportance
	w.open(content, cancel, w.startBtn)
}

// reinspect reads the file again after an option that changes how it is
// parsed; column names may change, so the mapping is detected afresh.
func (w *importWizard) reinspect() {
	w.opt.Mapping = nil
	w.inspect()
}

func (w *importWizard) needsFileDate() bool {
	sel := w.mapping[importer.FieldOpened]
	return w.pv.NeedsFileDate || sel == nil || sel.SelectedIndex() <= 0
}

func (w *importWizard) updateFileDateRow() {
	if w.needsFileDate() {
		w.fileDateRow.Show()
	} else {
		w.fileDateRow.Hide()
	}
}

func (w *importWizard) sampleTable() fyne.CanvasObject {
	pv := w.pv
	t := widget.NewTable(
		func() (int, int) { return len(pv.Sample), len(pv.Columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			text := ""
			if row := pv.Sample[id.Row]; id.Col < len(row) {
				text = singleLine(row[id.Col])
			}
			o.(*widget.Label).SetText(text)
		})
	t.ShowHeaderRow = true
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(pv.Columns) {
			o.(*widget.Label).SetText(pv.Columns[id.Col])
			o.(*widget.Label).TextStyle.Bold = true
		}
	}
	for i := range pv.Columns {
		t.SetColumnWidth(i, 140)
	}
	return t
}

// options returns the import options from the preview's fields, or the
// message of the first required choice left open.
func (w *importWizard) options() (importer.Options, string) {
	opt := w.opt
	opt.Encoding = w.pv.Encoding
	opt.Delimiter = w.pv.Delimiter
	opt.HeaderRows = w.pv.HeaderRows
	opt.Format = w.pv.Format
	opt.Mapping = map[importer.Field]string{}
	for f, sel := range w.mapping {
		opt.Mapping[f] = ""
		if i := sel.SelectedIndex(); i > 0 {
			opt.Mapping[f] = "#" + strconv.Itoa(i) // by position: headers may repeat
		}
	}
	if w.pv.DateAmbiguous && opt.DateOrder == importer.DateAuto {
		return opt, lang.L("feedback.wizard.date_order_required")
	}
	if w.needsFileDate() {
		if w.fileDate.Date == nil {
			return opt, lang.L("complaints.wizard.file_date_required")
		}
		y, m, d := w.fileDate.Date.Date()
		opt.FileDate = time.Date(y, m, d, 12, 0, 0, 0, w.s.deps.Store.Location())
	}
	return opt, ""
}

func (w *importWizard) start() {
	opt, problem := w.options()
	if problem != "" {
		w.message.SetText(problem)
		w.message.Show()
		return
	}
	w.opt = opt
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel

	w.progress = widget.NewProgressBar()
	w.progressText = widget.NewLabel("")
	cancelBtn := widget.NewButton(lang.L("feedback.wizard.cancel"), cancel)
	w.open(container.NewVBox(layout.NewSpacer(), widget.NewLabel(filepath.Base(w.path)), w.progress, w.progressText, layout.NewSpacer()), cancelBtn)

	s := w.s
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		defer cancel()
		var last time.Time
		res, err := importer.ImportComplaints(ctx, s.deps.Store, w.path, opt, func(p importer.Progress) {
			if time.Since(last) < progressInterval && p.Bytes < p.TotalBytes {
				return
			}
			last = time.Now()
			widgets.Do(func() { w.showProgress(p) })
			if w.onProgress != nil {
				w.onProgress(p)
			}
		})
		cancelled := ctx.Err() != nil && !res.Committed
		widgets.Do(func() { w.finish(res, err, cancelled) })
	})
}

func (w *importWizard) showProgress(p importer.Progress) {
	if p.TotalBytes > 0 {
		w.progress.SetValue(float64(p.Bytes) / float64(p.TotalBytes))
	}
	w.progressText.SetText(lang.LocalizePluralKey("feedback.wizard.rows_read", "{{.Count}} rows read", p.Rows,
		map[string]any{"Count": widgets.Int(int64(p.Rows))}) + " · " + sizeText(p.Bytes) + " / " + sizeText(p.TotalBytes))
}

func (w *importWizard) finish(res importer.Result, err error, cancelled bool) {
	w.result, w.err, w.cancelled = &res, err, cancelled
	closeBtn := widget.NewButton(lang.L("feedback.wizard.close"), w.close)
	closeBtn.Importance = widget.HighImportance
	if cancelled || errors.Is(err, context.Canceled) {
		w.cancelled = true
		title := widget.NewLabelWithStyle(lang.L("feedback.wizard.cancelled_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w.open(container.NewVBox(title, widget.NewLabel(lang.L("feedback.wizard.cancelled"))), closeBtn)
		return
	}
	if err != nil && !errors.Is(err, importer.ErrStrict) {
		w.close()
		w.s.showError(err)
		return
	}

	lines := container.NewVBox()
	if err != nil { // strict mode: the rejects say why nothing was imported
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		lines.Add(l)
	}
	lines.Add(countLabel("complaints.wizard.imported", res.Imported, widget.SuccessImportance))
	if res.Duplicates > 0 {
		lines.Add(countLabel("feedback.wizard.duplicates", res.Duplicates, widget.MediumImportance))
	}
	if res.Rejected > 0 {
		lines.Add(countLabel("feedback.wizard.rejected", res.Rejected, widget.WarningImportance))
	}
	for _, warning := range res.Warnings {
		l := widget.NewLabel(widgets.Translated(warning.Code, warning.Args, warning.Text))
		l.Wrapping = fyne.TextWrapWord
		lines.Add(l)
	}
	content := fyne.CanvasObject(lines)
	if len(res.Rejects) > 0 {
		content = container.NewBorder(lines, w.rejectsFileLabel(res), nil, nil, rejectsTable(res.Rejects))
	}
	w.open(content, closeBtn)
	if res.Committed {
		w.s.afterChange()
	}
}

func (w *importWizard) rejectsFileLabel(res importer.Result) fyne.CanvasObject {
	if res.RejectsFile == "" {
		return nil
	}
	l := widget.NewLabel(lang.L("feedback.wizard.rejects_file", map[string]any{"Path": res.RejectsFile}))
	l.Wrapping = fyne.TextWrapBreak
	return l
}

func rejectsTable(rejects []importer.Reject) fyne.CanvasObject {
	if len(rejects) > shownRejects {
		rejects = rejects[:shownRejects]
	}
	headers := []string{lang.L("feedback.wizard.reject.row"), lang.L("feedback.wizard.reject.column"),
		lang.L("feedback.wizard.reject.value"), lang.L("feedback.wizard.reject.reason")}
	t := widget.NewTable(
		func() (int, int) { return len(rejects), 4 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := rejects[id.Row]
			text := [...]string{widgets.Int(int64(r.Row)), r.Column, singleLine(r.Value), widgets.Translated(r.Code, r.Args, r.Reason)}[id.Col]
			o.(*widget.Label).SetText(text)
		})
	t.ShowHeaderRow = true
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(headers[id.Col])
			o.(*widget.Label).TextStyle.Bold = true
		}
	}
	for i, width := range []float32{70, 140, 200, 400} {
		t.SetColumnWidth(i, width)
	}
	return t
}

func countLabel(key string, n int, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(lang.LocalizePluralKey(key, key, n, map[string]any{"Count": widgets.Int(int64(n))}))
	l.Importance = imp
	l.TextStyle.Bold = true
	return l
}

// sizeText formats a byte count for people: 840 B, 12.5 KB, 3.1 MB.
func sizeText(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%s B", widgets.Int(n))
	case n < 1024*1024:
		return widgets.Num(float64(n)/1024, 1) + " KB"
	default:
		return widgets.Num(float64(n)/(1024*1024), 1) + " MB"
	}
}
