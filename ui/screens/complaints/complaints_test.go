package complaints

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

type harness struct {
	t       *testing.T
	store   data.Store
	screen  *Screen
	win     fyne.Window
	errs    []error
	me      atomic.Int64
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

// world is what seed created.
type world struct {
	employees []data.Employee // Anna, Boris, Clara (left)
	parent    data.Category   // Delivery
	child     data.Category   // Delivery / Late
	other     data.Category   // Billing
	key       data.Client     // tier "key"
}

// seed stores three employees, categories, a key client and n complaints
// opened an hour apart (newest last) in the past, a week back from now.
// Complaint i: subject "subject #i" (every fifth mentions a parcel),
// priority Priorities[i%4], channel Channels[i%6], category Delivery/Late
// for even i else Billing, client "Client i%5" (Client 0 is the key
// client), assigned to Anna when i%3 == 0, escalated when i%7 == 0,
// resolved when i%4 == 3.
func seed(t *testing.T, st data.Store, n int) world {
	t.Helper()
	ctx := context.Background()
	var w world
	for _, e := range []data.Employee{{Name: "Anna Ivanova", Position: "Agent", Active: true}, {Name: "Boris Petrov", Position: "Senior", Active: true}, {Name: "Clara Left", Active: false}} {
		if err := st.SaveEmployee(ctx, &e); err != nil {
			t.Fatalf("employee: %v", err)
		}
		w.employees = append(w.employees, e)
	}
	w.parent = data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	w.other = data.Category{NameEN: "Billing", NameRU: "Оплата"}
	for _, c := range []*data.Category{&w.parent, &w.other} {
		if err := st.SaveCategory(ctx, c); err != nil {
			t.Fatalf("category: %v", err)
		}
	}
	w.child = data.Category{ParentID: w.parent.ID, NameEN: "Late", NameRU: "Опоздание"}
	if err := st.SaveCategory(ctx, &w.child); err != nil {
		t.Fatalf("category: %v", err)
	}
	w.key = data.Client{Name: "Client 0", Tier: data.KeyTier}
	if err := st.CreateClient(ctx, &w.key); err != nil {
		t.Fatalf("client: %v", err)
	}
	base := time.Now().Add(-7 * 24 * time.Hour).Truncate(time.Hour)
	for i := range n {
		subject := fmt.Sprintf("subject #%d", i)
		if i%5 == 0 {
			subject += " about the parcel"
		}
		opened := base.Add(time.Duration(i) * time.Minute)
		c := data.Complaint{
			Source: "test", ExternalID: fmt.Sprint(i), OpenedAt: opened, Subject: subject,
			Type: data.TypeComplaint, Priority: data.Priorities[i%4], Channel: data.Channels[i%len(data.Channels)],
			ClientName: fmt.Sprintf("Client %d", i%5), CategoryID: w.other.ID,
		}
		if i%2 == 0 {
			c.CategoryID, c.SubcategoryID = w.parent.ID, w.child.ID
		}
		if i%3 == 0 {
			c.Events = append(c.Events, data.ComplaintEvent{At: opened, Kind: data.EventAssign, AssigneeID: w.employees[0].ID})
		}
		if i%7 == 0 {
			c.Events = append(c.Events, data.ComplaintEvent{At: opened.Add(time.Minute), Kind: data.EventEscalation, Level: data.LevelSenior})
		}
		if i%4 == 3 {
			c.Events = append(c.Events,
				data.ComplaintEvent{At: opened.Add(2 * time.Minute), Kind: data.EventStatus, Status: data.StatusInProgress},
				data.ComplaintEvent{At: opened.Add(3 * time.Minute), Kind: data.EventStatus, Status: data.StatusResolved})
		}
		if err := st.CreateComplaint(ctx, &c); err != nil {
			t.Fatalf("complaint %d: %v", i, err)
		}
	}
	return w
}

func loadTranslations(t *testing.T) {
	t.Helper()
	widgets.Do(func() {
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			t.Fatalf("translations: %v", err)
		}
	})
}

func newHarness(t *testing.T, st data.Store) *harness {
	t.Helper()
	test.NewTempApp(t)
	t.Cleanup(widgets.WaitIdle)
	loadTranslations(t)
	h := &harness{t: t, store: st}
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	widgets.Do(func() {
		h.screen = New(Deps{Store: st, Window: h.win,
			ShowError: func(err error) { h.errs = append(h.errs, err) },
			Changed:   func() { h.changed.Add(1) },
			Me:        h.me.Load,
			SetMe:     h.me.Store,
		})
		h.win.SetContent(h.screen.Content())
		h.win.Resize(fyne.NewSize(1100, 700))
	})
	t.Cleanup(func() {
		widgets.Do(func() {
			if h.screen.card != nil {
				h.screen.card.close()
			}
		})
	})
	h.settle()
	return h
}

// settle waits for every background load and fails on reported errors.
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

func (h *harness) storeCount(f data.ComplaintFilter) int {
	h.t.Helper()
	f.Now = time.Now()
	n, err := h.store.CountComplaints(context.Background(), f)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// walk visits the visible objects under o.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
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

// labels collects the texts of the visible labels under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// buttons collects the visible buttons under o by text.
func buttons(o fyne.CanvasObject) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = b
		}
	})
	return out
}

