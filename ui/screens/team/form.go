package team

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// Fields of data.Employee.Validate plus the form's own.
const (
	fieldName   = "name"
	fieldStatus = "status"
	fieldHired  = "hired"
)

// employeeForm edits an employee's details: in the add dialog and on the
// card's Details tab.
type employeeForm struct {
	e data.Employee // as loaded; ID 0 while adding

	name     *widgets.Entry
	position *widgets.SelectEntry
	team     *widgets.SelectEntry
	hired    *widgets.DateEntry
	status   *widget.Select
	contact  *widgets.Entry
	notes    *widgets.Entry
	errs     widgets.FieldErrors
	onSubmit func() // Enter in a one-line field

	content fyne.CanvasObject
}

func newEmployeeForm(sn *snapshot) *employeeForm {
	f := &employeeForm{errs: widgets.FieldErrors{}}
	submit := func(string) {
		if f.onSubmit != nil {
			f.onSubmit()
		}
	}
	f.name = widgets.NewEntry()
	f.name.OnSubmitted = submit
	f.position = widgets.NewSelectEntry(sn.positions())
	f.position.OnSubmitted = submit
	f.team = widgets.NewSelectEntry(sn.distinct(func(e data.Employee) string { return e.Team }))
	f.team.OnSubmitted = submit
	f.hired = widgets.NewDateEntry()
	f.hired.OnSubmitted = submit
	var names []string
	for _, st := range data.EmployeeStatuses {
		names = append(names, statusName(st))
	}
	f.status = widget.NewSelect(names, nil)
	f.contact = widgets.NewEntry()
	f.contact.SetPlaceHolder(lang.L("team.contact.placeholder"))
	f.contact.OnSubmitted = submit
	f.notes = widgets.NewMultiLineEntry()
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.SetMinRowsVisible(4)
	f.notes.SetPlaceHolder(lang.L("team.notes.placeholder"))
	f.content = container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("team.col.name")), f.errs.Under(f.name, fieldName),
		widgets.FormLabel(lang.L("team.col.position")), f.position,
		widgets.FormLabel(lang.L("team.col.team")), f.team,
		widgets.FormLabel(lang.L("team.col.hired")), f.errs.Under(widgets.FixedWidth(f.hired, 200), fieldHired),
		widgets.FormLabel(lang.L("team.col.status")), f.errs.Under(widgets.FixedWidth(f.status, 200), fieldStatus),
		widgets.FormLabel(lang.L("team.contact")), f.contact,
		widgets.FormLabel(lang.L("team.notes")), f.notes)
	return f
}

func (f *employeeForm) set(e data.Employee) {
	f.e = e
	f.name.SetText(e.Name)
	f.position.SetText(e.Position)
	f.team.SetText(e.Team)
	f.hired.SetDate(dateOf(e.HiredOn))
	f.status.SetSelectedIndex(max(0, slices.Index(data.EmployeeStatuses, e.Status)))
	f.contact.SetText(e.Contact)
	f.notes.SetText(e.Notes)
	f.errs.Show(nil, nil)
}

// dirty reports whether the fields differ from the employee last set.
func (f *employeeForm) dirty() bool {
	e := f.e
	day, ok := readDay(f.hired)
	return strings.TrimSpace(f.name.Text) != e.Name || strings.TrimSpace(f.position.Text) != e.Position ||
		strings.TrimSpace(f.team.Text) != e.Team || !ok || day != e.HiredOn ||
		f.status.SelectedIndex() != slices.Index(data.EmployeeStatuses, e.Status) ||
		strings.TrimSpace(f.contact.Text) != e.Contact || strings.TrimSpace(f.notes.Text) != strings.TrimSpace(e.Notes)
}

// read returns the edited employee, validated; false (with the problems
// shown at their fields, or given to elsewhere) when something is wrong.
func (f *employeeForm) read(elsewhere func(error)) (data.Employee, bool) {
	e := f.e
	e.Name = strings.TrimSpace(f.name.Text)
	e.Position = strings.TrimSpace(f.position.Text)
	e.Team = strings.TrimSpace(f.team.Text)
	e.Status = data.EmployeeStatuses[max(0, f.status.SelectedIndex())]
	e.Contact = strings.TrimSpace(f.contact.Text)
	e.Notes = strings.TrimSpace(f.notes.Text)
	var errs data.ValidationErrors
	if day, ok := readDay(f.hired); ok {
		e.HiredOn = day
	} else {
		errs = append(errs, &data.FieldError{Field: fieldHired, Key: "team.error.date", Message: "invalid date"})
	}
	var verrs data.ValidationErrors
	if err := e.Validate(); errors.As(err, &verrs) {
		errs = append(errs, verrs...)
	}
	if len(errs) > 0 {
		f.errs.Show(errs, elsewhere)
		return e, false
	}
	f.errs.Show(nil, nil)
	return e, true
}

// showErr shows a store error at its field; it reports whether there was
// an error at all (others go to elsewhere).
func (f *employeeForm) showErr(err error, elsewhere func(error)) bool {
	var verrs data.ValidationErrors
	switch {
	case err == nil:
		return false
	case errors.As(err, &verrs):
		f.errs.Show(verrs, elsewhere)
	default:
		elsewhere(err)
	}
	return true
}
