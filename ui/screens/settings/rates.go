package settings

import (
	"context"
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

var (
	fcrDefinitions = []kpi.FCRDefinition{kpi.FCRStrict, kpi.FCRNoReopen}
	rateBases      = []kpi.DenominatorBase{kpi.BaseClients, kpi.BaseOrders}
)

// rates is the Complaint figures tab: which FCR definition and which
// monthly base the dashboard counts by, and the monthly base itself.
type rates struct {
	fcr, base              *widget.Select
	list                   *widget.List
	months                 []data.Denominator // UI goroutine only
	selected               int                // index in months; -1 = none
	month, clients, orders *widgets.Entry
	errs                   widgets.FieldErrors
	remove                 *widget.Button
	state                  *widgets.FormState // the month's fields as filled or saved
}

func (s *Screen) buildRates() fyne.CanvasObject {
	r := &s.rates
	r.selected = -1
	r.fcr = widget.NewSelect(nil, nil)
	for _, d := range fcrDefinitions {
		r.fcr.Options = append(r.fcr.Options, upperFirst(lang.L(d.Key())))
	}
	r.base = widget.NewSelect([]string{lang.L("settings.base.clients"), lang.L("settings.base.orders")}, nil)
	// Enabled once the stored choices are shown, so that showing them is
	// not taken for a choice.
	r.fcr.Disable()
	r.base.Disable()

	r.list = widget.NewList(
		func() int { return len(r.months) },
		func() fyne.CanvasObject {
			return container.NewGridWithColumns(3, widget.NewLabel("сен 2025"), numberLabel(""), numberLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			d := r.months[id]
			cells := o.(*fyne.Container).Objects
			y, m, _ := d.Month.Date()
			cells[0].(*widget.Label).SetText(data.FormatMonth(widgets.Lang(), y, m))
			cells[1].(*widget.Label).SetText(countText(d.Clients))
			cells[2].(*widget.Label).SetText(countText(d.Orders))
		})
	widgets.LeaveOnSelect(s.d.Window, r.list, func() bool { return r.state.Changed() }, func() widget.ListItemID { return r.selected },
		func(id widget.ListItemID) {
			r.selected = id
			r.remove.Enable()
			d := r.months[id]
			r.month.SetText(d.Month.Time().Format("2006-01"))
			r.clients.SetText(entryCount(d.Clients))
			r.orders.SetText(entryCount(d.Orders))
			r.state.Mark()
		})
	r.list.OnUnselected = func(widget.ListItemID) { r.selected = -1; r.remove.Disable() }

	r.month, r.clients, r.orders = widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	r.month.SetPlaceHolder("2025-03")
	r.month.SetText(time.Now().AddDate(0, -1, 0).Format("2006-01")) // figures usually arrive for the month just ended
	r.clients.SetPlaceHolder("12500")
	r.orders.SetPlaceHolder("30000")
	r.orders.OnSubmitted = func(string) { s.SaveMonth() }
	r.state = widgets.NewFormState(r.month, r.clients, r.orders)
	r.errs = widgets.FieldErrors{}
	save := widget.NewButtonWithIcon(lang.L("settings.dens.save"), theme.DocumentSaveIcon(), s.SaveMonth)
	save.Importance = widget.HighImportance
	r.remove = widget.NewButtonWithIcon(lang.L("settings.dens.remove"), theme.DeleteIcon(), s.removeMonth)
	r.remove.Disable()

	field := func(key string, e *widgets.Entry, width float32, name string) fyne.CanvasObject {
		return r.errs.Under(container.NewVBox(widget.NewLabel(lang.L(key)), widgets.FixedWidth(e, width)), name)
	}
	entry := container.NewGridWithColumns(3,
		field("settings.dens.month", r.month, 150, "month"),
		field("settings.dens.clients", r.clients, 150, "clients"),
		field("settings.dens.orders", r.orders, 150, "orders"))
	head := container.NewGridWithColumns(3, bold("settings.dens.col.month", fyne.TextAlignLeading),
		bold("settings.dens.clients", fyne.TextAlignTrailing), bold("settings.dens.orders", fyne.TextAlignTrailing))
	table := container.NewBorder(head, nil, nil, nil, container.NewGridWrap(fyne.NewSize(480, 220), r.list))

	choices := widget.NewForm(
		widget.NewFormItem(lang.L("settings.fcr"), r.fcr),
		widget.NewFormItem("", hint("settings.fcr.hint")),
		widget.NewFormItem(lang.L("settings.base"), r.base),
		widget.NewFormItem("", hint("settings.base.hint")),
	)
	return container.NewVBox(choices, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("settings.dens"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		hint("settings.dens.hint"),
		container.NewHBox(container.NewVBox(entry, container.NewHBox(save, r.remove), table)))
}

func bold(key string, align fyne.TextAlign) *widget.Label {
	return widget.NewLabelWithStyle(lang.L(key), align, fyne.TextStyle{Bold: true})
}

func numberLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{})
}

// countText is a monthly figure in the list; a month may lack one of them.
func countText(n int64) string {
	if n == 0 {
		return "—"
	}
	return widgets.Int(n)
}

func entryCount(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// applyRates shows the stored choices and months, then lets the selects
// save what the manager picks.
func (s *Screen) applyRates(v stored) {
	r := &s.rates
	fcr, err := kpi.ParseFCRDefinition(v.fcr)
	if err != nil {
		fcr = kpi.FCRStrict // the dashboard falls back the same way
	}
	base, err := kpi.ParseDenominatorBase(v.base)
	if err != nil {
		base = kpi.BaseClients
	}
	r.fcr.OnChanged, r.base.OnChanged = nil, nil
	r.fcr.SetSelectedIndex(max(slices.Index(fcrDefinitions, fcr), 0))
	r.base.SetSelectedIndex(max(slices.Index(rateBases, base), 0))
	r.fcr.OnChanged = func(string) {
		s.saveChoice(data.SettingFCRDefinition, string(fcrDefinitions[r.fcr.SelectedIndex()]))
	}
	r.base.OnChanged = func(string) {
		s.saveChoice(data.SettingComplaintBase, string(rateBases[r.base.SelectedIndex()]))
	}
	r.fcr.Enable()
	r.base.Enable()
	r.showMonths(v.denominators)
}

// showMonths lists the months newest first: the ones being entered.
func (r *rates) showMonths(months []data.Denominator) {
	r.months = slices.Clone(months)
	slices.Reverse(r.months)
	r.selected = -1
	r.list.UnselectAll()
	r.list.Refresh()
	r.remove.Disable()
}

// saveChoice stores one of the dashboard's choices.
func (s *Screen) saveChoice(key, value string) {
	widgets.Go(func() {
		err := s.d.Store.SetSetting(context.Background(), key, value)
		widgets.Do(func() {
			if err != nil {
				s.d.ShowError(err)
				return
			}
			s.status.SetText(lang.L("settings.choice.done"))
			s.d.Changed()
		})
	})
}

// readMonth reads the month fields; an empty count is zero (a month may
// have clients but no orders), but one of them must be given.
func (r *rates) readMonth() (data.Denominator, data.ValidationErrors) {
	var d data.Denominator
	var errs data.ValidationErrors
	month, ok := data.ParseMonth(r.month.Text)
	if !ok {
		errs = append(errs, &data.FieldError{Field: "month", Key: "settings.dens.month.invalid", Message: "enter a month as YYYY-MM, e.g. 2025-03"})
	}
	d.Month = month
	for _, f := range []struct {
		name  string
		entry *widgets.Entry
		to    *int64
	}{{"clients", r.clients, &d.Clients}, {"orders", r.orders, &d.Orders}} {
		n, ok := data.ParseCount(widgets.Lang(), f.entry.Text)
		if !ok {
			errs = append(errs, &data.FieldError{Field: f.name, Key: "settings.dens.count.invalid", Message: "enter a whole number, 0 or more"})
		}
		*f.to = n
	}
	if len(errs) == 0 && d.Clients == 0 && d.Orders == 0 {
		errs = append(errs, &data.FieldError{Field: "clients", Key: "settings.dens.none", Message: "enter clients, orders or both"})
	}
	return d, errs
}

// SaveMonth stores the typed month's base; a month already listed is
// replaced.
func (s *Screen) SaveMonth() {
	d, errs := s.rates.readMonth()
	s.rates.errs.Show(errs, s.d.ShowError)
	if len(errs) > 0 {
		return
	}
	y, m, _ := d.Month.Date()
	s.storeMonth(d, lang.L("settings.dens.done", map[string]any{"Month": data.FormatMonth(widgets.Lang(), y, m)}))
}

// removeMonth deletes the selected month's base (both figures zero).
func (s *Screen) removeMonth() {
	r := &s.rates
	if r.selected < 0 || r.selected >= len(r.months) {
		return
	}
	month := r.months[r.selected].Month
	y, m, _ := month.Date()
	s.storeMonth(data.Denominator{Month: month}, lang.L("settings.dens.removed", map[string]any{"Month": data.FormatMonth(widgets.Lang(), y, m)}))
}

func (s *Screen) storeMonth(d data.Denominator, done string) {
	widgets.Go(func() {
		ctx := context.Background()
		err := s.d.Store.SetDenominator(ctx, d)
		var months []data.Denominator
		if err == nil {
			months, err = s.d.Store.Denominators(ctx)
		}
		widgets.Do(func() {
			if err != nil {
				s.d.ShowError(err)
				return
			}
			s.rates.showMonths(months)
			s.rates.clients.SetText("")
			s.rates.orders.SetText("")
			s.rates.state.Mark()
			s.status.SetText(done)
			s.d.Changed()
		})
	})
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