func TestRegisterListsPagesAndCells(t *testing.T) {
	st := openStore(t)
	seed(t, st, 250)
	h := newHarness(t, st)
	s := h.screen

	if got := s.table.Total(); got != 250 {
		t.Fatalf("table total = %d, want 250", got)
	}
	if !slices.ContainsFunc(labels(h.win.Content()), func(l string) bool { return strings.HasPrefix(l, "250 items") }) {
		t.Errorf("no status line with the count; labels: %q", labels(h.win.Content()))
	}
	// Newest first; complaint 249 is Billing, high priority, Client 4.
	first, ok := s.table.Item(0)
	if !ok || first.Subject != "subject #249" {
		t.Fatalf("first row = %+v, %v", first, ok)
	}
	cells := map[int]string{}
	for col := range s.columns() {
		cells[col], _ = s.cell(first, col)
	}
	want := map[int]string{1: "subject #249", 2: "Client 4", 3: "Billing", 4: "High", 5: "New", 6: "Anna Ivanova"}
	for col, text := range want {
		if cells[col] != text {
			t.Errorf("column %d = %q, want %q", col, cells[col], text)
		}
	}
	// A subcategory is shown under its category.
	row1, _ := s.table.Item(1)
	if got, _ := s.cell(row1, 3); got != "Delivery / Late" {
		t.Errorf("category cell = %q", got)
	}
	// Scrolling far loads the page there, not everything before it.
	ui(func() { s.table.Select(230) })
	h.settle()
	if c, ok := s.table.Item(230); !ok || c.Subject != "subject #19" {
		t.Errorf("row 230 = %+v, %v", c, ok)
	}
}

func TestFiltersAndSearchMatchTheStore(t *testing.T) {
	st := openStore(t)
	w := seed(t, st, 120)
	h := newHarness(t, st)
	s := h.screen

	cases := []struct {
		name   string
		set    func()
		filter data.ComplaintFilter
	}{
		{"open only", func() { s.status.SetSelectedIndex(1) }, data.ComplaintFilter{OpenOnly: true}},
		{"resolved", func() { s.status.SetSelectedIndex(2 + 3) }, data.ComplaintFilter{Statuses: []data.Status{data.StatusResolved}}},
		{"critical", func() { s.priority.SetSelectedIndex(1) }, data.ComplaintFilter{Priority: data.PriorityCritical}},
		{"chat", func() { s.channel.SetSelectedIndex(1 + slices.Index(data.Channels, data.ChannelChat)) }, data.ComplaintFilter{Channel: data.ChannelChat}},
		{"billing", func() { s.category.SetSelected("Billing") }, data.ComplaintFilter{CategoryID: w.other.ID}},
		{"Anna", func() { s.assignee.SetSelected("Anna Ivanova") }, data.ComplaintFilter{AssigneeID: w.employees[0].ID}},
		{"unassigned", func() { s.assignee.SetSelectedIndex(1) }, data.ComplaintFilter{AssigneeID: -1}},
		{"search", func() { s.search.SetText("parcel"); s.applyFilters() }, data.ComplaintFilter{Search: "parcel"}},
		{"praise", func() { s.kind.SetSelectedIndex(4) }, data.ComplaintFilter{Types: []data.ComplaintType{data.TypePraise}}},
	}
	for _, c := range cases {
		ui(s.ClearFilters)
		h.settle()
		ui(c.set)
		h.settle()
		want := h.storeCount(c.filter)
		if got := s.table.Total(); got != want {
			t.Errorf("%s: table shows %d, store counts %d", c.name, got, want)
		}
		if c.name == "search" && want != 24 {
			t.Errorf("search: %d complaints mention the parcel, want 24", want)
		}
		if c.name == "praise" && !s.noMatch.Visible() {
			t.Error("no praise seeded: the no-match panel should show")
		}
	}
	ui(s.ClearFilters)
	h.settle()
	if got := s.table.Total(); got != 120 {
		t.Errorf("after clearing: %d rows", got)
	}
}

