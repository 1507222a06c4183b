// Package widgets holds CareDesk's reusable Fyne widgets.
package widgets

import (
	"errors"
	"maps"
	"sync/atomic"

	"fyne.io/fyne/v2/lang"

	"caredesk/data"
)

var currentLang atomic.Value // string: "ru" or "en"

// SetLang records the UI language for number, date and plural formatting.
// The shell calls it at start-up and when the user switches language.
func SetLang(code string) { currentLang.Store(code) }

// Lang returns the UI language ("en" until SetLang is called).
func Lang() string {
	if s, ok := currentLang.Load().(string); ok && s != "" {
		return s
	}
	return "en"
}

// Num formats a number in the UI language.
func Num(v float64, decimals int) string { return data.FormatNumber(Lang(), v, decimals) }

// Int formats a count in the UI language.
func Int(n int64) string { return data.FormatInt(Lang(), n) }

// ChannelName is the translated name of a channel.
func ChannelName(c data.Channel) string {
	if c == "" {
		return "—"
	}
	return lang.L("channel." + string(c))
}

// GroupName is the translated name of an NPS score group.
func GroupName(g data.ScoreGroup) string {
	if g == data.GroupAll {
		return lang.L("group.all")
	}
	return lang.L("group." + string(g))
}

// countArgs are the arguments of messages that hold counts, written per
// locale ("141 000", "141,000"); a row number is left as the file's
// editors show it.
var countArgs = map[string]bool{"Count": true, "Rows": true, "Max": true}

// Translated is the translation of a message that packages without Fyne
// (such as the importer) describe by a key, arguments and an English
// text; the English text stands in when the key is empty or untranslated.
// A message among the arguments (a refusal inside the sentence naming its
// file) is translated first, and counts are formatted.
func Translated(key string, args map[string]any, english string) string {
	if key == "" {
		return english
	}
	cloned := false
	for k, v := range args {
		var s string
		switch v := v.(type) {
		case data.ImportMessage:
			s = Translated(v.Code, v.Args, v.Text)
		case int:
			if !countArgs[k] {
				continue
			}
			s = Int(int64(v))
		case int64:
			if !countArgs[k] {
				continue
			}
			s = Int(v)
		default:
			continue
		}
		if !cloned {
			args, cloned = maps.Clone(args), true
		}
		args[k] = s
	}
	if s := lang.L(key, args); s != "" && s != key {
		return s
	}
	return english
}

// RefusalText is the translated message of an importer's refusal of a
// file, naming the file; ok is false when err is no refusal. The
// importer's errors say it through their Refusal method (this package may
// not import the importer).
func RefusalText(err error) (text string, ok bool) {
	var r interface {
		Refusal() (data.ImportMessage, bool)
	}
	if !errors.As(err, &r) {
		return "", false
	}
	m, ok := r.Refusal()
	if !ok {
		return "", false
	}
	return Translated(m.Code, m.Args, m.Text), true
}
