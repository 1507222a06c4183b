package team

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"caredesk/assets"
	"caredesk/data"
	"caredesk/ui/widgets"
)

// header is the roster's header cell of a column, as laid out in the window.
func (h *harness) header(col int) *sortHeader {
	h.t.Helper()
	var found *sortHeader
	ui(func() {
		for _, o := range test.LaidOutObjects(h.win.Canvas().Content()) {
			if sh, ok := o.(*sortHeader); ok && sh.Visible() && sh.col == col {
				found = sh
			}
		}
	})
	if found == nil {
		h.t.Fatalf("no header for column %d", col)
	}
	return found
}

func (h *harness) tapHeader(col int) {
	sh := h.header(col)
	ui(func() { test.Tap(sh) })
}

// names are the names on the roster, top to bottom.
func (h *harness) names() []string {
	var out []string
	ui(func() {
		for _, e := range h.screen.roster.rows {
			out = append(out, e.Name)
		}
	})
	return out
}

func (h *harness) wantNames(what string, want ...string) {
	h.t.Helper()
	if got := h.names(); !slices.Equal(got[:min(len(got), len(want))], want) {
		h.t.Errorf("%s: the roster reads %q, want it to start %q", what, got, want)
	}
}

func (h *harness) headerText(col int) string {
	sh := h.header(col)
	var text string
	ui(func() { text = sh.label.Text })
	return text
}

// sortTeam stores a team whose every column orders it differently, with
// Russian names that byte order would scramble (Ё before А, lower case
// after upper case).
func sortTeam(t *testing.T, h *harness) map[string]data.Employee {
	t.Helper()
	ctx := context.Background()
	team := map[string]data.Employee{}
	for _, e := range []data.Employee{
		{Name: "яков", Position: "Agent 10", Team: "Line 1", HiredOn: data.DateDay(2023, 5, 1)},
		{Name: "Ёлкин", Position: "Agent 2", Team: "", Status: data.EmployeeOnLeave, HiredOn: data.DateDay(2021, 2, 1)},
		{Name: "анна", Position: "", Team: "Line 2", HiredOn: 0},
		{Name: "Борис", Position: "Lead", Team: "Line 1", HiredOn: data.DateDay(2024, 9, 15)},
		{Name: "Елена", Position: "Agent 2", Team: "Line 2", Status: data.EmployeeLeft, HiredOn: data.DateDay(2019, 3, 3)},
	} {
		team[e.Name] = h.employee(e)
	}
	course := data.Course{Title: "Active listening", Format: data.FormatOnline, Hours: 4}
	if err := h.store.SaveCourse(ctx, &course); err != nil {
		t.Fatal(err)
	}
	// Борис: 2 open, none overdue; яков: 1 open and overdue; анна: 3 open,
	// 1 overdue; Ёлкин: 1 done (nothing open).
	plan := func(name string, end data.Day, st data.TrainingStatus) {
		item := data.TrainingItem{EmployeeID: team[name].ID, CourseID: course.ID, PlannedStart: data.DateDay(2020, 1, 1),
			PlannedEnd: end, Status: st}
		if st == data.TrainingDone {
			item.CompletedOn = end
		}
		if err := h.store.SaveTrainingItem(ctx, &item); err != nil {
			t.Fatal(err)
		}
	}
	past, future := data.DateDay(2020, 2, 1), data.DateDay(2099, 1, 1)
	plan("Борис", future, data.TrainingPlanned)
	plan("Борис", future, data.TrainingInProgress)
	plan("яков", past, data.TrainingPlanned)
	plan("анна", past, data.TrainingPlanned)
	plan("анна", future, data.TrainingPlanned)
	plan("анна", future, data.TrainingPlanned)
	plan("Ёлкин", past, data.TrainingDone)
	ui(h.screen.Refresh)
	h.settle()
	ui(func() { h.screen.roster.status.SetSelectedIndex(showAll) })
	return team
}

func TestRosterSortsByTheTappedHeader(t *testing.T) {
	t.Setenv("LANGUAGE", "ru")
	widgets.SetLang("ru")
	t.Cleanup(func() {
		widgets.SetLang("en")
		os.Setenv("LANGUAGE", "en")
		ui(func() { _ = lang.AddTranslationsFS(assets.Translations, "translations") })
	})
	h := newHarness(t, openStore(t))
	sortTeam(t, h)

	// By name from the start, in Russian alphabetical order (Ё with Е).
	h.wantNames("by name", "анна", "Борис", "Елена", "Ёлкин", "яков")
	if got := h.headerText(colName); !strings.HasSuffix(got, " ▲") {
		t.Errorf("the name header reads %q, want the ascending arrow", got)
	}
	h.tapHeader(colName)
	h.wantNames("by name, descending", "яков", "Ёлкин", "Елена", "Борис", "анна")
	if got := h.headerText(colName); !strings.HasSuffix(got, " ▼") {
		t.Errorf("the name header reads %q, want the descending arrow", got)
	}

	// Another column: ascending first, the arrow moves; numbers by value,
	// ties by name, a blank position last either way.
	h.tapHeader(colPosition)
	h.wantNames("by position", "Елена", "Ёлкин", "яков", "Борис", "анна")
	if got := h.headerText(colName); strings.ContainsAny(got, "▲▼") {
		t.Errorf("the name header still reads %q", got)
	}
	if got := h.headerText(colPosition); !strings.HasSuffix(got, " ▲") {
		t.Errorf("the position header reads %q", got)
	}
	h.tapHeader(colPosition)
	h.wantNames("by position, descending", "Борис", "яков", "Елена", "Ёлкин", "анна")

	h.tapHeader(colHired)
	h.wantNames("by hire date", "Елена", "Ёлкин", "яков", "Борис", "анна")
	h.tapHeader(colHired)
	h.wantNames("by hire date, descending", "Борис", "яков", "Ёлкин", "Елена", "анна")

	h.tapHeader(colStatus) // active, on leave, left
	h.wantNames("by status", "анна", "Борис", "яков", "Ёлкин", "Елена")

	// Training: overdue first decides, then open items.
	h.tapHeader(colTraining)
	h.wantNames("by training", "Елена", "Ёлкин", "Борис", "яков", "анна")
	h.tapHeader(colTraining)
	h.wantNames("by training, descending", "анна", "яков", "Борис", "Елена", "Ёлкин")

	h.tapHeader(colTeam)
	h.wantNames("by team", "Борис", "яков", "анна", "Елена", "Ёлкин")
}

