package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			s := float64(v) / 0xffff
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The small print (low-importance labels, drawn in the disabled colour)
// stays readable on the window and on a tile in both variants, and
// fainter than live text.
func TestSmallPrintIsReadable(t *testing.T) {
	for _, choice := range []string{"light", "dark"} {
		th := newTheme(choice)
		v := *th.forced
		muted, fg := th.Color(theme.ColorNameDisabled, v), th.Color(theme.ColorNameForeground, v)
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
			back := th.Color(bg, v)
			if c := contrast(muted, back); c < 4.5 {
				t.Errorf("%s: small print on %s has contrast %.1f:1, want at least 4.5:1", choice, bg, c)
			}
			if contrast(muted, back) >= contrast(fg, back) {
				t.Errorf("%s: small print on %s is not fainter than live text", choice, bg)
			}
		}
	}
}

// Status colours (a met or breached SLA, a done or overdue training, a
// change for the better or worse) are read as text on the window and on
// tiles, and as the background of a button's label, in both variants.
func TestStatusColoursAreReadable(t *testing.T) {
	on := map[fyne.ThemeColorName]fyne.ThemeColorName{theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
		theme.ColorNameWarning: theme.ColorNameForegroundOnWarning, theme.ColorNameError: theme.ColorNameForegroundOnError}
	for _, choice := range []string{"light", "dark"} {
		th := newTheme(choice)
		v := *th.forced
		for status, label := range on {
			c := th.Color(status, v)
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
				if r := contrast(c, th.Color(bg, v)); r < 4.5 {
					t.Errorf("%s: %s text on %s has contrast %.1f:1, want at least 4.5:1", choice, status, bg, r)
				}
			}
			if r := contrast(th.Color(label, v), c); r < 4.5 {
				t.Errorf("%s: a label on a %s button has contrast %.1f:1, want at least 4.5:1", choice, status, r)
			}
		}
	}
}
