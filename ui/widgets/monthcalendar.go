package widgets

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// monthCalendar is a month of days to pick one from, headed and laid out
// in the app's language (weeks start on Monday). Fyne's calendar heads
// its month in English whatever the language, and its Russian weekday
// names swap Tuesday and Thursday.
type monthCalendar struct {
	widget.BaseWidget
	month  time.Time  // the first of the month shown, UTC
	marked *time.Time // the field's date, highlighted
	onPick func(time.Time)

	title *widget.Label
	days  *fyne.Container
}

func newMonthCalendar(shown, marked *time.Time, onPick func(time.Time)) *monthCalendar {
	m := time.Now()
	if shown != nil {
		m = *shown
	}
	c := &monthCalendar{month: time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, time.UTC), marked: marked, onPick: onPick,
		title: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		days:  container.NewGridWithColumns(7)}
	c.ExtendBaseWidget(c)
	c.fill()
	return c
}

// turn shows the month months away from the one shown.
func (c *monthCalendar) turn(months int) {
	c.month = c.month.AddDate(0, months, 0)
	c.fill()
}

// fill lays out the month shown: the headings, blanks up to its first
// weekday, then a button per day.
func (c *monthCalendar) fill() {
	lang := Lang()
	c.title.SetText(data.FormatMonthYear(lang, c.month.Year(), c.month.Month()))
	var cells []fyne.CanvasObject
	for i := range 7 {
		heading := widget.NewLabelWithStyle(data.WeekdayShort(lang, time.Weekday((i+1)%7)), fyne.TextAlignCenter, fyne.TextStyle{})
		heading.Importance = widget.LowImportance
		cells = append(cells, heading)
	}
	for range (int(c.month.Weekday()) + 6) % 7 {
		cells = append(cells, widget.NewLabel(""))
	}
	today := time.Now()
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.onPick(day) })
		switch {
		case c.marked != nil && sameDay(*c.marked, d):
			b.Importance = widget.HighImportance
		case sameDay(today, d):
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		cells = append(cells, b)
	}
	c.days.Objects = cells
	c.days.Refresh()
}

// sameDay compares calendar days as each time writes them.
func sameDay(a, b time.Time) bool { return data.DateDay(a.Date()) == data.DateDay(b.Date()) }

func (c *monthCalendar) CreateRenderer() fyne.WidgetRenderer {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.turn(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.turn(1) })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	return widget.NewSimpleRenderer(container.NewBorder(container.NewBorder(nil, nil, prev, next, c.title), nil, nil, nil, c.days))
}
