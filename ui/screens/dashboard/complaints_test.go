package dashboard

import (
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// seedComplaints stores complaints whose KPIs can be checked by hand. The
// dashboard's "today" is 26 November 2026, so October is the latest full
// month and September the one it is compared with. Every complaint opens
// at 10:00 on a weekday (the default calendar is Mon–Fri 9–18), so
// working hours equal clock hours.
//
//   - September: 40 complaints (Delivery), answered at 10:30, resolved at
//     14:00 (4 working hours); the first 4 escalated; 20 clients
//     satisfied, 20 not.
//   - October: 10 complaints (Delivery) and 2 questions, resolved at 12:00
//     (2 working hours); the first complaint escalated; 9 satisfied, 1 not.
//   - November: one complaint opened on the 20th, still open.
//
// One standard, RES-1: resolution within 3 working hours at normal
// priority. September breaches it 40 times, October achieves it 12 times,
// November's open complaint is overdue.
func seedComplaints(t *testing.T, st data.Store) {
	t.Helper()
	ctx := context.Background()
	delivery := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	if err := st.SaveCategory(ctx, &delivery); err != nil {
		t.Fatal(err)
	}
	res := data.Standard{Code: "RES-1", Title: "Resolution", Measure: data.MeasureResolution, Versions: []data.StandardVersion{{
		EffectiveFrom: data.DateDay(2024, 1, 1), Calendar: data.DefaultCalendar(),
		Targets: map[data.Priority]time.Duration{data.PriorityNormal: 3 * time.Hour}}}}
	if err := st.SaveStandard(ctx, &res); err != nil {
		t.Fatal(err)
	}
	weekdays := func(m time.Month) []time.Time {
		var out []time.Time
		for d := time.Date(2026, m, 1, 10, 0, 0, 0, time.UTC); d.Month() == m; d = d.AddDate(0, 0, 1) {
			if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
				out = append(out, d)
			}
		}
		return out
	}
	status := func(at time.Time, s data.Status) data.ComplaintEvent {
		return data.ComplaintEvent{At: at, Kind: data.EventStatus, Status: s}
	}
	add := func(opened time.Time, typ data.ComplaintType, resolveAfter time.Duration, escalated bool, verdict data.Verdict) {
		t.Helper()
		c := data.Complaint{OpenedAt: opened, Type: typ, Priority: data.PriorityNormal, Channel: data.ChannelEmail, Verdict: verdict,
			Events: []data.ComplaintEvent{status(opened.Add(30*time.Minute), data.StatusInProgress)}}
		if typ == data.TypeComplaint {
			c.CategoryID = delivery.ID
		}
		if escalated {
			c.Events = append(c.Events, data.ComplaintEvent{At: opened.Add(time.Hour), Kind: data.EventEscalation, Level: data.LevelSenior})
		}
		if resolveAfter > 0 {
			c.Events = append(c.Events, status(opened.Add(resolveAfter), data.StatusResolved))
		}
		if err := st.CreateComplaint(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	sep := weekdays(time.September)
	for k := 0; k < 40; k++ {
		verdict := data.VerdictSatisfied
		if k%2 == 1 {
			verdict = data.VerdictNotSatisfied
		}
		add(sep[k/2].Add(time.Duration(k%2)*time.Minute), data.TypeComplaint, 4*time.Hour, k < 4, verdict)
	}
	oct := weekdays(time.October)
	for k := 0; k < 10; k++ {
		verdict := data.VerdictSatisfied
		if k == 9 {
			verdict = data.VerdictNotSatisfied
		}
		add(oct[k], data.TypeComplaint, 2*time.Hour, k == 0, verdict)
	}
	add(oct[10], data.TypeQuestion, 2*time.Hour, false, data.VerdictUnknown)
	add(oct[11], data.TypeQuestion, 2*time.Hour, false, data.VerdictUnknown)
	add(time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), data.TypeComplaint, 0, false, data.VerdictUnknown)
}

// showComplaints opens the complaints section and waits for its figures.
func showComplaints(t *testing.T, s *Screen) {
	t.Helper()
	widgets.Do(func() {
		s.section.SelectIndex(1)
		s.Refresh()
	})
	eventually(t, "the complaint figures", func() bool {
		return len(s.cmp.data.Overall.Periods) == 12 && s.cmp.opened.Value() != "—"
	})
}

func TestComplaintTilesShowHandCheckedFiguresAndHonestSignificance(t *testing.T) {
	s, st, errs := newScreen(t)
	seedComplaints(t, st)
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1280, 720))
	showComplaints(t, s)
	c := s.cmp
	type want struct {
		value, change string
		tone          widgets.Tone
		note          string
	}
	h := kpi.Histogram{}
	h.Add(data.DurationBucket(2*time.Hour), 12) // October's 12 resolutions, all after 2 working hours
	for name, tc := range map[string]struct {
		tile *widgets.KPITile
		want want
	}{
		// 40 in September's 30 days against 12 in October's 31: a real fall.
		"opened":   {c.opened, want{"12", "▼ −28 vs previous · significant", widgets.ToneGood, "Oct 2026"}},
		"negative": {c.negative, want{"10", "▼ −30 vs previous · significant", widgets.ToneGood, "Oct 2026"}},
		// No client counts entered: no rate, and no zero pretending to be one.
		"rate": {c.rate, want{"—", "", widgets.ToneNeutral, "client counts"}},
		// The November complaint is open at the end of the range (today).
		"backlog":    {c.backlog, want{"1", "▲ +1 vs previous · not tested", widgets.ToneNeutral, "Nov 26, 2026"}},
		"resolution": {c.resolution, want{hours(h.Percentile(0.5)), "vs previous · not tested", widgets.ToneNeutral, "p90"}},
		// 12 of 12 achieved against 0 of 40.
		"sla": {c.sla, want{"100.0%", "▲ +100.0 pp vs previous · significant", widgets.ToneGood, "overdue 1"}},
		// 9 of 10 satisfied against 20 of 40: z = 2.29, p = 0.022.
		"quality": {c.quality, want{"90.0%", "▲ +40.0 pp vs previous · significant (p = 0.022)", widgets.ToneGood, "verdicts: 10"}},
		// 11 of 12 against 36 of 40: a small rise, not significant, so not green.
		"fcr":        {c.fcr, want{"91.7%", "▲ +1.7 pp vs previous · not significant", widgets.ToneNeutral, "no reopen, no escalation, one agent"}},
		"reopen":     {c.reopen, want{"0.0%", "▲ +0.0 pp vs previous · not significant (p = 1.000)", widgets.ToneNeutral, "resolved: 12"}},
		"escalation": {c.escalation, want{"8.3%", "▼ −1.7 pp vs previous · not significant", widgets.ToneNeutral, "opened: 12"}},
	} {
		var got want
		widgets.Do(func() { got = want{tc.tile.Value(), tc.tile.Change(), tc.tile.Tone(), tc.tile.Note()} })
		if got.value != tc.want.value || !strings.Contains(got.change, tc.want.change) || got.tone != tc.want.tone || !strings.Contains(got.note, tc.want.note) {
			t.Errorf("%s tile = %+v, want %+v", name, got, tc.want)
		}
	}
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}

	// With client counts, the rate per 1,000 appears with its own test.
	for _, m := range []time.Month{time.September, time.October} {
		if err := st.SetDenominator(context.Background(), data.Denominator{Month: data.DateDay(2026, m, 1), Clients: 1000}); err != nil {
			t.Fatal(err)
		}
	}
	widgets.Do(s.Refresh)
	eventually(t, "the rate per 1,000", func() bool { return c.rate.Value() == "10.0" })
	widgets.Do(func() {
		if ch := c.rate.Change(); !strings.Contains(ch, "▼ −30.0 vs previous · significant") || c.rate.Tone() != widgets.ToneGood {
			t.Errorf("rate change %q (tone %v)", ch, c.rate.Tone())
		}
	})
}

