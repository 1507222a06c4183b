package team

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// Roster columns.
const (
	colName = iota
	colPosition
	colTeam
	colStatus
	colHired
	colTraining
	rosterCols
)

var rosterHeads = [rosterCols]string{"team.col.name", "team.col.position", "team.col.team", "team.col.status", "team.col.hired", "team.col.training"}
var rosterWidths = [rosterCols]float32{220, 240, 140, 110, 120, 200}

// Status filter choices: the current team (active and on leave) first.
const (
	showCurrent = iota
	showActive
	showOnLeave
	showLeft
	showAll
)

// roster is the table of employees with its filters.
type roster struct {
	s *Screen

	search  *widgets.SearchBox
	teamSel *widget.Select // "all teams", then the teams
	status  *widget.Select
	table   *widget.Table
	count   *widget.Label
	rows    []data.Employee // as filtered and sorted

	order rosterOrder // kept across refreshes and filter changes
	// coll compares names in collLang, the UI language it was made for.
	coll     *collate.Collator
	collLang string

	empty   fyne.CanvasObject // no employees at all
	nomatch fyne.CanvasObject // none match the filters
	content fyne.CanvasObject
}

func newRoster(s *Screen) *roster {
	r := &roster{s: s, order: rosterOrder{col: colName}}
	r.search = widgets.NewSearchBox(lang.L("team.search"), &s.busy, r.apply)
	r.teamSel = widget.NewSelect([]string{lang.L("team.filter.all_teams")}, nil)
	r.teamSel.SetSelectedIndex(0)
	r.status = widget.NewSelect([]string{lang.L("team.filter.current"), statusName(data.EmployeeActive),
		statusName(data.EmployeeOnLeave), statusName(data.EmployeeLeft), lang.L("team.filter.all")}, nil)
	r.status.SetSelectedIndex(showCurrent)
	r.teamSel.OnChanged = func(string) { r.apply() }
	r.status.OnChanged = func(string) { r.apply() }

	r.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(r.rows), rosterCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		r.updateCell)
	r.table.ShowHeaderColumn = false
	r.table.CreateHeader = func() fyne.CanvasObject { return newSortHeader(r.sortBy) }
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*sortHeader).set(id.Col, r.headerText(id.Col))
		}
	}
	for i, w := range rosterWidths {
		r.table.SetColumnWidth(i, w)
	}
	r.table.OnSelected = func(id widget.TableCellID) {
		r.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(r.rows) {
			s.openCard(r.rows[id.Row].ID)
		}
	}

	add := widget.NewButtonWithIcon(lang.L("team.add"), theme.ContentAddIcon(), s.NewEmployee)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("team.import"), theme.FolderOpenIcon(), s.Import)
	r.count = widget.NewLabel("")
	toolbar := container.NewBorder(nil, nil, nil, container.NewHBox(
		widgets.FixedWidth(r.teamSel, 170), widgets.FixedWidth(r.status, 200), r.count, imp, add),
		r.search)

	emptyTitle := widget.NewLabelWithStyle(lang.L("team.empty.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	emptyText := widget.NewLabelWithStyle(lang.L("team.empty.text"), fyne.TextAlignCenter, fyne.TextStyle{})
	emptyText.Wrapping = fyne.TextWrapWord
	emptyAdd := widget.NewButtonWithIcon(lang.L("team.add"), theme.ContentAddIcon(), s.NewEmployee)
	emptyAdd.Importance = widget.HighImportance
	emptyImport := widget.NewButtonWithIcon(lang.L("team.import"), theme.FolderOpenIcon(), s.Import)
	r.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 170),
		container.NewVBox(emptyTitle, emptyText, container.NewHBox(layout.NewSpacer(), emptyAdd, emptyImport, layout.NewSpacer()))))
	r.empty.Hide()
	r.nomatch = container.NewCenter(widget.NewLabel(lang.L("team.nomatch")))
	r.nomatch.Hide()
	r.content = container.NewBorder(toolbar, nil, nil, nil, container.NewStack(r.table, r.empty, r.nomatch))
	return r
}

// apply filters the loaded employees into the table.
func (r *roster) apply() {
	sn := &r.s.snap
	teams := append([]string{lang.L("team.filter.all_teams")}, sn.distinct(func(e data.Employee) string { return e.Team })...)
	chosen := r.teamSel.Selected
	r.teamSel.Options = teams
	if !slices.Contains(teams, chosen) {
		r.teamSel.SetSelectedIndex(0)
		return // SetSelectedIndex applied again
	}
	q := strings.ToLower(strings.TrimSpace(r.search.Text))
	r.rows = r.rows[:0]
	for _, e := range sn.employees {
		if r.teamSel.SelectedIndex() > 0 && e.Team != chosen {
			continue
		}
		if !statusShown(r.status.SelectedIndex(), e.Status) {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(e.Name+" "+e.Position+" "+e.Team+" "+e.Contact), q) {
			continue
		}
		r.rows = append(r.rows, e)
	}
	r.sortRows()
	r.count.SetText(lang.LocalizePluralKey("team.count", "{{.Count}} employees", len(r.rows),
		map[string]any{"Count": widgets.Int(int64(len(r.rows)))}))
	switch {
	case len(sn.employees) == 0:
		r.table.Hide()
		r.nomatch.Hide()
		r.empty.Show()
	case len(r.rows) == 0:
		r.table.Hide()
		r.empty.Hide()
		r.nomatch.Show()
	default:
		r.empty.Hide()
		r.nomatch.Hide()
		r.table.Show()
	}
	r.table.Refresh()
}

