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
