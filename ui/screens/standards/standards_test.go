package standards

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/data"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

type harness struct {
	t      *testing.T
	store  data.Store
	screen *Screen
	win    fyne.Window
	errs   []error
}

func openStore(t *testing.T) data.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newHarness(t *testing.T, st data.Store) *harness {
	t.Helper()
	test.NewTempApp(t)
	t.Cleanup(widgets.WaitIdle)
	h := &harness{t: t, store: st}
	widgets.Do(func() {
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			t.Fatalf("translations: %v", err)
		}
	})
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	widgets.Do(func() {
		h.screen = New(Deps{Store: st, Window: h.win, ShowError: func(err error) { h.errs = append(h.errs, err) }})
		h.win.SetContent(h.screen.Content())
		h.win.Resize(fyne.NewSize(1100, 700))
	})
	h.settle()
	return h
}

func (h *harness) settle() {
	h.t.Helper()
	widgets.WaitIdle()
	h.screen.wait()
	widgets.WaitIdle()
	var errs []error
	widgets.Do(func() { errs = append(errs, h.errs...) })
	if len(errs) > 0 {
		h.t.Fatalf("errors shown to the user: %v", errs)
	}
}

func ui(f func()) { widgets.Do(f) }

func (h *harness) stored() []data.Standard {
	h.t.Helper()
	stds, err := h.store.Standards(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	return stds
}

func date(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

func TestNewStandardSavesThenVersions(t *testing.T) {
	st := openStore(t)
	cat := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	if err := st.SaveCategory(context.Background(), &cat); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st)
	s := h.screen
	if !s.placeholder.Visible() || s.form.Visible() {
		t.Error("with no standard the form should wait for a choice")
	}
	if s.emptyTitle.Text != "No service standards yet: create the first one" || !s.firstBtn.Visible() {
		t.Errorf("an empty register says %q, offering to create one: %v", s.emptyTitle.Text, s.firstBtn.Visible())
	}
	ui(func() { test.Tap(s.firstBtn) })
	if !s.form.Visible() {
		t.Fatal("the placeholder's button opens no form")
	}
	var focused fyne.Focusable
	ui(func() { focused = h.win.Canvas().Focused() })
	if focused != s.code {
		t.Errorf("a new standard gives the keyboard to %T, want its code", focused)
	}

	ui(func() {
		s.NewStandard()
		s.code.SetText("RES-1")
		s.title.SetText("Resolve within the day")
		s.measure.SetSelectedIndex(1)
		s.text.SetText("We resolve every complaint within one working day.")
		s.targets[data.PriorityCritical].SetText("2:00")
		s.targets[data.PriorityNormal].SetText("9")
		s.targets[data.PriorityLow].SetText("four")
		s.Save()
	})
	if !s.message.Visible() || !strings.Contains(s.message.Text, "“four” is not a duration") {
		t.Fatalf("a bad target was not reported: %q", s.message.Text)
	}
	if len(h.stored()) != 0 {
		t.Fatal("a standard with a bad target was saved")
	}
	ui(func() {
		s.targets[data.PriorityLow].SetText("")
		s.calendar.Weekdays[time.Saturday].SetChecked(true)
		s.calendar.Start.SetText("08:30")
		s.calendar.HolidayDay.SetDate(date(2025, time.January, 7))
		s.calendar.AddHoliday()
		s.calendar.HolidayDay.SetDate(date(2025, time.January, 1))
		s.calendar.AddHoliday()
		s.channels.SetSelected([]string{widgets.ChannelName(data.ChannelEmail)})
		s.categories.SetSelected([]string{"Delivery"})
		s.tierEntry.SetText("key, gold")
		s.goal.SetText("95,5 %")
		s.Save()
	})
	h.settle()
	stds := h.stored()
	if len(stds) != 1 {
		t.Fatalf("stored %d standards", len(stds))
	}
	if s.emptyTitle.Text != "Pick a standard or create one" || s.firstBtn.Visible() {
		t.Errorf("with a standard in the register the placeholder says %q", s.emptyTitle.Text)
	}
	got := stds[0]
	if got.Code != "RES-1" || got.Measure != data.MeasureResolution || len(got.Versions) != 1 {
		t.Fatalf("stored %+v", got)
	}
	if got.Goal != 95.5 {
		t.Errorf("compliance goal = %v, want 95.5", got.Goal)
	}
	v := got.Versions[0]
	wantTargets := map[data.Priority]time.Duration{data.PriorityCritical: 2 * time.Hour, data.PriorityNormal: 9 * time.Hour}
	if len(v.Targets) != 2 || v.Targets[data.PriorityCritical] != wantTargets[data.PriorityCritical] || v.Targets[data.PriorityNormal] != wantTargets[data.PriorityNormal] {
		t.Errorf("targets = %v", v.Targets)
	}
	if v.Calendar.AllDay || !v.Calendar.Weekdays[time.Saturday] || v.Calendar.Weekdays[time.Sunday] || v.Calendar.Start != 8*60+30 || v.Calendar.End != 18*60 {
		t.Errorf("calendar = %+v", v.Calendar)
	}
	if !slices.Equal(v.Calendar.Holidays, []data.Day{data.DateDay(2025, 1, 1), data.DateDay(2025, 1, 7)}) {
		t.Errorf("holidays = %v", v.Calendar.Holidays)
	}
	if !slices.Equal(v.Channels, []data.Channel{data.ChannelEmail}) || !slices.Equal(v.CategoryIDs, []int64{cat.ID}) || !slices.Equal(v.Tiers, []string{"key", "gold"}) {
		t.Errorf("applies to %v, %v, %v", v.Channels, v.CategoryIDs, v.Tiers)
	}
	if len(s.standards) != 1 || s.std.ID != got.ID {
		t.Fatal("the list does not show the saved standard as the one edited")
	}

	// A new version from a later date copies the one in force, then
	// changes on its own.
	ui(func() {
		s.newFrom.SetDate(date(2030, time.March, 1))
		s.onNewVersion()
	})
	if len(s.std.Versions) != 2 || s.ver != 1 {
		t.Fatalf("versions %d, editing %d", len(s.std.Versions), s.ver)
	}
	if s.targets[data.PriorityNormal].Text != "9:00" || s.calendar.Holidays.Length() != 2 {
		t.Errorf("the new version did not copy the old: normal %q, %d holidays", s.targets[data.PriorityNormal].Text, s.calendar.Holidays.Length())
	}
	ui(func() {
		s.targets[data.PriorityNormal].SetText("6:30")
		s.calendar.Holidays.Select(0)
		s.calendar.RemoveHoliday()
		s.Save()
	})
	h.settle()
	got = h.stored()[0]
	if len(got.Versions) != 2 {
		t.Fatalf("stored %d versions", len(got.Versions))
	}
	old, nv := got.Versions[0], got.Versions[1]
	if old.Targets[data.PriorityNormal] != 9*time.Hour || nv.Targets[data.PriorityNormal] != 6*time.Hour+30*time.Minute {
		t.Errorf("normal targets old %v, new %v", old.Targets[data.PriorityNormal], nv.Targets[data.PriorityNormal])
	}
	if nv.EffectiveFrom != data.DateDay(2030, 3, 1) || len(old.Calendar.Holidays) != 2 || len(nv.Calendar.Holidays) != 1 {
		t.Errorf("new version from %v with holidays %v; old holidays %v", nv.EffectiveFrom, nv.Calendar.Holidays, old.Calendar.Holidays)
	}
	// Today the first version is in force: the list says so.
	if txt := s.versionText(0); !strings.HasSuffix(txt, "current") {
		t.Errorf("version 0 reads %q", txt)
	}
	if !strings.Contains(targetsSummary(got, data.DayOf(time.Now(), st.Location())), "Normal 9:00") {
		t.Errorf("summary = %q", targetsSummary(got, data.DayOf(time.Now(), st.Location())))
	}

	// Two versions on one day are refused before saving.
	ui(func() {
		s.newFrom.SetDate(date(2030, time.March, 1))
		s.onNewVersion()
	})
	if !s.message.Visible() || len(s.std.Versions) != 2 {
		t.Error("a second version on the same day was accepted")
	}
}

func TestTwentyFourSevenAndDelete(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	ui(func() {
		s.NewStandard()
		s.code.SetText("FRT-1")
		s.title.SetText("First answer")
		s.measure.SetSelectedIndex(0)
		s.targets[data.PriorityHigh].SetText("0:30")
		s.calendar.AllDay.SetChecked(true)
	})
	if !s.calendar.Start.Disabled() || !s.calendar.Weekdays[time.Monday].Disabled() {
		t.Error("hours and days stay editable on a 24/7 calendar")
	}
	ui(s.Save)
	h.settle()
	got := h.stored()
	if len(got) != 1 || !got[0].Versions[0].Calendar.AllDay || got[0].Measure != data.MeasureFirstResponse ||
		got[0].Versions[0].Targets[data.PriorityHigh] != 30*time.Minute {
		t.Fatalf("stored %+v", got)
	}
	ui(func() {
		s.onDelete()
		for _, o := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Yes" {
				test.Tap(b)
			}
		}
	})
	h.settle()
	if len(h.stored()) != 0 {
		t.Error("the standard was not deleted")
	}
	if s.form.Visible() {
		t.Error("the form still shows a deleted standard")
	}
}