// rosterOrder is the column the roster is sorted by and its direction.
type rosterOrder struct {
	col  int
	desc bool
}

// sortBy sorts by a column, ascending; tapping the sorted column again
// reverses it. The first rows come into view.
func (r *roster) sortBy(col int) {
	if r.order.col == col {
		r.order.desc = !r.order.desc
	} else {
		r.order = rosterOrder{col: col}
	}
	r.apply()
	r.table.ScrollToTop()
}

// headerText is a column's title, with an arrow on the sorted column.
func (r *roster) headerText(col int) string {
	title := lang.L(rosterHeads[col])
	switch {
	case col != r.order.col:
		return title
	case r.order.desc:
		return title + " ▼"
	}
	return title + " ▲"
}

// sortRows orders the filtered rows by the chosen column, then by name.
// Blank positions and teams and unknown hire dates stay at the end in
// either direction: they are what a manager fills in, not an extreme.
func (r *roster) sortRows() {
	// Collation keys are made once per row: comparing strings through the
	// collator at every step took 100 ms for 2,000 rows, too slow to follow
	// typing in the search box.
	coll := r.collator()
	var buf collate.Buffer
	key := func(s string) []byte { return coll.KeyFromString(&buf, s) }
	type sortRow struct {
		e          data.Employee
		name, text []byte // text: the sorted column's, for position and team
		noText     bool   // that column is blank
	}
	rows := make([]sortRow, len(r.rows))
	for i, e := range r.rows {
		rows[i] = sortRow{e: e, name: key(e.Name)}
		switch r.order.col {
		case colPosition:
			rows[i].text, rows[i].noText = key(e.Position), e.Position == ""
		case colTeam:
			rows[i].text, rows[i].noText = key(e.Team), e.Team == ""
		}
	}
	byName := func(a, b sortRow) int { return cmp.Or(bytes.Compare(a.name, b.name), cmp.Compare(a.e.ID, b.e.ID)) }
	open, overdue := r.s.snap.open, r.s.snap.overdue
	slices.SortFunc(rows, func(a, b sortRow) int {
		c, blank := 0, false
		switch r.order.col {
		case colName:
			c = byName(a, b)
		case colPosition, colTeam:
			if blank = a.noText != b.noText; blank {
				c = cmp.Compare(boolInt(a.noText), boolInt(b.noText)) // blank after any text
			} else {
				c = bytes.Compare(a.text, b.text)
			}
		case colStatus:
			c = cmp.Compare(slices.Index(data.EmployeeStatuses, a.e.Status), slices.Index(data.EmployeeStatuses, b.e.Status))
		case colHired:
			if blank = (a.e.HiredOn == 0) != (b.e.HiredOn == 0); blank {
				c = cmp.Compare(boolInt(a.e.HiredOn == 0), boolInt(b.e.HiredOn == 0)) // unknown after any date
			} else {
				c = cmp.Compare(a.e.HiredOn, b.e.HiredOn)
			}
		case colTraining:
			c = cmp.Or(cmp.Compare(overdue[a.e.ID], overdue[b.e.ID]), cmp.Compare(open[a.e.ID], open[b.e.ID]))
		}
		if r.order.desc && !blank {
			c = -c
		}
		return cmp.Or(c, byName(a, b))
	})
	for i, row := range rows {
		r.rows[i] = row.e
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// collator compares text the way the UI language sorts it (ё with е,
// case ignored at first, numbers by value: "Agent 2" before "Agent 10").
// It is made again when the language changes.
func (r *roster) collator() *collate.Collator {
	if code := widgets.Lang(); r.coll == nil || r.collLang != code {
		r.coll = collate.New(language.Make(code), collate.Numeric)
		r.collLang = code
	}
	return r.coll
}

// sortHeader is a roster column title; tapping it sorts by the column.
type sortHeader struct {
	widget.BaseWidget
	label *widget.Label
	col   int
	onTap func(col int)
}

var (
	_ fyne.Tappable      = (*sortHeader)(nil)
	_ desktop.Cursorable = (*sortHeader)(nil)
)

func newSortHeader(onTap func(col int)) *sortHeader {
	h := &sortHeader{label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), onTap: onTap}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

func (h *sortHeader) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.label) }

func (h *sortHeader) set(col int, text string) {
	h.col = col
	h.label.SetText(text)
}

