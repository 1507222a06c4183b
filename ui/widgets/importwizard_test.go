package widgets

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/data"
)

// shownTexts lists the texts of the visible labels under o, table cells
// included.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, ch := range test.WidgetRenderer(w).Objects() {
				walk(ch)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
		}
	}
	walk(o)
	return out
}

// wizardWindow is a test app's window for a wizard, in English.
func wizardWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	SetLang("en")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	return win
}

// previewWizard opens a wizard on path whose preview inspect gives and
// whose import gives result.
func previewWizard(t *testing.T, win fyne.Window, path string, inspect func(string, data.ImportOptions) (*data.ImportPreview, error), result data.ImportResult) *ImportWizard {
	t.Helper()
	a := ImportAdapter{
		Title: "Import", ImportedKey: "importwizard.rejected", DateField: "opened", FileDateRequired: "give the file's date",
		FieldName: func(f data.ImportField) string { return string(f) },
		Encodings: []string{"utf-8"},
		Inspect:   inspect,
		Import: func(context.Context, string, data.ImportOptions, func(data.ImportProgress)) (data.ImportResult, error) {
			return result, nil
		},
		ShowError: func(err error) { t.Error(err) },
		Imported:  func() {},
		Closed:    func() {},
	}
	var w *ImportWizard
	Do(func() { w = OpenImportWizard(win, path, a) })
	WaitIdle()
	return w
}

// The wizard shows the importer's preview and result as they come: it
// translates their messages and reject reasons, adds the adapter's note on
// an event log, passes the department's zone to both calls, and shows a
// strict import's refusal as a result, not as a failure.
func TestImportWizardTranslatesTheImportersMessages(t *testing.T) {
	win := wizardWindow(t)
	zone := time.FixedZone("MSK", 3*3600)
	encodingGuess := data.ImportMessage{Code: "import.warning.encoding_guess",
		Args: map[string]any{"Encoding": "windows-1251", "Other": "cp850"}, Text: "encoding guessed"}
	notScore := data.ImportReject{Row: 3, Column: "Score", Value: "eleven", Reason: "not a score", Code: "import.reject.not_score"}
	var zones []*time.Location
	var shownErrors []error
	a := ImportAdapter{
		Title:       "Import",
		ImportedKey: "importwizard.rejected", // any plural key: the count line is not what is tested
		DateField:   "opened",
		FieldName:   func(f data.ImportField) string { return "field " + string(f) },
		Encodings:   []string{"utf-8", "windows-1251"},
		Location:    zone,
		Inspect: func(path string, opt data.ImportOptions) (*data.ImportPreview, error) {
			zones = append(zones, opt.Location)
			return &data.ImportPreview{File: path, Encoding: "windows-1251", EncodingSure: true, Delimiter: ';', HeaderRows: 1,
				Format: data.ImportFormatGeneric, Columns: []string{"Opened", "Score"}, Sample: [][]string{{"2025-03-05", "eleven"}},
				Fields: []data.ImportField{"opened", "score"}, Mapping: map[data.ImportField]string{"opened": "Opened", "score": "Score"},
				EventLog: true, Warnings: []data.ImportMessage{encodingGuess}}, nil
		},
		Import: func(_ context.Context, _ string, opt data.ImportOptions, _ func(data.ImportProgress)) (data.ImportResult, error) {
			zones = append(zones, opt.Location)
			return data.ImportResult{Rejected: 1, Rejects: []data.ImportReject{notScore}},
				fmt.Errorf("tickets.csv: %w (1 invalid rows)", data.ErrStrictImport)
		},
		ShowError: func(err error) { shownErrors = append(shownErrors, err) },
		Imported:  func() { t.Error("Imported called after a refused import") },
		Closed:    func() {},
	}
	var w *ImportWizard
	Do(func() { w = OpenImportWizard(win, "tickets.csv", a) })
	WaitIdle()
	var preview []string
	Do(func() { preview = shownTexts(w.Content()) })
	for _, want := range []string{
		lang.L("import.warning.encoding_guess", encodingGuess.Args),
		lang.L("importwizard.format.generic"),
	} {
		if !slices.Contains(preview, want) {
			t.Errorf("the preview does not show %q: %q", want, preview)
		}
	}
	if slices.Contains(preview, encodingGuess.Text) {
		t.Error("the preview shows the English fallback instead of the translation")
	}

	Do(w.Start)
	WaitIdle()
	res, err := w.Result()
	if res == nil || err == nil || len(shownErrors) > 0 {
		t.Fatalf("result %+v, err %v, shown as errors %v", res, err, shownErrors)
	}
	var result []string
	Do(func() { result = shownTexts(w.Content()) })
	if !slices.Contains(result, err.Error()) || !slices.Contains(result, lang.L("import.reject.not_score")) {
		t.Errorf("the result does not say why nothing was imported: %q", result)
	}
	if len(zones) != 2 || zones[0] != zone || zones[1] != zone {
		t.Errorf("zones passed to Inspect and Import: %v", zones)
	}
	Do(w.Close)
}

