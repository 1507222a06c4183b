// Package clocale runs before Fyne initialises its translations. Under a
// C or POSIX messages locale with a codeset (LANG=C.UTF-8, as in
// containers and CI) Fyne's lang package parses "C" as a language tag
// while it initialises and logs an error on every command. C means
// English, so this package says so through LANGUAGE first.
//
// It works because Go initialises packages in import-path order once
// their own imports are ready: caredesk/... sorts before fyne.io/..., and
// this package needs only os and strings.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if _, set := os.LookupEnv("LANGUAGE"); set {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
				_ = os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
}
