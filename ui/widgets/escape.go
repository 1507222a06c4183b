package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// EscapeCloses makes Escape in win call close, as a dialog's Close or
// Cancel button does; call it just before showing the dialog. A menu or
// calendar opened over the dialog closes first. The screens' fields
// (Entry, SelectEntry, DateEntry) pass Escape on while they have the
// keyboard. It returns the function that puts the window's previous key
// handler back: call it when the dialog closes.
func EscapeCloses(win fyne.Window, close func()) (restore func()) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	below := len(c.Overlays().List()) // the dialog, shown next, lies just above these
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name != fyne.KeyEscape {
			if prev != nil {
				prev(ev)
			}
			return
		}
		if over := c.Overlays().List(); len(over) > below+1 {
			over[len(over)-1].Hide() // closing the dialog would leave it floating
			return
		}
		close()
	})
	return func() { c.SetOnTypedKey(prev) }
}

// Entry is a text field that hands Escape on to its window's key handler
// (EscapeCloses's), so a dialog also closes on Escape while one of its
// fields has the keyboard: a plain widget.Entry keeps the key and does
// nothing with it.
type Entry struct {
	widget.Entry
}

// NewEntry returns a one-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns an Entry for several lines.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	return e
}

// TypedKey gives Escape to the window; every other key is the entry's.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if !escapeToWindow(e, k) {
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut gives Ctrl+letter and Ctrl+digit to the window (Ctrl+S
// saves the form); the entry keeps its own shortcuts.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if !shortcutToWindow(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// shortcutToWindow passes Ctrl+letter and Ctrl+digit typed in a focused
// field to its window's shortcuts, and reports whether it did. A focused
// entry is given every shortcut and keeps only its own (copy, paste,
// select all, moves and deletes by word, which are not letters or digits
// with a plain Ctrl), so the window's would otherwise do nothing.
func shortcutToWindow(o fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault || !isLetterOrDigit(cs.KeyName) {
		return false
	}
	c, ok := fyne.CurrentApp().Driver().CanvasForObject(o).(fyne.Shortcutable)
	if !ok {
		return false
	}
	c.TypedShortcut(s)
	return true
}

func isLetterOrDigit(k fyne.KeyName) bool {
	return len(k) == 1 && (k[0] >= 'A' && k[0] <= 'Z' || k[0] >= '0' && k[0] <= '9')
}

// FormKeys gives a form dialog, shown next, its keys: Escape does what
// cancel does (the form's Cancel, asking before unsaved edits are lost)
// and Ctrl+S taps its save button. It returns the function that takes
// both away: call it when the form closes.
func FormKeys(win fyne.Window, cancel func(), save *widget.Button) (restore func()) {
	restoreEscape := EscapeCloses(win, cancel)
	restoreSave := SavesOnShortcut(win, save)
	return func() {
		restoreSave()
		restoreEscape()
	}
}

// SaveShortcut saves the form open in a window: Ctrl+S (Cmd+S on macOS).
var SaveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// SavesOnShortcut makes SaveShortcut in win tap the form's save button;
// call it just before showing the form's dialog. While the button is
// disabled (a save under way: a second would store a new response twice)
// or another dialog (a question, a menu, a form opened from this one)
// lies over the form, the shortcut does not reach it. It returns the
// function that takes the shortcut away: call it when the form closes.
func SavesOnShortcut(win fyne.Window, save *widget.Button) (restore func()) {
	c := win.Canvas()
	below := len(c.Overlays().List()) // the form, shown next, lies just above these
	return addSaveTarget(c, func() *widget.Button {
		if len(c.Overlays().List()) != below+1 {
			return nil
		}
		return save
	})
}

// PaneSaves makes SaveShortcut in win tap the button that button returns:
// that of the form a screen shows in the window itself, not in a dialog;
// nil while it shows none. While a dialog lies over the window the
// shortcut does not reach it. It returns the function that takes the
// shortcut away.
func PaneSaves(win fyne.Window, button func() *widget.Button) (remove func()) {
	c := win.Canvas()
	return addSaveTarget(c, func() *widget.Button {
		if len(c.Overlays().List()) != 0 {
			return nil
		}
		return button()
	})
}

// saveTarget returns the save button of a form while the user sees it.
type saveTarget struct {
	button func() *widget.Button
}

// saveTargets are each canvas's forms, in the order they were added: a
// dialog form opened over a screen's comes after it. A canvas has one
// handler per shortcut, so one handler passes Ctrl+S to the last form
// the user sees. Used on the UI goroutine only.
var saveTargets = map[fyne.Canvas][]*saveTarget{}

func addSaveTarget(c fyne.Canvas, button func() *widget.Button) (remove func()) {
	t := &saveTarget{button}
	if len(saveTargets[c]) == 0 {
		c.AddShortcut(SaveShortcut, func(fyne.Shortcut) { saveShown(c) })
	}
	saveTargets[c] = append(saveTargets[c], t)
	return func() {
		targets := slices.DeleteFunc(saveTargets[c], func(o *saveTarget) bool { return o == t })
		if len(targets) > 0 {
			saveTargets[c] = targets
			return
		}
		delete(saveTargets, c)
		c.RemoveShortcut(SaveShortcut)
	}
}

// saveShown taps the save button of the last form of c the user sees,
// unless it is disabled (a save under way).
func saveShown(c fyne.Canvas) {
	targets := saveTargets[c]
	for i := len(targets) - 1; i >= 0; i-- {
		if save := targets[i].button(); save != nil {
			if !save.Disabled() && save.OnTapped != nil {
				save.OnTapped()
			}
			return
		}
	}
}

// escapeToWindow passes Escape typed in a focused field to the window's
// own key handler, if it has one, and reports whether it did.
func escapeToWindow(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.Unfocus()
	c.OnTypedKey()(k)
	return true
}

// ShowWithEscape shows d with Escape doing what its Cancel or Close
// button does, until it closes.
func ShowWithEscape(win fyne.Window, d dialog.Dialog) {
	d.SetOnClosed(EscapeCloses(win, d.Hide)) // SetOnClosed adds to the dialog's own callbacks
	d.Show()
}

// Confirm is dialog.ShowConfirm with Escape as its No.
func Confirm(title, message string, callback func(bool), win fyne.Window) {
	ShowWithEscape(win, dialog.NewConfirm(title, message, callback, win))
}

// Inform is dialog.ShowInformation with Escape as its OK.
func Inform(title, message string, win fyne.Window) {
	ShowWithEscape(win, dialog.NewInformation(title, message, win))
}

// SelectEntry is a widget.SelectEntry that hands Escape to its window, as
// Entry does.
type SelectEntry struct {
	widget.SelectEntry
}

// NewSelectEntry returns a SelectEntry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	return e
}

// TypedKey gives Escape to the window; every other key is the entry's.
func (e *SelectEntry) TypedKey(k *fyne.KeyEvent) {
	if !escapeToWindow(e, k) {
		e.SelectEntry.TypedKey(k)
	}
}

// TypedShortcut gives Ctrl+letter and Ctrl+digit to the window, as Entry.
func (e *SelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !shortcutToWindow(e, s) {
		e.SelectEntry.TypedShortcut(s)
	}
}