// A kind of import whose rows carry their own dates (a team file) names
// no date field: its wizard asks for no file date.
func TestImportWizardWithoutDateFieldAsksNoFileDate(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	a := ImportAdapter{
		FieldName: func(f data.ImportField) string { return string(f) },
		Inspect: func(path string, _ data.ImportOptions) (*data.ImportPreview, error) {
			return &data.ImportPreview{File: path, Encoding: "utf-8", EncodingSure: true, Delimiter: ';', HeaderRows: 1,
				Columns: []string{"Name"}, Fields: []data.ImportField{"name"}, Mapping: map[data.ImportField]string{"name": "Name"}}, nil
		},
		Closed: func() {},
	}
	var w *ImportWizard
	Do(func() { w = OpenImportWizard(win, "staff.csv", a) })
	WaitIdle()
	var asks bool
	Do(func() { asks = w.AsksFileDate() })
	if asks {
		t.Error("a file of employees is asked for a file date")
	}
	// A long column name is cut in its header cell, not drawn over the
	// next columns' names.
	var header fyne.CanvasObject
	Do(func() {
		for _, o := range test.LaidOutObjects(w.Content()) {
			if tb, ok := o.(*widget.Table); ok && tb.CreateHeader != nil {
				header = tb.CreateHeader()
			}
		}
	})
	if l, ok := header.(*widget.Label); !ok || l.Truncation != fyne.TextTruncateEllipsis {
		t.Errorf("the sample's header cell is %#v, want a label cut with an ellipsis", header)
	}
	Do(w.Close)
}

// Escape stops a running import (as its Cancel button does, so nothing is
// kept), and closes the wizard at any other step.
func TestImportWizardEscape(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	started := make(chan struct{})
	closed := 0
	a := ImportAdapter{
		FieldName: func(f data.ImportField) string { return string(f) },
		Inspect: func(path string, _ data.ImportOptions) (*data.ImportPreview, error) {
			return &data.ImportPreview{File: path, Encoding: "utf-8", EncodingSure: true, Delimiter: ';', HeaderRows: 1,
				Columns: []string{"Name"}, Fields: []data.ImportField{"name"}, Mapping: map[data.ImportField]string{"name": "Name"}}, nil
		},
		Import: func(ctx context.Context, _ string, _ data.ImportOptions, _ func(data.ImportProgress)) (data.ImportResult, error) {
			close(started)
			<-ctx.Done() // an import that runs until it is stopped
			return data.ImportResult{}, ctx.Err()
		},
		Closed: func() { closed++ },
	}
	escape := func() { Do(func() { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) }
	var w *ImportWizard
	Do(func() { w = OpenImportWizard(win, "staff.csv", a) })
	WaitIdle()
	Do(w.Start)
	<-started
	escape()
	WaitIdle()
	if !w.Cancelled() || closed != 0 {
		t.Fatalf("Escape during the import: cancelled %v, closed %d times; want a cancelled import with its result shown", w.Cancelled(), closed)
	}
	escape()
	if closed != 1 || win.Canvas().Overlays().Top() != nil || win.Canvas().OnTypedKey() != nil {
		t.Errorf("Escape on the result: closed %d times, overlay %v, key handler left %v",
			closed, win.Canvas().Overlays().Top(), win.Canvas().OnTypedKey() != nil)
	}
}

// A workbook or a web page saved as .xls has cells and carries its own
// encoding: the wizard says so in the encoding and delimiter fields
// (disabled) instead of Fyne's untranslated "(Select one)".
func TestImportWizardSpreadsheetHasNoEncodingOrDelimiter(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	a := ImportAdapter{
		FieldName: func(f data.ImportField) string { return string(f) },
		Encodings: []string{"utf-8", "windows-1251"},
		Inspect: func(path string, _ data.ImportOptions) (*data.ImportPreview, error) {
			return &data.ImportPreview{File: path, EncodingSure: true, HeaderRows: 1,
				Columns: []string{"Name"}, Fields: []data.ImportField{"name"}, Mapping: map[data.ImportField]string{"name": "Name"}}, nil
		},
		Closed: func() {},
	}
	var w *ImportWizard
	Do(func() { w = OpenImportWizard(win, "deals.xls", a) })
	WaitIdle()
	Do(func() {
		if !w.encoding.Disabled() || w.encoding.PlaceHolder != lang.L("importwizard.encoding_from_file") {
			t.Errorf("encoding: disabled %v, placeholder %q", w.encoding.Disabled(), w.encoding.PlaceHolder)
		}
		if !w.delimiter.Disabled() || w.delimiter.PlaceHolder != lang.L("importwizard.delimiter_none") {
			t.Errorf("delimiter: disabled %v, placeholder %q", w.delimiter.Disabled(), w.delimiter.PlaceHolder)
		}
	})
	Do(w.Close)
}

// The wizard names a detected layout as the user knows it, not by its id.
func TestFormatLabelNamesLayouts(t *testing.T) {
	test.NewTempApp(t)
	SetLang("en")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"google-forms": "Google Forms", "servicenow": "ServiceNow", "generic": lang.L("importwizard.format.generic"),
		"": lang.L("importwizard.format.generic"), "new-tool": "new-tool"} {
		if got := FormatLabel(id); got != want {
			t.Errorf("FormatLabel(%q) = %q, want %q", id, got, want)
		}
	}
}

