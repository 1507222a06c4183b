package widgets

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// CalendarEditor edits a working calendar: 24/7 or working hours on
// chosen weekdays, and a list of holidays. The standards form and the
// department settings share it. Its parts are exported so that forms and
// tests can drive them.
type CalendarEditor struct {
	widget.BaseWidget

	AllDay     *widget.Check
	Weekdays   [7]*widget.Check // indexed by time.Weekday
	Start, End *widget.Entry    // HH:MM
	Holidays   *widget.List
	HolidayDay *DateEntry

	holidays []data.Day
	selected int // index in holidays; -1 = none
	content  fyne.CanvasObject
}

// NewCalendarEditor builds an editor showing data.DefaultCalendar.
func NewCalendarEditor() *CalendarEditor {
	e := &CalendarEditor{selected: -1}
	e.AllDay = widget.NewCheck(lang.L("standards.calendar.all_day"), func(bool) { e.updateEnabled() })
	days := container.NewHBox()
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		e.Weekdays[d] = widget.NewCheck(weekdayName(d), nil)
		days.Add(e.Weekdays[d])
	}
	e.Start, e.End = widget.NewEntry(), widget.NewEntry()
	e.Start.SetPlaceHolder("09:00")
	e.End.SetPlaceHolder("18:00")
	hours := container.NewHBox(widget.NewLabel(lang.L("standards.calendar.from")), FixedWidth(e.Start, 80),
		widget.NewLabel(lang.L("standards.calendar.to")), FixedWidth(e.End, 80))

	e.Holidays = widget.NewList(
		func() int { return len(e.holidays) },
		func() fyne.CanvasObject { return widget.NewLabel("Jan 31, 2025, Friday") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(dayWithWeekday(e.holidays[id]))
		})
	e.Holidays.OnSelected = func(id widget.ListItemID) { e.selected = id }
	e.Holidays.OnUnselected = func(widget.ListItemID) { e.selected = -1 }
	e.HolidayDay = NewDateEntry()
	add := widget.NewButtonWithIcon(lang.L("standards.holiday.add"), theme.ContentAddIcon(), e.AddHoliday)
	remove := widget.NewButtonWithIcon(lang.L("standards.holiday.remove"), theme.ContentRemoveIcon(), e.RemoveHoliday)
	holidays := container.NewBorder(nil, nil, nil,
		container.NewVBox(FixedWidth(e.HolidayDay, 170), container.NewHBox(add, remove)),
		container.NewGridWrap(fyne.NewSize(260, 150), e.Holidays))

	heading := widget.NewLabelWithStyle(lang.L("standards.holidays"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.content = container.NewVBox(container.NewHBox(e.AllDay, hours), days, heading, container.NewHBox(holidays))
	e.ExtendBaseWidget(e)
	e.Set(data.DefaultCalendar())
	return e
}

// CreateRenderer implements fyne.Widget.
func (e *CalendarEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(e.content)
}

// weekdayName is the short name of a weekday in the UI language.
func weekdayName(d time.Weekday) string { return lang.L("standards.weekday." + strconv.Itoa(int(d))) }

// dayWithWeekday is a date in the UI language with its weekday.
func dayWithWeekday(d data.Day) string {
	return data.FormatDate(Lang(), d.Time()) + ", " + weekdayName(d.Weekday())
}

// Set shows c. A 24/7 calendar keeps the default hours in the fields, so
// that unticking 24/7 starts from a usual day.
func (e *CalendarEditor) Set(c data.Calendar) {
	e.AllDay.SetChecked(c.AllDay)
	for d, check := range e.Weekdays {
		check.SetChecked(c.Weekdays[d])
	}
	if c.AllDay && c.Start == 0 && c.End == 0 {
		def := data.DefaultCalendar()
		c.Start, c.End = def.Start, def.End
	}
	e.Start.SetText(clockText(c.Start))
	e.End.SetText(clockText(c.End))
	e.holidays = slices.Clone(c.Holidays)
	slices.Sort(e.holidays)
	e.selected = -1
	e.Holidays.UnselectAll()
	e.Holidays.Refresh()
	e.updateEnabled()
}

// Calendar reads the fields back; problems are translated messages about
// fields that could not be read (the calendar's own rules are checked by
// data.Calendar.Validate).
func (e *CalendarEditor) Calendar() (data.Calendar, []string) {
	c := data.Calendar{AllDay: e.AllDay.Checked, Holidays: slices.Clone(e.holidays)}
	for d, check := range e.Weekdays {
		c.Weekdays[d] = check.Checked
	}
	start, ok1 := parseClockMinutes(e.Start.Text)
	end, ok2 := parseClockMinutes(e.End.Text)
	c.Start, c.End = start, end
	var problems []string
	if !c.AllDay && (!ok1 || !ok2) {
		problems = append(problems, lang.L("standards.error.hours"))
	}
	return c, problems
}

// AddHoliday adds the day in HolidayDay to the holidays (once, in order).
func (e *CalendarEditor) AddHoliday() {
	if e.HolidayDay.Date == nil {
		return
	}
	day := data.DateDay(e.HolidayDay.Date.Date())
	if !slices.Contains(e.holidays, day) {
		e.holidays = append(e.holidays, day)
		slices.Sort(e.holidays)
	}
	e.HolidayDay.SetDate(nil)
	e.Holidays.Refresh()
}

// RemoveHoliday removes the holiday selected in the list.
func (e *CalendarEditor) RemoveHoliday() {
	if e.selected < 0 || e.selected >= len(e.holidays) {
		return
	}
	e.holidays = slices.Delete(e.holidays, e.selected, e.selected+1)
	e.selected = -1
	e.Holidays.UnselectAll()
	e.Holidays.Refresh()
}

// updateEnabled locks hours and days on a 24/7 calendar, where they do
// not apply.
func (e *CalendarEditor) updateEnabled() {
	ws := []fyne.Disableable{e.Start, e.End}
	for _, c := range e.Weekdays {
		ws = append(ws, c)
	}
	for _, w := range ws {
		if e.AllDay.Checked {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

func clockText(minutes int) string {
	return strconv.Itoa(minutes/600) + strconv.Itoa(minutes/60%10) + ":" + strconv.Itoa(minutes%60/10) + strconv.Itoa(minutes%10)
}

// parseClockMinutes reads HH:MM as minutes after midnight; 24:00 is the
// end of the day.
func parseClockMinutes(s string) (int, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hours, err1 := strconv.Atoi(h)
	minutes, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hours < 0 || minutes < 0 || minutes > 59 || hours*60+minutes > 24*60 {
		return 0, false
	}
	return hours*60 + minutes, true
}
