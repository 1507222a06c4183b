package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
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
// dialog's name field has the keyboard, for typing a name, and passes
// Escape on.
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
	var name *Entry
	Do(func() {
		name = laidOut(win.Canvas().Overlays().Top(), func(e *Entry) bool { return e.Text == "nps.png" })
	})
	if name == nil {
		t.Fatal("no save dialog named nps.png after Next")
	}
	var focused fyne.Focusable
	Do(func() { focused = win.Canvas().Focused() })
	if focused != name {
		t.Errorf("the save dialog's name field does not have the keyboard (%T has): a name cannot be typed at once", focused)
	}
	closedByEscape("the save dialog of a chart export, its name field having the keyboard")
}

// The name field that passes Escape on is the save dialog's own to every
// other end: a typed name is what the dialog saves under, Enter saves,
// an emptied name disables Save, and a name the dialog sets (a clicked
// file) shows in it.
func TestSaveDialogNameFieldIsTheDialogs(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1200, 800))
	dir, err := storage.ListerForURI(storage.NewFileURI(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	saved := make(chan string, 1)
	var fd *dialog.FileDialog
	Do(func() {
		fd = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				t.Errorf("save dialog: %v, %v", w, err)
				return
			}
			saved <- w.URI().Name()
			w.Close()
		}, win)
		fd.SetLocation(dir)
		fd.SetFileName("report.pdf")
	})
	var (
		ours   *Entry
		fynes  *widget.Entry
		saveBt *widget.Button
	)
	Do(func() {
		ShowWithEscape(win, fd) // ShowFileDialog, keeping hold of both fields
		ours, fynes = escapingNameField(win)
		saveBt = laidOut(win.Canvas().Overlays().Top(), func(b *widget.Button) bool { return b.Text == lang.L("Save") })
	})
	if ours == nil || fynes == nil || saveBt == nil {
		t.Fatalf("save dialog: our name field %v, Fyne's %v, Save %v", ours, fynes, saveBt)
	}
	Do(func() {
		if win.Canvas().Focused() != ours || ours.Text != "report.pdf" {
			t.Errorf("name field: focused %T, text %q", win.Canvas().Focused(), ours.Text)
		}
		ours.SetText("")
		if fynes.Text != "" || !saveBt.Disabled() {
			t.Errorf("emptied name: dialog's %q, Save disabled %v", fynes.Text, saveBt.Disabled())
		}
		fynes.SetText("clicked.pdf") // as a click on a file does
		if ours.Text != "clicked.pdf" || saveBt.Disabled() {
			t.Errorf("name set by the dialog: ours %q, Save disabled %v", ours.Text, saveBt.Disabled())
		}
		ours.SetText("")
		test.Type(ours, "май.pdf")
		ours.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	select {
	case got := <-saved:
		if got != "май.pdf" {
			t.Errorf("saved as %q, want the typed май.pdf", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Enter in the name field did not save")
	}
}
