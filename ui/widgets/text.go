package widgets

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// singleLineRunes keeps a one-line cell cheap to lay out.
const singleLineRunes = 200

// SingleLine flattens text for a one-line cell; the label truncates the
// rest with an ellipsis.
func SingleLine(s string) string {
	if len(s) > singleLineRunes*4 {
		s = s[:singleLineRunes*4]
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > singleLineRunes {
		s = string(r[:singleLineRunes]) + "…"
	}
	return s
}

// FormLabel is the bold, right-aligned name of a form row.
func FormLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// FieldErrors are the error lines of a form's fields by field name, hidden
// until a validation names their field, so that messages appear where the
// mistake is.
type FieldErrors map[string]*widget.Label

// Under returns o with hidden error lines for fields beneath it.
func (fe FieldErrors) Under(o fyne.CanvasObject, fields ...string) fyne.CanvasObject {
	box := container.NewVBox(o)
	for _, name := range fields {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		fe[name] = l
		box.Add(l)
	}
	return box
}

// Show puts each error under its field and hides the lines of the others;
// an error of a field without a line goes to elsewhere, as it still must
// be seen.
func (fe FieldErrors) Show(errs data.ValidationErrors, elsewhere func(error)) {
	for name, l := range fe {
		if e := errs.For(name); e != nil {
			l.SetText(Translated(e.Key, nil, e.Message))
			l.Show()
		} else {
			l.Hide()
		}
	}
	for _, e := range errs {
		if _, ok := fe[e.Field]; !ok {
			elsewhere(e)
		}
	}
}

// ReadDateTime reads a form's date entry and H:MM clock text into *at, a
// moment in loc: zero when the date is empty, left as it was when the date
// cannot be read. The errors name dateField or timeField.
func ReadDateTime(date *DateEntry, clock string, loc *time.Location, at *time.Time, dateField, timeField string) data.ValidationErrors {
	var errs data.ValidationErrors
	hour, minute, ok := parseClock(clock)
	if !ok {
		errs = append(errs, &data.FieldError{Field: timeField, Key: "feedback.error.time", Message: "time must be HH:MM"})
	}
	switch {
	case date.Text != "" && date.Validate() != nil:
		errs = append(errs, &data.FieldError{Field: dateField, Key: "feedback.error.date_format", Message: "invalid date"})
	case date.Date == nil || strings.TrimSpace(date.Text) == "":
		*at = time.Time{}
	default:
		y, m, d := date.Date.Date()
		*at = time.Date(y, m, d, hour, minute, 0, 0, loc)
	}
	return errs
}

// parseClock reads H:MM or HH:MM; an empty field means midnight.
func parseClock(s string) (hour, minute int, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, true
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, false
	}
	return t.Hour(), t.Minute(), true
}
