package training

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// budgetRow is one plan (a budget's period) against what was done in it.
type budgetRow struct {
	budget data.TrainingBudget
	stat   kpi.TrainingStat
}

// Budget table columns.
const (
	bcolPlan = iota
	bcolPeriod
	bcolBudget
	bcolPlanned
	bcolSpent
	bcolLeft
	bcolHours
	bcolDone
	budgetColumns
)

var budgetColumnKeys = [budgetColumns]string{"training.budget.col.plan", "training.budget.col.period", "training.budget.col.budget",
	"training.budget.col.planned", "training.budget.col.spent", "training.budget.col.left", "training.budget.col.hours",
	"training.budget.col.done"}

var budgetColumnWidths = [budgetColumns]float32{110, 200, 105, 115, 105, 105, 160, 120}

// budgetsTab lists the plans per quarter or year with their budgets, the
// plan against actual of each, and the hours and budget chart.
type budgetsTab struct {
	s *Screen

	table   *widget.Table
	rows    []budgetRow // UI goroutine only
	chosen  int         // row of the budget in the form; -1 = a new one
	quarter kpi.TrainingSeries
	chart   *widgets.ChartView
	loadGen int

	budget  data.TrainingBudget
	title   *widgets.Entry
	from    *widgets.DateEntry
	to      *widgets.DateEntry
	amount  *widgets.Entry
	errs    widgets.FieldErrors
	save    *widget.Button
	remove  *widget.Button
	formBox fyne.CanvasObject
	state   *widgets.FormState // the fields as the budget was put in or saved

	box fyne.CanvasObject
}

func (s *Screen) buildBudgets() *budgetsTab {
	b := &budgetsTab{s: s, chosen: -1, errs: widgets.FieldErrors{}}
	b.table = widgets.NewLabelTable(func() int { return len(b.rows) }, budgetColumnKeys[:], budgetColumnWidths[:], b.updateCell)
	b.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(b.rows) {
			return
		}
		row, bu := id.Row, b.rows[id.Row].budget
		open := func() {
			b.chosen = row
			b.edit(bu)
		}
		switch {
		case bu.ID == b.budget.ID && b.state.Changed():
			b.chosen = row // selected again, as a reload does: what is typed stays
		case bu.ID == b.budget.ID:
			open()
		default:
			widgets.Leave(s.deps.Window, b.state.Changed, open, func() { // keep editing: the table shows the budget still edited
				if b.chosen >= 0 {
					b.table.Select(widget.TableCellID{Row: b.chosen, Col: 0})
				} else {
					b.table.UnselectAll()
				}
			})
		}
	}

	b.title, b.amount = widgets.NewEntry(), widgets.NewEntry()
	b.title.SetPlaceHolder(lang.L("training.budget.title_hint"))
	b.amount.SetPlaceHolder(widgets.Num(0, 2))
	b.from, b.to = widgets.NewDateEntry(), widgets.NewDateEntry()
	newBtn := widget.NewButtonWithIcon(lang.L("training.budget.new"), theme.ContentAddIcon(), func() {
		widgets.Leave(s.deps.Window, b.state.Changed, b.onNew, nil)
	})
	quarter := widget.NewButton(lang.L("training.budget.this_quarter"), func() { b.setPeriod(kpi.Quarter) })
	year := widget.NewButton(lang.L("training.budget.this_year"), func() { b.setPeriod(kpi.Year) })
	b.save = widget.NewButtonWithIcon(lang.L("training.save"), theme.DocumentSaveIcon(), b.onSave)
	b.save.Importance = widget.HighImportance
	b.remove = widget.NewButtonWithIcon(lang.L("training.budget.delete"), theme.DeleteIcon(), b.onDelete)
	for _, e := range []*widget.Entry{&b.title.Entry, &b.amount.Entry, &b.from.Entry, &b.to.Entry} {
		e.OnSubmitted = func(string) { b.onSave() }
	}
	form := container.New(layout.NewFormLayout(),
		widgets.FormLabel(lang.L("training.budget.col.plan")), b.title,
		widgets.FormLabel(lang.L("training.budget.col.period")), b.errs.Under(
			container.NewHBox(widgets.FixedWidth(b.from, 150), widgets.FixedWidth(b.to, 150), quarter, year), "period"),
		widgets.FormLabel(lang.L("training.budget.col.budget")), b.errs.Under(widgets.FixedWidth(b.amount, 160), "amount"),
	)
	b.formBox = container.NewVBox(form, container.NewHBox(newBtn, layout.NewSpacer(), b.remove, b.save))
	b.state = widgets.NewFormState(b.title, b.from, b.to, b.amount)
	b.onNew()

	b.chart = widgets.NewChartView(s.deps.Dark)
	b.chart.OnError = s.showError
	export := widget.NewButtonWithIcon(lang.L("dashboard.export"), theme.DocumentSaveIcon(), func() {
		s.exportChart(string(charts.KindTrainingBudget), b.chartBuilder(false))
	})
	export.Importance = widget.LowImportance
	chartHead := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(lang.L("chart.title.training-budget"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), export)
	split := container.NewVSplit(b.table, container.NewBorder(chartHead, nil, nil, nil, b.chart))
	split.Offset = 0.45
	b.box = container.NewBorder(b.formBox, nil, nil, nil, split)
	return b
}

