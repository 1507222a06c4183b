package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// ShowFileDialog shows a file dialog that Escape closes (Fyne's closes on
// no key); its callback is not called then, as nothing was chosen. A save
// dialog gives its name field the keyboard, so that a name can be typed
// at once; Escape closes it from there too (see escapingNameField).
func ShowFileDialog(win fyne.Window, fd *dialog.FileDialog) {
	ShowWithEscape(win, fd)
	escapingNameField(win)
}

// escapingNameField puts an Entry of ours in place of the name field of
// the save dialog on top of win: Fyne's field keeps Escape and does
// nothing with it. Fyne's field stays the dialog's: the two keep the
// same text both ways (the dialog sets it when a file is clicked and
// reads it on Save), and Enter in ours is Enter in Fyne's. Should Fyne
// lay the dialog out otherwise, its own field stays (nil is returned).
func escapingNameField(win fyne.Window) (ours *Entry, fyneName *widget.Entry) {
	c := win.Canvas()
	scroll, fyneName := nameField(c.Overlays().Top())
	if fyneName == nil {
		return nil, nil
	}
	ours = NewEntry()
	ours.Wrapping = fyneName.Wrapping
	ours.SetPlaceHolder(fyneName.PlaceHolder)
	ours.SetText(fyneName.Text)
	dialogChanged := fyneName.OnChanged
	fyneName.OnChanged = func(s string) {
		if dialogChanged != nil {
			dialogChanged(s)
		}
		if ours.Text != s {
			ours.SetText(s)
		}
	}
	ours.OnChanged = func(s string) {
		if fyneName.Text != s {
			fyneName.SetText(s)
		}
	}
	ours.OnSubmitted = func(string) {
		if fyneName.OnSubmitted != nil {
			fyneName.OnSubmitted(fyneName.Text)
		}
	}
	scroll.Content = ours
	scroll.Refresh()
	if c.Focused() == fyneName {
		c.Focus(ours)
	}
	return ours, fyneName
}

// nameField finds a save dialog's name field under o: the one Entry, in
// a scroll of its own.
func nameField(o fyne.CanvasObject) (*container.Scroll, *widget.Entry) {
	switch v := o.(type) {
	case *widget.PopUp:
		return nameField(v.Content)
	case *fyne.Container:
		for _, child := range v.Objects {
			if s, e := nameField(child); e != nil {
				return s, e
			}
		}
	case *container.Split:
		if s, e := nameField(v.Leading); e != nil {
			return s, e
		}
		return nameField(v.Trailing)
	case *container.Scroll:
		if e, ok := v.Content.(*widget.Entry); ok {
			return v, e
		}
	}
	return nil, nil
}
