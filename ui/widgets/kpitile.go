package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tone colours a KPI tile's change line.
type Tone int

// Tones of a change: neutral (no change or not significant), good, bad.
const (
	ToneNeutral Tone = iota
	ToneGood
	ToneBad
)

// KPITile shows one figure with its caption and a line about its change.
type KPITile struct {
	widget.BaseWidget
	caption *canvas.Text
	value   *canvas.Text
	change  *canvas.Text
	note    *widget.Label
}

// NewKPITile creates a tile with a caption.
func NewKPITile(caption string) *KPITile {
	t := &KPITile{
		caption: canvas.NewText(caption, theme.Color(theme.ColorNameForeground)),
		value:   canvas.NewText("—", theme.Color(theme.ColorNameForeground)),
		change:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		note:    widget.NewLabel(""),
	}
	t.caption.TextSize = theme.TextSize()
	t.value.TextSize = theme.TextSize() * 2.4
	t.value.TextStyle.Bold = true
	t.change.TextSize = theme.TextSize() * 0.95
	t.note.Importance = widget.LowImportance
	t.note.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}

// Set updates the figure, the change line and the small print below.
func (t *KPITile) Set(value, change string, tone Tone, note string) {
	t.value.Text = value
	t.change.Text = change
	switch tone {
	case ToneGood:
		t.change.Color = color.NRGBA{0x16, 0xa3, 0x4a, 0xff}
	case ToneBad:
		t.change.Color = color.NRGBA{0xdc, 0x26, 0x26, 0xff}
	default:
		t.change.Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	t.note.SetText(note)
	t.Refresh()
}

// Value is the figure shown (for tests).
func (t *KPITile) Value() string { return t.value.Text }

// Change is the change line shown (for tests).
func (t *KPITile) Change() string { return t.change.Text }

// Note is the small print shown (for tests).
func (t *KPITile) Note() string { return t.note.Text }

// CreateRenderer lays the tile out as a card.
func (t *KPITile) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	content := container.NewPadded(container.NewVBox(t.caption, t.value, t.change, t.note))
	return widget.NewSimpleRenderer(container.NewStack(bg, content))
}
