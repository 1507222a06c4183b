package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
)

// typeEscape types Escape as the desktop driver does: to the widget that
// has the keyboard, else to the window's key handler.
func typeEscape(win fyne.Window) {
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := win.Canvas().Focused(); f != nil {
		f.TypedKey(esc)
	} else if h := win.Canvas().OnTypedKey(); h != nil {
		h(esc)
	}
}

// laidOut finds the first object under o that match accepts.
func laidOut[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (found T) {
	for _, c := range test.LaidOutObjects(o) {
		if v, ok := c.(T); ok && match(v) {
			return v
		}
	}
	return found
}

// Fyne's file dialogs closed on no key: Escape closes the import's
// choice of a file and a chart export's choice of where to save it, as
// their Cancel does, and gives the window its key handler back. The save
// dialog's name field keeps the keyboard Fyne gives it, for typing a name.
func TestFileDialogsCloseOnEscape(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	top := func() (o fyne.CanvasObject) { // not from inside Do
		Do(func() { o = win.Canvas().Overlays().Top() })
		return o
	}
	closedByEscape := func(what string) {
		t.Helper()
		var over fyne.CanvasObject
		handler := false
		Do(func() {
			typeEscape(win)
			over, handler = win.Canvas().Overlays().Top(), win.Canvas().OnTypedKey() != nil
		})
		if over != nil || handler {
			t.Errorf("%s after Escape: overlay %v, key handler left %v", what, over, handler)
		}
	}

	Do(func() {
		PickImportFile(win, func(err error) { t.Errorf("error shown: %v", err) }, func(path string) { t.Errorf("picked %s", path) })
	})
	if top() == nil {
		t.Fatal("no file dialog to choose the file to import")
	}
	closedByEscape("the file dialog of an import")

	build := func(charts.Options) (*charts.Chart, error) { t.Error("a chart built"); return nil, nil }
	save := func(string, *charts.Chart) error { t.Error("a chart saved"); return nil }
	Do(func() {
		ExportChart(win, "nps", build, save, func(path string, err error) { t.Errorf("export done: %q, %v", path, err) })
	})
	var next *widget.Button
	Do(func() {
		next = laidOut(win.Canvas().Overlays().Top(), func(b *widget.Button) bool { return b.Text == lang.L("export.next") })
	})
	if next == nil {
		t.Fatal("no Next button in the export choices")
	}
	Do(func() { test.Tap(next) })
	var name *widget.Entry
	Do(func() {
		name = laidOut(win.Canvas().Overlays().Top(), func(e *widget.Entry) bool { return e.Text == "nps.png" })
	})
	if name == nil {
		t.Fatal("no save dialog named nps.png after Next")
	}
	var focused fyne.Focusable
	Do(func() { focused = win.Canvas().Focused() })
	if focused != name {
		t.Errorf("the save dialog's name field does not have the keyboard (%T has): a name cannot be typed at once", focused)
	}
	Do(func() { win.Canvas().Unfocus() }) // a click on the folder list
	closedByEscape("the save dialog of a chart export")
}
