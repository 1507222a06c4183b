package dashboard

import (
	"context"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

var segmentations = []data.Segmentation{data.SegmentChannel, data.SegmentTouchpoint, data.SegmentClientSegment, data.SegmentTag}

// breakdown is the NPS of each channel, touchpoint, client segment or tag
// over the dashboard's range, with the latest period's change.
type breakdown struct {
	by    *widget.Select
	table *widget.Table
	rows  []breakdownRow // UI goroutine only
	box   fyne.CanvasObject
}

type breakdownRow struct {
	name   string
	total  kpi.NPSStat
	latest kpi.NPSStat
}

var breakdownWidths = []float32{115, 95, 62, 125, 170}

func newBreakdown(onChange func()) *breakdown {
	b := &breakdown{}
	b.by = widget.NewSelect(nil, func(string) { onChange() })
	for _, s := range segmentations {
		b.by.Options = append(b.by.Options, lang.L("dashboard.segment."+string(s)))
	}
	b.by.Selected = b.by.Options[0]
	b.table = widgets.NewLabelTable(func() int { return len(b.rows) },
		[]string{"dashboard.col.segment", "dashboard.col.n", "dashboard.col.nps", "dashboard.col.ci", "dashboard.col.change"}, breakdownWidths[:],
		func(id widget.TableCellID, l *widget.Label) {
			text, imp := b.cell(id)
			l.Importance = imp
			l.SetText(text)
		})
	head := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(lang.L("dashboard.breakdown"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil,
		container.NewHBox(widgets.FixedWidth(b.by, 190)))
	b.box = container.NewBorder(head, nil, nil, nil, b.table)
	return b
}

func (b *breakdown) segmentation() data.Segmentation {
	return segmentations[max(0, b.by.SelectedIndex())]
}

// load computes the rows of q's range off the UI goroutine.
func (b *breakdown) load(ctx context.Context, src kpi.DailySource, q kpi.NPSQuery) ([]breakdownRow, error) {
	segs, err := kpi.LoadSegments(ctx, src, q)
	if err != nil {
		return nil, err
	}
	rows := make([]breakdownRow, 0, len(segs))
	for _, s := range segs {
		r := breakdownRow{name: s.Segment, total: s.Total}
		r.latest, _ = s.Latest()
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].total.N > rows[j].total.N })
	return rows, nil
}

func (b *breakdown) set(rows []breakdownRow, seg data.Segmentation) {
	for i := range rows {
		switch {
		case rows[i].name == "":
			rows[i].name = lang.L("dashboard.segment.none")
		case seg == data.SegmentChannel:
			rows[i].name = widgets.ChannelName(data.Channel(rows[i].name))
		}
	}
	b.rows = rows
	b.table.Refresh()
}

func (b *breakdown) cell(id widget.TableCellID) (string, widget.Importance) {
	if id.Row >= len(b.rows) {
		return "", widget.MediumImportance
	}
	r := b.rows[id.Row]
	switch id.Col {
	case 0:
		return r.name, widget.MediumImportance
	case 1:
		return widgets.Int(r.total.N), widget.MediumImportance
	case 2:
		if r.total.Thin && r.total.N > 0 {
			return npsText(r.total.NPS) + " · " + lang.L("dashboard.thin_short"), widget.WarningImportance
		}
		return npsText(r.total.NPS), widget.MediumImportance
	case 3:
		if r.total.N == 0 {
			return "—", widget.LowImportance
		}
		return widgets.Num(r.total.Low, 1) + " … " + widgets.Num(r.total.High, 1), widget.LowImportance
	default:
		if !r.latest.HasDelta {
			return "—", widget.LowImportance
		}
		text := data.FormatSigned(widgets.Lang(), r.latest.Delta, 1)
		if !r.latest.Significant {
			return text + " · " + lang.L("dashboard.ns"), widget.LowImportance
		}
		if r.latest.Delta < 0 {
			return text + " · " + lang.L("dashboard.sig"), widget.DangerImportance
		}
		return text + " · " + lang.L("dashboard.sig"), widget.SuccessImportance
	}
}
