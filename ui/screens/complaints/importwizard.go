package complaints

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

// Import asks for a ticket export, then opens the import wizard for it.
func (s *Screen) Import() {
	widgets.PickImportFile(s.deps.Window, s.showError, s.ImportFile)
}

// ImportFile opens the import wizard for a known file: the feedback
// wizard's steps over the complaint importer.
func (s *Screen) ImportFile(path string) {
	var w *widgets.ImportWizard
	w = widgets.OpenImportWizard(s.deps.Window, path, widgets.ImportAdapter{
		Title:            lang.L("complaints.wizard.title"),
		ImportedKey:      "complaints.wizard.imported",
		FileDateLabel:    lang.L("complaints.wizard.file_date"),
		FileDateRequired: lang.L("complaints.wizard.file_date_required"),
		DateField:        importer.FieldOpened,
		FieldName:        func(f data.ImportField) string { return lang.L("complaints.import_field." + string(f)) },
		Encodings:        importer.Encodings,
		Location:         s.deps.Store.Location(),
		Inspect:          importer.InspectComplaints,
		Import: func(ctx context.Context, path string, opt data.ImportOptions, progress func(data.ImportProgress)) (data.ImportResult, error) {
			return importer.ImportComplaints(ctx, s.deps.Store, path, opt, progress)
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
