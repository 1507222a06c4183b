package feedback

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

type harness struct {
	t       *testing.T
	store   data.Store
	screen  *Screen
	win     fyne.Window
	errs    []error
	changed atomic.Int32
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

var seedTouchpoints = []string{"Delivery", "Checkout", "Support call"}

// seed stores n responses one minute apart, newest last; comment i is
// "comment #i" and every seventh mentions a parcel.
func seed(t *testing.T, st data.Store, n int) {
	t.Helper()
	base := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		comment := fmt.Sprintf("comment #%d", i)
		if i%7 == 0 {
			comment += " about the parcel"
		}
		f := data.Feedback{
			RespondedAt: base.Add(time.Duration(i) * time.Minute),
			Score:       data.Score(i % 11),
			Comment:     comment,
			Channel:     data.Channels[i%len(data.Channels)],
			Touchpoint:  seedTouchpoints[i%len(seedTouchpoints)],
			ClientName:  fmt.Sprintf("Client %d", i%5),
			Tags:        []string{"tag" + fmt.Sprint(i%3)},
			Source:      "test",
		}
		if err := st.CreateFeedback(context.Background(), &f); err != nil {
			t.Fatalf("seed row %d: %v", i, err)
		}
	}
}

func newHarness(t *testing.T, st data.Store) *harness {
	t.Helper()
	test.NewTempApp(t)
	t.Cleanup(widgets.WaitIdle)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatalf("translations: %v", err)
	}
	h := &harness{t: t, store: st}
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	widgets.Do(func() {
		h.screen = New(Deps{Store: st, Window: h.win,
			ShowError: func(err error) { h.errs = append(h.errs, err) },
			Changed:   func() { h.changed.Add(1) }})
		h.win.SetContent(h.screen.Content())
		h.win.Resize(fyne.NewSize(1200, 700))
	})
	h.settle()
	return h
}

// settle waits for every background load and fails on reported errors.
func (h *harness) settle() {
	h.t.Helper()
	widgets.WaitIdle() // loaders a finished load started (refreshes, lookups)
	h.screen.wait()
	var errs []error
	widgets.Do(func() { errs = append(errs, h.errs...) })
	if len(errs) > 0 {
		h.t.Fatalf("errors shown to the user: %v", errs)
	}
}

// ui runs f as the UI goroutine would, serialised with the loaders.
func ui(f func()) { widgets.Do(f) }

func (h *harness) storeCount() int {
	h.t.Helper()
	n, err := h.store.CountFeedback(context.Background(), data.FeedbackFilter{})
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// texts collects the text of every visible label in the window.
func (h *harness) texts() []string {
	var out []string
	walk(h.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
		return true
	})
	return out
}

func (h *harness) shows(text string) bool {
	for _, s := range h.texts() {
		if s == text {
			return true
		}
	}
	return false
}

// walk visits the visible objects under o; visit returns false to stop
// descending.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !visit(o) {
		return
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			walk(ch, visit)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, ch := range test.WidgetRenderer(w).Objects() {
			walk(ch, visit)
		}
	}
}

// tappableWithText finds the innermost tappable object showing a label
// with exactly text.
func tappableWithText(root fyne.CanvasObject, text string) fyne.Tappable {
	var found fyne.Tappable
	walk(root, func(o fyne.CanvasObject) bool {
		if t, ok := o.(fyne.Tappable); ok {
			hasText := false
			walk(o, func(in fyne.CanvasObject) bool {
				if l, ok := in.(*widget.Label); ok && l.Text == text {
					hasText = true
				}
				if b, ok := in.(*widget.Button); ok && b.Text == text {
					hasText = true
				}
				return !hasText
			})
			if hasText {
				found = t
			}
		}
		return true
	})
	return found
}

// containsSelected says whether a select under root shows choice.
func containsSelected(root fyne.CanvasObject, choice string) bool {
	found := false
	walk(root, func(o fyne.CanvasObject) bool {
		if sel, ok := o.(*widget.Select); ok && sel.Selected == choice {
			found = true
		}
		return !found
	})
	return found
}

