package charts

import (
	"image"
	"math"
	"slices"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// ScorecardData is one employee's scorecard against the team.
type ScorecardData struct {
	Employee string // the employee's name (table header)
	Metrics  []ScorecardMetric
}

// ScorecardMetric is one figure of the scorecard. Values are NaN when
// unknown (no complaints resolved, no feedback).
type ScorecardMetric struct {
	Label               string // "Median resolution time, h"
	Agent, Team         float64
	AgentText, TeamText string // formatted by the caller; "" = one decimal
	LowerIsBetter       bool   // resolution time, reopen rate
}

// comparison is -1 when the agent does worse than the team, 1 better,
// 0 equal or unknown.
func (m ScorecardMetric) comparison() int {
	if math.IsNaN(m.Agent) || math.IsNaN(m.Team) || m.Agent == m.Team {
		return 0
	}
	if (m.Agent < m.Team) == m.LowerIsBetter {
		return 1
	}
	return -1
}

func (m ScorecardMetric) texts(l Labels) (agent, team string) {
	agent, team = m.AgentText, m.TeamText
	if agent == "" {
		agent = l.fixed1(m.Agent)
	}
	if team == "" {
		team = l.fixed1(m.Team)
	}
	return orDefault(agent, "—"), orDefault(team, "—")
}

// scorecardLayout is the scorecard's pixel geometry.
type scorecardLayout struct {
	plot   image.Rectangle // bars area, without the value texts
	rows   rows
	labelW int
}

// Scorecard draws each metric of one employee as a pair of horizontal
// bars, the employee's above the team median's, each metric on its own
// scale from zero. The employee's bar is green where they do better than
// the team (lower for resolution time and reopens, higher for the rest)
// and red where worse.
func Scorecard(d ScorecardData, o Options) *Chart {
	o = o.normalized()
	d.Metrics = slices.Clone(d.Metrics)
	c := &Chart{
		kind: KindScorecard, opt: o, table: scorecardTable(d, o.Labels),
		build: func(o Options) *Chart { return Scorecard(d, o) },
	}
	if !slices.ContainsFunc(d.Metrics, func(m ScorecardMetric) bool { return !math.IsNaN(m.Agent) || !math.IsNaN(m.Team) }) {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	l := o.Labels
	f.legend = []legendItem{{swatchBox, f.pal.promoters, orDefault(l.Better, "Better than the team")},
		{swatchBox, f.pal.detractors, orDefault(l.Worse, "Worse than the team")},
		{swatchBox, f.pal.other, orDefault(l.TeamMedian, "Team median")}}
	f.layoutHeader()
	labels := make([]string, len(d.Metrics))
	widestValue := 0
	for i, m := range d.Metrics {
		labels[i] = m.Label
		a, t := m.texts(l)
		widestValue = max(widestValue, f.measure(a, valueSize), f.measure(t, valueSize))
	}
	var g scorecardLayout
	width, height := o.px(float64(o.Width)), o.px(float64(o.Height))
	g.labelW = f.labelWidth(labels, 0.35)
	left := o.px(20) + g.labelW + o.px(12)
	bottom := min(height-o.px(16), f.headerHeight+len(d.Metrics)*o.px(64))
	g.plot = image.Rect(left, f.headerHeight, width-o.px(24)-widestValue-o.px(8), bottom)
	g.rows = rows{top: g.plot.Min.Y, bottom: g.plot.Max.Y, n: len(d.Metrics)}
	c.graph = f.canvasGraph("scorecard", func(r chart.Renderer) { f.paintScorecard(r, d, g) })
	return c
}

func (f *frame) paintScorecard(r chart.Renderer, d ScorecardData, g scorecardLayout) {
	o := f.opt
	pal := f.pal
	r.SetFont(f.regular)
	r.SetFontSize(valueSize)
	valueHeight := r.MeasureText("0").Height()
	for i, m := range d.Metrics {
		y0, y1 := g.rows.band(i)
		if i > 0 {
			f.line(r, o.px(20), y0, g.plot.Max.X, y0, pal.grid, 1, nil)
		}
		y0, y1 = inset(y0, y1, 0.15)
		mid := (y0 + y1) / 2
		lo, hi := 0.0, 0.0
		for _, v := range []float64{m.Agent, m.Team} {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if hi == lo {
			hi = lo + 1
		}
		x := func(v float64) int {
			return g.plot.Min.X + int((v-lo)/(hi-lo)*float64(g.plot.Dx()))
		}
		agentText, teamText := m.texts(o.Labels)
		var agentColor drawing.Color
		switch m.comparison() {
		case 1:
			agentColor = pal.promoters
		case -1:
			agentColor = pal.detractors
		default:
			agentColor = pal.nps
		}
		gap := max(1, o.px(2))
		for _, bar := range []struct {
			v      float64
			y0, y1 int
			color  drawing.Color
			text   string
		}{{m.Agent, y0, mid - gap, agentColor, agentText}, {m.Team, mid + gap, y1, pal.other, teamText}} {
			end := x(0)
			if !math.IsNaN(bar.v) {
				a, b := x(0), x(bar.v)
				if a > b {
					a, b = b, a
				}
				f.rect(r, a, bar.y0, max(b, a+1), bar.y1, bar.color)
				end = max(x(0), x(bar.v))
			}
			f.text(r, bar.text, end+o.px(6), (bar.y0+bar.y1)/2+valueHeight/2, f.regular, valueSize, pal.text)
		}
		if lo < 0 {
			f.line(r, x(0), y0-o.px(3), x(0), y1+o.px(3), pal.zero, 1, nil)
		}
	}
	labels := make([]string, len(d.Metrics))
	for i, m := range d.Metrics {
		labels[i] = m.Label
	}
	f.rowLabels(r, labels, g.rows, 1, g.plot.Min.X-o.px(12), g.labelW)
}

// scorecardTable: metric, the employee's value, the team median, and
// whether that is better or worse.
func scorecardTable(d ScorecardData, l Labels) [][]string {
	out := [][]string{{orDefault(l.Metric, "Metric"), orDefault(d.Employee, orDefault(l.Employee, "Employee")),
		orDefault(l.TeamMedian, "Team median"), ""}}
	for _, m := range d.Metrics {
		a, t := m.texts(l)
		verdict := ""
		switch m.comparison() {
		case 1:
			verdict = orDefault(l.Better, "Better than the team")
		case -1:
			verdict = orDefault(l.Worse, "Worse than the team")
		}
		out = append(out, []string{m.Label, a, t, verdict})
	}
	return out
}
