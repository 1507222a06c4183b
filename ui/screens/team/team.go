// Package team is the Team screen: the roster of the department's
// employees with each one's card (details, onboarding, skills, goals,
// scorecard, training history, kudos), and the skills matrix.
package team

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/ui/widgets"
)

// Deps is what the screen needs from the shell.
type Deps struct {
	Store     data.Store
	Window    fyne.Window
	ShowError func(error)
	Changed   func() // team data changed: the dashboard and training screens are stale
	// SaveChart writes a chart to a PNG, SVG or PDF file by extension;
	// without it the charts offer no export.
	SaveChart func(path string, ch *charts.Chart) error
}

// Screen is the Team screen.
type Screen struct {
	deps Deps
	snap snapshot // as last loaded; UI goroutine only

	roster *roster
	matrix *matrix
	card   *card // the open employee card, nil on the tabs

	// Open dialogs, for tests.
	addDialog   *dialog.CustomDialog
	addForm     *employeeForm
	conflict    dialog.Dialog
	reqEditor   *requirementsEditor
	catEditor   *catalogueEditor
	linksEditor *linksEditor
	wizard      *widgets.ImportWizard

	tabs    *container.AppTabs
	body    *fyne.Container // the tabs, or an open employee card
	content fyne.CanvasObject

	busy sync.WaitGroup
}

// snapshot is everything the roster and the matrix show, read in one go.
type snapshot struct {
	employees []data.Employee // by name
	skills    []data.Skill    // by group, then name
	levels    []data.SkillAssessment
	reqs      []data.SkillRequirement
	items     []data.TrainingItem
	courses   []data.Course
	cats      []data.Category
	catSkills map[int64][]int64
	// open and overdue plan items per employee, counted once per load
	// rather than per roster cell
	open, overdue map[int64]int
}

// New builds the screen and starts loading the team.
func New(d Deps) *Screen {
	s := &Screen{deps: d}
	s.build()
	s.Refresh()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// SaveButton is the Save of the open employee card while its details are
// shown (the other tabs save as they go), nil otherwise: Ctrl+S taps it.
func (s *Screen) SaveButton() *widget.Button {
	if s.card == nil || s.card.tabs.Selected() != s.card.detailsTab {
		return nil
	}
	return s.card.saveBtn
}

// Unsaved reports whether the open employee card holds edits not saved.
func (s *Screen) Unsaved() bool { return s.card != nil && s.card.dirty() }

// Refresh reloads the roster and the skills matrix, and the open card.
func (s *Screen) Refresh() {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		snap, err := load(context.Background(), s.deps.Store, s.today())
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.snap = snap
			s.roster.apply()
			s.matrix.apply()
			if s.card != nil {
				s.card.reload()
			}
		})
	})
}

func load(ctx context.Context, st data.Store, today data.Day) (snapshot, error) {
	var sn snapshot
	var err error
	step := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	step(func() (e error) { sn.employees, e = st.Employees(ctx); return })
	step(func() (e error) { sn.skills, e = st.Skills(ctx); return })
	step(func() (e error) { sn.levels, e = st.CurrentLevels(ctx); return })
	step(func() (e error) { sn.reqs, e = st.Requirements(ctx); return })
	step(func() (e error) { sn.items, e = st.TrainingItems(ctx, data.TrainingFilter{}); return })
	step(func() (e error) { sn.courses, e = st.Courses(ctx); return })
	step(func() (e error) { sn.cats, e = st.Categories(ctx); return })
	step(func() (e error) { sn.catSkills, e = st.CategorySkills(ctx); return })
	sn.open, sn.overdue = map[int64]int{}, map[int64]int{}
	for _, t := range sn.items {
		if t.Status.Open() {
			sn.open[t.EmployeeID]++
			if t.Overdue(today) {
				sn.overdue[t.EmployeeID]++
			}
		}
	}
	return sn, err
}

func (s *Screen) build() {
	s.roster = newRoster(s)
	s.matrix = newMatrix(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("team.tab.roster"), theme.AccountIcon(), s.roster.content),
		container.NewTabItemWithIcon(lang.L("team.tab.matrix"), theme.GridIcon(), s.matrix.content),
	)
	s.body = container.NewStack(s.tabs)
	s.content = s.body
}