func TestComplaintChartsSwitchExportAndNameCategoriesInTheUILanguage(t *testing.T) {
	s, st, errs := newScreen(t)
	seedComplaints(t, st)
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1280, 720))
	showComplaints(t, s)
	for i, kind := range charts.ComplaintKinds {
		widgets.Do(func() { s.cmp.tabs.SelectIndex(i) })
		eventually(t, string(kind)+" to render", func() bool { return s.cmp.views[kind].Image() != nil })
	}
	if got := s.cmp.data.CategoryNames; len(got) != 1 || !containsValue(got, "Delivery") {
		t.Errorf("category names %v", got)
	}

	dir := t.TempDir()
	save := func(kind charts.Kind, name string, opt charts.Options) string {
		t.Helper()
		path := filepath.Join(dir, name)
		done := make(chan error, 1)
		widgets.Do(func() { s.SaveChart(kind, path, opt, func(err error) { done <- err }) })
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		return path
	}
	f, err := os.Open(save(charts.KindComplaintsFlow, "flow.png", charts.Options{Width: 800, Height: 400, Scale: 2}))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != 1600 || cfg.Height != 800 {
		t.Errorf("exported PNG %dx%d (%v), want 1600x800 at scale 2", cfg.Width, cfg.Height, err)
	}
	pdf := save(charts.KindComplaintsByCategory, "categories.pdf", charts.Options{Width: 1200, Height: 600, Scale: 1})
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	// The page carries the title, the range and the table with the store's category.
	for _, want := range []string{"Complaints by category", "Dec 1, 2025 – Nov 26, 2026, by month", "Delivery", "Complaints"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("PDF text lacks %q:\n%s", want, out)
		}
	}

	// In Russian, categories are named in Russian.
	widgets.SetLang("ru")
	t.Cleanup(func() { widgets.SetLang("en") })
	widgets.Do(s.Refresh)
	eventually(t, "Russian category names", func() bool { return containsValue(s.cmp.data.CategoryNames, "Доставка") })
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
}

func containsValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

func TestComplaintsEmptyStateLeadsToTheComplaintsArea(t *testing.T) {
	opened := 0
	s, st, _ := newScreen(t, func(d *Deps) { d.OpenComplaints = func() { opened++ } })
	seed(t, st) // responses, but no complaint
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 720))
	widgets.Do(func() {
		s.section.SelectIndex(1)
		s.Refresh()
	})
	eventually(t, "the empty state", func() bool { return s.cmp.empty.Visible() && !s.cmp.filled.Visible() })
	// The tiles say nothing rather than zero.
	if v := s.cmp.negative.Value(); v != "—" {
		t.Errorf("negative complaints tile %q in the empty state", v)
	}
	var open *widget.Button
	widgets.Do(func() { open = findButton(s.cmp.empty, "Open Complaints") })
	if open == nil {
		t.Fatal("no button to the Complaints area")
	}
	widgets.Do(func() { test.Tap(open) })
	if opened != 1 {
		t.Errorf("the button opened the Complaints area %d times", opened)
	}

	// The first complaint replaces the empty state with the figures.
	seedComplaints(t, st)
	showComplaints(t, s)
	if !s.cmp.filled.Visible() || s.cmp.empty.Visible() {
		t.Error("the figures must replace the empty state")
	}
}

func TestComplaintLoadsFollowTheLatestChoice(t *testing.T) {
	s, st, _ := newScreen(t)
	seedComplaints(t, st)
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 720))
	showComplaints(t, s)
	// Two choices in a row: only the last one's figures may stay on screen.
	widgets.Do(func() {
		s.by.SetSelectedIndex(0) // by week
		s.by.SetSelectedIndex(2) // by quarter
	})
	eventually(t, "quarterly figures", func() bool { return s.cmp.data.Overall.By == kpi.Quarter })
	widgets.WaitIdle()
	var by kpi.Granularity
	var note string
	widgets.Do(func() { by, note = s.cmp.data.Overall.By, s.cmp.opened.Note() })
	// Q4 2026 is still running: the latest full quarter is Q3.
	if by != kpi.Quarter || note != "2026-Q3" {
		t.Errorf("after the last choice: by %s, opened tile note %q", by, note)
	}
}