func TestParseTarget(t *testing.T) {
	cases := map[string]time.Duration{"4": 4 * time.Hour, "4:00": 4 * time.Hour, "36:30": 36*time.Hour + 30*time.Minute,
		"1,5": 90 * time.Minute, "0:45": 45 * time.Minute}
	for in, want := range cases {
		if got, ok := parseTarget(in); !ok || got != want {
			t.Errorf("parseTarget(%q) = %v, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"0", "0:00", "1:75", "-2", "x"} {
		if _, ok := parseTarget(bad); ok {
			t.Errorf("parseTarget(%q) accepted", bad)
		}
	}
}

func TestFitsALaptopInBothLanguages(t *testing.T) {
	st := openStore(t)
	// As many categories as the demo has, with long names.
	for i := range 24 {
		c := data.Category{NameEN: fmt.Sprintf("Category with a long name %d", i), NameRU: fmt.Sprintf("Категория с длинным названием %d", i)}
		if err := st.SaveCategory(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
	}
	for _, code := range []string{"en", "ru"} {
		os.Setenv("LANGUAGE", code)
		widgets.SetLang(code)
		h := newHarness(t, st)
		var min fyne.Size
		ui(func() {
			h.screen.NewStandard()
			min = h.screen.Content().MinSize()
		})
		if min.Width > 1366-230 || min.Height > 600 {
			t.Errorf("%s: the standards screen needs %v", code, min)
		}
	}
	os.Setenv("LANGUAGE", "en")
	widgets.SetLang("en")
	ui(func() { _ = lang.AddTranslationsFS(assets.Translations, "translations") })
}

// tapOnTop taps the button labelled text in the topmost overlay, or in
// the window when there is none.
func tapOnTop(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	var b *widget.Button
	ui(func() {
		root := win.Canvas().Overlays().Top()
		if root == nil {
			root = win.Canvas().Content()
		}
		for _, o := range test.LaidOutObjects(root) {
			if btn, ok := o.(*widget.Button); ok && btn.Text == text {
				b = btn
			}
		}
	})
	if b == nil {
		t.Fatalf("no %q button on top", text)
	}
	ui(func() { test.Tap(b) })
}

// Leaving a standard with unsaved edits for another one, or for a new
// one, asks first: "keep editing" stays on it with the edits, "discard"
// moves on and stores nothing. Unchanged, it moves at once.
func TestLeavingAnEditedStandardAsks(t *testing.T) {
	st := openStore(t)
	for _, code := range []string{"FR-1", "RES-1"} {
		std := data.Standard{Code: code, Title: "Standard " + code, Measure: data.MeasureResolution, Versions: []data.StandardVersion{{
			EffectiveFrom: data.DateDay(2025, 1, 1), Targets: map[data.Priority]time.Duration{data.PriorityNormal: 8 * time.Hour},
			Calendar: data.DefaultCalendar()}}}
		if err := st.SaveStandard(context.Background(), &std); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, st)
	s, c := h.screen, h.win.Canvas()
	overlays := func() (n int) { ui(func() { n = len(c.Overlays().List()) }); return }
	if s.selected != 0 || s.code.Text != s.standards[0].Code {
		t.Fatalf("the screen opened on %d, %q", s.selected, s.code.Text)
	}
	first, second := s.standards[0], s.standards[1]
	ui(func() { s.list.Select(1) })
	if overlays() != 0 || s.selected != 1 || s.code.Text != second.Code {
		t.Fatal("moving from an unchanged standard asked or did not move")
	}
	ui(func() { s.list.Select(0) })

	ui(func() { test.Type(s.title, " (draft)") })
	ui(func() { s.list.Select(1) })
	if overlays() != 1 {
		t.Fatal("moving from an edited standard did not ask")
	}
	tapOnTop(t, h.win, lang.L("unsaved.keep"))
	if s.selected != 0 || s.code.Text != first.Code || !strings.Contains(s.title.Text, "(draft)") {
		t.Fatalf("keep editing: on %d, code %q, title %q", s.selected, s.code.Text, s.title.Text)
	}
	ui(s.Refresh) // as a change on another screen does
	h.settle()
	if s.selected != 0 || !strings.Contains(s.title.Text, "(draft)") {
		t.Fatalf("a reload undid the typing: on %d, title %q", s.selected, s.title.Text)
	}
	// Other fields of other versions count too: a version added.
	ui(func() {
		s.title.SetText(first.Title)
		s.newFrom.SetDate(date(2026, time.January, 1))
		s.onNewVersion()
	})
	ui(func() { s.list.Select(1) })
	if overlays() != 1 {
		t.Fatal("moving from a standard with a version added did not ask")
	}
	tapOnTop(t, h.win, lang.L("unsaved.discard"))
	if s.selected != 1 || s.code.Text != second.Code || overlays() != 0 {
		t.Fatalf("discard: on %d, code %q", s.selected, s.code.Text)
	}
	h.settle()
	if got := h.stored(); got[0].Title != first.Title || len(got[0].Versions) != 1 {
		t.Fatalf("discarding stored %+v", got[0])
	}
	// New standard from an edited one asks as well.
	ui(func() { s.targets[data.PriorityHigh].SetText("2:00") })
	tapOnTop(t, h.win, lang.L("standards.new"))
	if overlays() != 1 || s.code.Text != second.Code {
		t.Fatal("New over an edited standard did not ask")
	}
	tapOnTop(t, h.win, lang.L("unsaved.discard"))
	if s.code.Text != "" || s.selected != -1 || overlays() != 0 {
		t.Fatalf("discard then New: code %q, selected %d", s.code.Text, s.selected)
	}
	// Nothing typed in the new one: choosing a standard moves at once.
	ui(func() { s.list.Select(0) })
	if overlays() != 0 || s.code.Text != first.Code {
		t.Fatal("leaving an untouched new standard asked or did not move")
	}
}

// Ctrl+S typed in a field of the standard saves it, as Save does; with no
// standard open there is nothing for it to save.
func TestCtrlSSavesTheStandard(t *testing.T) {
	h := newHarness(t, openStore(t))
	s := h.screen
	var noForm *widget.Button
	ui(func() {
		widgets.PaneSaves(h.win, s.SaveButton)
		noForm = s.SaveButton()
		s.NewStandard()
		s.code.SetText("FR-1")
		s.title.SetText("First answer within the hour")
		s.text.SetText("We answer every complaint within an hour.")
		s.targets[data.PriorityNormal].SetText("1")
		h.win.Canvas().Focus(s.title)
		s.title.TypedShortcut(widgets.SaveShortcut)
	})
	h.settle()
	if noForm != nil {
		t.Error("Ctrl+S had a button to tap before a standard was open")
	}
	if stds := h.stored(); len(stds) != 1 || stds[0].Code != "FR-1" {
		t.Fatalf("after Ctrl+S the store holds %+v", stds)
	}
	if s.saved.Text != "Saved" || s.code.Text != "FR-1" {
		t.Errorf("after the save the form shows %q with %q", s.code.Text, s.saved.Text)
	}
	ui(s.NewStandard)
	if s.saved.Text != "" {
		t.Errorf("a new standard still says %q", s.saved.Text)
	}
}
