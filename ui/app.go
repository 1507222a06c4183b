// Package ui is CareDesk's application shell: the main window, navigation,
// shortcuts, theme, typed preferences and the mapping of errors to dialogs.
// Screens live in ui/screens/*, reusable widgets in ui/widgets.
package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"caredesk/data"
)

// Options wires the shell to the outside; cmd/caredesk fills it, so the UI
// never depends on the SQLite implementation.
type Options struct {
	DBPath      string // --db; overrides the path chosen in Settings
	Open        func(ctx context.Context, path string) (data.Store, error)
	DefaultPath func() (string, error)
	Demo        func(ctx context.Context, st data.Store, progress func(done, total int)) (data.ImportBatch, error)
}

// Run shows the main window and blocks until it is closed. The window
// appears at once; the database opens in the background.
func Run(a fyne.App, o Options) error {
	s := newShell(a, o)
	s.win.Show()
	s.open()
	a.Run()
	s.close()
	return nil
}
