package charts

import (
	"math"
	"slices"

	"github.com/wcharczuk/go-chart/v2"

	"caredesk/data/kpi"
)

// NPSTrend draws NPS per period as a line with its 95% interval as a band,
// an optional dashed target line and hollow grey dots for thin samples.
// Periods without responses are gaps; a period with no neighbour shows its
// interval as an error bar. The y axis always runs −100..100.
func NPSTrend(s kpi.Series, o Options) *Chart {
	o = o.normalized()
	s.Periods = slices.Clone(s.Periods) // the chart re-renders later: own the data
	c := &Chart{
		kind: KindNPSTrend, opt: o, table: trendTable(s, o.Labels),
		build: func(o Options) *Chart { return NPSTrend(s, o) },
	}
	if !hasResponses(s) {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c // renders as empty and reports the font error then
	}
	pal := f.pal
	anyThin := false
	for _, p := range s.Periods {
		anyThin = anyThin || (p.N > 0 && p.Thin)
	}
	f.legend = []legendItem{{swatchLine, pal.nps, o.Labels.NPS}, {swatchBand, pal.band, o.Labels.Band95}}
	if o.Target != nil {
		// The value goes in the legend: on the line it would collide with
		// the labels of the newest points.
		label := signed(*o.Target)
		if o.Labels.Target != "" {
			label = o.Labels.Target + " (" + label + ")"
		}
		f.legend = append(f.legend, legendItem{swatchDashed, pal.target, label})
	}
	if anyThin {
		f.legend = append(f.legend, legendItem{swatchHollowDot, pal.thin, o.Labels.Thin})
	}

	labels := make([]string, len(s.Periods))
	for i, p := range s.Periods {
		labels[i] = p.Period.Label
	}
	xTicks, step := f.categoryTicks(labels)

	// Every 25 points when the plot is tall enough to keep labels apart.
	every := 50.0
	if o.Height >= 400 {
		every = 25
	}
	var yTicks []chart.Tick
	for v := -100.0; v <= 100; v += every {
		yTicks = append(yTicks, chart.Tick{Value: v, Label: signed(v)})
	}
	zero := 0.0
	periods := s.Periods
	c.graph = f.graph(xTicks, yTicks, &zero, painter{name: "nps", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		f.paintTrend(r, box, xr, yr, periods, step == 1)
	}})
	return c
}

// paintTrend draws band, target, line, dots and value labels in that order
// so that points sit on top.
func (f *frame) paintTrend(r chart.Renderer, box chart.Box, xr, yr chart.Range, periods []kpi.NPSStat, labelAll bool) {
	o, pal := f.opt, f.pal
	runs := runsWithResponses(periods)
	for _, run := range runs {
		if len(run) == 1 {
			// No neighbours to spread a band to: the interval becomes a
			// short band with whiskers, so the point still shows its doubt.
			i := run[0]
			x, yl := xy(box, xr, yr, i, periods[i].Low)
			_, yh := xy(box, xr, yr, i, periods[i].High)
			half := min(o.px(14), barHalfWidth(o, xr))
			f.rect(r, x-half, yh, x+half, yl, pal.band)
			f.line(r, x, yl, x, yh, pal.whisker, 1.5, nil)
			f.line(r, x-half, yl, x+half, yl, pal.whisker, 1.5, nil)
			f.line(r, x-half, yh, x+half, yh, pal.whisker, 1.5, nil)
			continue
		}
		band := make([][2]int, 0, 2*len(run))
		for _, i := range run {
			x, y := xy(box, xr, yr, i, periods[i].High)
			band = append(band, [2]int{x, y})
		}
		for k := len(run) - 1; k >= 0; k-- {
			x, y := xy(box, xr, yr, run[k], periods[run[k]].Low)
			band = append(band, [2]int{x, y})
		}
		f.polygon(r, band, pal.band)
	}
	if o.Target != nil {
		_, y := xy(box, xr, yr, 0, *o.Target)
		f.line(r, box.Left, y, box.Right, y, pal.target, 2, []float64{8, 5})
	}
	for _, run := range runs {
		pts := make([][2]int, len(run))
		for k, i := range run {
			x, y := xy(box, xr, yr, i, periods[i].NPS)
			pts[k] = [2]int{x, y}
		}
		f.polyline(r, pts, pal.nps, 2.5, nil)
	}
	last := -1
	for i, p := range periods {
		if p.N == 0 {
			continue
		}
		last = i
		x, y := xy(box, xr, yr, i, p.NPS)
		if p.Thin {
			f.dot(r, x, y, 4.5, pal.background, pal.thin, 2)
		} else {
			f.dot(r, x, y, 4.5, pal.nps, pal.background, 1.5)
		}
	}
	isolated := map[int]bool{}
	for _, run := range runs {
		if len(run) == 1 {
			isolated[run[0]] = true
		}
	}
	for i, p := range periods {
		if p.N == 0 || (!labelAll && i != last) {
			continue
		}
		x, y := xy(box, xr, yr, i, p.NPS)
		label := signed(math.Round(p.NPS))
		if isolated[i] {
			// Above the point the label would sit on the whisker.
			r.SetFont(f.regular)
			r.SetFontSize(valueSize)
			h := r.MeasureText(label).Height()
			f.text(r, label, x+min(o.px(14), barHalfWidth(o, xr))+o.px(5), y+h/2, f.regular, valueSize, pal.text)
			continue
		}
		f.centredText(r, label, x, y-o.px(10), valueSize, pal.text)
	}
}

// runsWithResponses splits the period indexes into runs of consecutive
// periods that have responses: each run is one stretch of line and band.
func runsWithResponses(periods []kpi.NPSStat) [][]int {
	var runs [][]int
	var cur []int
	for i, p := range periods {
		if p.N == 0 {
			if len(cur) > 0 {
				runs = append(runs, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// trendTable: period, n, NPS, interval bounds, and a thin mark when some
// period has too few answers (an empty column of marks only took room).
func trendTable(s kpi.Series, l Labels) [][]string {
	anyThin := slices.ContainsFunc(s.Periods, func(p kpi.NPSStat) bool { return p.N > 0 && p.Thin })
	head := []string{orDefault(l.Period, "Period"), "n", orDefault(l.NPS, "NPS"), orDefault(l.Low, "Low"), orDefault(l.High, "High")}
	if anyThin {
		head = append(head, orDefault(l.Thin, "n < 30"))
	}
	rows := [][]string{head}
	for _, p := range s.Periods {
		row := []string{p.Period.Label, l.count(p.N), l.fixed1(p.NPS), l.fixed1(p.Low), l.fixed1(p.High)}
		if anyThin {
			thin := ""
			if p.N > 0 && p.Thin {
				thin = "•"
			}
			row = append(row, thin)
		}
		rows = append(rows, row)
	}
	return rows
}
