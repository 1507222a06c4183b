package widgets

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pickerRows is how many matches the list shows before it scrolls.
const pickerRows = 10

// Picker is a Select for long lists (hundreds of employees): tapping it,
// or typing while it has the keyboard, opens a search box over a list of
// the options that contain the typed text, case aside. Enter picks the
// highlighted match (the first unless Up/Down moved it), Tab picks the only
// match and moves on, Escape closes it keeping the old choice. Only an
// option can be chosen: text that matches nothing picks nothing.
//
// It is a widget.Select underneath, so Options, Selected, SelectedIndex and
// SetSelectedIndex work as they do there.
type Picker struct {
	widget.Select

	pop     *widget.PopUp
	search  *pickerSearch
	list    *widget.List
	none    *widget.Label
	folded  []string // Options folded for matching, taken when the list opens
	matches []int    // indexes into Options
	current int      // highlighted row of matches
	placed  struct {
		fyne.Position
		fyne.Size
	} // where the list was last put
}

// NewPicker returns a picker over options; onPick gets the index of each
// option chosen (as a Select's OnChanged, also when it was chosen already).
func NewPicker(options []string, onPick func(i int)) *Picker {
	p := &Picker{}
	p.Options = options
	if onPick != nil {
		p.OnChanged = func(string) { onPick(p.SelectedIndex()) }
	}
	p.ExtendBaseWidget(p)
	return p
}

// Tapped opens the list with every option.
func (p *Picker) Tapped(*fyne.PointEvent) {
	if p.Disabled() {
		return
	}
	if c := p.canvas(); c != nil {
		c.Focus(p)
	}
	p.open("")
}

// TypedRune starts a search with the typed letter.
func (p *Picker) TypedRune(r rune) {
	if p.Disabled() {
		return
	}
	if p.IsOpen() {
		p.search.TypedRune(r)
		return
	}
	p.open(string(r))
}

// TypedKey opens the list on Space, Enter, Up or Down; Left and Right step
// through the options as a Select does. Escape with the list closed goes
// to the window, so a dialog still closes on it.
func (p *Picker) TypedKey(k *fyne.KeyEvent) {
	if p.IsOpen() {
		p.search.TypedKey(k)
		return
	}
	switch k.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyUp, fyne.KeyDown:
		if !p.Disabled() {
			p.open("")
		}
	case fyne.KeyEscape:
		escapeToWindow(p, k)
	default:
		p.Select.TypedKey(k)
	}
}

// Hide hides the picker and its list.
func (p *Picker) Hide() {
	p.close()
	p.Select.Hide()
}

// IsOpen reports whether the search list is showing.
func (p *Picker) IsOpen() bool { return p.pop != nil && p.pop.Visible() }

// Matches returns the options the search shows now.
func (p *Picker) Matches() []string {
	out := make([]string, len(p.matches))
	for i, m := range p.matches {
		out[i] = p.Options[m]
	}
	return out
}

// Search returns the text typed into the open list.
func (p *Picker) Search() string {
	if p.search == nil {
		return ""
	}
	return p.search.Text
}

func (p *Picker) canvas() fyne.Canvas {
	return fyne.CurrentApp().Driver().CanvasForObject(p)
}

// fold makes matching ignore case and the ё/е spelling.
var foldE = strings.NewReplacer("ё", "е")

func fold(s string) string { return foldE.Replace(strings.ToLower(s)) }

func (p *Picker) open(query string) {
	c := p.canvas()
	if c == nil {
		return
	}
	if p.pop == nil {
		p.build(c)
	}
	p.folded = p.folded[:0]
	for _, o := range p.Options {
		p.folded = append(p.folded, fold(o))
	}
	p.search.OnChanged = nil // one filter below, changed or not
	p.search.SetText(query)
	p.search.CursorColumn = utf8.RuneCountInString(query)
	p.search.OnChanged = func(string) { p.filter() }
	p.filter()
	if query == "" {
		if i := p.SelectedIndex(); i >= 0 {
			p.current = i // everything is listed: start at the choice
		}
	}
	p.pop.Show()
	p.placed.Size = fyne.Size{} // the window may have changed since
	p.place(c)
	p.list.ScrollTo(p.current)
	c.Focus(p.search)
}

