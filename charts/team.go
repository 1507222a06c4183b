package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"caredesk/data"
)

// Team chart kinds.
const (
	KindTrainingPlan       Kind = "training-plan"
	KindTrainingCompletion Kind = "training-completion"
	KindSkillsMatrix       Kind = "skills-matrix"
	KindScorecard          Kind = "scorecard"
	KindTrainingBudget     Kind = "training-budget"
)

// TeamKinds lists the team charts in menu order.
var TeamKinds = []Kind{KindTrainingPlan, KindTrainingCompletion, KindSkillsMatrix, KindScorecard, KindTrainingBudget}

// IsTeamKind reports whether k is drawn by BuildTeam.
func IsTeamKind(k Kind) bool { return slices.Contains(TeamKinds, k) }

// TeamData is what the team charts draw; each kind reads its own part.
// The charts take these plain values instead of store or kpi types so
// that the GUI and the CLI convert whatever they loaded in one place.
type TeamData struct {
	Timeline   TimelineData
	Completion CompletionData
	Skills     SkillsMatrixData
	Scorecard  ScorecardData
	Budget     TrainingBudgetData
}

// BuildTeam dispatches a team chart by kind name.
func BuildTeam(kind Kind, d TeamData, o Options) (*Chart, error) {
	switch kind {
	case KindTrainingPlan:
		return TrainingTimeline(d.Timeline, o), nil
	case KindTrainingCompletion:
		return TrainingCompletion(d.Completion, o), nil
	case KindSkillsMatrix:
		return SkillsMatrix(d.Skills, o), nil
	case KindScorecard:
		return Scorecard(d.Scorecard, o), nil
	case KindTrainingBudget:
		return TrainingBudget(d.Budget, o), nil
	}
	return nil, fmt.Errorf("unknown team chart kind %q", kind)
}

// canvasGraph is a go-chart value carrying only the header and one
// painter: the timeline, the heat map and the scorecard lay out their
// rows and columns in pixels themselves (go-chart has no Gantt or heat
// map), so both axes are hidden. Call after the legend is set.
func (f *frame) canvasGraph(name string, paint func(r chart.Renderer)) *chart.Chart {
	unit := []chart.Tick{{Value: 0}, {Value: 1}}
	g := f.graph(unit, unit, nil, painter{name: name, paint: func(r chart.Renderer, _ chart.Box, _, _ chart.Range) { paint(r) }})
	g.XAxis.Style = chart.Hidden()
	g.YAxisSecondary.Style = chart.Hidden()
	return g
}

// rows splits the pixel span top..bottom into n equal rows. Rows thinner
// than a pixel share one: a band of a row is then 1px and identical to its
// neighbours', never partly overlapping (see rectBatch).
type rows struct {
	top, bottom, n int
}

func (l rows) height() float64 { return float64(l.bottom-l.top) / float64(max(l.n, 1)) }

// band is row i's span [y0, y1) in pixels.
func (l rows) band(i int) (y0, y1 int) {
	h := l.height()
	y0 = l.top + int(float64(i)*h)
	y1 = l.top + int(float64(i+1)*h)
	return y0, max(y1, y0+1)
}

// inset shrinks a band by share of its height on each side when the row
// is tall enough for the difference to show.
func inset(y0, y1 int, share float64) (int, int) {
	if y1-y0 < 6 {
		return y0, y1
	}
	d := int(float64(y1-y0) * share)
	return y0 + d, y1 - d
}

// labelStep is how many rows one label line takes: every step-th row is
// labelled so that labels never overlap.
func (f *frame) labelStep(l rows) int {
	line := float64(f.opt.px(16))
	return max(1, int(math.Ceil(line/l.height()-1e-9)))
}