func TestListShowsSeededRows(t *testing.T) {
	st := openStore(t)
	seed(t, st, 300)
	h := newHarness(t, st)
	s := h.screen

	if got := s.table.Total(); got != 300 {
		t.Fatalf("table total = %d, want 300", got)
	}
	if !h.shows("300 responses") {
		t.Errorf("status line missing; labels: %q", h.texts())
	}
	// Newest first: row 299 at 2025-03-01 09:00 + 299 min = 13:59 UTC.
	first, ok := s.table.Item(0)
	if !ok || first.Comment != "comment #299" {
		t.Fatalf("first row = %+v, %v", first, ok)
	}
	want := data.FormatDateTime("en", first.RespondedAt.In(st.Location()))
	for _, text := range []string{want, "comment #299", "Client 4", "tag2", "Delivery"} {
		if !h.shows(text) {
			t.Errorf("the table does not show %q", text)
		}
	}
	if h.shows(lang.L("feedback.empty.title")) || h.shows(lang.L("feedback.nomatch.title")) {
		t.Error("an empty state shows over a full table")
	}
}

func TestSearchFiltersAfterDebounce(t *testing.T) {
	st := openStore(t)
	seed(t, st, 300)
	h := newHarness(t, st)
	s := h.screen

	ui(func() { test.Type(s.search, "parcel") })
	if s.table.Total() != 300 {
		t.Fatal("the search applied before the debounce")
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.table.Total() != 43 { // i%7 == 0 for i in 0..299
		if time.Now().After(deadline) {
			t.Fatalf("search did not apply: total = %d", s.table.Total())
		}
		h.settle()
	}
	if !h.shows("43 responses · filtered") {
		t.Errorf("status after search: %q", h.texts())
	}
	for i := range 43 {
		f, ok := s.table.Item(i)
		if !ok || !strings.Contains(f.Comment, "parcel") {
			t.Fatalf("row %d = %+v, %v", i, f, ok)
		}
	}

	// The filters combine with the search.
	ui(func() { s.channel.SetSelectedIndex(1) }) // email: i%6 == 0
	h.settle()
	if got := s.table.Total(); got != 8 { // i%42 == 0
		t.Errorf("parcel + email = %d rows, want 8", got)
	}
	ui(s.ClearFilters)
	h.settle()
	if got := s.table.Total(); got != 300 {
		t.Errorf("after clearing filters: %d rows", got)
	}
}

func TestNoMatchAndEmptyStates(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	if !s.emptyPanel.Visible() || s.table.Visible() {
		t.Fatal("an empty database must show the welcome panel instead of the table")
	}
	for _, text := range []string{"No feedback yet", "Import a file", "Add a response"} {
		if tappableWithText(h.win.Canvas().Content(), text) == nil && !h.shows(text) {
			t.Errorf("empty panel lacks %q", text)
		}
	}

	seed(t, st, 20)
	ui(s.Refresh)
	h.settle()
	if s.emptyPanel.Visible() || !s.table.Visible() {
		t.Fatal("rows arrived but the empty panel stays")
	}
	ui(func() { s.search.SetText("no such words") })
	h.settle()
	if !s.noMatch.Visible() || s.emptyPanel.Visible() {
		t.Fatal("a search without matches must say so (and not claim the database is empty)")
	}
	clear := tappableWithText(s.noMatch, "Clear filters")
	if clear == nil {
		t.Fatal("no Clear filters button")
	}
	ui(func() { test.Tap(clear) })
	h.settle()
	if s.noMatch.Visible() || s.table.Total() != 20 || s.search.Text != "" {
		t.Errorf("Clear filters left total %d, search %q", s.table.Total(), s.search.Text)
	}
}

// The period filter: a preset that misses the seeded day, a custom range
// around it and one after it, and Clear filters back to all time.
func TestPeriodFilter(t *testing.T) {
	st := openStore(t)
	seed(t, st, 20) // 1 March 2025, long before "last 30 days"
	h := newHarness(t, st)
	s := h.screen
	day := func(d int) *time.Time { t := time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC); return &t }
	steps := []struct {
		name string
		set  func()
		want int
	}{
		{"last 30 days", func() { s.period.Select.SetSelected("Last 30 days") }, 0},
		{"custom, no dates yet", func() { s.period.Select.SetSelected("Custom range…") }, 20},
		{"custom, 1 March", func() { s.period.From.SetDate(day(1)); s.period.To.SetDate(day(1)) }, 20},
		{"custom, from 2 March", func() { s.period.From.SetDate(day(2)); s.period.To.SetDate(day(31)) }, 0},
		{"cleared", s.ClearFilters, 20},
	}
	for _, step := range steps {
		ui(step.set)
		h.settle()
		if got := s.table.Total(); got != step.want {
			t.Errorf("%s: %d rows, want %d", step.name, got, step.want)
		}
	}
	if s.period.From.Date != nil {
		t.Error("Clear filters keeps the custom dates")
	}
}

