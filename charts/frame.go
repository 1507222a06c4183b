package charts

import (
	"html"
	"io"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

// painter is a go-chart series that draws its own marks. The builders use
// it instead of go-chart's value series so that gaps, bands, single points
// and empty periods are handled here, before go-chart sees any data, and
// the axis ranges come only from the explicit ticks.
type painter struct {
	name  string
	paint func(r chart.Renderer, box chart.Box, xr, yr chart.Range)
}

func (p painter) GetName() string { return p.name }

// GetYAxis puts every mark on the secondary axis, which go-chart draws on
// the left where readers expect the scale.
func (p painter) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (p painter) GetStyle() chart.Style     { return chart.Style{} }
func (p painter) Validate() error           { return nil }
func (p painter) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	p.paint(r, box, xr, yr)
}

// legendKind is the swatch drawn before a legend label.
type legendKind int

const (
	swatchLine legendKind = iota
	swatchBand
	swatchDashed
	swatchHollowDot
	swatchBox
	swatchDashedLine // a series line drawn dashed (colours repeat)
)

type legendItem struct {
	kind  legendKind
	color drawing.Color
	label string
}

// frame is what the three builders share: size, fonts, header and axes.
type frame struct {
	opt           Options
	pal           palette
	regular, bold *truetype.Font
	legend        []legendItem
	caption       string // y axis name, drawn above the scale
	widestTick    int    // widest x label in pixels, for the right margin

	// Header layout in pixels, set by layoutHeader.
	titleY, subtitleY, captionY, headerHeight int
	legendRows                                [][]legendItem // labels fitted
	legendY                                   []int          // centre of each legend row

	// Extra room under the x axis for labels a builder draws itself.
	bottomLabels int
	// Width of value labels a builder draws right of the newest period.
	endLabels int
}

func newFrame(o Options) (*frame, error) {
	regular, bold, err := fonts()
	if err != nil {
		return nil, err
	}
	f := &frame{opt: o, pal: lightPalette, regular: regular, bold: bold}
	if o.Dark {
		f.pal = darkPalette
	}
	return f, nil
}

func (f *frame) dpi() float64 { return baseDPI * f.opt.Scale }

// layoutHeader places the header lines (baselines, legend rows) and sets
// the header height; the block grows only by the lines present, and short
// charts (a dashboard strip) get tighter spacing to leave the plot room.
func (f *frame) layoutHeader() {
	o := f.opt
	gap := 1.0
	if o.Height < 300 {
		gap = 0.6
	}
	y := o.px(14 * gap)
	if f.opt.Labels.Title != "" {
		y += o.px(20)
		f.titleY = y
		y += o.px(4)
	}
	if f.opt.Labels.Subtitle != "" {
		y += o.px(18)
		f.subtitleY = y
		y += o.px(2)
	}
	f.legendRows = f.layoutLegend()
	f.legendY = f.legendY[:0]
	for i := range f.legendRows {
		if i == 0 {
			y += o.px(18 * gap)
		} else {
			y += o.px(22)
		}
		f.legendY = append(f.legendY, y)
	}
	if len(f.legendRows) > 0 {
		y += o.px(10 * gap)
	}
	if f.caption != "" {
		y += o.px(max(22*gap, 18))
		f.captionY = y
	}
	f.headerHeight = y + o.px(16*gap)
}

// maxLegendRows is how many rows the legend may wrap into before its labels
// are shortened.
const maxLegendRows = 2

// swatchWidth is the width of a legend mark at scale 1.
func swatchWidth(k legendKind) float64 {
	switch k {
	case swatchHollowDot:
		return 12
	case swatchBox:
		return 14
	}
	return 24
}

// layoutLegend lays the legend items out in rows across the chart width,
// wrapping to a new row before shortening any label: long names (Russian
// category names) stay whole where the width allows.
func (f *frame) layoutLegend() [][]legendItem {
	if len(f.legend) == 0 {
		return nil
	}
	o := f.opt
	row := o.px(float64(o.Width)) - 2*o.px(20)
	first := row - o.px(float64(max(0, o.LegendInset)))
	for labelCap := row; ; labelCap = labelCap * 9 / 10 {
		var rows [][]legendItem
		x := 0
		for _, it := range f.legend {
			it.label = f.fit(truncate(it.label, maxLegendRune), f.regular, legendSize, labelCap)
			w := o.px(swatchWidth(it.kind))
			if it.label != "" {
				w += o.px(6) + f.measure(it.label, legendSize)
			}
			limit := row
			if len(rows) == 1 {
				limit = first
			}
			if len(rows) == 0 || (x > 0 && x+w > limit) {
				rows = append(rows, nil)
				x = 0
			}
			rows[len(rows)-1] = append(rows[len(rows)-1], it)
			x += w + o.px(22)
		}
		if len(rows) <= maxLegendRows || labelCap <= o.px(24) {
			return rows
		}
	}
}

