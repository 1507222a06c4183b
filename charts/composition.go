package charts

import (
	"slices"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"caredesk/data/kpi"
)

// NPSComposition draws one 100% stacked bar per period: detractors from
// zero, then passives, then promoters. Periods without responses stay empty.
func NPSComposition(s kpi.Series, o Options) *Chart {
	o = o.normalized()
	s.Periods = slices.Clone(s.Periods) // the chart re-renders later: own the data
	c := &Chart{
		kind: KindNPSComposition, opt: o, table: compositionTable(s, o.Labels),
		build: func(o Options) *Chart { return NPSComposition(s, o) },
	}
	if !hasResponses(s) {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	pal := f.pal
	f.legend = []legendItem{
		{swatchBox, pal.detractors, o.Labels.Detractors},
		{swatchBox, pal.passives, o.Labels.Passives},
		{swatchBox, pal.promoters, o.Labels.Promoters},
	}
	labels := make([]string, len(s.Periods))
	for i, p := range s.Periods {
		labels[i] = p.Period.Label
	}
	xTicks, _ := f.categoryTicks(labels)
	var yTicks []chart.Tick
	for v := 0.0; v <= 100; v += 25 {
		yTicks = append(yTicks, chart.Tick{Value: v, Label: strconv.Itoa(int(v)) + "%"})
	}
	periods := s.Periods
	c.graph = f.graph(xTicks, yTicks, nil, painter{name: "composition", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		f.paintComposition(r, box, xr, yr, periods)
	}})
	return c
}

func (f *frame) paintComposition(r chart.Renderer, box chart.Box, xr, yr chart.Range, periods []kpi.NPSStat) {
	o, pal := f.opt, f.pal
	half := barHalfWidth(o, xr)
	type segment struct {
		count      int64
		fill, text drawing.Color
	}
	for i, p := range periods {
		if p.N == 0 {
			continue
		}
		x, _ := xy(box, xr, yr, i, 0)
		base := 0.0
		for _, seg := range []segment{
			{p.Detractors, pal.detractors, pal.onDetractors},
			{p.Passives, pal.passives, pal.onPassives},
			{p.Promoters, pal.promoters, pal.onPromoters},
		} {
			if seg.count == 0 {
				continue
			}
			top := base + share(seg.count, p.N)
			_, y0 := xy(box, xr, yr, i, base)
			_, y1 := xy(box, xr, yr, i, top)
			if base+share(seg.count, p.N) >= 99.95 {
				_, y1 = xy(box, xr, yr, i, 100) // rounding must not leave a sliver
			}
			f.rect(r, x-half, y1, x+half, y0, seg.fill)
			// The share goes inside the segment only where it fits.
			label := strconv.Itoa(int(share(seg.count, p.N)+0.5)) + "%"
			r.SetFont(f.regular)
			r.SetFontSize(valueSize)
			tb := r.MeasureText(label)
			if y0-y1 >= tb.Height()+o.px(6) && 2*half >= tb.Width()+o.px(4) {
				f.centredText(r, label, x, (y0+y1+tb.Height())/2, valueSize, seg.text)
			}
			base = top
		}
	}
}

// barHalfWidth is half a bar: 70% of a category slot, at most 36px.
func barHalfWidth(o Options, xr chart.Range) int {
	slot := float64(xr.Translate(1) - xr.Translate(0))
	return max(1, min(int(slot*0.35), o.px(36)))
}

// compositionTable: period, n, group shares in percent, NPS.
func compositionTable(s kpi.Series, l Labels) [][]string {
	rows := [][]string{{orDefault(l.Period, "Period"), "n",
		orDefault(l.Detractors, "Detractors") + ", %", orDefault(l.Passives, "Passives") + ", %",
		orDefault(l.Promoters, "Promoters") + ", %", orDefault(l.NPS, "NPS")}}
	for _, p := range s.Periods {
		row := []string{p.Period.Label, l.count(p.N), "", "", "", ""}
		if p.N > 0 {
			row[2], row[3], row[4] = l.fixed1(share(p.Detractors, p.N)), l.fixed1(share(p.Passives, p.N)), l.fixed1(share(p.Promoters, p.N))
			row[5] = l.fixed1(p.NPS)
		}
		rows = append(rows, row)
	}
	return rows
}