func (p *Picker) build(c fyne.Canvas) {
	p.search = &pickerSearch{p: p}
	p.search.ExtendBaseWidget(p.search)
	p.search.SetPlaceHolder(lang.L("picker.search"))
	p.list = widget.NewList(
		func() int { return len(p.matches) },
		func() fyne.CanvasObject {
			// No ellipsis: it shapes every row's text again on each
			// keystroke (4 ms, not 0.2, over 500 names); the list clips.
			return container.NewStack(canvas.NewRectangle(color.Transparent), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			if id >= len(p.matches) {
				return
			}
			bg := row.Objects[0].(*canvas.Rectangle)
			bg.FillColor = color.Transparent
			if id == p.current {
				bg.FillColor = theme.Color(theme.ColorNameSelection)
			}
			bg.Refresh()
			row.Objects[1].(*widget.Label).SetText(p.Options[p.matches[id]])
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		if id >= 0 && id < len(p.matches) {
			p.pick(p.matches[id])
		}
	}
	p.none = widget.NewLabel(lang.L("picker.no_match"))
	p.none.Importance = widget.LowImportance
	p.none.Hide()
	p.pop = widget.NewPopUp(container.NewBorder(p.search, nil, nil, nil, container.NewStack(p.list, p.none)), c)
}

// filter lists the options containing the search text, the first one
// highlighted.
func (p *Picker) filter() {
	q := fold(strings.TrimSpace(p.search.Text))
	p.matches = p.matches[:0]
	for i, o := range p.folded {
		if strings.Contains(o, q) {
			p.matches = append(p.matches, i)
		}
	}
	p.current = 0
	p.none.Hidden = len(p.matches) > 0
	p.none.Refresh()
	p.list.Refresh()
	p.list.ScrollToTop()
	if p.IsOpen() {
		p.place(p.canvas())
	}
}

// place puts the list under the picker, or over it when there is more
// room there, with as many rows as fit (up to pickerRows).
func (p *Picker) place(c fyne.Canvas) {
	if c == nil {
		return
	}
	// A list row is a label and a padding; the popup keeps an inner
	// padding around the search box and the list.
	rowH := widget.NewLabel("Ag").MinSize().Height + theme.Padding()
	fixed := p.search.MinSize().Height + theme.InnerPadding()
	height := func(rows int) float32 { return fixed + float32(rows)*rowH }
	fit := func(space float32) int { return max(1, int((space-fixed)/rowH)) }

	room := c.Size()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	below, above := room.Height-at.Y-p.Size().Height, at.Y
	rows := min(max(len(p.matches), 1), pickerRows)
	width := max(p.Size().Width, 260)
	pos := fyne.NewPos(min(at.X, max(0, room.Width-width)), at.Y+p.Size().Height)
	if height(rows) > below {
		switch {
		case height(rows) <= above:
			pos.Y = at.Y - height(rows)
		case below >= above:
			rows = min(rows, fit(below))
		default:
			rows = min(rows, fit(above))
			pos.Y = max(0, at.Y-height(rows))
		}
	}
	size := fyne.NewSize(width, height(rows))
	if pos != p.placed.Position || size != p.placed.Size { // each redraws the whole list
		p.pop.Move(pos)
		p.pop.Resize(size)
		p.placed.Position, p.placed.Size = pos, size
	}
}

func (p *Picker) pick(i int) {
	p.dismiss()
	p.SetSelectedIndex(i)
}

// dismiss closes the list and gives the picker the keyboard back.
func (p *Picker) dismiss() {
	p.close()
	if c := p.canvas(); c != nil {
		c.Focus(p)
	}
}

// close hides the list.
func (p *Picker) close() {
	if p.pop != nil {
		p.pop.Hide()
	}
}

func (p *Picker) move(by int) {
	if len(p.matches) == 0 {
		return
	}
	p.current = min(max(p.current+by, 0), len(p.matches)-1)
	p.list.Refresh()
	p.list.ScrollTo(p.current)
}

// pickerSearch is the picker's search box: it steers the list and captures
// Tab so that leaving it settles the choice first.
type pickerSearch struct {
	widget.Entry
	p     *Picker
	shift bool
}

func (s *pickerSearch) AcceptsTab() bool { return true }

func (s *pickerSearch) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		s.shift = true
	}
	s.Entry.KeyDown(k)
}

func (s *pickerSearch) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		s.shift = false
	}
	s.Entry.KeyUp(k)
}

func (s *pickerSearch) TypedKey(k *fyne.KeyEvent) {
	p := s.p
	switch k.Name {
	case fyne.KeyEscape:
		p.dismiss()
	case fyne.KeyReturn, fyne.KeyEnter:
		if len(p.matches) > 0 {
			p.pick(p.matches[p.current])
		}
	case fyne.KeyDown:
		p.move(1)
	case fyne.KeyUp:
		p.move(-1)
	case fyne.KeyPageDown:
		p.move(pickerRows)
	case fyne.KeyPageUp:
		p.move(-pickerRows)
	case fyne.KeyTab:
		if len(p.matches) == 1 && strings.TrimSpace(s.Text) != "" {
			p.pick(p.matches[0])
		} else {
			p.dismiss()
		}
		if c := p.canvas(); c != nil {
			if s.shift {
				c.FocusPrevious()
			} else {
				c.FocusNext()
			}
		}
	default:
		s.Entry.TypedKey(k)
	}
}
