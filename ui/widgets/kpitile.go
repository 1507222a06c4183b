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
	caption *widget.Label
	value   *canvas.Text
	change  *widget.Label
	note    *widget.Label
	tone    Tone
}

// NewKPITile creates a tile with a caption.
func NewKPITile(caption string) *KPITile {
	// Labels wrap or truncate so that long Russian captions never widen
	// the window beyond the screen.
	t := &KPITile{
		caption: widget.NewLabel(caption),
		value:   canvas.NewText("—", color.Transparent), // coloured by the renderer
		change:  widget.NewLabel(""),
		note:    widget.NewLabel(""),
	}
	t.caption.Truncation = fyne.TextTruncateEllipsis
	t.value.TextSize = theme.TextSize() * 2.4
	t.value.TextStyle.Bold = true
	t.change.Wrapping = fyne.TextWrapWord
	t.note.Importance = widget.LowImportance
	// The note holds a figure's 95% interval or what it counts: wrapped,
	// never cut, on a narrow window.
	t.note.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}

// Compact makes the tile shorter for a dense grid: a smaller figure and
// small print for the change and the note.
func (t *KPITile) Compact() *KPITile {
	t.value.TextSize = theme.TextSize() * 1.8
	t.change.SizeName = theme.SizeNameCaptionText
	t.note.SizeName = theme.SizeNameCaptionText
	return t
}

// Set updates the figure, the change line and the small print below.
func (t *KPITile) Set(value, change string, tone Tone, note string) {
	t.value.Text, t.tone = value, tone
	switch tone {
	case ToneGood:
		t.change.Importance = widget.SuccessImportance
	case ToneBad:
		t.change.Importance = widget.DangerImportance
	default:
		t.change.Importance = widget.MediumImportance
	}
	t.change.SetText(change)
	t.note.SetText(note)
	t.Refresh()
}

// SetCaption renames the tile, for a figure whose meaning follows a
// setting (complaints per 1,000 clients or orders).
func (t *KPITile) SetCaption(caption string) { t.caption.SetText(caption) }

// Caption is the tile's name (for tests).
func (t *KPITile) Caption() string { return t.caption.Text }

// Value is the figure shown (for tests).
func (t *KPITile) Value() string { return t.value.Text }

// Change is the change line shown (for tests).
func (t *KPITile) Change() string { return t.change.Text }

// Tone is the colour of the change line (for tests).
func (t *KPITile) Tone() Tone { return t.tone }

// Note is the small print shown (for tests).
func (t *KPITile) Note() string { return t.note.Text }

// CreateRenderer lays the tile out as a card.
func (t *KPITile) CreateRenderer() fyne.WidgetRenderer {
	r := &kpiTileRenderer{tile: t, bg: canvas.NewRectangle(color.Transparent)}
	content := container.NewPadded(container.NewVBox(t.caption, t.value, t.change, t.note))
	r.WidgetRenderer = widget.NewSimpleRenderer(container.NewStack(r.bg, content))
	r.applyTheme()
	return r
}

// kpiTileRenderer takes the card's and the figure's colours from the
// theme on every refresh: a theme switch refreshes every widget, and
// colours set once stayed those of the old variant (a dark card with
// dark text on a light window).
type kpiTileRenderer struct {
	fyne.WidgetRenderer
	tile *KPITile
	bg   *canvas.Rectangle
}

func (r *kpiTileRenderer) applyTheme() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.bg.CornerRadius = theme.InputRadiusSize() * 2
	r.tile.value.Color = theme.Color(theme.ColorNameForeground)
}

func (r *kpiTileRenderer) Refresh() {
	r.applyTheme()
	r.bg.Refresh()
	r.WidgetRenderer.Refresh()
}
