// Package charts renders CareDesk's metric charts (NPS trend, composition,
// score distribution) to PNG, SVG or an image.Image with go-chart. It does
// no I/O of its own and imports neither Fyne nor the SQL driver, so the GUI,
// the CLI and the PDF reports share one set of pictures.
package charts

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"math"
	"sync"

	"github.com/wcharczuk/go-chart/v2"

	"caredesk/data/kpi"
)

// Kind names a chart for Build, the CLI and saved report definitions.
type Kind string

// The charts this package draws.
const (
	KindNPSTrend        Kind = "nps-trend"
	KindNPSComposition  Kind = "nps-composition"
	KindNPSDistribution Kind = "nps-distribution"
)

// Kinds lists every chart kind in menu order.
var Kinds = []Kind{KindNPSTrend, KindNPSComposition, KindNPSDistribution}

// Labels is all user-visible text, already translated by the caller. An
// empty label draws nothing (its legend swatch stays).
type Labels struct {
	Title, Subtitle     string // Subtitle e.g. the period range
	NPS, Band95, Target string // legend: "NPS", "95% interval", "Target"
	Promoters, Passives string
	Detractors          string
	Responses           string // y axis of the distribution ("Responses")
	Empty               string // "No responses in this period"
	Thin                string // marker legend for thin samples "n < 30"

	// Complaint charts.
	Complaints, Opened, Resolved, Backlog string // legend and axis: "Complaints", "Opened", "Resolved", "Backlog"
	Other, Uncategorised                  string // "Other" (beyond the top categories), "No category"
	Median, P90, Hours                    string // "Median", "90th percentile", axis "Calendar hours"
	WorkingHours                          string // axis of working-hour durations
	Compliance, Cumulative                string // axis "Compliance", Pareto line "Cumulative share"
	Partial                               string // legend of faded bars: "Incomplete period" (none when empty)

	// Team charts (see team.go).
	Planned, InProgress, Done, Cancelled, Overdue string    // training statuses
	Plan, Actual, Today                           string    // timeline legend: planned and actual dates, the today line
	Trainings                                     string    // completions axis: "Trainings"
	SkillLevels                                   [5]string // names of levels 0-4: "None" … "Can teach"
	NotAssessed, Gap                              string    // heat map legend: "Not assessed", "Below required"
	TeamMedian, Better, Worse                     string    // scorecard legend
	Cost, Spent, Budget, TrainingHours            string    // budget chart: "Planned cost", "Spent", "Budget", hours line "Hours, done / planned"
	HoursPlanned, HoursDone                       string    // budget table headers
	Employee, Course, Status, Metric, Skill       string    // table headers
	PlannedStart, PlannedEnd, Started, Completed  string    // table headers of the timeline

	// Table headers only; English defaults when empty.
	Lang      string // "ru" or "en": how numbers in tables and labels are written
	Period    string // "Period"
	Score     string // "Score"
	Low, High string // bounds of the 95% interval: "Low", "High"
	Category  string // "Category"
	Total     string // "Total": the whole range
	Standard  string // "Standard"
}

// Options controls size, resolution and decoration of a chart.
type Options struct {
	Width, Height int      // pixels at Scale 1 (default 1200x600)
	Scale         float64  // 1, 2, 3: pixel multiplier, same layout
	Target        *float64 // optional NPS target line
	Labels        Labels
	Dark          bool // dark background palette for the dark UI theme
	// LegendInset keeps this many pixels (at scale 1) free at the right
	// of the legend's first row, for a button laid over the chart's
	// top-right corner (the dashboard's export).
	LegendInset int
}

// Default and limit sizes, in pixels at scale 1.
const (
	DefaultWidth  = 1200
	DefaultHeight = 600
	minWidth      = 240
	minHeight     = 160
	maxScale      = 4
)

// normalized fills defaults and clamps sizes that would break the layout.
func (o Options) normalized() Options {
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	if o.Height <= 0 {
		o.Height = DefaultHeight
	}
	o.Width, o.Height = max(o.Width, minWidth), max(o.Height, minHeight)
	if o.Scale <= 0 || math.IsNaN(o.Scale) {
		o.Scale = 1
	}
	o.Scale = math.Min(o.Scale, maxScale)
	if o.Target != nil {
		t := math.Max(-100, math.Min(100, *o.Target))
		if math.IsNaN(t) {
			o.Target = nil
		} else {
			o.Target = &t
		}
	}
	return o
}

