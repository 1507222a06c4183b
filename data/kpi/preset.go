package kpi

import "caredesk/data"

// Preset names a reporting range relative to today, the choices of the
// period selectors of the dashboard and the feedback list.
type Preset string

// Range presets. PresetAll is unbounded (0, 0).
const (
	PresetAll          Preset = "all"
	PresetLast30Days   Preset = "30d"
	PresetThisMonth    Preset = "this-month"
	PresetLastMonth    Preset = "last-month"
	PresetThisQuarter  Preset = "this-quarter"
	PresetThisYear     Preset = "this-year"
	PresetLastYear     Preset = "last-year"
	PresetLast12Months Preset = "12m" // the current month and the 11 before it
	PresetLast24Months Preset = "24m"
)

// Range returns the inclusive days of the preset seen from today. Ranges
// that include today end today, not at the end of the period: the future
// holds no responses and would only stretch the charts.
func (p Preset) Range(today data.Day) (from, to data.Day) {
	y, m, _ := today.Date()
	switch p {
	case PresetLast30Days:
		return today - 29, today
	case PresetThisMonth:
		return PeriodOf(today, Month).Start, today
	case PresetLastMonth:
		last := PeriodOf(PeriodOf(today, Month).Start-1, Month)
		return last.Start, last.End
	case PresetThisQuarter:
		return PeriodOf(today, Quarter).Start, today
	case PresetThisYear:
		return PeriodOf(today, Year).Start, today
	case PresetLastYear:
		last := PeriodOf(PeriodOf(today, Year).Start-1, Year)
		return last.Start, last.End
	case PresetLast12Months:
		return data.DateDay(y, m-11, 1), today
	case PresetLast24Months:
		return data.DateDay(y, m-23, 1), today
	}
	return 0, 0
}