// File sizes are written in the UI's language: «45,5 КБ», not "45,5 KB".
func TestSizesAndDateLayoutsInRussian(t *testing.T) {
	test.NewTempApp(t)
	// Fyne takes the translations' language from the environment.
	t.Setenv("LANGUAGE", "ru")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	SetLang("ru")
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(assets.Translations, "translations")
		SetLang("en")
	})
	for n, want := range map[int64]string{840: "840 Б", 46592: "45,5 КБ", 3250585: "3,1 МБ"} {
		if got := SizeText(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
	}
	// The date layout's words too: the wizard showed "Excel date" and
	// "with zone" in the Russian UI.
	for layout, want := range map[string]string{
		data.DateLayoutExcel:                            "дата Excel",
		"yyyy-mm-dd HH:MM:SS" + data.DateLayoutWithZone: "yyyy-mm-dd HH:MM:SS с часовым поясом",
		"dd/mm/yyyy" + data.DateLayoutOr + "mm/dd/yyyy": "dd/mm/yyyy или mm/dd/yyyy",
		data.DateLayoutUnixSecs:                         "время Unix в секундах",
		"dd.mm.yyyy HH:MM":                              "dd.mm.yyyy HH:MM",
	} {
		if got := DateLayoutText(layout); got != want {
			t.Errorf("DateLayoutText(%q) = %q, want %q", layout, got, want)
		}
	}
	// The importer's counts too, but not its row numbers.
	got := Translated("import.warning.texts_cut",
		map[string]any{"Column": "Описание", "Max": 20000, "Count": int64(151000), "RowNumbers": "28, 66510", "More": true}, "")
	if want := "Тексты в «Описание» длиннее 20\u202f000 символов обрезаны до этой длины: 151\u202f000. Строки: 28, 66510 и другие."; got != want {
		t.Errorf("a warning reads %q, want %q", got, want)
	}
}

