package widgets

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Escape closes a dialog while one of its fields has the keyboard, and
// only Escape: other keys stay the field's.
func TestEscapeFromAFocusedField(t *testing.T) {
	test.NewTempApp(t)
	name, day, client := NewEntry(), NewDateEntry(), NewSelectEntry([]string{"ООО «Север»"})
	win := test.NewTempWindow(t, container.NewVBox(name, day, client))
	closed := 0
	restore := EscapeCloses(win, func() { closed++ })
	for _, f := range []fyne.Focusable{name, day, client} {
		win.Canvas().Focus(f)
		test.Type(f, "ab")
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if win.Canvas().Focused() != nil {
			t.Errorf("%T keeps the keyboard after Escape", f)
		}
	}
	if closed != 3 {
		t.Errorf("Escape in a focused field closed the dialog %d times of 3", closed)
	}
	if name.Text != "ab" {
		t.Errorf("the field reads %q after typing ab", name.Text)
	}
	restore()
	win.Canvas().Focus(name)
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // no handler: the entry's own, harmless
	if closed != 3 {
		t.Error("Escape closed a dialog after it was gone")
	}
}

// Escape in a running task's dialog cancels the task, as Cancel does.
func TestEscapeCancelsATask(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, NewEntry())
	started, result := make(chan struct{}), make(chan error, 1)
	Do(func() {
		RunWithProgress(win, "Export", func(ctx context.Context, _ func(float64)) error {
			close(started)
			<-ctx.Done()
			return ctx.Err()
		}, func(err error) { result <- err })
	})
	<-started
	Do(func() { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if err := <-result; !errors.Is(err, context.Canceled) {
		t.Errorf("after Escape the task ended with %v, want cancelled", err)
	}
	var top fyne.CanvasObject
	Do(func() { top = win.Canvas().Overlays().Top() })
	if top != nil || win.Canvas().OnTypedKey() != nil {
		t.Error("the dialog or its Escape handler outlived the task")
	}
}

// Escape on a question answers No.
func TestEscapeAnswersNo(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, NewEntry())
	answers := []bool{}
	Confirm("Delete?", "Delete the standard FR-1?", func(yes bool) { answers = append(answers, yes) }, win)
	win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(answers) != 1 || answers[0] || win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape on a question: answers %v, dialog left %v", answers, win.Canvas().Overlays().Top() != nil)
	}
}

// A calendar or menu open over a dialog closes on Escape first; the next
// Escape closes the dialog.
func TestEscapeClosesAPopUpOverADialogFirst(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, NewEntry())
	win.Resize(fyne.NewSize(600, 400))
	answers := 0
	Confirm("Delete?", "Delete the standard FR-1?", func(bool) { answers++ }, win)
	pop := widget.NewPopUp(widget.NewLabel("November 2026"), win.Canvas())
	pop.Show()
	escape := func() { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	escape()
	if pop.Visible() || answers != 0 || len(win.Canvas().Overlays().List()) != 1 {
		t.Fatalf("first Escape: pop-up shown %v, answers %d, overlays %d; want the pop-up gone and the question kept",
			pop.Visible(), answers, len(win.Canvas().Overlays().List()))
	}
	escape()
	if answers != 1 || win.Canvas().Overlays().Top() != nil {
		t.Errorf("second Escape: answers %d, overlay left %v", answers, win.Canvas().Overlays().Top() != nil)
	}
}

// Ctrl+S taps the open form's save button from any of its fields; a
// disabled button (a save under way) or a dialog over the form (a
// question) keeps it from saving, and a closed form's shortcut is gone.
// Select all stays the field's own.
func TestCtrlSSavesTheFormFromAField(t *testing.T) {
	test.NewTempApp(t)
	name, day, client := NewEntry(), NewDateEntry(), NewSelectEntry([]string{"ООО «Север»"})
	win := test.NewTempWindow(t, widget.NewLabel("screen"))
	win.Resize(fyne.NewSize(600, 400))
	saved := 0
	saveBtn := widget.NewButton("Save", func() { saved++ })
	restore := SavesOnShortcut(win, saveBtn)
	form := dialog.NewCustom("Form", "Close", container.NewVBox(name, day, client), win)
	form.Show()
	for _, f := range []interface {
		fyne.Focusable
		fyne.Shortcutable
	}{name, day, client} {
		win.Canvas().Focus(f)
		f.TypedShortcut(SaveShortcut)
	}
	if saved != 3 {
		t.Errorf("Ctrl+S in a focused field saved %d times of 3", saved)
	}
	test.Type(name, "Anna")
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
	if name.SelectedText() != "Anna" {
		t.Errorf("select all in the field selected %q", name.SelectedText())
	}

	saveBtn.Disable() // a save under way
	name.TypedShortcut(SaveShortcut)
	if saved != 3 {
		t.Error("Ctrl+S saved again while the save button was disabled")
	}
	saveBtn.Enable()

	question := dialog.NewConfirm("Discard?", "Discard the changes?", func(bool) {}, win)
	question.Show()
	name.TypedShortcut(SaveShortcut)
	if saved != 3 {
		t.Error("Ctrl+S saved the form under a question")
	}
	question.Hide()
	form.Hide()
	restore()
	win.Canvas().(fyne.Shortcutable).TypedShortcut(SaveShortcut)
	if saved != 3 {
		t.Error("Ctrl+S saved a closed form")
	}
}

// A screen's own form saves on Ctrl+S while it is shown and no dialog is
// over it; a form dialog opened over it, or a second over that one, takes
// Ctrl+S while it is on top, and gives it back when it closes.
func TestCtrlSGoesToTheFormOnTop(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel("screen"))
	win.Resize(fyne.NewSize(600, 400))
	saves := map[string]int{}
	button := func(name string) *widget.Button { return widget.NewButton(name, func() { saves[name]++ }) }
	pane, first, second := button("pane"), button("first"), button("second")
	paneShown := true
	removePane := PaneSaves(win, func() *widget.Button {
		if !paneShown {
			return nil
		}
		return pane
	})
	defer removePane()
	press := func() { win.Canvas().(fyne.Shortcutable).TypedShortcut(SaveShortcut) }
	want := func(step string, pane, first, second int) {
		t.Helper()
		if saves["pane"] != pane || saves["first"] != first || saves["second"] != second {
			t.Errorf("%s: saves %v, want pane %d, first %d, second %d", step, saves, pane, first, second)
		}
	}

	press()
	want("the screen's form", 1, 0, 0)
	restoreFirst := SavesOnShortcut(win, first)
	firstForm := dialog.NewCustom("First", "Close", widget.NewLabel("first"), win)
	firstForm.Show()
	press()
	want("a form over the screen", 1, 1, 0)
	restoreSecond := SavesOnShortcut(win, second)
	secondForm := dialog.NewCustom("Second", "Close", widget.NewLabel("second"), win)
	secondForm.Show()
	press()
	want("a form over a form", 1, 1, 1)
	secondForm.Hide()
	restoreSecond()
	press()
	want("the second closed", 1, 2, 1)
	firstForm.Hide()
	restoreFirst()
	press()
	want("both closed", 2, 2, 1)
	paneShown = false
	press()
	want("no form on screen", 2, 2, 1)
}