// drawHeader draws the title and subtitle top-left, the legend under them
// and the y axis caption above the scale. It runs as a go-chart element.
func (f *frame) drawHeader(r chart.Renderer) {
	o := f.opt
	left := o.px(20)
	width := o.px(float64(o.Width)) - 2*left
	if t := f.fit(truncate(o.Labels.Title, maxTitleRunes), f.bold, titleSize, width); t != "" {
		f.text(r, t, left, f.titleY, f.bold, titleSize, f.pal.text)
	}
	if t := f.fit(truncate(o.Labels.Subtitle, maxTitleRunes), f.regular, subtitleSize, width); t != "" {
		f.text(r, t, left, f.subtitleY, f.regular, subtitleSize, f.pal.muted)
	}
	if f.caption != "" {
		f.text(r, f.caption, left, f.captionY, f.regular, axisSize, f.pal.muted)
	}
	// One baseline per row: labels of different glyph heights stay aligned.
	r.SetFont(f.regular)
	r.SetFontSize(legendSize)
	capHeight := r.MeasureText("0").Height()
	for i, row := range f.legendRows {
		x, y := left, f.legendY[i]
		for _, it := range row {
			x = f.drawSwatch(r, it, x, y)
			if it.label != "" {
				f.text(r, it.label, x+o.px(6), y+capHeight/2, f.regular, legendSize, f.pal.text)
				x += o.px(6) + f.measure(it.label, legendSize)
			}
			x += o.px(22)
		}
	}
}

// drawSwatch draws a legend mark centred on row y from x and returns the
// x after it.
func (f *frame) drawSwatch(r chart.Renderer, it legendItem, x, y int) int {
	o := f.opt
	w := o.px(swatchWidth(it.kind))
	switch it.kind {
	case swatchLine:
		f.line(r, x, y, x+w, y, it.color, 2.5, nil)
		f.dot(r, x+w/2, y, 4.5, it.color, f.pal.background, 1.5)
	case swatchBand:
		f.rect(r, x, y-o.px(6), x+w, y+o.px(6), it.color)
	case swatchDashed:
		f.line(r, x, y, x+w, y, it.color, 2, []float64{6, 4})
	case swatchDashedLine:
		f.line(r, x, y, x+w, y, it.color, 2.5, seriesDash)
		f.dot(r, x+w/2, y, 4.5, it.color, f.pal.background, 1.5)
	case swatchHollowDot:
		f.dot(r, x+w/2, y, 4.5, f.pal.background, it.color, 2)
	case swatchBox:
		f.rect(r, x, y-o.px(7), x+w, y+o.px(7), it.color)
	}
	return x + w
}

// graph assembles the go-chart value: the header as padding plus element,
// the y axis on the left with explicit ticks and grid, the x axis with
// explicit (possibly thinned) labels.
func (f *frame) graph(xTicks []chart.Tick, yTicks []chart.Tick, zero *float64, marks ...painter) *chart.Chart {
	o := f.opt
	f.layoutHeader()
	axis := chart.Style{
		Font: f.regular, FontSize: axisSize, FontColor: f.pal.muted,
		StrokeColor: f.pal.axis, StrokeWidth: float64(o.px(1)),
	}
	grid := make([]chart.GridLine, 0, len(yTicks))
	for _, t := range yTicks {
		gl := chart.GridLine{Value: t.Value, Style: chart.Style{StrokeColor: f.pal.grid, StrokeWidth: float64(o.px(1))}}
		if zero != nil && t.Value == *zero {
			gl.Style.StrokeColor = f.pal.zero
		}
		grid = append(grid, gl)
	}
	series := make([]chart.Series, len(marks))
	for i, m := range marks {
		series[i] = m
	}
	return &chart.Chart{
		Width:  o.px(float64(o.Width)),
		Height: o.px(float64(o.Height)),
		DPI:    f.dpi(),
		Font:   f.regular,
		Background: chart.Style{
			FillColor: f.pal.background,
			Padding: chart.Box{Top: f.headerHeight, Left: o.px(20), Bottom: o.px(14) + f.bottomLabels,
				// The newest period's label is centred on the last slot;
				// end-of-line values sit right of it.
				Right: max(o.px(28), f.widestTick/2+o.px(8), f.endLabels+o.px(14))},
		},
		Canvas: chart.Style{FillColor: f.pal.background},
		XAxis: chart.XAxis{
			Style: axis, Ticks: xTicks,
			GridMajorStyle: chart.Hidden(), GridMinorStyle: chart.Hidden(),
		},
		// go-chart takes the secondary axis range from the primary ticks,
		// so the hidden primary axis carries the same ticks.
		YAxis: chart.YAxis{Style: chart.Hidden(), Ticks: yTicks},
		YAxisSecondary: chart.YAxis{
			Style: axis, Ticks: yTicks, GridLines: grid,
			GridMajorStyle: chart.Style{StrokeColor: f.pal.grid, StrokeWidth: float64(o.px(1))},
			GridMinorStyle: chart.Hidden(),
		},
		Series: series,
		Elements: []chart.Renderable{func(r chart.Renderer, _ chart.Box, _ chart.Style) {
			f.drawHeader(r)
		}},
	}
}

