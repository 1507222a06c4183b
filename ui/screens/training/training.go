// Package training is the Training screen: the training plan with its
// timeline, the course catalogue, plans per quarter or year with their
// budgets, recommendations turned into plan items in one step, and the
// import of courses and plans.
package training

import (
	"context"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// Deps is what the screen needs from the shell.
type Deps struct {
	Store     data.Store
	Window    fyne.Window
	ShowError func(error)
	Changed   func()           // the plan or catalogue changed: other screens refresh
	Dark      func() bool      // theme variant for charts
	Now       func() time.Time // today; tests fix it
	// SaveChart writes a chart to a PNG, SVG or PDF file by extension.
	SaveChart func(path string, ch *charts.Chart) error
}

// lookups are the lists every tab names things from; they are replaced
// whole on each load and read on the UI goroutine only. The maps index
// them by ID: a plan of thousands of items names its employees per row.
type lookups struct {
	employees []data.Employee
	courses   []data.Course
	skills    []data.Skill
	budgets   []data.TrainingBudget

	employeeByID map[int64]data.Employee
	courseByID   map[int64]data.Course
}

func (l lookups) employee(id int64) (data.Employee, bool) {
	e, ok := l.employeeByID[id]
	return e, ok
}

func (l lookups) course(id int64) (data.Course, bool) {
	c, ok := l.courseByID[id]
	return c, ok
}

func (l lookups) employeeName(id int64) string {
	if e, ok := l.employee(id); ok {
		return e.Name
	}
	return "—"
}

func (l lookups) courseTitle(id int64) string {
	if c, ok := l.course(id); ok {
		return c.Title
	}
	return "—"
}

// plannable are the employees a course can be planned for: everyone who
// has not left.
func (l lookups) plannable() []data.Employee {
	var out []data.Employee
	for _, e := range l.employees {
		if e.Status != data.EmployeeLeft {
			out = append(out, e)
		}
	}
	return out
}

// Screen is the Training screen.
type Screen struct {
	deps Deps
	look lookups

	tabs    *container.AppTabs
	plan    *planTab
	courses *coursesTab
	budgets *budgetsTab
	recs    *recsTab
	content fyne.CanvasObject
	itemDlg *itemDialog // open dialogs, for tests
	doneDlg *doneDialog
	wizard  *widgets.ImportWizard
	effect  kpi.TrainingEffect // the last one shown, for tests

	busy sync.WaitGroup
}

// New builds the screen and starts loading it.
func New(d Deps) *Screen {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Screen{deps: d}
	s.build()
	s.Refresh()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

func (s *Screen) build() {
	s.plan = s.buildPlan()
	s.courses = s.buildCourses()
	s.budgets = s.buildBudgets()
	s.recs = s.buildRecommendations()
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("training.tab.plan"), s.plan.box),
		container.NewTabItem(lang.L("training.tab.courses"), s.courses.box),
		container.NewTabItem(lang.L("training.tab.budgets"), s.budgets.box),
		container.NewTabItem(lang.L("training.tab.recommendations"), s.recs.box),
	)
	// Budgets and recommendations read the whole plan (and complaint
	// outcomes): they load when shown, not with every change elsewhere.
	s.tabs.OnSelected = func(*container.TabItem) {
		switch s.tabs.SelectedIndex() {
		case tabBudgets:
			s.budgets.load()
		case tabRecommendations:
			s.recs.load()
		}
	}
	s.content = s.tabs
}

// The tabs by position.
const (
	tabPlan = iota
	tabCourses
	tabBudgets
	tabRecommendations
)

func (s *Screen) today() data.Day { return data.DayOf(s.deps.Now(), s.deps.Store.Location()) }

func (s *Screen) showError(err error) {
	if s.deps.ShowError != nil {
		s.deps.ShowError(err)
	}
}

// Unsaved reports whether a course or a budget in its form has edits not
// saved.
func (s *Screen) Unsaved() bool {
	return s.courses.dirty() || s.budgets.state != nil && s.budgets.state.Changed()
}

// Refresh reloads the lookups, then every tab.
func (s *Screen) Refresh() {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		l, err := loadLookups(context.Background(), s.deps.Store)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.look = l
			s.plan.lookupsChanged()
			s.courses.lookupsChanged()
			s.budgets.lookupsChanged()
			s.plan.load()
			switch s.tabs.SelectedIndex() {
			case tabBudgets:
				s.budgets.load()
			case tabRecommendations:
				s.recs.load()
			}
		})
	})
}

func loadLookups(ctx context.Context, st data.Store) (lookups, error) {
	var l lookups
	var err error
	if l.employees, err = st.Employees(ctx); err != nil {
		return l, err
	}
	if l.courses, err = st.Courses(ctx); err != nil {
		return l, err
	}
	if l.skills, err = st.Skills(ctx); err != nil {
		return l, err
	}
	if l.budgets, err = st.TrainingBudgets(ctx); err != nil {
		return l, err
	}
	l.employeeByID = make(map[int64]data.Employee, len(l.employees))
	for _, e := range l.employees {
		l.employeeByID[e.ID] = e
	}
	l.courseByID = make(map[int64]data.Course, len(l.courses))
	for _, c := range l.courses {
		l.courseByID[c.ID] = c
	}
	return l, nil
}

// afterChange tells the shell and reloads the screen.
func (s *Screen) afterChange() {
	if s.deps.Changed != nil {
		s.deps.Changed()
	}
	s.Refresh()
}

// save runs a store write off the UI goroutine; done runs on the UI
// goroutine with its error, and a success reloads the screen.
func (s *Screen) save(write func(ctx context.Context) error, done func(error)) {
	widgets.Write(&s.busy, func() error { return write(context.Background()) }, done, s.showError, s.afterChange)
}

// ShowItem opens the Plan tab on one item (after "Add to plan").
func (s *Screen) ShowItem(id int64) {
	s.tabs.SelectIndex(tabPlan)
	s.plan.reveal(id)
}

// NewItem opens the Plan tab and the form of a new plan item.
func (s *Screen) NewItem() {
	s.tabs.SelectIndex(tabPlan)
	s.openItemDialog(data.TrainingItem{})
}

// ShowRecommendations opens the Recommendations tab (from the dashboard).
func (s *Screen) ShowRecommendations() { s.tabs.SelectIndex(tabRecommendations) }

// wait blocks until background work has settled (tests).
func (s *Screen) wait() { s.busy.Wait() }

// sortedTeams are the distinct teams of the employees, by name.
func sortedTeams(employees []data.Employee) []string {
	var teams []string
	for _, e := range employees {
		if e.Team != "" && !slices.Contains(teams, e.Team) {
			teams = append(teams, e.Team)
		}
	}
	slices.Sort(teams)
	return teams
}
