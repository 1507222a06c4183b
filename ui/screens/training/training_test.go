package training

import (
	"context"
	"fmt"
	"image/png"
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
	"caredesk/charts"
	"caredesk/charts/report"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/data/sqlite"
	"caredesk/ui/widgets"
)

// now is the screen's today: Thursday 26 November 2026. The next Monday
// is 30 November.
var now = time.Date(2026, time.November, 26, 10, 0, 0, 0, time.UTC)

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
		h.screen = New(Deps{Store: st, Window: h.win, Now: func() time.Time { return now },
			ShowError: func(err error) { h.errs = append(h.errs, err) }})
		h.win.SetContent(h.screen.Content())
		h.win.Resize(fyne.NewSize(1280, 760))
	})
	h.settle()
	return h
}

// settle waits for loads, saves and chart renders, and fails on any error
// shown to the user.
func (h *harness) settle() {
	h.t.Helper()
	for range 3 { // a save reloads, a load renders the timeline
		widgets.WaitIdle()
		h.screen.wait()
	}
	var errs []error
	widgets.Do(func() { errs = append(errs, h.errs...) })
	if len(errs) > 0 {
		h.t.Fatalf("errors shown to the user: %v", errs)
	}
}

func ui(f func()) { widgets.Do(f) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// seedTeam stores two agents in two teams and one skill.
func seedTeam(t *testing.T, st data.Store) (anna, boris data.Employee, empathy data.Skill) {
	t.Helper()
	ctx := context.Background()
	anna = data.Employee{Name: "Anna Petrova", Position: "Agent", Team: "Alpha", Status: data.EmployeeActive}
	boris = data.Employee{Name: "Boris Ivanov", Position: "Agent", Team: "Beta", Status: data.EmployeeActive}
	must(t, st.SaveEmployee(ctx, &anna))
	must(t, st.SaveEmployee(ctx, &boris))
	empathy = data.Skill{Name: "Empathy", Group: "Communication"}
	must(t, st.SaveSkill(ctx, &empathy))
	return anna, boris, empathy
}

func (h *harness) items() []data.TrainingItem {
	h.t.Helper()
	items, err := h.store.TrainingItems(context.Background(), data.TrainingFilter{})
	must(h.t, err)
	return items
}

func TestCourseThenPlanItemThenMarkDone(t *testing.T) {
	st := openStore(t)
	anna, boris, empathy := seedTeam(t, st)
	h := newHarness(t, st)
	s := h.screen
	c := s.courses

	// A course with a skill, hours and a cost written the English way.
	ui(func() {
		s.tabs.SelectIndex(tabCourses)
		c.onNew()
		c.title.SetText("Empathy basics")
		c.skills.SetChecked([]int{0})
		c.format.SetSelectedIndex(0) // classroom
		c.hours.SetText("12")
		c.provider.SetText("Acme Training")
		c.cost.SetText("oops")
		c.onSave()
	})
	h.settle()
	if !c.errs["cost"].Visible() {
		t.Fatal("a cost that is no amount was not reported under its field")
	}
	ui(func() {
		c.cost.SetText("12,500.50")
		c.onSave()
	})
	h.settle()
	courses, err := st.Courses(context.Background())
	must(t, err)
	if len(courses) != 1 {
		t.Fatalf("stored %d courses", len(courses))
	}
	co := courses[0]
	if co.Title != "Empathy basics" || co.Format != data.FormatClassroom || co.Hours != 12 || co.Cost != 1250050 ||
		co.Provider != "Acme Training" || len(co.SkillIDs) != 1 || co.SkillIDs[0] != empathy.ID {
		t.Fatalf("stored course %+v", co)
	}
	if got := courseSummary(s.look.courses[0]); !strings.Contains(got, "12,500.50") || !strings.Contains(got, "12 h") {
		t.Errorf("the list reads %q", got)
	}

	// A plan item: choosing the course proposes next Monday for two
	// working days (12 hours at 8 a day).
	ui(func() {
		s.NewItem()
		d := s.itemDlg
		d.employee.SetSelectedIndex(0) // Anna
		d.course.SetSelectedIndex(0)
	})
	d := s.itemDlg
	if d == nil {
		t.Fatal("no item dialog")
	}
	if got := dateDay(d.start.Date); got != data.DateDay(2026, 11, 30) {
		t.Errorf("suggested start %v", got)
	}
	if got := dateDay(d.end.Date); got != data.DateDay(2026, 12, 1) {
		t.Errorf("suggested end %v", got)
	}
	ui(d.save)
	h.settle()
	items := h.items()
	if len(items) != 1 || items[0].EmployeeID != anna.ID || items[0].CourseID != co.ID || items[0].Status != data.TrainingPlanned ||
		items[0].PlannedStart != data.DateDay(2026, 11, 30) || items[0].PlannedEnd != data.DateDay(2026, 12, 1) {
		t.Fatalf("stored items %+v", items)
	}
	if s.tabs.SelectedIndex() != tabPlan || s.plan.selected != items[0].ID {
		t.Error("the new item is not the one chosen on the Plan tab")
	}

	// Boris's item ended a week ago and is still planned: overdue.
	late := data.TrainingItem{EmployeeID: boris.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 11, 16),
		PlannedEnd: data.DateDay(2026, 11, 20), Status: data.TrainingPlanned}
	must(t, st.SaveTrainingItem(context.Background(), &late))
	ui(s.Refresh)
	h.settle()
	p := s.plan
	ui(func() { p.overdue.SetChecked(true) })
	if len(p.shown) != 1 || p.shown[0].ID != late.ID {
		t.Fatalf("overdue only shows %+v", p.shown)
	}
	var cell *widget.Label
	ui(func() {
		cell = widget.NewLabel("")
		p.updateCell(widget.TableCellID{Row: 0, Col: colStatus}, cell)
	})
	if !strings.Contains(cell.Text, "overdue by 6 days") || cell.Importance != widget.DangerImportance {
		t.Errorf("the overdue status reads %q (importance %v)", cell.Text, cell.Importance)
	}
	if !strings.Contains(p.count.Text, "1 overdue") {
		t.Errorf("count line %q", p.count.Text)
	}

	// Mark it done: today's date by default, a result and a certificate.
	ui(func() {
		p.table.Select(widget.TableCellID{Row: 0, Col: 0})
		p.onDone()
		dd := s.doneDlg
		dd.result.SetText("Passed, 92 of 100")
		dd.certificate.SetText("/home/manager/certificates/boris-empathy.pdf")
		dd.save()
	})
	h.settle()
	for _, it := range h.items() {
		if it.ID != late.ID {
			continue
		}
		if it.Status != data.TrainingDone || it.CompletedOn != data.DateDay(2026, 11, 26) || it.Result != "Passed, 92 of 100" ||
			it.Certificate != "/home/manager/certificates/boris-empathy.pdf" {
			t.Fatalf("after mark done: %+v", it)
		}
		if it.Overdue(data.DateDay(2026, 11, 26)) {
			t.Error("a done item is still overdue")
		}
	}
	if len(p.shown) != 0 {
		t.Errorf("overdue only still shows %d items", len(p.shown))
	}
	ui(func() { p.overdue.SetChecked(false) })
	if len(p.shown) != 2 {
		t.Fatalf("all items: %d shown", len(p.shown))
	}

	// The team filter keeps Anna's item only.
	ui(func() { p.who.SetSelected("Team: Alpha") })
	if len(p.shown) != 1 || p.shown[0].EmployeeID != anna.ID {
		t.Errorf("team Alpha shows %+v", p.shown)
	}

	// The timeline draws the items shown.
	h.settle()
	var img bool
	ui(func() { img = p.timeline.Image() != nil })
	if !img {
		t.Error("the timeline was not drawn")
	}

	// The course is in the plan: deleting it says why it cannot go.
	ui(func() {
		s.tabs.SelectIndex(tabCourses)
		c.list.Select(0)
		c.onDelete()
	})
	var yes *widget.Button
	ui(func() { yes = findButton(h.win.Canvas().Overlays().Top(), "Yes") })
	if yes == nil {
		t.Fatal("no confirmation")
	}
	ui(func() { test.Tap(yes) })
	h.settle()
	if !c.message.Visible() || !strings.Contains(c.message.Text, "cannot be deleted") {
		t.Errorf("deleting a planned course reads %q", c.message.Text)
	}
	if courses, _ := st.Courses(context.Background()); len(courses) != 1 {
		t.Error("a course in the plan was deleted")
	}
}

