package team

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// goalsTab lists an employee's goals with where each stands.
type goalsTab struct {
	c *card

	list    *widget.List
	empty   *widget.Label
	content fyne.CanvasObject

	form *goalForm // the open add/edit dialog (tests)
}

func newGoalsTab(c *card) *goalsTab {
	g := &goalsTab{c: c}
	add := widget.NewButtonWithIcon(lang.L("team.goals.add"), theme.ContentAddIcon(), func() { g.edit(data.Goal{}) })
	add.Importance = widget.HighImportance
	g.list = widget.NewList(
		func() int { return len(c.cd.goals) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
			edit.Importance = widget.LowImportance
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			del.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), container.NewVBox(title, sub))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			goal := c.cd.goals[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(widgets.SingleLine(g.title(goal)))
			sub := texts.Objects[1].(*widget.Label)
			text, imp := g.standing(id)
			sub.SetText(widgets.SingleLine(text))
			sub.Importance = imp
			sub.Refresh()
			buttons := row.Objects[1].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { g.edit(goal) }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { g.confirmDelete(goal) }
		})
	g.empty = widget.NewLabel(lang.L("team.goals.none"))
	g.empty.Wrapping = fyne.TextWrapWord
	g.content = container.NewBorder(container.NewVBox(container.NewHBox(add), g.empty), nil, nil, nil, g.list)
	return g
}

func (g *goalsTab) apply() {
	if len(g.c.cd.goals) == 0 {
		g.empty.Show()
	} else {
		g.empty.Hide()
	}
	g.list.Refresh()
}

// title is "SLA compliance, % ≥ 90 · Jan 1, 2026 – Mar 31, 2026".
func (g *goalsTab) title(goal data.Goal) string {
	target := ""
	switch {
	case goal.Metric == data.GoalCourse:
		target = ": " + g.c.s.snap.courseTitle(goal.CourseID)
	case goal.Metric.LowerIsBetter(): // the metric's name carries the unit
		target = " ≤ " + widgets.Num(goal.Target, -1)
	default:
		target = " ≥ " + widgets.Num(goal.Target, -1)
	}
	return lang.L("goal.metric."+string(goal.Metric)) + target + " · " + dayText(goal.From) + " – " + dayText(goal.To)
}

// standing says where goal i stands: the figure so far and met or not.
func (g *goalsTab) standing(i int) (string, widget.Importance) {
	goal := g.c.cd.goals[i]
	var note string
	if goal.Note != "" {
		note = " · " + goal.Note
	}
	if i >= len(g.c.cd.progress) {
		return strings.TrimPrefix(note, " · "), widget.MediumImportance
	}
	p := g.c.cd.progress[i]
	current := "—"
	switch {
	case goal.Metric == data.GoalCourse && p.DoneOn != 0:
		current = lang.L("team.goals.course_done", map[string]any{"Date": dayText(p.DoneOn)})
	case goal.Metric == data.GoalCourse:
		current = lang.L("team.goals.course_not_done")
	case p.Current.Valid():
		current = scoreText(kpi.ScoreMetric(goal.Metric), p.Current.Value)
	}
	text := lang.L("team.goals.current", map[string]any{"Value": current})
	switch {
	case p.Met && p.Final:
		return text + " · ✓ " + lang.L("team.goals.met") + note, widget.SuccessImportance
	case p.Met:
		return text + " · ✓ " + lang.L("team.goals.on_track") + note, widget.SuccessImportance
	case p.Final:
		return text + " · ✗ " + lang.L("team.goals.missed") + note, widget.DangerImportance
	}
	return text + " · " + lang.L("team.goals.not_yet") + note, widget.MediumImportance
}

// scoreText formats a scorecard figure in its unit; "—" for no data.
func scoreText(m kpi.ScoreMetric, v float64) string { return m.Format(widgets.Lang(), v) }

// goalForm is the add/edit dialog of a goal.
type goalForm struct {
	g      data.Goal
	metric *widget.Select
	from   *widgets.DateEntry
	to     *widgets.DateEntry
	target *widgets.Entry
	course *widget.Select
	note   *widgets.Entry
	errs   widgets.FieldErrors
	dlg    *dialog.CustomDialog
	submit func()
}