func TestSortByScoreHeader(t *testing.T) {
	st := openStore(t)
	seed(t, st, 150)
	h := newHarness(t, st)
	s := h.screen

	header := tappableWithText(h.win.Canvas().Content(), "Score")
	if header == nil {
		t.Fatal("no Score header")
	}
	ui(func() { test.Tap(header) })
	h.settle()
	if got := s.table.Sort(); got.Key != string(data.SortByScore) || got.Desc {
		t.Fatalf("sort = %+v", got)
	}
	if f, _ := s.table.Item(0); f.Score != 0 {
		t.Errorf("ascending by score starts with %d", f.Score)
	}
	if !h.shows("Score ▲") {
		t.Error("no ascending indicator")
	}
	ui(func() { test.Tap(tappableWithText(h.win.Canvas().Content(), "Score ▲")) })
	h.settle()
	if f, _ := s.table.Item(0); f.Score != 10 {
		t.Errorf("descending by score starts with %d", f.Score)
	}
	if !h.shows("Score ▼") {
		t.Error("no descending indicator")
	}
}

func TestAddFormShowsFieldErrorsAndSavesNothing(t *testing.T) {
	st := openStore(t)
	seed(t, st, 3)
	h := newHarness(t, st)
	s := h.screen

	ui(s.NewResponse)
	fm := s.form
	if fm == nil {
		t.Fatal("no form opened")
	}
	ui(func() {
		fm.setScore(11) // not reachable with the buttons, but the store's rule must show
		fm.date.SetDate(nil)
		fm.clock.SetText("25:99")
		fm.save()
	})
	h.settle()
	checks := map[string]string{
		fieldScore: lang.L("error.score_range"),
		fieldDate:  lang.L("error.date_required"),
		fieldTime:  lang.L("feedback.error.time"),
	}
	for field, want := range checks {
		if l := fm.errs[field]; !l.Visible() || l.Text != want {
			t.Errorf("%s error = %q (visible %v), want %q", field, l.Text, l.Visible(), want)
		}
	}
	if fm.errs[fieldComment].Visible() {
		t.Error("the comment has no error but one shows")
	}
	if s.form != fm {
		t.Error("the form closed despite errors")
	}
	if n := h.storeCount(); n != 3 {
		t.Errorf("store has %d rows after an invalid save", n)
	}
}

