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
	default:
		_ = os.Unsetenv("LANGUAGE")
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("load translations", err)
	}
	widgets.SetLang(resolvedLanguage())
}

// resolvedLanguage is the language the translations resolved to.
func resolvedLanguage() string {
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), "ru") {
		return "ru"
	}
	if l := strings.ToLower(os.Getenv("LANGUAGE")); strings.HasPrefix(l, "ru") {
		return "ru"
	}
	return "en"
}
