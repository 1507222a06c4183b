package feedback

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// importHistory is the dialog listing past imports, where one can be
// taken back whole (a file imported with the wrong date or mapping).
type importHistory struct {
	s        *Screen
	batches  []data.ImportBatch // UI goroutine only
	selected int
	table    *widget.Table
	undo     *widget.Button
	dlg      dialog.Dialog
}

var importColumns = []struct {
	key   string
	width float32
}{{"feedback.imports.when", 150}, {"feedback.imports.file", 230}, {"feedback.imports.added", 90}, {"feedback.imports.duplicates", 100}, {"feedback.imports.rejected", 100}}

// ShowImports opens the import history.
func (s *Screen) ShowImports() {
	h := &importHistory{s: s, selected: -1}
	s.history = h
	var keys []string
	var widths []float32
	for _, c := range importColumns {
		keys, widths = append(keys, c.key), append(widths, c.width)
	}
	h.table = widgets.NewLabelTable(func() int { return len(h.batches) }, keys, widths,
		func(id widget.TableCellID, l *widget.Label) { l.SetText(h.cell(id)) })
	h.table.OnSelected = func(id widget.TableCellID) {
		h.selected = id.Row
		h.undo.Enable()
	}
	h.undo = widget.NewButtonWithIcon(lang.L("feedback.imports.undo"), theme.DeleteIcon(), h.confirmUndo)
	h.undo.Importance = widget.DangerImportance
	h.undo.Disable()
	hint := widget.NewLabel(lang.L("feedback.imports.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	body := container.NewBorder(nil, container.NewBorder(nil, nil, nil, h.undo, hint), nil, nil, h.table)
	h.dlg = dialog.NewCustom(lang.L("feedback.imports.title"), lang.L("feedback.imports.close"), body, s.deps.Window)
	h.dlg.Resize(fyne.NewSize(760, 460))
	widgets.ShowWithEscape(s.deps.Window, h.dlg)
	h.load()
}

func (h *importHistory) cell(id widget.TableCellID) string {
	if id.Row >= len(h.batches) {
		return ""
	}
	b := h.batches[id.Row]
	switch id.Col {
	case 0:
		return data.FormatDateTime(widgets.Lang(), b.ImportedAt.In(h.s.deps.Store.Location()))
	case 1:
		return b.FileName
	case 2:
		return widgets.Int(int64(b.Imported))
	case 3:
		return widgets.Int(int64(b.Duplicates))
	}
	return widgets.Int(int64(b.Rejected))
}

// load reads the batches off the UI goroutine.
func (h *importHistory) load() {
	widgets.Go(func() {
		batches, err := h.s.deps.Store.ImportBatches(context.Background())
		widgets.Do(func() {
			if err != nil {
				h.s.showError(err)
				return
			}
			h.batches, h.selected = batches, -1
			h.undo.Disable()
			h.table.UnselectAll()
			h.table.Refresh()
		})
	})
}

func (h *importHistory) confirmUndo() {
	if h.selected < 0 || h.selected >= len(h.batches) {
		return
	}
	b := h.batches[h.selected]
	msg := lang.LocalizePluralKey("feedback.imports.confirm", "", b.Imported,
		map[string]any{"File": b.FileName, "Count": widgets.Int(int64(b.Imported))})
	widgets.Confirm(lang.L("feedback.imports.undo"), msg, func(ok bool) {
		if ok {
			h.undoBatch(b.ID)
		}
	}, h.s.deps.Window)
}

// undoBatch removes the import in one transaction, then refreshes.
func (h *importHistory) undoBatch(id int64) {
	h.undo.Disable()
	widgets.Go(func() {
		_, err := h.s.deps.Store.DeleteImportBatch(context.Background(), id)
		widgets.Do(func() {
			if err != nil {
				h.s.showError(err)
				return
			}
			h.load()
			h.s.Refresh()
			if h.s.deps.Changed != nil {
				h.s.deps.Changed()
			}
		})
	})
}
