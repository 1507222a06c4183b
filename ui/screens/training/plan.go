package training

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// planPreset is a whole period around today: a plan looks ahead, so the
// current quarter or year runs to its end (kpi's presets stop at today).
type planPreset string

const (
	presetPlanQuarter planPreset = "plan-quarter"
	presetPlanYear    planPreset = "plan-year"
	presetPlanAll     planPreset = "all"
)

func (p planPreset) String() string { return string(p) }

// Range is the whole current quarter or year; all is unbounded.
func (p planPreset) Range(today data.Day) (from, to data.Day) {
	switch p {
	case presetPlanQuarter:
		q := kpi.PeriodOf(today, kpi.Quarter)
		return q.Start, q.End
	case presetPlanYear:
		y := kpi.PeriodOf(today, kpi.Year)
		return y.Start, y.End
	}
	return 0, 0
}

var planPresets = []widgets.PeriodPreset{presetPlanYear, presetPlanQuarter, presetPlanAll}

// whoChoice is one choice of the employee filter: everyone, a team or one
// employee.
type whoChoice struct {
	team     string
	employee int64
}

// Plan table columns.
const (
	colEmployee = iota
	colCourse
	colPlanned
	colStatus
	colCompleted
	colResult
	planColumns
)

var planColumnKeys = [planColumns]string{"training.col.employee", "training.col.course", "training.col.planned",
	"training.col.status", "training.col.completed", "training.col.result"}

var planColumnWidths = [planColumns]float32{150, 185, 225, 235, 115, 160}

// planTab lists the plan items with filters, the actions on the chosen
// item and the timeline of the items shown.
type planTab struct {
	s *Screen

	who      *widgets.Picker // type to find one of hundreds of employees
	whos     []whoChoice
	status   *widget.Select // 0 = every status, then data.TrainingStatuses
	overdue  *widget.Check
	period   *widgets.PeriodPicker
	count    *widget.Label
	table    *widget.Table
	empty    fyne.CanvasObject
	timeline *widgets.ChartView

	edit, start, done, effect, cancel, remove *widget.Button

	items    []data.TrainingItem // loaded for the period; UI goroutine only
	shown    []data.TrainingItem // after the in-memory filters
	selected int64               // item ID; 0 = none
	pending  int64               // item to select once loaded (reveal)
	loadGen  int

	box fyne.CanvasObject
}

