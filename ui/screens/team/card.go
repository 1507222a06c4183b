package team

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// card is one employee's card: it replaces the tabs until Back or Escape.
type card struct {
	s  *Screen
	id int64
	cd cardData // as last loaded

	header     *widget.Label
	tabs       *container.AppTabs
	detailsTab *container.TabItem // the one tab that saves by its button
	details    *employeeForm
	saveBtn    *widget.Button
	saved      *widget.Label // "Saved" after a save, until the next one
	onboarding *onboardingTab
	skills     *skillsTab
	goals      *goalsTab
	score      *scorecardTab
	training   *widget.List
	noTraining *widget.Label
	kudos      *kudosTab
	content    fyne.CanvasObject

	back    func() // Back and Escape: ask first while something typed is unsaved
	restore func() // the window's key handler before the card
}

// cardData is what the card shows of one employee.
type cardData struct {
	e           data.Employee
	checkpoints []data.OnboardingCheckpoint
	history     []data.SkillAssessment // newest first
	goals       []data.Goal
	kudos       []data.Kudos
	items       []data.TrainingItem
	progress    []kpi.GoalProgress // of goals, in their order
	progressErr error
}

func loadCard(ctx context.Context, st data.Store, id int64, today data.Day) (cardData, error) {
	var cd cardData
	var err error
	step := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	step(func() (e error) { cd.e, e = st.Employee(ctx, id); return })
	step(func() (e error) { cd.checkpoints, e = st.Checkpoints(ctx, id); return })
	step(func() (e error) { cd.history, e = st.Assessments(ctx, id); return })
	step(func() (e error) { cd.goals, e = st.Goals(ctx, id); return })
	step(func() (e error) { cd.kudos, e = st.Kudos(ctx, id, 0, 0); return })
	step(func() (e error) { cd.items, e = st.TrainingItems(ctx, data.TrainingFilter{EmployeeID: id}); return })
	if err != nil {
		return cd, err
	}
	// Progress is figures over complaints: when they cannot be read the
	// card still opens, with the goals and without their standing.
	cd.progress, cd.progressErr = kpi.LoadGoalProgress(ctx, st, cd.goals, today)
	return cd, nil
}

// openCard shows an employee's card in place of the tabs.
func (s *Screen) openCard(id int64) {
	if s.card != nil {
		s.closeCard()
	}
	c := &card{s: s, id: id}
	c.build()
	s.card = c
	s.body.Objects = []fyne.CanvasObject{c.content}
	s.body.Refresh()
	c.restore = widgets.EscapeCloses(s.deps.Window, c.back)
	c.reload()
}

// closeCard goes back to the roster.
func (s *Screen) closeCard() {
	c := s.card
	if c == nil {
		return
	}
	s.card = nil
	c.restore()
	s.body.Objects = []fyne.CanvasObject{s.tabs}
	s.body.Refresh()
}

// reload reads the employee's data again and shows it.
func (c *card) reload() {
	s := c.s
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		cd, err := loadCard(context.Background(), s.deps.Store, c.id, s.today())
		widgets.Do(func() {
			if s.card != c {
				return // closed meanwhile
			}
			if err != nil {
				s.closeCard()
				s.showError(err)
				return
			}
			c.apply(cd)
			if cd.progressErr != nil {
				s.showError(cd.progressErr)
			}
		})
	})
}

