package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// CheckGrid is a set of check boxes laid out in as many columns as fit,
// so that two dozen choices never widen the window (a horizontal
// CheckGroup asks for all of them side by side).
type CheckGrid struct {
	box    *fyne.Container
	checks []*widget.Check
	cell   fyne.Size
}

// NewCheckGrid lays the options out in cells cellWidth wide.
func NewCheckGrid(cellWidth float32, options []string) *CheckGrid {
	g := &CheckGrid{cell: fyne.NewSize(cellWidth, widget.NewCheck("Wg", nil).MinSize().Height)}
	g.box = container.NewGridWrap(g.cell)
	g.SetOptions(options)
	return g
}

// Content is the grid's root object.
func (g *CheckGrid) Content() fyne.CanvasObject { return g.box }

// SetOptions replaces the choices, clearing the selection.
func (g *CheckGrid) SetOptions(options []string) {
	g.checks = nil
	g.box.Objects = nil
	for _, o := range options {
		c := widget.NewCheck(o, nil)
		g.checks = append(g.checks, c)
		g.box.Add(c)
	}
	g.box.Refresh()
}

// SetSelected ticks exactly the named choices.
func (g *CheckGrid) SetSelected(names []string) {
	for _, c := range g.checks {
		c.SetChecked(slices.Contains(names, c.Text))
	}
}

// Selected returns the ticked choices in display order.
func (g *CheckGrid) Selected() []string {
	var out []string
	for _, c := range g.checks {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}

// SetChecked ticks exactly the choices at the given positions.
func (g *CheckGrid) SetChecked(indices []int) {
	for i, c := range g.checks {
		c.SetChecked(slices.Contains(indices, i))
	}
}

// Checked returns the positions of the ticked choices.
func (g *CheckGrid) Checked() []int {
	var out []int
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, i)
		}
	}
	return out
}

// Len is the number of choices.
func (g *CheckGrid) Len() int { return len(g.checks) }
