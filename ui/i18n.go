package ui

import (
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"caredesk/assets"
	"caredesk/ui/widgets"
)

var (
	envOnce     sync.Once
	envLanguage string // LANGUAGE as the process started with it
	envHad      bool
)

// LoadTranslations loads the embedded translations and picks the UI
// language: "ru" or "en" forces it, anything else ("system", none) follows
// the system. Fyne reads the language from the environment, so forcing one
// sets LANGUAGE before the translations are (re)loaded.
func LoadTranslations(code ...string) {
	envOnce.Do(func() { envLanguage, envHad = os.LookupEnv("LANGUAGE") })
	switch {
	case len(code) > 0 && (code[0] == "ru" || code[0] == "en"):
		_ = os.Setenv("LANGUAGE", code[0])
	case envHad:
		_ = os.Setenv("LANGUAGE", envLanguage)
	case cLocale():
		// The C/POSIX locale names no language; Fyne would log a parse
		// error on every start. It means English.
		_ = os.Setenv("LANGUAGE", "en")
	default:
		_ = os.Unsetenv("LANGUAGE")
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("load translations", err)
	}
	widgets.SetLang(resolvedLanguage())
}

// cLocale reports whether the effective messages locale is C or POSIX.
func cLocale() bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.")
		}
	}
	return true
}

// resolvedLanguage is the language the translations resolved to: the
// first language the environment names (as on Linux), else the system's.
func resolvedLanguage() string {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := strings.ToLower(os.Getenv(k)); v != "" {
			if strings.HasPrefix(v, "ru") {
				return "ru"
			}
			return "en"
		}
	}
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), "ru") {
		return "ru"
	}
	return "en"
}