func (c *card) build() {
	s := c.s
	c.back = widgets.AskToDiscard(s.deps.Window, c.dirty, s.closeCard)
	back := widget.NewButtonWithIcon(lang.L("team.card.back"), theme.NavigateBackIcon(), c.back)
	c.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.header.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, back, nil, c.header)

	c.details = newEmployeeForm(&s.snap)
	c.details.onSubmit = c.saveDetails
	c.saveBtn = widget.NewButtonWithIcon(lang.L("team.card.save"), theme.DocumentSaveIcon(), c.saveDetails)
	c.saveBtn.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon(lang.L("team.card.delete"), theme.DeleteIcon(), func() { s.confirmDelete(c.cd.e) })
	c.saved = widget.NewLabel("")
	c.saved.Importance = widget.SuccessImportance
	details := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), c.saved, del, c.saveBtn), nil, nil,
		container.NewVScroll(container.NewPadded(c.details.content)))

	c.onboarding = newOnboardingTab(c)
	c.skills = newSkillsTab(c)
	c.goals = newGoalsTab(c)
	c.score = newScorecardTab(c)
	c.kudos = newKudosTab(c)
	c.training = widget.NewList(
		func() int { return len(c.cd.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			t := c.cd.items[id]
			box.Objects[0].(*widget.Label).SetText(s.snap.courseTitle(t.CourseID))
			sub := box.Objects[1].(*widget.Label)
			sub.SetText(trainingLine(t, s.today()))
			sub.Importance = widget.MediumImportance
			if t.Overdue(s.today()) {
				sub.Importance = widget.DangerImportance
			}
			sub.Refresh()
		})
	c.noTraining = widget.NewLabel(lang.L("team.training.none"))
	c.noTraining.Wrapping = fyne.TextWrapWord
	training := container.NewBorder(c.noTraining, nil, nil, nil, c.training)

	c.detailsTab = container.NewTabItem(lang.L("team.card.details"), details)
	c.tabs = container.NewAppTabs(
		c.detailsTab,
		container.NewTabItem(lang.L("team.card.onboarding"), c.onboarding.content),
		container.NewTabItem(lang.L("team.card.skills"), c.skills.content),
		container.NewTabItem(lang.L("team.card.goals"), c.goals.content),
		container.NewTabItem(lang.L("team.card.scorecard"), c.score.content),
		container.NewTabItem(lang.L("team.card.training"), training),
		container.NewTabItem(lang.L("team.card.kudos"), c.kudos.content),
	)
	c.tabs.OnSelected = func(*container.TabItem) { c.score.apply() }
	c.content = container.NewBorder(top, nil, nil, nil, c.tabs)
}

func (c *card) apply(cd cardData) {
	c.cd = cd
	c.header.SetText(cd.e.Name + " · " + statusName(cd.e.Status))
	if !c.details.dirty() {
		c.details.set(cd.e) // a status set elsewhere shows; what is being typed stays
	}
	c.onboarding.apply()
	c.skills.apply()
	c.goals.apply()
	c.score.apply()
	c.kudos.apply()
	if len(cd.items) == 0 {
		c.noTraining.Show()
	} else {
		c.noTraining.Hide()
	}
	c.training.Refresh()
}

// dirty reports typing not saved: the details, or a kudos or an
// assessment not added yet.
func (c *card) dirty() bool {
	return c.details.dirty() || c.kudos.unsent() || c.skills.unsent()
}

func (c *card) saveDetails() {
	s := c.s
	c.saved.SetText("")
	e, ok := c.details.read(s.showError)
	if !ok {
		return
	}
	s.write(func(ctx context.Context) error { return s.deps.Store.SaveEmployee(ctx, &e) }, func(err error) {
		if !c.details.showErr(err, s.showError) {
			c.details.set(e)
			c.saved.SetText(lang.L("team.card.saved"))
		}
	})
}

// trainingLine describes a plan item: dates, status, overdue, result.
func trainingLine(t data.TrainingItem, today data.Day) string {
	line := dayText(t.PlannedStart) + " – " + dayText(t.PlannedEnd) + " · " + lang.L("training.status."+string(t.Status))
	if t.Overdue(today) {
		line += " · " + lang.L("training.overdue")
	}
	if t.CompletedOn != 0 {
		line += " · " + lang.L("team.training.completed", map[string]any{"Date": dayText(t.CompletedOn)})
	}
	if t.Result != "" {
		line += " · " + t.Result
	}
	return widgets.SingleLine(line)
}
