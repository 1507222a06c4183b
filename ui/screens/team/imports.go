package team

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

// Import asks for a file of employees, then opens the import wizard.
func (s *Screen) Import() {
	widgets.PickImportFile(s.deps.Window, s.showError, s.ImportFile)
}

// ImportFile opens the import wizard for a file of employees: existing
// employees (matched by name) are updated, bad rows are shown and
// written to a rejects file, and the whole file is one transaction.
func (s *Screen) ImportFile(path string) {
	var w *widgets.ImportWizard
	w = widgets.OpenImportWizard(s.deps.Window, path, widgets.ImportAdapter{
		Title:       lang.L("team.import.title"),
		ImportedKey: "team.import.imported",
		FieldName:   func(f data.ImportField) string { return lang.L("team.import_field." + string(f)) },
		Encodings:   importer.Encodings,
		Location:    s.deps.Store.Location(),
		Inspect: func(path string, opt data.ImportOptions) (*data.ImportPreview, error) {
			return importer.InspectTeam(importer.TeamEmployees, path, opt)
		},
		Import: func(ctx context.Context, path string, opt data.ImportOptions, progress func(data.ImportProgress)) (data.ImportResult, error) {
			res, err := importer.ImportTeam(ctx, s.deps.Store, importer.TeamEmployees, path, opt, progress)
			return res.Result, err
		},
		ShowError: s.showError,
		Imported:  s.afterChange,
		Closed: func() {
			if s.wizard == w {
				s.wizard = nil
			}
		},
	})
	s.wizard = w
}
