package team

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// onboardingTab shows the 30/60/90-day plan, or offers to make one.
type onboardingTab struct {
	c *card

	goals   [3]*widgets.Entry
	planBtn *widget.Button
	hint    *widget.Label
	plan    fyne.CanvasObject // the form that makes a plan
	rows    *fyne.Container   // one row per checkpoint
	content fyne.CanvasObject

	assess  dialog.Dialog // the open met/not met dialog (tests)
	editing dialog.Dialog // the open edit dialog (tests)
}

func newOnboardingTab(c *card) *onboardingTab {
	o := &onboardingTab{c: c}
	form := container.New(layout.NewFormLayout())
	for i, mark := range data.OnboardingMarks {
		e := widgets.NewEntry()
		e.SetText(lang.L("team.onboarding.default." + markKey(mark)))
		e.OnSubmitted = func(string) { o.makePlan() }
		o.goals[i] = e
		form.Add(widget.NewLabelWithStyle(lang.L("team.onboarding.day", map[string]any{"Days": mark}), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		form.Add(e)
	}
	o.planBtn = widget.NewButtonWithIcon(lang.L("team.onboarding.plan"), theme.ContentAddIcon(), o.makePlan)
	o.planBtn.Importance = widget.HighImportance
	o.hint = widget.NewLabel("")
	o.hint.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(lang.L("team.onboarding.none"))
	intro.Wrapping = fyne.TextWrapWord
	o.plan = container.NewVBox(intro, form, container.NewHBox(o.planBtn), o.hint)
	o.rows = container.NewVBox()
	o.content = container.NewVScroll(container.NewVBox(o.plan, o.rows))
	return o
}

func markKey(mark int) string {
	switch mark {
	case 30:
		return "30"
	case 60:
		return "60"
	}
	return "90"
}

func (o *onboardingTab) apply() {
	cps := o.c.cd.checkpoints
	if len(cps) == 0 {
		o.plan.Show()
		if o.c.cd.e.HiredOn == 0 {
			o.planBtn.Disable()
			o.hint.SetText(lang.L("team.onboarding.need_hire_date"))
			o.hint.Show()
		} else {
			o.planBtn.Enable()
			o.hint.Hide()
		}
	} else {
		o.plan.Hide()
	}
	o.rows.Objects = nil
	today := o.c.s.today()
	for _, cp := range cps {
		o.rows.Add(o.row(cp, today))
		o.rows.Add(widget.NewSeparator())
	}
	o.rows.Refresh()
}

// row is one checkpoint: its day and due date, goal, state and comment,
// with buttons to mark it.
func (o *onboardingTab) row(cp data.OnboardingCheckpoint, today data.Day) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.L("team.onboarding.day", map[string]any{"Days": cp.Mark})+" · "+
		lang.L("team.onboarding.due", map[string]any{"Date": dayText(cp.Due)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	goal := widget.NewLabel(cp.Goal)
	goal.Wrapping = fyne.TextWrapWord
	state := widget.NewLabel(checkpointState(cp, today))
	switch {
	case cp.Overdue(today):
		state.Importance = widget.DangerImportance
	case cp.Met != nil && *cp.Met:
		state.Importance = widget.SuccessImportance
	case cp.Met != nil:
		state.Importance = widget.WarningImportance
	}
	met := widget.NewButtonWithIcon(lang.L("team.onboarding.met"), theme.ConfirmIcon(), func() { o.mark(cp, true) })
	notMet := widget.NewButtonWithIcon(lang.L("team.onboarding.not_met"), theme.CancelIcon(), func() { o.mark(cp, false) })
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { o.edit(cp) })
	edit.Importance = widget.LowImportance
	box := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(state, met, notMet, edit), head), goal)
	if cp.Comment != "" {
		comment := widget.NewLabel(lang.L("team.onboarding.comment") + ": " + cp.Comment)
		comment.Wrapping = fyne.TextWrapWord
		comment.TextStyle.Italic = true // set apart from the goal, but not dimmed out of reading
		box.Add(comment)
	}
	return box
}

// checkpointState says how a checkpoint stands; overdue says so in words
// as well as in colour.
func checkpointState(cp data.OnboardingCheckpoint, today data.Day) string {
	switch {
	case cp.Met != nil && *cp.Met:
		return "✓ " + lang.L("team.onboarding.state.met")
	case cp.Met != nil:
		return "✗ " + lang.L("team.onboarding.state.not_met")
	case cp.Overdue(today):
		return lang.L("team.onboarding.state.overdue")
	}
	return lang.L("team.onboarding.state.pending")
}