func TestAddEditDelete(t *testing.T) {
	st := openStore(t)
	seed(t, st, 10)
	h := newHarness(t, st)
	s := h.screen

	// Add.
	ui(s.NewResponse)
	fm := s.form
	ui(func() {
		day := time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC)
		fm.date.SetDate(&day)
		fm.clock.SetText("14:30")
		test.Tap(fm.scoreBtns[9])
		fm.comment.SetText("Quick delivery, polite courier")
		fm.channel.SetSelectedIndex(2) // phone
		fm.touchpoint.SetText("Delivery")
		fm.client.SetText("Ivanova")
		fm.tags.SetText("courier, speed ,")
		fm.save()
	})
	h.settle()
	if s.form != nil {
		t.Fatalf("the form stayed open; errors: %v", fm.errs)
	}
	if n := h.storeCount(); n != 11 {
		t.Fatalf("store has %d rows after add, want 11", n)
	}
	if s.table.Total() != 11 || h.changed.Load() != 1 {
		t.Errorf("table total %d, changed %d", s.table.Total(), h.changed.Load())
	}
	added, _ := s.table.Item(0) // newest first
	if added.Comment != "Quick delivery, polite courier" || added.Score != 9 || added.Channel != data.ChannelPhone ||
		added.ClientName != "Ivanova" || strings.Join(added.Tags, "|") != "courier|speed" {
		t.Fatalf("added row = %+v", added)
	}
	if got := added.RespondedAt.In(st.Location()).Format("2006-01-02 15:04"); got != "2025-04-02 14:30" {
		t.Errorf("added at %s", got)
	}

	// Edit: select the row, open it with Enter, change the comment.
	ui(func() { s.table.Select(0) })
	if s.editBtn.Disabled() || s.deleteBtn.Disabled() {
		t.Error("edit/delete stay disabled with a row selected")
	}
	ui(func() { s.table.Activate(0) })
	fm = s.form
	if fm == nil || fm.original.ID != added.ID {
		t.Fatal("activating the row did not open it")
	}
	ui(func() {
		fm.comment.SetText("Edited comment")
		fm.setScore(data.NoScore)
		fm.save()
	})
	h.settle()
	got, err := st.Feedback(context.Background(), added.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Comment != "Edited comment" || got.Score != data.NoScore || got.ClientName != "Ivanova" {
		t.Errorf("after edit: %+v", got)
	}
	if !h.shows("Edited comment") {
		t.Error("the table does not show the edited comment")
	}

	// Delete through the confirmation dialog.
	ui(func() { s.table.Select(0) })
	ui(s.onDelete)
	yes := tappableWithText(h.win.Canvas().Overlays().Top(), "Yes")
	if yes == nil {
		t.Fatal("no confirmation dialog")
	}
	ui(func() { test.Tap(yes) })
	h.settle()
	if n := h.storeCount(); n != 10 {
		t.Errorf("store has %d rows after delete, want 10", n)
	}
	if _, err := st.Feedback(context.Background(), added.ID); err == nil {
		t.Error("the deleted row is still stored")
	}
	if s.table.Total() != 10 || h.changed.Load() != 3 {
		t.Errorf("after delete: total %d, changed %d", s.table.Total(), h.changed.Load())
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportWizardImportsCSV(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	path := writeFile(t, "survey.csv", "Date;Score;Comment;Channel\n"+
		"2025-05-01 10:00;10;Great service;email\n"+
		"2025-05-01 11:00;3;Late again;phone\n"+
		"2025-05-02 09:30;8;OK;web\n"+
		"2025-05-02 09:45;eleven;bad score;web\n"+
		"2025-05-03 16:10;9;Friendly staff;chat\n")

	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil {
		t.Fatal("the wizard did not open a preview")
	}
	if !containsSelected(w.Content(), lang.L("importwizard.delim.semicolon")) || !containsSelected(w.Content(), "utf-8") {
		t.Errorf("detected delimiter %q encoding %q", string(w.Preview().Delimiter), w.Preview().Encoding)
	}
	if got := w.MappedColumn("score"); got != "Score" {
		t.Errorf("score mapped to %q", got)
	}
	ui(w.Start)
	h.settle()
	res, err := w.Result()
	if res == nil || err != nil {
		t.Fatalf("result %+v, err %v", res, err)
	}
	if res.Imported != 4 || res.Rejected != 1 {
		t.Errorf("imported %d rejected %d", res.Imported, res.Rejected)
	}
	for _, text := range []string{"4 responses imported", "1 row rejected"} {
		if !containsLabel(w.Content(), text) {
			t.Errorf("result does not say %q", text)
		}
	}
	if n := h.storeCount(); n != 4 {
		t.Errorf("store has %d rows", n)
	}
	if s.table.Total() != 4 || h.changed.Load() != 1 {
		t.Errorf("table total %d, changed %d", s.table.Total(), h.changed.Load())
	}
	if s.emptyPanel.Visible() {
		t.Error("the empty panel stays after an import")
	}
}

func containsLabel(root fyne.CanvasObject, text string) bool {
	found := false
	walk(root, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			found = true
		}
		return !found
	})
	return found
}

func TestImportWizardCancelLeavesStoreUnchanged(t *testing.T) {
	st := openStore(t)
	seed(t, st, 5)
	h := newHarness(t, st)
	s := h.screen
	var b strings.Builder
	b.WriteString("date,score,comment\n")
	for i := range 30000 {
		fmt.Fprintf(&b, "2025-06-%02d,%d,row %d\n", i%28+1, i%11, i)
	}
	path := writeFile(t, "big.csv", b.String())

	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	progressed := atomic.Bool{}
	w.OnProgress = func(p data.ImportProgress) {
		if p.Rows > 0 && p.Rows < 30000 {
			progressed.Store(true)
			w.Cancel()
		}
	}
	ui(w.Start)
	h.settle()
	if !progressed.Load() {
		t.Fatal("no progress was reported mid-import")
	}
	if !w.Cancelled() {
		res, err := w.Result()
		t.Fatalf("import not cancelled: result %+v err %v", res, err)
	}
	if !containsLabel(w.Content(), lang.L("importwizard.cancelled")) {
		t.Error("the wizard does not say nothing was imported")
	}
	if n := h.storeCount(); n != 5 {
		t.Errorf("store has %d rows after a cancelled import, want 5", n)
	}
	if h.changed.Load() != 0 {
		t.Error("Changed called after a cancelled import")
	}
}

