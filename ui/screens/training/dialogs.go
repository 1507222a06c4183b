package training

import (
	"context"
	"errors"
	"strconv"
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

// formDialog is a modal form with Cancel and a confirm button that stays
// open while the form has mistakes. Enter in a single-line entry confirms;
// Escape cancels. Cancel and Escape ask first when an edit is unsaved.
type formDialog struct {
	dlg     *dialog.CustomDialog
	win     fyne.Window
	confirm *widget.Button
	onOK    func() // validates and saves; calls close when done
	cancel  func() // Cancel and Escape
	restore func() // puts back the window's keys from before the dialog
}

func newFormDialog(win fyne.Window, title, okText string, body fyne.CanvasObject, onOK func()) *formDialog {
	f := &formDialog{win: win, onOK: onOK}
	cancel := widget.NewButtonWithIcon(lang.L("dialog.cancel"), theme.CancelIcon(), func() { f.cancel() })
	f.confirm = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), onOK)
	f.confirm.Importance = widget.HighImportance
	f.dlg = dialog.NewCustomWithoutButtons(title, body, win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.confirm})
	return f
}

// submitOnEnter makes Enter in the entries confirm the form.
func (f *formDialog) submitOnEnter(entries ...*widget.Entry) {
	for _, e := range entries {
		e.OnSubmitted = func(string) { f.onOK() }
	}
}

// show opens the dialog, filled: the fields of state read as unchanged.
func (f *formDialog) show(width float32, state *widgets.FormState) {
	f.cancel = widgets.AskToDiscard(f.win, state.Changed, f.close)
	f.restore = widgets.FormKeys(f.win, f.cancel, f.confirm)
	f.dlg.Resize(fyne.NewSize(width, f.dlg.MinSize().Height))
	f.dlg.Show()
}

func (f *formDialog) close() {
	f.restore()
	f.dlg.Hide()
}

// itemDialog adds or edits a plan item.
type itemDialog struct {
	s        *Screen
	item     data.TrainingItem
	people   []data.Employee
	employee *widgets.Picker
	course   *widgets.Picker
	start    *widgets.DateEntry
	end      *widgets.DateEntry
	status   *widget.Select
	errs     widgets.FieldErrors
	form     *formDialog
}

// openItemDialog opens the form of a plan item (ID 0 = a new one).
func (s *Screen) openItemDialog(it data.TrainingItem) {
	if len(s.look.courses) == 0 || len(s.look.plannable()) == 0 {
		widgets.Inform(lang.L("training.plan.add"), lang.L("training.plan.need_lists"), s.deps.Window)
		return
	}
	d := &itemDialog{s: s, item: it, errs: widgets.FieldErrors{}}
	d.people = s.look.plannable()
	if e, ok := s.look.employee(it.EmployeeID); ok && e.Status == data.EmployeeLeft {
		d.people = append(d.people, e) // an old item keeps its employee
	}
	d.employee = widgets.NewPicker(pickerNames(d.people), nil)
	var titles []string
	for _, c := range s.look.courses {
		titles = append(titles, c.Title)
	}
	d.course = widgets.NewPicker(titles, func(int) { d.suggestDates() })
	d.start, d.end = widgets.NewDateEntry(), widgets.NewDateEntry()
	d.status = widget.NewSelect(nil, nil)
	for _, st := range data.TrainingStatuses {
		d.status.Options = append(d.status.Options, statusName(st))
	}
	d.status.SetSelectedIndex(0)
	for i, e := range d.people {
		if e.ID == it.EmployeeID {
			d.employee.SetSelectedIndex(i)
		}
	}
	if it.ID != 0 {
		for i, c := range s.look.courses {
			if c.ID == it.CourseID {
				d.course.Selected = titles[i] // no date suggestion over the stored dates
			}
		}
		d.start.SetDate(dayTime(it.PlannedStart))
		d.end.SetDate(dayTime(it.PlannedEnd))
		for i, st := range data.TrainingStatuses {
			if st == it.Status {
				d.status.SetSelectedIndex(i)
			}
		}
		if it.Status == data.TrainingDone {
			d.status.Disable() // reopening a finished training is "edit", not a status flip that loses the date
		}
	}
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("training.col.employee")), d.errs.Under(d.employee, "employee"),
		widgets.FormLabel(lang.L("training.col.course")), d.errs.Under(d.course, "course"),
		widgets.FormLabel(lang.L("training.field.start")), d.start,
		widgets.FormLabel(lang.L("training.field.end")), d.errs.Under(d.end, "planned"),
		widgets.FormLabel(lang.L("training.col.status")), d.errs.Under(d.status, "status", "completed"),
	)
	title := lang.L("training.item.new")
	if it.ID != 0 {
		title = lang.L("training.item.edit")
	}
	d.form = newFormDialog(s.deps.Window, title, lang.L("training.save"), form, d.save)
	d.form.submitOnEnter(&d.start.Entry, &d.end.Entry)
	s.itemDlg = d
	d.form.show(520, widgets.NewFormState(d.employee, d.course, d.start, d.end, d.status))
}

