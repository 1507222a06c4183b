package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"caredesk/data"
	"caredesk/data/kpi"
)

// Complaint chart kinds.
const (
	KindComplaintsByCategory Kind = "complaints-by-category"
	KindComplaintsFlow       Kind = "complaints-flow"
	KindResolutionTime       Kind = "resolution-time"
	KindSLA                  Kind = "sla"
	KindComplaintsPareto     Kind = "complaints-pareto"
)

// ComplaintKinds lists the complaint charts in menu order.
var ComplaintKinds = []Kind{KindComplaintsByCategory, KindComplaintsFlow, KindResolutionTime, KindSLA, KindComplaintsPareto}

// IsComplaintKind reports whether k is drawn by BuildComplaints.
func IsComplaintKind(k Kind) bool { return slices.Contains(ComplaintKinds, k) }

// ComplaintData is what the complaint charts draw. Categories must cover
// the same range and granularity as Overall (one segmented load).
type ComplaintData struct {
	Overall       kpi.ComplaintSeries   // the department: flow and resolution time
	Categories    []kpi.ComplaintSeries // segmented by category
	CategoryNames map[string]string     // segment value -> display name
	SLA           []kpi.SLASeries
	Working       bool // resolution time in working hours instead of calendar hours
}

// TopCategories is how many categories the stacked chart names; the rest
// are summed as "other". The Pareto names paretoCategories.
const (
	TopCategories    = 6
	paretoCategories = 10
)

// BuildComplaints dispatches a complaint chart by kind name.
func BuildComplaints(kind Kind, d ComplaintData, o Options) (*Chart, error) {
	switch kind {
	case KindComplaintsByCategory:
		return ComplaintsByCategory(d, o), nil
	case KindComplaintsFlow:
		return ComplaintsFlow(d.Overall, o), nil
	case KindResolutionTime:
		return ResolutionTime(d.Overall, d.Working, o), nil
	case KindSLA:
		return SLACompliance(d.SLA, o), nil
	case KindComplaintsPareto:
		return ComplaintsPareto(d, o), nil
	}
	return nil, fmt.Errorf("unknown complaint chart kind %q", kind)
}

// categoryTotal is a category's negative complaints over the range.
type categoryTotal struct {
	segment, name string
	total         int64
	perPeriod     []int64
}

// rankCategories orders categories by negative complaints, most first
// (ties by name), leaving out those without any.
func rankCategories(d ComplaintData, l Labels) []categoryTotal {
	var out []categoryTotal
	for _, s := range d.Categories {
		if s.Total.Counts.Negative <= 0 {
			continue
		}
		ct := categoryTotal{segment: s.Segment, name: categoryName(d.CategoryNames, s.Segment, l), total: s.Total.Counts.Negative}
		for _, p := range s.Periods {
			ct.perPeriod = append(ct.perPeriod, p.Counts.Negative)
		}
		out = append(out, ct)
	}
	slices.SortStableFunc(out, func(a, b categoryTotal) int {
		return cmp.Or(cmp.Compare(b.total, a.total), cmp.Compare(a.name, b.name))
	})
	return out
}

func categoryName(names map[string]string, segment string, l Labels) string {
	if n, ok := names[segment]; ok && n != "" {
		return n
	}
	if segment == "" {
		return orDefault(l.Uncategorised, "No category")
	}
	return segment
}

// topWithOther keeps the n largest categories and folds the rest into one
// "other" entry (segment "\x00other") at the end.
func topWithOther(ranked []categoryTotal, n, periods int, l Labels) []categoryTotal {
	if len(ranked) <= n {
		return ranked
	}
	other := categoryTotal{segment: "\x00other", name: orDefault(l.Other, "Other"), perPeriod: make([]int64, periods)}
	for _, c := range ranked[n:] {
		other.total += c.total
		for i, v := range c.perPeriod {
			if i < periods {
				other.perPeriod[i] += v
			}
		}
	}
	return append(slices.Clone(ranked[:n]), other)
}

// valueAt is v[i], or 0 past the end (a category loaded over fewer periods).
func valueAt(v []int64, i int) int64 {
	if i < len(v) {
		return v[i]
	}
	return 0
}

func (f *frame) categoryColor(i int, c categoryTotal) drawing.Color {
	if c.segment == "\x00other" {
		return f.pal.other
	}
	return f.pal.series[i%len(f.pal.series)]
}

