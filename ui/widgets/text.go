package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// singleLineRunes keeps a one-line cell cheap to lay out.
const singleLineRunes = 200

// SingleLine flattens text for a one-line cell; the label truncates the
// rest with an ellipsis.
func SingleLine(s string) string {
	if len(s) > singleLineRunes*4 {
		s = s[:singleLineRunes*4]
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > singleLineRunes {
		s = string(r[:singleLineRunes]) + "…"
	}
	return s
}

// FormLabel is the bold, right-aligned name of a form row.
func FormLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}
