package widgets

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// ImportAdapter connects the wizard to one kind of import: the screen
// supplies the importer calls and the words that differ between kinds.
// The wizard takes the importer's preview and result as they are (their
// types are data's) and translates their messages when it shows them.
type ImportAdapter struct {
	Title            string           // the dialog's title
	ImportedKey      string           // plural translation key of "{{.Count}} … imported"
	FileDateLabel    string           // the date asked for a file without dates
	FileDateRequired string           // why that date is needed
	DateField        data.ImportField // the field that, left unmapped, asks for the file date; "" = never asked
	FieldName        func(data.ImportField) string
	Encodings        []string
	Location         *time.Location // the department's zone: of the file date and of dates without one

	Inspect func(path string, opt data.ImportOptions) (*data.ImportPreview, error)
	Import  func(ctx context.Context, path string, opt data.ImportOptions, progress func(data.ImportProgress)) (data.ImportResult, error)

	ShowError func(error)
	Imported  func() // after a committed import
	Closed    func() // the wizard is gone (closed, or the file unreadable)
}

// progressInterval throttles progress updates so a fast import is not
// slowed down by redrawing.
const progressInterval = 100 * time.Millisecond

// shownRejects is how many bad rows the result lists.
const shownRejects = 50

var delimiters = []struct {
	r   rune
	key string
}{{',', "importwizard.delim.comma"}, {';', "importwizard.delim.semicolon"}, {'\t', "importwizard.delim.tab"}, {'|', "importwizard.delim.pipe"}}

// PickImportFile asks for a CSV, TSV or XLSX file and passes its path on.
func PickImportFile(win fyne.Window, showError func(error), picked func(path string)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err)
			return
		}
		if r == nil {
			return // the user closed the dialog
		}
		path := r.URI().Path()
		r.Close()
		picked(path)
	}, win)
	// ".xls": Excel 97-2003 workbooks (1C), and the HTML tables (Bitrix24,
	// Jira) and Excel 2003 XML (older web and .NET tools) saved so.
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods", ".json", ".jsonl", ".ndjson", ".xml", ".htm", ".html", ".zip", ".gz"}))
	fd.Resize(fyne.NewSize(800, 560))
	ShowFileDialog(win, fd)
}

// DateLayoutText is the importer's description of a date column in the
// UI's language: its pattern ("dd.mm.yyyy HH:MM") as it is, its words
// translated.
func DateLayoutText(layout string) string {
	if layout == "" {
		return lang.L("importwizard.dates_none")
	}
	return strings.NewReplacer(
		data.DateLayoutExcel, lang.L("importwizard.dates.excel"),
		data.DateLayoutUnixMillis, lang.L("importwizard.dates.unix_millis"),
		data.DateLayoutUnixSecs, lang.L("importwizard.dates.unix_secs"),
		data.DateLayoutOr, " "+lang.L("importwizard.dates.or")+" ",
		data.DateLayoutWithZone, " "+lang.L("importwizard.dates.with_zone"),
	).Replace(layout)
}

// FormatLabel is a detected layout as the user knows it ("Google Forms",
// "ServiceNow"), not its id ("google-forms"); an id without a name is
// shown as it is.
func FormatLabel(id string) string {
	if id == "" || id == data.ImportFormatGeneric {
		return lang.L("importwizard.format.generic")
	}
	key := "importwizard.format." + id
	if name := lang.L(key); name != key {
		return name
	}
	return id
}

// ImportWizard walks the user from a file to imported rows: preview and
// mapping, progress with cancel, then the result.
type ImportWizard struct {
	win  fyne.Window
	a    ImportAdapter
	path string
	opt  data.ImportOptions
	pv   *data.ImportPreview

	dlg         *dialog.CustomDialog
	body        *fyne.Container // the current step
	restoreKeys func()          // the window's key handler before the wizard

	// preview step
	sheet       *widget.Select // the workbook's sheets, when it has several
	encoding    *widget.Select
	delimiter   *widget.Select
	headerRows  *widget.Select
	dateOrder   *widget.RadioGroup
	fileDate    *DateEntry
	fileDateRow *fyne.Container
	mapping     map[data.ImportField]*widget.Select
	mapScroll   *container.Scroll // the mapping, when it scrolls
	strict      *widget.Check
	message     *widget.Label
	startBtn    *widget.Button

	// progress step
	progress     *widget.ProgressBar
	progressText *widget.Label
	cancel       context.CancelFunc
	// OnProgress, if set, is called off the UI goroutine after each
	// progress update.
	OnProgress func(data.ImportProgress)

	result    *data.ImportResult
	err       error // the import's error, if it failed or was cancelled
	cancelled bool
}