// suggestDates fills empty dates from the course's length.
func (d *itemDialog) suggestDates() {
	i := d.course.SelectedIndex()
	if i < 0 || d.start.Date != nil || d.end.Date != nil {
		return
	}
	start, end := data.SuggestPlanDates(d.s.look.courses[i], d.s.today())
	d.start.SetDate(dayTime(start))
	d.end.SetDate(dayTime(end))
}

// collect reads the form into an item, with what is wrong with it.
func (d *itemDialog) collect() (data.TrainingItem, data.ValidationErrors) {
	it := d.item
	var errs data.ValidationErrors
	it.EmployeeID, it.CourseID = 0, 0
	if i := d.employee.SelectedIndex(); i >= 0 {
		it.EmployeeID = d.people[i].ID
	}
	if i := d.course.SelectedIndex(); i >= 0 {
		it.CourseID = d.s.look.courses[i].ID
	}
	for _, de := range []*widgets.DateEntry{d.start, d.end} {
		if de.Text != "" && de.Validate() != nil {
			errs = append(errs, &data.FieldError{Field: "planned", Key: "feedback.error.date_format", Message: "invalid date"})
		}
	}
	it.PlannedStart, it.PlannedEnd = dateDay(d.start.Date), dateDay(d.end.Date)
	if i := d.status.SelectedIndex(); i >= 0 {
		it.Status = data.TrainingStatuses[i]
	}
	switch {
	case it.Status == data.TrainingDone && it.CompletedOn == 0:
		it.CompletedOn = d.s.today() // chosen here rather than through "Mark done"
	case it.Status != data.TrainingDone:
		it.CompletedOn = 0
	}
	if it.Status == data.TrainingInProgress && it.StartedOn == 0 {
		it.StartedOn = d.s.today()
	}
	var verrs data.ValidationErrors
	if err := it.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			if errs.For(e.Field) == nil {
				errs = append(errs, e)
			}
		}
	}
	return it, errs
}

func (d *itemDialog) save() {
	it, errs := d.collect()
	if len(errs) > 0 {
		d.errs.Show(errs, d.s.showError)
		return
	}
	d.errs.Show(nil, d.s.showError)
	d.form.confirm.Disable()
	d.s.save(func(ctx context.Context) error { return d.s.deps.Store.SaveTrainingItem(ctx, &it) }, func(err error) {
		d.form.confirm.Enable()
		var verrs data.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			d.errs.Show(verrs, d.s.showError)
			return
		case err != nil:
			d.s.showError(err)
			return
		}
		d.form.close()
		if d.s.itemDlg == d {
			d.s.itemDlg = nil
		}
		d.s.plan.reveal(it.ID)
	})
}

// doneDialog marks an item done: the completion date, the result and the
// certificate file.
type doneDialog struct {
	s           *Screen
	item        data.TrainingItem
	completed   *widgets.DateEntry
	result      *widgets.Entry
	certificate *widgets.Entry
	errs        widgets.FieldErrors
	form        *formDialog
}

