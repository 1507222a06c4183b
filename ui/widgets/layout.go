package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// FixedWidth keeps o (typically a select) wide enough for its longest usual
// choice, so the toolbar does not jump or truncate as choices change.
func FixedWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}