func TestSavedViews(t *testing.T) {
	st := openStore(t)
	w := seed(t, st, 60)
	h := newHarness(t, st)
	s := h.screen

	for _, v := range []data.ComplaintView{data.ViewEscalated, data.ViewKeyClients, data.ViewOverdue, data.ViewBreached} {
		ui(func() { s.SetView(v) })
		h.settle()
		want := h.storeCount(data.ComplaintFilter{View: v})
		if got := s.table.Total(); got != want {
			t.Errorf("view %s: table %d, store %d", v, got, want)
		}
		if v == data.ViewEscalated && want != 9 {
			t.Errorf("escalated: %d, want 9 (every seventh of 60)", want)
		}
		if v == data.ViewKeyClients && want != 12 {
			t.Errorf("key clients: %d, want 12 (every fifth of 60)", want)
		}
	}
	// "Mine" asks who the user is first.
	ui(func() { s.SetView(data.ViewMine) })
	h.settle()
	if s.view == data.ViewMine {
		t.Fatal("the mine view opened without knowing who the user is")
	}
	var pick *widget.Select
	ui(func() {
		walk(h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if sel, ok := o.(*widget.Select); ok {
				pick = sel
			}
		})
	})
	if pick == nil {
		t.Fatal("no employee choice in the who-are-you dialog")
	}
	if slices.Contains(pick.Options, "Clara Left") {
		t.Error("an employee who left is offered")
	}
	ui(func() {
		pick.SetSelected("Anna Ivanova")
		test.Tap(buttons(h.win.Canvas().Overlays().Top())["That is me"])
	})
	h.settle()
	if h.me.Load() != w.employees[0].ID || s.view != data.ViewMine {
		t.Fatalf("me = %d, view = %q", h.me.Load(), s.view)
	}
	if got := s.table.Total(); got != 20 {
		t.Errorf("mine: %d rows, want 20 (every third of 60)", got)
	}
	if !slices.Contains(labels(h.win.Content()), "You are Anna Ivanova") {
		t.Error("the screen does not say whose complaints are shown")
	}
}