// Tapped sorts by the header's column.
func (h *sortHeader) Tapped(*fyne.PointEvent) { h.onTap(h.col) }

// Cursor shows that the header can be clicked.
func (h *sortHeader) Cursor() desktop.Cursor { return desktop.PointerCursor }

func statusShown(choice int, st data.EmployeeStatus) bool {
	switch choice {
	case showActive:
		return st == data.EmployeeActive
	case showOnLeave:
		return st == data.EmployeeOnLeave
	case showLeft:
		return st == data.EmployeeLeft
	case showAll:
		return true
	}
	return st != data.EmployeeLeft
}

func (r *roster) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(r.rows) {
		l.SetText("")
		return
	}
	e := r.rows[id.Row]
	l.Importance = widget.MediumImportance
	text := ""
	switch id.Col {
	case colName:
		text = e.Name
	case colPosition:
		text = e.Position
	case colTeam:
		text = e.Team
	case colStatus:
		text = statusName(e.Status)
		if e.Status == data.EmployeeLeft {
			l.Importance = widget.LowImportance
		}
	case colHired:
		text = dayText(e.HiredOn)
	case colTraining:
		open, overdue := r.s.snap.open[e.ID], r.s.snap.overdue[e.ID]
		text = trainingSummary(open, overdue)
		if overdue > 0 {
			l.Importance = widget.DangerImportance
		}
	}
	l.SetText(widgets.SingleLine(text))
}

func trainingSummary(open, overdue int) string {
	switch {
	case open == 0:
		return "—"
	case overdue == 0:
		return lang.L("team.training.open", map[string]any{"Open": widgets.Int(int64(open))})
	}
	return lang.L("team.training.open_overdue", map[string]any{"Open": widgets.Int(int64(open)), "Overdue": widgets.Int(int64(overdue))})
}

// FocusSearch shows the roster and puts the keyboard in its search box.
// Leaving an open card asks first, as its Back does.
func (s *Screen) FocusSearch() {
	search := func() {
		s.closeCard()
		s.tabs.SelectIndex(0)
		s.roster.search.Focus()
	}
	if s.card == nil {
		search()
		return
	}
	widgets.Leave(s.deps.Window, s.card.dirty, search, nil)
}

// NewEmployee asks for a new employee's details and opens the card of the
// one added.
func (s *Screen) NewEmployee() {
	f := newEmployeeForm(&s.snap)
	f.set(data.Employee{Status: data.EmployeeActive, HiredOn: s.today()})
	var dlg *dialog.CustomDialog
	submit := func() {
		e, ok := f.read(s.showError)
		if !ok {
			return
		}
		s.write(func(ctx context.Context) error { return s.deps.Store.SaveEmployee(ctx, &e) }, func(err error) {
			if f.showErr(err, s.showError) {
				return
			}
			dlg.Hide()
			s.openCard(e.ID)
		})
	}
	f.onSubmit = submit
	ask := widgets.AskToDiscard(s.deps.Window, f.dirty, func() { dlg.Hide() })
	cancel := widget.NewButton(lang.L("dialog.cancel"), ask)
	save := widget.NewButtonWithIcon(lang.L("team.add.save"), theme.DocumentSaveIcon(), submit)
	save.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons(lang.L("team.add.title"), container.NewVScroll(f.content), s.deps.Window)
	dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	dlg.Resize(fyne.NewSize(560, 560))
	s.addDialog = dlg
	s.addForm = f
	widgets.ShowForm(s.deps.Window, dlg, ask)
	s.deps.Window.Canvas().Focus(f.name)
}

// confirmDelete deletes an employee after a confirm; while their complaints,
// plan items or kudos remain it explains that the status "left" is the way
// to take them off the roster, and offers to set it.
func (s *Screen) confirmDelete(e data.Employee) {
	widgets.Confirm(lang.L("team.delete.title"), lang.L("team.delete.text", map[string]any{"Name": e.Name}), func(yes bool) {
		if !yes {
			return
		}
		s.write(func(ctx context.Context) error { return s.deps.Store.DeleteEmployee(ctx, e.ID) }, func(err error) {
			switch {
			case errors.Is(err, data.ErrConflict):
				s.explainConflict(e)
			case err != nil:
				s.showError(err)
			default:
				s.closeCard()
			}
		})
	}, s.deps.Window)
}

func (s *Screen) explainConflict(e data.Employee) {
	text := widget.NewLabel(lang.L("team.delete.conflict", map[string]any{"Name": e.Name}))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("team.delete.conflict_title"), lang.L("team.delete.set_left"), lang.L("dialog.cancel"),
		text, func(setLeft bool) {
			if !setLeft {
				return
			}
			e.Status = data.EmployeeLeft
			s.write(func(ctx context.Context) error { return s.deps.Store.SaveEmployee(ctx, &e) }, nil)
		}, s.deps.Window)
	d.Resize(fyne.NewSize(480, 220))
	s.conflict = d
	s.show(d)
}