// rectBatch collects axis-aligned rectangles per colour and fills each
// colour as one path. The timeline draws tens of thousands of bars; one
// Fill each would cost the rasteriser's setup every time. go-chart fills
// with the even-odd rule, so overlapping rectangles would punch holes:
// the batch merges rectangles of the same band into disjoint runs first
// (bands of rows never partly overlap, see rows).
type rectBatch struct {
	colors []drawing.Color
	runs   map[drawing.Color]map[[2]int][][2]int // colour -> band (y0, y1) -> x spans
}

func (b *rectBatch) add(c drawing.Color, x0, y0, x1, y1 int) {
	if x1 <= x0 || y1 <= y0 || c.A == 0 {
		return
	}
	if b.runs == nil {
		b.runs = map[drawing.Color]map[[2]int][][2]int{}
	}
	bands, ok := b.runs[c]
	if !ok {
		bands = map[[2]int][][2]int{}
		b.runs[c] = bands
		b.colors = append(b.colors, c)
	}
	key := [2]int{y0, y1}
	bands[key] = append(bands[key], [2]int{x0, x1})
}

// fill draws the batch, colours in the order first added, bands top down.
func (b *rectBatch) fill(r chart.Renderer) {
	for _, c := range b.colors {
		bands := b.runs[c]
		keys := make([][2]int, 0, len(bands))
		for k := range bands {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
		r.SetStrokeColor(drawing.Color{})
		r.SetStrokeWidth(0)
		r.SetFillColor(c)
		for _, k := range keys {
			for _, s := range mergeSpans(bands[k]) {
				r.MoveTo(s[0], k[0])
				r.LineTo(s[1], k[0])
				r.LineTo(s[1], k[1])
				r.LineTo(s[0], k[1])
				r.Close()
			}
		}
		r.Fill()
	}
}

// mergeSpans unites overlapping or touching [x0, x1) spans, in place.
func mergeSpans(spans [][2]int) [][2]int {
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// rowLabels draws every step-th label right-aligned to x, vertically
// centred on its row, fitted to width.
func (f *frame) rowLabels(r chart.Renderer, labels []string, l rows, step, x, width int) {
	r.SetFont(f.regular)
	r.SetFontSize(axisSize)
	capHeight := r.MeasureText("0").Height()
	for i := 0; i < len(labels); i += step {
		s := f.fit(truncate(labels[i], maxLegendRune), f.regular, axisSize, width)
		y0, y1 := l.band(i)
		f.text(r, s, x-f.measure(s, axisSize), (y0+y1)/2+capHeight/2, f.regular, axisSize, f.pal.text)
	}
}

// labelWidth is the room for row labels: the widest label, within a
// share of the chart width.
func (f *frame) labelWidth(labels []string, share float64) int {
	widest := 0
	for _, s := range labels {
		widest = max(widest, f.measure(truncate(s, maxLegendRune), axisSize))
	}
	return min(widest, int(float64(f.opt.px(float64(f.opt.Width)))*share))
}

// date formats a day for tables ("" for 0).
func (l Labels) date(d data.Day) string {
	if d == 0 {
		return ""
	}
	return data.FormatDate(l.Lang, d.Time())
}

// statusName is a training status in the labels' language.
func (l Labels) statusName(s data.TrainingStatus) string {
	switch s {
	case data.TrainingPlanned:
		return orDefault(l.Planned, "Planned")
	case data.TrainingInProgress:
		return orDefault(l.InProgress, "In progress")
	case data.TrainingDone:
		return orDefault(l.Done, "Done")
	case data.TrainingCancelled:
		return orDefault(l.Cancelled, "Cancelled")
	}
	return string(s)
}

// statusColor is the colour of a training status; overdue is red.
func (f *frame) statusColor(s data.TrainingStatus, overdue bool) drawing.Color {
	switch {
	case overdue:
		return f.pal.detractors
	case s == data.TrainingDone:
		return f.pal.promoters
	case s == data.TrainingInProgress:
		return f.pal.nps
	case s == data.TrainingCancelled:
		return f.pal.other
	}
	return f.pal.standards[5] // violet: apart from the blue, green and red
}