func TestStartAndCancelFollowTheStatus(t *testing.T) {
	st := openStore(t)
	anna, _, _ := seedTeam(t, st)
	co := data.Course{Title: "Product A to Z", Format: data.FormatOnline, Hours: 4}
	must(t, st.SaveCourse(context.Background(), &co))
	it := data.TrainingItem{EmployeeID: anna.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 12, 7),
		PlannedEnd: data.DateDay(2026, 12, 7), Status: data.TrainingPlanned}
	must(t, st.SaveTrainingItem(context.Background(), &it))
	h := newHarness(t, st)
	p := h.screen.plan
	ui(func() { p.table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	if p.start.Disabled() || p.done.Disabled() || p.cancel.Disabled() {
		t.Fatal("a planned item can be started, done or cancelled")
	}
	ui(p.onStart)
	h.settle()
	got := h.items()[0]
	if got.Status != data.TrainingInProgress || got.StartedOn != data.DateDay(2026, 11, 26) {
		t.Fatalf("after start: %+v", got)
	}
	ui(func() { p.table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	if !p.start.Disabled() {
		t.Error("an item in progress can be started again")
	}

	// Edit: a later end keeps the rest.
	ui(func() {
		p.onEdit()
		d := h.screen.itemDlg
		d.end.SetDate(dayTime(data.DateDay(2026, 12, 11)))
		d.save()
	})
	h.settle()
	got = h.items()[0]
	if got.PlannedEnd != data.DateDay(2026, 12, 11) || got.PlannedStart != data.DateDay(2026, 12, 7) || got.Status != data.TrainingInProgress ||
		got.StartedOn != data.DateDay(2026, 11, 26) {
		t.Fatalf("after edit: %+v", got)
	}
	// An end before the start is refused under its field, nothing stored.
	ui(func() {
		p.onEdit()
		d := h.screen.itemDlg
		d.end.SetDate(dayTime(data.DateDay(2026, 12, 1)))
		d.save()
	})
	h.settle()
	if d := h.screen.itemDlg; !d.errs["planned"].Visible() {
		t.Error("an end before the start was not reported")
	}
	if h.items()[0].PlannedEnd != data.DateDay(2026, 12, 11) {
		t.Fatal("a refused edit was stored")
	}
	ui(func() { h.screen.itemDlg.form.close() })

	// Cancel, after a confirmation: the item stays, cancelled.
	ui(func() {
		p.table.Select(widget.TableCellID{Row: 0, Col: 0})
		p.onCancel()
		test.Tap(findButton(h.win.Canvas().Overlays().Top(), "Yes"))
	})
	h.settle()
	if got := h.items(); len(got) != 1 || got[0].Status != data.TrainingCancelled {
		t.Fatalf("after cancel: %+v", got)
	}
}

// findButton finds a button by its text among the objects laid out
// under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

func TestAddToPlanFromARecommendation(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	anna, _, empathy := seedTeam(t, st)
	// Agents must be independent in empathy; nobody was assessed, so both
	// have a gap, and the course that develops it is recommended.
	must(t, st.SetRequirement(ctx, data.SkillRequirement{Position: "Agent", SkillID: empathy.ID, Level: data.SkillIndependent}))
	co := data.Course{Title: "Empathy basics", Format: data.FormatOnline, Hours: 20, SkillIDs: []int64{empathy.ID}}
	must(t, st.SaveCourse(ctx, &co))
	h := newHarness(t, st)
	s := h.screen
	ui(func() { s.tabs.SelectIndex(tabRecommendations) })
	h.settle()
	r := s.recs
	if len(r.recs) != 2 {
		t.Fatalf("%d recommendations, want one per agent", len(r.recs))
	}
	if !strings.Contains(r.status.Text, "2 recommendations") {
		t.Errorf("status %q", r.status.Text)
	}
	var first string
	ui(func() {
		first = r.list.Objects[0].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Label).Text
	})
	if first != "Anna Petrova — Empathy" {
		t.Errorf("the first card is %q", first)
	}
	var add *widget.Button
	ui(func() { add = findButton(r.list.Objects[0], "Add to plan") })
	if add == nil {
		t.Fatal("no Add to plan button on the first card")
	}
	ui(func() { test.Tap(add) })
	h.settle()
	items := h.items()
	// 20 hours: three working days from next Monday.
	if len(items) != 1 || items[0].EmployeeID != anna.ID || items[0].CourseID != co.ID || items[0].Status != data.TrainingPlanned ||
		items[0].PlannedStart != data.DateDay(2026, 11, 30) || items[0].PlannedEnd != data.DateDay(2026, 12, 2) {
		t.Fatalf("stored %+v", items)
	}
	if s.tabs.SelectedIndex() != tabPlan || s.plan.selected != items[0].ID {
		t.Errorf("the plan does not show the new item: tab %d, selected %d", s.tabs.SelectedIndex(), s.plan.selected)
	}
	// Planned now, the course is no longer offered to Anna; her gap stays
	// until she is assessed again.
	ui(func() { s.tabs.SelectIndex(tabRecommendations) })
	h.settle()
	for _, rec := range r.recs {
		if rec.EmployeeID == anna.ID && len(rec.Courses) != 0 {
			t.Errorf("after planning, Anna is still offered %+v", rec.Courses)
		}
	}
	if len(r.recs) != 2 {
		t.Errorf("after planning: %d recommendations", len(r.recs))
	}
}

func TestEffectComparesTheWindowsAroundADoneTraining(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	anna, _, _ := seedTeam(t, st)
	co := data.Course{Title: "Product A to Z", Format: data.FormatOnline, Hours: 4}
	must(t, st.SaveCourse(ctx, &co))
	// Done on 16 November: the 90 days before end on the 15th, the after
	// window has run ten days by the 26th.
	it := data.TrainingItem{EmployeeID: anna.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 11, 16),
		PlannedEnd: data.DateDay(2026, 11, 16), Status: data.TrainingDone, CompletedOn: data.DateDay(2026, 11, 16)}
	must(t, st.SaveTrainingItem(ctx, &it))
	for i := range 6 {
		k := data.Kudos{EmployeeID: anna.ID, At: time.Date(2026, 10, 1+i, 12, 0, 0, 0, time.UTC), From: "Manager", Text: "Thanks"}
		must(t, st.SaveKudos(ctx, &k))
	}
	h := newHarness(t, st)
	p := h.screen.plan
	ui(func() { p.table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	if p.effect.Disabled() || !p.start.Disabled() {
		t.Fatal("a done item offers its effect and cannot be started")
	}
	ui(p.onEffect)
	h.settle()
	e := h.screen.effect
	if e.Item.ID != it.ID || e.BeforeTo != data.DateDay(2026, 11, 15) || e.AfterFrom != data.DateDay(2026, 11, 17) || !e.AfterIncomplete {
		t.Fatalf("effect windows %+v", e)
	}
	for _, r := range e.Rows {
		if r.Metric == kpi.ScoreKudos {
			if r.Before.Value != 6 || r.After.Value != 0 || !r.Change.Has {
				t.Errorf("kudos row %+v", r)
			}
			if got := effectChange(r); !strings.HasPrefix(got, "−6 · ") {
				t.Errorf("kudos change reads %q", got)
			}
		}
	}
}

// This year's plan keeps what is still open from last year: it is still
// to do, and overdue. What was finished last year stays in last year.
func TestThisYearCarriesOverOpenItems(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	anna, boris, _ := seedTeam(t, st)
	co := data.Course{Title: "Product A to Z", Format: data.FormatOnline, Hours: 4}
	must(t, st.SaveCourse(ctx, &co))
	open := data.TrainingItem{EmployeeID: anna.ID, CourseID: co.ID, PlannedStart: data.DateDay(2025, 12, 1),
		PlannedEnd: data.DateDay(2025, 12, 5), Status: data.TrainingInProgress, StartedOn: data.DateDay(2025, 12, 1)}
	done := data.TrainingItem{EmployeeID: boris.ID, CourseID: co.ID, PlannedStart: data.DateDay(2025, 12, 1),
		PlannedEnd: data.DateDay(2025, 12, 5), Status: data.TrainingDone, CompletedOn: data.DateDay(2025, 12, 5)}
	current := data.TrainingItem{EmployeeID: boris.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 3, 2),
		PlannedEnd: data.DateDay(2026, 3, 3), Status: data.TrainingDone, CompletedOn: data.DateDay(2026, 3, 3)}
	for _, it := range []*data.TrainingItem{&open, &done, &current} {
		must(t, st.SaveTrainingItem(ctx, it))
	}
	h := newHarness(t, st)
	p := h.screen.plan
	if len(p.shown) != 2 || p.shown[0].ID != open.ID || p.shown[1].ID != current.ID {
		t.Fatalf("this year shows %+v", p.shown)
	}
	if !strings.Contains(p.count.Text, "2 items · 1 overdue") {
		t.Errorf("count line %q", p.count.Text)
	}
}

func TestBudgetAgainstWhatWasSpent(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	anna, boris, _ := seedTeam(t, st)
	co := data.Course{Title: "Empathy basics", Format: data.FormatClassroom, Hours: 8, Cost: 1250000}
	must(t, st.SaveCourse(ctx, &co))
	// Two items due in Q4 2026 at 12,500.00 each; Anna's is done.
	for _, it := range []data.TrainingItem{
		{EmployeeID: anna.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 10, 5), PlannedEnd: data.DateDay(2026, 10, 6),
			Status: data.TrainingDone, CompletedOn: data.DateDay(2026, 10, 6)},
		{EmployeeID: boris.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 12, 7), PlannedEnd: data.DateDay(2026, 12, 8),
			Status: data.TrainingPlanned},
	} {
		must(t, st.SaveTrainingItem(ctx, &it))
	}
	h := newHarness(t, st)
	s := h.screen
	b := s.budgets
	ui(func() {
		s.tabs.SelectIndex(tabBudgets)
		b.onNew()
		b.setPeriod(kpi.Quarter) // Q4 2026, and its name as the title
		b.amount.SetText("20,000")
		b.onSave()
	})
	h.settle()
	budgets, err := st.TrainingBudgets(ctx)
	must(t, err)
	if len(budgets) != 1 || budgets[0].Title != "Q4 2026" || budgets[0].From != data.DateDay(2026, 10, 1) ||
		budgets[0].To != data.DateDay(2026, 12, 31) || budgets[0].Amount != 2000000 {
		t.Fatalf("stored %+v", budgets)
	}
	if len(b.rows) != 1 {
		t.Fatalf("%d budget rows", len(b.rows))
	}
	cell := func(col int) (string, widget.Importance) {
		var l *widget.Label
		ui(func() {
			l = widget.NewLabel("")
			b.updateCell(widget.TableCellID{Row: 0, Col: col}, l)
		})
		return l.Text, l.Importance
	}
	for col, want := range map[int]string{bcolBudget: "20,000.00", bcolPlanned: "25,000.00", bcolSpent: "12,500.00",
		bcolLeft: "7,500.00", bcolHours: "8.0 / 16.0", bcolDone: "1 / 2"} {
		if got, _ := cell(col); got != want {
			t.Errorf("column %d reads %q, want %q", col, got, want)
		}
	}
	if _, imp := cell(bcolPlanned); imp != widget.WarningImportance {
		t.Error("a plan costing more than its budget is not marked")
	}
	var img bool
	ui(func() { img = b.chart.Image() != nil })
	if !img {
		t.Error("the hours and budget chart was not drawn")
	}
}