func (b *budgetsTab) lookupsChanged() {}

// load computes each plan against actual, and the figures per quarter,
// off the UI goroutine.
func (b *budgetsTab) load() {
	s := b.s
	today := s.today()
	b.loadGen++
	gen := b.loadGen
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		ctx := context.Background()
		var in kpi.TrainingInput
		var err error
		in.Items, err = s.deps.Store.TrainingItems(ctx, data.TrainingFilter{})
		if err == nil {
			in.Courses, err = s.deps.Store.Courses(ctx)
		}
		if err == nil {
			in.Budgets, err = s.deps.Store.TrainingBudgets(ctx)
		}
		var rows []budgetRow
		var quarter kpi.TrainingSeries
		if err == nil {
			for _, bu := range in.Budgets {
				rows = append(rows, budgetRow{budget: bu, stat: kpi.TrainingSpan(in, bu.From, bu.To, today)})
			}
			quarter = kpi.TrainingTrend(in, kpi.Quarter, 0, 0, today)
		}
		widgets.Do(func() {
			if gen != b.loadGen {
				return
			}
			if err != nil {
				s.showError(err)
				return
			}
			b.apply(rows, quarter)
		})
	})
}

func (b *budgetsTab) apply(rows []budgetRow, quarter kpi.TrainingSeries) {
	b.rows, b.quarter = rows, quarter
	b.table.UnselectAll()
	b.chosen = -1
	if i := slices.IndexFunc(rows, func(r budgetRow) bool { return r.budget.ID == b.budget.ID && b.budget.ID != 0 }); i >= 0 {
		b.chosen = i
		b.table.Select(widget.TableCellID{Row: i, Col: 0})
	}
	b.table.Refresh()
	b.chart.SetBuilder(b.chartBuilder(true))
}

func (b *budgetsTab) updateCell(id widget.TableCellID, l *widget.Label) {
	l.Alignment = fyne.TextAlignTrailing
	l.Importance = widget.MediumImportance
	if id.Row < 0 || id.Row >= len(b.rows) {
		l.SetText("")
		return
	}
	r := b.rows[id.Row]
	st := r.stat
	text := ""
	switch id.Col {
	case bcolPlan:
		l.Alignment = fyne.TextAlignLeading
		text = r.budget.Title
		if text == "" {
			text = "—"
		}
	case bcolPeriod:
		l.Alignment = fyne.TextAlignLeading
		text = widgets.DayRange(r.budget.From, r.budget.To)
	case bcolBudget:
		text = money(r.budget.Amount)
	case bcolPlanned:
		text = money(st.CostPlanned)
		if st.CostPlanned > r.budget.Amount {
			l.Importance = widget.WarningImportance // the plan costs more than its budget
		}
	case bcolSpent:
		text = money(st.CostDone)
	case bcolLeft:
		left := r.budget.Amount - st.CostDone
		text = money(left)
		if left < 0 {
			l.Importance = widget.DangerImportance
		}
	case bcolHours:
		text = widgets.Num(st.HoursDone, 1) + " / " + widgets.Num(st.HoursPlanned, 1)
	case bcolDone:
		text = widgets.Int(st.Done) + " / " + widgets.Int(st.Planned)
	}
	l.SetText(text)
}

