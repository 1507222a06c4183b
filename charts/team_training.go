package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"caredesk/data"
)

// CompletionData is plan against actual completions per month.
type CompletionData struct {
	Months []CompletionMonth
}

// CompletionMonth is one month: items planned to finish in it (planned end
// in the month, cancelled ones left out) and items finished in it.
type CompletionMonth struct {
	Label         string // "янв 2025"
	Planned, Done int64
}

// TrainingCompletion draws per month the trainings planned to finish and
// those finished as pairs of bars from zero.
func TrainingCompletion(d CompletionData, o Options) *Chart {
	o = o.normalized()
	months := append([]CompletionMonth(nil), d.Months...)
	c := &Chart{
		kind: KindTrainingCompletion, opt: o, table: completionTable(months, o.Labels),
		build: func(o Options) *Chart { return TrainingCompletion(CompletionData{Months: months}, o) },
	}
	var most int64
	for _, m := range months {
		most = max(most, m.Planned, m.Done)
	}
	if most == 0 {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	planned, done := f.statusColor(data.TrainingPlanned, false), f.statusColor(data.TrainingDone, false)
	f.legend = []legendItem{{swatchBox, planned, orDefault(o.Labels.Planned, "Planned")}, {swatchBox, done, orDefault(o.Labels.Done, "Done")}}
	f.caption = truncate(o.Labels.Trainings, maxLegendRune)
	labels := make([]string, len(months))
	for i, m := range months {
		labels[i] = m.Label
	}
	xTicks, step := f.categoryTicks(labels)
	c.graph = f.graph(xTicks, countAxis(most, f.valueSteps()), nil, painter{name: "completion", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		gap := max(1, o.px(1))
		for i, m := range months {
			x, y0 := xy(box, xr, yr, i, 0)
			for _, bar := range []struct {
				v      int64
				x0, x1 int
				color  drawing.Color
			}{{m.Planned, x - half, x - gap, planned}, {m.Done, x + gap, x + half, done}} {
				if bar.v == 0 {
					continue
				}
				_, y1 := xy(box, xr, yr, i, float64(bar.v))
				f.rect(r, bar.x0, y1, bar.x1, y0, bar.color)
				if step == 1 {
					f.centredText(r, o.Labels.count(bar.v), (bar.x0+bar.x1)/2, y1-o.px(5), valueSize, f.pal.text)
				}
			}
		}
	}})
	return c
}

// completionTable: month, planned, done, done as a share of planned.
func completionTable(months []CompletionMonth, l Labels) [][]string {
	out := [][]string{{orDefault(l.Period, "Period"), orDefault(l.Planned, "Planned"), orDefault(l.Done, "Done"), "%"}}
	for _, m := range months {
		rate := ""
		if m.Planned > 0 {
			rate = l.fixed1(share(m.Done, m.Planned))
		}
		out = append(out, []string{m.Label, l.count(m.Planned), l.count(m.Done), rate})
	}
	return out
}

// TrainingBudgetData is training hours and money per quarter.
type TrainingBudgetData struct {
	Quarters []BudgetQuarter
}

// BudgetQuarter is one quarter of the plan. Money is in minor units.
type BudgetQuarter struct {
	Label                   string // "Q1 2025"
	HoursPlanned, HoursDone float64
	CostPlanned, CostDone   int64
	Budget                  int64 // 0 = no budget set
}