// OpenImportWizard reads the head of the file off the UI goroutine and
// opens the wizard on what it found.
func OpenImportWizard(win fyne.Window, path string, a ImportAdapter) *ImportWizard {
	w := &ImportWizard{win: win, a: a, path: path, opt: data.ImportOptions{Location: a.Location}}
	w.inspect()
	return w
}

// Preview is what the file's head showed, nil until it was read.
func (w *ImportWizard) Preview() *data.ImportPreview { return w.pv }

// Result is the finished import's result and error; nil, nil before.
func (w *ImportWizard) Result() (*data.ImportResult, error) { return w.result, w.err }

// Cancelled says whether the user cancelled the import.
func (w *ImportWizard) Cancelled() bool { return w.cancelled }

// Content is the current step's content.
func (w *ImportWizard) Content() fyne.CanvasObject { return w.body }

// Problem is the message shown against starting, "" when none.
func (w *ImportWizard) Problem() string {
	if w.message == nil || !w.message.Visible() {
		return ""
	}
	return w.message.Text
}

// AsksFileDate says whether the preview asks for the file's date.
func (w *ImportWizard) AsksFileDate() bool { return w.fileDateRow != nil && w.fileDateRow.Visible() }

// mappingRowsShown is how many rows of field pairs the mapping shows
// before it scrolls: a ticket layout has twenty fields, and the sample
// table below must keep room on a 720-pixel screen.
const mappingRowsShown = 5

// mappingScroll shows the mapping grid (two field/column pairs a row),
// scrolling when it has more than shown rows; scroll is nil when it
// does not.
func mappingScroll(grid *fyne.Container, fields, shown int) (view fyne.CanvasObject, scroll *container.Scroll) {
	rows := (fields + 1) / 2
	if rows <= shown {
		return grid, nil
	}
	scroll = container.NewVScroll(grid)
	setRowsShown(scroll, shown)
	return scroll, scroll
}

// setRowsShown makes a mapping scroll as tall as rows rows of selects.
func setRowsShown(scroll *container.Scroll, rows int) {
	rowHeight := widget.NewSelect([]string{"x"}, nil).MinSize().Height + theme.Padding()
	scroll.SetMinSize(fyne.NewSize(0, float32(rows)*rowHeight))
}

// warningLines is how many lines of the preview's warnings show when
// there are several; the rest scroll, so the sample table keeps its rows
// on a 720-pixel screen.
const warningLines = 3

// warningsArea lists the preview's warnings: one as it is, several in a
// strip warningLines high that scrolls.
func warningsArea(warnings []fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(warnings...)
	if len(warnings) <= 1 {
		return box
	}
	scroll := container.NewVScroll(box)
	line := widget.NewLabel("x").MinSize().Height - 2*theme.InnerPadding() // a wrapped line, without the label's padding
	scroll.SetMinSize(fyne.NewSize(0, warningLines*line+2*theme.InnerPadding()))
	return scroll
}

// MappedColumn is the column the mapping reads field from, "" when none.
func (w *ImportWizard) MappedColumn(field data.ImportField) string {
	if sel := w.mapping[field]; sel != nil && sel.SelectedIndex() > 0 {
		return sel.Selected
	}
	return ""
}

// Start imports with the preview's choices, as the Import button does.
func (w *ImportWizard) Start() { w.start() }

// Cancel stops a running import, as its Cancel button does.
func (w *ImportWizard) Cancel() {
	if w.cancel != nil {
		w.cancel()
	}
}

// Close closes the wizard.
func (w *ImportWizard) Close() {
	if w.dlg != nil {
		w.restoreKeys()
		w.dlg.Hide()
	}
	w.a.Closed()
}

