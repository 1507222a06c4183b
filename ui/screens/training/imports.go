package training

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

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
	d.Show()
}

// ImportFile opens the import wizard for a file of courses or plan items.
func (s *Screen) ImportFile(kind importer.TeamKind, path string) {
	loc := s.deps.Store.Location()
	options := func(o widgets.ImportOptions) importer.Options {
		opt := importer.Options{Encoding: o.Encoding, Delimiter: o.Delimiter, HeaderRows: o.HeaderRows, Format: o.Format,
			DateOrder: importer.DateOrder(o.DateOrder), Location: loc, Strict: o.Strict}
		if o.Mapping != nil {
			opt.Mapping = map[importer.Field]string{}
			for f, col := range o.Mapping {
				opt.Mapping[importer.Field(f)] = col
			}
		}
		return opt
	}
	var w *widgets.ImportWizard
	w = widgets.OpenImportWizard(s.deps.Window, path, widgets.ImportAdapter{
		Title:       lang.L("training.import.kind." + string(kind)),
		ImportedKey: "training.import.imported",
		FieldName:   func(f string) string { return lang.L("training.import_field." + f) },
		Encodings:   importer.Encodings,
		Location:    loc,
		Inspect: func(path string, o widgets.ImportOptions) (*widgets.ImportPreview, error) {
			pv, err := importer.InspectTeam(kind, path, options(o))
			if err != nil {
				return nil, err
			}
			return wizardPreview(pv), nil
		},
		Import: func(ctx context.Context, path string, o widgets.ImportOptions, progress func(widgets.ImportProgress)) (widgets.ImportResult, error) {
			res, err := importer.ImportTeam(ctx, s.deps.Store, kind, path, options(o), func(p importer.Progress) {
				progress(widgets.ImportProgress(p))
			})
			return wizardResult(res.Result), err
		},
		Refused:   func(err error) bool { return errors.Is(err, importer.ErrStrict) },
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

// wizardPreview hands the wizard what InspectTeam found, in its plain
// terms.
func wizardPreview(pv *importer.Preview) *widgets.ImportPreview {
	w := &widgets.ImportPreview{File: pv.File, Size: pv.Size, Encoding: pv.Encoding, EncodingSure: pv.EncodingSure,
		Delimiter: pv.Delimiter, HeaderRows: pv.HeaderRows, Format: pv.Format, Generic: pv.Format == importer.FormatGeneric,
		DateLayout: pv.DateLayout, DateAmbiguous: pv.DateAmbiguous, Columns: pv.Columns, Sample: pv.Sample, Mapping: map[string]string{}}
	for _, f := range pv.Fields {
		w.Fields = append(w.Fields, string(f))
	}
	for f, col := range pv.Mapping {
		w.Mapping[string(f)] = col
	}
	for _, m := range pv.Warnings {
		w.Warnings = append(w.Warnings, widgets.Translated(m.Code, m.Args, m.Text))
	}
	return w
}

// wizardResult hands the wizard an import's result with its messages
// translated.
func wizardResult(res importer.Result) widgets.ImportResult {
	w := widgets.ImportResult{Imported: res.Imported, Duplicates: res.Duplicates, Rejected: res.Rejected,
		Skipped: res.Skipped, RejectsFile: res.RejectsFile, Committed: res.Committed}
	for _, r := range res.Rejects {
		w.Rejects = append(w.Rejects, widgets.ImportReject{Row: r.Row, Column: r.Column, Value: r.Value,
			Reason: widgets.Translated(r.Code, r.Args, r.Reason)})
	}
	for _, m := range res.Warnings {
		w.Warnings = append(w.Warnings, widgets.Translated(m.Code, m.Args, m.Text))
	}
	return w
}
