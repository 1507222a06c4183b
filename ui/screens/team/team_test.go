package team

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/assets"
	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
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
		h.win.Resize(fyne.NewSize(1200, 760))
	})
	h.settle()
	return h
}

// settle waits for background loads and fails on an error shown to the user.
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

// tapButton taps the button with the text in the top overlay (a dialog).
func (h *harness) tapButton(text string) {
	h.t.Helper()
	found := false
	ui(func() {
		for _, o := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && !found {
				found = true
				test.Tap(b)
			}
		}
	})
	if !found {
		h.t.Fatalf("no button %q in the dialog", text)
	}
}

// employee stores e, active unless its status says otherwise.
func (h *harness) employee(e data.Employee) data.Employee {
	h.t.Helper()
	if e.Status == "" {
		e.Status = data.EmployeeActive
	}
	if err := h.store.SaveEmployee(context.Background(), &e); err != nil {
		h.t.Fatal(err)
	}
	return e
}

func (h *harness) stored(id int64) data.Employee {
	h.t.Helper()
	e, err := h.store.Employee(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return e
}

func enter(e *widgets.Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestAddEmployeeValidatesAtTheFieldThenOpensTheCard(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	if !s.roster.empty.Visible() || s.roster.table.Visible() {
		t.Fatal("an empty roster should say so instead of showing an empty table")
	}
	ui(s.NewEmployee)
	f := s.addForm
	ui(func() { enter(f.name) }) // Enter submits; the name is missing
	h.settle()
	if l := f.errs[fieldName]; !l.Visible() || l.Text != lang.L("error.required") {
		t.Fatalf("the missing name is not reported at the field: %q visible %v", l.Text, l.Visible())
	}
	if all, _ := st.Employees(context.Background()); len(all) != 0 {
		t.Fatal("an employee without a name was stored")
	}
	ui(func() {
		test.Type(f.name, "Anna Petrova")
		f.position.SetText("Agent")
		f.team.SetText("Line 1")
		f.hired.SetText("not a date")
		enter(f.name)
	})
	h.settle()
	if !f.errs[fieldHired].Visible() || f.errs[fieldName].Visible() {
		t.Fatalf("a bad hire date is not reported at its field (name line visible %v)", f.errs[fieldName].Visible())
	}
	ui(func() {
		f.hired.SetDate(dateOf(data.DateDay(2025, 3, 3)))
		f.contact.SetText("anna@example.com")
		enter(f.contact)
	})
	h.settle()
	all, _ := st.Employees(context.Background())
	if len(all) != 1 {
		t.Fatalf("stored %d employees", len(all))
	}
	e := all[0]
	if e.Name != "Anna Petrova" || e.Position != "Agent" || e.Team != "Line 1" || e.HiredOn != data.DateDay(2025, 3, 3) ||
		e.Status != data.EmployeeActive || e.Contact != "anna@example.com" {
		t.Errorf("stored %+v", e)
	}
	if s.card == nil || s.card.id != e.ID || !strings.HasPrefix(s.card.header.Text, "Anna Petrova") {
		t.Fatal("the new employee's card is not open")
	}
	// Escape goes back to the roster, which lists her.
	ui(func() { h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if s.card != nil || s.body.Objects[0] != s.tabs {
		t.Fatal("Escape did not close the card")
	}
	if len(s.roster.rows) != 1 || !s.roster.table.Visible() || !strings.Contains(s.roster.count.Text, "1 employee") {
		t.Fatalf("the roster shows %d rows, %q", len(s.roster.rows), s.roster.count.Text)
	}
}

func TestStatusChangeAndDeleteRefusedWhileInThePlan(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	ctx := context.Background()
	boris := h.employee(data.Employee{Name: "Boris", Position: "Agent", Team: "Line 2", Status: data.EmployeeActive, HiredOn: data.DateDay(2024, 1, 10)})
	vera := h.employee(data.Employee{Name: "Vera", Position: "Agent", Team: "Line 1", Status: data.EmployeeActive})
	course := data.Course{Title: "Active listening", Format: data.FormatOnline, Hours: 4}
	if err := st.SaveCourse(ctx, &course); err != nil {
		t.Fatal(err)
	}
	item := data.TrainingItem{EmployeeID: boris.ID, CourseID: course.ID, PlannedStart: data.DateDay(2025, 1, 1),
		PlannedEnd: data.DateDay(2025, 1, 31), Status: data.TrainingPlanned}
	if err := st.SaveTrainingItem(ctx, &item); err != nil {
		t.Fatal(err)
	}
	ui(s.Refresh)
	h.settle()
	if open, overdue := s.snap.open[boris.ID], s.snap.overdue[boris.ID]; open != 1 || overdue != 1 {
		t.Errorf("Boris has %d open and %d overdue items", open, overdue)
	}

	// Status on leave from the card: saved by Ctrl+S, still on the
	// roster. On another tab of the card Ctrl+S does not save the details.
	ui(func() { s.openCard(boris.ID) })
	h.settle()
	c := s.card
	ctrlS := func() { h.win.Canvas().(fyne.Shortcutable).TypedShortcut(widgets.SaveShortcut) }
	ui(func() {
		widgets.PaneSaves(h.win, s.SaveButton)
		c.details.status.SetSelectedIndex(1)
		c.tabs.SelectIndex(2)
		ctrlS()
	})
	h.settle()
	if got := h.stored(boris.ID); got.Status == data.EmployeeOnLeave {
		t.Fatal("Ctrl+S on the skills tab saved the details")
	}
	ui(func() {
		c.tabs.SelectIndex(0)
		ctrlS()
	})
	h.settle()
	if got := h.stored(boris.ID); got.Status != data.EmployeeOnLeave || !got.Active {
		t.Fatalf("status = %v, active %v", got.Status, got.Active)
	}
	if c.saved.Text == "" || !strings.Contains(c.header.Text, "On leave") {
		t.Errorf("the save is not acknowledged: %q, header %q", c.saved.Text, c.header.Text)
	}
	if c.training.Length() != 1 || c.noTraining.Visible() {
		t.Error("the card does not list the plan item")
	}

	// Delete is refused: the dialog explains and sets "left" instead.
	ui(func() { s.confirmDelete(c.cd.e) })
	h.tapButton("Yes")
	h.settle()
	if s.conflict == nil {
		t.Fatal("a refused delete was not explained")
	}
	h.tapButton(lang.L("team.delete.set_left"))
	h.settle()
	if got := h.stored(boris.ID); got.Status != data.EmployeeLeft {
		t.Fatalf("status after the conflict = %v", got.Status)
	}
	if c.details.status.Selected != statusName(data.EmployeeLeft) {
		t.Errorf("the card's form still says %q: saving it would undo the status", c.details.status.Selected)
	}
	ui(s.closeCard)
	if len(s.roster.rows) != 1 || s.roster.rows[0].ID != vera.ID {
		t.Errorf("the current roster shows %v", s.roster.rows)
	}
	ui(func() { s.roster.status.SetSelectedIndex(showLeft) })
	if len(s.roster.rows) != 1 || s.roster.rows[0].ID != boris.ID {
		t.Errorf("the left filter shows %v", s.roster.rows)
	}

	// Search and the team filter narrow the roster.
	ui(func() {
		s.roster.status.SetSelectedIndex(showAll)
		s.FocusSearch()
		test.Type(s.roster.search, "ver")
	})
	h.settle()
	if len(s.roster.rows) != 1 || s.roster.rows[0].ID != vera.ID {
		t.Errorf("searching “ver” shows %v", s.roster.rows)
	}
	ui(func() {
		s.roster.search.Clear()
		s.roster.teamSel.SetSelected("Line 2")
	})
	if len(s.roster.rows) != 1 || s.roster.rows[0].ID != boris.ID {
		t.Errorf("the Line 2 filter shows %v", s.roster.rows)
	}
	ui(func() { s.roster.search.SetText("nobody") })
	h.settle()
	if !s.roster.nomatch.Visible() || s.roster.table.Visible() {
		t.Error("no match is not said")
	}
	ui(func() {
		s.roster.search.Clear()
		s.roster.teamSel.SetSelectedIndex(0)
	})

	// Someone with no history is deleted outright.
	ui(func() { s.openCard(vera.ID) })
	h.settle()
	ui(func() { s.confirmDelete(s.card.cd.e) })
	h.tapButton("Yes")
	h.settle()
	if _, err := st.Employee(ctx, vera.ID); err == nil {
		t.Fatal("Vera was not deleted")
	}
	if s.card != nil {
		t.Error("the card of a deleted employee stays open")
	}
}

func TestOnboardingPlannedFromHireDateAndMarked(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	today := s.today()
	e := h.employee(data.Employee{Name: "Gleb", Position: "Agent", HiredOn: today - 45})
	ui(func() { s.openCard(e.ID) })
	h.settle()
	o := s.card.onboarding
	if !o.plan.Visible() || o.planBtn.Disabled() {
		t.Fatal("no plan offered for an employee with a hire date")
	}
	ui(func() {
		o.goals[2].SetText("")
		o.goals[0].SetText("Knows the product line")
		enter(o.goals[0])
	})
	h.settle()
	cps, err := st.Checkpoints(context.Background(), e.ID)
	if err != nil || len(cps) != 2 {
		t.Fatalf("checkpoints %v, %v", cps, err)
	}
	if cps[0].Due != e.HiredOn+30 || cps[0].Goal != "Knows the product line" || cps[1].Due != e.HiredOn+60 {
		t.Errorf("planned %+v", cps)
	}
	if o.plan.Visible() {
		t.Error("the plan form stays after planning")
	}
	// Day 30 passed unassessed: overdue in words, not only in colour.
	if got := checkpointState(cps[0], today); !strings.Contains(got, "Overdue") {
		t.Errorf("an overdue checkpoint reads %q", got)
	}
	if !strings.Contains(rendered(o.rows), "Overdue") {
		t.Error("the overdue state is not on screen")
	}
	// Escape first closes the dialog, not the card under it.
	ui(func() {
		o.mark(cps[0], true)
		h.win.Canvas().Unfocus()
		h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if o.assess != nil || s.card == nil {
		t.Fatal("Escape did not close just the dialog")
	}
	ui(func() { o.mark(cps[0], true) })
	if o.assess == nil {
		t.Fatal("no dialog to mark the checkpoint")
	}
	ui(func() {
		for _, obj := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
			if en, ok := obj.(*widgets.Entry); ok && en.MultiLine {
				en.SetText("Passed the product quiz")
			}
		}
	})
	h.tapButton(lang.L("team.onboarding.save"))
	h.settle()
	cps, _ = st.Checkpoints(context.Background(), e.ID)
	if cps[0].Met == nil || !*cps[0].Met || cps[0].Comment != "Passed the product quiz" || cps[1].Met != nil {
		t.Fatalf("after marking: %+v", cps)
	}
	if !strings.Contains(rendered(o.rows), "Passed the product quiz") {
		t.Error("the comment is not shown")
	}

	// The day-60 goal is reworded and moved; then removed after a confirm.
	ui(func() { o.edit(cps[1]) })
	if o.editing == nil {
		t.Fatal("no dialog to edit the checkpoint")
	}
	ui(func() {
		var goal *widgets.Entry
		for _, obj := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
			switch en := obj.(type) {
			case *widgets.DateEntry:
				en.SetDate(dateOf(e.HiredOn + 75))
			case *widgets.Entry:
				if en.Text == cps[1].Goal {
					goal = en
				}
			}
		}
		goal.SetText("Handles refunds alone")
		enter(goal)
	})
	h.settle()
	cps, _ = st.Checkpoints(context.Background(), e.ID)
	if len(cps) != 2 || cps[1].Goal != "Handles refunds alone" || cps[1].Due != e.HiredOn+75 || o.editing != nil {
		t.Fatalf("after the edit: %+v", cps)
	}
	ui(func() { o.edit(cps[1]) })
	h.tapButton(lang.L("team.onboarding.remove"))
	h.tapButton("Yes")
	h.settle()
	if cps, _ = st.Checkpoints(context.Background(), e.ID); len(cps) != 1 {
		t.Errorf("after the removal: %+v", cps)
	}
}

// all is every object under o, through widget renderers.
func all(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, all(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, all(c)...)
		}
	}
	return out
}

// rendered is the text of every label under o.
func rendered(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, obj := range all(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestMatrixRecordsALevelKeepsHistoryAndMarksGaps(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	h := newHarness(t, st)
	s := h.screen
	e := h.employee(data.Employee{Name: "Dina", Position: "Agent"})
	lead := h.employee(data.Employee{Name: "Egor", Position: "Team lead"})
	tone := data.Skill{Name: "Tone of voice", Group: "Communication"}
	product := data.Skill{Name: "Returns policy", Group: "Product"}
	for _, k := range []*data.Skill{&tone, &product} {
		if err := st.SaveSkill(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SetRequirement(ctx, data.SkillRequirement{Position: "Agent", SkillID: tone.ID, Level: data.SkillIndependent}); err != nil {
		t.Fatal(err)
	}
	old := data.SkillAssessment{EmployeeID: e.ID, SkillID: tone.ID, Level: data.SkillLearning, AssessedOn: data.DateDay(2025, 1, 15)}
	if err := st.AddAssessment(ctx, &old); err != nil {
		t.Fatal(err)
	}
	ui(func() {
		s.tabs.SelectIndex(1)
		s.Refresh()
	})
	h.settle()
	m := s.matrix
	if len(m.people) != 2 || m.people[0].ID != e.ID || m.people[1].ID != lead.ID {
		t.Fatalf("rows %v", m.people)
	}
	// Columns follow the catalogue's group order: Communication, Product.
	if text, gap := m.cell(0, 0); text != "1 ▲3" || !gap {
		t.Errorf("Dina's tone cell = %q, gap %v", text, gap)
	}
	if _, gap := m.cell(1, 0); gap {
		t.Error("a skill the team lead's position does not require shows a gap")
	}
	// The rendered cell carries the marker, bold, on the error colour.
	var cell *fyne.Container
	ui(func() {
		for _, o := range all(m.table) {
			if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
				if l, ok := c.Objects[1].(*widget.Label); ok && l.Text == "1 ▲3" {
					cell = c
				}
			}
		}
	})
	if cell == nil {
		t.Fatal("the gap cell is not rendered")
	}
	if l := cell.Objects[1].(*widget.Label); !l.TextStyle.Bold {
		t.Error("the gap cell is not bold")
	}
	if bg := cell.Objects[0].(*canvas.Rectangle).FillColor; bg == color.Transparent || colourOf(bg) != colourOf(levelColour(1, true)) {
		t.Errorf("the gap cell's background is %v", bg)
	}

	// Escape closes the level dialog without recording anything.
	ui(func() { m.table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	ui(func() { h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	h.settle()
	if m.choose != nil || h.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the level dialog open")
	}
	if hist, _ := st.Assessments(ctx, e.ID); len(hist) != 1 {
		t.Fatalf("Escape recorded a level: %+v", hist)
	}

	// Choosing level 3 records an assessment dated today; the old one stays.
	ui(func() { m.table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	if m.choose == nil {
		t.Fatal("choosing a cell does not ask for the level")
	}
	h.tapButton(levelText(data.SkillIndependent))
	h.settle()
	hist, err := st.Assessments(ctx, e.ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history %v, %v", hist, err)
	}
	if hist[0].Level != data.SkillIndependent || hist[0].AssessedOn != s.today() || hist[1].Level != data.SkillLearning {
		t.Errorf("history %+v", hist)
	}
	if text, gap := m.cell(0, 0); text != "3" || gap {
		t.Errorf("after the assessment the cell reads %q, gap %v", text, gap)
	}

	// The card's Skills tab shows the level against the requirement and the history.
	ui(func() { s.openCard(e.ID) })
	h.settle()
	k := s.card.skills
	if k.history.Length() != 2 {
		t.Errorf("the card's history lists %d", k.history.Length())
	}
	if got := levelVsRequired(k.levels()[tone.ID], data.SkillIndependent, true); !strings.Contains(got, "needs 3") || strings.Contains(got, "▲") {
		t.Errorf("current vs required reads %q", got)
	}
	// A mistaken assessment is removed after a confirm: the older level is current again.
	ui(func() { k.confirmDelete(s.card.cd.history[0]) })
	h.tapButton("Yes")
	h.settle()
	if hist, _ = st.Assessments(ctx, e.ID); len(hist) != 1 || k.levels()[tone.ID] != data.SkillLearning {
		t.Errorf("after removing the newest: %+v, current %v", hist, k.levels()[tone.ID])
	}
	if text, gap := m.cell(0, 0); text != "1 ▲3" || !gap {
		t.Errorf("the matrix reads %q after the removal", text)
	}
}

func colourOf(c color.Color) [4]uint32 {
	r, g, b, a := c.RGBA()
	return [4]uint32{r, g, b, a}
}

func TestKudosAddedWithLinksChecked(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	e := h.employee(data.Employee{Name: "Zoya", Position: "Agent"})
	ui(func() { s.openCard(e.ID) })
	h.settle()
	k := s.card.kudos
	if !k.empty.Visible() {
		t.Error("an empty log does not say so")
	}
	ui(func() { enter(k.text) })
	if !k.errs["text"].Visible() {
		t.Fatal("kudos without text was not refused at the field")
	}
	ui(func() {
		k.text.SetText("Calmed an angry client and kept them")
		k.from.SetText("Head of service")
		k.complaint.SetText("abc")
		enter(k.text)
	})
	if !k.errs["complaint"].Visible() || k.errs["text"].Visible() {
		t.Fatal("a bad complaint number was not reported at its field")
	}
	ui(func() {
		k.complaint.SetText("")
		enter(k.text)
	})
	h.settle()
	got, err := st.Kudos(context.Background(), e.ID, 0, 0)
	if err != nil || len(got) != 1 {
		t.Fatalf("kudos %v, %v", got, err)
	}
	if got[0].Text != "Calmed an angry client and kept them" || got[0].From != "Head of service" || time.Since(got[0].At) > time.Minute {
		t.Errorf("stored %+v", got[0])
	}
	if k.list.Length() != 1 || k.empty.Visible() || k.text.Text != "" {
		t.Error("the log does not show the new entry, or the form was not cleared")
	}
}

func TestCatalogueRequirementsAndCategoryLinks(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	cat := data.Category{NameEN: "Delivery", NameRU: "Доставка"}
	if err := st.SaveCategory(ctx, &cat); err != nil {
		t.Fatal(err)
	}
	// Outcomes are compared per top-level category: a subcategory is not offered.
	if err := st.SaveCategory(ctx, &data.Category{ParentID: cat.ID, NameEN: "Late courier", NameRU: "Опоздал курьер"}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st)
	s := h.screen
	e := h.employee(data.Employee{Name: "Fedor", Position: "Agent"})
	ui(s.Refresh)
	h.settle()
	if !s.matrix.empty.Visible() {
		t.Error("a matrix without skills does not say what it needs")
	}

	// Two skills through the catalogue: Enter saves; an empty name is refused.
	ui(s.editCatalogue)
	c := s.catEditor
	ui(func() { enter(c.name) })
	if !c.errs["name"].Visible() {
		t.Fatal("a skill without a name was not refused at the field")
	}
	ui(func() {
		c.name.SetText("Returns policy")
		c.group.SetText("Product")
		enter(c.name)
	})
	h.settle()
	ui(func() {
		c.name.SetText("De-escalation")
		c.group.SetText("Communication")
		c.group.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	h.settle()
	skills, _ := st.Skills(ctx)
	if len(skills) != 2 || skills[0].Name != "De-escalation" || skills[1].Group != "Product" {
		t.Fatalf("skills %+v", skills)
	}
	// Rename one.
	ui(func() {
		c.list.Select(1)
		c.name.SetText("Returns and refunds")
		enter(c.name)
	})
	h.settle()
	if skills, _ = st.Skills(ctx); skills[1].Name != "Returns and refunds" || len(skills) != 2 {
		t.Fatalf("after rename %+v", skills)
	}
	ui(func() { c.dlg.Hide() })

	// The Agent position requires De-escalation at 3.
	ui(s.editRequirements)
	r := s.reqEditor
	if r.position.Text != "Agent" {
		t.Errorf("the requirements open on %q", r.position.Text)
	}
	ui(func() { r.levels[0].SetSelectedIndex(3) })
	h.tapButton(lang.L("team.req.save"))
	h.settle()
	reqs, _ := st.Requirements(ctx)
	if len(reqs) != 1 || reqs[0].Position != "Agent" || reqs[0].SkillID != skills[0].ID || reqs[0].Level != data.SkillIndependent {
		t.Fatalf("requirements %+v", reqs)
	}
	if text, gap := s.matrix.cell(0, 0); !gap || text != "0 ▲3" || s.matrix.people[0].ID != e.ID {
		t.Errorf("a never-assessed required skill reads %q, gap %v", text, gap)
	}
	if d := s.matrix.chartData(); len(d.Cells) != 1 || !d.Cells[0][0].Gap() || d.Cells[0][0].Assessed || d.Skills[1].Group != "Product" {
		t.Errorf("the heat map gets %+v", d)
	}

	// The heat map exports (its drawing is tested in charts).
	path := filepath.Join(t.TempDir(), "matrix.png")
	var saveErr error
	widgets.SaveChartFile(path, charts.Options{Width: 800, Height: 400}, s.matrix.chartBuilder(), func(path string, ch *charts.Chart) error {
		if ch.Empty() {
			return errors.New("empty chart")
		}
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return ch.PNG(f)
	}, func(_ string, err error) { saveErr = err })
	h.settle()
	if saveErr != nil {
		t.Fatal(saveErr)
	}
	if f, err := os.Open(path); err != nil {
		t.Fatal(err)
	} else {
		img, err := png.Decode(f)
		f.Close()
		if err != nil || img.Bounds().Dx() != 800 {
			t.Fatalf("exported heat map: %v, %v", err, img)
		}
	}

	// Delivery complaints take both skills.
	ui(s.editCategoryLinks)
	l := s.linksEditor
	if got := l.category.Options; len(got) != 1 || got[0] != "Delivery" {
		t.Errorf("categories offered for links = %q, want only the top-level Delivery", got)
	}
	ui(func() { l.skills.SetSelected(l.skills.Options) })
	h.tapButton(lang.L("team.links.save"))
	h.settle()
	links, _ := st.CategorySkills(ctx)
	if len(links[cat.ID]) != 2 {
		t.Fatalf("links %v", links)
	}
	if !strings.Contains(l.saved.Text, "Delivery") {
		t.Errorf("the dialog does not say the links were saved: %q", l.saved.Text)
	}
	ui(func() { l.dlg.Hide() })

	// Deleting a skill asks first and takes its requirement with it.
	ui(s.editCatalogue)
	c = s.catEditor
	ui(func() {
		c.list.Select(0)
		c.deleteBt.OnTapped()
	})
	h.tapButton("Yes")
	h.settle()
	skills, _ = st.Skills(ctx)
	reqs, _ = st.Requirements(ctx)
	if len(skills) != 1 || len(reqs) != 0 {
		t.Errorf("after delete: skills %v, requirements %v", skills, reqs)
	}
}

func TestGoalsWithProgressAndScorecard(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	h := newHarness(t, st)
	s := h.screen
	e := h.employee(data.Employee{Name: "Irina", Position: "Agent"})
	other := h.employee(data.Employee{Name: "Oleg", Position: "Agent"})
	ui(func() { s.openCard(e.ID) })
	h.settle()
	g := s.card.goals
	if !g.empty.Visible() {
		t.Error("no goals yet is not said")
	}

	// A kudos goal: a bad target is refused at its field, then saved.
	ui(func() { g.edit(data.Goal{}) })
	f := g.form
	ui(func() {
		f.metric.SetSelectedIndex(slices.Index(data.GoalMetrics, data.GoalKudos))
		f.target.SetText("two")
		enter(f.target)
	})
	if !f.errs["target"].Visible() {
		t.Fatal("a target that is not a number was not reported at its field")
	}
	ui(func() {
		f.target.SetText("1")
		enter(f.target)
	})
	h.settle()
	goals, err := st.Goals(ctx, e.ID)
	if err != nil || len(goals) != 1 || goals[0].Metric != data.GoalKudos || goals[0].Target != 1 || goals[0].From == 0 {
		t.Fatalf("goals %+v, %v", goals, err)
	}
	if g.form != nil || g.list.Length() != 1 {
		t.Fatal("the dialog stays open or the list does not show the goal")
	}
	if text, _ := g.standing(0); !strings.Contains(text, "Not reached yet") {
		t.Errorf("a goal with no kudos yet reads %q", text)
	}

	// A course goal needs its course.
	ui(func() { g.edit(data.Goal{}) })
	f = g.form
	ui(func() {
		f.metric.SetSelectedIndex(slices.Index(data.GoalMetrics, data.GoalCourse))
		f.submit()
	})
	if !f.errs["course"].Visible() || f.errs["target"].Visible() {
		t.Error("a course goal without a course was not reported at the course")
	}
	ui(func() { f.dlg.Hide() })

	// Kudos for Irina (and one for Oleg): the goal is on track, the
	// scorecard counts it against the team median.
	for _, id := range []int64{e.ID, other.ID, e.ID} {
		k := data.Kudos{EmployeeID: id, At: time.Now(), Text: "Well done"}
		if err := st.SaveKudos(ctx, &k); err != nil {
			t.Fatal(err)
		}
	}
	ui(s.Refresh)
	h.settle()
	if text, imp := g.standing(0); !strings.Contains(text, "On track") || imp != widget.SuccessImportance {
		t.Errorf("after two kudos the goal reads %q", text)
	}
	ui(func() { s.card.tabs.SelectIndex(4) })
	h.settle()
	sc := s.card.score
	if v := sc.card.Value(kpi.ScoreKudos); v.Value != 2 || v.TeamMedian != 1.5 {
		t.Errorf("kudos on the scorecard: %+v", v)
	}
	text := rendered(sc.table)
	if !strings.Contains(text, "—") {
		t.Error("figures without data are not shown as —")
	}
	row := slices.Index(kpi.ScoreMetrics, kpi.ScoreKudos)
	cell := widget.NewLabel("")
	ui(func() { sc.updateCell(widget.TableCellID{Row: row, Col: scoreColVs}, cell) })
	if cell.Text != "+0.5" && cell.Text != "+1" || cell.Importance != widget.SuccessImportance {
		t.Errorf("the kudos difference from the team reads %q (importance %v)", cell.Text, cell.Importance)
	}
	if sc.chart.Image() == nil {
		t.Error("the scorecard chart was not drawn")
	}
}

func TestFitsALaptopInBothLanguages(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	for i := range 30 {
		e := data.Employee{Name: fmt.Sprintf("Konstantin Konstantinopolsky %d", i), Position: "Senior client service specialist",
			Team: "Second line, escalations", Status: data.EmployeeActive, HiredOn: data.DateDay(2025, 1, 10)}
		if err := st.SaveEmployee(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 40 {
		k := data.Skill{Name: fmt.Sprintf("Handling disputed chargebacks %d", i), Group: "Payments and billing"}
		if err := st.SaveSkill(ctx, &k); err != nil {
			t.Fatal(err)
		}
	}
	for _, code := range []string{"en", "ru"} {
		os.Setenv("LANGUAGE", code)
		widgets.SetLang(code)
		h := newHarness(t, st)
		s := h.screen
		all, _ := st.Employees(ctx)
		ui(func() { s.openCard(all[0].ID) })
		h.settle()
		var sizes []fyne.Size
		ui(func() {
			for i := range s.card.tabs.Items {
				s.card.tabs.SelectIndex(i)
				sizes = append(sizes, s.Content().MinSize())
			}
			s.closeCard()
			for i := range s.tabs.Items {
				s.tabs.SelectIndex(i)
				sizes = append(sizes, s.Content().MinSize())
			}
		})
		h.settle() // the scorecard tab loads: done before the next app
		for i, min := range sizes {
			if min.Width > 1366-230 || min.Height > 600 {
				t.Errorf("%s: view %d of the team screen needs %v", code, i, min)
			}
		}
		if code == "ru" && !strings.Contains(s.roster.count.Text, "30 сотрудников") {
			t.Errorf("the Russian count reads %q", s.roster.count.Text)
		}
	}
	os.Setenv("LANGUAGE", "en")
	widgets.SetLang("en")
	ui(func() { _ = lang.AddTranslationsFS(assets.Translations, "translations") })
}

func TestImportEmployeesThroughTheWizard(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s := h.screen
	existing := h.employee(data.Employee{Name: "Анна Смирнова", Position: "Специалист"})
	path := filepath.Join(t.TempDir(), "staff.csv")
	body := "ФИО;Должность;Группа;Дата приёма;Статус;Email\n" +
		"Анна Смирнова;Старший специалист;Линия 2;15.03.2021;работает;a.smirnova@example.ru\n" +
		"Игорь Волков;Специалист;Линия 1;01.02.2024;в отпуске;i.volkov@example.ru\n" +
		";Специалист;Линия 1;01.02.2024;работает;nobody@example.ru\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	ui(func() { s.ImportFile(path) })
	h.settle()
	w := s.wizard
	if w == nil || w.Preview() == nil {
		t.Fatal("the wizard did not open a preview")
	}
	if got := w.MappedColumn("name"); got != "ФИО" {
		t.Errorf("name mapped to %q", got)
	}
	if !strings.Contains(rendered(w.Content()), "Hire date") {
		t.Error("the mapping does not name the employee fields")
	}
	ui(w.Start)
	h.settle()
	res, err := w.Result()
	if res == nil || err != nil {
		t.Fatalf("result %+v, err %v", res, err)
	}
	if res.Imported != 2 || res.Rejected != 1 || len(res.Rejects) != 1 || res.Rejects[0].Row != 4 {
		t.Errorf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	if !strings.Contains(rendered(w.Content()), "2 employees imported") {
		t.Errorf("the result reads %q", rendered(w.Content()))
	}
	all, _ := st.Employees(context.Background())
	if len(all) != 2 || h.stored(existing.ID).Position != "Старший специалист" || h.stored(existing.ID).HiredOn != data.DateDay(2021, 3, 15) {
		t.Errorf("stored %+v", all)
	}
	if len(s.roster.rows) != 2 {
		t.Errorf("the roster shows %d after the import", len(s.roster.rows))
	}
	ui(w.Close)
}

// The employee's card and the add dialog ask before Back, Cancel or
// Escape throw away typed details: "keep editing" keeps them, "discard"
// closes and stores nothing. Unchanged, they close at once.
func TestEmployeeFormsAskBeforeDiscarding(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	s, c := h.screen, h.win.Canvas()
	e := h.employee(data.Employee{Name: "Anna Petrova", Position: "Agent", Team: "Line 1", HiredOn: data.DateDay(2025, 3, 3)})
	escape := func() { ui(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }) }
	overlays := func() (n int) { ui(func() { n = len(c.Overlays().List()) }); return }

	open := func() *card {
		t.Helper()
		ui(func() { s.openCard(e.ID) })
		h.settle()
		return s.card
	}
	open()
	escape()
	if s.card != nil || overlays() != 0 {
		t.Fatal("Escape on an unchanged card asked or left it open")
	}
	cd := open()
	f := cd.details
	ui(func() {
		c.Focus(f.notes)
		test.Type(f.notes, "Mentor for new agents")
		f.notes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if s.card != cd || overlays() != 1 {
		t.Fatalf("Escape after typing: card open %v, overlays %d; want the question over the card", s.card == cd, overlays())
	}
	escape() // on the question: keep editing
	if s.card != cd || overlays() != 0 || f.notes.Text != "Mentor for new agents" {
		t.Fatalf("Escape on the question: card open %v, overlays %d, notes %q", s.card == cd, overlays(), f.notes.Text)
	}
	var back *widget.Button
	ui(func() {
		for _, o := range test.LaidOutObjects(cd.content) {
			if b, ok := o.(*widget.Button); ok && b.Text == lang.L("team.card.back") {
				back = b
			}
		}
		test.Tap(back)
	})
	h.tapButton(lang.L("unsaved.keep"))
	if s.card != cd || f.notes.Text != "Mentor for new agents" {
		t.Fatal("keep editing lost the card or its text")
	}
	ui(func() { test.Tap(back) })
	h.tapButton(lang.L("unsaved.discard"))
	h.settle()
	if s.card != nil || overlays() != 0 || c.OnTypedKey() != nil {
		t.Fatalf("discard: card %v, overlays %d, key handler left %v", s.card != nil, overlays(), c.OnTypedKey() != nil)
	}
	if got := h.stored(e.ID); got.Notes != "" {
		t.Errorf("discarding stored the notes %q", got.Notes)
	}
	// Saved details leave nothing to ask about.
	cd = open()
	ui(func() { cd.details.contact.SetText("anna@example.com"); cd.saveDetails() })
	h.settle()
	escape()
	if s.card != nil || h.stored(e.ID).Contact != "anna@example.com" {
		t.Fatal("Escape after saving asked or left the card open")
	}
	// A kudos typed and not added counts as well.
	cd = open()
	ui(func() { cd.kudos.text.SetText("Calmed an angry client") })
	escape()
	if s.card != cd || overlays() != 1 {
		t.Fatal("Escape with a kudos not added did not ask")
	}
	h.tapButton(lang.L("unsaved.discard"))
	if s.card != nil {
		t.Fatal("discard left the card open")
	}
	// Ctrl+F leaves the card for the roster's search: it asks too.
	cd = open()
	ui(func() { cd.details.name.SetText("Anna Petrova-Smirnova") })
	ui(s.FocusSearch)
	if s.card != cd || overlays() != 1 {
		t.Fatal("searching from a card with unsaved details did not ask")
	}
	h.tapButton(lang.L("unsaved.keep"))
	if s.card != cd || cd.details.name.Text != "Anna Petrova-Smirnova" {
		t.Fatal("keep editing left the card")
	}
	ui(s.FocusSearch)
	h.tapButton(lang.L("unsaved.discard"))
	if s.card != nil || h.stored(e.ID).Name != "Anna Petrova" {
		t.Fatal("discarding for the search left the card open or stored the name")
	}

	// The add dialog.
	ui(s.NewEmployee)
	escape()
	if overlays() != 0 {
		t.Fatal("Escape on an untouched add dialog asked or left it open")
	}
	ui(s.NewEmployee)
	ui(func() { test.Type(s.addForm.name, "Boris Ivanov") })
	escape()
	if overlays() != 2 {
		t.Fatal("Escape after typing a name did not ask")
	}
	escape()
	if overlays() != 1 || s.addForm.name.Text != "Boris Ivanov" {
		t.Fatal("Escape on the question lost the dialog or its text")
	}
	h.tapButton(lang.L("dialog.cancel"))
	h.tapButton(lang.L("unsaved.discard"))
	h.settle()
	if all, _ := st.Employees(context.Background()); overlays() != 0 || len(all) != 1 {
		t.Fatalf("discard: %d overlays, %d employees stored", overlays(), len(all))
	}
}