func (o *onboardingTab) makePlan() {
	var goals [3]string
	some := false
	for i, e := range o.goals {
		goals[i] = strings.TrimSpace(e.Text)
		some = some || goals[i] != ""
	}
	if !some { // a blank goal skips its checkpoint, but a plan needs one
		o.hint.SetText(lang.L("team.onboarding.need_goals"))
		o.hint.Show()
		return
	}
	s, id := o.c.s, o.c.id
	s.write(func(ctx context.Context) error {
		_, err := s.deps.Store.PlanOnboarding(ctx, id, goals)
		return err
	}, nil)
}

// mark records a checkpoint as met or not, with a comment.
func (o *onboardingTab) mark(cp data.OnboardingCheckpoint, met bool) {
	s := o.c.s
	comment := widgets.NewMultiLineEntry()
	comment.Wrapping = fyne.TextWrapWord
	comment.SetText(cp.Comment)
	comment.SetPlaceHolder(lang.L("team.onboarding.comment_placeholder"))
	title := lang.L("team.onboarding.mark_met")
	if !met {
		title = lang.L("team.onboarding.mark_not_met")
	}
	goal := widget.NewLabel(cp.Goal)
	goal.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	closeDialog := func() { o.assess = nil; d.Hide() }
	ask := widgets.AskToDiscard(s.deps.Window, widgets.NewFormState(comment).Changed, closeDialog)
	save := widget.NewButtonWithIcon(lang.L("team.onboarding.save"), theme.DocumentSaveIcon(), func() {
		closeDialog()
		cp.Met = &met
		cp.Comment = strings.TrimSpace(comment.Text)
		s.write(func(ctx context.Context) error { return s.deps.Store.SaveCheckpoint(ctx, &cp) }, nil)
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(goal, nil, nil, nil, comment), s.deps.Window)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("dialog.cancel"), ask), save})
	d.Resize(fyne.NewSize(480, 300))
	o.assess = d
	widgets.ShowForm(s.deps.Window, d, ask)
	s.deps.Window.Canvas().Focus(comment)
}

// edit changes a checkpoint's goal and due date, or removes it.
func (o *onboardingTab) edit(cp data.OnboardingCheckpoint) {
	s := o.c.s
	goal := widgets.NewEntry()
	goal.SetText(cp.Goal)
	due := widgets.NewDateEntry()
	due.SetDate(dateOf(cp.Due))
	errs := widgets.FieldErrors{}
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("team.onboarding.goal")), errs.Under(goal, "goal"),
		widgets.FormLabel(lang.L("team.onboarding.due_date")), errs.Under(widgets.FixedWidth(due, 200), "due"))
	var d *dialog.CustomDialog
	save := func() {
		cp.Goal = strings.TrimSpace(goal.Text)
		day, ok := readDay(due)
		cp.Due = day
		var verrs data.ValidationErrors
		if !ok {
			verrs = append(verrs, &data.FieldError{Field: "due", Key: "team.error.date", Message: "invalid date"})
		} else if err := cp.Validate(); errors.As(err, &verrs) {
			verrs = slices.DeleteFunc(verrs, func(e *data.FieldError) bool { return e.Field != "goal" && e.Field != "due" })
		}
		if len(verrs) > 0 {
			errs.Show(verrs, s.showError)
			return
		}
		d.Hide()
		s.write(func(ctx context.Context) error { return s.deps.Store.SaveCheckpoint(ctx, &cp) }, nil)
	}
	goal.OnSubmitted = func(string) { save() }
	remove := widget.NewButtonWithIcon(lang.L("team.onboarding.remove"), theme.DeleteIcon(), func() {
		d.Hide()
		widgets.Confirm(lang.L("team.onboarding.remove_title"), lang.L("team.onboarding.remove_text", map[string]any{"Goal": cp.Goal}), func(yes bool) {
			if yes {
				s.write(func(ctx context.Context) error { return s.deps.Store.DeleteCheckpoint(ctx, cp.ID) }, nil)
			}
		}, s.deps.Window)
	})
	ask := widgets.AskToDiscard(s.deps.Window, widgets.NewFormState(goal, due).Changed, func() { d.Hide() })
	cancel := widget.NewButton(lang.L("dialog.cancel"), ask)
	ok := widget.NewButtonWithIcon(lang.L("team.onboarding.save"), theme.DocumentSaveIcon(), save)
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("team.onboarding.day", map[string]any{"Days": cp.Mark}), form, s.deps.Window)
	d.SetButtons([]fyne.CanvasObject{remove, cancel, ok})
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	o.editing = d
	d.SetOnClosed(func() { o.editing = nil })
	widgets.ShowForm(s.deps.Window, d, ask)
}
