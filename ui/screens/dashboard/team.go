package dashboard

import (
	"context"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// topRecommendations is how many recommendations the team tab lists.
const topRecommendations = 3

// teamView is the dashboard's team tab: training tiles for this quarter
// so far, plan against actual completions per month over the dashboard's
// range, and the top recommendations.
type teamView struct {
	completion, overdue, hours, budget *widgets.KPITile

	chart  *widgets.ChartView
	recs   *fyne.Container
	filled fyne.CanvasObject
	empty  fyne.CanvasObject
	box    fyne.CanvasObject

	data charts.CompletionData // last loaded; UI goroutine only
	span string                // the months shown, for the export subtitle and the status line
}

// teamLoad is what one refresh of the tab reads off the UI goroutine.
type teamLoad struct {
	none             bool // no plan item and no course stored
	quarter, last    kpi.TrainingStat
	wholeQuarter     kpi.TrainingStat // this quarter to its end: the budget and what is spent of it
	lastSoFar        kpi.TrainingStat // the last quarter over as many days as this one has had
	quarterName      string
	lastName         string
	open             int64 // items still planned or in progress
	months           kpi.TrainingSeries
	recommendations  []kpi.Recommendation
	employees        []data.Employee
	skills           []data.Skill
	recommendFailure error // recommendations need complaint outcomes; their failure leaves the tiles
}

func (s *Screen) buildTeam() *teamView {
	t := &teamView{}
	t.completion = widgets.NewKPITile(lang.L("dashboard.t.completion")).Compact()
	t.overdue = widgets.NewKPITile(lang.L("dashboard.t.overdue")).Compact()
	t.hours = widgets.NewKPITile(lang.L("dashboard.t.hours")).Compact()
	t.budget = widgets.NewKPITile(lang.L("dashboard.t.budget")).Compact()
	tiles := container.NewGridWithColumns(4, t.completion, t.overdue, t.hours, t.budget)

	t.chart = s.chartView()
	card := s.card(charts.KindTrainingCompletion, t.chart)
	t.recs = container.NewVBox()
	recsHead := widget.NewLabelWithStyle(lang.L("dashboard.t.recommendations"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var open fyne.CanvasObject = layout.NewSpacer()
	if s.d.OpenTraining != nil {
		b := widget.NewButtonWithIcon(lang.L("dashboard.t.open"), theme.NavigateNextIcon(), func() { s.d.OpenTraining(false) })
		b.Importance = widget.LowImportance
		open = b
	}
	recs := container.NewVBox(container.NewBorder(nil, nil, recsHead, open), t.recs)
	t.filled = container.NewBorder(tiles, recs, nil, nil, card)

	title := widget.NewLabelWithStyle(lang.L("dashboard.t.empty_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabelWithStyle(lang.L("dashboard.t.empty_text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	hint := container.NewVBox(title, text)
	if s.d.OpenTraining != nil {
		b := widget.NewButtonWithIcon(lang.L("dashboard.t.open"), theme.NavigateNextIcon(), func() { s.d.OpenTraining(false) })
		b.Importance = widget.HighImportance
		hint.Add(container.NewCenter(b))
	}
	t.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(480, hint.MinSize().Height+60), hint))
	t.empty.Hide()
	t.box = container.NewStack(t.filled, t.empty)
	return t
}

// loadTeam reads the plan and computes the tab's figures; from..to is the
// dashboard's range for the monthly chart (0 = the plan's range).
func loadTeam(ctx context.Context, st data.Store, from, to data.Day, now time.Time) (teamLoad, error) {
	var l teamLoad
	today := data.DayOf(now, st.Location())
	var in kpi.TrainingInput
	var err error
	if in.Items, err = st.TrainingItems(ctx, data.TrainingFilter{}); err != nil {
		return l, err
	}
	if in.Courses, err = st.Courses(ctx); err != nil {
		return l, err
	}
	if len(in.Items) == 0 && len(in.Courses) == 0 {
		return teamLoad{none: true}, nil
	}
	if in.Budgets, err = st.TrainingBudgets(ctx); err != nil {
		return l, err
	}
	q := kpi.PeriodOf(today, kpi.Quarter)
	prev := kpi.PeriodOf(q.Start-1, kpi.Quarter)
	l.quarter = kpi.TrainingSpan(in, q.Start, today, today)
	l.wholeQuarter = kpi.TrainingSpan(in, q.Start, q.End, today)
	l.last = kpi.TrainingSpan(in, prev.Start, prev.End, today)
	// Hours pile up through a quarter: the quarter so far is compared with
	// as many days of the last one, not with all of it.
	l.lastSoFar = kpi.TrainingSpan(in, prev.Start, min(prev.End, prev.Start+(today-q.Start)), today)
	y, m, _ := q.Start.Date()
	l.quarterName = data.FormatQuarter(widgets.Lang(), y, (int(m)-1)/3+1)
	y, m, _ = prev.Start.Date()
	l.lastName = data.FormatQuarter(widgets.Lang(), y, (int(m)-1)/3+1)
	for _, it := range in.Items {
		if it.Status.Open() {
			l.open++
		}
	}
	l.months = kpi.TrainingTrend(in, kpi.Month, from, to, today)
	if l.employees, err = st.Employees(ctx); err != nil {
		return l, err
	}
	if l.skills, err = st.Skills(ctx); err != nil {
		return l, err
	}
	l.recommendations, l.recommendFailure = kpi.LoadRecommendations(ctx, st, 0, 0, today)
	return l, nil
}

// refreshTeam loads the team tab alongside the other sections; ctx is the
// refresh's, so a newer refresh drops this one's result.
func (s *Screen) refreshTeam(ctx context.Context, from, to data.Day) {
	now := s.d.Now()
	widgets.Go(func() {
		l, err := loadTeam(ctx, s.d.Store, from, to, now)
		deliver(ctx, l, err, func(l teamLoad) {
			s.team.apply(s, l)
			s.team.chart.SetBuilder(s.teamChartBuilder(true))
			s.teamStatus = s.team.span
			s.showStatus()
		}, func(err error) {
			s.teamStatus = ""
			s.showStatus()
			s.d.ShowError(err)
		})
	})
}

func (t *teamView) apply(s *Screen, l teamLoad) {
	t.filled.Show()
	t.empty.Hide()
	if l.none {
		t.filled.Hide()
		t.empty.Show()
		t.data, t.span = charts.CompletionData{}, ""
		return
	}
	t.data = charts.CompletionFromTraining(l.months, widgets.Lang())
	from, to := l.months.Total.Period.Start, l.months.Total.Period.End
	t.span = ""
	if from != 0 {
		t.span = widgets.RangeLabel(from, to, string(kpi.Month))
	}
	t.fillTiles(l)
	t.fillRecommendations(s, l)
}

func (t *teamView) fillTiles(l teamLoad) {
	q, last := l.quarter, l.last
	if r := q.CompletionRate; r.Den > 0 {
		text, tone := changeMove(kpi.CompletionChange(last, q), points(r.Value-last.CompletionRate.Value), true).line()
		t.completion.Set(percent(r.Value), text, tone, lang.L("dashboard.t.completion_note",
			map[string]any{"Done": widgets.Int(r.Num), "Due": widgets.Int(r.Den), "Quarter": l.quarterName}))
	} else {
		t.completion.Set("—", "", widgets.ToneNeutral, lang.L("dashboard.t.none_due", map[string]any{"Quarter": l.quarterName}))
	}

	// Overdue is a stock today against the end of the last quarter: the
	// difference is shown untested.
	text, tone := move{has: true, delta: float64(q.Overdue - last.Overdue),
		text: data.FormatSigned(widgets.Lang(), float64(q.Overdue-last.Overdue), 0)}.line()
	t.overdue.Set(widgets.Int(q.Overdue), text, tone, lang.LocalizePluralKey("dashboard.t.open_items", "open", int(l.open), map[string]any{"N": widgets.Int(l.open)}))

	before := l.lastSoFar.HoursDone
	text, tone = move{has: before > 0 || q.HoursDone > 0, delta: q.HoursDone - before,
		text: data.FormatSigned(widgets.Lang(), q.HoursDone-before, 1)}.line()
	t.hours.Set(widgets.Num(q.HoursDone, 1), text, tone, lang.L("dashboard.t.hours_note",
		map[string]any{"Planned": widgets.Num(l.wholeQuarter.HoursPlanned, 1), "Quarter": l.quarterName, "Last": l.lastName}))

	w := l.wholeQuarter
	spent := lang.L("dashboard.t.spent", map[string]any{"Spent": widgets.Num(float64(w.CostDone)/100, 2), "Quarter": l.quarterName})
	if !w.HasBudget || w.Budget == 0 {
		t.budget.Set("—", spent, widgets.ToneNeutral, lang.L("dashboard.t.no_budget"))
		return
	}
	used := 100 * float64(w.CostDone) / float64(w.Budget)
	tone = widgets.ToneNeutral
	if used > 100 {
		tone = widgets.ToneBad
	}
	t.budget.Set(percent(math.Round(used*10)/10), spent, tone,
		lang.L("dashboard.t.budget_note", map[string]any{"Budget": widgets.Num(float64(w.Budget)/100, 2)}))
}

// fillRecommendations lists the top few; each opens the Training screen's
// recommendations.
func (t *teamView) fillRecommendations(s *Screen, l teamLoad) {
	t.recs.Objects = nil
	note := func(key string) {
		n := widget.NewLabel(lang.L(key))
		n.Importance = widget.LowImportance
		n.Truncation = fyne.TextTruncateEllipsis
		t.recs.Add(n)
	}
	switch {
	case l.recommendFailure != nil:
		note("dashboard.t.recommend_failed")
	case len(l.recommendations) == 0:
		note("dashboard.t.no_recommendations")
	}
	names := map[int64]string{}
	for _, e := range l.employees {
		names[e.ID] = e.Name
	}
	skills := map[int64]string{}
	for _, sk := range l.skills {
		skills[sk.ID] = sk.Name
	}
	for i, r := range l.recommendations {
		if i == topRecommendations {
			break
		}
		line := names[r.EmployeeID] + " — " + skills[r.SkillID]
		if len(r.Courses) > 0 {
			line += ": " + r.Courses[0].Title
		}
		b := widget.NewButton(line, func() {
			if s.d.OpenTraining != nil {
				s.d.OpenTraining(true)
			}
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		t.recs.Add(b)
	}
	t.recs.Refresh()
}

// teamChartBuilder draws plan against actual completions per month.
func (s *Screen) teamChartBuilder(onScreen bool) widgets.ChartBuilder {
	labels := widgets.ChartLabels(charts.KindTrainingCompletion, s.team.span)
	if onScreen {
		labels.Title, labels.Subtitle = "", ""
	}
	d := s.team.data
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels = labels
		return charts.TrainingCompletion(d, o), nil
	}
}

// TeamTiles returns the team tab's tiles (for tests).
func (s *Screen) TeamTiles() (completion, overdue, hours, budget *widgets.KPITile) {
	return s.team.completion, s.team.overdue, s.team.hours, s.team.budget
}
