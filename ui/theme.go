package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// careTheme is Fyne's default theme with CareDesk's teal as the primary
// colour and an optional forced light or dark variant.
type careTheme struct {
	fyne.Theme
	forced *fyne.ThemeVariant // nil follows the system
}

func newTheme(choice string) *careTheme {
	t := &careTheme{Theme: theme.DefaultTheme()}
	switch choice {
	case "light":
		v := theme.VariantLight
		t.forced = &v
	case "dark":
		v := theme.VariantDark
		t.forced = &v
	}
	return t
}

var (
	tealLight = color.NRGBA{0x0f, 0x76, 0x6e, 0xff}
	tealDark  = color.NRGBA{0x2d, 0xd4, 0xbf, 0xff}
	// Fyne draws low-importance labels (the small print under figures:
	// 95% intervals, periods, counts) in its disabled colour, about 1.5:1
	// against the background in both variants: unreadable. These keep
	// them muted at about 4.5:1, and disabled controls still clearly
	// fainter than live ones.
	mutedLight = color.NRGBA{0x6f, 0x6f, 0x73, 0xff}
	mutedDark  = color.NRGBA{0x8e, 0x8e, 0x93, 0xff}
	// Fyne's success green (#43f436) and warning orange, made for a dark
	// window, are 1.5:1 and 2.2:1 on a light one: a "Done" training or a
	// met SLA could not be read. The light variant's are darker shades
	// that keep about 5:1 as text and under the white of a button's label.
	// Its error red is 4.4:1 on a dark tile; a lighter red keeps 4.5:1.
	statusColours = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
		theme.VariantLight: {
			theme.ColorNameSuccess: color.NRGBA{0x1b, 0x7a, 0x2e, 0xff},
			theme.ColorNameWarning: color.NRGBA{0xa3, 0x52, 0x00, 0xff},
			theme.ColorNameError:   color.NRGBA{0xc6, 0x28, 0x28, 0xff},
		},
		theme.VariantDark: {theme.ColorNameError: color.NRGBA{0xf6, 0x5e, 0x52, 0xff}},
	}
)

func (t *careTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced != nil {
		v = *t.forced
	}
	switch name {
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		if v == theme.VariantDark {
			return tealDark
		}
		return tealLight
	case theme.ColorNameSelection:
		if v == theme.VariantDark {
			return color.NRGBA{0x2d, 0xd4, 0xbf, 0x40}
		}
		return color.NRGBA{0x0f, 0x76, 0x6e, 0x30}
	case theme.ColorNameDisabled:
		if v == theme.VariantDark {
			return mutedDark
		}
		return mutedLight
	}
	if c, ok := statusColours[v][name]; ok {
		return c
	}
	return t.Theme.Color(name, v)
}

// IsDark reports whether the theme currently draws dark, for charts.
func (t *careTheme) IsDark() bool {
	if t.forced != nil {
		return *t.forced == theme.VariantDark
	}
	return fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
}
