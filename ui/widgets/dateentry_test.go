package widgets

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestDateEntryWritesAndReadsTheAppLanguage(t *testing.T) {
	test.NewTempApp(t)
	defer SetLang(Lang())
	day := time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"ru": "31.01.2025", "en": "2025-01-31"} {
		SetLang(lang)
		e := NewDateEntry()
		e.SetDate(&day)
		if e.Text != want {
			t.Errorf("%s: shows %q, want %q", lang, e.Text, want)
		}
	}

	SetLang("ru")
	e := NewDateEntry()
	w := test.NewTempWindow(t, container.NewVBox(e))
	w.Resize(fyne.NewSize(400, 600))
	var changed []*time.Time
	e.OnChanged = func(d *time.Time) { changed = append(changed, d) }

	// A Russian manager types dots: Fyne's own field refused them.
	test.Type(e, "31.01.2025")
	if e.Date == nil || !e.Date.Equal(day) || e.Validate() != nil || len(changed) == 0 || changed[len(changed)-1] == nil {
		t.Fatalf("typed 31.01.2025: date %v, valid %v, changes %v", e.Date, e.Validate(), changed)
	}
	// Ambiguous slashes are refused, and the date read before is kept.
	e.SetText("01/02/2025")
	if e.Validate() == nil || e.Date == nil || !e.Date.Equal(day) {
		t.Errorf("01/02/2025: valid %v, date %v", e.Validate(), e.Date)
	}
	e.SetText("")
	if e.Date != nil || e.Validate() != nil || changed[len(changed)-1] != nil {
		t.Errorf("cleared: date %v, valid %v", e.Date, e.Validate())
	}

	// The calendar opens under the field on the date's month.
	e.SetDate(&day)
	test.Tap(e.picker)
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("the calendar did not open")
	}
	pop, ok := overlay.(*widget.PopUp)
	if !ok {
		t.Fatalf("overlay is %T", overlay)
	}
	cal, ok := pop.Content.(*monthCalendar)
	if !ok {
		t.Fatalf("the pop-up holds %T, not a calendar", pop.Content)
	}
	// Headed in Russian, Monday first (Fyne's swapped Tuesday and
	// Thursday, and named the month in English), on the field's month.
	if cal.title.Text != "Январь 2025" {
		t.Errorf("calendar title %q", cal.title.Text)
	}
	var headings []string
	for _, o := range cal.days.Objects[:7] {
		headings = append(headings, o.(*widget.Label).Text)
	}
	if got := strings.Join(headings, " "); got != "Пн Вт Ср Чт Пт Сб Вс" {
		t.Errorf("weekday headings %q", got)
	}
	// 1 January 2025 is a Wednesday: two blanks, then the days; the
	// field's date is marked.
	first := cal.days.Objects[7+2].(*widget.Button)
	last := cal.days.Objects[7+2+30].(*widget.Button)
	if first.Text != "1" || last.Text != "31" || last.Importance != widget.HighImportance {
		t.Errorf("first day %q, last %q (importance %v)", first.Text, last.Text, last.Importance)
	}
	cal.turn(1)
	if cal.title.Text != "Февраль 2025" {
		t.Errorf("next month %q", cal.title.Text)
	}
	test.Tap(cal.days.Objects[7+5].(*widget.Button)) // Saturday 1 February
	feb1 := time.Date(2025, time.February, 1, 0, 0, 0, 0, time.UTC)
	if e.Date == nil || !e.Date.Equal(feb1) || e.Text != "01.02.2025" || pop.Visible() {
		t.Errorf("picked 1 February: date %v, text %q, calendar still open %v", e.Date, e.Text, pop.Visible())
	}
	if at := pop.Content.Position(); at.Y < e.Size().Height {
		t.Errorf("the calendar at %v covers the field (height %v)", at, e.Size().Height)
	}

	e.Disable()
	if !e.picker.Disabled() {
		t.Error("a disabled field keeps its calendar usable")
	}
}