// escape does what Escape means at each step: stop a running import (it
// rolls back, as with the Cancel button), else close the wizard.
func (w *ImportWizard) escape() {
	if w.cancel != nil && w.result == nil {
		w.cancel()
		return
	}
	w.Close()
}

// inspect reads the file with the current options off the UI goroutine
// and shows what it found.
func (w *ImportWizard) inspect() {
	opt := w.opt
	Go(func() {
		pv, err := w.a.Inspect(w.path, opt)
		Do(func() {
			if err != nil {
				if w.dlg == nil {
					w.a.ShowError(err) // nothing to show yet: the file is unreadable
					w.a.Closed()
					return
				}
				text, ok := RefusalText(err) // translated, unlike err's own text
				if !ok {
					text = err.Error()
				}
				w.message.SetText(text)
				w.message.Show()
				return
			}
			w.pv = pv
			w.showPreview()
		})
	})
}

func (w *ImportWizard) open(content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	if w.dlg == nil {
		w.body = container.NewStack()
		w.dlg = dialog.NewCustomWithoutButtons(w.a.Title, w.body, w.win)
		size := w.win.Canvas().Size()
		w.dlg.Resize(fyne.NewSize(min(1000, size.Width-40), min(680, size.Height-20)))
		w.restoreKeys = EscapeCloses(w.win, w.escape)
	}
	w.body.Objects = []fyne.CanvasObject{content}
	w.body.Refresh()
	w.dlg.SetButtons(buttons)
	w.dlg.Show()
}

