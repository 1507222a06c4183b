package charts

import (
	"image"
	"time"

	"github.com/wcharczuk/go-chart/v2"

	"caredesk/data"
)

// TimelineData is the training plan as a Gantt chart: one row per
// employee with their plan items as bars.
type TimelineData struct {
	Rows  []TimelineRow
	Today data.Day // the today line; 0 draws none
	// From and To clip the chart to a range (inclusive); zero fields take
	// the span of the bars (and today, while items are open).
	From, To data.Day
}

// TimelineRow is one employee's row.
type TimelineRow struct {
	Label string // the employee's name
	Bars  []TimelineBar
}

// TimelineBar is one plan item: its planned dates as a light bar and, once
// started, its actual dates as a solid bar over it.
type TimelineBar struct {
	Label                    string // the course title (table)
	PlannedStart, PlannedEnd data.Day
	ActualStart, ActualEnd   data.Day // 0 = not recorded; an open item's actual bar runs to Today
	Status                   data.TrainingStatus
	Overdue                  bool // open after its planned end: drawn red up to today
}

// clone copies the rows and bars, so that the chart (its re-renders,
// With and the table computed later) does not change with the caller's
// slices.
func (d TimelineData) clone() TimelineData {
	n := 0
	for _, r := range d.Rows {
		n += len(r.Bars)
	}
	bars := make([]TimelineBar, 0, n)
	copied := make([]TimelineRow, len(d.Rows))
	for i, r := range d.Rows {
		start := len(bars)
		bars = append(bars, r.Bars...)
		copied[i] = TimelineRow{Label: r.Label, Bars: bars[start:len(bars):len(bars)]}
	}
	d.Rows = copied
	return d
}

// timelineLayout is the timeline's pixel geometry, computed once per build
// so that rendering (possibly concurrent) only reads it.
type timelineLayout struct {
	from, to data.Day // first and last day shown: whole months
	plot     image.Rectangle
	rows     rows
	step     int // every step-th row is labelled
	labelW   int
	months   []data.Day // first day of each month shown
	mstep    int        // every mstep-th month is labelled
}

// x is the left edge of day d in pixels.
func (g timelineLayout) x(d data.Day) int {
	days := float64(g.to - g.from + 1)
	return g.plot.Min.X + int(float64(d-g.from)*float64(g.plot.Dx())/days)
}

// span is the pixel span of days a..b inclusive, clipped to the plot; ok
// is false when it lies outside.
func (g timelineLayout) span(a, b data.Day) (x0, x1 int, ok bool) {
	if b < a || b < g.from || a > g.to {
		return 0, 0, false
	}
	a, b = max(a, g.from), min(b, g.to)
	x0, x1 = g.x(a), g.x(b+1)
	return x0, max(x1, x0+1), true
}

// todayX is the centre of the today line (-1 when outside the plot).
func (g timelineLayout) todayX(today data.Day) int {
	if today == 0 || today < g.from || today > g.to {
		return -1
	}
	return (g.x(today) + g.x(today+1)) / 2
}

// timelineSpan is the range the bars cover, extended to today while an
// item is open (its red or running bar reaches today), in whole months.
func timelineSpan(d TimelineData) (from, to data.Day, ok bool) {
	for _, row := range d.Rows {
		for _, b := range row.Bars {
			for _, day := range []data.Day{b.PlannedStart, b.PlannedEnd, b.ActualStart, b.ActualEnd} {
				if day == 0 {
					continue
				}
				if !ok || day < from {
					from = day
				}
				if !ok || day > to {
					to = day
				}
				ok = true
			}
			if d.Today != 0 && b.Status.Open() && d.Today > to && ok {
				to = d.Today
			}
		}
	}
	if !ok {
		return 0, 0, false
	}
	if d.From != 0 {
		from = d.From
	}
	if d.To != 0 {
		to = d.To
	}
	if to < from {
		return 0, 0, false
	}
	return monthStart(from), monthStart(monthStart(to)+31) - 1, true
}

func monthStart(d data.Day) data.Day {
	y, m, _ := d.Date()
	return data.DateDay(y, m, 1)
}

// TrainingTimeline draws the training plan as a Gantt chart: employees as
// rows, each item's planned dates as a light bar and its actual dates as a
// solid bar over it, coloured by status (overdue red, running up to
// today), a today line and month ticks. Rows that do not fit the height
// are compressed, thinner than a label, and every few rows are labelled;
// TimelineHeight gives the height at which every row is labelled.
func TrainingTimeline(d TimelineData, o Options) *Chart {
	o = o.normalized()
	d = d.clone()
	c := &Chart{
		kind: KindTrainingPlan, opt: o, tableOf: func() [][]string { return timelineTable(d, o.Labels) },
		build: func(o Options) *Chart { return TrainingTimeline(d, o) },
	}
	f, g, ok := timelineGeometry(d, o)
	if !ok {
		return c
	}
	c.graph = f.canvasGraph("timeline", func(r chart.Renderer) { f.paintTimeline(r, d, g) })
	return c
}