// findButton finds a button by its text in a tree of objects.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// The FCR definition and the rate base are the department's settings:
// the tiles count by them and say so.
func TestComplaintTilesFollowTheFCRAndBaseSettings(t *testing.T) {
	s, st, errs := newScreen(t)
	seedComplaints(t, st)
	ctx := context.Background()
	for _, m := range []time.Month{time.September, time.October} {
		if err := st.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2026, m, 1), Clients: 1000, Orders: 2000}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SetSetting(ctx, data.SettingFCRDefinition, string(kpi.FCRNoReopen)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, data.SettingComplaintBase, string(kpi.BaseOrders)); err != nil {
		t.Fatal(err)
	}
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 720))
	showComplaints(t, s)
	c := s.cmp
	// October: 12 resolved, none reopened (the escalated one counts now);
	// 10 negative complaints per 2,000 orders.
	widgets.Do(func() {
		if v, note := c.fcr.Value(), c.fcr.Note(); v != "100.0%" || note != "resolved with no reopen" {
			t.Errorf("FCR tile %q, %q; want 100.0%% resolved with no reopen", v, note)
		}
		if v, caption := c.rate.Value(), c.rate.Caption(); v != "5.0" || caption != "Per 1,000 orders" {
			t.Errorf("rate tile %q captioned %q; want 5.0 per 1,000 orders", v, caption)
		}
	})

	// Back to clients, with no client counts: the tile asks for them.
	if err := st.SetSetting(ctx, data.SettingComplaintBase, string(kpi.BaseClients)); err != nil {
		t.Fatal(err)
	}
	for _, m := range []time.Month{time.September, time.October} {
		if err := st.SetDenominator(ctx, data.Denominator{Month: data.DateDay(2026, m, 1), Orders: 2000}); err != nil {
			t.Fatal(err)
		}
	}
	widgets.Do(s.Refresh)
	eventually(t, "the rate per clients", func() bool { return c.rate.Caption() == "Per 1,000 clients" && c.rate.Value() == "—" })
	widgets.Do(func() {
		if note := c.rate.Note(); note != "Enter monthly client counts to see the rate" {
			t.Errorf("rate note %q", note)
		}
	})
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
}

// A manager who began with complaints, without survey answers, opens on
// the complaints section. An empty file opens on NPS and looks again
// after the first import; a choice of section made by then stands.
func TestDashboardOpensOnComplaintsWithoutAnswers(t *testing.T) {
	s, st, errs := newScreen(t)
	test.NewWindow(s.Content()).Resize(fyne.NewSize(1280, 720))
	widgets.Do(s.Refresh)
	widgets.WaitIdle()
	section := func() (i int) {
		widgets.Do(func() { i = s.section.SelectedIndex() })
		return i
	}
	if i := section(); i != 0 {
		t.Errorf("an empty file opens on section %d, want NPS", i)
	}
	seedComplaints(t, st)
	widgets.Do(s.Refresh)
	eventually(t, "the complaints section", func() bool { return s.section.SelectedIndex() == 1 })
	widgets.WaitIdle()
	widgets.Do(func() {
		if s.rng.SelectedIndex() != 0 {
			t.Errorf("range %q, want the default: the complaints are recent", s.rng.Selected)
		}
		s.section.SelectIndex(0)
		s.Refresh()
	})
	widgets.WaitIdle()
	if i := section(); i != 0 {
		t.Errorf("section %d after the manager chose NPS, want it kept", i)
	}
	if len(*errs) > 0 {
		t.Errorf("errors: %v", *errs)
	}
}