// chartBuilder draws hours and cost per quarter against the budgets.
func (b *budgetsTab) chartBuilder(onScreen bool) widgets.ChartBuilder {
	d := charts.BudgetFromTraining(b.quarter, widgets.Lang())
	from, to := b.quarter.Total.Period.Start, b.quarter.Total.Period.End
	labels := widgets.ChartLabels(charts.KindTrainingBudget, widgets.RangeLabel(from, to, string(kpi.Quarter)))
	if onScreen {
		labels.Title, labels.Subtitle = "", ""
	}
	return func(o charts.Options) (*charts.Chart, error) {
		o.Labels = labels
		return charts.TrainingBudget(d, o), nil
	}
}

func (b *budgetsTab) onNew() {
	b.table.UnselectAll()
	b.chosen = -1
	b.edit(data.TrainingBudget{})
	b.remove.Disable()
}

// setPeriod fills the dates with the current quarter or year.
func (b *budgetsTab) setPeriod(g kpi.Granularity) {
	p := kpi.PeriodOf(b.s.today(), g)
	b.from.SetDate(dayTime(p.Start))
	b.to.SetDate(dayTime(p.End))
	if strings.TrimSpace(b.title.Text) == "" {
		b.title.SetText(periodTitle(p, g))
	}
}

func (b *budgetsTab) edit(bu data.TrainingBudget) {
	b.budget = bu
	b.title.SetText(bu.Title)
	b.from.SetDate(dayTime(bu.From))
	b.to.SetDate(dayTime(bu.To))
	b.amount.SetText("")
	if bu.Amount > 0 {
		b.amount.SetText(money(bu.Amount))
	}
	b.errs.Show(nil, nil)
	b.state.Mark()
	if bu.ID != 0 {
		b.remove.Enable()
	}
}

func (b *budgetsTab) onSave() {
	bu := b.budget
	var errs data.ValidationErrors
	bu.Title = strings.TrimSpace(b.title.Text)
	for _, de := range []*widgets.DateEntry{b.from, b.to} {
		if de.Text != "" && de.Validate() != nil {
			errs = append(errs, &data.FieldError{Field: "period", Key: "feedback.error.date_format", Message: "invalid date"})
		}
	}
	bu.From, bu.To = dateDay(b.from.Date), dateDay(b.to.Date)
	if v, ok := data.ParseMoney(widgets.Lang(), b.amount.Text); ok {
		bu.Amount = v
	} else {
		errs = append(errs, &data.FieldError{Field: "amount", Key: "training.error.cost", Message: "not an amount"})
	}
	var verrs data.ValidationErrors
	if err := bu.Validate(); errors.As(err, &verrs) {
		for _, e := range verrs {
			if errs.For(e.Field) == nil {
				errs = append(errs, e)
			}
		}
	}
	b.errs.Show(errs, b.s.showError)
	if len(errs) > 0 {
		return
	}
	b.save.Disable()
	b.s.save(func(ctx context.Context) error { return b.s.deps.Store.SaveTrainingBudget(ctx, &bu) }, func(err error) {
		b.save.Enable()
		var verrs data.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			b.errs.Show(verrs, b.s.showError)
		case err != nil:
			b.s.showError(err)
		default:
			b.budget = bu
			b.state.Mark()
			b.remove.Enable()
		}
	})
}

func (b *budgetsTab) onDelete() {
	bu := b.budget
	if bu.ID == 0 {
		return
	}
	name := bu.Title
	if name == "" {
		name = widgets.DayRange(bu.From, bu.To)
	}
	widgets.Confirm(lang.L("training.budget.delete_title"), lang.L("training.budget.delete_text", map[string]any{"Title": name}),
		func(yes bool) {
			if !yes {
				return
			}
			b.s.save(func(ctx context.Context) error { return b.s.deps.Store.DeleteTrainingBudget(ctx, bu.ID) }, func(err error) {
				if err != nil {
					b.s.showError(err)
					return
				}
				b.onNew()
			})
		}, b.s.deps.Window)
}

// periodTitle names a quarter ("Q1 2026") or another period by its label.
func periodTitle(p kpi.Period, g kpi.Granularity) string {
	if g != kpi.Quarter {
		return p.Label
	}
	y, m, _ := p.Start.Date()
	return data.FormatQuarter(widgets.Lang(), y, (int(m)-1)/3+1)
}
