package dashboard

import (
	"context"
	"math"
	"time"

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

// complaintsView is the dashboard's complaints and SLA tab: tiles for the
// latest full period with honest changes, and the five complaint charts.
type complaintsView struct {
	opened, negative, rate, backlog, resolution *widgets.KPITile
	sla, quality, fcr, reopen, escalation       *widgets.KPITile

	views  map[charts.Kind]*widgets.ChartView
	tabs   *container.AppTabs // one chart at a time, full width: legends of six categories or standards need it
	filled fyne.CanvasObject  // tiles and charts
	empty  fyne.CanvasObject  // shown while no complaint is stored
	box    fyne.CanvasObject

	data charts.ComplaintData // last loaded; UI goroutine only
	span string               // the range shown, for subtitles and the status line
}

// complaintLoad is what one refresh of the tab reads off the UI goroutine.
type complaintLoad struct {
	none bool // no complaint stored at all
	data charts.ComplaintData
}

func (s *Screen) buildComplaints() *complaintsView {
	c := &complaintsView{views: map[charts.Kind]*widgets.ChartView{}}
	c.opened = widgets.NewKPITile(lang.L("dashboard.c.opened")).Compact()
	c.negative = widgets.NewKPITile(lang.L("dashboard.c.negative")).Compact()
	c.rate = widgets.NewKPITile(lang.L("dashboard.c.rate")).Compact()
	c.backlog = widgets.NewKPITile(lang.L("dashboard.c.backlog")).Compact()
	c.resolution = widgets.NewKPITile(lang.L("dashboard.c.resolution")).Compact()
	c.sla = widgets.NewKPITile(lang.L("dashboard.c.sla")).Compact()
	c.quality = widgets.NewKPITile(lang.L("dashboard.c.quality")).Compact()
	c.fcr = widgets.NewKPITile(lang.L("dashboard.c.fcr")).Compact()
	c.reopen = widgets.NewKPITile(lang.L("dashboard.c.reopen")).Compact()
	c.escalation = widgets.NewKPITile(lang.L("dashboard.c.escalation")).Compact()
	tiles := container.NewGridWithColumns(5, c.opened, c.negative, c.rate, c.backlog, c.resolution,
		c.sla, c.quality, c.fcr, c.reopen, c.escalation)

	c.tabs = container.NewAppTabs()
	for _, k := range charts.ComplaintKinds {
		c.views[k] = s.chartView()
		c.tabs.Append(container.NewTabItem(chartTabName(k), s.tabCard(k, c.views[k])))
	}
	c.filled = container.NewBorder(tiles, nil, nil, nil, c.tabs)

	title := widget.NewLabelWithStyle(lang.L("dashboard.c.empty_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabelWithStyle(lang.L("dashboard.c.empty_text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	hint := container.NewVBox(title, text)
	if s.d.OpenComplaints != nil {
		open := widget.NewButtonWithIcon(lang.L("dashboard.c.open"), theme.NavigateNextIcon(), s.d.OpenComplaints)
		open.Importance = widget.HighImportance
		hint.Add(container.NewCenter(open))
	}
	c.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(480, hint.MinSize().Height+60), hint))
	c.empty.Hide()
	c.box = container.NewStack(c.filled, c.empty)
	return c
}

// chartTabName is the short name of a complaint chart on its tab.
func chartTabName(k charts.Kind) string {
	switch k {
	case charts.KindComplaintsFlow:
		return lang.L("dashboard.ctab.flow")
	case charts.KindComplaintsByCategory:
		return lang.L("dashboard.ctab.by_category")
	case charts.KindComplaintsPareto:
		return lang.L("dashboard.ctab.pareto")
	case charts.KindResolutionTime:
		return lang.L("dashboard.ctab.resolution")
	}
	return lang.L("dashboard.ctab.sla")
}

// loadComplaints reads the complaint KPIs by category over q's range (0 =
// the range of the data) and SLA compliance over the same periods, so
// that period i of every series is the same period. The FCR definition
// and the rate base are the department's settings.
func loadComplaints(ctx context.Context, st data.Store, q kpi.ComplaintQuery, now time.Time) (complaintLoad, error) {
	if _, _, ok, err := st.ComplaintRange(ctx); err != nil || !ok {
		return complaintLoad{none: err == nil}, err
	}
	q.Segment, q.SegmentCounts = data.ComplaintsByCategory, true // the category charts draw counts
	var err error
	if q.FCR, q.Base, err = complaintChoices(ctx, st); err != nil {
		return complaintLoad{}, err
	}
	overall, cats, err := kpi.LoadComplaints(ctx, st, q)
	if err != nil {
		return complaintLoad{}, err
	}
	d := charts.ComplaintData{Overall: overall, Categories: cats, Working: true}
	if from, to := overall.Span(); from != 0 {
		if d.SLA, err = kpi.LoadSLA(ctx, st, kpi.SLAQuery{From: from, To: to, By: q.By, Now: now}); err != nil {
			return complaintLoad{}, err
		}
	}
	categories, err := st.Categories(ctx)
	if err != nil {
		return complaintLoad{}, err
	}
	d.CategoryNames = data.CategoryNames(categories, widgets.Lang())
	return complaintLoad{data: d}, nil
}

// complaintChoices reads the FCR definition and the rate base the
// department chose. A value the CLI's parser would refuse (a hand-edited
// database) falls back to the default rather than hiding every figure;
// the tiles name what they count, so the fallback shows.
func complaintChoices(ctx context.Context, st data.SettingsStore) (kpi.FCRDefinition, kpi.DenominatorBase, error) {
	fcrText, err := st.Setting(ctx, data.SettingFCRDefinition)
	if err != nil {
		return "", "", err
	}
	baseText, err := st.Setting(ctx, data.SettingComplaintBase)
	if err != nil {
		return "", "", err
	}
	fcr, err := kpi.ParseFCRDefinition(fcrText)
	if err != nil {
		fcr = kpi.FCRStrict
	}
	base, err := kpi.ParseDenominatorBase(baseText)
	if err != nil {
		base = kpi.BaseClients
	}
	return fcr, base, nil
}

func (c *complaintsView) apply(l complaintLoad) {
	c.filled.Show()
	c.empty.Hide()
	if l.none {
		c.filled.Hide()
		c.empty.Show()
	}
	c.data = l.data
	from, to := l.data.Overall.Span()
	c.span = widgets.RangeLabel(from, to, string(l.data.Overall.By))
	c.fillTiles(l.data)
}

func (c *complaintsView) tiles() []*widgets.KPITile {
	return []*widgets.KPITile{c.opened, c.negative, c.rate, c.backlog, c.resolution, c.sla, c.quality, c.fcr, c.reopen, c.escalation}
}

func (c *complaintsView) fillTiles(d charts.ComplaintData) {
	series := d.Overall
	noBase := "dashboard.c.no_base"
	c.rate.SetCaption(lang.L("dashboard.c.rate"))
	if series.Base == kpi.BaseOrders {
		noBase = "dashboard.c.no_base_orders"
		c.rate.SetCaption(lang.L("dashboard.c.rate_orders"))
	}
	i := series.LatestFull()
	if i < 0 {
		for _, t := range c.tiles() {
			t.Set("—", "", widgets.ToneNeutral, lang.L("dashboard.c.no_periods"))
		}
		return
	}
	p := series.Periods[i]
	period := periodName(p.Period, series.By)
	count := func(t *widgets.KPITile, n int64, ch kpi.Change, note string) {
		text, tone := changeMove(ch, data.FormatSigned(widgets.Lang(), ch.Delta, 0), false).line()
		t.Set(widgets.Int(n), text, tone, note)
	}
	count(c.opened, p.Counts.Opened, p.OpenedChange, period)
	count(c.negative, p.Counts.Negative, p.NegativeChange, period)

	if math.IsNaN(p.RatePer1000) {
		c.rate.Set("—", "", widgets.ToneNeutral, lang.L(noBase))
	} else {
		text, tone := changeMove(p.RateChange, data.FormatSigned(widgets.Lang(), p.RateChange.Delta, 1), false).line()
		c.rate.Set(widgets.Num(p.RatePer1000, 1), text, tone, lang.L("dashboard.c.rate_note", map[string]any{"Period": period}))
	}

	// The backlog is a stock at the end of the range, not a flow of the
	// latest full period: its change over the last period is shown untested.
	last := series.Periods[len(series.Periods)-1]
	_, rangeEnd := series.Span()
	grown := float64(last.Backlog - last.BacklogStart)
	text, tone := move{has: true, delta: grown, text: data.FormatSigned(widgets.Lang(), grown, 0)}.line()
	c.backlog.Set(widgets.Int(last.Backlog), text, tone,
		lang.L("dashboard.c.backlog_at", map[string]any{"Date": data.FormatDate(widgets.Lang(), min(last.Period.End, rangeEnd).Time())}))

	c.fillResolution(series, i)
	c.fillSLA(d.SLA, i, period)

	share := func(t *widgets.KPITile, sh kpi.Share, ch kpi.Change, higherBetter bool, note string) {
		if sh.Den == 0 {
			t.Set("—", "", widgets.ToneNeutral, note)
			return
		}
		text, tone := changeMove(ch, points(ch.Delta), higherBetter).line()
		t.Set(percent(sh.Value), text, tone, note)
	}
	share(c.quality, p.Satisfied, p.SatisfiedChange, true,
		lang.L("dashboard.c.verdicts", map[string]any{"N": widgets.Int(p.Satisfied.Den)})+" · "+period)
	fcr := series.FCR
	if fcr == "" {
		fcr = kpi.FCRStrict
	}
	share(c.fcr, p.FCR, p.FCRChange, true, lang.L(fcr.Key()))
	share(c.reopen, p.ReopenRate, p.ReopenChange, false,
		lang.L("dashboard.c.resolved_n", map[string]any{"N": widgets.Int(p.ReopenRate.Den)})+" · "+period)
	share(c.escalation, p.EscalationRate, p.EscalationChange, false,
		lang.L("dashboard.c.opened_n", map[string]any{"N": widgets.Int(p.EscalationRate.Den)})+" · "+period)
}

// fillResolution shows the median resolution time in working hours of
// period i; its change against the latest earlier period with
// resolutions is shown untested (the medians come from histograms, which
// no test here compares).
func (c *complaintsView) fillResolution(series kpi.ComplaintSeries, i int) {
	p := series.Periods[i]
	r := p.ResolutionWorking
	period := periodName(p.Period, series.By)
	if r.N == 0 {
		c.resolution.Set("—", "", widgets.ToneNeutral, lang.L("dashboard.c.none_resolved")+" · "+period)
		return
	}
	m := move{}
	for k := i - 1; k >= 0; k-- {
		if prev := series.Periods[k].ResolutionWorking; prev.N > 0 {
			m.has, m.delta = true, r.Median-prev.Median
			m.text = lang.L("dashboard.c.hours", map[string]any{"H": data.FormatSigned(widgets.Lang(), m.delta, 1)})
			break
		}
	}
	text, tone := m.line()
	c.resolution.Set(hours(r.Median), text, tone, lang.L("dashboard.c.p90", map[string]any{"H": hours(r.P90)})+" · "+period)
}

// fillSLA shows the compliance of every standard together in period i
// (kpi.PooledSLA) with its tested change, and the items running now.
func (c *complaintsView) fillSLA(series []kpi.SLASeries, i int, period string) {
	if len(series) == 0 {
		c.sla.Set("—", "", widgets.ToneNeutral, lang.L("dashboard.c.no_standards"))
		return
	}
	all := kpi.PooledSLA(series)
	note := lang.L("dashboard.c.sla_open", map[string]any{"Period": period, "AtRisk": widgets.Int(all.Open.AtRisk), "Breached": widgets.Int(all.Open.Breached)})
	if i >= len(all.Periods) || all.Periods[i].Achieved+all.Periods[i].Breached == 0 {
		c.sla.Set("—", "", widgets.ToneNeutral, note)
		return
	}
	st := all.Periods[i]
	text, tone := changeMove(st.Change, points(st.Change.Delta), true).line()
	c.sla.Set(percent(st.Compliance), text, tone, note)
}

func percent(v float64) string { return widgets.Num(v, 1) + "%" }

// points writes a change of a share in percentage points.
func points(delta float64) string {
	return lang.L("dashboard.c.pp", map[string]any{"V": data.FormatSigned(widgets.Lang(), delta, 1)})
}

func hours(h float64) string {
	return lang.L("dashboard.c.hours", map[string]any{"H": widgets.Num(h, 1)})
}
