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

// requirementsEditor sets the level each skill requires of a position.
type requirementsEditor struct {
	position *widgets.SelectEntry
	levels   []*widget.Select // by skill, as s.snap.skills
	dlg      *dialog.CustomDialog
}

// requiredOptions are a requirement's choices: not required, then 1-4.
func requiredOptions() []string {
	out := []string{lang.L("team.req.none")}
	for l := data.SkillLearning; l <= data.MaxSkillLevel; l++ {
		out = append(out, levelText(l))
	}
	return out
}

func (s *Screen) editRequirements() {
	r := &requirementsEditor{}
	positions := s.snap.positions()
	grid := container.New(layout.NewFormLayout())
	for _, k := range s.snap.skills {
		sel := widget.NewSelect(requiredOptions(), nil)
		sel.SetSelectedIndex(0)
		r.levels = append(r.levels, sel)
		grid.Add(widget.NewLabel(skillLabel(k)))
		grid.Add(widgets.FixedWidth(sel, 200))
	}
	show := func(position string) {
		req := s.snap.required(position)
		for i, k := range s.snap.skills {
			r.levels[i].SetSelectedIndex(int(req[k.ID]))
		}
	}
	r.position = widgets.NewSelectEntry(positions)
	r.position.SetPlaceHolder(lang.L("team.req.position"))
	r.position.OnChanged = show
	if len(positions) > 0 {
		r.position.SetText(positions[0])
	}
	hint := widget.NewLabel(lang.L("team.req.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	body := container.NewBorder(container.NewVBox(r.position, hint), nil, nil, nil, container.NewVScroll(grid))
	if len(s.snap.skills) == 0 {
		body = container.NewBorder(nil, nil, nil, nil, widget.NewLabel(lang.L("team.req.no_skills")))
	}
	ask := widgets.AskToDiscard(s.deps.Window, func() bool { return len(r.changes(s)) > 0 }, func() { r.dlg.Hide() })
	cancel := widget.NewButton(lang.L("dialog.cancel"), ask)
	save := widget.NewButtonWithIcon(lang.L("team.req.save"), theme.DocumentSaveIcon(), func() { s.saveRequirements(r) })
	save.Importance = widget.HighImportance
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("team.req.title"), body, s.deps.Window)
	r.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	r.dlg.Resize(fyne.NewSize(620, 560))
	s.reqEditor = r
	widgets.ShowForm(s.deps.Window, r.dlg, ask)
}

// changes are the levels chosen that differ from the position's stored ones.
func (r *requirementsEditor) changes(s *Screen) []data.SkillRequirement {
	position := strings.TrimSpace(r.position.Text)
	old := s.snap.required(position)
	var out []data.SkillRequirement
	for i, k := range s.snap.skills {
		if l := data.SkillLevel(max(0, r.levels[i].SelectedIndex())); l != old[k.ID] {
			out = append(out, data.SkillRequirement{Position: position, SkillID: k.ID, Level: l})
		}
	}
	return out
}

// saveRequirements stores the levels that changed for the position.
func (s *Screen) saveRequirements(r *requirementsEditor) {
	position := strings.TrimSpace(r.position.Text)
	if position == "" {
		widgets.Inform(lang.L("team.req.title"), lang.L("team.req.need_position"), s.deps.Window)
		return
	}
	changes := r.changes(s)
	r.dlg.Hide()
	s.reqEditor = nil
	s.write(func(ctx context.Context) error {
		for _, c := range changes {
			if err := s.deps.Store.SetRequirement(ctx, c); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}

// catalogueEditor adds, renames, regroups and deletes skills.
type catalogueEditor struct {
	list     *widget.List
	name     *widgets.Entry
	group    *widgets.SelectEntry
	editing  data.Skill // ID 0: a new one
	errs     widgets.FieldErrors
	deleteBt *widget.Button
	dlg      *dialog.CustomDialog
	state    *widgets.FormState // the name and group as set
}

func (s *Screen) editCatalogue() {
	c := &catalogueEditor{errs: widgets.FieldErrors{}}
	c.list = widget.NewList(
		func() int { return len(s.snap.skills) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(skillLabel(s.snap.skills[id]))
		})
	c.name = widgets.NewEntry()
	c.name.OnSubmitted = func(string) { s.saveSkill(c) }
	c.group = widgets.NewSelectEntry(skillGroups(s.snap.skills))
	c.group.OnSubmitted = func(string) { s.saveSkill(c) }
	widgets.LeaveOnSelect(s.deps.Window, c.list, func() bool { return c.state.Changed() }, func() widget.ListItemID {
		return slices.IndexFunc(s.snap.skills, func(k data.Skill) bool { return k.ID == c.editing.ID && k.ID != 0 })
	}, func(id widget.ListItemID) { c.set(s.snap.skills[id]) })
	newBtn := widget.NewButtonWithIcon(lang.L("team.skills.new"), theme.ContentAddIcon(), func() {
		widgets.Leave(s.deps.Window, c.state.Changed, func() {
			c.list.UnselectAll()
			c.set(data.Skill{})
		}, nil)
	})
	save := widget.NewButtonWithIcon(lang.L("team.skills.save"), theme.DocumentSaveIcon(), func() { s.saveSkill(c) })
	save.Importance = widget.HighImportance
	c.deleteBt = widget.NewButtonWithIcon(lang.L("team.skills.delete"), theme.DeleteIcon(), func() { s.deleteSkill(c) })
	form := container.NewVBox(
		container.New(layout.NewFormLayout(),
			widgets.FormLabel(lang.L("team.skills.name")), c.errs.Under(c.name, "name"),
			widgets.FormLabel(lang.L("team.skills.group")), c.group),
		container.NewHBox(newBtn, layout.NewSpacer(), c.deleteBt, save))
	c.state = widgets.NewFormState(c.name, c.group)
	c.set(data.Skill{})
	body := container.NewBorder(nil, form, nil, nil, c.list)
	ask := widgets.AskToDiscard(s.deps.Window, c.state.Changed, func() { c.dlg.Hide() })
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("team.skills.catalogue"), body, s.deps.Window)
	c.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("team.close"), ask)})
	c.dlg.SetOnClosed(func() { s.catEditor = nil })
	c.dlg.Resize(fyne.NewSize(560, 560))
	s.catEditor = c
	widgets.ShowForm(s.deps.Window, c.dlg, ask)
	s.deps.Window.Canvas().Focus(c.name)
}

