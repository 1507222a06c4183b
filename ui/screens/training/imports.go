package training

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

// importKinds are what the Training screen imports: the course catalogue
// and training plans (employees are imported on the Team screen).
var importKinds = []importer.TeamKind{importer.TeamCourses, importer.TeamTrainingPlan}

// Import asks whether the file holds courses or a plan, then for the file.
func (s *Screen) Import() {
	var names []string
	for _, k := range importKinds {
		names = append(names, lang.L("training.import.kind."+string(k)))
	}
	kind := widget.NewRadioGroup(names, nil)
	kind.SetSelected(names[0])
	kind.Required = true
	hint := widget.NewLabel(lang.L("training.import.hint"))
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("training.import.title"), lang.L("export.next"), lang.L("dialog.cancel"),
		container.NewVBox(kind, hint), func(ok bool) {
			if !ok {
				return
			}
			k := importKinds[max(0, slices.Index(names, kind.Selected))]
			widgets.PickImportFile(s.deps.Window, s.showError, func(path string) { s.ImportFile(k, path) })
		}, s.deps.Window)
	d.Resize(fyne.NewSize(440, d.MinSize().Height))
	widgets.ShowWithEscape(s.deps.Window, d)
}

// ImportFile opens the import wizard for a file of courses or plan items.
func (s *Screen) ImportFile(kind importer.TeamKind, path string) {
	var w *widgets.ImportWizard
	w = widgets.OpenImportWizard(s.deps.Window, path, widgets.ImportAdapter{
		Title:       lang.L("training.import.kind." + string(kind)),
		ImportedKey: "training.import.imported",
		FieldName:   func(f data.ImportField) string { return lang.L("training.import_field." + string(f)) },
		Encodings:   importer.Encodings,
		Location:    s.deps.Store.Location(),
		Inspect: func(path string, opt data.ImportOptions) (*data.ImportPreview, error) {
			return importer.InspectTeam(kind, path, opt)
		},
		Import: func(ctx context.Context, path string, opt data.ImportOptions, progress func(data.ImportProgress)) (data.ImportResult, error) {
			res, err := importer.ImportTeam(ctx, s.deps.Store, kind, path, opt, progress)
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
