// Package dashboard is the manager's overview in two tabs: NPS tiles with
// honest significance and the trend, composition and distribution charts;
// complaint and service-standard tiles with the five complaint charts.
package dashboard

import (
	"context"
	"fmt"
	"math"
	"slices"
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

// Deps is what the dashboard needs from the shell.
type Deps struct {
	Store     data.Store
	Window    fyne.Window
	ShowError func(error)
	Dark      func() bool      // theme variant for charts
	Now       func() time.Time // today; tests fix it
	// SaveChart writes a chart to a PNG, SVG or PDF file by extension (the
	// shell owns report rendering).
	SaveChart func(path string, ch *charts.Chart) error
	// OpenComplaints shows the Complaints area (the empty state's way to
	// import or add complaints); nil hides the button.
	OpenComplaints func()
	// OpenTraining shows the Training area, on its recommendations when
	// asked (the team tab's links); nil hides the buttons.
	OpenTraining func(recommendations bool)
}

// rangePresets are the choices of the range selector; the last one,
// rangeCustom, shows two date entries.
var rangePresets = []kpi.Preset{kpi.PresetLast12Months, kpi.PresetLast24Months, kpi.PresetThisYear,
	kpi.PresetLastYear, kpi.PresetAll, rangeCustom}

const rangeCustom kpi.Preset = "custom"

var granularities = []kpi.Granularity{kpi.Week, kpi.Month, kpi.Quarter, kpi.Year}

// Screen is the dashboard.
type Screen struct {
	d        Deps
	by       *widget.Select
	rng      *widget.Select
	rngLabel *widget.Label
	from     *widgets.DateEntry // custom range, shown when chosen
	to       *widgets.DateEntry
	custom   fyne.CanvasObject
	status   *widget.Label
	latest   *widgets.KPITile
	overall  *widgets.KPITile
	volume   *widgets.KPITile
	mix      *widgets.KPITile
	trend    *widgets.ChartView
	comp     *widgets.ChartView
	dist     *widgets.ChartView
	split    *breakdown
	tabs     *container.AppTabs // composition and distribution
	cmp      *complaintsView
	team     *teamView
	section  *container.AppTabs // NPS | complaints and SLA | team
	content  fyne.CanvasObject

	series     kpi.Series // last loaded; read and written on the UI goroutine only
	targetNPS  *float64   // the department's NPS target, nil when unset
	npsStatus  string     // status line of each section: loading, or its range
	cmpStatus  string
	teamStatus string
	cancel     context.CancelFunc
	// rangeChecked: a refresh has found data and chosen the range and
	// section to open on (see openOnData).
	rangeChecked bool
}

// New builds the dashboard; call Refresh to load data.
func New(d Deps) *Screen {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Screen{d: d}
	s.build()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

func (s *Screen) build() {
	s.by = widget.NewSelect(nil, func(string) { s.Refresh() })
	for _, g := range granularities {
		s.by.Options = append(s.by.Options, lang.L("period.by."+string(g)))
	}
	s.rng = widget.NewSelect(nil, func(string) {
		if rangePresets[s.rng.SelectedIndex()] == rangeCustom {
			s.custom.Show()
			s.rngLabel.Hide() // room for the dates beside the section tabs; the choice reads "Custom range…"
		} else {
			s.custom.Hide()
			s.rngLabel.Show()
		}
		s.Refresh()
	})
	for _, p := range rangePresets {
		s.rng.Options = append(s.rng.Options, lang.L("range."+string(p)))
	}
	// Set the initial choice without triggering two loads.
	s.by.Selected = s.by.Options[1]
	s.rng.Selected = s.rng.Options[0]
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance

	s.latest = widgets.NewKPITile(lang.L("dashboard.tile.latest"))
	s.overall = widgets.NewKPITile(lang.L("dashboard.tile.overall"))
	s.volume = widgets.NewKPITile(lang.L("dashboard.tile.volume"))
	s.mix = widgets.NewKPITile(lang.L("dashboard.tile.mix"))

	s.trend = s.chartView()
	s.comp = s.chartView()
	s.dist = s.chartView()

	s.from, s.to = widgets.NewDateEntry(), widgets.NewDateEntry()
	s.from.SetPlaceHolder(lang.L("dashboard.from"))
	s.to.SetPlaceHolder(lang.L("dashboard.to"))
	s.from.OnChanged = func(*time.Time) { s.Refresh() }
	s.to.OnChanged = func(*time.Time) { s.Refresh() }
	s.custom = container.NewHBox(widgets.FixedWidth(s.from, 160), widgets.FixedWidth(s.to, 160))
	s.custom.Hide()
	s.rngLabel = widget.NewLabel(lang.L("dashboard.range"))
	// The grouping's choices read "by month": they need no label.
	toolbar := container.NewHBox(
		s.rngLabel, widgets.FixedWidth(s.rng, 230), s.custom,
		widgets.FixedWidth(s.by, 170),
		widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), s.Refresh),
	)
	tiles := container.NewGridWithColumns(4, s.latest, s.overall, s.volume, s.mix)
	s.split = newBreakdown(s.Refresh)
	trendCard := s.card(charts.KindNPSTrend, s.trend)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("dashboard.tab.composition"), s.tabCard(charts.KindNPSComposition, s.comp)),
		container.NewTabItem(lang.L("dashboard.tab.distribution"), s.tabCard(charts.KindNPSDistribution, s.dist)),
	)
	// The breakdown's change column reads "+3.0 · not significant": at an
	// even split it was cut off on a 1280-pixel window.
	lower := container.NewHSplit(s.tabs, s.split.box)
	lower.Offset = 0.45
	charts := container.NewGridWithRows(2, trendCard, lower)
	s.cmp = s.buildComplaints()
	s.team = s.buildTeam()
	// One range and grouping for both sections: switching keeps the
	// periods the manager compares.
	s.section = container.NewAppTabs(
		container.NewTabItem(lang.L("dashboard.title"), container.NewBorder(tiles, nil, nil, nil, charts)),
		container.NewTabItem(lang.L("dashboard.tab.complaints"), s.cmp.box),
		container.NewTabItem(lang.L("dashboard.tab.team"), s.team.box),
	)
	s.section.OnSelected = func(*container.TabItem) { s.showStatus() }
	// The toolbar sits at the right of the section tabs' row: on a laptop
	// screen every line of height goes to the charts.
	bar := container.NewVBox(container.NewHBox(layout.NewSpacer(), toolbar))
	s.content = container.NewBorder(nil, s.status, nil, nil, container.NewStack(s.section, bar))
}

