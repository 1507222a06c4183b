package dashboard

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/charts"
	"caredesk/charts/report"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

// eventually polls cond on the UI goroutine until it holds or 10 s pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok := false
		widgets.Do(func() { ok = cond() })
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// seed stores scores per month: October 2026 has 40 responses at NPS 0,
// November 2026 has 200 at NPS +50, a significant rise.
func seed(t *testing.T, st data.Store) {
	t.Helper()
	ctx := context.Background()
	imp, err := st.BeginFeedbackImport(ctx, data.ImportBatch{Kind: "feedback", Source: "test", FileName: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	add := func(day time.Time, score data.Score, n int, tag string) {
		for i := 0; i < n; i++ {
			f := data.Feedback{RespondedAt: day.Add(time.Duration(i) * time.Minute), Score: score, Channel: data.ChannelEmail,
				Source: "test", ExternalID: tag + day.Format("0102") + string(rune('a'+score)) + time.Duration(i).String()}
			if _, err := imp.Add(&f); err != nil {
				t.Fatal(err)
			}
		}
	}
	oct := time.Date(2026, 10, 10, 12, 0, 0, 0, time.UTC)
	nov := time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC)
	add(oct, 10, 15, "o")
	add(oct, 7, 10, "o")
	add(oct, 2, 15, "o")
	add(nov, 9, 120, "n")
	add(nov, 8, 40, "n")
	add(nov, 5, 20, "n")
	add(nov, 0, 20, "n")
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
}

// newScreen builds the dashboard over a fresh SQLite file; tweak, if
// given, adjusts the dependencies first.
func newScreen(t *testing.T, tweak ...func(*Deps)) (*Screen, data.Store, *[]error) {
	t.Helper()
	test.NewTempApp(t)
	// Under the UI lock: a previous test's loader may still be translating.
	var err error
	widgets.Do(func() { err = lang.AddTranslationsFS(assets.Translations, "translations") })
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetLocation(context.Background(), time.UTC); err != nil {
		t.Fatal(err)
	}
	var errs []error
	d := Deps{
		Store: st, Window: test.NewWindow(nil), ShowError: func(err error) { errs = append(errs, err) },
		Now: func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) },
		// As the shell does: PNG, SVG or a PDF page by extension.
		SaveChart: func(path string, ch *charts.Chart) error {
			l := ch.Options().Labels
			return report.SaveChart(path, ch, report.Page{Title: l.Title, Subtitle: l.Subtitle, Footer: "CareDesk test"})
		},
	}
	for _, f := range tweak {
		f(&d)
	}
	s := New(d)
	t.Cleanup(func() {
		widgets.Do(func() {
			if s.cancel != nil {
				s.cancel()
			}
		})
		widgets.WaitIdle()
	})
	return s, st, &errs
}

func TestDashboardTilesShowNPSChangeAndSignificance(t *testing.T) {
	s, st, errs := newScreen(t)
	seed(t, st)
	if err := st.SetSetting(context.Background(), data.SettingNPSTarget, "30"); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1200, 800))
	widgets.Do(s.Refresh)
	eventually(t, "two monthly periods", func() bool { return len(s.Series().Periods) == 12 && s.Series().Total.N == 240 })
	latest, overall, volume, _ := s.Tiles()
	// November: 120 promoters, 40 detractors of 200 -> +40; October: 0.
	if got := latest.Value(); got != "+40.0" {
		t.Errorf("latest NPS tile = %q, want +40.0", got)
	}
	if !strings.Contains(latest.Change(), "+40.0") || !strings.Contains(latest.Change(), "significant") || strings.Contains(latest.Change(), "not significant") {
		t.Errorf("change line %q: want +40.0 and significant", latest.Change())
	}
	// Whole range: 135 promoters, 55 detractors of 240 -> +33.3.
	if overall.Value() != "+33.3" {
		t.Errorf("overall tile = %q", overall.Value())
	}
	if volume.Value() != "200" {
		t.Errorf("volume tile = %q", volume.Value())
	}
	if !strings.Contains(latest.Note(), "target +30.0") {
		t.Errorf("latest tile note %q must show the target", latest.Note())
	}
	// The breakdown by channel: every seeded response came by email.
	eventually(t, "the channel breakdown", func() bool { return len(s.split.rows) == 1 })
	widgets.Do(func() {
		if r := s.split.rows[0]; r.name != "Email" || r.total.N != 240 || !r.latest.Significant {
			t.Errorf("breakdown row %+v", r)
		}
		if got, _ := s.split.cell(widget.TableCellID{Row: 0, Col: 4}); got != "+40.0 · significant" {
			t.Errorf("change cell %q", got)
		}
	})
	eventually(t, "the trend chart to render", func() bool { return s.trend.Image() != nil && s.comp.Image() != nil })
	// The distribution sits in a hidden tab: it renders once shown.
	if s.dist.Image() != nil {
		t.Error("a hidden chart was rendered")
	}
	widgets.Do(func() { s.tabs.SelectIndex(1) })
	eventually(t, "the distribution chart to render", func() bool { return s.dist.Image() != nil })
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
}