func (s *Screen) showError(err error) {
	if s.deps.ShowError != nil {
		s.deps.ShowError(err)
	}
}

// show opens one of the screen's dialogs; Escape closes it, as Cancel
// does.
func (s *Screen) show(d dialog.Dialog) {
	widgets.ShowWithEscape(s.deps.Window, d)
}

// afterChange tells the shell and reloads everything shown.
func (s *Screen) afterChange() {
	if s.deps.Changed != nil {
		s.deps.Changed()
	}
	s.Refresh()
}

// write runs a store change off the UI goroutine, then done (on the UI
// goroutine) with its error; a nil error refreshes the screen.
func (s *Screen) write(change func(ctx context.Context) error, done func(error)) {
	widgets.Write(&s.busy, func() error { return change(context.Background()) }, done, s.showError, s.afterChange)
}

// dark reports the theme variant, for charts.
func dark() bool { return fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark }

// exportChart asks where to save a chart and saves it.
func (s *Screen) exportChart(name string, build widgets.ChartBuilder) {
	widgets.ExportChart(s.deps.Window, name, build, s.deps.SaveChart, func(path string, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		widgets.Inform(lang.L("export.title"), lang.L("export.saved", map[string]any{"Path": path}), s.deps.Window)
	})
}

func (s *Screen) today() data.Day { return data.DayOf(time.Now(), s.deps.Store.Location()) }

// wait blocks until background work has settled (tests).
func (s *Screen) wait() { s.busy.Wait() }

func (sn *snapshot) skill(id int64) data.Skill {
	i := slices.IndexFunc(sn.skills, func(k data.Skill) bool { return k.ID == id })
	if i < 0 {
		return data.Skill{ID: id, Name: "#" + widgets.Int(id)}
	}
	return sn.skills[i]
}

func (sn *snapshot) courseTitle(id int64) string {
	for _, c := range sn.courses {
		if c.ID == id {
			return c.Title
		}
	}
	return "#" + widgets.Int(id)
}

// required is what a position requires of each skill.
func (sn *snapshot) required(position string) map[int64]data.SkillLevel {
	out := map[int64]data.SkillLevel{}
	p := strings.ToLower(strings.TrimSpace(position))
	for _, r := range sn.reqs {
		if strings.ToLower(strings.TrimSpace(r.Position)) == p {
			out[r.SkillID] = r.Level
		}
	}
	return out
}

// distinct lists the non-empty values of field over the employees, sorted.
func (sn *snapshot) distinct(field func(data.Employee) string) []string {
	var out []string
	for _, e := range sn.employees {
		if v := field(e); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// positions are the employees' positions and those with requirements.
func (sn *snapshot) positions() []string {
	out := sn.distinct(func(e data.Employee) string { return e.Position })
	for _, r := range sn.reqs {
		if !slices.ContainsFunc(out, func(p string) bool { return strings.EqualFold(p, r.Position) }) {
			out = append(out, r.Position)
		}
	}
	slices.Sort(out)
	return out
}

func statusName(st data.EmployeeStatus) string { return lang.L("employee.status." + string(st)) }

func levelName(l data.SkillLevel) string { return lang.L(l.Key()) }

// dayText is a day in the UI language; "—" for an unknown day.
func dayText(d data.Day) string {
	if d == 0 {
		return "—"
	}
	return data.FormatDate(widgets.Lang(), d.Time())
}

// dateOf is a date entry's value for a day (nil for 0).
func dateOf(d data.Day) *time.Time {
	if d == 0 {
		return nil
	}
	t := d.Time()
	return &t
}

// readDay reads a date entry: 0 when empty, ok false when unreadable.
func readDay(e *widgets.DateEntry) (data.Day, bool) {
	switch {
	case strings.TrimSpace(e.Text) == "":
		return 0, true
	case e.Validate() != nil || e.Date == nil:
		return 0, false
	}
	return data.DateDay(e.Date.Date()), true
}