func TestRosterSortKeptAcrossRefreshAndFilters(t *testing.T) {
	h := newHarness(t, openStore(t))
	s := h.screen
	team := sortTeam(t, h)
	h.tapHeader(colHired)
	h.tapHeader(colHired)
	h.wantNames("by hire date, descending", "Борис", "яков", "Ёлкин", "Елена", "анна")

	// A newcomer arrives with a refresh and takes their place in the order.
	h.employee(data.Employee{Name: "Newcomer", Position: "Agent", Team: "Line 1", HiredOn: data.DateDay(2025, 1, 20)})
	ui(s.Refresh)
	h.settle()
	h.wantNames("after a refresh", "Newcomer", "Борис", "яков", "Ёлкин", "Елена", "анна")
	if got := h.headerText(colHired); !strings.HasSuffix(got, " ▼") {
		t.Errorf("after a refresh the hired header reads %q", got)
	}

	// Filters and search narrow the sorted list without changing its order.
	ui(func() { s.roster.teamSel.SetSelected("Line 1") })
	h.wantNames("Line 1", "Newcomer", "Борис", "яков")
	if n := len(h.names()); n != 3 {
		t.Errorf("Line 1 shows %d employees", n)
	}
	ui(func() { test.Type(s.roster.search, "agent") }) // not Борис, the lead
	h.settle()
	h.wantNames("searching", "Newcomer", "яков")
	if n := len(h.names()); n != 2 {
		t.Errorf("the search shows %q", h.names())
	}
	h.tapHeader(colName)
	h.wantNames("searching, by name", "Newcomer", "яков") // English puts Latin first
	ui(func() {
		s.roster.search.Clear()
		s.roster.teamSel.SetSelectedIndex(0)
		s.roster.status.SetSelectedIndex(showCurrent)
	})
	h.settle()
	if got := h.names(); slices.Contains(got, team["Елена"].Name) || len(got) != 5 {
		t.Errorf("the current team reads %q", got)
	}
}

// The sorted column's title and arrow fit the column in both languages,
// so the arrow is never cut off by the ellipsis.
func TestRosterHeadersFitWithTheArrow(t *testing.T) {
	for _, code := range []string{"en", "ru"} {
		os.Setenv("LANGUAGE", code)
		widgets.SetLang(code)
		h := newHarness(t, openStore(t))
		h.employee(data.Employee{Name: "Anna"})
		ui(h.screen.Refresh)
		h.settle()
		for col := range rosterCols {
			if col != colName {
				h.tapHeader(col) // the arrow moves to it
			}
			sh := h.header(col)
			var text string
			var need float32
			ui(func() { text, need = sh.label.Text, sh.label.MinSize().Width })
			if !strings.ContainsAny(text, "▲▼") {
				t.Errorf("%s: column %d reads %q without an arrow", code, col, text)
			}
			if need > rosterWidths[col] {
				t.Errorf("%s: %q needs %.0f px in a %.0f px column", code, text, need, rosterWidths[col])
			}
		}
		if code == "ru" && h.headerText(colTraining) != "Обучение ▲" {
			t.Errorf("the Russian training header reads %q", h.headerText(colTraining))
		}
	}
	os.Setenv("LANGUAGE", "en")
	widgets.SetLang("en")
	ui(func() { _ = lang.AddTranslationsFS(assets.Translations, "translations") })
}

func BenchmarkRosterSort(b *testing.B) {
	test.NewTempApp(b)
	widgets.SetLang("ru")
	defer widgets.SetLang("en")
	s := &Screen{snap: snapshot{open: map[int64]int{}, overdue: map[int64]int{}}}
	r := &roster{s: s, order: rosterOrder{col: colName}}
	names := []string{"Анна", "Борис", "Ёлкин", "Елена", "яков", "Zoe", "Игорь"}
	employees := make([]data.Employee, 2000)
	for i := range employees {
		employees[i] = data.Employee{ID: int64(i + 1), Name: fmt.Sprintf("%s %d", names[i%len(names)], i*7919%2000),
			Position: fmt.Sprintf("Agent %d", i%13), Team: fmt.Sprintf("Line %d", i%4)}
	}
	for _, col := range []int{colName, colPosition} {
		b.Run(fmt.Sprint(col), func(b *testing.B) {
			r.order.col = col
			for b.Loop() {
				r.rows = append(r.rows[:0], employees...)
				r.sortRows()
			}
		})
	}
}
