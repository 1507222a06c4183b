package widgets

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// AskToDiscard returns what a form's Cancel (or Back, or Close) button and
// Escape call: Leave the form through close.
func AskToDiscard(win fyne.Window, dirty func() bool, close func()) func() {
	return func() { Leave(win, dirty, close, nil) }
}

// Leave runs leave at once while dirty reports nothing unsaved, else asks
// «Discard changes?» first: leave runs on Discard, keep (if not nil) on
// Keep editing. Escape keeps editing, so one Escape too many never loses
// what was typed.
func Leave(win fyne.Window, dirty func() bool, leave, keep func()) {
	if !dirty() {
		leave()
		return
	}
	yes := false
	text := widget.NewLabel(lang.L("unsaved.text"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("unsaved.title"), text, win)
	// No tick on Discard, as a confirm dialog would draw: it loses work.
	discardBtn := widget.NewButton(lang.L("unsaved.discard"), func() { yes = true; d.Hide() })
	discardBtn.Importance = widget.DangerImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("unsaved.keep"), d.Hide), discardBtn})
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	ShowWithEscape(win, d)
	// Run after ShowWithEscape has given the form its Escape handler back,
	// so that leave can restore the one before the form.
	d.SetOnClosed(func() {
		switch {
		case yes:
			leave()
		case keep != nil:
			keep()
		}
	})
}

// ShowForm shows the form dialog d with Escape doing what cancel (its
// Cancel button, from AskToDiscard) does, until it closes.
func ShowForm(win fyne.Window, d dialog.Dialog, cancel func()) {
	d.SetOnClosed(EscapeCloses(win, cancel))
	d.Show()
}

// FormState remembers what a form's fields read when it was filled or
// last saved, so that Changed can tell whether the user has edited it.
type FormState struct {
	fields []any
	saved  []string
}

// NewFormState takes the fields' values now. A field is one of the
// screens' entries, selects, pickers, checks or check grids, or a
// func() string for state that lives outside a widget.
func NewFormState(fields ...any) *FormState {
	f := &FormState{fields: fields}
	f.Mark()
	return f
}

// Mark takes the fields' values as saved.
func (f *FormState) Mark() { f.saved = f.values() }

// Changed reports whether any field differs from its value when marked.
func (f *FormState) Changed() bool { return !slices.Equal(f.values(), f.saved) }

func (f *FormState) values() []string {
	out := make([]string, len(f.fields))
	for i, o := range f.fields {
		out[i] = fieldValue(o)
	}
	return out
}

// fieldValue reads a field as saving would: surrounding spaces trimmed.
func fieldValue(o any) string {
	switch v := o.(type) {
	case *Entry:
		return strings.TrimSpace(v.Text)
	case *SelectEntry:
		return strings.TrimSpace(v.Text)
	case *DateEntry:
		return strings.TrimSpace(v.Text)
	case *widget.Entry:
		return strings.TrimSpace(v.Text)
	case *Picker:
		return v.Selected
	case *widget.Select:
		return v.Selected
	case *widget.Check:
		return strconv.FormatBool(v.Checked)
	case *widget.CheckGroup:
		return strings.Join(v.Selected, "\n")
	case *CheckGrid:
		return strings.Join(v.Selected(), "\n")
	case func() string:
		return v()
	}
	panic(fmt.Sprintf("FormState: %T is not a field", o)) // a programming error, found by the screen's tests
}

// LeaveOnSelect makes choosing a row of list, whose chosen entry fills a
// form, leave that form through Leave first: open(id) fills it. shown is
// the row of the entry in the form (-1: none, or a new one); Keep editing
// selects it again.
func LeaveOnSelect(win fyne.Window, list *widget.List, dirty func() bool, shown func() widget.ListItemID, open func(widget.ListItemID)) {
	list.OnSelected = func(id widget.ListItemID) {
		cur := shown()
		if id == cur {
			return
		}
		Leave(win, dirty, func() { open(id) }, func() {
			if cur >= 0 {
				list.Select(cur) // shown again: no question
			} else {
				list.UnselectAll()
			}
		})
	}
}