// TestImportWizardRealSurvey imports the French garden-centre survey: a
// real file with mixed legacy encodings and no date column.
func TestImportWizardRealSurvey(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "nps_botanic_fr_13954.csv")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("real data file missing (see /work/shared/data/SOURCES.md; CI has it beside the checkout): %v", err)
	}
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil {
		t.Fatal("no preview")
	}
	if !w.Preview().NeedsFileDate || !w.AsksFileDate() {
		t.Fatal("a file without dates must ask for the survey date")
	}
	ui(w.Start) // without the date: refused at the field
	if got := w.Problem(); got != lang.L("feedback.wizard.file_date_required") {
		t.Fatalf("message = %q", got)
	}
	ui(func() {
		d := time.Date(2019, 6, 15, 0, 0, 0, 0, time.UTC)
		walk(w.Content(), func(o fyne.CanvasObject) bool {
			if e, ok := o.(*widgets.DateEntry); ok {
				e.SetDate(&d)
			}
			return true
		})
		w.Start()
	})
	h.settle()
	res, err := w.Result()
	if err != nil || res == nil {
		t.Fatalf("import failed: %v", err)
	}
	if res.Imported+res.Rejected+res.Duplicates != 13954 {
		t.Errorf("accounted for %d+%d+%d rows, want 13954", res.Imported, res.Rejected, res.Duplicates)
	}
	if res.Imported < 13000 {
		t.Errorf("only %d rows imported", res.Imported)
	}
	if got := s.table.Total(); got != res.Imported {
		t.Errorf("table shows %d rows, imported %d", got, res.Imported)
	}
}