func (w *ImportWizard) showPreview() {
	pv := w.pv
	w.message = widget.NewLabel("")
	w.message.Importance = widget.DangerImportance
	w.message.Wrapping = fyne.TextWrapWord
	w.message.Hide()

	w.encoding = widget.NewSelect(w.a.Encodings, nil)
	w.encoding.SetSelected(pv.Encoding)
	if pv.Encoding == "" {
		// A workbook's or a web page's text carries its own encoding.
		w.encoding.PlaceHolder = lang.L("importwizard.encoding_from_file")
		w.encoding.Disable()
	}
	w.encoding.OnChanged = func(enc string) {
		w.opt.Encoding = enc
		w.reinspect()
	}
	encodingRow := fyne.CanvasObject(w.encoding)
	if !pv.EncodingSure {
		warn := widget.NewIcon(theme.WarningIcon())
		hint := widget.NewLabel(lang.L("importwizard.encoding_unsure"))
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
		w.delimiter.PlaceHolder = lang.L("importwizard.delimiter_none")
		w.delimiter.Disable() // a spreadsheet has cells, not delimiters
	}

	w.headerRows = widget.NewSelect([]string{"1", "2", "3"}, nil)
	w.headerRows.SetSelected(strconv.Itoa(pv.HeaderRows))
	w.headerRows.OnChanged = func(v string) {
		w.opt.HeaderRows, _ = strconv.Atoi(v)
		w.reinspect()
	}

	format := FormatLabel(pv.Format)
	dates := DateLayoutText(pv.DateLayout)

	left := container.New(layout.NewFormLayout(),
		FormLabel(lang.L("importwizard.file")), widget.NewLabel(filepath.Base(pv.File)+"  ("+SizeText(pv.Size)+")"),
		FormLabel(lang.L("importwizard.encoding")), encodingRow,
		FormLabel(lang.L("importwizard.delimiter")), container.NewHBox(FixedWidth(w.delimiter, 230), FixedWidth(w.headerRows, 60), widget.NewLabel(lang.L("importwizard.header_rows"))),
	)
	right := container.New(layout.NewFormLayout(),
		FormLabel(lang.L("importwizard.format")), widget.NewLabel(format),
		FormLabel(lang.L("importwizard.dates")), widget.NewLabel(dates),
	)
	if len(pv.Sheets) > 1 {
		// The importer took the sheet that maps the most fields; a
		// summary may still have won over the answers. The choice goes
		// in the right column's free row, so the sample keeps its room.
		w.sheet = widget.NewSelect(pv.Sheets, nil)
		w.sheet.SetSelected(pv.Sheet)
		w.sheet.OnChanged = func(name string) {
			w.opt.Sheet = name
			w.reinspect()
		}
		right.Add(FormLabel(lang.L("importwizard.sheet")))
		right.Add(w.sheet)
	}

	dayFirst, monthFirst := lang.L("importwizard.dmy"), lang.L("importwizard.mdy")
	w.dateOrder = widget.NewRadioGroup([]string{dayFirst, monthFirst}, func(string) {
		switch w.dateOrder.Selected {
		case dayFirst:
			w.opt.DateOrder = data.DateOrderDMY
		case monthFirst:
			w.opt.DateOrder = data.DateOrderMDY
		}
	})
	w.dateOrder.Horizontal = true
	if pv.DateAmbiguous {
		hint := widget.NewLabel(lang.L("importwizard.date_order_required"))
		hint.Importance = widget.WarningImportance
		hint.Wrapping = fyne.TextWrapWord
		right.Add(FormLabel(lang.L("importwizard.date_order")))
		right.Add(container.NewVBox(w.dateOrder, hint))
	}

	w.fileDate = NewDateEntry()
	if !w.opt.FileDate.IsZero() {
		d := w.opt.FileDate
		w.fileDate.SetDate(&d)
	}
	fileDateHint := widget.NewLabel(w.a.FileDateRequired)
	fileDateHint.Importance = widget.WarningImportance
	fileDateHint.Wrapping = fyne.TextWrapWord
	w.fileDateRow = container.NewVBox(
		container.NewHBox(FormLabel(w.a.FileDateLabel), FixedWidth(w.fileDate, 180)),
		fileDateHint)

	choices := []string{lang.L("importwizard.not_imported")}
	for i, c := range pv.Columns {
		if c == "" {
			c = "#" + strconv.Itoa(i+1)
		}
		choices = append(choices, c)
	}
	w.mapping = map[data.ImportField]*widget.Select{}
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
		mapGrid.Add(widget.NewLabelWithStyle(w.a.FieldName(f), fyne.TextAlignTrailing, fyne.TextStyle{}))
		mapGrid.Add(sel)
	}
	var mapView fyne.CanvasObject
	mapView, w.mapScroll = mappingScroll(mapGrid, len(pv.Fields), mappingRowsShown)
	w.updateFileDateRow()

	w.strict = widget.NewCheck(lang.L("importwizard.strict"), func(on bool) { w.opt.Strict = on })
	w.strict.SetChecked(w.opt.Strict)

	top := container.NewVBox(
		container.NewGridWithColumns(2, left, right),
		w.fileDateRow,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("importwizard.mapping"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		mapView,
		widget.NewSeparator(),
	)
	var warnings []fyne.CanvasObject
	for _, m := range pv.Warnings {
		l := widget.NewLabel(Translated(m.Code, m.Args, m.Text))
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		warnings = append(warnings, l)
	}
	bottom := container.NewVBox(w.strict, w.message, warningsArea(warnings))
	// The sample takes the height left; the table scrolls on its own.
	content := container.NewBorder(top, bottom, nil, nil, w.sampleTable())
	cancel := widget.NewButton(lang.L("importwizard.cancel"), w.Close)
	w.startBtn = widget.NewButtonWithIcon(lang.L("importwizard.start"), theme.UploadIcon(), w.start)
	w.startBtn.Importance = widget.HighImportance
	w.open(content, cancel, w.startBtn)
}

// reinspect reads the file again after an option that changes how it is
// parsed; column names may change, so the mapping is detected afresh.
func (w *ImportWizard) reinspect() {
	w.opt.Mapping = nil
	w.inspect()
}

// needsFileDate reports whether the import needs one date for the whole
// file: no column gives the rows' dates, whether the importer found none
// (until the user chooses one) or the user took its choice away.
func (w *ImportWizard) needsFileDate() bool {
	if w.a.DateField == "" {
		return w.pv.NeedsFileDate // the rows carry their own dates, if any (team files)
	}
	if sel := w.mapping[w.a.DateField]; sel != nil && sel.SelectedIndex() > 0 {
		return false
	}
	_, detected := w.pv.Mapping[w.a.DateField]
	return w.pv.NeedsFileDate || detected
}

