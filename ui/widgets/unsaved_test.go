package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// buttonIn finds the button labelled text under o.
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == text {
		return b
	}
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(v).Objects()
	}
	for _, ch := range children {
		if b := buttonIn(ch, text); b != nil {
			return b
		}
	}
	return nil
}

// aForm shows a dialog with one field whose Cancel and Escape go through
// AskToDiscard; closed counts the times it closed.
func aForm(t *testing.T) (win fyne.Window, name *Entry, cancel func(), closed *int) {
	test.NewTempApp(t)
	win = test.NewTempWindow(t, widget.NewLabel("behind"))
	win.Resize(fyne.NewSize(800, 600))
	name = NewEntry()
	state := NewFormState(name)
	closed = new(int)
	var d *dialog.CustomDialog
	cancel = AskToDiscard(win, state.Changed, func() { *closed++; d.Hide() })
	d = dialog.NewCustomWithoutButtons("Employee", name, win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", cancel)})
	ShowForm(win, d, cancel)
	return win, name, cancel, closed
}

func escape(win fyne.Window) { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

// A form with nothing changed closes on Escape at once.
func TestUnchangedFormClosesAtOnce(t *testing.T) {
	win, _, _, closed := aForm(t)
	escape(win)
	if *closed != 1 || win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape on an unchanged form: closed %d times, overlay left %v", *closed, win.Canvas().Overlays().Top() != nil)
	}
	if win.Canvas().OnTypedKey() != nil {
		t.Error("the form's Escape handler outlived it")
	}
}

// After typing, Escape asks; Escape on the question keeps editing, with
// the text; Discard closes the form and gives the window its handler back.
func TestChangedFormAsksBeforeClosing(t *testing.T) {
	win, name, cancel, closed := aForm(t)
	c := win.Canvas()
	c.Focus(name)
	test.Type(name, "Anna")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // from the focused field, as a user would
	if *closed != 0 || len(c.Overlays().List()) != 2 {
		t.Fatalf("Escape after typing: closed %d, overlays %d; want the question over the form", *closed, len(c.Overlays().List()))
	}
	escape(win)
	if *closed != 0 || len(c.Overlays().List()) != 1 || name.Text != "Anna" {
		t.Fatalf("Escape on the question: closed %d, overlays %d, text %q; want the form kept as typed",
			*closed, len(c.Overlays().List()), name.Text)
	}
	cancel() // the Cancel button asks as well
	keep := buttonIn(c.Overlays().Top(), lang.L("unsaved.keep"))
	if keep == nil {
		t.Fatal("Cancel after typing did not ask")
	}
	test.Tap(keep)
	if *closed != 0 || len(c.Overlays().List()) != 1 {
		t.Fatalf("Keep editing closed the form (closed %d, overlays %d)", *closed, len(c.Overlays().List()))
	}
	escape(win)
	discard := buttonIn(c.Overlays().Top(), lang.L("unsaved.discard"))
	if discard == nil {
		t.Fatal("Escape after keeping on did not ask again")
	}
	test.Tap(discard)
	if *closed != 1 || c.Overlays().Top() != nil {
		t.Fatalf("Discard: closed %d, overlay left %v", *closed, c.Overlays().Top() != nil)
	}
	if c.OnTypedKey() != nil {
		t.Error("a form's or the question's Escape handler outlived them")
	}
}

// Marking takes the fields as saved: a form just saved closes at once.
func TestFormStateMark(t *testing.T) {
	test.NewTempApp(t)
	name, kind, day := NewEntry(), widget.NewSelect([]string{"a", "b"}, nil), NewDateEntry()
	score := 3
	state := NewFormState(name, kind, day, func() string { return string(rune('0' + score)) })
	if state.Changed() {
		t.Fatal("a fresh form reads as changed")
	}
	for _, edit := range []func(){
		func() { name.SetText("Anna") }, func() { kind.SetSelected("b") }, func() { day.SetText("1/2/2025") }, func() { score = 5 },
	} {
		edit()
		if !state.Changed() {
			t.Fatal("an edit went unnoticed")
		}
		state.Mark()
		if state.Changed() {
			t.Fatal("a marked form reads as changed")
		}
	}
	name.SetText(" Anna ")
	if state.Changed() {
		t.Error("spaces around a value, which saving trims, count as a change")
	}
}

// Choosing another row over an edited form asks; Keep editing selects the
// row shown again without asking twice, Discard opens the row chosen.
func TestLeaveOnSelect(t *testing.T) {
	test.NewTempApp(t)
	names := []string{"Delivery", "Billing", "Returns"}
	list := widget.NewList(func() int { return len(names) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(names[id]) })
	name := NewEntry()
	win := test.NewTempWindow(t, container.NewBorder(nil, name, nil, nil, list))
	win.Resize(fyne.NewSize(600, 400))
	state := NewFormState(name)
	shown := widget.ListItemID(-1)
	LeaveOnSelect(win, list, state.Changed, func() widget.ListItemID { return shown }, func(id widget.ListItemID) {
		shown = id
		name.SetText(names[id])
		state.Mark()
	})
	c := win.Canvas()
	list.Select(0)
	if shown != 0 || c.Overlays().Top() != nil {
		t.Fatal("choosing a row over an unchanged form asked or did not open it")
	}
	name.SetText("Shipping")
	list.Select(1)
	if shown != 0 || c.Overlays().Top() == nil {
		t.Fatal("choosing a row over an edited form did not ask")
	}
	escape(win) // keep editing
	if shown != 0 || name.Text != "Shipping" || c.Overlays().Top() != nil {
		t.Fatalf("keep editing: shown %d, text %q, question left %v", shown, name.Text, c.Overlays().Top() != nil)
	}
	list.Select(2)
	test.Tap(buttonIn(c.Overlays().Top(), lang.L("unsaved.discard")))
	if shown != 2 || name.Text != "Returns" || c.Overlays().Top() != nil {
		t.Fatalf("discard: shown %d, text %q", shown, name.Text)
	}
}