// TimelineHeight is the chart height (pixels at scale 1) at which every
// one of rows rows gets its label: exports of a large team grow with it.
func TimelineHeight(rows int) int {
	return max(DefaultHeight, 150+rows*18)
}

// timelineGeometry sets up the frame (legend, header) and lays out the
// plot; ok is false when there is nothing to draw.
func timelineGeometry(d TimelineData, o Options) (*frame, timelineLayout, bool) {
	var g timelineLayout
	from, to, ok := timelineSpan(d)
	if !ok {
		return nil, g, false
	}
	f, err := newFrame(o)
	if err != nil {
		return nil, g, false
	}
	l := o.Labels
	light := func(s data.TrainingStatus, overdue bool) legendItem {
		return legendItem{swatchBox, f.statusColor(s, overdue), ""}
	}
	f.legend = []legendItem{
		named(light(data.TrainingPlanned, false), orDefault(l.Planned, "Planned")),
		named(light(data.TrainingInProgress, false), orDefault(l.InProgress, "In progress")),
		named(light(data.TrainingDone, false), orDefault(l.Done, "Done")),
		named(light(data.TrainingCancelled, false), orDefault(l.Cancelled, "Cancelled")),
		named(light(data.TrainingPlanned, true), orDefault(l.Overdue, "Overdue")),
		{swatchBand, withAlpha(f.pal.muted, planAlpha), orDefault(l.Plan, "Plan")},
		{swatchBox, f.pal.muted, orDefault(l.Actual, "Actual")},
	}
	if d.Today >= from && d.Today <= to {
		f.legend = append(f.legend, legendItem{swatchLine, f.pal.target, orDefault(l.Today, "Today")})
	}
	f.layoutHeader()
	labels := make([]string, len(d.Rows))
	for i, row := range d.Rows {
		labels[i] = row.Label
	}
	g.from, g.to = from, to
	g.labelW = f.labelWidth(labels, 0.22)
	width, height := o.px(float64(o.Width)), o.px(float64(o.Height))
	left := o.px(20) + g.labelW + o.px(10)
	// Room under the plot for the month labels; above it for today's mark.
	g.plot = image.Rect(left, f.headerHeight, width-o.px(24), height-o.px(14)-o.px(26))
	if g.plot.Dx() < o.px(40) || g.plot.Dy() < o.px(10) {
		g.plot = image.Rect(o.px(20), f.headerHeight, width-o.px(24), height-o.px(40))
		g.labelW = 0
	}
	g.rows = rows{top: g.plot.Min.Y, bottom: g.plot.Max.Y, n: max(len(d.Rows), 1)}
	g.step = f.labelStep(g.rows)
	for m := from; m <= to; m = monthStart(m + 31) {
		g.months = append(g.months, m)
	}
	widest := f.measure(data.FormatMonth(l.Lang, 2025, time.September), axisSize) + o.px(12)
	monthPx := float64(g.plot.Dx()) / float64(len(g.months))
	g.mstep = 12
	for _, s := range []int{1, 2, 3, 6} {
		if float64(s)*monthPx >= float64(widest) {
			g.mstep = s
			break
		}
	}
	return f, g, true
}

func named(it legendItem, label string) legendItem { it.label = label; return it }

// planAlpha is how light a planned bar is next to the solid actual one.
const planAlpha = 85