func (s *Screen) buildPlan() *planTab {
	p := &planTab{s: s}
	p.who = widgets.NewPicker(nil, func(int) { p.applyFilters() })
	p.status = widget.NewSelect(nil, func(string) { p.applyFilters() })
	p.status.Options = append(p.status.Options, lang.L("training.filter.any_status"))
	for _, st := range data.TrainingStatuses {
		p.status.Options = append(p.status.Options, statusName(st))
	}
	p.status.SetSelectedIndex(0)
	p.overdue = widget.NewCheck(lang.L("training.filter.overdue"), func(bool) { p.applyFilters() })
	p.period = widgets.NewPeriodPicker(planPresets, 170, 130, func() { p.load() })
	p.period.Select.SetSelectedIndex(0)
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance

	p.table = widgets.NewLabelTable(func() int { return len(p.shown) }, planColumnKeys[:], planColumnWidths[:], p.updateCell)
	// The dates and the statuses take the width their language needs
	// (Russian dates are short, its statuses long).
	measure := func(text string) float32 { return widget.NewLabel(text).MinSize().Width + theme.Padding() }
	sample := data.TrainingItem{PlannedStart: data.DateDay(2026, 12, 28), PlannedEnd: data.DateDay(2026, 12, 30)}
	p.table.SetColumnWidth(colPlanned, measure(widgets.DayRange(sample.PlannedStart, sample.PlannedEnd)))
	var status float32
	for _, st := range []data.TrainingStatus{data.TrainingPlanned, data.TrainingInProgress} {
		sample.Status = st
		status = max(status, measure(statusText(sample, sample.PlannedEnd+118)))
	}
	p.table.SetColumnWidth(colStatus, status)
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.shown) {
			p.selected = p.shown[id.Row].ID
			p.updateActions()
		}
	}
	p.table.OnUnselected = func(widget.TableCellID) {
		p.selected = 0
		p.updateActions()
	}

	add := widget.NewButtonWithIcon(lang.L("training.plan.add"), theme.ContentAddIcon(), func() { s.openItemDialog(data.TrainingItem{}) })
	add.Importance = widget.HighImportance
	p.edit = widget.NewButtonWithIcon(lang.L("training.plan.edit"), theme.DocumentCreateIcon(), p.onEdit)
	p.start = widget.NewButtonWithIcon(lang.L("training.plan.start"), theme.MediaPlayIcon(), p.onStart)
	p.done = widget.NewButtonWithIcon(lang.L("training.plan.done"), theme.ConfirmIcon(), p.onDone)
	p.effect = widget.NewButtonWithIcon(lang.L("training.plan.effect"), theme.InfoIcon(), p.onEffect)
	p.cancel = widget.NewButtonWithIcon(lang.L("training.plan.cancel"), theme.CancelIcon(), p.onCancel)
	p.remove = widget.NewButtonWithIcon(lang.L("training.plan.delete"), theme.DeleteIcon(), p.onDelete)
	p.updateActions()

	p.timeline = widgets.NewChartView(s.deps.Dark)
	p.timeline.OnError = s.showError
	export := widget.NewButtonWithIcon(lang.L("dashboard.export"), theme.DocumentSaveIcon(), func() {
		s.exportChart(timelineName, p.timelineBuilder(false))
	})
	export.Importance = widget.LowImportance
	timelineHead := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(lang.L("training.timeline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), export)

	filters := container.NewHBox(widgets.FixedWidth(p.who, 210), widgets.FixedWidth(p.status, 150), p.overdue, p.period.Content())
	// The count gives way first when a language's buttons are long.
	p.count.Alignment, p.count.Truncation = fyne.TextAlignTrailing, fyne.TextTruncateEllipsis
	actions := container.NewBorder(nil, nil, container.NewHBox(add, p.edit, p.start, p.done, p.effect, p.cancel, p.remove), nil, p.count)

	title := widget.NewLabelWithStyle(lang.L("training.plan.empty_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabelWithStyle(lang.L("training.plan.empty_text"), fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	p.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 120), container.NewVBox(title, text)))
	p.empty.Hide()

	split := container.NewVSplit(container.NewStack(p.table, p.empty), container.NewBorder(timelineHead, nil, nil, nil, p.timeline))
	split.Offset = 0.5
	p.box = container.NewBorder(container.NewVBox(filters, actions), nil, nil, nil, split)
	return p
}

// lookupsChanged rebuilds the employee filter's choices, keeping the
// current one when it is still there.
func (p *planTab) lookupsChanged() {
	var keep whoChoice
	if i := p.who.SelectedIndex(); i >= 0 && i < len(p.whos) {
		keep = p.whos[i]
	}
	p.whos = []whoChoice{{}}
	opts := []string{lang.L("training.filter.everyone")}
	for _, t := range sortedTeams(p.s.look.employees) {
		p.whos = append(p.whos, whoChoice{team: t})
		opts = append(opts, lang.L("training.filter.team", map[string]any{"Team": t}))
	}
	names := pickerNames(p.s.look.employees)
	for i, e := range p.s.look.employees {
		p.whos = append(p.whos, whoChoice{employee: e.ID})
		name := names[i]
		if e.Status == data.EmployeeLeft {
			name += " (" + lang.L("employee.status.left") + ")"
		}
		opts = append(opts, name)
	}
	p.who.Options = opts
	i := max(0, slices.Index(p.whos, keep))
	p.who.Selected = opts[i] // no reload: load follows
	p.who.Refresh()
}

// load reads the items of the chosen period off the UI goroutine.
func (p *planTab) load() {
	today := p.s.today()
	from, to := p.period.Range(today)
	if from != 0 && to != 0 && from > to {
		from, to = to, from
	}
	p.loadGen++
	gen := p.loadGen
	s := p.s
	s.busy.Add(1)
	widgets.Go(func() {
		defer s.busy.Done()
		// A current or past period keeps what is still open from before it.
		items, err := s.deps.Store.TrainingItems(context.Background(), data.TrainingFilter{From: from, To: to, KeepOpen: from <= today})
		widgets.Do(func() {
			if gen != p.loadGen {
				return // a newer load is on its way
			}
			if err != nil {
				s.showError(err)
				return
			}
			p.items = items
			p.applyFilters()
			p.tryReveal()
		})
	})
}

// applyFilters narrows the loaded items by employee or team, status and
// overdue, then redraws the table and the timeline.
func (p *planTab) applyFilters() {
	if p.table == nil || p.timeline == nil {
		return // still building
	}
	today := p.s.today()
	var who whoChoice
	if i := p.who.SelectedIndex(); i >= 0 && i < len(p.whos) {
		who = p.whos[i]
	}
	var status data.TrainingStatus
	if i := p.status.SelectedIndex(); i > 0 {
		status = data.TrainingStatuses[i-1]
	}
	p.shown = p.shown[:0]
	for _, it := range p.items {
		if who.employee != 0 && it.EmployeeID != who.employee {
			continue
		}
		if who.team != "" {
			if e, ok := p.s.look.employee(it.EmployeeID); !ok || e.Team != who.team {
				continue
			}
		}
		if status != "" && it.Status != status {
			continue
		}
		if p.overdue.Checked && !it.Overdue(today) {
			continue
		}
		p.shown = append(p.shown, it)
	}
	if !slices.ContainsFunc(p.shown, func(it data.TrainingItem) bool { return it.ID == p.selected }) {
		p.selected = 0
		p.table.UnselectAll()
	}
	if len(p.shown) > 0 {
		p.empty.Hide()
	} else {
		p.empty.Show()
	}
	overdue := 0
	for _, it := range p.shown {
		if it.Overdue(today) {
			overdue++
		}
	}
	p.count.SetText(itemsWord(len(p.shown)) + overdueNote(overdue))
	p.table.Refresh()
	p.updateActions()
	p.timeline.SetBuilder(p.timelineBuilder(true))
}

func (p *planTab) updateCell(id widget.TableCellID, l *widget.Label) {
	if id.Row < 0 || id.Row >= len(p.shown) {
		l.SetText("")
		return
	}
	it := p.shown[id.Row]
	look := p.s.look
	l.Importance = widget.MediumImportance
	text := ""
	switch id.Col {
	case colEmployee:
		text = look.employeeName(it.EmployeeID)
	case colCourse:
		text = look.courseTitle(it.CourseID)
	case colPlanned:
		text = widgets.DayRange(it.PlannedStart, it.PlannedEnd)
	case colStatus:
		text = statusText(it, p.s.today())
		switch {
		case it.Overdue(p.s.today()):
			l.Importance = widget.DangerImportance
		case it.Status == data.TrainingDone:
			l.Importance = widget.SuccessImportance
		case it.Status == data.TrainingCancelled:
			l.Importance = widget.LowImportance
		}
	case colCompleted:
		if it.CompletedOn != 0 {
			text = dayText(it.CompletedOn)
		}
	case colResult:
		text = widgets.SingleLine(it.Result)
	}
	l.SetText(text)
}

// selectedItem is the chosen item, if any.
func (p *planTab) selectedItem() (data.TrainingItem, bool) {
	for _, it := range p.shown {
		if it.ID == p.selected && p.selected != 0 {
			return it, true
		}
	}
	return data.TrainingItem{}, false
}

// updateActions enables what the chosen item's status allows.
func (p *planTab) updateActions() {
	it, ok := p.selectedItem()
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(p.edit, ok)
	enable(p.remove, ok)
	enable(p.start, ok && it.Status == data.TrainingPlanned)
	enable(p.done, ok && it.Status.Open())
	enable(p.effect, ok && it.Status == data.TrainingDone)
	enable(p.cancel, ok && it.Status.Open())
}

// reveal chooses the item with the given ID once it is loaded, widening
// the filters when they hide it (an item just added from a
// recommendation may fall outside them).
func (p *planTab) reveal(id int64) {
	p.pending = id
	p.load()
}

// tryReveal runs after each load: it selects the pending item, or widens
// the filters until it shows.
func (p *planTab) tryReveal() {
	id := p.pending
	if id == 0 {
		return
	}
	if !slices.ContainsFunc(p.items, func(it data.TrainingItem) bool { return it.ID == id }) {
		if p.period.Select.SelectedIndex() != len(planPresets)-1 {
			p.period.Select.SetSelectedIndex(len(planPresets) - 1) // all time: loads again
		} else {
			p.pending = 0 // gone
		}
		return
	}
	p.pending = 0
	if !slices.ContainsFunc(p.shown, func(it data.TrainingItem) bool { return it.ID == id }) {
		p.who.SetSelectedIndex(0)
		p.status.SetSelectedIndex(0)
		p.overdue.SetChecked(false)
	}
	if i := slices.IndexFunc(p.shown, func(it data.TrainingItem) bool { return it.ID == id }); i >= 0 {
		p.table.Select(widget.TableCellID{Row: i, Col: 0})
		p.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	}
}

func (p *planTab) onEdit() {
	if it, ok := p.selectedItem(); ok {
		p.s.openItemDialog(it)
	}
}

// onStart records that the training began today.
func (p *planTab) onStart() {
	it, ok := p.selectedItem()
	if !ok {
		return
	}
	it.Status, it.StartedOn = data.TrainingInProgress, p.s.today()
	p.s.save(func(ctx context.Context) error { return p.s.deps.Store.SaveTrainingItem(ctx, &it) }, nil)
}

func (p *planTab) onDone() {
	if it, ok := p.selectedItem(); ok {
		p.s.openDoneDialog(it)
	}
}

func (p *planTab) onCancel() {
	it, ok := p.selectedItem()
	if !ok {
		return
	}
	look := p.s.look
	widgets.Confirm(lang.L("training.cancel.title"), lang.L("training.cancel.text",
		map[string]any{"Course": look.courseTitle(it.CourseID), "Employee": look.employeeName(it.EmployeeID)}),
		func(yes bool) {
			if !yes {
				return
			}
			it.Status = data.TrainingCancelled
			p.s.save(func(ctx context.Context) error { return p.s.deps.Store.SaveTrainingItem(ctx, &it) }, nil)
		}, p.s.deps.Window)
}

func (p *planTab) onDelete() {
	it, ok := p.selectedItem()
	if !ok {
		return
	}
	look := p.s.look
	widgets.Confirm(lang.L("training.delete.title"), lang.L("training.delete.text",
		map[string]any{"Course": look.courseTitle(it.CourseID), "Employee": look.employeeName(it.EmployeeID)}),
		func(yes bool) {
			if !yes {
				return
			}
			p.s.save(func(ctx context.Context) error { return p.s.deps.Store.DeleteTrainingItem(ctx, it.ID) }, nil)
		}, p.s.deps.Window)
}

func statusName(st data.TrainingStatus) string { return lang.L("training.status." + string(st)) }

// statusText is the status with how many days an open item is overdue.
func statusText(it data.TrainingItem, today data.Day) string {
	text := statusName(it.Status)
	if it.Overdue(today) {
		n := int(today - it.PlannedEnd)
		text += " · " + lang.LocalizePluralKey("training.overdue_days", "overdue", n, map[string]any{"N": widgets.Int(int64(n))})
	}
	return text
}

func dayText(d data.Day) string { return data.FormatDate(widgets.Lang(), d.Time()) }

func itemsWord(n int) string {
	return lang.LocalizePluralKey("training.items", fmt.Sprint(n), n, map[string]any{"N": widgets.Int(int64(n))})
}

func overdueNote(n int) string {
	if n == 0 {
		return ""
	}
	return " · " + lang.LocalizePluralKey("training.items_overdue", fmt.Sprint(n), n, map[string]any{"N": widgets.Int(int64(n))})
}