func (w *ImportWizard) updateFileDateRow() {
	shown := mappingRowsShown
	if w.needsFileDate() {
		w.fileDateRow.Show()
		// The date row and its hint take two rows of the mapping's
		// room: the sample below keeps its own.
		shown -= 2
	} else {
		w.fileDateRow.Hide()
	}
	if w.mapScroll != nil {
		setRowsShown(w.mapScroll, shown)
		if w.body != nil {
			w.body.Refresh() // lays the preview out again for the new heights
		}
	}
}

func (w *ImportWizard) sampleTable() fyne.CanvasObject {
	pv := w.pv
	t := widget.NewTable(
		func() (int, int) { return len(pv.Sample), len(pv.Columns) },
		truncatedLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			text := ""
			if row := pv.Sample[id.Row]; id.Col < len(row) {
				text = SingleLine(row[id.Col])
			}
			o.(*widget.Label).SetText(text)
		})
	setHeaders(t, pv.Columns)
	for i := range pv.Columns {
		t.SetColumnWidth(i, 140)
	}
	return t
}

// options returns the import options from the preview's fields, or the
// message of the first required choice left open.
func (w *ImportWizard) options() (data.ImportOptions, string) {
	opt := w.opt
	opt.Encoding = w.pv.Encoding
	opt.Delimiter = w.pv.Delimiter
	opt.HeaderRows = w.pv.HeaderRows
	opt.Format = w.pv.Format
	opt.Mapping = map[data.ImportField]string{}
	for f, sel := range w.mapping {
		opt.Mapping[f] = ""
		if i := sel.SelectedIndex(); i > 0 {
			opt.Mapping[f] = "#" + strconv.Itoa(i) // by position: headers may repeat
		}
	}
	if w.pv.DateAmbiguous && opt.DateOrder == "" {
		return opt, lang.L("importwizard.date_order_required")
	}
	if w.needsFileDate() {
		if w.fileDate.Date == nil {
			return opt, w.a.FileDateRequired
		}
		y, m, d := w.fileDate.Date.Date()
		opt.FileDate = time.Date(y, m, d, 12, 0, 0, 0, w.a.Location)
	}
	return opt, ""
}

func (w *ImportWizard) start() {
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
	cancelBtn := widget.NewButton(lang.L("importwizard.cancel"), cancel)
	w.open(container.NewVBox(layout.NewSpacer(), widget.NewLabel(filepath.Base(w.path)), w.progress, w.progressText, layout.NewSpacer()), cancelBtn)

	Go(func() {
		defer cancel()
		var last time.Time
		res, err := w.a.Import(ctx, w.path, opt, func(p data.ImportProgress) {
			if time.Since(last) < progressInterval && p.Bytes < p.TotalBytes {
				return
			}
			last = time.Now()
			Do(func() { w.showProgress(p) })
			if w.OnProgress != nil {
				w.OnProgress(p)
			}
		})
		cancelled := ctx.Err() != nil && !res.Committed
		Do(func() { w.finish(res, err, cancelled) })
	})
}

func (w *ImportWizard) showProgress(p data.ImportProgress) {
	if p.TotalBytes > 0 {
		w.progress.SetValue(float64(p.Bytes) / float64(p.TotalBytes))
	}
	w.progressText.SetText(lang.LocalizePluralKey("importwizard.rows_read", "{{.Count}} rows read", p.Rows,
		map[string]any{"Count": Int(int64(p.Rows))}) + " · " + SizeText(p.Bytes) + " / " + SizeText(p.TotalBytes))
}

