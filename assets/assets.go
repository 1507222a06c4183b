// Package assets embeds CareDesk's static files: the icon, the fonts used
// by charts and PDF reports (DejaVu Sans covers Latin and Cyrillic), and the
// translations.
package assets

import "embed"

// Icon is the application icon (PNG, 512x512).
//
//go:embed icon.png
var Icon []byte

// FontRegular and FontBold are DejaVu Sans, used wherever text is drawn
// outside Fyne (charts, PDF) so that Cyrillic always renders.
var (
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
)

// Translations holds translations/[area.]<lang>.json for lang.AddTranslationsFS.
//
//go:embed translations
var Translations embed.FS
