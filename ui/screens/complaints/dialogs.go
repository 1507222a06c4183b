package complaints

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

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

// activeEmployees are the employees work can be given to.
func activeEmployees(all []data.Employee) []data.Employee {
	var out []data.Employee
	for _, e := range all {
		if e.Active {
			out = append(out, e)
		}
	}
	return out
}

// assignDialog gives the selected complaints to one employee.
type assignDialog struct {
	ids    []int64
	people []data.Employee
	choice *widgets.Picker
	dlg    dialog.Dialog
}

func (s *Screen) onAssign() {
	var ids []int64
	for _, c := range s.table.Marked() {
		ids = append(ids, c.ID)
	}
	if len(ids) == 0 {
		return
	}
	s.mu.Lock()
	people := activeEmployees(s.look.employees)
	s.mu.Unlock()
	a := &assignDialog{ids: ids, people: people}
	opts := []string{lang.L("complaints.unassigned")}
	for _, e := range people {
		opts = append(opts, e.Name)
	}
	a.choice = widgets.NewPicker(opts, nil)
	a.choice.SetSelectedIndex(0)
	if len(people) > 0 {
		a.choice.SetSelectedIndex(1)
	}
	text := widget.NewLabel(lang.LocalizePluralKey("complaints.assign.text", "Assign {{.Count}} complaints to", len(ids),
		map[string]any{"Count": widgets.Int(int64(len(ids)))}))
	a.dlg = dialog.NewCustomConfirm(lang.L("complaints.assign.title"), lang.L("complaints.assign.ok"), lang.L("dialog.cancel"),
		container.NewVBox(text, a.choice), func(ok bool) {
			if ok {
				s.assignTo(a.ids, a.selected())
			}
			s.assign = nil
		}, s.deps.Window)
	a.dlg.Resize(fyne.NewSize(420, a.dlg.MinSize().Height))
	s.assign = a
	widgets.ShowWithEscape(s.deps.Window, a.dlg)
}

func (a *assignDialog) selected() int64 {
	if i := a.choice.SelectedIndex(); i > 0 {
		return a.people[i-1].ID
	}
	return 0
}

// assignTo assigns the complaints in one transaction.
func (s *Screen) assignTo(ids []int64, employee int64) {
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		err := s.deps.Store.AssignComplaints(context.Background(), ids, employee, time.Now())
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.afterChange()
		})
	})
}

// askWhoAmI asks which employee the user is, for the "mine" view, then
// runs then.
func (s *Screen) askWhoAmI(then func()) {
	s.mu.Lock()
	people := activeEmployees(s.look.employees)
	s.mu.Unlock()
	if len(people) == 0 {
		widgets.Inform(lang.L("complaints.me.title"), lang.L("complaints.me.no_employees"), s.deps.Window)
		return
	}
	var names []string
	for _, e := range people {
		names = append(names, e.Name)
	}
	choice := widget.NewSelect(names, nil)
	hint := widget.NewLabel(lang.L("complaints.me.text"))
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("complaints.me.title"), lang.L("complaints.me.ok"), lang.L("dialog.cancel"),
		container.NewVBox(hint, choice), func(ok bool) {
			if i := choice.SelectedIndex(); ok && i >= 0 && s.deps.SetMe != nil {
				s.deps.SetMe(people[i].ID)
				then()
			}
		}, s.deps.Window)
	d.Resize(fyne.NewSize(420, d.MinSize().Height+40))
	widgets.ShowWithEscape(s.deps.Window, d)
}

// listsDialog edits the category tree (names in both languages) and the
// employees.
type listsDialog struct {
	s    *Screen
	look lookups
	dlg  dialog.Dialog

	catList   *widget.List
	cats      []data.Category // display order: parents, each followed by its children
	cat       data.Category   // being edited; ID 0 = new
	catEN     *widgets.Entry
	catRU     *widgets.Entry
	catParent *widget.Select
	parents   []data.Category // choices of catParent after "top level"
	catDelete *widget.Button
	catState  *widgets.FormState // the category form as last filled

	empList   *widget.List
	emp       data.Employee
	empName   *widgets.Entry
	empPos    *widgets.Entry
	empActive *widget.Check
	empMe     *widget.Button
	empState  *widgets.FormState
}