func (s *Screen) openDoneDialog(it data.TrainingItem) {
	d := &doneDialog{s: s, item: it, errs: widgets.FieldErrors{}}
	d.completed = widgets.NewDateEntry()
	d.completed.SetDate(dayTime(s.today()))
	d.result = widgets.NewMultiLineEntry()
	d.result.Wrapping = fyne.TextWrapWord
	d.result.SetMinRowsVisible(3)
	d.result.SetPlaceHolder(lang.L("training.done.result_hint"))
	d.result.SetText(it.Result)
	d.certificate = widgets.NewEntry()
	d.certificate.SetPlaceHolder(lang.L("training.done.certificate_hint"))
	d.certificate.SetText(it.Certificate)
	choose := widget.NewButtonWithIcon(lang.L("training.done.choose"), theme.FolderOpenIcon(), d.chooseCertificate)
	look := s.look
	head := widget.NewLabel(look.employeeName(it.EmployeeID) + " · " + look.courseTitle(it.CourseID))
	head.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("training.col.completed")), d.errs.Under(d.completed, "completed"),
		widgets.FormLabel(lang.L("training.col.result")), d.result,
		widgets.FormLabel(lang.L("training.done.certificate")), container.NewBorder(nil, nil, nil, choose, d.certificate),
	)
	d.form = newFormDialog(s.deps.Window, lang.L("training.done.title"), lang.L("training.done.ok"),
		container.NewVBox(head, form), d.save)
	d.form.submitOnEnter(&d.completed.Entry, &d.certificate.Entry)
	s.doneDlg = d
	d.form.show(560, widgets.NewFormState(d.completed, d.result, d.certificate))
}

func (d *doneDialog) chooseCertificate() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			d.s.showError(err)
			return
		}
		if r == nil {
			return
		}
		_ = r.Close()
		d.certificate.SetText(r.URI().Path())
	}, d.s.deps.Window)
	widgets.ShowFileDialog(d.s.deps.Window, fd)
}

func (d *doneDialog) save() {
	it := d.item
	var errs data.ValidationErrors
	if d.completed.Text != "" && d.completed.Validate() != nil {
		errs = append(errs, &data.FieldError{Field: "completed", Key: "feedback.error.date_format", Message: "invalid date"})
	}
	it.Status, it.CompletedOn = data.TrainingDone, dateDay(d.completed.Date)
	it.Result, it.Certificate = strings.TrimSpace(d.result.Text), strings.TrimSpace(d.certificate.Text)
	if it.CompletedOn > d.s.today() {
		errs = append(errs, &data.FieldError{Field: "completed", Key: "training.error.completed_future", Message: "the completion date is in the future"})
	}
	var verrs data.ValidationErrors
	if err := it.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			if errs.For(e.Field) == nil {
				errs = append(errs, e)
			}
		}
	}
	if len(errs) > 0 {
		d.errs.Show(errs, d.s.showError)
		return
	}
	d.form.confirm.Disable()
	d.s.save(func(ctx context.Context) error { return d.s.deps.Store.SaveTrainingItem(ctx, &it) }, func(err error) {
		d.form.confirm.Enable()
		if err != nil {
			d.s.showError(err)
			return
		}
		d.form.close()
		if d.s.doneDlg == d {
			d.s.doneDlg = nil
		}
	})
}

// dayTime is a day for a date entry (nil for 0).
func dayTime(d data.Day) *time.Time {
	if d == 0 {
		return nil
	}
	t := d.Time()
	return &t
}

// dateDay is a date entry's day (0 when empty).
func dateDay(t *time.Time) data.Day {
	if t == nil {
		return 0
	}
	return data.DateDay(t.Date())
}

// pickerNames are the employees' names as a picker lists them: a name
// that two people share gets their team, then their position, so that
// each choice is one person (a picker chooses by its text).
func pickerNames(people []data.Employee) []string {
	names := make([]string, len(people))
	for i, e := range people {
		names[i] = e.Name
	}
	for _, detail := range []func(data.Employee) string{
		func(e data.Employee) string { return e.Team },
		func(e data.Employee) string { return e.Position },
		func(e data.Employee) string { return "#" + strconv.FormatInt(e.ID, 10) },
	} {
		seen := map[string]int{}
		for _, n := range names {
			seen[n]++
		}
		for i, e := range people {
			if d := detail(e); seen[names[i]] > 1 && d != "" {
				names[i] += " · " + d
			}
		}
	}
	return names
}