func TestDashboardThinAndNotSignificant(t *testing.T) {
	s, st, _ := newScreen(t)
	seed(t, st)
	test.NewWindow(s.Content())
	widgets.Do(func() {
		s.rng.SetSelectedIndex(2) // this year
		s.by.SetSelectedIndex(3)  // by year: one period, nothing to compare
	})
	eventually(t, "yearly series", func() bool { return len(s.Series().Periods) == 1 })
	latest, _, _, _ := s.Tiles()
	if !strings.Contains(latest.Change(), "No previous period") {
		t.Errorf("a single period has nothing to compare: %q", latest.Change())
	}
	widgets.Do(func() {
		s.by.SetSelectedIndex(0) // by week
		s.rng.SetSelectedIndex(4)
	})
	eventually(t, "all-time weekly series", func() bool { return s.Series().By == "week" && s.Series().Total.N == 240 })
	// The week of 10 November holds all 200 November responses; it is
	// compared with the week of 10 October, the last one with responses.
	var nov kpi.NPSStat
	widgets.Do(func() { nov, _ = s.Series().Latest() })
	if nov.N != 200 || !nov.HasDelta || nov.Delta != 40 || !nov.Significant {
		t.Errorf("latest week: n=%d delta=%v significant=%v", nov.N, nov.Delta, nov.Significant)
	}
}

func TestDashboardEmptyAndExport(t *testing.T) {
	s, st, errs := newScreen(t)
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1000, 700))
	widgets.Do(s.Refresh)
	latest, _, _, _ := s.Tiles()
	eventually(t, "empty state", func() bool { return strings.Contains(latest.Note(), "No responses") })
	seed(t, st)
	widgets.Do(s.Refresh)
	eventually(t, "data", func() bool { return s.Series().Total.N == 240 })
	path := filepath.Join(t.TempDir(), "trend.png")
	done := make(chan error, 1)
	widgets.Do(func() {
		s.SaveChart(charts.KindNPSTrend, path, charts.Options{Width: 800, Height: 400, Scale: 2}, func(err error) { done <- err })
	})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != 1600 || cfg.Height != 800 {
		t.Errorf("exported PNG %dx%d (%v), want 1600x800 at scale 2", cfg.Width, cfg.Height, err)
	}
	if len(*errs) > 0 {
		t.Errorf("errors: %v", *errs)
	}
}

func TestDashboardCustomRange(t *testing.T) {
	s, st, _ := newScreen(t)
	seed(t, st)
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1200, 800))
	oct1, oct31 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	widgets.Do(func() {
		s.rng.SetSelectedIndex(len(rangePresets) - 1)
		if !s.custom.Visible() || s.rngLabel.Visible() {
			t.Error("choosing a custom range must show the date entries in place of the range label")
		}
		s.to.SetDate(&oct1) // reversed on purpose: taken in order
		s.from.SetDate(&oct31)
	})
	eventually(t, "October only", func() bool {
		return s.Series().Total.N == 40 && len(s.Series().Periods) == 1 && s.Series().Periods[0].Period.Label == "2026-10"
	})
	widgets.Do(func() { s.rng.SetSelectedIndex(4) })
	eventually(t, "all time again", func() bool { return s.Series().Total.N == 240 })
	if l := findLabel(s.content, "Range"); s.custom.Visible() || l == nil || !l.Visible() {
		t.Error("the date entries must hide again and the range label come back")
	}
}

// findLabel finds a label by its text in a tree of objects.
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	switch x := o.(type) {
	case *widget.Label:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	}
	return nil
}

// A store whose responses are all older than the default range (last
// year's exports imported) opens on all time instead of an empty
// dashboard.
func TestDashboardOpensOnAllTimeWhenEveryResponseIsOlder(t *testing.T) {
	s, st, errs := newScreen(t)
	ctx := context.Background()
	imp, err := st.BeginFeedbackImport(ctx, data.ImportBatch{Kind: "feedback", Source: "2018", FileName: "nps_2018.csv"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		f := data.Feedback{RespondedAt: time.Date(2018, 7, 1+i, 10, 0, 0, 0, time.UTC), Score: data.Score(i % 11), Source: "2018", ExternalID: strconv.Itoa(i)}
		if _, err := imp.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := imp.Commit(); err != nil {
		t.Fatal(err)
	}
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1200, 800))
	widgets.Do(s.Refresh)
	eventually(t, "all time with the 2018 responses", func() bool {
		return s.rng.Selected == lang.L("range.all") && s.Series().Total.N == 30
	})
	if len(*errs) > 0 {
		t.Errorf("errors: %v", *errs)
	}
}

func TestDashboardKeepsTheDefaultRangeWithRecentData(t *testing.T) {
	s, st, _ := newScreen(t)
	seed(t, st)
	widgets.Do(s.Refresh)
	eventually(t, "the default range with this year's data", func() bool { return s.Series().Total.N == 240 })
	widgets.WaitIdle() // the check of older data has had its say
	if s.rng.SelectedIndex() != 0 {
		t.Errorf("range %q, want the default", s.rng.Selected)
	}
}