// TestRenderScreenshots draws the screen as a user sees it, in English and
// Russian, and checks that the pictures are not blank. Set CAREDESK_SHOTS
// to a directory to keep the PNGs.
func TestRenderScreenshots(t *testing.T) {
	dir := os.Getenv("CAREDESK_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	full := openStore(t)
	seed(t, full, 300)
	csv := writeFile(t, "survey.csv", "Дата;Оценка;Комментарий\n01.05.2025;10;Отлично\n02.05.2025;x;плохо\n03.05.2025;7;Нормально\n")
	for _, code := range []string{"en", "ru"} {
		t.Setenv("LANGUAGE", code)
		widgets.SetLang(code)
		shot := func(h *harness, name string) {
			img := h.win.Canvas().Capture()
			b := img.Bounds()
			colours := map[uint32]bool{}
			for y := b.Min.Y; y < b.Max.Y; y += 7 {
				for x := b.Min.X; x < b.Max.X; x += 7 {
					r, g, bl, _ := img.At(x, y).RGBA()
					colours[r>>8<<16|g>>8<<8|bl>>8] = true
				}
			}
			if len(colours) < 5 {
				t.Errorf("%s: the picture is blank", name)
			}
			f, err := os.Create(filepath.Join(dir, name+"_"+code+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
		}
		h := newHarness(t, full)
		shot(h, "list")
		ui(h.screen.NewResponse)
		shot(h, "form")
		ui(h.screen.form.close)
		if code == "ru" && !h.shows("300 ответов") {
			t.Errorf("Russian status line missing: %q", h.texts())
		}

		h = newHarness(t, openStore(t))
		shot(h, "empty")
		ui(func() { h.screen.ImportFile(csv) })
		h.settle()
		shot(h, "wizard")
		ui(h.screen.wizard.Start)
		h.settle()
		shot(h, "result")
	}
	widgets.SetLang("en")
}

func TestImportHistoryTakesAnImportBack(t *testing.T) {
	st := openStore(t)
	seed(t, st, 3) // typed responses: not part of any import
	h := newHarness(t, st)
	s := h.screen
	path := writeFile(t, "wrong-date.csv", "Score;Comment\n10;Great\n2;Bad\n")
	if _, err := importer.ImportFeedback(context.Background(), st, path,
		importer.Options{FileDate: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), RejectsPath: "-"}, nil); err != nil {
		t.Fatal(err)
	}
	ui(s.Refresh)
	h.settle()
	ui(s.ShowImports)
	var hist *importHistory
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		ok := false
		ui(func() { hist = s.history; ok = hist != nil && len(hist.batches) == 1 })
		if ok {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if hist == nil || len(hist.batches) != 1 || hist.batches[0].FileName != "wrong-date.csv" {
		t.Fatalf("history: %+v", hist)
	}
	ui(func() {
		if hist.undo.Disabled() == false {
			t.Error("take back must wait for a selection")
		}
		hist.table.Select(widget.TableCellID{Row: 0, Col: 1})
		hist.undoBatch(hist.batches[0].ID)
	})
	deadline = time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && h.storeCount() != 3 {
		time.Sleep(10 * time.Millisecond)
	}
	if n := h.storeCount(); n != 3 {
		t.Fatalf("after taking the import back the store has %d rows, want the 3 typed ones", n)
	}
	widgets.WaitIdle() // the undo goroutine refreshes the screen before it ends
	h.settle()
	if h.changed.Load() == 0 {
		t.Error("other screens were not told that data changed")
	}
}

// Escape on the response form closes it at once when nothing changed;
// after typing it asks, "keep editing" keeps the text, and "discard"
// closes the form without storing anything.
func TestFormAsksBeforeDiscardingTyping(t *testing.T) {
	st := openStore(t)
	seed(t, st, 3)
	h := newHarness(t, st)
	s := h.screen
	c := h.win.Canvas()
	escape := func() { ui(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) }
	overlays := func() (n int) { ui(func() { n = len(c.Overlays().List()) }); return }

	ui(s.NewResponse)
	escape()
	if s.form != nil || overlays() != 0 {
		t.Fatalf("Escape on an untouched new form: form %v, overlays %d", s.form != nil, overlays())
	}
	stored, _ := s.table.Item(0)
	ui(func() { s.openForm(stored) })
	escape()
	if s.form != nil || overlays() != 0 {
		t.Fatal("Escape on an unchanged stored response asked or stayed open")
	}

	ui(s.NewResponse)
	fm := s.form
	ui(func() {
		c.Focus(fm.comment)
		test.Type(fm.comment, "Courier was late")
		fm.comment.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if s.form != fm || overlays() != 2 {
		t.Fatalf("Escape after typing: form open %v, overlays %d; want the question over the form", s.form == fm, overlays())
	}
	escape() // on the question: keep editing
	if s.form != fm || overlays() != 1 || fm.comment.Text != "Courier was late" {
		t.Fatalf("Escape on the question: form open %v, overlays %d, comment %q", s.form == fm, overlays(), fm.comment.Text)
	}
	ui(func() { test.Tap(tappableWithText(c.Overlays().Top(), lang.L("feedback.form.cancel"))) })
	var keep fyne.Tappable
	ui(func() { keep = tappableWithText(c.Overlays().Top(), lang.L("unsaved.keep")) })
	if keep == nil {
		t.Fatal("Cancel after typing did not ask")
	}
	ui(func() { test.Tap(keep) })
	if s.form != fm || fm.comment.Text != "Courier was late" {
		t.Fatal("keep editing lost the form or its text")
	}
	escape()
	ui(func() { test.Tap(tappableWithText(c.Overlays().Top(), lang.L("unsaved.discard"))) })
	h.settle()
	if s.form != nil || overlays() != 0 || c.OnTypedKey() != nil {
		t.Fatalf("discard: form %v, overlays %d, key handler left %v", s.form != nil, overlays(), c.OnTypedKey() != nil)
	}
	if n := h.storeCount(); n != 3 {
		t.Errorf("the store has %d responses after discarding, want 3", n)
	}
}

// The response form opens with the keyboard in the comment; Ctrl+S typed
// there saves it, once however often it is pressed while the save runs,
// and closes the form.
func TestCtrlSSavesTheResponseForm(t *testing.T) {
	st := openStore(t)
	seed(t, st, 3)
	h := newHarness(t, st)
	s := h.screen
	ui(s.NewResponse)
	fm := s.form
	var focused fyne.Focusable
	ui(func() { focused = h.win.Canvas().Focused() })
	if focused != fm.comment {
		t.Errorf("the new form gives the keyboard to %T, want the comment", focused)
	}
	ui(func() {
		fm.setScore(9)
		test.Type(fm.comment, "Quick and polite")
		fm.comment.TypedShortcut(widgets.SaveShortcut)
		fm.comment.TypedShortcut(widgets.SaveShortcut) // pressed again while the first save runs
	})
	h.settle()
	if s.form != nil {
		t.Fatal("Ctrl+S left the form open")
	}
	if n := h.storeCount(); n != 4 {
		t.Errorf("the store has %d responses after Ctrl+S, want 4", n)
	}
}