// TrainingBudget draws per quarter the planned and the spent cost as pairs
// of bars from zero, the quarter's budget as a dashed line over them, and
// the hours done and planned under each quarter's label.
func TrainingBudget(d TrainingBudgetData, o Options) *Chart {
	o = o.normalized()
	quarters := append([]BudgetQuarter(nil), d.Quarters...)
	c := &Chart{
		kind: KindTrainingBudget, opt: o, table: budgetTable(quarters, o.Labels),
		build: func(o Options) *Chart { return TrainingBudget(TrainingBudgetData{Quarters: quarters}, o) },
	}
	var most int64
	hours := false
	for _, q := range quarters {
		most = max(most, q.CostPlanned, q.CostDone, q.Budget)
		hours = hours || q.HoursPlanned > 0 || q.HoursDone > 0
	}
	if most == 0 && !hours {
		return c
	}
	f, err := newFrame(o)
	if err != nil {
		return c
	}
	planned, done := withAlpha(f.statusColor(data.TrainingPlanned, false), 150), f.statusColor(data.TrainingDone, false)
	l := o.Labels
	f.legend = []legendItem{{swatchBox, planned, orDefault(l.Cost, "Planned cost")}, {swatchBox, done, orDefault(l.Spent, "Spent")},
		{swatchDashed, f.pal.target, orDefault(l.Budget, "Budget")}}
	// Quarter labels, then the hours under each, then what the hours mean.
	slot := f.plotWidth() / max(len(quarters), 1)
	lineHeight := o.px(15)
	f.bottomLabels = 3*lineHeight + o.px(4)
	xTicks := []chart.Tick{{Value: -0.5}}
	for i := range quarters {
		xTicks = append(xTicks, chart.Tick{Value: float64(i)})
	}
	xTicks = append(xTicks, chart.Tick{Value: float64(len(quarters)) - 0.5})
	values := niceTicks(float64(most)/100, false, f.valueSteps())
	var yTicks []chart.Tick
	for _, v := range values {
		yTicks = append(yTicks, chart.Tick{Value: v, Label: tickNumber(l.Lang, v, values[1]-values[0])})
	}
	c.graph = f.graph(xTicks, yTicks, nil, painter{name: "budget", paint: func(r chart.Renderer, box chart.Box, xr, yr chart.Range) {
		half := barHalfWidth(o, xr)
		gap := max(1, o.px(1))
		for i, q := range quarters {
			x, y0 := xy(box, xr, yr, i, 0)
			if q.CostPlanned > 0 {
				_, y1 := xy(box, xr, yr, i, float64(q.CostPlanned)/100)
				f.rect(r, x-half, y1, x-gap, y0, planned)
			}
			if q.CostDone > 0 {
				_, y1 := xy(box, xr, yr, i, float64(q.CostDone)/100)
				f.rect(r, x+gap, y1, x+half, y0, done)
			}
			if q.Budget > 0 {
				_, y := xy(box, xr, yr, i, float64(q.Budget)/100)
				reach := half + o.px(8)
				f.line(r, x-reach, y, x+reach, y, f.pal.target, 2.5, []float64{6, 4})
			}
		}
		r.SetFont(f.regular)
		r.SetFontSize(axisSize)
		capHeight := r.MeasureText("0").Height()
		top := box.Bottom + o.px(10) + capHeight
		for i, q := range quarters {
			x, _ := xy(box, xr, yr, i, 0)
			f.centredText(r, f.fit(truncate(q.Label, maxTickRunes), f.regular, axisSize, slot-o.px(6)), x, top, axisSize, f.pal.muted)
			h := l.hours(q.HoursDone) + " / " + l.hours(q.HoursPlanned)
			f.centredText(r, f.fit(h, f.regular, axisSize, slot-o.px(6)), x, top+lineHeight, axisSize, f.pal.text)
		}
		if t := f.fit(orDefault(l.TrainingHours, "Hours, done / planned"), f.regular, axisSize, box.Width()); t != "" {
			f.text(r, t, box.Left, top+2*lineHeight, f.regular, axisSize, f.pal.muted)
		}
	}})
	return c
}

// hours formats training hours: whole when whole, else one decimal.
func (l Labels) hours(v float64) string {
	if v == math.Trunc(v) {
		return data.FormatNumber(l.Lang, v, 0)
	}
	return data.FormatNumber(l.Lang, v, 1)
}

// money formats minor units as major ones with kopecks when there are any.
func (l Labels) money(v int64) string {
	if v%100 == 0 {
		return data.FormatInt(l.Lang, v/100)
	}
	return data.FormatNumber(l.Lang, float64(v)/100, 2)
}

// budgetTable: quarter, hours planned and done, cost planned and spent,
// budget.
func budgetTable(quarters []BudgetQuarter, l Labels) [][]string {
	out := [][]string{{orDefault(l.Period, "Period"), orDefault(l.HoursPlanned, "Hours planned"), orDefault(l.HoursDone, "Hours done"),
		orDefault(l.Cost, "Planned cost"), orDefault(l.Spent, "Spent"), orDefault(l.Budget, "Budget")}}
	for _, q := range quarters {
		budget := ""
		if q.Budget > 0 {
			budget = l.money(q.Budget)
		}
		out = append(out, []string{q.Label, l.hours(q.HoursPlanned), l.hours(q.HoursDone), l.money(q.CostPlanned), l.money(q.CostDone), budget})
	}
	return out
}
