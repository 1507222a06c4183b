package standards

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// checkGrid is a set of check boxes laid out in as many columns as fit,
// so that two dozen categories never widen the window (a horizontal
// CheckGroup asks for all of them side by side).
type checkGrid struct {
	box    *fyne.Container
	checks []*widget.Check
	cell   fyne.Size
}

func newCheckGrid(cellWidth float32, options []string) *checkGrid {
	g := &checkGrid{cell: fyne.NewSize(cellWidth, widget.NewCheck("Wg", nil).MinSize().Height)}
	g.box = container.NewGridWrap(g.cell)
	g.SetOptions(options)
	return g
}

// SetOptions replaces the choices, clearing the selection.
func (g *checkGrid) SetOptions(options []string) {
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
func (g *checkGrid) SetSelected(names []string) {
	for _, c := range g.checks {
		c.SetChecked(slices.Contains(names, c.Text))
	}
}

// Selected returns the ticked choices in display order.
func (g *checkGrid) Selected() []string {
	var out []string
	for _, c := range g.checks {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}