// showStatus puts the status of the section in view on the status line.
func (s *Screen) showStatus() {
	switch s.section.SelectedIndex() {
	case 1:
		s.status.SetText(s.cmpStatus)
	case 2:
		s.status.SetText(s.teamStatus)
	default:
		s.status.SetText(s.npsStatus)
	}
}

func (s *Screen) chartView() *widgets.ChartView {
	v := widgets.NewChartView(s.d.Dark)
	v.OnError = s.d.ShowError
	return v
}

// card frames a chart with its title and an export button.
func (s *Screen) card(kind charts.Kind, v *widgets.ChartView) fyne.CanvasObject {
	head := container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("chart.title."+string(kind)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.exportButton(kind))
	return container.NewBorder(head, nil, nil, nil, v)
}

// exportInset is about the width of the export button tabCard lays over a
// chart's top-right corner, in pixels at scale 1: the legend's first row
// stops short of it.
const exportInset = 140

// tabCard is a chart under a tab that already names it: the export button
// sits over the chart's top-right corner (the legend is on the left), so
// the chart keeps the height a title row would take on small screens.
func (s *Screen) tabCard(kind charts.Kind, v *widgets.ChartView) fyne.CanvasObject {
	// The chart's legend keeps exportInset free under the button.
	return container.NewStack(v, container.NewVBox(container.NewHBox(layout.NewSpacer(), s.exportButton(kind))))
}

func (s *Screen) exportButton(kind charts.Kind) *widget.Button {
	export := widget.NewButtonWithIcon(lang.L("dashboard.export"), theme.DocumentSaveIcon(), func() { s.export(kind) })
	export.Importance = widget.LowImportance
	return export
}

// granularity returns the chosen period length.
func (s *Screen) granularity() kpi.Granularity {
	return granularities[max(0, s.by.SelectedIndex())]
}

// window returns the days of the chosen range (0 = unbounded).
func (s *Screen) window() (from, to data.Day) {
	preset := rangePresets[max(0, s.rng.SelectedIndex())]
	if preset != rangeCustom {
		return preset.Range(data.DayOf(s.d.Now(), s.d.Store.Location()))
	}
	// An open end stays open; reversed dates are taken in order.
	if s.from.Date != nil {
		from = data.DateDay(s.from.Date.Date())
	}
	if s.to.Date != nil {
		to = data.DateDay(s.to.Date.Date())
	}
	if from != 0 && to != 0 && from > to {
		from, to = to, from
	}
	return from, to
}