func skillGroups(skills []data.Skill) []string {
	var out []string
	for _, k := range skills {
		if k.Group != "" && !slices.Contains(out, k.Group) {
			out = append(out, k.Group)
		}
	}
	return out
}

func (c *catalogueEditor) set(k data.Skill) {
	c.editing = k
	c.name.SetText(k.Name)
	c.group.SetText(k.Group)
	c.state.Mark()
	c.errs.Show(nil, nil)
	if k.ID == 0 {
		c.deleteBt.Disable()
	} else {
		c.deleteBt.Enable()
	}
}

func (s *Screen) saveSkill(c *catalogueEditor) {
	k := c.editing
	k.Name, k.Group = strings.TrimSpace(c.name.Text), strings.TrimSpace(c.group.Text)
	var verrs data.ValidationErrors
	if err := k.Validate(); errors.As(err, &verrs) {
		c.errs.Show(verrs, s.showError)
		return
	}
	s.write(func(ctx context.Context) error { return s.deps.Store.SaveSkill(ctx, &k) }, func(err error) {
		var verrs data.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			c.errs.Show(verrs, s.showError)
		case err != nil:
			s.showError(err) // a second skill of the same name is a conflict
		default:
			c.list.UnselectAll()
			c.set(data.Skill{})
			c.group.SetOptions(skillGroups(append(s.snap.skills, k)))
		}
	})
}

// deleteSkill removes a skill after saying what goes with it.
func (s *Screen) deleteSkill(c *catalogueEditor) {
	k := c.editing
	if k.ID == 0 {
		return
	}
	widgets.Confirm(lang.L("team.skills.delete_title"), lang.L("team.skills.delete_text", map[string]any{"Name": k.Name}), func(yes bool) {
		if !yes {
			return
		}
		s.write(func(ctx context.Context) error { return s.deps.Store.DeleteSkill(ctx, k.ID) }, func(err error) {
			if err != nil {
				s.showError(err)
				return
			}
			c.list.UnselectAll()
			c.set(data.Skill{})
		})
	}, s.deps.Window)
}

