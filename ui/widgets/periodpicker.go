package widgets

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// PeriodPreset is a span of days relative to today; kpi.Preset is one
// (widgets may not import data/kpi). Its string form names its label,
// translated as "period.preset.<name>".
type PeriodPreset interface {
	Range(today data.Day) (from, to data.Day)
}

// PeriodPicker chooses the days a list shows: a select of presets whose
// last choice, a custom range, shows two date entries.
type PeriodPicker struct {
	Select   *widget.Select
	From, To *DateEntry
	custom   *fyne.Container
	presets  []PeriodPreset
	content  fyne.CanvasObject
}

// NewPeriodPicker offers presets, then a custom range; the select is
// selectWidth wide and each date entry dateWidth. changed runs after
// every change of choice or date.
func NewPeriodPicker(presets []PeriodPreset, selectWidth, dateWidth float32, changed func()) *PeriodPicker {
	p := &PeriodPicker{presets: presets}
	labels := make([]string, 0, len(presets)+1)
	for _, preset := range presets {
		labels = append(labels, lang.L("period.preset."+fmt.Sprint(preset)))
	}
	labels = append(labels, lang.L("period.preset.custom"))
	p.Select = widget.NewSelect(labels, func(string) {
		if p.isCustom() {
			p.custom.Show()
		} else {
			p.custom.Hide()
		}
		changed()
	})
	p.From, p.To = NewDateEntry(), NewDateEntry()
	p.From.SetPlaceHolder(lang.L("period.from"))
	p.To.SetPlaceHolder(lang.L("period.to"))
	p.From.OnChanged = func(*time.Time) { changed() }
	p.To.OnChanged = func(*time.Time) { changed() }
	p.custom = container.NewGridWrap(fyne.NewSize(dateWidth, p.From.MinSize().Height), p.From, p.To)
	p.custom.Hide()
	p.content = container.NewHBox(FixedWidth(p.Select, selectWidth), p.custom)
	return p
}

// Content is the select with the custom range's date entries beside it.
func (p *PeriodPicker) Content() fyne.CanvasObject { return p.content }

func (p *PeriodPicker) isCustom() bool { return p.Select.SelectedIndex() >= len(p.presets) }

// Range is the chosen days, inclusive, seen from today; 0 is unbounded.
func (p *PeriodPicker) Range(today data.Day) (from, to data.Day) {
	if !p.isCustom() {
		return p.presets[max(0, p.Select.SelectedIndex())].Range(today)
	}
	if d := p.From.Date; d != nil {
		from = data.DateDay(d.Date())
	}
	if d := p.To.Date; d != nil {
		to = data.DateDay(d.Date())
	}
	return from, to
}

// Reset chooses the first preset and clears the custom dates.
func (p *PeriodPicker) Reset() {
	p.From.SetDate(nil)
	p.To.SetDate(nil)
	p.Select.SetSelectedIndex(0)
}
