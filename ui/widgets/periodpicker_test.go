package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"caredesk/data"
)

// lastDays is a preset of the n days up to today; 0 is unbounded.
type lastDays int

func (n lastDays) Range(today data.Day) (from, to data.Day) {
	if n == 0 {
		return 0, 0
	}
	return today - data.Day(n) + 1, today
}

func TestPeriodPickerPresetsAndCustomRange(t *testing.T) {
	test.NewTempApp(t)
	changes := 0
	p := NewPeriodPicker([]PeriodPreset{lastDays(0), lastDays(7)}, 200, 170, func() { changes++ })
	today := data.DateDay(2025, 3, 15)
	if len(p.Select.Options) != 3 {
		t.Fatalf("choices %q, want two presets and the custom range", p.Select.Options)
	}
	p.Reset()
	if from, to := p.Range(today); from != 0 || to != 0 || p.custom.Visible() {
		t.Errorf("first preset: %v..%v, custom shown %v", from, to, p.custom.Visible())
	}
	p.Select.SetSelectedIndex(1)
	if from, to := p.Range(today); from != data.DateDay(2025, 3, 9) || to != today {
		t.Errorf("last 7 days: %v..%v", from, to)
	}
	p.Select.SetSelectedIndex(2)
	if !p.custom.Visible() {
		t.Fatal("the custom range does not show its dates")
	}
	if from, to := p.Range(today); from != 0 || to != 0 {
		t.Errorf("custom range without dates: %v..%v, want unbounded", from, to)
	}
	d1, d2 := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC)
	p.From.SetDate(&d1)
	p.To.SetDate(&d2)
	if from, to := p.Range(today); from != data.DateDay(2025, 1, 10) || to != data.DateDay(2025, 2, 5) {
		t.Errorf("custom range: %v..%v", from, to)
	}
	before := changes
	p.Reset()
	if p.custom.Visible() || p.From.Date != nil || p.To.Date != nil || p.Select.SelectedIndex() != 0 {
		t.Error("Reset leaves the custom range chosen")
	}
	if changes == before {
		t.Error("Reset did not report the change")
	}
}
