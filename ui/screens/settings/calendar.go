package settings

import (
	"context"
	"errors"
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

// buildCalendar is the department's working calendar: the hours that
// working-hour response and resolution times count.
func (s *Screen) buildCalendar() fyne.CanvasObject {
	s.calendar = widgets.NewCalendarEditor()
	s.calendarMsg = widget.NewLabel("")
	s.calendarMsg.Importance = widget.DangerImportance
	s.calendarMsg.Wrapping = fyne.TextWrapWord
	s.calendarMsg.Hide()
	save := widget.NewButtonWithIcon(lang.L("settings.calendar.save"), theme.DocumentSaveIcon(), s.SaveCalendar)
	save.Importance = widget.HighImportance
	return container.NewVBox(hint("settings.calendar.hint"), s.calendar, s.calendarMsg,
		container.NewHBox(save, layout.NewSpacer()))
}

// SaveCalendar stores the working calendar. The store recounts every
// complaint's working hours in the same transaction, so this runs behind
// a busy dialog.
func (s *Screen) SaveCalendar() {
	c, problems := s.calendar.Calendar()
	if len(problems) == 0 {
		var verrs data.ValidationErrors
		if err := c.Validate(); errors.As(err, &verrs) {
			for _, e := range verrs {
				problems = append(problems, lang.L("field."+e.Field)+": "+widgets.Translated(e.Key, nil, e.Message))
			}
		}
	}
	if len(problems) > 0 {
		s.calendarMsg.SetText(strings.Join(problems, "\n"))
		s.calendarMsg.Show()
		return
	}
	s.calendarMsg.Hide()
	widgets.RunBusy(s.d.Window, lang.L("settings.calendar.saving.title"), lang.L("settings.calendar.saving.text"),
		func(ctx context.Context) error { return s.d.Store.SetWorkCalendar(ctx, c) },
		func(err error) {
			if err != nil {
				s.d.ShowError(err)
				return
			}
			s.status.SetText(lang.L("settings.calendar.done"))
			s.d.Changed()
		})
}
