package ui

import "fyne.io/fyne/v2"

// Preference keys and defaults, in one place so screens never scatter bare
// string keys. These are per-user; department-wide settings live in the
// database (data.SettingsStore).
const (
	prefLanguage = "ui.language"   // "system", "ru", "en"
	prefTheme    = "ui.theme"      // "system", "light", "dark"
	prefDBPath   = "db.path"       // database file; "" = default
	prefMe       = "complaints.me" // employee id of the user, for "my complaints"; 0 = not said
)

// Prefs is a typed view of fyne.Preferences.
type Prefs struct{ p fyne.Preferences }

// Language is the chosen UI language: "system", "ru" or "en".
func (p Prefs) Language() string { return p.p.StringWithFallback(prefLanguage, "system") }

// SetLanguage stores the UI language.
func (p Prefs) SetLanguage(v string) { p.p.SetString(prefLanguage, v) }

// Theme is the chosen theme: "system", "light" or "dark".
func (p Prefs) Theme() string { return p.p.StringWithFallback(prefTheme, "system") }

// SetTheme stores the theme.
func (p Prefs) SetTheme(v string) { p.p.SetString(prefTheme, v) }

// DBPath is the database file chosen in Settings ("" = the default).
func (p Prefs) DBPath() string { return p.p.String(prefDBPath) }

// SetDBPath stores the database file used from the next start.
func (p Prefs) SetDBPath(v string) { p.p.SetString(prefDBPath, v) }

// Me is the employee the user said they are (0 = not said yet).
func (p Prefs) Me() int64 { return int64(p.p.Int(prefMe)) }

// SetMe stores which employee the user is.
func (p Prefs) SetMe(id int64) { p.p.SetInt(prefMe, int(id)) }
