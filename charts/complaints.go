package charts

import (
	"cmp"
	"fmt"
	"image"
	"math"
	"slices"
	"strconv"
	"strings"

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

// partial reports whether only some days of period p lie in the range (a
// range starting or ending mid-month): its counts cannot be compared with
// whole periods, so its bars are drawn faded.
func partial(p kpi.ComplaintStat) bool { return p.Days < int(p.Period.End-p.Period.Start)+1 }

// fadeFor is the alpha of a period's bars: faded when the period is partial.
func fadeFor(periods []kpi.ComplaintStat, i int) uint8 {
	if i < len(periods) && partial(periods[i]) {
		return partialAlpha
	}
	return 255
}

// partialAlpha fades the bars of a partial period.
const partialAlpha = 90

// partialLegend adds the faded swatch that explains partial periods, when
// any is shown and the caller named it.
func (f *frame) partialLegend(periods []kpi.ComplaintStat) {
	if f.opt.Labels.Partial != "" && slices.ContainsFunc(periods, partial) {
		f.legend = append(f.legend, legendItem{swatchBox, withAlpha(f.pal.muted, partialAlpha), f.opt.Labels.Partial})
	}
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

func countAxis(maxValue int64, steps int) []chart.Tick {
	var ticks []chart.Tick
	for _, v := range niceCountTicks(maxValue, steps) {
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
		f.legend = append(f.legend, legendItem{swatchBox, f.categoryColor(i, ct), ct.name})
	}
	periods := d.Overall.Periods
	if len(periods) == 0 {
		periods = d.Categories[0].Periods
	}
	f.partialLegend(periods)
	f.caption = truncate(o.Labels.Complaints, maxLegendRune)
	xTicks, step := f.categoryTicks(slices.Clone(labels))
	c.graph = f.graph(xTicks, countAxis(slices.Max(totals), f.valueSteps()), nil, painter{name: "by-category", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
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
				f.rect(r, x-half, y1, x+half, y0, withAlpha(f.categoryColor(k, ct), fadeFor(periods, i)))
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
// Complaints closed without a resolution (withdrawn, cancelled) stack on
// the resolved bar in grey, when there are any: they too leave the
// backlog.
func ComplaintsFlow(s kpi.ComplaintSeries, o Options) *Chart {
	o = o.normalized()
	s.Periods = slices.Clone(s.Periods)
	c := &Chart{
		kind: KindComplaintsFlow, opt: o, table: flowTable(s, o.Labels),
		build: func(o Options) *Chart { return ComplaintsFlow(s, o) },
	}
	var most int64
	for _, p := range s.Periods {
		most = max(most, p.Counts.Opened, p.Counts.Resolutions+p.Counts.Cancellations, p.Backlog)
	}
	if most == 0 {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	pal := f.pal
	cancelled := pal.other // grey: gone from the backlog, resolving nothing
	f.legend = []legendItem{{swatchBox, pal.opened, o.Labels.Opened}, {swatchBox, pal.resolved, o.Labels.Resolved}}
	if anyCancelled(s.Periods) {
		f.legend = append(f.legend, legendItem{swatchBox, cancelled, o.Labels.Cancelled})
	}
	f.legend = append(f.legend, legendItem{swatchLine, pal.stock, o.Labels.Backlog})
	f.partialLegend(s.Periods)
	f.caption = truncate(o.Labels.Complaints, maxLegendRune)
	labels := make([]string, len(s.Periods))
	for i, p := range s.Periods {
		labels[i] = p.Period.Label
	}
	xTicks, step := f.categoryTicks(labels)
	periods := s.Periods
	// Without room for every value, the newest backlog goes right of its
	// point, clear of the bars.
	var ends []endLabel
	if step > 1 {
		last := len(periods) - 1
		ends = []endLabel{{last, float64(periods[last].Backlog), o.Labels.count(periods[last].Backlog), pal.text}}
	}
	f.reserveEndLabels(ends)
	c.graph = f.graph(xTicks, countAxis(most, f.valueSteps()), nil, painter{name: "flow", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		gap := max(1, o.px(1))
		pts := make([][2]int, len(periods))
		for i, p := range periods {
			x, y0 := xy(box, xr, yr, i, 0)
			fade := fadeFor(periods, i)
			if p.Counts.Opened > 0 {
				_, y1 := xy(box, xr, yr, i, float64(p.Counts.Opened))
				f.rect(r, x-half, y1, x-gap, y0, withAlpha(pal.opened, fade))
			}
			_, yRes := xy(box, xr, yr, i, float64(p.Counts.Resolutions))
			if p.Counts.Resolutions > 0 {
				f.rect(r, x+gap, yRes, x+half, y0, withAlpha(pal.resolved, fade))
			}
			if p.Counts.Cancellations > 0 {
				_, y1 := xy(box, xr, yr, i, float64(p.Counts.Resolutions+p.Counts.Cancellations))
				f.rect(r, x+gap, y1, x+half, yRes, withAlpha(cancelled, fade))
			}
			_, yb := xy(box, xr, yr, i, float64(p.Backlog))
			pts[i] = [2]int{x, yb}
		}
		f.polyline(r, pts, pal.stock, 2.5, nil)
		for i, pt := range pts {
			f.dot(r, pt[0], pt[1], 4, pal.stock, pal.background, 1.5)
			if step == 1 {
				f.centredText(r, o.Labels.count(periods[i].Backlog), pt[0], pt[1]-o.px(10), valueSize, pal.text)
			}
		}
		f.drawEndLabels(r, box, xr, yr, ends)
	}})
	return c
}

func anyCancelled(periods []kpi.ComplaintStat) bool {
	return slices.ContainsFunc(periods, func(p kpi.ComplaintStat) bool { return p.Counts.Cancellations > 0 })
}

// flowTable: period, opened, resolved, backlog, and cancelled last when
// any were.
func flowTable(s kpi.ComplaintSeries, l Labels) [][]string {
	head := []string{orDefault(l.Period, "Period"), orDefault(l.Opened, "Opened"), orDefault(l.Resolved, "Resolved"), orDefault(l.Backlog, "Backlog")}
	withCancelled := anyCancelled(s.Periods)
	if withCancelled {
		head = append(head, orDefault(l.Cancelled, "Cancelled"))
	}
	rows := [][]string{head}
	for _, p := range s.Periods {
		row := []string{p.Period.Label, l.count(p.Counts.Opened), l.count(p.Counts.Resolutions), l.count(p.Backlog)}
		if withCancelled {
			row = append(row, l.count(p.Counts.Cancellations))
		}
		rows = append(rows, row)
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
	caption := o.Labels.Hours
	if working {
		caption = o.Labels.WorkingHours
	}
	f.caption = truncate(caption, maxLegendRune)
	labels := make([]string, len(s.Periods))
	for i, p := range s.Periods {
		labels[i] = p.Period.Label
	}
	xTicks, step := f.categoryTicks(labels)
	values := niceTicks(top, false, f.valueSteps())
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
	// With every period labelled the median's values sit above its points;
	// the newest values of both lines go right of them, kept apart.
	var ends []endLabel
	if i := lastPoint(p90s); i >= 0 {
		ends = append(ends, endLabel{i, p90s[i], data.FormatNumber(o.Labels.Lang, p90s[i], 1), pal.target})
		if step > 1 {
			ends = append(ends, endLabel{i, medians[i], data.FormatNumber(o.Labels.Lang, medians[i], 1), pal.nps})
		}
	}
	f.reserveEndLabels(ends)
	c.graph = f.graph(xTicks, yTicks, nil, painter{name: "resolution", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		f.paintLine(r, box, xr, yr, p90s, pal.target, []float64{8, 5}, false)
		f.paintLine(r, box, xr, yr, medians, pal.nps, nil, step == 1)
		f.drawEndLabels(r, box, xr, yr, ends)
	}})
	return c
}

// paintLine draws values as a line broken at NaN, with a dot on every
// point and, with labelAll, the value above it (newest values are
// endLabels, placed by the caller).
func (f *frame) paintLine(r chart.Renderer, box chart.Box, xr, yr chart.Range, values []float64, color drawing.Color, dash []float64, labelAll bool) {
	var run [][2]int
	flush := func() {
		f.polyline(r, run, color, 2.5, dash)
		run = run[:0]
	}
	for i, v := range values {
		if math.IsNaN(v) {
			flush()
			continue
		}
		x, y := xy(box, xr, yr, i, v)
		run = append(run, [2]int{x, y})
	}
	flush()
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		x, y := xy(box, xr, yr, i, v)
		f.dot(r, x, y, 4, color, f.pal.background, 1.5)
		if labelAll {
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
// a line, each standard in its own colour (dashed once the colours run
// out), against its own compliance goal as a dashed line: one target line
// when every standard aims at the same goal, else one line per goal in
// the colours of the standards that share it. Options.Target overrides
// the goals with one target for all.
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
	goals := f.slaGoals(shown)
	for i, s := range shown {
		color, dash := f.standardStyle(i)
		kind := swatchLine
		if dash != nil {
			kind = swatchDashedLine
		}
		label := s.Code
		if len(goals) > 1 {
			label += " · " + strings.TrimSpace(o.Labels.Target+" "+percentLabel(o.Labels.Lang, s.Goal))
		}
		f.legend = append(f.legend, legendItem{kind, color, label})
	}
	if len(goals) == 1 {
		label := percentLabel(o.Labels.Lang, goals[0].value)
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
	lines := make([][]float64, len(shown))
	var ends []endLabel
	for i, s := range shown {
		lines[i] = make([]float64, len(s.Periods))
		for k, p := range s.Periods {
			lines[i][k] = p.Compliance
		}
		// A lone standard with room for every value labels each point.
		if k := lastPoint(lines[i]); k >= 0 && (step > 1 || len(shown) > 1) {
			color, _ := f.standardStyle(i)
			ends = append(ends, endLabel{k, lines[i][k], data.FormatNumber(o.Labels.Lang, lines[i][k], 1), color})
		}
	}
	f.reserveEndLabels(ends)
	c.graph = f.graph(xTicks, f.percentTicks(25), nil, painter{name: "sla", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		for _, g := range goals {
			_, y := xy(box, xr, yr, 0, g.value)
			f.goalLine(r, box.Left, box.Right, y, g.colors)
		}
		for i := range shown {
			color, dash := f.standardStyle(i)
			f.paintLine(r, box, xr, yr, lines[i], color, dash, step == 1 && len(shown) == 1)
		}
		f.drawEndLabels(r, box, xr, yr, ends)
	}})
	return c
}

// slaGoal is one goal line: its value and the colours of its dashes.
type slaGoal struct {
	value  float64
	colors []drawing.Color
}

// slaGoals are the goal lines of the standards shown, highest first: the
// Options.Target override or a goal all share as one target-coloured
// line, else one line per distinct goal in its standards' colours.
func (f *frame) slaGoals(shown []kpi.SLASeries) []slaGoal {
	if f.opt.Target != nil {
		return []slaGoal{{*f.opt.Target, []drawing.Color{f.pal.target}}}
	}
	var goals []slaGoal
	for i, s := range shown {
		goal := s.Goal
		if goal <= 0 {
			goal = data.DefaultSLAGoal
		}
		color, _ := f.standardStyle(i)
		k := slices.IndexFunc(goals, func(g slaGoal) bool { return g.value == goal })
		if k < 0 {
			goals = append(goals, slaGoal{value: goal})
			k = len(goals) - 1
		}
		goals[k].colors = append(goals[k].colors, color)
	}
	if len(goals) == 1 {
		goals[0].colors = []drawing.Color{f.pal.target}
	}
	slices.SortFunc(goals, func(a, b slaGoal) int { return cmp.Compare(b.value, a.value) })
	return goals
}

// percentLabel writes a goal in percent: "90%", "92,5%".
func percentLabel(lang string, v float64) string {
	dec := 0
	if v != math.Trunc(v) {
		dec = 1
	}
	return data.FormatNumber(lang, v, dec) + "%"
}

// seriesDash tells apart standards whose colour repeats.
var seriesDash = []float64{14, 4, 3, 4}

// standardStyle is the i-th standard's line colour and dash: the palette's
// standard colours solid, then again dash-dotted, so that up to twice as
// many standards as colours all look different.
func (f *frame) standardStyle(i int) (drawing.Color, []float64) {
	n := len(f.pal.standards)
	if (i/n)%2 == 1 {
		return f.pal.standards[i%n], seriesDash
	}
	return f.pal.standards[i%n], nil
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
	// Category names wrap under their bars instead of being cut short.
	slot := f.plotWidth() / len(cats)
	names := make([][]string, len(cats))
	rows := 1
	xTicks := []chart.Tick{{Value: -0.5}}
	for i, name := range labels {
		names[i] = f.wrapLabel(name, slot-o.px(10))
		rows = max(rows, len(names[i]))
		xTicks = append(xTicks, chart.Tick{Value: float64(i)})
	}
	xTicks = append(xTicks, chart.Tick{Value: float64(len(cats)) - 0.5})
	lineHeight := o.px(15)
	f.bottomLabels = rows*lineHeight + o.px(4)
	c.graph = f.graph(xTicks, f.percentTicks(20), nil, painter{name: "pareto", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		pts := make([][2]int, len(cats))
		for i, v := range cumulative {
			x, y := xy(box, xr, yr, i, v)
			pts[i] = [2]int{x, y}
		}
		for i, ct := range cats {
			x, y0 := xy(box, xr, yr, i, 0)
			_, y1 := xy(box, xr, yr, i, shares[i])
			f.rect(r, x-half, y1, x+half, y0, f.categoryColorPareto(ct))
		}
		f.polyline(r, pts, pal.target, 2.5, nil)
		for _, pt := range pts {
			f.dot(r, pt[0], pt[1], 4, pal.target, pal.background, 1.5)
		}
		r.SetFont(f.regular)
		r.SetFontSize(valueSize)
		textHeight := r.MeasureText("0").Height()
		for i, ct := range cats {
			x, y0 := xy(box, xr, yr, i, 0)
			_, y1 := xy(box, xr, yr, i, shares[i])
			label := o.Labels.count(ct.total)
			spot, inside := f.paretoLabelSpot(label, x, half, y0, y1, textHeight, box.Top, pts)
			color := pal.text
			if inside {
				color = pal.onPromoters
			}
			f.centredText(r, label, x, spot, valueSize, color)
		}
		r.SetFont(f.regular)
		r.SetFontSize(axisSize)
		capHeight := r.MeasureText("0").Height()
		for i, lines := range names {
			x, _ := xy(box, xr, yr, i, 0)
			for k, line := range lines {
				f.centredText(r, line, x, box.Bottom+o.px(10)+capHeight+k*lineHeight, axisSize, pal.muted)
			}
		}
	}})
	return c
}

// paretoLabelSpot picks the baseline of a bar's count: inside the top of
// the bar, above it, or inside its foot, whichever first keeps clear of
// the cumulative line and its dots (the first bar's top carries a dot);
// or above the line itself; inside reports a spot within the bar. With
// none clear it takes the first that fits.
func (f *frame) paretoLabelSpot(label string, x, half, y0, y1, textHeight, top int, line [][2]int) (baseline int, inside bool) {
	o := f.opt
	w := f.measure(label, valueSize)
	fitsInside := 2*half >= w+o.px(4)
	type spot struct {
		baseline int
		inside   bool
	}
	var spots []spot
	for _, offset := range []int{o.px(5), o.px(11)} {
		if fitsInside && y1+offset+textHeight+o.px(3) <= y0 {
			spots = append(spots, spot{y1 + offset + textHeight, true})
		}
	}
	if y1-o.px(6)-textHeight >= top {
		spots = append(spots, spot{y1 - o.px(6), false})
	}
	if fitsInside && y0-o.px(4)-textHeight >= y1+o.px(3) {
		spots = append(spots, spot{y0 - o.px(4), true})
	}
	// Last resort: above the line where it passes over the bar.
	pad := o.px(3) + int(4*o.Scale)
	if lineTop, _, ok := lineSpan(line, x-w/2-pad, x+w/2+pad); ok && int(lineTop)-2*pad-textHeight >= top {
		spots = append(spots, spot{int(lineTop) - pad - o.px(2), false})
	}
	for _, s := range spots {
		rc := image.Rect(x-w/2, s.baseline-textHeight, x+w/2+1, s.baseline+1)
		if clearOf(rc, line, pad) {
			return s.baseline, s.inside
		}
	}
	if len(spots) == 0 {
		return y1 - o.px(6), false
	}
	return spots[0].baseline, spots[0].inside
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
