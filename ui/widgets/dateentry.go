package widgets

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// DateEntry is a date field with a calendar to pick from. It shows and
// reads dates as the app's language writes them (31.01.2025 in Russian,
// 2025-01-31 in English) and takes what people type (see
// data.ParseDateInput). Fyne's own DateEntry follows the system's region
// only: it wrote 31/01/2025 for Russian and refused 31.01.2025.
type DateEntry struct {
	widget.Entry
	Date      *time.Time       // nil when empty; kept while the text cannot be read
	OnChanged func(*time.Time) // after a date is typed, picked or set, or cleared

	picker *widget.Button
	popUp  *widget.PopUp
}

var errDateInput = errors.New("not a date")

// NewDateEntry returns an empty date field.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("date.placeholder")
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, ok := data.ParseDateInput(s); !ok {
			return errDateInput
		}
		return nil
	}
	e.Entry.OnChanged = e.typed
	e.picker = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	e.picker.Importance = widget.LowImportance
	e.ActionItem = e.picker
	return e
}

func (e *DateEntry) typed(text string) {
	if strings.TrimSpace(text) == "" {
		e.Date = nil
		if e.OnChanged != nil {
			e.OnChanged(nil)
		}
		return
	}
	t, ok := data.ParseDateInput(text)
	if !ok {
		return
	}
	e.Date = &t
	if e.OnChanged != nil {
		e.OnChanged(&t)
	}
}

// SetDate shows d (nil clears the field).
func (e *DateEntry) SetDate(d *time.Time) {
	if d == nil {
		e.Date = nil
		e.SetText("")
		return
	}
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	e.Date = &day
	e.SetText(data.FormatDateInput(Lang(), day))
}

// showCalendar opens a calendar under the field on its date's month.
func (e *DateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	cal := newMonthCalendar(e.Date, e.Date, func(picked time.Time) {
		if e.popUp != nil {
			e.popUp.Hide()
		}
		e.SetDate(&picked)
	})
	e.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(max(e.Size().Width, cal.MinSize().Width), cal.MinSize().Height))
}

// TypedKey gives Escape to the window (see Entry).
func (e *DateEntry) TypedKey(k *fyne.KeyEvent) {
	if !escapeToWindow(e, k) {
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut gives Ctrl+letter and Ctrl+digit to the window (see Entry).
func (e *DateEntry) TypedShortcut(s fyne.Shortcut) {
	if !shortcutToWindow(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// Enable lets the field and its calendar be used again.
func (e *DateEntry) Enable() {
	e.picker.Enable()
	e.Entry.Enable()
}

// Disable stops the field and its calendar from being used.
func (e *DateEntry) Disable() {
	e.picker.Disable()
	e.Entry.Disable()
}