// renderEmpty draws the title and Labels.Empty centred: an empty period is
// a normal state for a new installation, not an error.
func (c *Chart) renderEmpty(rp chart.RendererProvider, w io.Writer) error {
	f, err := newFrame(c.opt)
	if err != nil {
		return err
	}
	width, height := c.Size()
	r, err := rp(width, height)
	if err != nil {
		return err
	}
	r.SetDPI(f.dpi())
	if _, vector := r.(*svgRenderer); vector {
		f.rect(r, 0, 0, width, height, f.pal.background) // raster adds it on Save
	}
	f.layoutHeader()
	f.drawHeader(r)
	if msg := f.fit(truncate(c.opt.Labels.Empty, maxTitleRunes), f.regular, emptySize, width-c.opt.px(40)); msg != "" {
		r.SetFont(f.regular)
		r.SetFontSize(emptySize)
		box := r.MeasureText(msg)
		f.text(r, msg, (width-box.Width())/2, (height+box.Height())/2, f.regular, emptySize, f.pal.muted)
	}
	return r.Save(w)
}

// Drawing primitives. Each sets every style attribute it relies on, since
// the SVG renderer applies fill and stroke to whatever path comes next.

func (f *frame) text(r chart.Renderer, s string, x, y int, font *truetype.Font, size float64, color drawing.Color) {
	r.SetFont(font)
	r.SetFontSize(size)
	r.SetFontColor(color)
	r.Text(s, x, y)
}

func (f *frame) line(r chart.Renderer, x0, y0, x1, y1 int, color drawing.Color, width float64, dash []float64) {
	f.polyline(r, [][2]int{{x0, y0}, {x1, y1}}, color, width, dash)
}

func (f *frame) polyline(r chart.Renderer, pts [][2]int, color drawing.Color, width float64, dash []float64) {
	if len(pts) < 2 {
		return
	}
	scaled := make([]float64, len(dash))
	for i, d := range dash {
		scaled[i] = d * f.opt.Scale
	}
	r.SetFillColor(drawing.Color{})
	r.SetStrokeColor(color)
	r.SetStrokeWidth(width * f.opt.Scale)
	r.SetStrokeDashArray(scaled)
	r.MoveTo(pts[0][0], pts[0][1])
	for _, p := range pts[1:] {
		r.LineTo(p[0], p[1])
	}
	r.Stroke()
	r.SetStrokeDashArray(nil)
}

func (f *frame) polygon(r chart.Renderer, pts [][2]int, color drawing.Color) {
	if len(pts) < 3 {
		return
	}
	r.SetStrokeColor(drawing.Color{})
	r.SetStrokeWidth(0)
	r.SetFillColor(color)
	r.MoveTo(pts[0][0], pts[0][1])
	for _, p := range pts[1:] {
		r.LineTo(p[0], p[1])
	}
	r.Close()
	r.Fill()
}

