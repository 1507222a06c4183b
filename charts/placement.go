package charts

import (
	"image"
	"math"
	"slices"
	"strings"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Placing value labels so that they overlap neither each other nor the
// lines: where several lines end close together their values would stack
// into one unreadable blot.

// endLabel is a line's newest value, written right of its last point in
// the line's colour.
type endLabel struct {
	index int // period of the last point
	value float64
	text  string
	color drawing.Color
}

// lastPoint is the index of the last value that is not NaN (-1 if none).
func lastPoint(values []float64) int {
	for i := len(values) - 1; i >= 0; i-- {
		if !math.IsNaN(values[i]) {
			return i
		}
	}
	return -1
}

// reserveEndLabels makes room right of the plot for the labels' text.
func (f *frame) reserveEndLabels(labels []endLabel) {
	for _, l := range labels {
		f.endLabels = max(f.endLabels, f.measure(l.text, valueSize)+f.opt.px(8))
	}
}

// drawEndLabels writes each label right of its point, spread vertically
// so that no two overlap. When the plot is too short for all of them it
// writes none: a partial set would leave a line looking unlabelled.
func (f *frame) drawEndLabels(r chart.Renderer, box chart.Box, xr, yr chart.Range, labels []endLabel) {
	if len(labels) == 0 {
		return
	}
	r.SetFont(f.regular)
	r.SetFontSize(valueSize)
	h := r.MeasureText("0").Height()
	want := make([]int, len(labels))
	for i, l := range labels {
		_, want[i] = xy(box, xr, yr, l.index, l.value)
	}
	centres, ok := spreadLabels(want, h+f.opt.px(4), box.Top, box.Bottom)
	if !ok {
		return
	}
	for i, l := range labels {
		x, _ := xy(box, xr, yr, l.index, l.value)
		x += f.opt.px(8)
		// On the background, so a goal line passing behind stays off the digits.
		f.rect(r, x-f.opt.px(2), centres[i]-h/2-f.opt.px(2), x+f.measure(l.text, valueSize)+f.opt.px(2), centres[i]+h/2+f.opt.px(2), f.pal.background)
		f.text(r, l.text, x, centres[i]+h/2, f.regular, valueSize, l.color)
	}
}

// spreadLabels moves label centres (pixels, y down) as little as possible
// so that neighbours are at least gap apart and all lie within top..bottom.
// ok is false when they cannot fit. Order is kept: a label stays above
// the labels of lines that end below it.
func spreadLabels(want []int, gap, top, bottom int) (centres []int, ok bool) {
	n := len(want)
	if n == 0 {
		return nil, true
	}
	lo, hi := top+gap/2, bottom-gap/2
	if (n-1)*gap > hi-lo {
		return nil, false
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return want[a] - want[b] })
	pos := make([]int, n)
	for k, i := range order {
		pos[k] = min(max(want[i], lo), hi)
		if k > 0 {
			pos[k] = max(pos[k], pos[k-1]+gap)
		}
	}
	// Pushed past the bottom: push back up from there.
	if pos[n-1] > hi {
		pos[n-1] = hi
		for k := n - 2; k >= 0; k-- {
			pos[k] = min(pos[k], pos[k+1]-gap)
		}
	}
	// Centre each run of touching labels on its points, as far as the
	// neighbours and the bounds allow, instead of pushing it all one way.
	for start := 0; start < n; {
		end := start
		for end+1 < n && pos[end+1]-pos[end] == gap {
			end++
		}
		shift := 0
		for k := start; k <= end; k++ {
			shift += want[order[k]] - pos[k]
		}
		shift /= end - start + 1
		upper, lower := lo-pos[start], hi-pos[end]
		if start > 0 {
			upper = max(upper, pos[start-1]+gap-pos[start])
		}
		if end+1 < n {
			lower = min(lower, pos[end+1]-gap-pos[end])
		}
		shift = min(max(shift, upper), lower)
		for k := start; k <= end; k++ {
			pos[k] += shift
		}
		start = end + 1
	}
	centres = make([]int, n)
	for k, i := range order {
		centres[i] = pos[k]
	}
	return centres, true
}

// clearOf reports whether rc stays pad pixels away from the polyline pts
// and from its dots (radius pad as well).
func clearOf(rc image.Rectangle, pts [][2]int, pad int) bool {
	rc = rc.Inset(-pad)
	for _, p := range pts {
		if image.Pt(p[0], p[1]).In(rc) {
			return false
		}
	}
	top, bottom, ok := lineSpan(pts, rc.Min.X, rc.Max.X)
	return !ok || bottom < float64(rc.Min.Y) || top > float64(rc.Max.Y)
}

// lineSpan is the highest and lowest y of the polyline pts between
// columns x0 and x1; ok is false when it does not pass there.
func lineSpan(pts [][2]int, x0, x1 int) (top, bottom float64, ok bool) {
	top, bottom = math.Inf(1), math.Inf(-1)
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if a[0] > b[0] {
			a, b = b, a
		}
		lo, hi := max(a[0], x0), min(b[0], x1)
		if lo > hi {
			continue
		}
		// The segment's y over the columns it shares (all of it when vertical).
		y0, y1 := float64(a[1]), float64(b[1])
		if b[0] != a[0] {
			slope := float64(b[1]-a[1]) / float64(b[0]-a[0])
			y0, y1 = float64(a[1])+slope*float64(lo-a[0]), float64(a[1])+slope*float64(hi-a[0])
		}
		top, bottom, ok = math.Min(top, math.Min(y0, y1)), math.Max(bottom, math.Max(y0, y1)), true
	}
	return top, bottom, ok
}

// wrapLabel breaks a category name into at most two lines of width
// pixels at spaces, shortening the second (or a single long word) with an
// ellipsis only when the words do not fit.
func (f *frame) wrapLabel(s string, width int) []string {
	s = truncate(s, maxLegendRune)
	if s == "" || f.measure(s, axisSize) <= width {
		return []string{s}
	}
	words := strings.Fields(s)
	first := words[0]
	rest := 1
	for ; rest < len(words); rest++ {
		next := first + " " + words[rest]
		if f.measure(next, axisSize) > width {
			break
		}
		first = next
	}
	if rest == len(words) {
		return []string{f.fit(first, f.regular, axisSize, width)}
	}
	return []string{f.fit(first, f.regular, axisSize, width), f.fit(strings.Join(words[rest:], " "), f.regular, axisSize, width)}
}

// goalLine draws a dashed line across the plot at a compliance goal; its
// dashes take the given colours in turn, so a goal shared by several
// standards shows each of their colours.
func (f *frame) goalLine(r chart.Renderer, x0, x1, y int, colors []drawing.Color) {
	dash, gap := f.opt.px(8), f.opt.px(5)
	for i, x := 0, x0; x < x1; i, x = i+1, x+dash+gap {
		f.line(r, x, y, min(x+dash, x1), y, colors[i%len(colors)], 2, nil)
	}
}