func TestBulkAssign(t *testing.T) {
	st := openStore(t)
	w := seed(t, st, 30)
	h := newHarness(t, st)
	s := h.screen

	ui(func() {
		s.table.Select(0)
		s.table.Mark(2, false)
		s.table.Mark(4, true) // rows 2..4
	})
	var ids []int64
	for _, c := range s.table.Marked() {
		ids = append(ids, c.ID)
	}
	if len(ids) != 4 {
		t.Fatalf("marked %d rows, want 4 (0, 2, 3, 4)", len(ids))
	}
	ui(s.onAssign)
	if s.assign == nil {
		t.Fatal("no assign dialog")
	}
	if !slices.Contains(labels(h.win.Canvas().Overlays().Top()), "Assign 4 complaints to") {
		t.Errorf("dialog text: %q", labels(h.win.Canvas().Overlays().Top()))
	}
	ui(func() {
		s.assign.choice.SetSelected("Boris Petrov")
		test.Tap(buttons(h.win.Canvas().Overlays().Top())["Assign"])
	})
	h.settle()
	for _, id := range ids {
		c, err := st.Complaint(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if c.AssigneeID != w.employees[1].ID {
			t.Errorf("complaint %d assigned to %d, want Boris", id, c.AssigneeID)
		}
	}
	if h.changed.Load() == 0 {
		t.Error("other screens were not told")
	}
	if got := h.storeCount(data.ComplaintFilter{AssigneeID: w.employees[1].ID}); got != 4 {
		t.Errorf("Boris has %d complaints, want 4", got)
	}
}

// openCard opens the card of complaint id.
func (h *harness) openCard(id int64) *card {
	h.t.Helper()
	ui(func() { h.screen.OpenComplaint(id) })
	h.settle()
	if h.screen.card == nil {
		h.t.Fatal("no card opened")
	}
	return h.screen.card
}

func moveButtons(cd *card) []string {
	var out []string
	for _, o := range cd.moves.Objects {
		out = append(out, o.(*widget.Button).Text)
	}
	return out
}

func TestCardStatusButtonsFollowTheWorkflow(t *testing.T) {
	st := openStore(t)
	seed(t, st, 2) // the newest, complaint 1, is new and never escalated
	h := newHarness(t, st)
	first, _ := h.screen.table.Item(0)
	cd := h.openCard(first.ID)

	steps := []struct {
		tap    string
		status data.Status
		next   []string
	}{
		{"", data.StatusNew, []string{"Start work", "Wait for client", "Resolve", "Withdrawn"}},
		{"Start work", data.StatusInProgress, []string{"Wait for client", "Resolve", "Withdrawn"}},
		{"Wait for client", data.StatusWaiting, []string{"Client answered", "Resolve", "Withdrawn"}},
		{"Client answered", data.StatusInProgress, []string{"Wait for client", "Resolve", "Withdrawn"}},
		{"Resolve", data.StatusResolved, []string{"Close", "Reopen"}},
		{"Reopen", data.StatusInProgress, []string{"Wait for client", "Resolve", "Withdrawn"}},
		{"Resolve", data.StatusResolved, []string{"Close", "Reopen"}},
		{"Close", data.StatusClosed, []string{"Reopen"}},
	}
	for _, step := range steps {
		if step.tap != "" {
			var b *widget.Button
			for _, o := range cd.moves.Objects {
				if o.(*widget.Button).Text == step.tap {
					b = o.(*widget.Button)
				}
			}
			if b == nil {
				t.Fatalf("no %q button among %q", step.tap, moveButtons(cd))
			}
			ui(func() { test.Tap(b) })
			h.settle()
		}
		stored, err := st.Complaint(context.Background(), first.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stored.Status != step.status {
			t.Fatalf("after %q: stored status %q, want %q", step.tap, stored.Status, step.status)
		}
		if got := moveButtons(cd); !slices.Equal(got, step.next) {
			t.Errorf("in %s the card offers %q, want %q", step.status, got, step.next)
		}
	}
	stored, _ := st.Complaint(context.Background(), first.ID)
	if len(stored.Facts.Reopens) != 1 {
		t.Errorf("reopens = %d, want 1", len(stored.Facts.Reopens))
	}
	// The history shows every event, newest first.
	if len(cd.events) != len(stored.Events) || cd.events[0].Status != data.StatusClosed {
		t.Errorf("timeline has %d events (newest %+v), store %d", len(cd.events), cd.events[0], len(stored.Events))
	}
	if got := cd.eventText(cd.events[0]); got != "Status: Closed" {
		t.Errorf("newest event reads %q", got)
	}

	// A mistaken "Close" is taken back from the history: the complaint is
	// resolved again and may be closed or reopened.
	ui(func() { cd.removeEvent(cd.events[0].ID) })
	h.settle()
	stored, _ = st.Complaint(context.Background(), first.ID)
	if stored.Status != data.StatusResolved || len(stored.Events) != len(cd.events) {
		t.Errorf("after removing the close: stored %q with %d events, timeline %d", stored.Status, len(stored.Events), len(cd.events))
	}
	if got := moveButtons(cd); !slices.Equal(got, []string{"Close", "Reopen"}) {
		t.Errorf("after removing the close the card offers %q", got)
	}
}

// cardOnNewest opens the card of the newest of two seeded complaints:
// new and never escalated.
func cardOnNewest(t *testing.T) (data.Store, *harness, data.Complaint, *card) {
	t.Helper()
	st := openStore(t)
	seed(t, st, 2)
	h := newHarness(t, st)
	first, _ := h.screen.table.Item(0)
	return st, h, first, h.openCard(first.ID)
}

// Escape closes the card as its Close button does, and gives the window
// its own key handler back.
func TestCardClosesOnEscape(t *testing.T) {
	_, h, _, cd := cardOnNewest(t)
	canvas := h.win.Canvas()
	var top fyne.CanvasObject
	ui(func() { top = canvas.Overlays().Top() })
	if top == nil || h.screen.card != cd {
		t.Fatal("the card is not open")
	}
	ui(func() { canvas.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	ui(func() { top = canvas.Overlays().Top() })
	if top != nil || h.screen.card != nil {
		t.Fatalf("after Escape: overlay %v, card %v", top, h.screen.card)
	}
	if canvas.OnTypedKey() != nil {
		t.Error("the card's Escape handler outlived it")
	}
}

// A complaint the client withdraws is closed from the card without a
// resolution, and its history says so.
func TestCardWithdrawsComplaint(t *testing.T) {
	st, h, first, cd := cardOnNewest(t)
	var withdraw *widget.Button
	for _, o := range cd.moves.Objects {
		if b := o.(*widget.Button); b.Text == "Withdrawn" {
			withdraw = b
		}
	}
	if withdraw == nil {
		t.Fatalf("no Withdrawn button among %q", moveButtons(cd))
	}
	ui(func() { test.Tap(withdraw) })
	h.settle()
	stored, err := st.Complaint(context.Background(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Status != data.StatusClosed || !stored.Facts.ResolvedAt.IsZero() || len(stored.Facts.Resolutions) != 0 {
		t.Errorf("withdrawn: status %q resolved %v resolutions %v", stored.Status, stored.Facts.ResolvedAt, stored.Facts.Resolutions)
	}
	if got := cd.eventText(cd.events[0]); got != "Closed without a resolution: withdrawn, cancelled or passed on" {
		t.Errorf("newest event reads %q", got)
	}
	if got := moveButtons(cd); !slices.Equal(got, []string{"Reopen"}) {
		t.Errorf("a withdrawn complaint offers %q", got)
	}
	if !strings.HasPrefix(cd.header.Text, "Closed, no resolution") {
		t.Errorf("card header %q", cd.header.Text)
	}
}

func TestCardEscalatesLevelByLevel(t *testing.T) {
	st, h, first, cd := cardOnNewest(t)

	if cd.escalateBtn.Text != "Escalate to Senior specialist" {
		t.Fatalf("escalate button = %q", cd.escalateBtn.Text)
	}
	ui(func() { test.Tap(cd.escalateBtn) })
	h.settle()
	if cd.escalateBtn.Text != "Escalate to Manager" {
		t.Errorf("after one escalation the button says %q", cd.escalateBtn.Text)
	}
	ui(func() { test.Tap(cd.escalateBtn) })
	h.settle()
	stored, _ := st.Complaint(context.Background(), first.ID)
	if stored.Level != data.LevelManager || stored.Facts.Escalations != 2 {
		t.Errorf("level %q, escalations %d", stored.Level, stored.Facts.Escalations)
	}
	if !cd.escalateBtn.Disabled() {
		t.Error("escalation past the manager is offered")
	}
	if !strings.Contains(cd.header.Text, "Manager") {
		t.Errorf("header = %q", cd.header.Text)
	}
	if got := cd.eventText(cd.events[0]); got != "Escalated: Manager" {
		t.Errorf("newest event reads %q", got)
	}
}

// An agent an import counted without a name or a date (ServiceNow's
// reassignment count) reads as such in the history, not as "Unassigned".
func TestCardCountedAgentEvent(t *testing.T) {
	_, _, _, cd := cardOnNewest(t)
	e := data.ComplaintEvent{Kind: data.EventAssign, Undated: true}
	if got := cd.eventText(e); got != "Another agent held it (counted by the imported file, not named or dated)" {
		t.Errorf("counted agent reads %q", got)
	}
	if got := cd.eventText(data.ComplaintEvent{Kind: data.EventAssign}); got != "Assigned: Unassigned" && !strings.HasPrefix(got, "Assigned: ") {
		t.Errorf("unassignment reads %q", got)
	}
}

// An event a source reported without its time shows the day it happened
// after, not the exact time it was stored under.
func TestCardUndatedEventTime(t *testing.T) {
	st, _, _, cd := cardOnNewest(t)
	at := time.Date(2024, 3, 5, 14, 30, 0, 0, st.Location())
	if got := cd.eventTime(data.ComplaintEvent{Kind: data.EventStatus, Status: data.StatusResolved, At: at, Undated: true}); got != "after Mar 5, 2024" {
		t.Errorf("an undated resolution reads %q", got)
	}
	if got := cd.eventTime(data.ComplaintEvent{Kind: data.EventStatus, Status: data.StatusResolved, At: at}); got != data.FormatDateTime("en", at) {
		t.Errorf("a dated resolution reads %q", got)
	}
}

// saveStandard stores a 24/7 standard with a 4-hour target for normal
// priority and 1 hour for critical.
func saveStandard(t *testing.T, st data.Store, code string, m data.SLAMeasure) {
	t.Helper()
	s := data.Standard{Code: code, Title: code, Measure: m, Versions: []data.StandardVersion{{
		EffectiveFrom: data.DateDay(2000, 1, 1),
		Targets:       map[data.Priority]time.Duration{data.PriorityNormal: 4 * time.Hour, data.PriorityCritical: time.Hour},
		Calendar:      data.AllDayCalendar(),
	}}}
	if err := st.SaveStandard(context.Background(), &s); err != nil {
		t.Fatal(err)
	}
}

func TestCardSLAClock(t *testing.T) {
	st := openStore(t)
	saveStandard(t, st, "FRT-1", data.MeasureFirstResponse)
	saveStandard(t, st, "RES-1", data.MeasureResolution)
	ctx := context.Background()
	now := time.Now()
	late := data.Complaint{OpenedAt: now.Add(-5*time.Hour - 30*time.Second), Type: data.TypeComplaint, Priority: data.PriorityNormal, Subject: "late"}
	fresh := data.Complaint{OpenedAt: now.Add(-40*time.Minute - 30*time.Second), Type: data.TypeComplaint, Priority: data.PriorityNormal, Subject: "fresh"}
	for _, c := range []*data.Complaint{&late, &fresh} {
		if err := st.CreateComplaint(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, st)

	cd := h.openCard(fresh.ID)
	lines := slaTexts(cd)
	want := []string{
		"FRT-1 · First response time · target 4 hours — 3 hours 19 minutes left",
		"RES-1 · Resolution time · target 4 hours — 3 hours 19 minutes left",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("fresh complaint's clock:\n got %q\nwant %q", lines, want)
	}
	// Waiting for the client stops the clock; the first response is in.
	ui(func() { cd.move(data.StatusWaiting) })
	h.settle()
	lines = slaTexts(cd)
	if !strings.HasPrefix(lines[0], "FRT-1 · First response time · target 4 hours — met, took ") ||
		!strings.HasPrefix(lines[1], "RES-1 · Resolution time · target 4 hours — paused while waiting for the client, 3 hours 19 minutes left") {
		t.Errorf("after waiting: %q", lines)
	}
	if cd.slaLines[0].Importance != widget.SuccessImportance {
		t.Error("a met standard is not shown as a success")
	}

	cd = h.openCard(late.ID)
	lines = slaTexts(cd)
	if lines[0] != "FRT-1 · First response time · target 4 hours — overdue by 1 hour" {
		t.Errorf("late complaint's clock: %q", lines)
	}
	if cd.slaLines[0].Importance != widget.DangerImportance {
		t.Error("an overdue standard is not shown in red")
	}
	// The register says the same in short.
	text, imp := slaCell(&late, mustStandards(t, st), st.Location(), time.Now())
	if text != "overdue 1 h 00 min" || imp != widget.DangerImportance {
		t.Errorf("register cell = %q (%v)", text, imp)
	}
}

func mustStandards(t *testing.T, st data.Store) []data.Standard {
	t.Helper()
	stds, err := st.Standards(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return stds
}

func slaTexts(cd *card) []string {
	var out []string
	for _, l := range cd.slaLines {
		out = append(out, l.Text)
	}
	return out
}

func TestCardFormCreatesAndEdits(t *testing.T) {
	st := openStore(t)
	w := seed(t, st, 3)
	h := newHarness(t, st)
	s := h.screen

	ui(s.NewComplaint)
	cd := s.card
	if cd == nil || cd.moves != nil {
		t.Fatal("a new complaint's card must be the form alone")
	}
	ui(func() {
		cd.subject.SetText("Courier was rude")
		cd.description.SetText("The courier shouted at the client.")
		cd.client.SetText("New Client Ltd")
		cd.priority.SetSelected("High")
		cd.category.SetSelected("Delivery")
		cd.subcategory.SetSelected("Late")
		cd.assignee.SetSelected("Boris Petrov")
		cd.compensation.SetText("1,500.50")
		cd.clock.SetText("25:99")
		test.Tap(cd.saveBtn)
	})
	if cd.errs[fieldTime].Hidden {
		t.Fatal("a bad time was accepted")
	}
	ui(func() {
		// Yesterday: an opening later today would postdate the edit's
		// assignment event when the test runs before 09:15.
		yesterday := time.Now().In(st.Location()).AddDate(0, 0, -1)
		cd.date.SetDate(&yesterday)
		cd.clock.SetText("09:15")
		test.Tap(cd.saveBtn)
	})
	h.settle()
	if s.card != nil {
		t.Fatal("the form stayed open after saving")
	}
	list, err := st.ListComplaints(context.Background(), data.ComplaintFilter{Search: "rude"}, data.Page{Limit: 5})
	if err != nil || len(list) != 1 {
		t.Fatalf("stored: %v, %v", list, err)
	}
	got := list[0]
	if got.ClientName != "New Client Ltd" || got.Priority != data.PriorityHigh || got.CategoryID != w.parent.ID ||
		got.SubcategoryID != w.child.ID || got.AssigneeID != w.employees[1].ID || got.Compensation != 150050 {
		t.Errorf("stored complaint = %+v", got)
	}
	if loc := st.Location(); got.OpenedAt.In(loc).Format("15:04") != "09:15" {
		t.Errorf("opened at %v", got.OpenedAt.In(loc))
	}
	if h.changed.Load() == 0 {
		t.Error("other screens were not told")
	}

	// Editing: the compensation reads back in the same format; a new
	// assignee is an assignment event.
	cd = h.openCard(got.ID)
	if cd.compensation.Text != "1,500.50" {
		t.Errorf("compensation shows %q", cd.compensation.Text)
	}
	ui(func() {
		cd.assignee.SetSelected("Anna Ivanova")
		cd.verdict.SetSelected("Satisfied")
		cd.resolution.SetText("Apologised, refunded delivery.")
		test.Tap(cd.saveBtn)
	})
	h.settle()
	stored, err := st.Complaint(context.Background(), got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.AssigneeID != w.employees[0].ID || stored.Verdict != data.VerdictSatisfied || stored.Resolution == "" {
		t.Errorf("after edit: %+v", stored)
	}
	if cd.eventText(cd.events[0]) != "Assigned: Anna Ivanova" {
		t.Errorf("newest event: %q", cd.eventText(cd.events[0]))
	}
}

func TestDurationsInBothLanguages(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(widgets.WaitIdle)
	setLang := func(code string) {
		t.Helper()
		os.Setenv("LANGUAGE", code)
		loadTranslations(t)
		widgets.SetLang(code)
	}
	t.Cleanup(func() { setLang("en") })
	cases := []struct {
		d      time.Duration
		en, ru string
	}{
		{time.Minute, "1 minute", "1 минута"},
		{time.Hour, "1 hour", "1 час"},
		{2*time.Hour + 5*time.Minute, "2 hours 5 minutes", "2 часа 5 минут"},
		{5*time.Hour + 21*time.Minute, "5 hours 21 minutes", "5 часов 21 минута"},
		{22*time.Hour + 3*time.Minute + 50*time.Second, "22 hours 3 minutes", "22 часа 3 минуты"},
		{-11 * time.Hour, "11 hours", "11 часов"},
	}
	for _, code := range []string{"en", "ru"} {
		setLang(code)
		for _, c := range cases {
			want := c.en
			if code == "ru" {
				want = c.ru
			}
			if got := widgets.DurationText(c.d); got != want {
				t.Errorf("%s: DurationText(%v) = %q, want %q", code, c.d, got, want)
			}
		}
	}
	setLang("ru")
	if got := widgets.DurationShort(3*time.Hour + 5*time.Minute); got != "3 ч 05 мин" {
		t.Errorf("short Russian duration = %q", got)
	}
	if got := lang.L("complaints.sla.overdue", map[string]any{"Duration": widgets.DurationText(time.Hour + 5*time.Minute)}); got != "просрочка 1 час 5 минут" {
		t.Errorf("Russian overdue = %q", got)
	}
}

func TestListsDialogEditsCategoriesAndEmployees(t *testing.T) {
	st := openStore(t)
	seed(t, st, 2)
	h := newHarness(t, st)
	s := h.screen

	ui(s.ShowLists)
	l := s.lists
	if l == nil || len(l.cats) != 3 {
		t.Fatalf("lists dialog with %v categories", l)
	}
	if got := categoryLabel(l.cats[2]); got != "  · Late" || l.cats[1].NameEN != "Delivery" {
		t.Errorf("the child is not under its parent: %q", got)
	}
	ui(func() {
		l.catEN.SetText("Returns")
		l.catRU.SetText("Возвраты")
		l.catParent.SetSelected("Delivery")
		l.saveCategory()
	})
	h.settle()
	cats, _ := st.Categories(context.Background())
	var saved data.Category
	for _, c := range cats {
		if c.NameEN == "Returns" {
			saved = c
		}
	}
	if saved.NameRU != "Возвраты" || saved.ParentID == 0 {
		t.Fatalf("saved category = %+v", saved)
	}
	// The new child is offered in the register's category filter.
	if !slices.Contains(s.category.Options, "  · Returns") {
		t.Errorf("category filter options: %q", s.category.Options)
	}
	ui(func() {
		l.empName.SetText("Dmitry New")
		l.empPos.SetText("Agent")
		l.saveEmployee()
	})
	h.settle()
	emps, _ := st.Employees(context.Background())
	if !slices.ContainsFunc(emps, func(e data.Employee) bool { return e.Name == "Dmitry New" && e.Active }) {
		t.Errorf("employees: %+v", emps)
	}
	ui(func() {
		for i, e := range l.look.employees {
			if e.Name == "Dmitry New" {
				l.empList.Select(i)
			}
		}
		test.Tap(l.empMe)
	})
	if e, _ := s.look.employee(h.me.Load()); e.Name != "Dmitry New" {
		t.Errorf("this-is-me chose %+v", e)
	}
	// Saved edits close at once; a name typed and not saved asks first.
	c := h.win.Canvas()
	escape := func() { ui(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) }
	ui(func() { l.catEN.SetText("Refunds") })
	ui(func() { l.catList.Select(0) }) // another category over the one typed
	var asked bool
	ui(func() { asked = len(c.Overlays().List()) == 2 })
	escape() // keep editing
	if !asked || l.catEN.Text != "Refunds" || l.cat.ID != 0 {
		t.Fatalf("choosing a category over a name typed: asked %v, name %q", asked, l.catEN.Text)
	}
	escape()
	var question bool
	ui(func() {
		question = len(c.Overlays().List()) == 2 && buttons(c.Overlays().Top())[lang.L("unsaved.discard")] != nil
	})
	if !question {
		t.Fatal("Escape with a category name typed did not ask")
	}
	ui(func() { test.Tap(buttons(c.Overlays().Top())[lang.L("unsaved.discard")]) })
	h.settle()
	if c.Overlays().Top() != nil || s.lists != nil {
		t.Error("discard left the lists open")
	}
	if cats, _ := st.Categories(context.Background()); slices.ContainsFunc(cats, func(c data.Category) bool { return c.NameEN == "Refunds" }) {
		t.Error("discarding stored the category")
	}
	ui(s.ShowLists)
	escape()
	if c.Overlays().Top() != nil {
		t.Error("Escape on untouched lists asked or left them open")
	}
}

// The card and the register fit a 1366×768 screen in both languages.
func TestScreenAndCardFitALaptop(t *testing.T) {
	st := openStore(t)
	seed(t, st, 5)
	for _, code := range []string{"en", "ru"} {
		os.Setenv("LANGUAGE", code)
		widgets.SetLang(code)
		h := newHarness(t, st)
		var min fyne.Size
		ui(func() { min = h.screen.Content().MinSize() })
		if min.Width > 1366-230 || min.Height > 600 {
			t.Errorf("%s: the register needs %v", code, min)
		}
		first, _ := h.screen.table.Item(0)
		cd := h.openCard(first.ID)
		ui(func() { min = cd.dlg.MinSize() })
		if min.Width > 1340 || min.Height > 740 {
			t.Errorf("%s: the card needs %v", code, min)
		}
		ui(cd.close)
	}
	os.Setenv("LANGUAGE", "en")
	widgets.SetLang("en")
	loadTranslations(t)
}

func TestImportWizardImportsARegister(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	path := filepath.Join(t.TempDir(), "register.csv")
	body := "Номер;Дата обращения;Клиент;Категория;Приоритет;Статус;Описание\n" +
		"A-1;05.03.2025 10:00;ООО Ромашка;Доставка;высокий;новое;Курьер опоздал\n" +
		"A-2;05.03.2025 11:30;ИП Петров;Оплата;низкий;решено;Двойное списание\n" +
		"A-3;неизвестно;ИП Сидоров;Оплата;низкий;новое;Нет даты\n" +
		"A-4;06.03.2025 09:00;;;низкий;спам;Выиграйте приз\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil {
		t.Fatal("the wizard did not open a preview")
	}
	if got := w.MappedColumn("opened"); got != "Дата обращения" {
		t.Errorf("opened mapped to %q", got)
	}
	if !slices.Contains(labels(w.Content()), "Opened") || !slices.Contains(labels(w.Content()), "Client tier") {
		t.Error("the mapping does not offer the complaint fields by name")
	}
	// Twenty ticket fields scroll inside the mapping, and the two warnings
	// (no type column, no resolution time) in a strip of their own, so the
	// wizard, its sample table and its buttons fit the 680-pixel dialog of
	// a 720 screen.
	var minHeight float32
	ui(func() { minHeight = w.Content().MinSize().Height })
	if minHeight > 560 {
		t.Errorf("wizard content needs %v px of height; the dialog has about 560 for it", minHeight)
	}
	ui(w.Start)
	h.settle()
	res, err := w.Result()
	if res == nil || err != nil {
		t.Fatalf("result %+v, err %v", res, err)
	}
	if res.Imported != 2 || res.Rejected != 1 {
		t.Errorf("imported %d, rejected %d", res.Imported, res.Rejected)
	}
	if !slices.Contains(labels(w.Content()), "2 complaints imported") ||
		!slices.Contains(labels(w.Content()), "1 ticket skipped: not a client appeal (spam, deleted or merged)") {
		t.Errorf("the result reads %q", labels(w.Content()))
	}
	if s.table.Total() != 2 || h.changed.Load() == 0 {
		t.Errorf("table shows %d, changed %d", s.table.Total(), h.changed.Load())
	}
	ui(w.Close)
}

// The CFPB sample of the issue imports through the wizard as it does
// through the CLI: every complaint of the file, by product.
func TestImportWizardCFPBSample(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "cfpb_complaints_sample_6623.csv")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the CFPB sample is missing: %v", err)
	}
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil || w.Preview().Format != "cfpb" {
		t.Fatalf("preview %+v", w)
	}
	ui(w.Start)
	h.settle()
	res, err := w.Result()
	if res == nil || err != nil {
		t.Fatalf("result %+v, err %v", res, err)
	}
	if res.Imported+res.Rejected+res.Duplicates != 6623 {
		t.Errorf("imported %d + rejected %d + duplicates %d, want 6623 rows", res.Imported, res.Rejected, res.Duplicates)
	}
	if got := s.table.Total(); got != res.Imported {
		t.Errorf("the register shows %d of %d imported", got, res.Imported)
	}
	ui(w.Close)
}

// Escape on a card with an unsaved edit asks first: "keep editing" keeps
// the text, "discard" closes and stores nothing. A saved edit, an untouched
// new card and a typed note follow the same rule.
func TestCardAsksBeforeDiscardingEdits(t *testing.T) {
	st, h, first, cd := cardOnNewest(t)
	c := h.win.Canvas()
	escape := func() { ui(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) }
	overlays := func() (n int) { ui(func() { n = len(c.Overlays().List()) }); return }
	tap := func(text string) {
		t.Helper()
		var b *widget.Button
		ui(func() { b = buttons(c.Overlays().Top())[text] })
		if b == nil {
			t.Fatalf("no %q button on top", text)
		}
		ui(func() { test.Tap(b) })
	}

	ui(func() {
		c.Focus(cd.subject)
		cd.subject.CursorColumn = len([]rune(cd.subject.Text))
		test.Type(cd.subject, " (urgent)")
		cd.subject.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if h.screen.card != cd || overlays() != 2 {
		t.Fatalf("Escape after typing: card open %v, overlays %d; want the question over the card", h.screen.card == cd, overlays())
	}
	escape() // on the question: keep editing
	if h.screen.card != cd || overlays() != 1 || cd.subject.Text != first.Subject+" (urgent)" {
		t.Fatalf("Escape on the question: card open %v, overlays %d, subject %q", h.screen.card == cd, overlays(), cd.subject.Text)
	}
	tap(lang.L("complaints.card.close"))
	tap(lang.L("unsaved.keep"))
	if h.screen.card != cd || cd.subject.Text != first.Subject+" (urgent)" {
		t.Fatal("keep editing lost the card or its text")
	}
	escape()
	tap(lang.L("unsaved.discard"))
	h.settle()
	if h.screen.card != nil || overlays() != 0 || c.OnTypedKey() != nil {
		t.Fatalf("discard: card %v, overlays %d, key handler left %v", h.screen.card != nil, overlays(), c.OnTypedKey() != nil)
	}
	if got, _ := st.Complaint(context.Background(), first.ID); got.Subject != first.Subject {
		t.Errorf("discarding stored the subject %q", got.Subject)
	}

	// Saved: nothing left to ask about.
	cd = h.openCard(first.ID)
	ui(func() { cd.resolution.SetText("Refunded"); cd.save() })
	h.settle()
	escape()
	if h.screen.card != nil || overlays() != 0 {
		t.Fatal("Escape after saving asked or left the card open")
	}
	// A note typed and not added is unsaved too.
	cd = h.openCard(first.ID)
	ui(func() { cd.note.SetText("Called the client") })
	escape()
	if h.screen.card != cd || overlays() != 2 {
		t.Fatal("Escape with a note not added did not ask")
	}
	tap(lang.L("unsaved.discard"))
	// A new card opens with the keyboard in the client, and left as
	// opened closes at once.
	ui(h.screen.NewComplaint)
	var focused fyne.Focusable
	ui(func() { focused = h.win.Canvas().Focused() })
	if focused != h.screen.card.client {
		t.Errorf("a new card gives the keyboard to %T, want the client", focused)
	}
	escape()
	if h.screen.card != nil || overlays() != 0 {
		t.Fatal("Escape on an untouched new card asked or left it open")
	}
}