func (f *frame) rect(r chart.Renderer, x0, y0, x1, y1 int, color drawing.Color) {
	f.polygon(r, [][2]int{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, color)
}

// dot draws a circle of radius (at scale 1) with a fill and an outline.
func (f *frame) dot(r chart.Renderer, x, y int, radius float64, fill, stroke drawing.Color, strokeWidth float64) {
	r.SetFillColor(fill)
	r.SetStrokeColor(stroke)
	r.SetStrokeWidth(strokeWidth * f.opt.Scale)
	r.SetStrokeDashArray(nil)
	r.Circle(radius*f.opt.Scale, x, y)
	if _, vector := r.(*svgRenderer); !vector {
		r.FillStroke() // the raster Circle only builds the path
	}
}

// rasterFontScale: go-chart's raster renderer sizes glyphs at size·DPI/64
// pixels per em instead of size·DPI/72, so PNG text is 9/8 of the nominal
// size. Measurements and the SVG output follow the PNG so both look alike.
const rasterFontScale = 72.0 / 64.0

// svgRenderer escapes text for XML (go-chart writes labels into the SVG
// verbatim, so "n < 30" would break the document) and matches the PNG's
// text size.
type svgRenderer struct{ chart.Renderer }

func (s *svgRenderer) Text(body string, x, y int) { s.Renderer.Text(html.EscapeString(body), x, y) }
func (s *svgRenderer) SetFontSize(size float64)   { s.Renderer.SetFontSize(size * rasterFontScale) }

func svgProvider(width, height int) (chart.Renderer, error) {
	r, err := chart.SVG(width, height)
	if err != nil {
		return nil, err
	}
	return &svgRenderer{r}, nil
}

// measure is the width in pixels of s in the regular font at size points.
func (f *frame) measure(s string, size float64) int { return f.measureWith(f.regular, s, size) }

// measureWith sums glyph advances and kerning the way go-chart's raster
// text does; a truetype face would allocate a glyph cache per call.
func (f *frame) measureWith(ft *truetype.Font, s string, size float64) int {
	scale := fixed.Int26_6(size * f.dpi() * rasterFontScale / 72 * 64)
	var width fixed.Int26_6
	prev, hasPrev := truetype.Index(0), false
	for _, r := range s {
		i := ft.Index(r)
		if hasPrev {
			width += ft.Kern(scale, prev, i)
		}
		width += ft.HMetric(scale, i).AdvanceWidth
		prev, hasPrev = i, true
	}
	return width.Ceil()
}

// fit shortens s with an ellipsis until it is at most width pixels wide.
func (f *frame) fit(s string, ft *truetype.Font, size float64, width int) string {
	for n := utf8.RuneCountInString(s); n > 1 && f.measureWith(ft, s, size) > width; n-- {
		s = truncate(s, n-1)
	}
	return s
}

// plotWidth estimates the plot's width: the chart minus paddings and the
// y labels ("−100").
func (f *frame) plotWidth() int {
	o := f.opt
	return o.px(float64(o.Width)) - o.px(48) - f.measure("−100", axisSize) - o.px(12) - f.endLabels
}

// categoryTicks labels categories 0..n-1 on an axis running from -0.5 to
// n-0.5, keeping every step-th label (counted back from the newest) so the
// labels never overlap. step is 1 when all labels fit.
func (f *frame) categoryTicks(labels []string) (ticks []chart.Tick, step int) {
	n := len(labels)
	o := f.opt
	widest := 0
	for i := range labels {
		labels[i] = truncate(labels[i], maxTickRunes)
		widest = max(widest, f.measure(labels[i], axisSize))
	}
	f.widestTick = widest
	slot := float64(f.plotWidth()) / float64(max(n, 1))
	step = max(1, int(float64(widest+o.px(14))/slot+0.999))
	ticks = append(ticks, chart.Tick{Value: -0.5})
	for i, l := range labels {
		if (n-1-i)%step == 0 {
			ticks = append(ticks, chart.Tick{Value: float64(i), Label: l})
		}
	}
	ticks = append(ticks, chart.Tick{Value: float64(n) - 0.5})
	return ticks, step
}

// xy maps a category index and a value to canvas pixels.
func xy(box chart.Box, xr, yr chart.Range, i int, v float64) (int, int) {
	return box.Left + xr.Translate(float64(i)), box.Bottom - yr.Translate(v)
}

// centredText draws s centred on x with its baseline at y.
func (f *frame) centredText(r chart.Renderer, s string, x, y int, size float64, color drawing.Color) {
	r.SetFont(f.regular)
	r.SetFontSize(size)
	w := r.MeasureText(s).Width()
	f.text(r, s, x-w/2, y, f.regular, size, color)
}

// valueSteps is how many intervals the value axis can have with its tick
// labels well apart, from the plot height the header leaves: five on a
// full chart, two or three on a dashboard strip.
func (f *frame) valueSteps() int {
	f.layoutHeader()
	o := f.opt
	// Below the plot: the chart's padding and the x axis labels.
	plot := o.px(float64(o.Height)) - f.headerHeight - o.px(14) - f.bottomLabels - o.px(28)
	return max(1, plot/o.px(28))
}

// percentTicks are 0..100% in the finest of 20, 25 or 50 steps the plot
// height allows.
func (f *frame) percentTicks(finest float64) []chart.Tick {
	steps := f.valueSteps()
	every := 50.0
	for _, e := range []float64{20, 25} {
		if e >= finest && 100/e <= float64(steps) {
			every = e
			break
		}
	}
	return percentAxis(every)
}