// linksEditor chooses the skills resolving each complaint category takes.
type linksEditor struct {
	category *widget.Select
	cats     []data.Category // the top-level categories offered
	skills   *widget.CheckGroup
	saved    *widget.Label // says the links were stored: the dialog stays open for the next category
	dlg      *dialog.CustomDialog
}

func (s *Screen) editCategoryLinks() {
	l := &linksEditor{}
	var names []string
	// Complaint outcomes are compared per top-level category, so only those
	// are offered: a link on a subcategory would never count.
	for _, p := range s.snap.cats {
		if p.ParentID == 0 {
			l.cats = append(l.cats, p)
			names = append(names, p.Name(widgets.Lang()))
		}
	}
	var skillNames []string
	for _, k := range s.snap.skills {
		skillNames = append(skillNames, skillLabel(k))
	}
	l.skills = widget.NewCheckGroup(skillNames, nil)
	l.saved = widget.NewLabel("")
	l.saved.Importance = widget.SuccessImportance
	l.category = widget.NewSelect(names, func(string) {
		l.saved.SetText("")
		linked := s.snap.catSkills[l.cats[l.category.SelectedIndex()].ID]
		var chosen []string
		for _, k := range s.snap.skills {
			if slices.Contains(linked, k.ID) {
				chosen = append(chosen, skillLabel(k))
			}
		}
		l.skills.SetSelected(chosen)
	})
	l.category.PlaceHolder = lang.L("team.links.category")
	hint := widget.NewLabel(lang.L("team.links.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	var body fyne.CanvasObject = container.NewBorder(container.NewVBox(l.category, hint), l.saved, nil, nil, container.NewVScroll(l.skills))
	if len(l.cats) == 0 || len(s.snap.skills) == 0 {
		body = widget.NewLabel(lang.L("team.links.empty"))
	}
	ask := widgets.AskToDiscard(s.deps.Window, func() bool { return l.dirty(s) }, func() { l.dlg.Hide() })
	cancel := widget.NewButton(lang.L("dialog.cancel"), ask)
	save := widget.NewButtonWithIcon(lang.L("team.links.save"), theme.DocumentSaveIcon(), func() { s.saveLinks(l) })
	save.Importance = widget.HighImportance
	l.dlg = dialog.NewCustomWithoutButtons(lang.L("team.links.title"), body, s.deps.Window)
	l.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	l.dlg.Resize(fyne.NewSize(560, 560))
	if len(l.cats) > 0 {
		l.category.SetSelectedIndex(0)
	}
	s.linksEditor = l
	widgets.ShowForm(s.deps.Window, l.dlg, ask)
}

// ticked are the skills ticked, in the catalogue's order.
func (l *linksEditor) ticked(s *Screen) []int64 {
	var ids []int64
	for _, k := range s.snap.skills {
		if slices.Contains(l.skills.Selected, skillLabel(k)) {
			ids = append(ids, k.ID)
		}
	}
	return ids
}

// dirty reports ticks that differ from the chosen category's stored links.
func (l *linksEditor) dirty(s *Screen) bool {
	i := l.category.SelectedIndex()
	if i < 0 {
		return false
	}
	linked := s.snap.catSkills[l.cats[i].ID]
	ticked := l.ticked(s)
	return len(ticked) != len(linked) || slices.ContainsFunc(ticked, func(id int64) bool { return !slices.Contains(linked, id) })
}

// saveLinks stores the ticked skills of the chosen category; the dialog
// stays open for the next category.
func (s *Screen) saveLinks(l *linksEditor) {
	i := l.category.SelectedIndex()
	if i < 0 {
		return
	}
	ids := l.ticked(s)
	cat, name := l.cats[i].ID, l.cats[i].Name(widgets.Lang())
	s.write(func(ctx context.Context) error { return s.deps.Store.SetCategorySkills(ctx, cat, ids) }, func(err error) {
		if err != nil {
			s.showError(err)
			return
		}
		l.saved.SetText(lang.L("team.links.saved", map[string]any{"Category": name}))
	})
}
