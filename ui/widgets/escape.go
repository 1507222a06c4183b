package widgets

import "fyne.io/fyne/v2"

// EscapeCloses makes Escape in win call close, as a dialog's Close or
// Cancel button does, while no field has the keyboard (Fyne gives a
// focused field its own keys). It returns the function that puts the
// window's previous key handler back: call it when the dialog closes.
func EscapeCloses(win fyne.Window, close func()) (restore func()) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			close()
		} else if prev != nil {
			prev(ev)
		}
	})
	return func() { c.SetOnTypedKey(prev) }
}
