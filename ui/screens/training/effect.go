package training

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// onEffect shows the employee's scorecard over the 90 days before a done
// training against the 90 days after, with the test behind each change.
func (p *planTab) onEffect() {
	it, ok := p.selectedItem()
	if !ok || it.Status != data.TrainingDone {
		return
	}
	s := p.s
	today := s.today()
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		e, err := kpi.LoadTrainingEffect(context.Background(), s.deps.Store, it, today)
		widgets.Do(func() {
			if err != nil {
				s.showError(err)
				return
			}
			s.effect = e
			s.showEffect(e)
		})
	})
}

func (s *Screen) showEffect(e kpi.TrainingEffect) {
	look := s.look
	head := widget.NewLabel(look.employeeName(e.Item.EmployeeID) + " · " + look.courseTitle(e.Item.CourseID) + " · " +
		lang.L("training.effect.done", map[string]any{"Date": dayText(e.Item.CompletedOn)}))
	head.Wrapping = fyne.TextWrapWord
	bold := func(text string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	grid := container.New(layout.NewGridLayoutWithColumns(4),
		bold(lang.L("chart.team.col.metric")),
		bold(lang.L("training.effect.before", map[string]any{"Range": widgets.DayRange(e.BeforeFrom, e.BeforeTo)})),
		bold(lang.L("training.effect.after", map[string]any{"Range": widgets.DayRange(e.AfterFrom, min(e.AfterTo, s.today()))})),
		bold(lang.L("training.effect.change")))
	for _, r := range e.Rows {
		change := widget.NewLabel(effectChange(r))
		change.Wrapping = fyne.TextWrapWord
		if r.Change.Significant && r.Tested {
			better := (r.Change.Delta > 0) != r.Metric.LowerIsBetter()
			change.Importance = widget.DangerImportance
			if better {
				change.Importance = widget.SuccessImportance
			}
		}
		grid.Add(widget.NewLabel(lang.L(r.Metric.Key())))
		grid.Add(widget.NewLabel(effectFigure(r.Metric, r.Before)))
		grid.Add(widget.NewLabel(effectFigure(r.Metric, r.After)))
		grid.Add(change)
	}
	box := container.NewVBox(head, grid)
	if e.AfterIncomplete {
		note := widget.NewLabel(lang.L("teamkpi.effect.incomplete"))
		note.Importance = widget.WarningImportance
		note.Wrapping = fyne.TextWrapWord
		box.Add(note)
	}
	d := dialog.NewCustom(lang.L("training.effect.title"), lang.L("training.effect.close"), box, s.deps.Window)
	d.Resize(fyne.NewSize(min(900, s.deps.Window.Canvas().Size().Width-40), d.MinSize().Height))
	widgets.ShowWithEscape(s.deps.Window, d)
}

// effectFigure writes one side's figure ("—" when the window has none).
func effectFigure(m kpi.ScoreMetric, v kpi.ScoreValue) string {
	if !v.Valid() {
		return "—"
	}
	switch m {
	case kpi.ScoreHandled, kpi.ScoreKudos:
		return widgets.Num(v.Value, 0)
	case kpi.ScoreNPS:
		return data.FormatSigned(widgets.Lang(), v.Value, 0)
	}
	return widgets.Num(v.Value, 1)
}

// effectChange is the change with what its test says: significant, not
// significant, or not tested (the median resolution time).
func effectChange(r kpi.EffectRow) string {
	if !r.Change.Has {
		return "—"
	}
	delta := data.FormatSigned(widgets.Lang(), r.Change.Delta, 1)
	if r.Metric == kpi.ScoreHandled || r.Metric == kpi.ScoreKudos {
		delta = data.FormatSigned(widgets.Lang(), r.Change.Delta, 0)
	}
	switch {
	case !r.Tested:
		return delta + " · " + lang.L("teamkpi.effect.not_tested")
	case r.Change.Significant:
		return delta + " · " + lang.L("training.effect.significant", map[string]any{"P": pText(r.Change.P)})
	}
	return delta + " · " + lang.L("training.effect.not_significant", map[string]any{"P": pText(r.Change.P)})
}

func pText(p float64) string {
	if p < 0.001 {
		return "< " + widgets.Num(0.001, 3)
	}
	return "= " + widgets.Num(math.Min(p, 1), 3)
}