// A workbook of several sheets offers them: choosing another sheet asks
// the importer again for it, and the preview follows.
func TestImportWizardChoosesTheSheet(t *testing.T) {
	win := wizardWindow(t)
	var asked []string
	w := previewWizard(t, win, "book.xls", func(path string, opt data.ImportOptions) (*data.ImportPreview, error) {
		asked = append(asked, opt.Sheet)
		sheet := opt.Sheet
		if sheet == "" {
			sheet = "Сводка" // the importer's choice, wrong here
		}
		return &data.ImportPreview{File: path, HeaderRows: 1, Format: data.ImportFormatGeneric, Sheet: sheet,
			Sheets: []string{"Сводка", "Ответы"}, Columns: []string{"Лист " + sheet}, Sample: [][]string{{"1"}},
			Fields: []data.ImportField{"opened"}, Mapping: map[data.ImportField]string{}}, nil
	}, data.ImportResult{})
	Do(func() {
		if w.sheet == nil || w.sheet.Selected != "Сводка" {
			t.Fatalf("sheet choice: %v", w.sheet)
		}
		w.sheet.SetSelected("Ответы")
	})
	WaitIdle()
	var shown []string
	Do(func() { shown = shownTexts(w.Content()) })
	if len(asked) != 2 || asked[1] != "Ответы" || !slices.Contains(shown, "Лист Ответы") {
		t.Errorf("asked for sheets %q; the preview shows %q", asked, shown)
	}
}

// While the wizard asks for one date for the whole file, the mapping
// shows two rows fewer, so the sample below keeps its rows on a
// 720-pixel screen; once a date column is chosen, no file date is asked
// and the rows come back.
func TestImportWizardMappingMakesRoomForTheFileDate(t *testing.T) {
	win := wizardWindow(t)
	fields := []data.ImportField{"opened", "status", "priority", "type", "channel", "client", "category", "subject", "assignee", "resolved_at", "closed_at", "verdict"}
	w := previewWizard(t, win, "tickets.csv", func(path string, opt data.ImportOptions) (*data.ImportPreview, error) {
		return &data.ImportPreview{File: path, HeaderRows: 1, Format: data.ImportFormatGeneric, NeedsFileDate: true,
			Columns: []string{"Когда", "Статус"}, Sample: [][]string{{"2024-03-05", "Новое"}},
			Fields: fields, Mapping: map[data.ImportField]string{}}, nil
	}, data.ImportResult{})
	var asking, mapped float32
	var problem string
	var dateRow bool
	Do(func() {
		asking = w.mapScroll.MinSize().Height
		w.mapping["opened"].SetSelected("Когда")
		mapped = w.mapScroll.MinSize().Height
		dateRow = w.fileDateRow.Visible()
		_, problem = w.options()
	})
	if asking <= 0 || mapped <= asking || mapped/asking < 1.5 || mapped/asking > 1.8 {
		t.Errorf("mapping height %v while asking for a date, %v once mapped: want 3 rows, then 5", asking, mapped)
	}
	// A column chosen for the dates: no date for the whole file is asked
	// (it was, and the import could not start without one).
	if dateRow || problem != "" {
		t.Errorf("after a date column is chosen: file date row shown %v, problem %q", dateRow, problem)
	}
}

// The result names the rejects file with a button that opens it, for the
// manager to fix the rows and import them again.
func TestImportWizardOpensTheRejectsFile(t *testing.T) {
	win := wizardWindow(t)
	var opened []string
	old := openFile
	openFile = func(path string) error { opened = append(opened, path); return nil }
	t.Cleanup(func() { openFile = old })
	rejects := "/tmp/реестр.rejects.csv"
	w := previewWizard(t, win, "реестр.csv", func(path string, opt data.ImportOptions) (*data.ImportPreview, error) {
		return &data.ImportPreview{File: path, HeaderRows: 1, Format: data.ImportFormatGeneric, Columns: []string{"Когда"},
			Sample: [][]string{{"2024-03-05"}}, Fields: []data.ImportField{"opened"}, Mapping: map[data.ImportField]string{"opened": "Когда"}}, nil
	}, data.ImportResult{Imported: 1, Rejected: 1, Committed: true, RejectsFile: rejects,
		Rejects: []data.ImportReject{{Row: 3, Column: "Когда", Value: "31.02.2024", Reason: "impossible date"}}})
	Do(w.Start)
	WaitIdle()
	var open *widget.Button
	Do(func() {
		for _, o := range test.LaidOutObjects(w.Content()) {
			if b, ok := o.(*widget.Button); ok && b.Text == lang.L("importwizard.open_rejects") {
				open = b
			}
		}
	})
	if open == nil {
		t.Fatal("no button opens the rejects file")
	}
	Do(func() { test.Tap(open) })
	if len(opened) != 1 || opened[0] != rejects {
		t.Errorf("opened %q, want %q", opened, rejects)
	}
}
