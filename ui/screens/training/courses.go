package training

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// coursesTab is the course catalogue: a list and the chosen course's form.
type coursesTab struct {
	s *Screen

	list     *widget.List
	course   data.Course // being edited; ID 0 = new
	title    *widgets.Entry
	skills   *widgets.CheckGrid
	skillIDs []int64 // the skills behind the check grid's boxes
	noSkills *widget.Label
	format   *widget.Select
	hours    *widgets.Entry
	provider *widgets.Entry
	cost     *widgets.Entry
	errs     widgets.FieldErrors
	message  *widget.Label
	save     *widget.Button
	remove   *widget.Button
	form     fyne.CanvasObject
	empty    fyne.CanvasObject
	state    *widgets.FormState // the fields as the course was put in

	box fyne.CanvasObject
}

func (s *Screen) buildCourses() *coursesTab {
	c := &coursesTab{s: s, errs: widgets.FieldErrors{}}
	c.list = widget.NewList(
		func() int { return len(s.look.courses) },
		func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("Course title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("format · hours · cost")
			sub.SizeName = theme.SizeNameCaptionText
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(head, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			co := s.look.courses[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(co.Title)
			box.Objects[1].(*widget.Label).SetText(courseSummary(co))
		})
	shown := func() widget.ListItemID {
		if c.course.ID == 0 {
			return -1
		}
		return slices.IndexFunc(s.look.courses, func(co data.Course) bool { return co.ID == c.course.ID })
	}
	widgets.LeaveOnSelect(s.deps.Window, c.list, c.dirty, shown, func(id widget.ListItemID) { c.edit(s.look.courses[id]) })
	newBtn := widget.NewButtonWithIcon(lang.L("training.course.new"), theme.ContentAddIcon(), func() {
		widgets.Leave(s.deps.Window, c.dirty, c.onNew, nil)
	})
	newBtn.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(lang.L("training.import"), theme.FolderOpenIcon(), s.Import)
	left := container.NewBorder(container.NewHBox(newBtn, importBtn), nil, nil, nil, c.list)

	c.title = widgets.NewEntry()
	c.skills = widgets.NewCheckGrid(270, nil)
	c.format = widget.NewSelect(nil, nil)
	for _, f := range data.CourseFormats {
		c.format.Options = append(c.format.Options, formatName(f))
	}
	c.hours = widgets.NewEntry()
	c.hours.SetPlaceHolder(widgets.Num(8, 0))
	c.provider = widgets.NewEntry()
	c.cost = widgets.NewEntry()
	c.cost.SetPlaceHolder(widgets.Num(0, 2))
	c.message = widget.NewLabel("")
	c.message.Importance = widget.DangerImportance
	c.message.Wrapping = fyne.TextWrapWord
	c.message.Hide()
	c.save = widget.NewButtonWithIcon(lang.L("training.save"), theme.DocumentSaveIcon(), c.onSave)
	c.save.Importance = widget.HighImportance
	c.remove = widget.NewButtonWithIcon(lang.L("training.course.delete"), theme.DeleteIcon(), c.onDelete)
	for _, e := range []*widgets.Entry{c.title, c.hours, c.provider, c.cost} {
		e.OnSubmitted = func(string) { c.onSave() }
	}
	c.noSkills = widget.NewLabel(lang.L("training.course.no_skills"))
	c.noSkills.Importance = widget.LowImportance
	c.noSkills.Wrapping = fyne.TextWrapWord
	fields := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("training.course.title")), c.errs.Under(c.title, "title"),
		widgets.FormLabel(lang.L("training.course.format")), c.errs.Under(widgets.FixedWidth(c.format, 200), "format"),
		widgets.FormLabel(lang.L("training.course.hours")), c.errs.Under(widgets.FixedWidth(c.hours, 120), "hours"),
		widgets.FormLabel(lang.L("training.course.provider")), c.provider,
		widgets.FormLabel(lang.L("training.course.cost")), c.errs.Under(widgets.FixedWidth(c.cost, 160), "cost"),
		widgets.FormLabel(lang.L("training.course.skills")), container.NewVBox(c.skills.Content(), c.noSkills),
	)
	c.state = widgets.NewFormState(c.title, c.format, c.hours, c.provider, c.cost, c.skills)
	bottom := container.NewVBox(c.message, container.NewHBox(layout.NewSpacer(), c.remove, c.save))
	c.form = container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(fields))

	title := widget.NewLabelWithStyle(lang.L("training.course.empty_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabelWithStyle(lang.L("training.course.empty_text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	c.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(440, 140), container.NewVBox(title, text)))
	c.showForm(false)

	split := container.NewHSplit(left, container.NewStack(c.form, c.empty))
	split.Offset = 0.32
	c.box = split
	return c
}

func (c *coursesTab) showForm(on bool) {
	if on {
		c.form.Show()
		c.empty.Hide()
	} else {
		c.form.Hide()
		c.empty.Show()
	}
}

// lookupsChanged reloads the list and the skill choices, keeping the
// course being edited when it is still there.
func (c *coursesTab) lookupsChanged() {
	look := c.s.look
	var names []string
	c.skillIDs = nil
	for _, sk := range look.skills {
		names = append(names, skillLabel(sk))
		c.skillIDs = append(c.skillIDs, sk.ID)
	}
	chosen := c.skills.Selected()
	c.skills.SetOptions(names)
	c.skills.SetSelected(chosen)
	c.noSkills.Hidden = len(names) > 0
	c.noSkills.Refresh()
	c.list.Refresh()
	if c.course.ID == 0 {
		return
	}
	if i := slices.IndexFunc(look.courses, func(co data.Course) bool { return co.ID == c.course.ID }); i >= 0 {
		c.list.Select(i)
		if !c.dirty() { // a change elsewhere must not undo what is being typed
			c.edit(look.courses[i])
		}
	} else {
		c.course = data.Course{}
		c.list.UnselectAll()
		c.showForm(false)
	}
}