func (g *goalsTab) edit(goal data.Goal) {
	s := g.c.s
	if goal.ID == 0 {
		q := kpi.PeriodOf(s.today(), kpi.Quarter)
		goal = data.Goal{EmployeeID: g.c.id, From: q.Start, To: q.End, Metric: data.GoalSLACompliance, Target: 90}
	}
	f := &goalForm{g: goal, errs: widgets.FieldErrors{}}
	var metrics []string
	for _, m := range data.GoalMetrics {
		metrics = append(metrics, lang.L("goal.metric."+string(m)))
	}
	var courses []string
	for _, c := range s.snap.courses {
		courses = append(courses, c.Title)
	}
	f.course = widget.NewSelect(courses, nil)
	f.target = widgets.NewEntry()
	// One form: hidden rows (target or course) take no space and the
	// labels stay in one column.
	targetLabel, courseLabel := widgets.FormLabel(lang.L("team.goals.target")), widgets.FormLabel(lang.L("team.goals.course"))
	targetCell, courseCell := f.errs.Under(widgets.FixedWidth(f.target, 160), "target"), f.errs.Under(f.course, "course")
	show := func(course bool) {
		for _, o := range []fyne.CanvasObject{targetLabel, targetCell} {
			o.Hide()
			if !course {
				o.Show()
			}
		}
		for _, o := range []fyne.CanvasObject{courseLabel, courseCell} {
			o.Hide()
			if course {
				o.Show()
			}
		}
	}
	f.metric = widget.NewSelect(metrics, func(string) { show(data.GoalMetrics[f.metric.SelectedIndex()] == data.GoalCourse) })
	f.from, f.to = widgets.NewDateEntry(), widgets.NewDateEntry()
	f.note = widgets.NewEntry()
	submit := func() { g.save(f) }
	f.submit = submit
	for _, e := range []*widgets.Entry{f.target, f.note} {
		e.OnSubmitted = func(string) { submit() }
	}
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("team.goals.metric")), f.errs.Under(f.metric, "metric"),
		widgets.FormLabel(lang.L("team.goals.period")), f.errs.Under(container.NewGridWithColumns(2, f.from, f.to), "period"),
		targetLabel, targetCell,
		courseLabel, courseCell,
		widgets.FormLabel(lang.L("team.goals.note")), f.note)

	f.from.SetDate(dateOf(goal.From))
	f.to.SetDate(dateOf(goal.To))
	if goal.Metric != data.GoalCourse {
		f.target.SetText(strconv.FormatFloat(goal.Target, 'f', -1, 64))
	}
	for i, c := range s.snap.courses {
		if c.ID == goal.CourseID {
			f.course.SetSelectedIndex(i)
		}
	}
	f.note.SetText(goal.Note)
	f.metric.SetSelectedIndex(max(0, slices.Index(data.GoalMetrics, goal.Metric)))

	title := lang.L("team.goals.add")
	if goal.ID != 0 {
		title = lang.L("team.goals.edit")
	}
	state := widgets.NewFormState(f.metric, f.from, f.to, f.target, f.course, f.note)
	ask := widgets.AskToDiscard(s.deps.Window, state.Changed, func() { f.dlg.Hide(); g.form = nil })
	cancel := widget.NewButton(lang.L("dialog.cancel"), ask)
	save := widget.NewButtonWithIcon(lang.L("team.goals.save"), theme.DocumentSaveIcon(), submit)
	save.Importance = widget.HighImportance
	f.dlg = dialog.NewCustomWithoutButtons(title, form, s.deps.Window)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	f.dlg.Resize(fyne.NewSize(560, f.dlg.MinSize().Height))
	g.form = f
	widgets.ShowForm(s.deps.Window, f.dlg, ask)
}

func (g *goalsTab) save(f *goalForm) {
	s := g.c.s
	goal := f.g
	goal.Metric = data.GoalMetrics[max(0, f.metric.SelectedIndex())]
	goal.Note = strings.TrimSpace(f.note.Text)
	var errs data.ValidationErrors
	from, ok1 := readDay(f.from)
	to, ok2 := readDay(f.to)
	goal.From, goal.To = from, to
	if !ok1 || !ok2 {
		errs = append(errs, &data.FieldError{Field: "period", Key: "team.error.date", Message: "invalid date"})
	}
	goal.Target, goal.CourseID = 0, 0
	if goal.Metric == data.GoalCourse {
		if i := f.course.SelectedIndex(); i >= 0 {
			goal.CourseID = s.snap.courses[i].ID
		}
	} else {
		v, err := strconv.ParseFloat(strings.NewReplacer(",", ".", "%", "", " ", "", "−", "-").Replace(f.target.Text), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			errs = append(errs, &data.FieldError{Field: "target", Key: "team.error.number", Message: "enter a number"})
		}
		goal.Target = v
	}
	var verrs data.ValidationErrors
	if err := goal.Validate(); errors.As(err, &verrs) && len(errs) == 0 {
		errs = verrs
	}
	if len(errs) > 0 {
		f.errs.Show(errs, s.showError)
		return
	}
	s.write(func(ctx context.Context) error { return s.deps.Store.SaveGoal(ctx, &goal) }, func(err error) {
		var verrs data.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			f.errs.Show(verrs, s.showError)
		case err != nil:
			s.showError(err)
		default:
			f.dlg.Hide()
			g.form = nil
		}
	})
}

func (g *goalsTab) confirmDelete(goal data.Goal) {
	s := g.c.s
	widgets.Confirm(lang.L("team.goals.delete_title"), lang.L("team.goals.delete_text", map[string]any{"Goal": g.title(goal)}), func(yes bool) {
		if yes {
			s.write(func(ctx context.Context) error { return s.deps.Store.DeleteGoal(ctx, goal.ID) }, nil)
		}
	}, s.deps.Window)
}
