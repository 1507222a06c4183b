package team

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// skillsTab shows an employee's current level per skill against what the
// position requires, the assessment history, and records a new level.
type skillsTab struct {
	c *card

	skill   *widget.Select
	level   *widget.Select
	day     *widgets.DateEntry
	note    *widgets.Entry
	message *widget.Label
	current *widget.List
	history *widget.List
	empty   *widget.Label
	content fyne.CanvasObject
}

func newSkillsTab(c *card) *skillsTab {
	k := &skillsTab{c: c}
	k.skill = widget.NewSelect(nil, nil)
	k.skill.PlaceHolder = lang.L("team.skills.choose")
	k.level = widget.NewSelect(levelOptions(), nil)
	k.level.PlaceHolder = lang.L("team.skills.level")
	k.day = widgets.NewDateEntry()
	k.note = widgets.NewEntry()
	k.note.SetPlaceHolder(lang.L("team.skills.note"))
	k.note.OnSubmitted = func(string) { k.record() }
	record := widget.NewButtonWithIcon(lang.L("team.skills.record"), theme.ContentAddIcon(), k.record)
	record.Importance = widget.HighImportance
	k.message = widget.NewLabel("")
	k.message.Importance = widget.DangerImportance
	k.message.Hide()
	form := container.NewVBox(
		container.NewHBox(widgets.FixedWidth(k.skill, 260), widgets.FixedWidth(k.level, 180), widgets.FixedWidth(k.day, 170)),
		container.NewBorder(nil, nil, nil, record, k.note), k.message)

	k.current = widget.NewList(
		func() int { return len(c.s.snap.skills) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			state := widget.NewLabel("")
			return container.NewBorder(nil, nil, nil, widgets.FixedWidth(state, 300), name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			sk := c.s.snap.skills[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(sk.Name) // in catalogue order: groups stay together
			state := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			cur := k.levels()[sk.ID]
			req, has := c.s.snap.required(c.cd.e.Position)[sk.ID]
			state.SetText(levelVsRequired(cur, req, has))
			state.Importance = widget.MediumImportance
			if has && cur < req {
				state.Importance = widget.DangerImportance
			}
			state.Refresh()
		})
	k.history = widget.NewList(
		func() int { return len(c.cd.history) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			del.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, del, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			a := c.cd.history[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(widgets.SingleLine(historyLine(a, c.s.snap.skill(a.SkillID).Name)))
			row.Objects[1].(*widget.Button).OnTapped = func() { k.confirmDelete(a) }
		})
	k.empty = widget.NewLabel(lang.L("team.skills.none"))
	k.empty.Wrapping = fyne.TextWrapWord
	bold := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	lists := container.NewGridWithColumns(2,
		container.NewBorder(bold("team.skills.current"), nil, nil, nil, k.current),
		container.NewBorder(bold("team.skills.history"), nil, nil, nil, k.history))
	k.content = container.NewBorder(container.NewVBox(k.empty, form, widget.NewSeparator()), nil, nil, nil, lists)
	return k
}

func levelOptions() []string {
	var out []string
	for l := data.SkillNone; l <= data.MaxSkillLevel; l++ {
		out = append(out, levelText(l))
	}
	return out
}

// levelText is "3 · Independent".
func levelText(l data.SkillLevel) string { return widgets.Int(int64(l)) + " · " + levelName(l) }

func skillLabel(k data.Skill) string {
	if k.Group == "" {
		return k.Name
	}
	return k.Group + " · " + k.Name
}

// levelVsRequired is "2 · With help — needs 3 ▼1": the gap is in words
// and a marker, not only in colour.
func levelVsRequired(cur, req data.SkillLevel, required bool) string {
	text := levelText(cur)
	if !required {
		return text
	}
	if cur < req {
		return text + " · " + lang.L("team.skills.gap", map[string]any{"Required": widgets.Int(int64(req)), "Gap": widgets.Int(int64(req - cur))})
	}
	return text + " · " + lang.L("team.skills.meets", map[string]any{"Required": widgets.Int(int64(req))})
}

// levels is the employee's current level per skill, from the history.
func (k *skillsTab) levels() map[int64]data.SkillLevel {
	out := map[int64]data.SkillLevel{}
	for i := len(k.c.cd.history) - 1; i >= 0; i-- { // oldest first: the newest wins
		a := k.c.cd.history[i]
		out[a.SkillID] = a.Level
	}
	return out
}

func (k *skillsTab) apply() {
	var names []string
	for _, sk := range k.c.s.snap.skills {
		names = append(names, skillLabel(sk))
	}
	chosen := k.skill.SelectedIndex()
	k.skill.SetOptions(names)
	if chosen >= 0 && chosen < len(names) {
		k.skill.SetSelectedIndex(chosen)
	}
	if k.day.Date == nil {
		k.day.SetDate(dateOf(k.c.s.today()))
	}
	if len(names) == 0 {
		k.empty.Show()
	} else {
		k.empty.Hide()
	}
	k.current.Refresh()
	k.history.Refresh()
}

// unsent reports an assessment begun and not recorded: a level chosen or
// a note typed (the skill and day stay between assessments).
func (k *skillsTab) unsent() bool {
	return k.level.SelectedIndex() >= 0 || strings.TrimSpace(k.note.Text) != ""
}

func (k *skillsTab) record() {
	s := k.c.s
	i, l := k.skill.SelectedIndex(), k.level.SelectedIndex()
	day, ok := readDay(k.day)
	switch {
	case i < 0 || l < 0:
		k.say(lang.L("team.skills.need_choice"))
		return
	case !ok || day == 0:
		k.say(lang.L("team.error.date"))
		return
	}
	a := data.SkillAssessment{EmployeeID: k.c.id, SkillID: s.snap.skills[i].ID, Level: data.SkillLevel(l), AssessedOn: day,
		Note: strings.TrimSpace(k.note.Text)}
	s.write(func(ctx context.Context) error { return s.deps.Store.AddAssessment(ctx, &a) }, func(err error) {
		if err != nil {
			s.showError(err)
			return
		}
		k.message.Hide()
		k.note.SetText("")
		k.level.ClearSelected()
	})
}

// historyLine is "Oct 18, 2026 · Empathy · 3 · Independent · quarterly review".
func historyLine(a data.SkillAssessment, skill string) string {
	line := dayText(a.AssessedOn) + " · " + skill + " · " + levelText(a.Level)
	if a.Note != "" {
		line += " · " + a.Note
	}
	return line
}

// confirmDelete removes a mistaken assessment; the one before it becomes
// the current level again.
func (k *skillsTab) confirmDelete(a data.SkillAssessment) {
	s := k.c.s
	text := lang.L("team.skills.delete_assessment_text", map[string]any{"Line": historyLine(a, s.snap.skill(a.SkillID).Name)})
	widgets.Confirm(lang.L("team.skills.delete_assessment_title"), text, func(yes bool) {
		if yes {
			s.write(func(ctx context.Context) error { return s.deps.Store.DeleteAssessment(ctx, a.ID) }, nil)
		}
	}, s.deps.Window)
}

func (k *skillsTab) say(text string) {
	k.message.SetText(text)
	k.message.Show()
}