// Escape cancels a form dialog; Enter in a date saves it.
func TestDialogKeys(t *testing.T) {
	st := openStore(t)
	anna, _, _ := seedTeam(t, st)
	co := data.Course{Title: "Product A to Z", Format: data.FormatOnline, Hours: 4}
	must(t, st.SaveCourse(context.Background(), &co))
	h := newHarness(t, st)
	s := h.screen
	c := h.win.Canvas()
	ui(s.NewItem)
	if c.Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	ui(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if c.Overlays().Top() != nil {
		t.Fatal("Escape left the dialog open")
	}
	if len(h.items()) != 0 {
		t.Fatal("Escape saved an item")
	}
	ui(func() {
		s.NewItem()
		d := s.itemDlg
		d.employee.SetSelectedIndex(0)
		d.course.SetSelectedIndex(0)
		c.Focus(&d.end.Entry)
		d.end.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	h.settle()
	if items := h.items(); len(items) != 1 || items[0].EmployeeID != anna.ID {
		t.Fatalf("Enter stored %+v", items)
	}
	if c.Overlays().Top() != nil {
		t.Error("the dialog stayed open after saving")
	}
	// The canvas has its own key handler back (none here).
	if c.OnTypedKey() != nil {
		t.Error("the dialog's Escape handler outlived it")
	}
}

// The timeline exports the items shown as a PNG of the chosen size.
func TestTimelineExports(t *testing.T) {
	st := openStore(t)
	anna, boris, _ := seedTeam(t, st)
	co := data.Course{Title: "Product A to Z", Format: data.FormatOnline, Hours: 4}
	must(t, st.SaveCourse(context.Background(), &co))
	for i, e := range []data.Employee{anna, boris} {
		it := data.TrainingItem{EmployeeID: e.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 11, 2+7*i),
			PlannedEnd: data.DateDay(2026, 11, 4+7*i), Status: data.TrainingPlanned}
		must(t, st.SaveTrainingItem(context.Background(), &it))
	}
	h := newHarness(t, st)
	path := filepath.Join(t.TempDir(), "plan.png")
	done := make(chan error, 1)
	ui(func() {
		b := h.screen.plan.timelineBuilder(false)
		widgets.SaveChartFile(path, charts.Options{Width: 900, Height: 420, Scale: 2}, b,
			func(path string, ch *charts.Chart) error {
				if ch.Options().Labels.Title != "Training plan timeline" {
					t.Errorf("exported title %q", ch.Options().Labels.Title)
				}
				return report.SaveChart(path, ch, report.Page{})
			},
			func(_ string, err error) { done <- err })
	})
	must(t, <-done)
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	must(t, err)
	if b := img.Bounds(); b.Dx() != 1800 || b.Dy() != 840 {
		t.Errorf("exported %v, want 1800×840", b)
	}
}

// With hundreds of employees the plan filter and the item's employee are
// found by typing part of a name.
func TestPlanPickersFindEmployeesByTyping(t *testing.T) {
	st := openStore(t)
	anna, boris, _ := seedTeam(t, st)
	ctx := context.Background()
	co := data.Course{Title: "Empathy basics", Format: data.FormatClassroom, Hours: 8}
	must(t, st.SaveCourse(ctx, &co))
	for _, e := range []data.Employee{anna, boris} {
		it := data.TrainingItem{EmployeeID: e.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 12, 7),
			PlannedEnd: data.DateDay(2026, 12, 7), Status: data.TrainingPlanned}
		must(t, st.SaveTrainingItem(ctx, &it))
	}
	h := newHarness(t, st)
	s := h.screen
	p := s.plan
	if len(p.shown) != 2 {
		t.Fatalf("the plan shows %d items, want 2", len(p.shown))
	}

	var matches []string
	ui(func() {
		test.Type(p.who, "IVAN")
		matches = p.who.Matches()
	})
	if len(matches) != 1 || matches[0] != "Boris Ivanov" {
		t.Fatalf("IVAN matches %q", matches)
	}
	ui(func() { p.who.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if len(p.shown) != 1 || p.shown[0].EmployeeID != boris.ID {
		t.Fatalf("filtered by Boris: %+v", p.shown)
	}

	// Free text picks no one: the dialog keeps asking for an employee.
	ui(func() {
		s.NewItem()
		d := s.itemDlg
		test.Type(d.employee, "Dmitry")
		d.employee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		d.employee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		d.course.SetSelectedIndex(0)
		d.save()
	})
	h.settle()
	if n := len(h.items()); n != 2 {
		t.Fatalf("an item without an employee was stored (%d items)", n)
	}
	ui(func() {
		d := s.itemDlg
		test.Type(d.employee, "petr")
		d.employee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		d.save()
	})
	h.settle()
	var annas int
	for _, it := range h.items() {
		if it.EmployeeID == anna.ID {
			annas++
		}
	}
	if annas != 2 {
		t.Errorf("Anna has %d items after picking her by typing, want 2", annas)
	}
}

// Namesakes must be told apart: a picker chooses by text, so two
// "Anna Petrova" would both pick the first.
func TestPickerNamesTellNamesakesApart(t *testing.T) {
	got := pickerNames([]data.Employee{
		{ID: 1, Name: "Anna Petrova", Team: "Alpha", Position: "Agent"},
		{ID: 2, Name: "Anna Petrova", Team: "Beta", Position: "Agent"},
		{ID: 3, Name: "Иван Петров", Team: "Alpha", Position: "Agent"},
		{ID: 4, Name: "Иван Петров", Team: "Alpha", Position: "Lead"},
		{ID: 5, Name: "Boris Ivanov", Team: "Beta", Position: "Agent"},
		{ID: 6, Name: "Boris Ivanov", Team: "Beta", Position: "Agent"},
		{ID: 7, Name: "Maria Ivanova"},
	})
	want := []string{"Anna Petrova · Alpha", "Anna Petrova · Beta", "Иван Петров · Alpha · Agent", "Иван Петров · Alpha · Lead",
		"Boris Ivanov · Beta · Agent · #5", "Boris Ivanov · Beta · Agent · #6", "Maria Ivanova"}
	if !slices.Equal(got, want) {
		t.Errorf("picker names\n got %q\nwant %q", got, want)
	}
}

// A plan dialog with something typed or chosen asks before Escape or
// Cancel throws it away: "keep editing" keeps it, "discard" stores nothing.
func TestDialogsAskBeforeDiscarding(t *testing.T) {
	st := openStore(t)
	anna, _, _ := seedTeam(t, st)
	co := data.Course{Title: "Product A to Z", Format: data.FormatOnline, Hours: 4}
	must(t, st.SaveCourse(context.Background(), &co))
	it := data.TrainingItem{EmployeeID: anna.ID, CourseID: co.ID, PlannedStart: data.DateDay(2026, 11, 16),
		PlannedEnd: data.DateDay(2026, 11, 20), Status: data.TrainingPlanned}
	must(t, st.SaveTrainingItem(context.Background(), &it))
	h := newHarness(t, st)
	s, c := h.screen, h.win.Canvas()
	escape := func() { ui(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) }
	overlays := func() (n int) { ui(func() { n = len(c.Overlays().List()) }); return }
	tap := func(text string) {
		t.Helper()
		var b *widget.Button
		ui(func() { b = findButton(c.Overlays().Top(), text) })
		if b == nil {
			t.Fatalf("no %q button on top", text)
		}
		ui(func() { test.Tap(b) })
	}

	ui(func() { s.openDoneDialog(it) })
	escape()
	if overlays() != 0 {
		t.Fatal("Escape on an untouched dialog asked or left it open")
	}
	ui(func() { s.openDoneDialog(it) })
	d := s.doneDlg
	ui(func() {
		c.Focus(d.result)
		test.Type(d.result, "Passed")
		d.result.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if overlays() != 2 {
		t.Fatalf("Escape after typing: %d overlays, want the question over the dialog", overlays())
	}
	escape() // on the question: keep editing
	if overlays() != 1 || d.result.Text != "Passed" {
		t.Fatalf("Escape on the question: %d overlays, result %q", overlays(), d.result.Text)
	}
	tap(lang.L("dialog.cancel"))
	tap(lang.L("unsaved.keep"))
	if overlays() != 1 || d.result.Text != "Passed" {
		t.Fatal("keep editing lost the dialog or its text")
	}
	tap(lang.L("dialog.cancel"))
	tap(lang.L("unsaved.discard"))
	h.settle()
	if overlays() != 0 || c.OnTypedKey() != nil {
		t.Fatalf("discard: %d overlays, key handler left %v", overlays(), c.OnTypedKey() != nil)
	}
	if items := h.items(); len(items) != 1 || items[0].Status != data.TrainingPlanned || items[0].Result != "" {
		t.Fatalf("discarding stored %+v", items)
	}

	// A new item with an employee chosen asks too.
	ui(s.NewItem)
	ui(func() { s.itemDlg.employee.SetSelectedIndex(0) })
	escape()
	if overlays() != 2 {
		t.Fatal("Escape after choosing an employee did not ask")
	}
	tap(lang.L("unsaved.discard"))
	h.settle()
	if overlays() != 0 || len(h.items()) != 1 {
		t.Fatalf("discarding a new item: %d overlays, %d items", overlays(), len(h.items()))
	}
}

// Choosing another course over unsaved edits asks first.
func TestLeavingAnEditedCourseAsks(t *testing.T) {
	st := openStore(t)
	for _, title := range []string{"Empathy basics", "Product A to Z"} {
		co := data.Course{Title: title, Format: data.FormatOnline, Hours: 4}
		must(t, st.SaveCourse(context.Background(), &co))
	}
	h := newHarness(t, st)
	s, c, win := h.screen, h.screen.courses, h.win.Canvas()
	overlays := func() (n int) { ui(func() { n = len(win.Overlays().List()) }); return }
	ui(func() { s.tabs.SelectIndex(tabCourses); c.list.Select(0) })
	first, second := s.look.courses[0], s.look.courses[1]
	ui(func() { c.list.Select(1) })
	if overlays() != 0 || c.course.ID != second.ID {
		t.Fatal("leaving an unchanged course asked or did not move")
	}
	ui(func() { c.list.Select(0); c.hours.SetText("6") })
	ui(func() { c.list.Select(1) })
	if overlays() != 1 {
		t.Fatal("leaving an edited course did not ask")
	}
	ui(func() { win.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) // keep editing
	if overlays() != 0 || c.course.ID != first.ID || c.hours.Text != "6" {
		t.Fatalf("Escape on the question: course %d, hours %q", c.course.ID, c.hours.Text)
	}
	ui(s.Refresh)
	h.settle()
	if c.course.ID != first.ID || c.hours.Text != "6" {
		t.Fatalf("a reload undid the typing: course %d, hours %q", c.course.ID, c.hours.Text)
	}
	ui(func() { c.list.Select(1) })
	var discard *widget.Button
	ui(func() { discard = findButton(win.Overlays().Top(), lang.L("unsaved.discard")) })
	ui(func() { test.Tap(discard) })
	h.settle()
	if c.course.ID != second.ID {
		t.Fatal("discard did not move to the course chosen")
	}
	if got, _ := st.Courses(context.Background()); got[0].Hours != 4 {
		t.Errorf("discarding stored %+v", got[0])
	}
}

// Choosing another budget, or New, over unsaved budget edits asks first;
// a reload keeps what is typed.
func TestLeavingAnEditedBudgetAsks(t *testing.T) {
	st := openStore(t)
	for _, q := range []int{1, 2} {
		bu := data.TrainingBudget{Title: fmt.Sprintf("Q%d 2026", q), From: data.DateDay(2026, time.Month(3*q-2), 1),
			To: data.DateDay(2026, time.Month(3*q), 30), Amount: 1000000}
		must(t, st.SaveTrainingBudget(context.Background(), &bu))
	}
	h := newHarness(t, st)
	s, b, win := h.screen, h.screen.budgets, h.win.Canvas()
	overlays := func() (n int) { ui(func() { n = len(win.Overlays().List()) }); return }
	ui(func() { s.tabs.SelectIndex(tabBudgets) })
	h.settle()
	ui(func() { b.table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	first := b.budget
	ui(func() { b.table.Select(widget.TableCellID{Row: 1, Col: 0}) })
	if overlays() != 0 || b.budget.ID == first.ID {
		t.Fatalf("leaving an unchanged budget asked (%d) or did not move (%d, rows %d)", overlays(), b.budget.ID, len(b.rows))
	}
	ui(func() { b.table.Select(widget.TableCellID{Row: 0, Col: 0}); b.amount.SetText("15,000") })
	ui(func() { b.table.Select(widget.TableCellID{Row: 1, Col: 0}) })
	if overlays() != 1 {
		t.Fatal("leaving an edited budget did not ask")
	}
	ui(func() { win.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) // keep editing
	if overlays() != 0 || b.budget.ID != first.ID || b.amount.Text != "15,000" {
		t.Fatalf("Escape on the question: budget %d, amount %q", b.budget.ID, b.amount.Text)
	}
	ui(s.Refresh)
	h.settle()
	if b.budget.ID != first.ID || b.amount.Text != "15,000" {
		t.Fatalf("a reload lost the typing: budget %d, amount %q", b.budget.ID, b.amount.Text)
	}
	var newBtn *widget.Button
	ui(func() { newBtn = findButton(b.formBox, lang.L("training.budget.new")) })
	ui(func() { test.Tap(newBtn) })
	var discard *widget.Button
	ui(func() { discard = findButton(win.Overlays().Top(), lang.L("unsaved.discard")) })
	if discard == nil {
		t.Fatal("New over an edited budget did not ask")
	}
	ui(func() { test.Tap(discard) })
	h.settle()
	if b.budget.ID != 0 || b.amount.Text != "" {
		t.Fatalf("discard then New: budget %d, amount %q", b.budget.ID, b.amount.Text)
	}
	if got, _ := st.TrainingBudgets(context.Background()); got[0].Amount != 1000000 || got[1].Amount != 1000000 {
		t.Errorf("discarding stored %+v", got)
	}
}