// px converts a length at scale 1 to device pixels.
func (o Options) px(v float64) int { return int(math.Round(v * o.Scale)) }

// Chart is a built chart, ready to render any number of times (also from
// several goroutines: rendering does not modify it).
type Chart struct {
	kind  Kind
	opt   Options
	graph *chart.Chart // nil when there is nothing to plot
	table [][]string
	// tableOf computes the table on the first Table call instead, for
	// charts whose tables are large (a whole training plan) and rendered
	// far more often than exported.
	tableOf   func() [][]string
	tableOnce sync.Once
	build     func(Options) *Chart // the builder and data, for With
}

// With builds the same chart with other options, e.g. at Scale 2 without
// its title for a PDF page that prints the title itself.
func (c *Chart) With(o Options) *Chart { return c.build(o) }

// Kind is the kind the chart was built as.
func (c *Chart) Kind() Kind { return c.kind }

// Options are the options the chart was built with, defaults filled in.
func (c *Chart) Options() Options { return c.opt }

// Size is the rendered size in pixels (Width and Height times Scale).
func (c *Chart) Size() (width, height int) {
	return c.opt.px(float64(c.opt.Width)), c.opt.px(float64(c.opt.Height))
}

// Empty reports that there is nothing to plot; the chart then renders
// Labels.Empty centred instead of failing.
func (c *Chart) Empty() bool { return c.graph == nil }

// Table returns the numbers behind the chart, header row first. The caller
// may modify the result.
func (c *Chart) Table() [][]string {
	c.tableOnce.Do(func() {
		if c.tableOf != nil {
			c.table = c.tableOf()
		}
	})
	out := make([][]string, len(c.table))
	for i, row := range c.table {
		out[i] = append([]string(nil), row...)
	}
	return out
}

// Image renders the chart into an opaque RGBA image.
func (c *Chart) Image() (image.Image, error) {
	var iw chart.ImageWriter
	if err := c.renderRaster(&iw); err != nil {
		return nil, err
	}
	return iw.Image()
}

// PNG writes the chart as a PNG image.
func (c *Chart) PNG(w io.Writer) error {
	if err := c.renderRaster(w); err != nil {
		return fmt.Errorf("write chart png: %w", err)
	}
	return nil
}

// renderRaster draws on a transparent image and lets rasterRenderer add
// the background at the end, which is much faster (see rasterRenderer).
func (c *Chart) renderRaster(w io.Writer) error {
	bg := lightPalette.background
	if c.opt.Dark {
		bg = darkPalette.background
	}
	rp := rasterProvider(bg)
	if c.graph == nil {
		return c.renderEmpty(rp, w)
	}
	g := *c.graph
	g.Background.FillColor, g.Canvas.FillColor = invisible, invisible
	if err := g.Render(rp, w); err != nil {
		return fmt.Errorf("render %s chart: %w", c.kind, err)
	}
	return nil
}

// SVG writes the chart as an SVG document sized in pixels.
func (c *Chart) SVG(w io.Writer) error {
	var buf bytes.Buffer
	if err := c.render(svgProvider, &buf); err != nil {
		return err
	}
	width, height := c.Size()
	doc := bytes.Replace(buf.Bytes(), []byte("<svg "),
		fmt.Appendf(nil, `<svg width="%d" height="%d" `, width, height), 1)
	if _, err := w.Write(doc); err != nil {
		return fmt.Errorf("write chart svg: %w", err)
	}
	return nil
}

func (c *Chart) render(rp chart.RendererProvider, w io.Writer) error {
	if c.graph == nil {
		return c.renderEmpty(rp, w)
	}
	if err := c.graph.Render(rp, w); err != nil {
		return fmt.Errorf("render %s chart: %w", c.kind, err)
	}
	return nil
}

// Build dispatches by kind name: the distribution uses the series total.
func Build(kind Kind, s kpi.Series, o Options) (*Chart, error) {
	switch kind {
	case KindNPSTrend:
		return NPSTrend(s, o), nil
	case KindNPSComposition:
		return NPSComposition(s, o), nil
	case KindNPSDistribution:
		return NPSDistribution(s.Total, o), nil
	}
	return nil, fmt.Errorf("unknown chart kind %q: want %s, %s or %s", kind, KindNPSTrend, KindNPSComposition, KindNPSDistribution)
}

// hasResponses reports whether any period of s has a scored response.
func hasResponses(s kpi.Series) bool {
	for _, p := range s.Periods {
		if p.N > 0 {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