// Refresh reloads the figures off the UI goroutine; a newer call cancels
// an older one still running.
func (s *Screen) Refresh() {
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	q := kpi.NPSQuery{By: s.granularity()}
	q.From, q.To = s.window()
	segQ := q
	segQ.Segment = s.split.segmentation()
	s.npsStatus, s.cmpStatus, s.teamStatus = lang.L("dashboard.loading"), lang.L("dashboard.loading"), lang.L("dashboard.loading")
	s.showStatus()
	if !s.rangeChecked && s.rng.SelectedIndex() == 0 {
		s.openOnData(ctx, q.From)
	}
	s.refreshComplaints(ctx, kpi.ComplaintQuery{From: q.From, To: q.To, By: q.By})
	s.refreshTeam(ctx, q.From, q.To)
	widgets.Go(func() {
		series, _, err := kpi.LoadNPS(ctx, s.d.Store, q)
		var target *float64
		if err == nil {
			target, err = s.target(ctx)
		}
		deliver(ctx, series, err, func(series kpi.Series) { s.apply(series, target) }, func(err error) {
			s.npsStatus = ""
			s.showStatus()
			s.d.ShowError(err)
		})
		if err != nil {
			return
		}
		// Segments by tag or client segment read raw rows: they follow
		// the overview instead of holding it up, over the same periods.
		var rows []breakdownRow
		if len(series.Periods) > 0 {
			segQ.From, segQ.To = series.Span()
			rows, err = s.split.load(ctx, s.d.Store, segQ)
		}
		deliver(ctx, rows, err, func(rows []breakdownRow) { s.split.set(rows, segQ.Segment) }, s.d.ShowError)
	})
}

// openOnData opens the dashboard where the data is, once there is some:
// on all time when every response and complaint stored is older than
// from, the start of the default range (a manager who imported last
// year's exports would otherwise open an empty dashboard), and on the
// complaints section when there are complaints but no survey answers.
// It gives way to any choice made meanwhile (ctx ends with the next
// refresh).
func (s *Screen) openOnData(ctx context.Context, from data.Day) {
	all := slices.Index(rangePresets, kpi.PresetAll)
	widgets.Go(func() {
		var latest data.Day
		var found [2]bool // answers, complaints
		for i, span := range []func(context.Context) (data.Day, data.Day, bool, error){s.d.Store.FeedbackRange, s.d.Store.ComplaintRange} {
			_, last, ok, err := span(ctx)
			if err != nil {
				return // the loads report errors; this is only a convenience
			}
			if ok {
				latest, found[i] = max(latest, last), true
			}
		}
		if !found[0] && !found[1] {
			return // an empty file: look again after the first import
		}
		deliver(ctx, found, nil, func(found [2]bool) {
			s.rangeChecked = true
			if !found[0] && s.section.SelectedIndex() == 0 {
				s.section.SelectIndex(1)
			}
			if latest < from {
				s.rng.SetSelectedIndex(all)
			}
		}, nil)
	})
}

// refreshComplaints loads the complaints section off the UI goroutine
// alongside the NPS figures; ctx is the refresh's, so a newer refresh
// drops this one's result.
func (s *Screen) refreshComplaints(ctx context.Context, q kpi.ComplaintQuery) {
	now := s.d.Now()
	widgets.Go(func() {
		l, err := loadComplaints(ctx, s.d.Store, q, now)
		deliver(ctx, l, err, func(l complaintLoad) {
			s.cmp.apply(l)
			for kind, v := range s.cmp.views {
				v.SetBuilder(s.chartBuilder(kind, true))
			}
			s.cmpStatus = s.cmp.span
			s.showStatus()
		}, func(err error) {
			s.cmpStatus = ""
			s.showStatus()
			s.d.ShowError(err)
		})
	})
}

// deliver hands a result loaded off the UI goroutine to apply, or its
// error to fail, on the UI goroutine, unless ctx (the refresh's) was
// cancelled meanwhile: a newer refresh owns the screen then.
func deliver[T any](ctx context.Context, v T, err error, apply func(T), fail func(error)) {
	if ctx.Err() != nil {
		return
	}
	widgets.Do(func() {
		if ctx.Err() != nil {
			return // a newer refresh started while this one waited for the UI
		}
		if err != nil {
			fail(err)
			return
		}
		apply(v)
	})
}

// Series is the data on screen (for tests).
func (s *Screen) Series() kpi.Series { return s.series }

// Dark is the theme variant the charts are drawn in (for tests).
func (s *Screen) Dark() bool { return s.d.Dark() }

// Tiles returns the KPI tiles (for tests).
func (s *Screen) Tiles() (latest, overall, volume, mix *widgets.KPITile) {
	return s.latest, s.overall, s.volume, s.mix
}

// target reads the department's NPS target (nil when none is set).
func (s *Screen) target(ctx context.Context) (*float64, error) {
	v, err := s.d.Store.Setting(ctx, data.SettingNPSTarget)
	if err != nil || v == "" {
		return nil, err
	}
	t, err := data.ParseNPSTarget(v)
	if err != nil {
		return nil, nil // a malformed setting shows no line rather than an error
	}
	return t, nil
}

