package main

import (
	"context"

	fyneapp "fyne.io/fyne/v2/app"

	"caredesk/data"
	"caredesk/data/demo"
	"caredesk/data/sqlite"
	"caredesk/ui"
	"caredesk/ui/widgets"
)

// appID matches FyneApp.toml; preferences are stored under it.
const appID = "app.caredesk.desktop"

func (a *app) runGUI() error {
	return ui.Run(fyneapp.NewWithID(appID), ui.Options{
		DBPath: a.dbPath,
		Open: func(ctx context.Context, path string) (data.Store, error) {
			return sqlite.Open(ctx, path)
		},
		DefaultPath: sqlite.DefaultPath,
		Demo: func(ctx context.Context, st data.Store, progress func(done, total int)) (data.ImportBatch, error) {
			opt := demo.DefaultOptions()
			opt.Lang = widgets.Lang()
			return demo.Generate(ctx, st, opt, progress)
		},
	})
}