// ShowLists opens the editor of categories and employees.
func (s *Screen) ShowLists() {
	s.mu.Lock()
	look := s.look
	s.mu.Unlock()
	l := &listsDialog{s: s, look: look}
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("complaints.lists.categories"), l.buildCategories()),
		container.NewTabItem(lang.L("complaints.lists.employees"), l.buildEmployees()),
	)
	ask := widgets.AskToDiscard(s.deps.Window, func() bool { return l.catState.Changed() || l.empState.Changed() }, func() { l.dlg.Hide() })
	dlg := dialog.NewCustomWithoutButtons(lang.L("complaints.lists.title"), tabs, s.deps.Window)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("complaints.card.close"), ask)})
	l.dlg = dlg
	l.dlg.SetOnClosed(func() {
		if s.lists == l {
			s.lists = nil
		}
	})
	win := s.deps.Window.Canvas().Size()
	l.dlg.Resize(fyne.NewSize(min(860, win.Width-20), min(560, win.Height-20)))
	s.lists = l
	l.show()
	widgets.ShowForm(s.deps.Window, l.dlg, ask)
}

func (l *listsDialog) buildCategories() fyne.CanvasObject {
	l.catList = widget.NewList(
		func() int { return len(l.cats) },
		func() fyne.CanvasObject { return widget.NewLabel("Category name") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := l.cats[id]
			o.(*widget.Label).SetText(categoryLabel(c) + "  (" + otherName(c) + ")")
		})
	widgets.LeaveOnSelect(l.s.deps.Window, l.catList, func() bool { return l.catState.Changed() }, func() widget.ListItemID {
		return slices.IndexFunc(l.cats, func(c data.Category) bool { return c.ID == l.cat.ID && c.ID != 0 })
	}, func(id widget.ListItemID) { l.editCategory(l.cats[id]) })
	l.catEN, l.catRU = widgets.NewEntry(), widgets.NewEntry()
	l.catParent = widget.NewSelect(nil, nil)
	l.catState = widgets.NewFormState(l.catEN, l.catRU, l.catParent)
	newBtn := widget.NewButtonWithIcon(lang.L("complaints.lists.new"), theme.ContentAddIcon(), func() {
		widgets.Leave(l.s.deps.Window, l.catState.Changed, func() {
			l.catList.UnselectAll()
			l.editCategory(data.Category{})
		}, nil)
	})
	save := widget.NewButtonWithIcon(lang.L("complaints.card.save"), theme.DocumentSaveIcon(), l.saveCategory)
	save.Importance = widget.HighImportance
	l.catDelete = widget.NewButtonWithIcon(lang.L("feedback.delete"), theme.DeleteIcon(), l.deleteCategory)
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("complaints.lists.name_en")), l.catEN,
		widgets.FormLabel(lang.L("complaints.lists.name_ru")), l.catRU,
		widgets.FormLabel(lang.L("complaints.lists.parent")), l.catParent)
	right := container.NewVBox(form, container.NewHBox(newBtn, layout.NewSpacer(), l.catDelete, save))
	split := container.NewHSplit(l.catList, container.NewPadded(right))
	split.Offset = 0.45
	return split
}

// otherName is the category's name in the language not shown first.
func otherName(c data.Category) string {
	if widgets.Lang() == "ru" {
		return c.NameEN
	}
	return c.NameRU
}

func (l *listsDialog) editCategory(c data.Category) {
	l.cat = c
	l.catEN.SetText(c.NameEN)
	l.catRU.SetText(c.NameRU)
	l.parents = nil
	opts := []string{lang.L("complaints.lists.top_level")}
	for _, p := range l.look.categories {
		if p.ParentID == 0 && p.ID != c.ID {
			l.parents = append(l.parents, p)
			opts = append(opts, p.Name(widgets.Lang()))
		}
	}
	l.catParent.Options = opts
	l.catParent.SetSelectedIndex(0)
	for i, p := range l.parents {
		if p.ID == c.ParentID {
			l.catParent.SetSelectedIndex(i + 1)
		}
	}
	l.catState.Mark()
	if c.ID == 0 {
		l.catDelete.Disable()
	} else {
		l.catDelete.Enable()
	}
}

func (l *listsDialog) saveCategory() {
	c := l.cat
	c.NameEN, c.NameRU = strings.TrimSpace(l.catEN.Text), strings.TrimSpace(l.catRU.Text)
	c.ParentID = 0
	if i := l.catParent.SelectedIndex(); i > 0 {
		c.ParentID = l.parents[i-1].ID
	}
	l.write(func(ctx context.Context) error { return l.s.deps.Store.SaveCategory(ctx, &c) })
}

func (l *listsDialog) deleteCategory() {
	id := l.cat.ID
	if id == 0 {
		return
	}
	widgets.Confirm(lang.L("complaints.lists.delete_title"), lang.L("complaints.lists.delete_text", map[string]any{"Name": l.cat.Name(widgets.Lang())}),
		func(yes bool) {
			if yes {
				l.write(func(ctx context.Context) error { return l.s.deps.Store.DeleteCategory(ctx, id) })
			}
		}, l.s.deps.Window)
}