func (s *Screen) apply(series kpi.Series, target *float64) {
	s.series, s.targetNPS = series, target
	s.npsStatus = seriesRange(series)
	s.showStatus()
	s.fillTiles(series)
	for kind, v := range map[charts.Kind]*widgets.ChartView{charts.KindNPSTrend: s.trend, charts.KindNPSComposition: s.comp, charts.KindNPSDistribution: s.dist} {
		v.SetBuilder(s.chartBuilder(kind, true))
	}
}

func (s *Screen) fillTiles(series kpi.Series) {
	p, ok := series.Latest()
	if !ok {
		for _, t := range []*widgets.KPITile{s.latest, s.overall, s.volume, s.mix} {
			t.Set("—", "", widgets.ToneNeutral, lang.L("dashboard.no_data"))
		}
		return
	}
	change, tone := changeLine(p)
	note := periodName(p.Period, series.By) + " · " + ciText(p)
	if s.targetNPS != nil {
		note += " · " + lang.L("dashboard.target", map[string]any{"Target": npsText(*s.targetNPS)})
	}
	s.latest.Set(npsText(p.NPS), change, tone, note)
	t := series.Total
	s.overall.Set(npsText(t.NPS), "", widgets.ToneNeutral, ciText(t))
	s.volume.Set(widgets.Int(p.N), lang.L("dashboard.total_n", map[string]any{"N": widgets.Int(t.N)}), widgets.ToneNeutral, responsesWord(p.N)+" · "+periodName(p.Period, series.By))
	share := func(k int64) string { return widgets.Num(100*float64(k)/float64(p.N), 0) + "%" }
	s.mix.Set(share(p.Promoters)+" / "+share(p.Detractors), lang.L("dashboard.passives", map[string]any{"Share": share(p.Passives)}), widgets.ToneNeutral, lang.L("dashboard.mix_note"))
}

func npsText(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return data.FormatSigned(widgets.Lang(), v, 1)
}

// ciText is the 95% interval with the thin-sample warning when it applies.
func ciText(p kpi.NPSStat) string {
	s := lang.L("dashboard.ci", map[string]any{"Low": widgets.Num(p.Low, 1), "High": widgets.Num(p.High, 1)})
	if p.Thin {
		s += " · " + lang.L("dashboard.thin", map[string]any{"N": p.N, "Min": kpi.ThinSample})
	}
	return s
}

// changeLine says how the NPS moved and whether the move is significant.
func changeLine(p kpi.NPSStat) (string, widgets.Tone) {
	return move{has: p.HasDelta, tested: true, significant: p.Significant, higherBetter: true,
		delta: p.Delta, text: data.FormatSigned(widgets.Lang(), p.Delta, 1), p: p.P}.line()
}

// move is a tile's change against the previous period.
type move struct {
	has          bool    // there is a previous period to compare
	tested       bool    // a test stands behind it (false: the delta alone)
	significant  bool    // p < 0.05
	higherBetter bool    // a significant rise is good news
	delta        float64 // its sign picks the arrow and the tone
	text         string  // the delta with its sign and unit
	p            float64
}

// changeMove is a tested kpi.Change shown with text as its delta.
func changeMove(c kpi.Change, text string, higherBetter bool) move {
	return move{has: c.Has, tested: true, significant: c.Significant, higherBetter: higherBetter, delta: c.Delta, text: text, p: c.P}
}

// line is the change line and its tone. An insignificant or untested
// move is shown neutral whatever its sign: colouring it would tell the
// manager something the data does not.
func (m move) line() (string, widgets.Tone) {
	if !m.has {
		return lang.L("dashboard.no_previous"), widgets.ToneNeutral
	}
	arrow := "▲"
	if m.delta < 0 {
		arrow = "▼"
	}
	args := map[string]any{"Arrow": arrow, "Delta": m.text}
	if !m.tested {
		return lang.L("dashboard.change_untested", args), widgets.ToneNeutral
	}
	args["P"] = "= " + widgets.Num(m.p, 3)
	if m.p < 0.001 {
		args["P"] = "< " + widgets.Num(0.001, 3)
	}
	if !m.significant {
		return lang.L("dashboard.change_ns", args), widgets.ToneNeutral
	}
	if (m.delta > 0) == m.higherBetter {
		return lang.L("dashboard.change_sig", args), widgets.ToneGood
	}
	return lang.L("dashboard.change_sig", args), widgets.ToneBad
}

func periodName(p kpi.Period, by kpi.Granularity) string {
	y, m, _ := p.Start.Date()
	if by == kpi.Month {
		return data.FormatMonth(widgets.Lang(), y, m)
	}
	return p.Label
}

func responsesWord(n int64) string {
	return lang.LocalizePluralKey("dashboard.responses", fmt.Sprint(n), int(n), map[string]any{"N": widgets.Int(n)})
}

// seriesRange is the subtitle of a series: its range and grouping.
func seriesRange(s kpi.Series) string {
	from, to := s.Span()
	return widgets.RangeLabel(from, to, string(s.By))
}