func (c *coursesTab) onNew() {
	c.list.UnselectAll()
	c.edit(data.Course{Format: data.FormatOnline})
	c.remove.Disable()
	c.s.deps.Window.Canvas().Focus(c.title)
}

// edit puts a course into the form.
func (c *coursesTab) edit(co data.Course) {
	c.course = co
	c.title.SetText(co.Title)
	c.format.SetSelectedIndex(max(0, slices.Index(data.CourseFormats, co.Format)))
	c.hours.SetText("")
	if co.Hours > 0 {
		c.hours.SetText(widgets.Num(co.Hours, -1))
	}
	c.provider.SetText(co.Provider)
	c.cost.SetText("")
	if co.Cost > 0 {
		c.cost.SetText(money(co.Cost))
	}
	var chosen []int
	for i, id := range c.skillIDs {
		if slices.Contains(co.SkillIDs, id) {
			chosen = append(chosen, i)
		}
	}
	c.skills.SetChecked(chosen)
	c.state.Mark()
	c.message.Hide()
	c.errs.Show(nil, nil)
	c.remove.Enable()
	c.showForm(true)
}

// dirty reports edits to the shown course not saved yet.
func (c *coursesTab) dirty() bool { return c.form.Visible() && c.state.Changed() }

// collect reads the form into a course, with what is wrong with it.
func (c *coursesTab) collect() (data.Course, data.ValidationErrors) {
	co := c.course
	var errs data.ValidationErrors
	co.Title = strings.TrimSpace(c.title.Text)
	co.Format = data.CourseFormats[max(0, c.format.SelectedIndex())]
	co.Provider = strings.TrimSpace(c.provider.Text)
	co.Hours = 0
	if h := strings.TrimSpace(c.hours.Text); h != "" {
		v, err := strconv.ParseFloat(strings.ReplaceAll(h, ",", "."), 64) // "1,5" or "1.5"
		if err != nil || math.IsNaN(v) {
			errs = append(errs, &data.FieldError{Field: "hours", Key: "training.error.hours", Message: "hours must be a number"})
		}
		co.Hours = v
	}
	if v, ok := data.ParseMoney(widgets.Lang(), c.cost.Text); ok {
		co.Cost = v
	} else {
		errs = append(errs, &data.FieldError{Field: "cost", Key: "training.error.cost", Message: "not an amount"})
	}
	co.SkillIDs = nil
	for _, i := range c.skills.Checked() {
		co.SkillIDs = append(co.SkillIDs, c.skillIDs[i])
	}
	var verrs data.ValidationErrors
	if err := co.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			if errs.For(e.Field) == nil {
				errs = append(errs, e)
			}
		}
	}
	return co, errs
}

func (c *coursesTab) say(text string) {
	c.message.SetText(text)
	c.message.Show()
}

func (c *coursesTab) onSave() {
	if !c.form.Visible() {
		return
	}
	co, errs := c.collect()
	showElsewhere := func(err error) { c.say(lang.L("field."+fieldOf(err)) + ": " + errorText(err)) }
	c.message.Hide()
	c.errs.Show(errs, showElsewhere)
	if len(errs) > 0 {
		return
	}
	c.save.Disable()
	c.s.save(func(ctx context.Context) error { return c.s.deps.Store.SaveCourse(ctx, &co) }, func(err error) {
		c.save.Enable()
		var verrs data.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			c.errs.Show(verrs, showElsewhere)
		case errors.Is(err, data.ErrConflict):
			c.say(lang.L("training.course.title_taken", map[string]any{"Title": co.Title}))
		case err != nil:
			c.s.showError(err)
		default:
			c.course = co // the reload selects it
			c.state.Mark()
		}
	})
}

func (c *coursesTab) onDelete() {
	co := c.course
	if co.ID == 0 {
		return
	}
	widgets.Confirm(lang.L("training.course.delete_title"), lang.L("training.course.delete_text", map[string]any{"Title": co.Title}),
		func(yes bool) {
			if !yes {
				return
			}
			c.s.save(func(ctx context.Context) error { return c.s.deps.Store.DeleteCourse(ctx, co.ID) }, func(err error) {
				switch {
				case errors.Is(err, data.ErrConflict):
					c.say(lang.L("training.course.in_use", map[string]any{"Title": co.Title}))
				case err != nil:
					c.s.showError(err)
				}
			})
		}, c.s.deps.Window)
}

func formatName(f data.CourseFormat) string { return lang.L("course.format." + string(f)) }

func skillLabel(sk data.Skill) string {
	if sk.Group == "" {
		return sk.Name
	}
	return sk.Name + " (" + sk.Group + ")"
}

// courseSummary is the list's second line: format · hours · cost.
func courseSummary(co data.Course) string {
	parts := []string{formatName(co.Format)}
	if co.Hours > 0 {
		parts = append(parts, hoursText(co.Hours))
	}
	if co.Cost > 0 {
		parts = append(parts, money(co.Cost))
	}
	if co.Provider != "" {
		parts = append(parts, co.Provider)
	}
	return strings.Join(parts, " · ")
}

// money formats minor units in the UI language ("12 500,00").
func money(minor int64) string { return widgets.Num(float64(minor)/100, 2) }

func hoursText(h float64) string {
	return lang.L("training.hours", map[string]any{"H": widgets.Num(h, -1)})
}

func fieldOf(err error) string {
	var fe *data.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func errorText(err error) string {
	var fe *data.FieldError
	if errors.As(err, &fe) {
		return widgets.Translated(fe.Key, nil, fe.Message)
	}
	return err.Error()
}
