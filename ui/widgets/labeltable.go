package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// NewLabelTable is a table of truncating labels under bold column headers
// (headerKeys are translation keys), the columns widths wide. rows gives
// the row count; update fills one cell's *widget.Label.
func NewLabelTable(rows func() int, headerKeys []string, widths []float32, update func(id widget.TableCellID, l *widget.Label)) *widget.Table {
	label := func(style fyne.TextStyle) *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, style)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(headerKeys) },
		func() fyne.CanvasObject { return label(fyne.TextStyle{}) },
		func(id widget.TableCellID, o fyne.CanvasObject) { update(id, o.(*widget.Label)) })
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return label(fyne.TextStyle{Bold: true}) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(headerKeys) {
			o.(*widget.Label).SetText(lang.L(headerKeys[id.Col]))
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}
