package team

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// scorePresets are the scorecard's period choices before a custom range.
var scorePresets = []widgets.PeriodPreset{kpi.PresetLast30Days, kpi.PresetThisMonth, kpi.PresetLastMonth,
	kpi.PresetThisQuarter, kpi.PresetThisYear, kpi.PresetLastYear, kpi.PresetLast12Months}

// scorecardTab shows the employee's figures for a period against the team
// medians.
type scorecardTab struct {
	c *card

	period  *widgets.PeriodPicker
	note    *widget.Label
	table   *widget.Table
	chart   *widgets.ChartView
	card    kpi.AgentScorecard // the employee's; zero before the first load
	team    kpi.AgentScorecard // the team medians
	from    data.Day           // the period computed
	to      data.Day
	content fyne.CanvasObject
}

// Scorecard columns.
const (
	scoreColMetric = iota
	scoreColValue
	scoreColTeam
	scoreColVs
	scoreCols
)

func newScorecardTab(c *card) *scorecardTab {
	t := &scorecardTab{c: c}
	t.period = widgets.NewPeriodPicker(scorePresets, 200, 150, t.load)
	t.note = widget.NewLabel("")
	t.note.Wrapping = fyne.TextWrapWord
	t.note.SizeName = theme.SizeNameCaptionText
	t.table = widgets.NewLabelTable(func() int { return len(kpi.ScoreMetrics) },
		[]string{"team.score.metric", "team.score.value", "team.score.team", "team.score.vs"}, []float32{215, 140, 145, 95}, t.updateCell)
	t.chart = widgets.NewChartView(dark)
	t.chart.OnError = c.s.showError
	top := container.NewHBox(t.period.Content())
	if c.s.deps.SaveChart != nil {
		top.Add(widget.NewButtonWithIcon(lang.L("team.score.export"), theme.DownloadIcon(), func() {
			c.s.exportChart(lang.L("team.score.file", map[string]any{"Name": c.cd.e.Name}), t.chartBuilder(false))
		}))
	}
	split := container.NewHSplit(t.table, t.chart) // side by side: the eight figures fit without scrolling at 1366x768
	split.Offset = 0.6
	t.content = container.NewBorder(container.NewVBox(top, t.note), nil, nil, nil, split)
	t.period.Select.SetSelectedIndex(3) // this quarter; loads once the card knows its employee
	return t
}

// apply recomputes the figures while they are in view: a change on the
// card (kudos, training) may move them. A hidden tab loads when chosen.
func (t *scorecardTab) apply() {
	if t.c.tabs.Selected() != nil && t.c.tabs.Selected().Content == t.content {
		t.load()
	}
}

// load computes the period's scorecards off the UI goroutine.
func (t *scorecardTab) load() {
	if t.c == nil || t.c.cd.e.ID == 0 {
		return // building: the card's first apply loads
	}
	s, id := t.c.s, t.c.id
	today := s.today()
	from, to := t.period.Range(today)
	if to == 0 {
		to = today
	}
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		cards, err := kpi.LoadScorecards(context.Background(), s.deps.Store, from, to, today)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			t.card, _ = cards.Agent(id)
			t.from, t.to = cards.From, cards.To
			t.team = cards.Team
			note := lang.L("team.score.note", map[string]any{"From": dayText(cards.From), "To": dayText(cards.To)})
			if cards.Partial {
				note += " " + lang.L("team.score.partial")
			}
			t.note.SetText(note)
			t.table.Refresh()
			t.chart.SetBuilder(t.chartBuilder(true))
		})
	})
}

func (t *scorecardTab) updateCell(id widget.TableCellID, l *widget.Label) {
	m := kpi.ScoreMetrics[id.Row]
	v := t.card.Value(m)
	l.Importance = widget.MediumImportance
	switch id.Col {
	case scoreColMetric:
		l.SetText(metricName(m))
		return
	case scoreColValue:
		l.SetText(valueText(m, v))
	case scoreColTeam:
		l.SetText(scoreText(m, t.team.Value(m).Value))
	case scoreColVs:
		l.SetText(vsText(v))
		if d := v.VsTeam; !math.IsNaN(d) && d != 0 {
			better := (d > 0) != m.LowerIsBetter()
			if better {
				l.Importance = widget.SuccessImportance
			} else {
				l.Importance = widget.WarningImportance
			}
		}
	}
	l.Refresh()
}

// chartBuilder draws the scorecard; on screen the tab names it, so the
// plot keeps the title's height.
func (t *scorecardTab) chartBuilder(onScreen bool) widgets.ChartBuilder {
	card := t.card
	card.Employee = t.c.cd.e // named even when the period has no card for them
	d := charts.ScorecardFromCards(card, t.team, metricName, widgets.Lang())
	labels := widgets.ChartLabels(charts.KindScorecard, t.c.cd.e.Name+" · "+widgets.DayRange(t.from, t.to))
	if onScreen {
		labels.Title, labels.Subtitle = "", ""
	}
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels = labels
		return charts.Scorecard(d, o), nil
	}
}

// metricName is a scorecard figure's name, as the exported chart names it.
func metricName(m kpi.ScoreMetric) string { return widgets.ScoreMetricName(string(m)) }

// valueText is the figure with its base where a share hides a small one.
func valueText(m kpi.ScoreMetric, v kpi.ScoreValue) string {
	text := scoreText(m, v.Value)
	if v.Valid() && m != kpi.ScoreHandled && m != kpi.ScoreKudos && m != kpi.ScoreTrainingHours {
		text += " (n=" + widgets.Int(v.N) + ")"
	}
	return text
}

// vsText is the difference from the team median in the figure's unit.
func vsText(v kpi.ScoreValue) string {
	if math.IsNaN(v.VsTeam) {
		return "—"
	}
	decimals := 1 // a median of counts may be halfway: 2 kudos against 1.5 is +0.5
	if v.VsTeam == math.Trunc(v.VsTeam) {
		decimals = 0
	}
	return data.FormatSigned(widgets.Lang(), v.VsTeam, decimals)
}