func (w *ImportWizard) finish(res data.ImportResult, err error, cancelled bool) {
	w.result, w.err, w.cancelled = &res, err, cancelled
	closeBtn := widget.NewButton(lang.L("importwizard.close"), w.Close)
	closeBtn.Importance = widget.HighImportance
	if cancelled || errors.Is(err, context.Canceled) {
		w.cancelled = true
		title := widget.NewLabelWithStyle(lang.L("importwizard.cancelled_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w.open(container.NewVBox(title, widget.NewLabel(lang.L("importwizard.cancelled"))), closeBtn)
		return
	}
	if err != nil && !errors.Is(err, data.ErrStrictImport) {
		w.Close()
		w.a.ShowError(err)
		return
	}

	lines := container.NewVBox()
	if err != nil { // strict mode: the rejects say why nothing was imported
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		lines.Add(l)
	}
	lines.Add(countLabel(w.a.ImportedKey, res.Imported, widget.SuccessImportance))
	if res.Duplicates > 0 {
		lines.Add(countLabel("importwizard.duplicates", res.Duplicates, widget.MediumImportance))
	}
	if res.Skipped > 0 {
		lines.Add(countLabel("importwizard.skipped", res.Skipped, widget.MediumImportance))
	}
	if res.Rejected > 0 {
		lines.Add(countLabel("importwizard.rejected", res.Rejected, widget.WarningImportance))
	}
	for _, m := range res.Warnings {
		l := widget.NewLabel(Translated(m.Code, m.Args, m.Text))
		l.Wrapping = fyne.TextWrapWord
		lines.Add(l)
	}
	content := fyne.CanvasObject(lines)
	if len(res.Rejects) > 0 {
		content = container.NewBorder(lines, rejectsFileLabel(res), nil, nil, rejectsTable(res.Rejects))
	}
	w.open(content, closeBtn)
	if res.Committed {
		w.a.Imported()
	}
}

// openFile opens a file with the program the system gives its kind (a
// spreadsheet for the rejects CSV); tests replace it.
var openFile = func(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(u)
}

// rejectsFileLabel names the rejects file, with a button that opens it:
// the manager fixes the rows there and imports them again.
func rejectsFileLabel(res data.ImportResult) fyne.CanvasObject {
	if res.RejectsFile == "" {
		return nil
	}
	l := widget.NewLabel(lang.L("importwizard.rejects_file", map[string]any{"Path": res.RejectsFile}))
	l.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("importwizard.open_rejects"), theme.FileIcon(), func() {
		if err := openFile(res.RejectsFile); err != nil {
			fyne.LogError("open the rejects file", err)
		}
	})
	return container.NewBorder(nil, nil, nil, open, l)
}

func rejectsTable(rejects []data.ImportReject) fyne.CanvasObject {
	if len(rejects) > shownRejects {
		rejects = rejects[:shownRejects]
	}
	t := widget.NewTable(
		func() (int, int) { return len(rejects), 4 },
		truncatedLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := rejects[id.Row]
			text := [...]string{Int(int64(r.Row)), r.Column, SingleLine(r.Value), Translated(r.Code, r.Args, r.Reason)}[id.Col]
			o.(*widget.Label).SetText(text)
		})
	setHeaders(t, []string{lang.L("importwizard.reject.row"), lang.L("importwizard.reject.column"),
		lang.L("importwizard.reject.value"), lang.L("importwizard.reject.reason")})
	for i, width := range []float32{70, 140, 200, 400} {
		t.SetColumnWidth(i, width)
	}
	return t
}

func truncatedLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// setHeaders shows bold column names in t's header row, cut with an
// ellipsis: a long survey question ran over the next columns' names.
func setHeaders(t *widget.Table, names []string) {
	t.ShowHeaderRow = true
	t.CreateHeader = truncatedLabel
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(names) {
			o.(*widget.Label).SetText(names[id.Col])
			o.(*widget.Label).TextStyle.Bold = true
		}
	}
}

func countLabel(key string, n int, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(lang.LocalizePluralKey(key, key, n, map[string]any{"Count": Int(int64(n))}))
	l.Importance = imp
	l.TextStyle.Bold = true
	return l
}

// SizeText formats a byte count for people, in the UI's language: 840 B,
// 12.5 KB, 3.1 MB; «12,5 КБ» in Russian.
func SizeText(n int64) string {
	switch {
	case n < 1024:
		return lang.L("size.bytes", map[string]any{"N": Int(n)})
	case n < 1024*1024:
		return lang.L("size.kb", map[string]any{"N": Num(float64(n)/1024, 1)})
	default:
		return lang.L("size.mb", map[string]any{"N": Num(float64(n)/(1024*1024), 1)})
	}
}