func (f *frame) paintTimeline(r chart.Renderer, d TimelineData, g timelineLayout) {
	o := f.opt
	pal := f.pal
	// Zebra rows while they are tall enough to tell apart.
	var back rectBatch
	if g.rows.height() >= float64(o.px(6)) {
		for i := 1; i < len(d.Rows); i += 2 {
			y0, y1 := g.rows.band(i)
			back.add(withAlpha(pal.grid, 110), g.plot.Min.X, y0, g.plot.Max.X, y1)
		}
	}
	back.fill(r)
	// Month grid: every month while months are wide, else the labelled ones.
	r.SetFont(f.regular)
	r.SetFontSize(axisSize)
	capHeight := r.MeasureText("0").Height()
	monthPx := g.plot.Dx() / max(len(g.months), 1)
	for _, m := range g.months {
		x := g.x(m)
		labelled := monthIndex(m)%g.mstep == 0
		if labelled || monthPx >= o.px(6) {
			f.line(r, x, g.plot.Min.Y, x, g.plot.Max.Y, pal.grid, 1, nil)
		}
		if !labelled {
			continue
		}
		y, mo, _ := m.Date()
		label := data.FormatMonth(o.Labels.Lang, y, mo)
		// Centred on the month when every month is labelled and it fits,
		// else from the month's start.
		lx, w := x+o.px(3), f.measure(label, axisSize)
		if next := g.x(monthStart(m + 31)); g.mstep == 1 && next-x >= w+o.px(6) {
			lx = (x+next)/2 - w/2
		}
		if lx+w <= g.plot.Max.X+o.px(20) {
			f.text(r, label, lx, g.plot.Max.Y+o.px(10)+capHeight, f.regular, axisSize, pal.muted)
		}
	}
	f.line(r, g.plot.Min.X, g.plot.Max.Y, g.plot.Max.X, g.plot.Max.Y, pal.axis, 1, nil)

	// Bars in three layers: planned (light), actual (solid), overdue.
	var planned, actual, late rectBatch
	for i, row := range d.Rows {
		y0, y1 := g.rows.band(i)
		py0, py1 := inset(y0, y1, 0.12)
		ay0, ay1 := inset(y0, y1, 0.3)
		for _, b := range row.Bars {
			color := f.statusColor(b.Status, b.Overdue)
			if x0, x1, ok := g.span(b.PlannedStart, b.PlannedEnd); ok {
				planned.add(withAlpha(color, planAlpha), x0, py0, x1, py1)
			}
			start, end := actualSpan(b, d.Today)
			if x0, x1, ok := g.span(start, end); start != 0 && ok {
				actual.add(color, x0, ay0, x1, ay1)
			}
			// Not started and late: the late stretch after the planned end.
			if b.Overdue && start == 0 && d.Today > b.PlannedEnd {
				if x0, x1, ok := g.span(b.PlannedEnd+1, d.Today); ok {
					late.add(color, x0, ay0, x1, ay1)
				}
			}
		}
	}
	planned.fill(r)
	actual.fill(r)
	late.fill(r)

	if x := g.todayX(d.Today); x >= 0 {
		f.line(r, x, g.plot.Min.Y-o.px(4), x, g.plot.Max.Y, pal.target, 2, nil)
	}
	if g.labelW > 0 {
		labels := make([]string, len(d.Rows))
		for i, row := range d.Rows {
			labels[i] = row.Label
		}
		f.rowLabels(r, labels, g.rows, g.step, g.plot.Min.X-o.px(10), g.labelW)
	}
}

// monthIndex counts months from year 0, so that labels thin on the same
// months (January, April…) whatever the range starts with.
func monthIndex(d data.Day) int {
	y, m, _ := d.Date()
	return y*12 + int(m) - 1
}

// actualSpan is the actual bar of an item: from its start (the planned
// start when not recorded) to its completion, or to today while it runs.
// start is 0 when nothing happened yet.
func actualSpan(b TimelineBar, today data.Day) (start, end data.Day) {
	start = b.ActualStart
	switch b.Status {
	case data.TrainingDone:
		if start == 0 {
			start = b.PlannedStart
		}
		end = b.ActualEnd
		if end == 0 {
			end = b.PlannedEnd
		}
	case data.TrainingInProgress:
		if start == 0 {
			start = b.PlannedStart
		}
		end = today
		if b.ActualEnd != 0 {
			end = b.ActualEnd
		}
	default:
		if start == 0 {
			return 0, 0
		}
		end = b.ActualEnd
		if end == 0 {
			end = max(start, today)
		}
	}
	if end < start {
		return 0, 0
	}
	return start, end
}

// timelineTable: employee, course, planned start and end, started,
// completed, status (with "overdue").
func timelineTable(d TimelineData, l Labels) [][]string {
	out := [][]string{{orDefault(l.Employee, "Employee"), orDefault(l.Course, "Course"),
		orDefault(l.PlannedStart, "Planned start"), orDefault(l.PlannedEnd, "Planned end"),
		orDefault(l.Started, "Started"), orDefault(l.Completed, "Completed"), orDefault(l.Status, "Status")}}
	for _, row := range d.Rows {
		for _, b := range row.Bars {
			status := l.statusName(b.Status)
			if b.Overdue {
				status += ", " + orDefault(l.Overdue, "Overdue")
			}
			out = append(out, []string{row.Label, b.Label, l.date(b.PlannedStart), l.date(b.PlannedEnd),
				l.date(b.ActualStart), l.date(b.ActualEnd), status})
		}
	}
	return out
}
