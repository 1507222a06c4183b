package charts

import (
	"strconv"

	"github.com/wcharczuk/go-chart/v2"

	"caredesk/data"
	"caredesk/data/kpi"
)

// NPSDistribution draws the number of responses per score 0..10 as bars
// from zero, coloured by NPS group, each with its count above it.
func NPSDistribution(total kpi.NPSStat, o Options) *Chart {
	o = o.normalized()
	c := &Chart{
		kind: KindNPSDistribution, opt: o, table: distributionTable(total, o.Labels),
		build: func(o Options) *Chart { return NPSDistribution(total, o) },
	}
	if total.N == 0 {
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
	labels := make([]string, len(total.Scores))
	var most int64
	for i, n := range total.Scores {
		labels[i] = strconv.Itoa(i)
		most = max(most, n)
	}
	xTicks, _ := f.categoryTicks(labels)
	var yTicks []chart.Tick
	for _, v := range niceCountTicks(most, 5) {
		yTicks = append(yTicks, chart.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	f.caption = truncate(o.Labels.Responses, maxLegendRune)
	scores := total.Scores
	c.graph = f.graph(xTicks, yTicks, nil, painter{name: "distribution", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		f.paintDistribution(r, box, xr, yr, scores)
	}})
	return c
}

func (f *frame) paintDistribution(r chart.Renderer, box chart.Box, xr, yr chart.Range, scores [11]int64) {
	o, pal := f.opt, f.pal
	half := barHalfWidth(o, xr)
	for i, n := range scores {
		fill := pal.promoters
		switch data.Score(i).Group() {
		case data.GroupDetractors:
			fill = pal.detractors
		case data.GroupPassives:
			fill = pal.passives
		}
		x, y0 := xy(box, xr, yr, i, 0)
		_, y1 := xy(box, xr, yr, i, float64(n))
		if n > 0 {
			f.rect(r, x-half, y1, x+half, y0, fill)
		}
		f.centredText(r, o.Labels.count(n), x, y1-o.px(6), valueSize, pal.text)
	}
}

// distributionTable: score, responses, share of all scored responses.
func distributionTable(total kpi.NPSStat, l Labels) [][]string {
	rows := [][]string{{orDefault(l.Score, "Score"), orDefault(l.Responses, "Responses"), "%"}}
	for i, n := range total.Scores {
		rows = append(rows, []string{strconv.Itoa(i), l.count(n), l.fixed1(share(n, total.N))})
	}
	return rows
}