func (l *listsDialog) buildEmployees() fyne.CanvasObject {
	l.empList = widget.NewList(
		func() int { return len(l.look.employees) },
		func() fyne.CanvasObject { return widget.NewLabel("Employee name") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := l.look.employees[id]
			text := e.Name
			if e.Position != "" {
				text += " — " + e.Position
			}
			lbl := o.(*widget.Label)
			lbl.Importance = widget.MediumImportance
			if !e.Active {
				text += " (" + lang.L("complaints.lists.inactive") + ")"
				lbl.Importance = widget.LowImportance
			}
			if e.ID == l.s.me() {
				text += " · " + lang.L("complaints.lists.you")
			}
			lbl.SetText(text)
		})
	widgets.LeaveOnSelect(l.s.deps.Window, l.empList, func() bool { return l.empState.Changed() }, func() widget.ListItemID {
		return slices.IndexFunc(l.look.employees, func(e data.Employee) bool { return e.ID == l.emp.ID && e.ID != 0 })
	}, func(id widget.ListItemID) { l.editEmployee(l.look.employees[id]) })
	l.empName, l.empPos = widgets.NewEntry(), widgets.NewEntry()
	l.empActive = widget.NewCheck(lang.L("complaints.lists.active"), nil)
	l.empState = widgets.NewFormState(l.empName, l.empPos, l.empActive)
	newBtn := widget.NewButtonWithIcon(lang.L("complaints.lists.new"), theme.ContentAddIcon(), func() {
		widgets.Leave(l.s.deps.Window, l.empState.Changed, func() {
			l.empList.UnselectAll()
			l.editEmployee(data.Employee{Active: true})
		}, nil)
	})
	save := widget.NewButtonWithIcon(lang.L("complaints.card.save"), theme.DocumentSaveIcon(), l.saveEmployee)
	save.Importance = widget.HighImportance
	l.empMe = widget.NewButtonWithIcon(lang.L("complaints.lists.this_is_me"), theme.AccountIcon(), func() {
		if l.emp.ID != 0 && l.s.deps.SetMe != nil {
			l.s.deps.SetMe(l.emp.ID)
			l.empList.Refresh()
			l.s.showView()
		}
	})
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("complaints.lists.name")), l.empName,
		widgets.FormLabel(lang.L("complaints.lists.position")), l.empPos,
		widget.NewLabel(""), l.empActive)
	right := container.NewVBox(form, container.NewHBox(newBtn, layout.NewSpacer(), l.empMe, save))
	split := container.NewHSplit(l.empList, container.NewPadded(right))
	split.Offset = 0.45
	return split
}

func (l *listsDialog) editEmployee(e data.Employee) {
	l.emp = e
	l.empName.SetText(e.Name)
	l.empPos.SetText(e.Position)
	l.empActive.SetChecked(e.Active)
	l.empState.Mark()
	if e.ID == 0 {
		l.empMe.Disable()
	} else {
		l.empMe.Enable()
	}
}

func (l *listsDialog) saveEmployee() {
	e := l.emp
	e.Name, e.Position, e.Active = strings.TrimSpace(l.empName.Text), strings.TrimSpace(l.empPos.Text), l.empActive.Checked
	l.write(func(ctx context.Context) error { return l.s.deps.Store.SaveEmployee(ctx, &e) })
}

// write runs a change off the UI goroutine, then reloads both lists here
// and on the screen.
func (l *listsDialog) write(change func(ctx context.Context) error) {
	s := l.s
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		ctx := context.Background()
		err := change(ctx)
		var look lookups
		if err == nil {
			look, err = s.fetchLookups(ctx)
		}
		widgets.Do(func() {
			var verrs data.ValidationErrors
			var ferr *data.FieldError
			switch {
			case errors.As(err, &verrs) && len(verrs) > 0:
				s.showError(verrs[0])
				return
			case errors.As(err, &ferr):
				s.showError(ferr)
				return
			case err != nil:
				s.showError(err)
				return
			}
			l.look = look
			l.show()
			s.afterChange()
		})
	})
}

// show redraws both lists and resets the forms.
func (l *listsDialog) show() {
	l.cats = categoryChoices(l.look.categories)
	l.catList.UnselectAll()
	l.catList.Refresh()
	l.editCategory(data.Category{})
	l.empList.UnselectAll()
	l.empList.Refresh()
	l.editEmployee(data.Employee{Active: true})
}