// periodLabels are the period labels of the data's periods.
func periodLabels(d ComplaintData) []string {
	periods := d.Overall.Periods
	if len(periods) == 0 && len(d.Categories) > 0 {
		periods = d.Categories[0].Periods
	}
	out := make([]string, len(periods))
	for i, p := range periods {
		out[i] = p.Period.Label
	}
	return out
}

// fitLegend shortens legend labels so that n items share the chart width.
func (f *frame) fitLegend(label string, n int) string {
	o := f.opt
	per := (o.px(float64(o.Width))-o.px(40))/max(n, 1) - o.px(14+6+22)
	return f.fit(truncate(label, maxLegendRune), f.regular, legendSize, max(per, o.px(24)))
}

func countAxis(maxValue int64) []chart.Tick {
	var ticks []chart.Tick
	for _, v := range niceCountTicks(maxValue) {
		ticks = append(ticks, chart.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ticks
}

func percentAxis(every float64) []chart.Tick {
	var ticks []chart.Tick
	for v := 0.0; v <= 100; v += every {
		ticks = append(ticks, chart.Tick{Value: v, Label: strconv.Itoa(int(v)) + "%"})
	}
	return ticks
}

// ComplaintsByCategory draws negative complaints per period as bars from
// zero stacked by category: the TopCategories largest named, the rest as
// "other", the total above each bar.
func ComplaintsByCategory(d ComplaintData, o Options) *Chart {
	o = o.normalized()
	labels := periodLabels(d)
	cats := topWithOther(rankCategories(d, o.Labels), TopCategories, len(labels), o.Labels)
	c := &Chart{
		kind: KindComplaintsByCategory, opt: o, table: byCategoryTable(labels, cats, o.Labels),
		build: func(o Options) *Chart { return ComplaintsByCategory(d, o) },
	}
	if len(cats) == 0 || len(labels) == 0 {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	totals := make([]int64, len(labels))
	for _, ct := range cats {
		for i, v := range ct.perPeriod {
			if i < len(totals) {
				totals[i] += v
			}
		}
	}
	for i, ct := range cats {
		f.legend = append(f.legend, legendItem{swatchBox, f.categoryColor(i, ct), f.fitLegend(ct.name, len(cats))})
	}
	f.caption = truncate(o.Labels.Complaints, maxLegendRune)
	xTicks, step := f.categoryTicks(slices.Clone(labels))
	c.graph = f.graph(xTicks, countAxis(slices.Max(totals)), nil, painter{name: "by-category", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		for i, total := range totals {
			if total == 0 {
				continue
			}
			base := int64(0)
			for k, ct := range cats {
				v := valueAt(ct.perPeriod, i)
				if v == 0 {
					continue
				}
				x, y0 := xy(box, xr, yr, i, float64(base))
				_, y1 := xy(box, xr, yr, i, float64(base+v))
				f.rect(r, x-half, y1, x+half, y0, f.categoryColor(k, ct))
				base += v
			}
			if step == 1 {
				x, y := xy(box, xr, yr, i, float64(total))
				f.centredText(r, o.Labels.count(total), x, y-o.px(6), valueSize, f.pal.text)
			}
		}
	}})
	return c
}

// byCategoryTable: period, one column per category shown, total.
func byCategoryTable(periods []string, cats []categoryTotal, l Labels) [][]string {
	head := []string{orDefault(l.Period, "Period")}
	for _, c := range cats {
		head = append(head, c.name)
	}
	rows := [][]string{append(head, orDefault(l.Complaints, "Complaints"))}
	for i, p := range periods {
		row := []string{p}
		var total int64
		for _, c := range cats {
			v := valueAt(c.perPeriod, i)
			row = append(row, l.count(v))
			total += v
		}
		rows = append(rows, append(row, l.count(total)))
	}
	return rows
}

// ComplaintsFlow draws complaints opened and resolved per period as pairs
// of bars from zero, and the backlog at each period's end as a line.
func ComplaintsFlow(s kpi.ComplaintSeries, o Options) *Chart {
	o = o.normalized()
	s.Periods = slices.Clone(s.Periods)
	c := &Chart{
		kind: KindComplaintsFlow, opt: o, table: flowTable(s, o.Labels),
		build: func(o Options) *Chart { return ComplaintsFlow(s, o) },
	}
	var most int64
	for _, p := range s.Periods {
		most = max(most, p.Counts.Opened, p.Counts.Resolutions, p.Backlog)
	}
	if most == 0 {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	pal := f.pal
	f.legend = []legendItem{{swatchBox, pal.opened, o.Labels.Opened}, {swatchBox, pal.resolved, o.Labels.Resolved}, {swatchLine, pal.stock, o.Labels.Backlog}}
	f.caption = truncate(o.Labels.Complaints, maxLegendRune)
	labels := make([]string, len(s.Periods))
	for i, p := range s.Periods {
		labels[i] = p.Period.Label
	}
	xTicks, step := f.categoryTicks(labels)
	periods := s.Periods
	c.graph = f.graph(xTicks, countAxis(most), nil, painter{name: "flow", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		gap := max(1, o.px(1))
		pts := make([][2]int, len(periods))
		for i, p := range periods {
			x, y0 := xy(box, xr, yr, i, 0)
			if p.Counts.Opened > 0 {
				_, y1 := xy(box, xr, yr, i, float64(p.Counts.Opened))
				f.rect(r, x-half, y1, x-gap, y0, pal.opened)
			}
			if p.Counts.Resolutions > 0 {
				_, y1 := xy(box, xr, yr, i, float64(p.Counts.Resolutions))
				f.rect(r, x+gap, y1, x+half, y0, pal.resolved)
			}
			_, yb := xy(box, xr, yr, i, float64(p.Backlog))
			pts[i] = [2]int{x, yb}
		}
		f.polyline(r, pts, pal.stock, 2.5, nil)
		for i, pt := range pts {
			f.dot(r, pt[0], pt[1], 4, pal.stock, pal.background, 1.5)
			if step == 1 || i == len(pts)-1 {
				f.centredText(r, o.Labels.count(periods[i].Backlog), pt[0], pt[1]-o.px(10), valueSize, pal.text)
			}
		}
	}})
	return c
}

// flowTable: period, opened, resolved, backlog.
func flowTable(s kpi.ComplaintSeries, l Labels) [][]string {
	rows := [][]string{{orDefault(l.Period, "Period"), orDefault(l.Opened, "Opened"), orDefault(l.Resolved, "Resolved"), orDefault(l.Backlog, "Backlog")}}
	for _, p := range s.Periods {
		rows = append(rows, []string{p.Period.Label, l.count(p.Counts.Opened), l.count(p.Counts.Resolutions), l.count(p.Backlog)})
	}
	return rows
}

// ResolutionTime draws the median and the 90th percentile of resolution
// time per period in hours (calendar, or working when working is set):
// two lines with gaps where nothing was resolved, a lone period as dots.
func ResolutionTime(s kpi.ComplaintSeries, working bool, o Options) *Chart {
	o = o.normalized()
	s.Periods = slices.Clone(s.Periods)
	stat := func(p kpi.ComplaintStat) kpi.DurationStat {
		if working {
			return p.ResolutionWorking
		}
		return p.Resolution
	}
	c := &Chart{
		kind: KindResolutionTime, opt: o, table: resolutionTable(s, stat, o.Labels),
		build: func(o Options) *Chart { return ResolutionTime(s, working, o) },
	}
	if !slices.ContainsFunc(s.Periods, func(p kpi.ComplaintStat) bool { return stat(p).N > 0 }) {
		return c
	}
	top := 0.0
	for _, p := range s.Periods {
		if st := stat(p); st.N > 0 {
			top = math.Max(top, math.Max(st.P90, st.Median))
		}
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	pal := f.pal
	f.legend = []legendItem{{swatchLine, pal.nps, o.Labels.Median}, {swatchDashed, pal.target, o.Labels.P90}}
	f.caption = truncate(o.Labels.Hours, maxLegendRune)
	labels := make([]string, len(s.Periods))
	for i, p := range s.Periods {
		labels[i] = p.Period.Label
	}
	xTicks, step := f.categoryTicks(labels)
	values := niceTicks(top, false)
	var yTicks []chart.Tick
	for _, v := range values {
		yTicks = append(yTicks, chart.Tick{Value: v, Label: tickNumber(o.Labels.Lang, v, values[1]-values[0])})
	}
	medians := make([]float64, len(s.Periods))
	p90s := make([]float64, len(s.Periods))
	for i, p := range s.Periods {
		medians[i], p90s[i] = math.NaN(), math.NaN()
		if st := stat(p); st.N > 0 {
			medians[i], p90s[i] = st.Median, st.P90
		}
	}
	c.graph = f.graph(xTicks, yTicks, nil, painter{name: "resolution", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		f.paintLine(r, box, xr, yr, p90s, pal.target, []float64{8, 5}, false)
		f.paintLine(r, box, xr, yr, medians, pal.nps, nil, step == 1)
	}})
	return c
}

// paintLine draws values as a line broken at NaN, with a dot on every
// point and, with labels, the value above it (else only the newest).
func (f *frame) paintLine(r chart.Renderer, box chart.Box, xr, yr chart.Range, values []float64, color drawing.Color, dash []float64, labelAll bool) {
	var run [][2]int
	flush := func() {
		f.polyline(r, run, color, 2.5, dash)
		run = run[:0]
	}
	last := -1
	for i, v := range values {
		if math.IsNaN(v) {
			flush()
			continue
		}
		x, y := xy(box, xr, yr, i, v)
		run = append(run, [2]int{x, y})
		last = i
	}
	flush()
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		x, y := xy(box, xr, yr, i, v)
		f.dot(r, x, y, 4, color, f.pal.background, 1.5)
		if labelAll || i == last {
			f.centredText(r, data.FormatNumber(f.opt.Labels.Lang, v, 1), x, y-f.opt.px(10), valueSize, f.pal.text)
		}
	}
}

// tickNumber writes an axis value with as many decimals as the step needs.
func tickNumber(lang string, v, step float64) string {
	dec := 0
	for s := step; dec < 3 && math.Abs(s-math.Round(s)) > 1e-9; s *= 10 {
		dec++
	}
	return data.FormatNumber(lang, v, dec)
}

// resolutionTable: period, resolved, median, p90 (hours).
func resolutionTable(s kpi.ComplaintSeries, stat func(kpi.ComplaintStat) kpi.DurationStat, l Labels) [][]string {
	rows := [][]string{{orDefault(l.Period, "Period"), "n", orDefault(l.Median, "Median") + ", h", orDefault(l.P90, "90th percentile") + ", h"}}
	for _, p := range s.Periods {
		st := stat(p)
		row := []string{p.Period.Label, l.count(st.N), "", ""}
		if st.N > 0 {
			row[2], row[3] = l.fixed1(st.Median), l.fixed1(st.P90)
		}
		rows = append(rows, row)
	}
	return rows
}

// SLACompliance draws each standard's compliance per period (0..100%) as
// a line, one colour per standard, against the target line (Options.Target,
// in percent) when set.
func SLACompliance(series []kpi.SLASeries, o Options) *Chart {
	o = o.normalized()
	series = slices.Clone(series)
	c := &Chart{
		kind: KindSLA, opt: o, table: slaTable(series, o.Labels),
		build: func(o Options) *Chart { return SLACompliance(series, o) },
	}
	if !slices.ContainsFunc(series, kpi.SLASeries.HasData) {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	shown := slices.DeleteFunc(slices.Clone(series), func(s kpi.SLASeries) bool { return !s.HasData() })
	for i, s := range shown {
		f.legend = append(f.legend, legendItem{swatchLine, f.standardColor(i), f.fitLegend(s.Code, len(shown)+1)})
	}
	if o.Target != nil {
		label := strconv.FormatFloat(*o.Target, 'f', -1, 64) + "%"
		if o.Labels.Target != "" {
			label = o.Labels.Target + " (" + label + ")"
		}
		f.legend = append(f.legend, legendItem{swatchDashed, f.pal.target, label})
	}
	f.caption = truncate(o.Labels.Compliance, maxLegendRune)
	labels := make([]string, len(shown[0].Periods))
	for i, p := range shown[0].Periods {
		labels[i] = p.Period.Label
	}
	xTicks, step := f.categoryTicks(labels)
	every := 50.0
	if o.Height >= 400 {
		every = 25
	}
	c.graph = f.graph(xTicks, percentAxis(every), nil, painter{name: "sla", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		if o.Target != nil {
			_, y := xy(box, xr, yr, 0, *o.Target)
			f.line(r, box.Left, y, box.Right, y, f.pal.target, 2, []float64{8, 5})
		}
		for i, s := range shown {
			values := make([]float64, len(s.Periods))
			for k, p := range s.Periods {
				values[k] = p.Compliance
			}
			f.paintLine(r, box, xr, yr, values, f.standardColor(i), nil, step == 1 && len(shown) == 1)
		}
	}})
	return c
}

// standardColor is the i-th standard's line colour: the series colours
// without the amber and orange ones, which would read as the target line.
func (f *frame) standardColor(i int) drawing.Color {
	picks := []int{0, 2, 3, 4, 6}
	return f.pal.series[picks[i%len(picks)]]
}

// slaTable: period, then compliance of each standard in percent; the last
// row is the whole range.
func slaTable(series []kpi.SLASeries, l Labels) [][]string {
	head := []string{orDefault(l.Period, "Period")}
	for _, s := range series {
		head = append(head, s.Code+", %")
	}
	rows := [][]string{head}
	if len(series) == 0 {
		return rows
	}
	for k, p := range series[0].Periods {
		row := []string{p.Period.Label}
		for _, s := range series {
			row = append(row, l.fixed1(s.Periods[k].Compliance))
		}
		rows = append(rows, row)
	}
	total := []string{orDefault(l.Total, "Total")}
	for _, s := range series {
		total = append(total, l.fixed1(s.Total.Compliance))
	}
	return append(rows, total)
}

// ComplaintsPareto draws categories by negative complaints over the range,
// largest first, as bars of their share (from zero) with the count above,
// and the cumulative share as a line on the same 0..100% scale.
func ComplaintsPareto(d ComplaintData, o Options) *Chart {
	o = o.normalized()
	cats := topWithOther(rankCategories(d, o.Labels), paretoCategories, 0, o.Labels)
	c := &Chart{
		kind: KindComplaintsPareto, opt: o, table: paretoTable(cats, o.Labels),
		build: func(o Options) *Chart { return ComplaintsPareto(d, o) },
	}
	if len(cats) == 0 {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	pal := f.pal
	f.legend = []legendItem{{swatchBox, pal.series[0], o.Labels.Complaints}, {swatchLine, pal.target, o.Labels.Cumulative}}
	var grand int64
	for _, ct := range cats {
		grand += ct.total
	}
	labels := make([]string, len(cats))
	shares := make([]float64, len(cats))
	cumulative := make([]float64, len(cats))
	run := 0.0
	for i, ct := range cats {
		labels[i] = ct.name
		shares[i] = share(ct.total, grand)
		run += shares[i]
		cumulative[i] = math.Min(run, 100)
	}
	xTicks, _ := f.categoryTicks(labels)
	c.graph = f.graph(xTicks, percentAxis(20), nil, painter{name: "pareto", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		r.SetFont(f.regular)
		r.SetFontSize(valueSize)
		textHeight := r.MeasureText("0").Height()
		for i, ct := range cats {
			x, y0 := xy(box, xr, yr, i, 0)
			_, y1 := xy(box, xr, yr, i, shares[i])
			f.rect(r, x-half, y1, x+half, y0, f.categoryColorPareto(ct))
			// Inside the top of the bar where it fits: the cumulative line
			// starts on the first bar's top and would cross a label above.
			label := o.Labels.count(ct.total)
			if y0-y1 >= textHeight+o.px(12) && 2*half >= f.measure(label, valueSize)+o.px(4) {
				f.centredText(r, label, x, y1+textHeight+o.px(5), valueSize, pal.onPromoters)
			} else {
				f.centredText(r, label, x, y1-o.px(6), valueSize, pal.text)
			}
		}
		pts := make([][2]int, len(cats))
		for i, v := range cumulative {
			x, y := xy(box, xr, yr, i, v)
			pts[i] = [2]int{x, y}
		}
		f.polyline(r, pts, pal.target, 2.5, nil)
		for _, pt := range pts {
			f.dot(r, pt[0], pt[1], 4, pal.target, pal.background, 1.5)
		}
	}})
	return c
}

func (f *frame) categoryColorPareto(c categoryTotal) drawing.Color {
	if c.segment == "\x00other" {
		return f.pal.other
	}
	return f.pal.series[0]
}

// paretoTable: category, complaints, share, cumulative share.
func paretoTable(cats []categoryTotal, l Labels) [][]string {
	rows := [][]string{{orDefault(l.Category, "Category"), orDefault(l.Complaints, "Complaints"), "%", orDefault(l.Cumulative, "Cumulative") + ", %"}}
	var grand int64
	for _, c := range cats {
		grand += c.total
	}
	run := 0.0
	for _, c := range cats {
		run += share(c.total, grand)
		rows = append(rows, []string{c.name, l.count(c.total), l.fixed1(share(c.total, grand)), l.fixed1(math.Min(run, 100))})
	}
	return rows
}
